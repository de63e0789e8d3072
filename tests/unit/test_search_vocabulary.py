"""The vocabulary the search box corrects queries against: what writers named, nothing more."""

from __future__ import annotations

import re
from pathlib import Path

import helpcentre.mkdocs_plugin
from helpcentre.articles.loader import parse_article
from helpcentre.search.vocabulary import STOP_WORDS, build_vocabulary, words_of


def article(path: str, front_matter: str, body: str):
    parsed, problems = parse_article(path, f"---\n{front_matter}\n---\n\n{body}\n", f"docs/{path}")
    assert parsed is not None, problems
    return parsed


PREPAY = article(
    "billing/prepay.md",
    "id: 1\ntitle: Pre-pay for future invoices\nsummary: Pay ahead.\ncategory: billing\n"
    "tags: [credit, Therasoft Billing]",
    "## Before you start\n\nYour practice's plan must allow it.\n\n"
    "1. Select **Therasoft Billing**.\n2. Click **LOG OUT** when done.\n\n"
    "```text\n## not a heading\n```\n\nA body word only: zucchini, and the year 2026.",
)
INTERNAL = article(
    "billing/internal.md",
    "id: 2\ntitle: Refund escalations\nsummary: For agents.\ncategory: billing\naudience: agents",
    "Internal words.",
)
EXCLUDED = article(
    "billing/hidden.md",
    "id: 3\ntitle: Legacy invoices\nsummary: Old.\ncategory: billing\nsearch: {exclude: true}",
    "Old.",
)


def test_the_vocabulary_holds_titles_tags_headings_and_bold_labels_only():
    words = build_vocabulary([PREPAY], {}).words
    for named in (
        "pre-pay",
        "pre",
        "pay",
        "future",
        "invoices",
        "credit",
        "therasoft",
        "billing",
        "before",
        "start",
        "log",
        "out",
    ):
        assert named in words, named
    # Body text, code blocks and numbers are never offered as corrections.
    for unnamed in ("zucchini", "practice", "heading", "2026"):
        assert unnamed not in words, unnamed


def test_words_count_the_articles_that_name_them():
    second = article(
        "billing/card.md", "id: 4\ntitle: Change your card\nsummary: Card.\ncategory: billing\ntags: [billing]", "x"
    )
    words = build_vocabulary([PREPAY, second], {}).words
    assert words["billing"] == 2
    assert words["card"] == 1


def test_internal_and_excluded_articles_lend_no_words():
    words = build_vocabulary([PREPAY, INTERNAL, EXCLUDED], {}).words
    assert "escalations" not in words and "refund" not in words
    assert "legacy" not in words


def test_a_hyphenated_word_is_known_run_together():
    assert build_vocabulary([PREPAY], {}).compounds == {"prepay": "pre-pay"}


def test_synonyms_become_folded_groups_and_words():
    vocabulary = build_vocabulary([PREPAY], {"Payment method": ["card on file", "Crédit card"], "bill": ["invoice"]})
    assert vocabulary.synonyms == [["payment method", "card on file", "credit card"], ["bill", "invoice"]]
    assert {"payment", "method", "file"} <= set(vocabulary.words)


def test_words_are_folded_as_the_browser_folds_them():
    assert words_of("Café’s RE-ENROL 3 “quotes”") == ["cafe's", "re-enrol", "3", "quotes"]


def test_the_payload_is_the_same_for_the_same_articles():
    first = build_vocabulary([PREPAY, EXCLUDED], {"bill": ["invoice"]}).payload()
    again = build_vocabulary([EXCLUDED, PREPAY], {"bill": ["invoice"]}).payload()
    assert first == again
    assert set(first) == {"words", "compounds", "synonyms"}
    assert list(first["words"]) == sorted(first["words"])


def test_the_search_box_leaves_out_the_same_words_of_a_question():
    script = (Path(helpcentre.mkdocs_plugin.__file__).parent / "assets" / "search-query.js").read_text(encoding="utf-8")
    listed = re.search(r'STOP_WORDS = \{\}\s*;\((.*?)\)\.split\(" "\)', script, re.DOTALL)
    assert listed, "search-query.js no longer lists its stop words as this test reads them"
    words = "".join(re.findall(r'"([^"]*)"', listed.group(1))).split()
    assert frozenset(words) == STOP_WORDS
