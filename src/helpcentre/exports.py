"""What support tooling reads: every article with its links and steps, as articles.json and articles.csv.

Support agents' macros and bots look articles up by id or title, paste the short link (it
survives a rename) or a step's link, and show the summary. The JSON follows
`articles.schema.json`, beside this module; the CSV has one row an article, for spreadsheets.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

from helpcentre import atomic
from helpcentre.articles import HelpCentre
from helpcentre.articles.model import Article

SCHEMA_PATH = Path(__file__).with_name("articles.schema.json")
JSON_NAME = "articles.json"
CSV_NAME = "articles.csv"
CSV_COLUMNS = ["id", "title", "summary", "url", "short_url", "category", "tags", "audience", "updated", "steps"]


def short_path(article_id: int) -> str:
    """The site-relative short link of an article: `a/101/`."""
    return f"a/{article_id}/"


def article_records(
    centre: HelpCentre, urls: dict[str, str], site_url: str, updated: dict[str, date]
) -> list[dict[str, Any]]:
    """One record an article, ordered by id. `urls` maps refs to site-relative page URLs."""
    base = site_url if site_url.endswith("/") else f"{site_url}/"
    return [_record(article, centre, base + urls[article.ref], base, updated) for article in _by_id(centre)]


def _record(article: Article, centre: HelpCentre, url: str, base: str, updated: dict[str, date]) -> dict[str, Any]:
    category = centre.category(article.meta.category)
    return {
        "id": article.id,
        "title": article.title,
        "summary": article.meta.summary,
        "url": url,
        "short_url": base + short_path(article.id),
        "category": {"key": article.meta.category, "title": category.title if category else article.meta.category},
        "tags": list(article.meta.tags),
        "audience": article.meta.audience,
        "updated": updated[article.ref].isoformat(),
        "steps": [
            {"number": step.number, "text": step.plain_text, "url": f"{url}#{step.anchor}"} for step in article.steps
        ],
    }


def _by_id(centre: HelpCentre) -> list[Article]:
    return sorted(centre.articles, key=lambda article: article.id)


def json_document(records: list[dict[str, Any]], site_url: str) -> str:
    document = {"site": site_url, "count": len(records), "articles": records}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def csv_document(records: list[dict[str, Any]]) -> str:
    """One row an article; tags joined by `; `, steps as numbered lines in one cell."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for record in records:
        steps = "\n".join(f"{step['number']}. {step['text']} ({step['url']})" for step in record["steps"])
        writer.writerow(
            [
                record["id"],
                record["title"],
                record["summary"],
                record["url"],
                record["short_url"],
                record["category"]["title"],
                "; ".join(record["tags"]),
                record["audience"],
                record["updated"],
                steps,
            ]
        )
    return stream.getvalue()


def write_exports(site_dir: Path, records: list[dict[str, Any]], site_url: str) -> None:
    atomic.write_text(site_dir / JSON_NAME, json_document(records, site_url))
    # Excel opens UTF-8 CSV correctly only with a byte-order mark.
    atomic.write_text(site_dir / CSV_NAME, "\ufeff" + csv_document(records))
