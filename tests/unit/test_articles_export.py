"""articles.json and articles.csv: what support tooling reads, checked against the published schema."""

from __future__ import annotations

import copy
import csv
import io
import json
from datetime import date

import jsonschema
import pytest

from helpcentre import exports
from helpcentre.project import load_project

SITE = "https://help.example.com/"


@pytest.fixture(scope="module")
def schema() -> dict:
    document = json.loads(exports.SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(document)
    return document


@pytest.fixture(scope="module")
def records(project_root) -> list[dict]:
    centre, _ = load_project(project_root / "mkdocs.yml").load_help_centre()
    urls = {article.ref: f"{article.ref}/" for article in centre.articles}
    updated = {article.ref: date(2026, 11, 20) for article in centre.articles}
    return exports.article_records(centre, urls, SITE, updated)


def validate(schema: dict, document: dict) -> None:
    jsonschema.validate(document, schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_the_document_follows_its_schema(schema, records):
    validate(schema, json.loads(exports.json_document(records, SITE)))


def test_each_article_has_its_links_and_steps(records):
    guide = next(record for record in records if record["id"] == 101)
    assert guide["url"] == f"{SITE}billing/change-card-or-bank-info/"
    assert guide["short_url"] == f"{SITE}a/101/"
    assert guide["category"] == {"key": "billing", "title": "Billing & Account"}
    assert guide["updated"] == "2026-11-20"
    assert guide["audience"] == "customers"
    assert guide["steps"][0] == {
        "number": 1,
        "text": "Go to the Setup menu",
        "url": f"{SITE}billing/change-card-or-bank-info/#step-1",
    }
    assert [step["number"] for step in guide["steps"]] == [1, 2, 3, 4, 5]
    assert [record["id"] for record in records] == sorted(record["id"] for record in records)
    internal = next(record for record in records if record["id"] == 501)
    assert internal["audience"] == "agents"


@pytest.mark.parametrize(
    "break_it",
    [
        lambda article: article.pop("short_url"),
        lambda article: article.update(id="101"),
        lambda article: article.update(updated="20 November 2026"),
        lambda article: article["steps"][0].update(url="https://help.example.com/x/"),
        lambda article: article.update(audience="everyone"),
        lambda article: article.update(colour="red"),
    ],
)
def test_the_schema_rejects_what_tooling_could_not_use(schema, records, break_it):
    document = json.loads(exports.json_document(copy.deepcopy(records), SITE))
    break_it(document["articles"][0])
    with pytest.raises(jsonschema.ValidationError):
        validate(schema, document)


def test_the_csv_has_one_row_an_article_with_the_same_values(records):
    rows = list(csv.DictReader(io.StringIO(exports.csv_document(records))))
    assert list(rows[0]) == exports.CSV_COLUMNS
    assert len(rows) == len(records)
    guide = next(row for row in rows if row["id"] == "101")
    assert guide["short_url"] == f"{SITE}a/101/"
    assert guide["tags"] == "payment method; card; bank account; Therasoft Billing; invoice"
    assert guide["steps"].splitlines()[2].startswith("3. Click the Card Details button")
    assert guide["steps"].splitlines()[2].endswith(f"({SITE}billing/change-card-or-bank-info/#step-3)")


def test_the_built_site_publishes_both_files(built_site, schema):
    document = json.loads((built_site / "articles.json").read_text(encoding="utf-8"))
    validate(schema, document)
    assert document["count"] == len(document["articles"]) >= 11
    assert not [entry for entry in document["articles"] if entry["audience"] == "agents"], "internal: not public"
    table = (built_site / "articles.csv").read_text(encoding="utf-8-sig")
    assert len(list(csv.DictReader(io.StringIO(table)))) == document["count"]
