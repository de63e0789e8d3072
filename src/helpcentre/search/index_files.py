"""The site's search index: whole words, split into small files the browser fetches as a query needs them.

A query fetches, once the reader shows they are about to search, `meta.json` (how many pages,
the vocabulary for corrections, the boosts), then for each word typed the list of index words
sharing its first two letters (`words/ca.json`), then the postings of the words it matched
(`postings/12.json`), and last the titles and summaries of the first results (`pages/3.json`).
A 5,000-article help centre then costs a search a few tens of KB, not the whole index.

Words are kept whole, as written: which of them a query word matches — itself, its plural or
stem, a typo of it, its prefix while it is being typed — is decided in the browser
(`search-engine.js`), from the words listed beside it. So nothing here has to spell a stem the
way the browser does, and a fragment of a word ("can" in "cancel") is never a match.

Each posting weighs where the word is on the page: the title (a short one more) and the tags
most, then headings, the summary and bold labels, then the body; how often the body says it
adds a little.

What is indexed is decided from the article model, never from templates: articles for customers
only (see `documents`). Everything is written beside the site and swapped in at the end, so a
failed build leaves the previous index (or none) rather than half of one.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpcentre import atomic
from helpcentre.search.documents import IndexedPage
from helpcentre.search.vocabulary import Vocabulary, words_of

INDEX_DIR = "hc-search"
META_FILE = "meta.json"
INDEX_VERSION = 2
# What a word weighs on a page is the most of where the page holds it, so a page that says a
# word everywhere does not outrank one whose title is that word; how often the body says it
# only adds a little, and no more after a few times.
TITLE_WEIGHT = 48
TAG_WEIGHT = 40
HEADING_WEIGHT = 20
SUMMARY_WEIGHT = 16
LABEL_WEIGHT = 12
BODY_WEIGHT = 4
MOST_BODY_TIMES = 4
# A short title is more about each of its words than a long one: up to this much more.
SHORT_TITLE_BONUS = 24
# Postings files are filled, words in alphabetical order, to about this many numbers each, so
# that a word and its plural and stems (neighbours A to Z) usually come in one file.
POSTINGS_PER_FILE = 4000
PAGES_PER_FILE = 16


class SearchIndexError(RuntimeError):
    """Indexing failed; the message says why and what to do."""


@dataclass(frozen=True)
class IndexedSite:
    pages: int
    words: int
    bytes: int


def shard_of(word: str) -> str:
    """The words file a word is listed in: its first two characters (`search-engine.js` agrees)."""
    return word[:2]


def index_words(text: str) -> list[str]:
    """The words of `text` as indexed: each whole, and the parts of a hyphenated one too."""
    return [word for word, _ in _index_words(text)]


def _index_words(text: str) -> list[tuple[str, bool]]:
    """Each word with whether it is whole (True) or a part of a hyphenated word ("pay" of "pre-pay")."""
    found = []
    for word in words_of(text):
        found.append((word, True))
        if "-" in word:
            found.extend((part, False) for part in re.split(r"['-]", word) if part)
        elif "'" in word:
            # "client's" is the word "client" to a reader.
            found.append((word.split("'")[0], True))
    return found


def page_weights(page: IndexedPage) -> dict[str, int]:
    """Each word of `page` with what it weighs there."""
    best: dict[str, int] = {}
    title_words = index_words(page.title)
    fields = [
        ([page.title], TITLE_WEIGHT + SHORT_TITLE_BONUS // max(len(title_words), 1)),
        (page.tags, TAG_WEIGHT),
        (page.headings, HEADING_WEIGHT),
        ([page.summary], SUMMARY_WEIGHT),
        (page.labels, LABEL_WEIGHT),
    ]
    for texts, weight in fields:
        for text in texts:
            for word, whole in _index_words(text):
                # "pre-pay" is not about paying as much as "pay" is.
                best[word] = max(best.get(word, 0), weight if whole else weight // 2)
    for word, count in Counter(index_words(page.text)).items():
        best[word] = max(best.get(word, 0), BODY_WEIGHT) + min(count, MOST_BODY_TIMES)
    return best


class SearchIndexer:
    """Pages go in as the build renders them; `finish` writes the index beside the site."""

    def __init__(self) -> None:
        self._pages: dict[str, IndexedPage] = {}
        self._site_dir: Path | None = None
        self._staging: Path | None = None

    def add(self, url_path: str, page: IndexedPage) -> None:
        """Index `page`, found at `url_path` from the site's root (`/billing/refunds/`)."""
        self._pages[url_path] = page

    def write(self, site_dir: Path) -> None:
        """Note where the index goes; `finish` writes it there."""
        self._site_dir = site_dir.resolve()

    def finish(self, site_dir: Path, vocabulary: Vocabulary) -> IndexedSite:
        """Put the index in `site_dir/hc-search/`, replacing what was there."""
        self._site_dir = site_dir.resolve()
        # MkDocs keeps hidden folders when it cleans the site: a killed build's staged index would be published.
        atomic.remove_leftovers(self._site_dir, recursive=False)
        self._staging = staging = atomic.staging_directory(self._site_dir / INDEX_DIR)
        try:
            words = _write_index(staging, sorted(self._pages.items()), vocabulary)
            atomic.replace_directory(self._site_dir / INDEX_DIR, staging)
        except OSError as error:
            raise SearchIndexError(f"could not write {INDEX_DIR}/: {error}") from None
        finally:
            self.close()
        written = self._site_dir / INDEX_DIR
        size = sum(path.stat().st_size for path in written.rglob("*") if path.is_file())
        return IndexedSite(pages=len(self._pages), words=words, bytes=size)

    def close(self) -> None:
        """Drop an index not yet put in place."""
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
            self._staging = None


def _write_index(folder: Path, pages: list[tuple[str, IndexedPage]], vocabulary: Vocabulary) -> int:
    postings: dict[str, list[int]] = defaultdict(list)
    for page_id, (_, page) in enumerate(pages):
        for word, weight in sorted(page_weights(page).items()):
            postings[word] += [page_id, weight]
    files: dict[str, Any] = {}
    shards: dict[str, dict[str, list[int]]] = defaultdict(dict)
    bucket: dict[str, list[int]] = {}
    filled = 0
    for word in sorted(postings):
        if bucket and filled + len(postings[word]) > POSTINGS_PER_FILE:
            files[f"postings/{len(files)}.json"] = bucket
            bucket, filled = {}, 0
        bucket[word] = _delta_encoded(postings[word])
        filled += len(postings[word])
        shards[shard_of(word)][word] = [len(postings[word]) // 2, len(files)]
    if bucket:
        files[f"postings/{len(files)}.json"] = bucket
    for key, listed in shards.items():
        files[f"words/{key}.json"] = listed
    for first in range(0, len(pages), PAGES_PER_FILE):
        files[f"pages/{first // PAGES_PER_FILE}.json"] = [
            [url, page.title, page.summary, list(page.tags)] for url, page in pages[first : first + PAGES_PER_FILE]
        ]
    meta = {
        "version": INDEX_VERSION,
        "pages": len(pages),
        "pagesPerFile": PAGES_PER_FILE,
        "shards": sorted(shards),
        "boosts": {str(page_id): page.boost for page_id, (_, page) in enumerate(pages) if page.boost != 1.0},
        **vocabulary.payload(),
    }
    files[META_FILE] = meta
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(content, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return len(postings)


def _delta_encoded(pairs: list[int]) -> list[int]:
    """[id, weight, id, weight, …] with each id after the first as its distance from the one before."""
    encoded = list(pairs)
    for at in range(len(pairs) - 2, 0, -2):
        encoded[at] = pairs[at] - pairs[at - 2]
    return encoded
