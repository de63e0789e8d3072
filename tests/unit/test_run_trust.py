"""What a verify run says of itself: the builds it compares, its own errors, and what fix may accept."""

from __future__ import annotations

from helpcentre.cli.verify_commands import exit_code
from helpcentre.verify.acceptable import reframed, refusal, words_gone
from helpcentre.verify.browsers import browsers_note

OLD, NEW = "Chromium 155.0.7000.1", "Chromium 156.0.8078.129"


def _results(*articles: list[str]) -> dict:
    return {
        "browser": NEW,
        "articles": [
            {"ref": f"billing/a{index}", "steps": [{"step": n + 1, "status": s} for n, s in enumerate(statuses)]}
            for index, statuses in enumerate(articles)
        ],
    }


def _manifest(browser: str, count: int) -> dict:
    return {"articles": {f"billing/a{index}": {"browser": browser} for index in range(count)}}


def test_the_same_build_says_nothing():
    note = browsers_note(_results(["ok"]), _manifest(NEW, 1))
    assert note == {"baselines": [NEW], "run": NEW, "note": "", "likely_browser_drift": False}


def test_another_build_is_named_with_both_versions():
    note = browsers_note(_results(["ok"], ["structure"]), _manifest(OLD, 2))
    assert note["note"] == f"Baselines made with {OLD}, this run {NEW}."
    assert not note["likely_browser_drift"]


def test_pixels_only_drift_in_every_article_is_likely_the_browsers():
    note = browsers_note(_results(["pixels", "ok"], ["ok", "pixels"]), _manifest(OLD, 2))
    assert note["likely_browser_drift"]
    assert note["note"].startswith(f"Baselines made with {OLD}, this run {NEW}; the drift is pixels only, in every")


def test_drift_in_one_article_only_is_not_blamed_on_the_browser():
    note = browsers_note(_results(["pixels"], ["ok"]), _manifest(OLD, 2))
    assert not note["likely_browser_drift"]


def _summary(**counts: int) -> dict:
    return {"summary": {"drift": 0, "new": 0, "not_reached": 0, "error": 0, **counts}}


def test_a_run_error_exits_4_and_drift_exits_1():
    assert exit_code(_summary(error=1, not_reached=3)) == 4
    assert exit_code(_summary(error=1, drift=1)) == 1
    assert exit_code(_summary(not_reached=1)) == 1
    assert exit_code(_summary()) == 0


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
    step = {"step": 4, "text": "Click the **Card Details** button", "aria": {"diff": ARIA_DIFF}}
    assert words_gone(step) == ["Card Details"]
    assert refusal("billing/a0", step, {}, set()) == (
        "its words no longer match the product: the picture no longer has **Card Details**;"
        " change the article's words, then verify again"
    )


def test_a_menu_that_became_the_viewport_is_refused_unless_the_writer_passes_it():
    baseline = {"frame": "menu 'Setup' with its button", "width": 195, "height": 62}
    step = {
        "step": 1,
        "text": "Go to the **Setup** menu",
        "capture": {"frame": "the viewport", "width": 1280, "height": 800},
    }
    assert reframed(step, baseline) == (
        "its frame changed from menu 'Setup' with its button (195×62 px) to the viewport (1280×800 px)"
    )
    assert refusal("billing/a0", step, baseline, set()).endswith(
        "accept it with fix --accept-visual --accept-reframed billing/a0:1"
    )
    assert refusal("billing/a0", step, baseline, {("billing/a0", 1)}) is None


def test_a_restyled_picture_of_the_same_frame_is_accepted():
    baseline = {"frame": "dialog 'Card Details'", "width": 500, "height": 400}
    step = {
        "step": 2,
        "text": "Click **Save**",
        "capture": {"frame": "dialog 'Card Details'", "width": 520, "height": 410},
    }
    assert refusal("billing/a0", step, baseline, set()) is None


def test_the_reports_header_names_both_builds():
    from helpcentre.report.views import run_details

    results = _results(["pixels"], ["pixels"])
    results["summary"] = {"steps": 2, "articles": 2}
    results["browsers"] = browsers_note(results, _manifest(OLD, 2))
    assert f"Baselines made with {OLD}, this run {NEW}; the drift is pixels only" in run_details(results)
