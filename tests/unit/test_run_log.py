"""Verify, capture and `report merge` in a CI log (no terminal): a plain line per step as it is
done, its message whole, then a summary whose counts read "1 article", not "1 articles"."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

from helpcentre.articles import parse_article
from helpcentre.cli.capture_commands import CaptureProgress
from helpcentre.cli.verify_output import echo_step, print_steps, summary_sentence
from helpcentre.verify.results import ArticleRecord, Status, StepRecord, Summary, VerifyResults

WRITTEN = Path(__file__).with_name("verify_results.json")
ARTICLE = (
    "---\nid: 1\ntitle: Find a page\nsummary: Find a page.\ncategory: pages\n"
    "walkthrough:\n  target: cms\n---\n\n1. Click **Pages**\n2. Click **Home**\n"
)
# Longer than any terminal is wide, and than a table column would let it be.
LONG_MESSAGE = "no control named 'Card Details' (button); controls here: " + ", ".join(
    f"button 'Action {number}'" for number in range(40)
)


def run(*articles: ArticleRecord, seconds: float = 2.0) -> VerifyResults:
    started = datetime(2026, 11, 26, 20, 40, tzinfo=UTC)
    return VerifyResults(started_at=started, seconds=seconds, target="sandbox", browser="", articles=list(articles))


def test_capture_says_each_step_as_its_picture_is_taken(capsys):
    article, problems = parse_article("pages/find-a-page.md", ARTICLE, "docs/pages/find-a-page.md")
    assert not problems
    with CaptureProgress(log="steps") as progress:
        progress.update("start", article, 0)
        progress.update("step", article, 1)
        progress.update("step", article, 2)
        progress.update("done", article, 2)
    assert capsys.readouterr().err.splitlines() == [
        "  ok          pages/find-a-page: step 1",
        "  ok          pages/find-a-page: step 2",
    ]


def test_capture_says_the_step_that_failed_with_its_whole_message_on_one_line(capsys):
    article, problems = parse_article("pages/find-a-page.md", ARTICLE, "docs/pages/find-a-page.md")
    assert not problems
    with CaptureProgress(log="steps") as progress:
        progress.update("start", article, 0)
        progress.update("step", article, 1)
        progress.update("failed", article, 2, f"pages/find-a-page: step 2: {LONG_MESSAGE}")
    assert capsys.readouterr().err.splitlines() == [
        "  ok          pages/find-a-page: step 1",
        f"  FAILED  pages/find-a-page: step 2: {LONG_MESSAGE}",
    ]
    assert progress.failures_said == {"pages/find-a-page"}


def test_verify_says_each_article_as_its_walk_ends(capsys):
    article, _ = parse_article("pages/find-a-page.md", ARTICLE, "docs/pages/find-a-page.md")
    with CaptureProgress(log="walks") as progress:
        progress.update("start", article, 0)
        progress.update("step", article, 1)
        progress.update("done", article, 1)
    [line] = capsys.readouterr().err.splitlines()
    assert re.fullmatch(r"  walked  pages/find-a-page: 1 step in [\d.]+ s", line)


def test_a_judged_step_is_one_line_with_its_status_and_whole_message(capsys):
    article = ArticleRecord("billing/change-card", 101, "Change the card")
    echo_step(article, StepRecord(3, "Click the **Card Details** button", Status.FLOW, LONG_MESSAGE))
    echo_step(article, StepRecord(4, "Add your card", Status.NOT_REACHED, "step 3 could not be done"))
    echo_step(article, StepRecord(5, "Verify the status is **Active**", Status.OK))
    assert capsys.readouterr().out.splitlines() == [
        f"  flow        billing/change-card: step 3: {LONG_MESSAGE}",
        "  not_reached billing/change-card: step 4: step 3 could not be done",
        "  ok          billing/change-card: step 5",
    ]


def test_report_merge_in_a_log_prints_a_line_per_step_and_no_table(capsys):
    results = VerifyResults.from_json(json.loads(WRITTEN.read_text(encoding="utf-8")))
    print_steps(results)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == results.summary.steps == 13
    assert lines[8] == (
        "  pixels      billing/pre-pay-future-invoices: step 4: 5362 px (3.445%); 5362 pixels differ (3.445%); 0 allowed"
    )
    assert all(re.fullmatch(r"  [a-z_]+ +[\w/-]+: step \d+(: .+)?", line) for line in lines), lines
    assert not [line for line in lines if "\x1b[" in line], "no colour in a log"


def test_one_article_and_one_step_are_counted_in_the_singular():
    article = ArticleRecord("billing/change-card", 101, "Change the card", steps=[StepRecord(1, "Go", Status.OK)])
    assert summary_sentence(run(article, seconds=1.25), Path("reports/verify")) == (
        "1 step in 1 article: 1 ok, 0 drifted, 0 new, 0 not reached; 1.2 s. Report: reports/verify/index.html"
    )
    errors = ArticleRecord("billing/x", 1, "X", steps=[StepRecord(1, "Go", Status.ERROR)])
    assert ", 1 run error;" in summary_sentence(run(errors), Path("out"))
    assert Summary.of([article]).to_json()["articles"] == 1
