"""Front-matter strings reach the built site as text: never as markup, and never changed.

The help centre in `payload_centre.py` puts HTML in every title, summary, tag and category
field; `tests/browser/test_escaping.py` visits the same site in Chromium.
"""

from __future__ import annotations

import csv
import html
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from integration.conftest import indexed_pages
from integration.payload_centre import (
    ARTICLES,
    CARDS,
    CARDS_TITLE,
    CATEGORY_DESCRIPTION,
    CATEGORY_TITLE,
    RAW_MARKUP,
    REFUNDS,
    REFUNDS_ID,
    REFUNDS_OLD_PATH,
    REFUNDS_TAGS,
    REFUNDS_TITLE,
    SITE_NAME,
    SMALL_INVOICES,
    SMALL_INVOICES_TAGS,
    SMALL_INVOICES_TITLE,
    TAB,
    TAB_TITLE,
    build_payload_centre,
)


@pytest.fixture(scope="session")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_payload_centre(tmp_path_factory.getbasetemp() / "payload-centre")


class HeadReader(HTMLParser):
    """What a page tells browsers and search engines about itself: title, description, JSON-LD."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.description: str | None = None
        self.structured_data: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "title":
            self._in = "title"
        elif tag == "meta" and attributes.get("name") == "description":
            self.description = attributes.get("content")
        elif tag == "script" and attributes.get("type") == "application/ld+json":
            self._in = "ld+json"
            self.structured_data.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("title", "script"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
        elif self._in == "ld+json":
            self.structured_data[-1] += data


def read_head(page: Path) -> HeadReader:
    reader = HeadReader()
    reader.feed(page.read_text(encoding="utf-8"))
    return reader


def test_no_front_matter_string_reaches_any_page_as_markup(payload_site: Path):
    found = []
    pages = sorted(payload_site.rglob("*.html"))
    assert len(pages) >= 10, pages
    for page in pages:
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            found += [f"{page.relative_to(payload_site)}:{number}: {raw}" for raw in RAW_MARKUP if raw in line]
    assert found == [], "\n".join(found)


@pytest.mark.parametrize(("path", "id", "title", "summary", "category"), ARTICLES, ids=[a[0] for a in ARTICLES])
def test_an_article_reads_as_typed_wherever_the_build_writes_it(
    payload_site: Path, path: str, id: int, title: str, summary: str, category: str
):
    head = read_head(payload_site / path / "index.html")
    assert head.title == f"{title} - {SITE_NAME}"
    assert head.description == summary
    # Each block of structured data stays inside its <script>, and is JSON that says what was typed.
    assert len(head.structured_data) == 2
    for text in head.structured_data:
        assert "</" not in text and "<!--" not in text, text
    breadcrumbs, article = (json.loads(text) for text in head.structured_data)
    assert (article["headline"], article["description"]) == (title, summary)
    assert [crumb["name"] for crumb in breadcrumbs["itemListElement"]] == ["Home", category, title]

    redirects = [f"a/{id}/index.html"] + ([f"{REFUNDS_OLD_PATH}/index.html"] if id == REFUNDS_ID else [])
    for redirect in redirects:
        assert read_head(payload_site / redirect).title == title
        assert f">{html.escape(title)}</a>" in (payload_site / redirect).read_text(encoding="utf-8")

    # For tooling these are data, not HTML: the text exactly as typed.
    records = json.loads((payload_site / "articles.json").read_text(encoding="utf-8"))["articles"]
    [record] = [record for record in records if record["id"] == id]
    assert (record["title"], record["summary"], record["category"]["title"]) == (title, summary, category)
    rows = csv.DictReader(io.StringIO((payload_site / "articles.csv").read_text(encoding="utf-8-sig")))
    [row] = [row for row in rows if row["id"] == str(id)]
    assert (row["title"], row["summary"], row["category"]) == (title, summary, category)


def test_the_category_page_is_described_as_typed(payload_site: Path):
    head = read_head(payload_site / "billing" / "index.html")
    assert head.title == f"{CATEGORY_TITLE} - {SITE_NAME}"
    assert head.description == CATEGORY_DESCRIPTION


def test_the_search_index_holds_titles_and_tags_as_typed(payload_site: Path):
    expected = {
        REFUNDS: (REFUNDS_TITLE, REFUNDS_TAGS),
        SMALL_INVOICES: (SMALL_INVOICES_TITLE, SMALL_INVOICES_TAGS),
        CARDS: (CARDS_TITLE, None),
        TAB: (TAB_TITLE, None),
    }
    pages = indexed_pages(payload_site)
    for location, (title, tags) in expected.items():
        # Text in the index, as typed: the search box puts it on the page as text.
        _, indexed_title, _, indexed_tags = pages[f"/{location}/"]
        assert indexed_title == title
        if tags is not None:
            assert indexed_tags == tags
