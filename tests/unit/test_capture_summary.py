"""Capture's last line counts the articles and steps it walked, not only those it captured, and
names the walks that failed at the step each failed."""

from helpcentre.articles import parse_article
from helpcentre.baselines.shot import StepShot
from helpcentre.capture import ArticleOutcome, CaptureResult, ResetError, ResetFailed, StepFailed
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
        "Captured 0 of 1 article (0 steps walked) in 21.6 s (0.00 steps/s);"
        " failed: pages/find-a-page at step 1; Chromium 140.0.7339.185"
    )


def test_the_steps_a_failed_walk_did_before_it_failed_are_counted_as_walked():
    article = _article("billing/x")
    failure = StepFailed(article, 2, "no control named 'Home'", None, "", None)
    failure.shots_before = [StepShot(1, "Click **Pages**", b"", "", "/pages", None)]
    result = CaptureResult([ArticleOutcome(article, failure=failure)], 4.0, "140.0.7339.185")
    assert capture_summary(result) == (
        "Captured 0 of 1 article (1 step walked) in 4.0 s (0.25 steps/s);"
        " failed: billing/x at step 2; Chromium 140.0.7339.185"
    )


def test_a_walk_whose_reset_failed_is_named_as_such_and_many_failures_are_cut_short():
    articles = [_article(f"pages/p{number}") for number in range(7)]
    reset = ResetFailed(articles[0], ResetError("the reset command exited 1"))
    outcomes = [ArticleOutcome(articles[0], failure=reset)] + [
        ArticleOutcome(article, failure=StepFailed(article, 1, "no control named 'Pages'", None, "", None))
        for article in articles[1:]
    ]
    summary = capture_summary(CaptureResult(outcomes, 7.0, ""))
    assert summary == (
        "Captured 0 of 7 articles (0 steps walked) in 7.0 s (0.00 steps/s); failed: pages/p0 at its reset,"
        " pages/p1 at step 1, pages/p2 at step 1, pages/p3 at step 1, pages/p4 at step 1 and 2 more; "
    )


def test_captured_and_failed_articles_are_both_counted():
    ok, bad = _article("pages/a"), _article("pages/b")
    outcomes = [
        ArticleOutcome(ok, shots=[StepShot(1, "Click **Pages**", b"", "", "/pages", None)]),
        ArticleOutcome(bad, failure=StepFailed(bad, 2, "no control named 'Home'", None, "", None)),
    ]
    summary = capture_summary(CaptureResult(outcomes, 2.0, "140.0.7339.185"))
    assert summary.startswith(
        "Captured 1 of 2 articles (1 step walked) in 2.0 s (0.50 steps/s); failed: pages/b at step 2;"
    )
