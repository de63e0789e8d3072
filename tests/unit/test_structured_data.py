"""The JSON-LD that search engines read, built from what a help-centre page shows."""

from __future__ import annotations

import json

import pytest

from helpcentre.mkdocs_plugin.structured_data import for_page, script_text

SITE = "https://help.example/docs/"
PAGE = SITE + "billing/pay/"
SHOWN = {"title": "Pay an invoice", "summary": "Pay it online.", "category": {"title": "Billing", "url": "billing/"}}


def build(hc: dict, canonical_url: str | None = PAGE, site_url: str | None = SITE) -> list[dict]:
    return for_page(hc, canonical_url=canonical_url, site_url=site_url, site_name="Help", language="en")


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ({}, {}),
        ({"updated": "2026-11-02"}, {"dateModified": "2026-11-02"}),
        (
            {"image": "screenshots/billing/pay/01.published.png"},
            {"image": [SITE + "screenshots/billing/pay/01.published.png"]},
        ),
    ],
)
def test_an_article_has_its_date_and_image_only_when_it_has_them(extra: dict, expected: dict):
    breadcrumbs, article = build({"article": {**SHOWN, **extra}})
    assert [crumb["item"] for crumb in breadcrumbs["itemListElement"]] == [SITE, SITE + "billing/", PAGE]
    optional = {key: article[key] for key in ("dateModified", "image") if key in article}
    assert optional == expected


def test_an_article_outside_any_category_has_two_crumbs():
    breadcrumbs, _ = build({"article": {**SHOWN, "category": None}})
    assert [crumb["name"] for crumb in breadcrumbs["itemListElement"]] == ["Home", "Pay an invoice"]


@pytest.mark.parametrize(
    ("hc", "canonical_url", "site_url"),
    [({"article": SHOWN}, None, None), ({"article": SHOWN}, PAGE, None), ({"promoted": []}, SITE, SITE)],
    ids=["no site_url", "no canonical", "home page"],
)
def test_pages_without_absolute_urls_or_a_subject_have_none(hc: dict, canonical_url, site_url):
    assert build(hc, canonical_url, site_url) == []


def test_script_text_escapes_what_would_end_the_script_element():
    data = {"headline": "Fees & </script><!-- charges"}
    text = script_text(data)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == data
