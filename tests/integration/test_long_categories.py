"""A long category keeps every page light: a window of neighbours in the sidebar, the list in pages.

The browser side (the pages on a phone and a desktop) is tests/browser/test_long_category_pages.py.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
from integration.conftest import BuildResult, article_text
from integration.long_category import (
    ARTICLES,
    ARTICLES_PER_PAGE,
    SIDEBAR_ARTICLES,
    build_long_category_site,
    long_category_project,
    slug,
    titles,
)

SITE_URL = "http://127.0.0.1:8000/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    return build_long_category_site(tmp_path_factory.mktemp("long-category"))


class Links(HTMLParser):
    """Every link of a page, and the links of its primary navigation apart, with their text."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.sidebar: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []
        self._in_sidebar = 0
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "nav":
            self._depth += 1
            if "md-nav--primary" in (attributes.get("class") or "") and not self._in_sidebar:
                self._in_sidebar = self._depth
        if tag == "a" and attributes.get("href") is not None:
            self._href, self._text = attributes["href"], []

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            link = (self._href, " ".join("".join(self._text).split()))
            self.links.append(link)
            if self._in_sidebar:
                self.sidebar.append(link)
            self._href = None
        if tag == "nav":
            if self._in_sidebar == self._depth:
                self._in_sidebar = 0
            self._depth -= 1


def links_of(site: BuildResult, path: str) -> Links:
    parser = Links()
    parser.feed(site.page(path))
    return parser


def sidebar_articles(site: BuildResult, path: str) -> list[str]:
    """The long category's article titles in a page's sidebar, in order."""
    known = set(titles())
    return [text for _, text in links_of(site, path).sidebar if text in known]


def test_an_article_page_lists_a_window_of_its_neighbours_and_a_link_to_the_whole_category(site):
    ordered = titles()
    middle = ordered[20]
    shown = sidebar_articles(site, f"billing/{slug(middle)}/index.html")
    assert shown == ordered[18:23]
    sidebar = links_of(site, f"billing/{slug(middle)}/index.html").sidebar
    assert ("../", f"All {ARTICLES} articles") in sidebar
    # The other category is one link, closed.
    assert [text for _, text in sidebar if text in ("Terms of use", "Privacy notice")] == []
    assert ("../../policies/", "Policies & Legal") in sidebar


def test_the_window_stays_inside_the_category_at_its_ends(site):
    ordered = titles()
    assert sidebar_articles(site, f"billing/{slug(ordered[0])}/index.html") == ordered[:SIDEBAR_ARTICLES]
    assert sidebar_articles(site, f"billing/{slug(ordered[-1])}/index.html") == ordered[-SIDEBAR_ARTICLES:]


def test_an_article_page_weighs_the_same_wherever_it_is_in_the_category(site):
    ordered = titles()
    sizes = [len(site.page(f"billing/{slug(title)}/index.html")) for title in ordered]
    # The same template and neighbours of the same length: within a few bytes (the ids differ).
    assert max(sizes) - min(sizes) < 200, sizes


def test_a_short_category_lists_all_its_articles_and_no_link_to_the_whole(site):
    sidebar = links_of(site, "policies/terms/index.html").sidebar
    texts = [text for _, text in sidebar]
    assert "Privacy notice" in texts and "Terms of use" in texts
    assert not any(text.startswith("All ") for text in texts)


def test_the_category_page_lists_a_page_of_articles_and_links_to_the_others(site):
    page = site.page("billing/index.html")
    ordered = titles()
    listed = re.findall(r'<span class="hc-article-list__title">([^<]*)</span>', page)
    assert listed == ordered[:ARTICLES_PER_PAGE]
    assert f"{ARTICLES} articles, 1–{ARTICLES_PER_PAGE} on this page" in page
    links = links_of(site, "billing/index.html").links
    assert ("page/2/", "Next page") in links
    assert ("page/4/", "Page 4") in links
    assert '<span aria-current="page"><span class="hc-visually-hidden">Page </span>1</span>' in page


def test_the_last_page_lists_the_rest_and_links_back(site):
    page = site.page("billing/page/4/index.html")
    listed = re.findall(r'<span class="hc-article-list__title">([^<]*)</span>', page)
    assert listed == titles()[30:]
    assert f"{ARTICLES} articles, 31–{ARTICLES} on this page" in page
    links = links_of(site, "billing/page/4/index.html").links
    assert ("../3/", "Previous page") in links
    assert ("../../", "Page 1") in links
    assert not any(text == "Next page" for _, text in links)
    assert "<title>Billing &amp; Account (page 4 of 4) - Fixture Help Centre</title>" in page
    # One step up in the breadcrumbs is the category's first page; its sidebar has the category open.
    assert '<li><a href="../../">Billing &amp; Account</a></li>' in page
    assert sidebar_articles(site, "billing/page/4/index.html") == titles()[:SIDEBAR_ARTICLES]


def test_every_article_is_reachable_by_links_from_the_category_page(site):
    seen, queue = {"billing/"}, ["billing/"]
    while queue:
        url = queue.pop()
        for href, _ in links_of(site, url + "index.html").links:
            target = urljoin(SITE_URL + url, href)[len(SITE_URL) :].split("#")[0]
            if target.startswith("billing/") and target not in seen and (site.site / target / "index.html").is_file():
                seen.add(target)
                queue.append(target)
    assert {f"billing/{slug(title)}/" for title in titles()} <= seen
    assert {"billing/page/2/", "billing/page/3/", "billing/page/4/"} <= seen


def test_the_sitemap_lists_every_article_and_every_page_of_the_category(site):
    sitemap = site.page("sitemap.xml")
    for title in titles():
        assert f"<loc>{SITE_URL}billing/{slug(title)}/</loc>" in sitemap
    for number in (2, 3, 4):
        assert f"<loc>{SITE_URL}billing/page/{number}/</loc>" in sitemap


def test_a_later_page_is_not_in_the_search_index(site):
    from integration.conftest import indexed_pages

    assert not any("/page/" in url for url in indexed_pages(site.site))


def test_a_page_of_the_writers_where_a_category_page_goes_is_refused_by_name(tmp_path: Path):
    project = long_category_project(tmp_path)
    project.write("docs/billing/page/2.md", article_text(200, "Paging through invoices"))
    result = project.build()
    assert result.returncode != 0
    assert "docs/billing/page/2.md is where page 2 of the category 'billing' goes" in result.output
    assert "Traceback" not in result.output
