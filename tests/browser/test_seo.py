"""What search engines read from the built help centre, and the page a lost reader lands on.

Canonical and structured-data URLs use mkdocs.yml's `site_url`, not the test server's address:
the tests compare paths, and fetch what those URLs name from the test server.
"""

from __future__ import annotations

import gzip
import json
import urllib.request
import xml.etree.ElementTree as ElementTree
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from helpcentre.articles import Article, HelpCentre
from helpcentre.project import Project, load_project

GUIDE = "billing/change-card-or-bank-info"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def project(project_root: Path) -> Project:
    return load_project(project_root / "mkdocs.yml")


@pytest.fixture(scope="module")
def centre(project: Project) -> HelpCentre:
    centre, problems = project.load_help_centre()
    assert not problems, problems
    return centre


@pytest.fixture(scope="module")
def published_site_url(site_url: str) -> str:
    """The `site_url` the site was built with, as its home page names itself."""
    home = fetch(site_url).decode("utf-8")
    marker = '<link rel="canonical" href="'
    start = home.index(marker) + len(marker)
    return home[start : home.index('"', start)]


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def structured_data(page: Page) -> list[dict[str, Any]]:
    """Every JSON-LD block of the page, parsed; a block that is not JSON fails the test here."""
    return [json.loads(text) for text in page.locator('script[type="application/ld+json"]').all_text_contents()]


def of_type(items: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [item for item in items if item.get("@type") == kind]


def all_types(value: Any) -> set[str]:
    """Every `@type` anywhere in the data, nested objects included."""
    if isinstance(value, dict):
        found = {value["@type"]} if "@type" in value else set()
        return found.union(*(all_types(inner) for inner in value.values()))
    if isinstance(value, list):
        return set().union(*(all_types(inner) for inner in value))
    return set()


def meta_description(page: Page) -> str | None:
    return page.locator('meta[name="description"]').get_attribute("content")


def canonical(page: Page) -> str | None:
    return page.locator('link[rel="canonical"]').get_attribute("href")


def test_an_article_describes_itself_to_search_engines(
    page: Page, site_url: str, published_site_url: str, centre: HelpCentre
):
    guide = centre.find(GUIDE)
    page.goto(site_url + GUIDE + "/")
    assert meta_description(page) == guide.meta.summary
    assert canonical(page) == published_site_url + GUIDE + "/"

    items = structured_data(page)
    assert {item["@context"] for item in items} == {"https://schema.org"}
    assert "HowTo" not in all_types(items)
    [breadcrumbs] = of_type(items, "BreadcrumbList")
    crumbs = breadcrumbs["itemListElement"]
    assert [crumb["position"] for crumb in crumbs] == [1, 2, 3]
    assert [crumb["name"] for crumb in crumbs] == ["Home", "Billing & Account", guide.title]
    assert [crumb["item"] for crumb in crumbs] == [
        published_site_url,
        published_site_url + "billing/",
        canonical(page),
    ]

    [article] = of_type(items, "Article")
    assert article["headline"] == guide.title
    assert article["description"] == guide.meta.summary
    assert article["url"] == canonical(page)
    assert article["mainEntityOfPage"] == {"@type": "WebPage", "@id": canonical(page)}
    assert article["publisher"] == {"@type": "Organization", "name": "Therasoft Help Centre"}
    assert article["inLanguage"] == "en"
    if "dateModified" in article:
        date.fromisoformat(article["dateModified"])
    [image] = article["image"]
    assert image == f"{published_site_url}screenshots/{GUIDE}/01.published.png"
    picture = page.request.get(site_url + image.removeprefix(published_site_url))
    assert picture.ok and picture.headers["content-type"] == "image/png"


def test_an_article_without_screenshots_has_no_image(page: Page, site_url: str):
    page.goto(site_url + "getting-started/therasoft-basics/")
    [article] = of_type(structured_data(page), "Article")
    assert article["headline"] == "Therasoft Basics"
    assert "image" not in article


def test_a_category_page_has_its_description_and_breadcrumbs(
    page: Page, site_url: str, published_site_url: str, project: Project
):
    billing = next(category for category in project.settings.category_list if category.key == "billing")
    page.goto(site_url + "billing/")
    assert meta_description(page) == billing.description
    assert canonical(page) == published_site_url + "billing/"
    items = structured_data(page)
    assert of_type(items, "Article") == []
    [breadcrumbs] = of_type(items, "BreadcrumbList")
    assert breadcrumbs["itemListElement"] == [
        {"@type": "ListItem", "position": 1, "name": "Home", "item": published_site_url},
        {"@type": "ListItem", "position": 2, "name": billing.title, "item": published_site_url + "billing/"},
    ]


def test_the_home_page_keeps_the_site_description(page: Page, site_url: str, published_site_url: str):
    page.goto(site_url)
    assert meta_description(page) == "Answers and step-by-step guides for Therasoft, the practice-management system."
    assert canonical(page) == published_site_url
    assert structured_data(page) == []


def test_the_sitemap_lists_every_customer_article_and_no_short_link(
    site_url: str, published_site_url: str, centre: HelpCentre
):
    sitemap = fetch(site_url + "sitemap.xml")
    assert gzip.decompress(fetch(site_url + "sitemap.xml.gz")) == sitemap
    listed = [loc.text for loc in ElementTree.fromstring(sitemap).iter(f"{SITEMAP}loc")]

    def address(article: Article) -> str:
        return f"{published_site_url}{article.ref}/"

    customers = [article for article in centre.articles if not article.for_agents_only]
    assert customers, "the help centre has no customer articles"
    assert not [address(article) for article in customers if address(article) not in listed]
    # Internal articles live under their own section, so look for them by path anywhere in a URL.
    assert not [url for url in listed for article in centre.for_agents if f"/{article.ref}/" in url]
    assert not [url for url in listed if url.startswith(published_site_url + "a/")]
    assert published_site_url in listed and published_site_url + "billing/" in listed


@pytest.mark.parametrize("missing", ["no-such-page/", "billing/moved/somewhere/deeper.html"])
def test_a_missing_page_offers_search_and_the_popular_articles(
    page: Page, site_url: str, centre: HelpCentre, missing: str
):
    response = page.goto(site_url + missing)
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("We can't find that page")
    expect(page).to_have_title("Page not found - Therasoft Help Centre")
    # Served at any depth, so the theme's own files must still load: its styles hide the drawer toggle.
    expect(page.locator("#__drawer")).to_be_hidden()
    searchbox = page.get_by_role("search").get_by_role("searchbox", name="Search the help centre")
    expect(searchbox).to_be_visible()

    popular = page.get_by_role("region", name="Popular articles").get_by_role("link")
    expect(popular).to_have_count(len(centre.promoted))
    for number, article in enumerate(centre.promoted):
        expect(popular.nth(number)).to_contain_text(article.title)
        expect(popular.nth(number)).to_have_attribute("href", f"/{article.ref}/")
    popular.first.click()
    expect(page).to_have_url(f"{site_url}{centre.promoted[0].ref}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(centre.promoted[0].title)


def test_searching_from_the_missing_page_opens_the_results(page: Page, site_url: str):
    page.goto(site_url + "no-such-page/")
    page.get_by_role("searchbox", name="Search the help centre").fill("change card")
    page.get_by_role("search").get_by_role("button", name="Search").click()
    expect(page).to_have_url(site_url + "?q=change+card")
    expect(page.get_by_role("textbox", name="Search", exact=True)).to_have_value("change card")
    results = page.locator(".md-search-result__list > li > a")
    expect(results.first).to_be_visible()
    paths = [urlsplit(href).path for href in results.evaluate_all("links => links.map(a => a.href)")]
    assert f"/{GUIDE}/" in paths, paths
