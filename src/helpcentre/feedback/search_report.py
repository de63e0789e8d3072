"""What readers searched for, for the help-centre manager: which articles to write, which synonyms to add.

Three lists, each grouped by the query lowercased and shown in its most common spelling:

- top: every query, by how often it was searched, with how often a result was opened from it
  and how many results it showed on average;
- no_results: the queries whose every search showed nothing, the articles readers miss;
- never_opened: the queries that showed results of which readers opened none, the queries
  that find the wrong articles (a synonym may send them to the right one).

Beside the queries with no results, the words of theirs that carry the question, by how often
they were searched: each is a synonym to add beside the word the articles use, or the subject
of an article to write.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field

from helpcentre.feedback.store import StoredSearch
from helpcentre.search.vocabulary import content_words

# Wide enough for most queries, narrow enough that a table of them fits a terminal.
QUERY_COLUMN_WIDTH = 40
ELLIPSIS = "…"
# Characters that reorder the text around them in a terminal that lays out right-to-left
# scripts: one in a query could pull its row's numbers into another column.
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@dataclass(frozen=True)
class TopQuery:
    query: str
    searches: int
    opens: int
    # None for a query only ever reported as opened, as when --since leaves out its search.
    mean_results: float | None


@dataclass(frozen=True)
class QueryWithoutResults:
    query: str
    searches: int


@dataclass(frozen=True)
class WordWithoutResults:
    word: str
    # The searches with no results whose query holds the word.
    searches: int


@dataclass(frozen=True)
class QueryNeverOpened:
    query: str
    # The searches that showed at least one result, and how many on average.
    searches: int
    mean_results: float


@dataclass(frozen=True)
class SearchesSummary:
    top: list[TopQuery]
    no_results: list[QueryWithoutResults]
    never_opened: list[QueryNeverOpened]
    words_without_results: list[WordWithoutResults] = field(default_factory=list)
    # How many queries each list has in all, before the limit.
    totals: dict[str, int] = field(default_factory=dict)
    since: str | None = None


@dataclass
class _Tally:
    spellings: Counter[str] = field(default_factory=Counter)
    searches: int = 0
    results: int = 0
    searches_with_results: int = 0
    results_when_any: int = 0
    opens: int = 0

    @property
    def query(self) -> str:
        # The most common spelling; of equally common ones, the first seen.
        return self.spellings.most_common(1)[0][0]


def summarise_searches(
    searches: Iterable[StoredSearch], *, limit: int | None = None, since: str | None = None
) -> SearchesSummary:
    """The three lists from the stored reports (oldest first), each at most `limit` long (None: all).

    `since` is only noted, for the headings: `searches` are those from that day on already.
    """
    tallies: dict[str, _Tally] = {}
    for search in searches:
        tally = tallies.setdefault(search.query_key, _Tally())
        tally.spellings[search.query] += 1
        if search.opened_path is not None:
            tally.opens += 1
            continue
        tally.searches += 1
        tally.results += search.results
        if search.results > 0:
            tally.searches_with_results += 1
            tally.results_when_any += search.results

    def by_count(key: str, count: int) -> tuple[int, str, str]:
        return (-count, key, tallies[key].query)

    top_keys = sorted(tallies, key=lambda key: by_count(key, tallies[key].searches))
    no_result_keys = sorted(
        (key for key, tally in tallies.items() if tally.searches and not tally.searches_with_results),
        key=lambda key: by_count(key, tallies[key].searches),
    )
    never_opened_keys = sorted(
        (key for key, tally in tallies.items() if tally.searches_with_results and not tally.opens),
        key=lambda key: by_count(key, tallies[key].searches_with_results),
    )
    top = [
        TopQuery(
            tallies[key].query,
            tallies[key].searches,
            tallies[key].opens,
            _mean(tallies[key].results, tallies[key].searches),
        )
        for key in top_keys[:limit]
    ]
    no_results = [QueryWithoutResults(tallies[key].query, tallies[key].searches) for key in no_result_keys[:limit]]
    never_opened = [
        QueryNeverOpened(
            tallies[key].query,
            tallies[key].searches_with_results,
            round(tallies[key].results_when_any / tallies[key].searches_with_results, 2),
        )
        for key in never_opened_keys[:limit]
    ]
    unanswered: Counter[str] = Counter()
    for key in no_result_keys:
        for word in dict.fromkeys(content_words(tallies[key].query)):
            unanswered[word] += tallies[key].searches
    words = sorted(unanswered.items(), key=lambda item: (-item[1], item[0]))
    totals = {
        "top": len(top_keys),
        "no_results": len(no_result_keys),
        "never_opened": len(never_opened_keys),
        "words_without_results": len(words),
    }
    return SearchesSummary(
        top, no_results, never_opened, [WordWithoutResults(*item) for item in words[:limit]], totals, since
    )


def _mean(total: int, count: int) -> float | None:
    return round(total / count, 2) if count else None


def searches_json(summary: SearchesSummary) -> str:
    """The lists as one JSON object: top, no_results, words_without_results and never_opened."""
    lists = {
        "top": [asdict(row) for row in summary.top],
        "no_results": [asdict(row) for row in summary.no_results],
        "words_without_results": [asdict(row) for row in summary.words_without_results],
        "never_opened": [asdict(row) for row in summary.never_opened],
    }
    # ASCII only: whatever a query holds reaches a terminal or a file as plain \u escapes.
    return json.dumps(lists, indent=2) + "\n"


def searches_text(summary: SearchesSummary) -> str:
    """The three lists as tables under headings, for a person to read."""
    since = f" since {summary.since}" if summary.since else ""
    sections = [
        _section(
            f"Top queries{since}",
            ["query", "searches", "opens", "mean results"],
            [[row.query, row.searches, row.opens, _one_decimal(row.mean_results)] for row in summary.top],
            shown_of=summary.totals.get("top", len(summary.top)),
            when_empty="No searches yet.",
        ),
        _section(
            f"Queries with no results{since}",
            ["query", "searches"],
            [[row.query, row.searches] for row in summary.no_results],
            shown_of=summary.totals.get("no_results", len(summary.no_results)),
            when_empty="No query went without results.",
        ),
        _section(
            f"Words of those queries, to add as synonyms{since}",
            ["word", "searches"],
            [[row.word, row.searches] for row in summary.words_without_results],
            shown_of=summary.totals.get("words_without_results", len(summary.words_without_results)),
            when_empty="No word to add.",
            note=(
                "Add each to search: synonyms: in mkdocs.yml beside the word the articles use"
                " (invoice: [bill]), or write the article it asks for."
            )
            if summary.words_without_results
            else None,
        ),
        _section(
            f"Queries whose results were never opened{since}",
            ["query", "searches with results", "mean results"],
            [[row.query, row.searches, _one_decimal(row.mean_results)] for row in summary.never_opened],
            shown_of=summary.totals.get("never_opened", len(summary.never_opened)),
            when_empty="No query's results went unopened.",
        ),
    ]
    return "\n".join(sections)


def _one_decimal(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _section(
    heading: str,
    columns: list[str],
    rows: list[list[str | int]],
    *,
    shown_of: int,
    when_empty: str,
    note: str | None = None,
) -> str:
    lines = [heading, "=" * len(heading)]
    if note:
        lines.append(note)
    if not rows:
        return "\n".join([*lines, when_empty, ""])
    cells = [[_query_cell(str(row[0])), *(str(value) for value in row[1:])] for row in rows]
    widths = [max(display_width(text) for text in [name, *(row[i] for row in cells)]) for i, name in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        # The query on the left, the numbers on the right, each in its column.
        padded = [_pad(values[0], widths[0], left=True)]
        padded += [_pad(value, width, left=False) for value, width in zip(values[1:], widths[1:], strict=True)]
        return "  ".join(padded).rstrip()

    lines += [line(columns), line(["-" * width for width in widths]), *(line(row) for row in cells)]
    if shown_of > len(rows):
        lines.append(f"({len(rows)} of {shown_of} shown; --limit shows more)")
    return "\n".join([*lines, ""])


def _pad(text: str, width: int, *, left: bool) -> str:
    room = " " * (width - display_width(text))
    return text + room if left else room + text


def _query_cell(query: str) -> str:
    """A query as one table cell: one line, its characters laid out left to right, cut to the column."""
    return truncate(visible(query), QUERY_COLUMN_WIDTH)


def visible(text: str) -> str:
    """`text` with every character that could break a line or reorder one written as an escape (\\u202e)."""
    return "".join(_escape(character) if _unsafe_in_a_line(character) else character for character in text)


def _unsafe_in_a_line(character: str) -> bool:
    # Cc: controls (line breaks, tabs, escape sequences); Zl, Zp: line and paragraph separators;
    # Cs: half a character, which a terminal cannot show.
    return unicodedata.category(character) in ("Cc", "Zl", "Zp", "Cs") or character in _BIDI_CONTROLS


def _escape(character: str) -> str:
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def display_width(text: str) -> int:
    """How many terminal columns `text` takes: 2 for a wide (East Asian) character, 0 for a combining mark."""
    return sum(_character_width(character) for character in text)


def _character_width(character: str) -> int:
    if unicodedata.combining(character) or unicodedata.category(character) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1


def truncate(text: str, width: int) -> str:
    """`text` if it fits `width` columns, else as much of it as fits with "…" after."""
    if display_width(text) <= width:
        return text
    room = width - display_width(ELLIPSIS)
    kept, used = [], 0
    for character in text:
        used += _character_width(character)
        if used > room:
            break
        kept.append(character)
    return "".join(kept).rstrip() + ELLIPSIS
