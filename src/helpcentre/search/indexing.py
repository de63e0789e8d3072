"""The site's search index: Pagefind's chunked index of the articles, and the vocabulary.

The build hands each article over as soon as it is rendered — its title, summary, tags, boost
and body HTML — and Pagefind indexes it in its own process meanwhile, on another core, so the
index is nearly done when the last page is. Pagefind splits the index into small chunks that
the browser fetches for the words typed, which keeps the first search of a 5,000-article help
centre to a few hundred KB instead of the whole index.

What is indexed is decided here, from the article model, not by the site's templates: only
articles for customers (never internal ones, never `search: {exclude: true}`) and the site's
own pages that ask for it. Everything is written beside the site and swapped in at the end, so
a failed build leaves the previous index (or none) rather than half of one.
"""

from __future__ import annotations

import html
import json
import shutil
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpcentre import atomic
from helpcentre.articles import Article
from helpcentre.search.pagefind_service import PagefindError, PagefindService
from helpcentre.search.vocabulary import Vocabulary, searchable_articles

INDEX_DIR = "pagefind"
VOCABULARY_FILE = "helpcentre-vocabulary.json"
# Pagefind also writes its own search interfaces, and a fallback for pages in a language it
# has no stemmer for; the help centre has its own interface and an English index.
_UNUSED_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-highlight.js",
    "wasm.unknown.pagefind",
)
# Parts of a rendered body that are not the article: the permalink signs beside headings.
_NOT_INDEXED = [".headerlink"]


class SearchIndexError(RuntimeError):
    """Indexing failed; the message says why and what to do."""


@dataclass(frozen=True)
class IndexedSite:
    pages: int
    words: int
    bytes: int


def article_document(article: Article, body_html: str) -> str | None:
    """The page Pagefind indexes for `article`, or None when customers must not find it.

    The title and tags are metadata (the title also weighs as a heading); `search.boost` is a
    filter value, which the search box multiplies scores by, since Pagefind has no page weight.
    """
    if article not in searchable_articles([article]):
        return None
    boost = article.meta.search.boost if article.meta.search else 1.0
    parts = [
        f'<h1 data-pagefind-meta="title">{html.escape(article.title)}</h1>',
        f"<p>{html.escape(article.meta.summary)}</p>",
        f"<div>{body_html}</div>",
    ]
    extra = []
    if article.meta.tags:
        # As JSON, so that a tag holding a comma stays one tag in the result.
        tags = json.dumps(article.meta.tags, ensure_ascii=False)
        extra.append(f'<span data-pagefind-meta="tags">{html.escape(tags)}</span>')
    if boost != 1.0:
        extra.append(f'<span data-pagefind-filter="boost">{boost:g}</span>')
    return _document(parts, extra)


def page_document(title: str, body_html: str) -> str:
    """The page Pagefind indexes for one of the site's own pages (not an article)."""
    return _document([f'<h1 data-pagefind-meta="title">{html.escape(title)}</h1>', body_html], [])


def _document(indexed: list[str], metadata: list[str]) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>'
        f"<main data-pagefind-body>{''.join(indexed)}</main>{''.join(metadata)}</body></html>"
    )


class SearchIndexer:
    """Pages go in as the build renders them; `finish` writes the index beside the site."""

    def __init__(self, language: str = "en") -> None:
        try:
            self._service = PagefindService()
            created = self._service.call(
                {"type": "NewIndex", "config": {"force_language": language, "exclude_selectors": _NOT_INDEXED}}
            )
        except PagefindError as error:
            raise SearchIndexError(str(error)) from None
        self._index_id = created["index_id"]
        self._added: list[tuple[str, Future[dict[str, Any]]]] = []
        self._site_dir: Path | None = None
        self._staging: Path | None = None
        self._pages = 0
        self._written: Future[dict[str, Any]] | None = None

    def add(self, url_path: str, document: str) -> None:
        """Index `document`, found at `url_path` from the site's root (`/billing/refunds/`)."""
        request = {"type": "AddFile", "index_id": self._index_id, "url": url_path, "file_contents": document}
        try:
            self._added.append((url_path, self._service.request(request)))
        except PagefindError as error:
            raise SearchIndexError(str(error)) from None

    def write(self, site_dir: Path) -> None:
        """Have Pagefind write the index of the pages added so far, beside `site_dir`, meanwhile.

        Called once every page is in: the files are written on Pagefind's side while the build
        goes on; `finish` waits for them and puts them in place.
        """
        self._site_dir = site_dir.resolve()
        # MkDocs keeps hidden folders when it cleans the site: a killed build's staged index would be published.
        atomic.remove_leftovers(self._site_dir, recursive=False)
        self._staging = atomic.staging_directory(self._site_dir / INDEX_DIR)
        self._pages = len(self._added)
        if self._pages:
            request = {"type": "WriteFiles", "index_id": self._index_id, "output_path": str(self._staging)}
            try:
                self._written = self._service.request(request)
            except PagefindError as error:
                raise SearchIndexError(str(error)) from None

    def finish(self, site_dir: Path, vocabulary: Vocabulary) -> IndexedSite:
        """Put the index and the vocabulary in `site_dir/pagefind/`, replacing what was there."""
        if self._staging is None or self._site_dir != site_dir.resolve() or self._pages != len(self._added):
            self.write(site_dir)
        staging = self._staging
        assert staging is not None and self._site_dir is not None
        try:
            for url_path, added in self._added:
                try:
                    added.result(timeout=600)
                except PagefindError as error:
                    raise SearchIndexError(f"{url_path}: Pagefind could not index the page: {error}") from None
            if self._written is not None:
                self._written.result(timeout=600)
                for name in _UNUSED_FILES:
                    (staging / name).unlink(missing_ok=True)
            # With no page, Pagefind would write an index the browser fails to open; the
            # vocabulary alone then tells the search box there is nothing to find.
            (staging / VOCABULARY_FILE).write_text(vocabulary.to_json(self._pages), encoding="utf-8")
            atomic.replace_directory(self._site_dir / INDEX_DIR, staging)
        except PagefindError as error:
            raise SearchIndexError(str(error)) from None
        finally:
            self.close()
        written = self._site_dir / INDEX_DIR
        size = sum(path.stat().st_size for path in written.rglob("*") if path.is_file())
        return IndexedSite(pages=self._pages, words=len(vocabulary.words), bytes=size)

    def close(self) -> None:
        """Stop Pagefind; an index not yet put in place is dropped."""
        self._service.close()
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
            self._staging = None
