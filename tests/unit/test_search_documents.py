"""What the search index reads of a page, and the files it writes: what customers may find, as typed."""

from __future__ import annotations

import json
from pathlib import Path

from helpcentre.articles.loader import parse_article
from helpcentre.search import INDEX_DIR, IndexedPage, SearchIndexer, Vocabulary, article_document, page_document
from helpcentre.search.index_files import TITLE_WEIGHT, page_weights


def article(extra: str, title: str = "Refunds"):
    text = f"---\nid: 7\ntitle: '{title}'\nsummary: Money back.\ncategory: billing\n{extra}\n---\n\nBody.\n"
    parsed, problems = parse_article("billing/refunds.md", text, "docs/billing/refunds.md")
    assert parsed is not None, problems
    return parsed


def test_an_article_is_its_title_summary_tags_and_the_text_headings_and_labels_of_its_body():
    body = (
        '<h2 id="before">Before you start<a class="headerlink" href="#before">¶</a></h2>'
        "<p>Open <strong>Billing</strong>, then <b>Refunds</b>.</p><script>var hidden = 1</script>"
    )
    document = article_document(article('tags: [refund, "a, b"]'), body)
    assert document == IndexedPage(
        title="Refunds",
        summary="Money back.",
        tags=("refund", "a, b"),
        headings=("Before you start",),
        labels=("Billing", "Refunds"),
        text="Before you start Open Billing , then Refunds .",
    )


def test_markup_in_a_title_or_tag_stays_text():
    document = article_document(article('tags: ["<img src=x>"]', title="<script>alert(1)</script>"), "")
    assert document.title == "<script>alert(1)</script>"
    assert document.tags == ("<img src=x>",)


def test_a_boost_is_kept_for_the_search_box():
    assert article_document(article("search: {boost: 2}"), "").boost == 2
    assert article_document(article(""), "").boost == 1


def test_internal_and_excluded_articles_are_not_indexed():
    assert article_document(article("audience: agents"), "<p>Internal.</p>") is None
    assert article_document(article("search: {exclude: true}"), "<p>Old.</p>") is None


def test_a_page_of_the_sites_own_is_its_title_and_body():
    document = page_document("About & terms", "<p>Terms &amp; conditions.</p>")
    assert document.title == "About & terms"
    assert document.text == "Terms & conditions."


def test_a_word_weighs_most_where_the_page_holds_it_and_a_little_more_each_time_the_body_says_it():
    weights = page_weights(
        IndexedPage(title="Pre-pay invoices", summary="Pay ahead.", text="Pay now. Pay later. Invoices.")
    )
    # The title's four words ("pre-pay", "pre", "pay", "invoices") share a short title's bonus.
    assert weights["invoices"] == TITLE_WEIGHT + 24 // 4 + 1
    # Part of a hyphenated word of the title weighs half as much as a word of it.
    assert weights["pre-pay"] > weights["pay"] > weights["ahead"]
    assert weights["later"] == 4 + 1


def test_the_index_files_each_hold_a_part_and_the_first_file_says_where_the_rest_are(tmp_path: Path):
    indexer = SearchIndexer()
    for number in range(20):
        indexer.add(f"/billing/page-{number:02}/", IndexedPage(title=f"Page {number:02}", summary="Card.", boost=2))
    indexer.add("/billing/refunds/", IndexedPage(title="Refunds", text="Money back, café."))
    vocabulary = Vocabulary()
    vocabulary.words.update({"refunds": 1})
    indexed = indexer.finish(tmp_path, vocabulary)
    folder = tmp_path / INDEX_DIR
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    assert indexed.pages == meta["pages"] == 21
    assert meta["words"] == {"refunds": 1}
    assert meta["boosts"] == {str(number): 2 for number in range(20)}
    assert set(meta["shards"]) == {"pa", "ca", "re", "mo", "ba"} | {f"{number:02}" for number in range(20)}
    listed = json.loads((folder / "words" / "ca.json").read_text(encoding="utf-8"))
    assert set(listed) == {"card", "cafe"}
    # Each word: how many pages hold it, and which postings file has them.
    assert listed["card"][0] == 20
    postings = json.loads((folder / "postings" / f"{listed['card'][1]}.json").read_text(encoding="utf-8"))
    # Page numbers after the first are the distance from the one before.
    assert postings["card"][0::2] == [0] + [1] * 19
    pages = json.loads((folder / "pages" / "1.json").read_text(encoding="utf-8"))
    assert pages[-1] == ["/billing/refunds/", "Refunds", "", []]
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".")]


def test_a_help_centre_with_no_page_writes_only_the_first_file(tmp_path: Path):
    SearchIndexer().finish(tmp_path, Vocabulary())
    assert [path.name for path in (tmp_path / INDEX_DIR).iterdir()] == ["meta.json"]
    assert json.loads((tmp_path / INDEX_DIR / "meta.json").read_text(encoding="utf-8"))["pages"] == 0
