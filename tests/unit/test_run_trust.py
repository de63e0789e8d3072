"""What a verify run says of itself: the builds it compares, its own errors, and what fix may accept."""

from __future__ import annotations

from helpcentre.baselines.manifest import Manifest, StepBaseline
from helpcentre.verify.acceptable import reframed, refusal, words_gone
from helpcentre.verify.browsers import browsers_note
from helpcentre.verify.results import AriaCheck, BrowsersNote, ShotDetails, Status, StepRecord, Summary, VerifyResults

OLD, NEW = "Chromium 155.0.7000.1", "Chromium 156.0.8078.129"


def _results(*articles: list[str]) -> VerifyResults:
    steps = [[{"step": n + 1, "text": "", "status": s} for n, s in enumerate(statuses)] for statuses in articles]
    return VerifyResults.from_json(
        {
            "started_at": "2026-11-26T20:40:00+00:00",
            "seconds": 2.0,
            "target": "sandbox",
            "browser": NEW,
            "articles": [{"ref": f"billing/a{n}", "id": n, "title": "A", "steps": steps[n]} for n in range(len(steps))],
        }
    )


def _manifest(browser: str, count: int) -> Manifest:
    return Manifest.from_json({"articles": {f"billing/a{index}": {"browser": browser} for index in range(count)}})


def test_the_same_build_says_nothing():
    note = browsers_note(_results(["ok"]), _manifest(NEW, 1))
    assert note == BrowsersNote(baselines=[NEW], run=NEW, note="", likely_browser_drift=False)


def test_another_build_is_named_with_both_versions():
    note = browsers_note(_results(["ok"], ["structure"]), _manifest(OLD, 2))
    assert note.note == f"Baselines made with {OLD}, this run {NEW}."
    assert not note.likely_browser_drift


def test_pixels_only_drift_in_every_article_is_likely_the_browsers():
    note = browsers_note(_results(["pixels", "ok"], ["ok", "pixels"]), _manifest(OLD, 2))
    assert note.likely_browser_drift
    assert note.note.startswith(f"Baselines made with {OLD}, this run {NEW}; the drift is pixels only, in every")


def test_drift_in_one_article_only_is_not_blamed_on_the_browser():
    note = browsers_note(_results(["pixels"], ["ok"]), _manifest(OLD, 2))
    assert not note.likely_browser_drift


def _summary(**counts: int) -> Summary:
    return Summary(1, {Status(status): count for status, count in counts.items()})


def test_a_run_error_exits_4_and_drift_exits_1():
    assert _summary(error=1, not_reached=3).exit_code == 4
    assert _summary(error=1, pixels=1).exit_code == 1
    assert _summary(not_reached=1).exit_code == 1
    assert _summary(ok=2).exit_code == 0


ARIA_DIFF = """--- expected
+++ actual
@@ -1,3 +1,3 @@
 - region "Payment Method":
-  - text: "Status: Active"
+  - text: "Status: Current"
-  - button "Card Details"
+  - button "Payment Details"
"""


def test_a_label_the_picture_renames_means_the_words_no_longer_match():
    step = StepRecord(4, "Click the **Card Details** button", Status.STRUCTURE, aria=AriaCheck(diff=ARIA_DIFF))
    assert words_gone(step) == ["Card Details"]
    assert refusal("billing/a0", step, None, set()) == (
        "its words no longer match the product: the picture no longer has **Card Details**;"
        " change the article's words, then verify again"
    )


def test_a_menu_that_became_the_viewport_is_refused_unless_the_writer_passes_it():
    baseline = StepBaseline.from_json({"step": 1, "frame": "menu 'Setup' with its button", "width": 195, "height": 62})
    step = StepRecord(
        1, "Go to the **Setup** menu", Status.PIXELS, capture=ShotDetails(frame="the viewport", width=1280, height=800)
    )
    assert reframed(step, baseline) == (
        "its frame changed from menu 'Setup' with its button (195×62 px) to the viewport (1280×800 px)"
    )
    assert refusal("billing/a0", step, baseline, set()).endswith(
        "accept it with fix --accept-visual --accept-reframed billing/a0:1"
    )
    assert refusal("billing/a0", step, baseline, {("billing/a0", 1)}) is None


def test_a_restyled_picture_of_the_same_frame_is_accepted():
    baseline = StepBaseline.from_json({"step": 2, "frame": "dialog 'Card Details'", "width": 500, "height": 400})
    step = StepRecord(
        2, "Click **Save**", Status.PIXELS, capture=ShotDetails(frame="dialog 'Card Details'", width=520, height=410)
    )
    assert refusal("billing/a0", step, baseline, set()) is None


def test_the_reports_header_names_both_builds():
    from helpcentre.report.views import run_details

    results = _results(["pixels"], ["pixels"])
    results.browsers = browsers_note(results, _manifest(OLD, 2))
    assert f"Baselines made with {OLD}, this run {NEW}; the drift is pixels only" in run_details(results)
