"""Structured data for search engines: where a page sits in the help centre, and what an article is.

Written as schema.org JSON-LD, which Google reads for its breadcrumb and article results.
There is no HowTo: Google stopped showing HowTo rich results in 2023.
Free of MkDocs: it works on the help-centre page context and plain URLs.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urljoin

SCHEMA_ORG = "https://schema.org"
HOME_CRUMB = "Home"

# JSON inside <script> must not hold "</script>" or "<!--"; the \u escapes mean the same to a JSON parser.
_UNSAFE_IN_SCRIPT = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def breadcrumb_list(trail: list[tuple[str, str]]) -> dict[str, Any]:
    """A BreadcrumbList from `(name, absolute URL)` pairs, the home page first."""
    return {
        "@context": SCHEMA_ORG,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def article(
    *,
    headline: str,
    description: str,
    url: str,
    publisher: str,
    language: str,
    date_modified: str | None = None,
    image: str | None = None,
) -> dict[str, Any]:
    """An Article; the date and the image are left out when the article has none."""
    organization = {"@type": "Organization", "name": publisher}
    data: dict[str, Any] = {
        "@context": SCHEMA_ORG,
        "@type": "Article",
        "headline": headline,
        "description": description,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "inLanguage": language,
        "author": organization,
        "publisher": organization,
    }
    if date_modified:
        data["dateModified"] = date_modified
    if image:
        data["image"] = [image]
    return data


def for_page(
    hc: dict[str, Any], *, canonical_url: str | None, site_url: str | None, site_name: str, language: str
) -> list[dict[str, Any]]:
    """The structured data of an article or category page, from what its template shows.

    Search engines want absolute URLs, so a site without `site_url` gets none.
    """
    if not canonical_url or not site_url:
        return []
    home = (HOME_CRUMB, site_url)
    shown = hc.get("article")
    if shown is not None:
        trail = [home]
        if shown.get("category"):
            trail.append((shown["category"]["title"], urljoin(site_url, shown["category"]["url"])))
        trail.append((shown["title"], canonical_url))
        image = shown.get("image")
        return [
            breadcrumb_list(trail),
            article(
                headline=shown["title"],
                description=shown["summary"],
                url=canonical_url,
                publisher=site_name,
                language=language,
                date_modified=shown.get("updated"),
                image=urljoin(site_url, image) if image else None,
            ),
        ]
    if hc.get("category") is not None:
        return [breadcrumb_list([home, (hc["category"]["title"], canonical_url)])]
    return []


def script_text(data: dict[str, Any]) -> str:
    """JSON that can sit between `<script type="application/ld+json">` tags as it is."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_UNSAFE_IN_SCRIPT)
