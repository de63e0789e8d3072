"""The search box's reading of a query (assets/helpcentre/search-query.js), run in Node.

The module is the browser's own file: the same functions the search box calls, with a
vocabulary like the one the build writes beside the index.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

import helpcentre.mkdocs_plugin

MODULE = Path(helpcentre.mkdocs_plugin.__file__).parent / "assets" / "search-query.js"
VOCABULARY = {
    "words": {
        "therasoft": 9,
        "billing": 6,
        "pre-pay": 1,
        "pre": 1,
        "pay": 3,
        "invoice": 4,
        "invoices": 2,
        "logout": 1,
        "log": 1,
        "out": 1,
        "change": 3,
        "card": 2,
        "receipt": 1,
        "receipts": 1,
        "payment": 4,
        "method": 2,
        "set": 1,
        "up": 1,
        "statement": 1,
        "bill": 1,
        "file": 1,
        "on": 1,
        "credit": 1,
        "contact": 1,
    },
    "compounds": {"prepay": "pre-pay"},
    "synonyms": [["payment method", "card on file", "credit card"], ["invoice", "bill", "statement"]],
}
CALL = """
const Query = require(process.argv[1])
const calls = JSON.parse(require("fs").readFileSync(0, "utf8"))
process.stdout.write(JSON.stringify(calls.map(([name, args]) => Query[name](...args))))
"""


def run(*calls: tuple[str, list]) -> list:
    node = shutil.which("node")
    if node is None:
        pytest.fail(
            "the search query tests need node on PATH; install Node.js (Debian: apt-get install nodejs), "
            "or run ./scripts/test, whose bootstrap installs it",
            pytrace=False,
        )
    result = subprocess.run(
        [node, "-e", CALL, str(MODULE)], input=json.dumps(calls), capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def plan(query: str, vetoed: list[str] | None = None) -> dict:
    return run(("plan", [query, VOCABULARY, vetoed or []]))[0]


def test_a_typo_is_corrected_to_the_nearest_named_word_and_said():
    found = plan("Terasoft billing")
    assert found["corrected"] == "therasoft billing"
    assert found["changes"] == [{"from": "terasoft", "to": "therasoft", "reason": "typo"}]
    # The query as typed is searched too, with less weight: the typo may be a word after all.
    assert found["searches"][:2] == [
        {"text": "therasoft billing", "weight": 1},
        {"text": "terasoft billing", "weight": 0.5},
    ]


def test_a_word_the_index_finds_is_not_a_typo():
    found = plan("recipt", vetoed=["recipt"])
    assert found["corrected"] is None
    assert plan("recipt")["corrected"] == "receipt"


def test_short_words_numbers_and_far_words_are_left_as_typed():
    assert plan("pey")["corrected"] is None
    assert plan("2026 invoice")["corrected"] is None
    assert plan("zzzzqqq")["corrected"] is None


def test_two_edits_are_allowed_in_long_words_only():
    assert plan("theresoftt")["corrected"] == "therasoft"
    assert plan("chnage")["corrected"] == "change"  # a swap of neighbours is one edit
    assert plan("cadr")["corrected"] == "card"
    assert plan("chaneg card")["corrected"] == "change card"
    assert plan("bilxinx")["corrected"] is None


def test_compounds_are_spelled_as_the_articles_spell_them():
    assert plan("prepay")["corrected"] == "pre-pay"
    assert plan("pre pay invoices")["corrected"] == "pre-pay invoices"
    assert plan("log out")["corrected"] == "logout"
    assert plan("setup")["corrected"] == "set up"
    assert plan("pre-pay")["corrected"] is None
    # Compounds are certain: the query as typed keeps its full weight.
    assert plan("prepay")["searches"][1] == {"text": "prepay", "weight": 1}


def test_synonyms_add_searches_for_the_other_phrases_of_a_group():
    found = plan("update card on file")
    assert found["corrected"] is None
    assert [search["text"] for search in found["searches"]] == [
        "update card on file",
        "update payment method",
        "update credit card",
    ]
    assert [search["text"] for search in plan("statement pdf")["searches"]] == [
        "statement pdf",
        "invoice pdf",
        "bill pdf",
    ]


def test_a_phrase_matches_whole_words_only():
    assert [search["text"] for search in plan("billing")["searches"]] == ["billing"]


def test_words_are_folded_and_the_vocabulary_is_data_not_methods():
    assert run(("wordsOf", ["Café’s RE-ENROL 3 “quotes”"]))[0] == ["cafe's", "re-enrol", "3", "quotes"]
    assert plan("constructor")["corrected"] is None
    assert plan("tostring hasownproperty")["corrected"] is None


def test_distance_counts_a_swap_as_one_edit_and_stops_past_the_limit():
    assert run(
        ("distance", ["chnage", "change", 1]), ("distance", ["card", "care", 1]), ("distance", ["abc", "xyz", 1])
    ) == [
        1,
        1,
        2,
    ]


def test_the_words_of_a_question_that_carry_its_subject():
    assert run(
        ("contentWords", ["How do I prepay?"]),
        ("contentWords", ["card on file"]),
        ("contentWords", ["how to"]),
    ) == [["prepay"], ["card", "file"], ["how", "to"]]


def test_a_typo_is_never_corrected_to_a_much_shorter_word():
    vocabulary = {"words": {"can": 5, "zoom": 1, "scanner": 1}, "compounds": {}, "synonyms": []}
    assert run(
        ("nearestWord", [vocabulary, "scan"]),
        ("nearestWord", [vocabulary, "zooom"]),
        ("nearestWord", [vocabulary, "scaner"]),
    ) == [None, "zoom", "scanner"]


def test_a_synonym_phrase_is_found_among_the_words_of_a_question():
    assert plan("which card is on file")["searches"][1:] == [
        {"text": "payment method", "weight": 0.9},
        {"text": "credit card", "weight": 0.9},
    ]
