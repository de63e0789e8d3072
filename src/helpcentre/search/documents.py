"""What the search index reads of a page: its title, summary, tags, headings, bold labels and text.

An article is read from the article model and its rendered body; one of the site's own pages
(a category, the home page) from its title and body. The body's HTML is read for its text only,
the way a reader reads it: headings and bold labels are noted apart, since a word a writer chose
to head a section with or to name a button says more than one in passing.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from helpcentre.articles import Article
from helpcentre.search.vocabulary import searchable_articles

# Parts of a rendered body that are not the article: the permalink signs beside headings.
_SKIPPED_CLASSES = frozenset({"headerlink"})
_SKIPPED_TAGS = frozenset({"script", "style", "template", "svg"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LABELS = frozenset({"strong", "b"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


@dataclass(frozen=True)
class IndexedPage:
    """One page as search sees it."""

    title: str
    summary: str = ""
    tags: tuple[str, ...] = ()
    boost: float = 1.0
    headings: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    text: str = ""


class _BodyReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.headings: list[str] = []
        self.labels: list[str] = []
        # The open elements, each with whether it is skipped, a heading or a label.
        self._open: list[tuple[str, str]] = []
        self._heading: list[str] = []
        self._label: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        if tag in _SKIPPED_TAGS or classes & _SKIPPED_CLASSES:
            kind = "skip"
        elif tag in _HEADINGS:
            kind = "heading"
        elif tag in _LABELS:
            kind = "label"
        else:
            kind = ""
        self._open.append((tag, kind))
        # A block's end separates words: "Pay</p><p>Now" is two words.
        self.text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        for at in range(len(self._open) - 1, -1, -1):
            if self._open[at][0] == tag:
                for _, kind in self._open[at:]:
                    self._close(kind)
                del self._open[at:]
                break
        self.text.append(" ")

    def _close(self, kind: str) -> None:
        if kind == "heading" and self._heading:
            self.headings.append(" ".join("".join(self._heading).split()))
            self._heading = []
        elif kind == "label" and self._label:
            self.labels.append(" ".join("".join(self._label).split()))
            self._label = []

    def handle_data(self, data: str) -> None:
        kinds = {kind for _, kind in self._open}
        if "skip" in kinds:
            return
        self.text.append(data)
        if "heading" in kinds:
            self._heading.append(data)
        elif "label" in kinds:
            self._label.append(data)


def read_body(body_html: str) -> tuple[str, list[str], list[str]]:
    """The body's text, its headings and its bold labels."""
    reader = _BodyReader()
    reader.feed(body_html)
    reader.close()
    return " ".join("".join(reader.text).split()), reader.headings, reader.labels


def article_document(article: Article, body_html: str) -> IndexedPage | None:
    """What search holds of `article`, or None when customers must not find it."""
    if article not in searchable_articles([article]):
        return None
    text, headings, labels = read_body(body_html)
    boost = article.meta.search.boost if article.meta.search else 1.0
    return IndexedPage(
        title=article.title,
        summary=article.meta.summary,
        tags=tuple(article.meta.tags),
        boost=boost,
        headings=tuple(headings),
        labels=tuple(labels),
        text=text,
    )


def page_document(title: str, body_html: str) -> IndexedPage:
    """What search holds of one of the site's own pages (not an article)."""
    text, headings, labels = read_body(body_html)
    return IndexedPage(title=title, headings=tuple(headings), labels=tuple(labels), text=text)
