"""Capture's last line counts the articles it walked, not only those it captured."""

from helpcentre.articles import parse_article
from helpcentre.baselines.shot import StepShot
from helpcentre.capture import ArticleOutcome, CaptureResult, StepFailed
from helpcentre.cli.capture_commands import capture_summary

TEXT = (
    "---\nid: 1\ntitle: Find a page\nsummary: Find a page.\ncategory: pages\n"
    "walkthrough:\n  target: cms\n---\n\n1. Click **Pages**\n2. Click **Home**\n"
)


def _article(ref: str):
    article, problems = parse_article(f"{ref}.md", TEXT, f"docs/{ref}.md")
    assert not problems
    return article


def test_one_article_walked_and_failed_is_counted_as_walked():
    article = _article("pages/find-a-page")
    failed = ArticleOutcome(article, failure=StepFailed(article, 1, "no control named 'Pages'", None, "", None))
    result = CaptureResult([failed], 21.6, "140.0.7339.185")
    assert capture_summary(result) == (
        "Captured 0 of 1 article (0 steps) in 21.6 s (0.00 steps/s); 1 failed; Chromium 140.0.7339.185"
    )


def test_captured_and_failed_articles_are_both_counted():
    ok, bad = _article("pages/a"), _article("pages/b")
    outcomes = [
        ArticleOutcome(ok, shots=[StepShot(1, "Click **Pages**", b"", "", "/pages", None)]),
        ArticleOutcome(bad, failure=StepFailed(bad, 2, "no control named 'Home'", None, "", None)),
    ]
    summary = capture_summary(CaptureResult(outcomes, 2.0, "140.0.7339.185"))
    assert summary.startswith("Captured 1 of 2 articles (1 step) in 2.0 s (0.50 steps/s); 1 failed;")
