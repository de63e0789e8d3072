"""The site's search index: Pagefind's chunked index of the built pages, and the vocabulary.

Pagefind reads the built HTML, so it indexes what customers read, and only the parts the
templates mark with `data-pagefind-body` (customer articles; never internal ones). It splits
the index into small chunks that the browser fetches for the words typed, which keeps the
first search of a 5,000-article help centre to a few hundred KB instead of the whole index.

Everything is written beside the site and swapped in at the end, so a failed indexing leaves
the previous index (or none) rather than half of one.
"""

from __future__ import annotations

import asyncio
import json
import shutil
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from helpcentre import atomic
from helpcentre.search.vocabulary import Vocabulary

T = TypeVar("T")
INDEX_DIR = "pagefind"
VOCABULARY_FILE = "helpcentre-vocabulary.json"
# Pagefind also writes its own search interfaces; the help centre has its own, so they would
# only be dead weight on the site.
_UNUSED_BUNDLES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-highlight.js",
    # The fallback for pages in a language Pagefind has no stemmer for; the index is English.
    "wasm.unknown.pagefind",
)
# Parts of an indexed page that are not the article: the permalink signs beside headings.
_NOT_INDEXED = [".headerlink"]


class SearchIndexError(RuntimeError):
    """Indexing failed; the message says why and what to do."""


@dataclass(frozen=True)
class IndexedSite:
    pages: int
    words: int
    bytes: int


def write_search_index(site_dir: Path, vocabulary: Vocabulary, *, language: str = "en") -> IndexedSite:
    """Index the built site in `site_dir` into `site_dir/pagefind/`, with the vocabulary beside it."""
    site_dir = site_dir.resolve()
    staging = atomic.staging_directory(site_dir / INDEX_DIR)
    try:
        _run_to_completion(_run_pagefind(site_dir, staging, language))
        pages = _indexed_pages(staging)
        for name in _UNUSED_BUNDLES:
            (staging / name).unlink(missing_ok=True)
        if pages == 0:
            # Pagefind writes an index the browser fails to open; the vocabulary alone tells the
            # search box there is nothing to find.
            for path in list(staging.iterdir()):
                if path.is_dir():
                    shutil.rmtree(path)
                else:
                    path.unlink()
        (staging / VOCABULARY_FILE).write_text(vocabulary.to_json(pages), encoding="utf-8")
        atomic.replace_directory(site_dir / INDEX_DIR, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    written = site_dir / INDEX_DIR
    size = sum(path.stat().st_size for path in written.rglob("*") if path.is_file())
    return IndexedSite(pages=pages, words=len(vocabulary.words), bytes=size)


def _run_to_completion(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run `coroutine` and wait for it, also when this thread already runs an event loop.

    Pagefind's Python API is asynchronous; a build may be called from code that is itself
    inside a loop (Playwright's synchronous API is), where asyncio.run refuses to nest.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pagefind") as pool:
        return pool.submit(asyncio.run, coroutine).result()


async def _run_pagefind(site_dir: Path, output: Path, language: str) -> None:
    try:
        from pagefind.index import IndexConfig, PagefindIndex
    except ImportError as error:  # pragma: no cover - a broken install, reported in words
        raise SearchIndexError(f"the pagefind package is not installed ({error}); run ./scripts/test once") from None
    config = IndexConfig(force_language=language, exclude_selectors=_NOT_INDEXED, output_path=str(output))
    try:
        async with PagefindIndex(config=config) as index:
            result = await index.add_directory(str(site_dir), glob="**/*.html")
            errors = result.get("errors") or []
            if errors:
                raise SearchIndexError("Pagefind could not index the site: " + "; ".join(map(str, errors)))
    except FileNotFoundError as error:
        raise SearchIndexError(
            f"the Pagefind program was not found ({error}); install the pinned 'pagefind[bin]' with ./scripts/test,"
            " or set PAGEFIND_BINARY_PATH"
        ) from None


def _indexed_pages(index_dir: Path) -> int:
    """The pages that made it into the index: those marked for search, not every page Pagefind read."""
    try:
        entry = json.loads((index_dir / "pagefind-entry.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SearchIndexError(f"Pagefind wrote no readable pagefind-entry.json ({error})") from None
    return sum(int(language.get("page_count", 0)) for language in entry.get("languages", {}).values())
