"""The one results model of a verify run: results.json read and written back as verify wrote it,
the counts and the exit code worked out from the steps, and each status defined once."""

from __future__ import annotations

import ast
import io
import json
import re
import tokenize
from pathlib import Path

import pytest
from pydantic import ValidationError

from helpcentre.verify.results import DRIFTED, Status, Summary, VerifyResults, step_records_json, worst

ROOT = Path(__file__).resolve().parents[2]
# A drifted run over three articles (every kind of drift, steps not reached), as verify wrote it
# before its results had a typed model.
WRITTEN = Path(__file__).with_name("verify_results.json")


def written() -> VerifyResults:
    return VerifyResults.from_json(json.loads(WRITTEN.read_text(encoding="utf-8")))


def test_results_json_reads_back_and_is_written_again_to_the_same_text():
    text = WRITTEN.read_text(encoding="utf-8")
    assert json.dumps(written().to_json(), indent=2, ensure_ascii=False) + "\n" == text


def test_the_records_are_typed_all_the_way_down():
    card = written().articles[0]
    flow = card.steps[2]
    assert (card.ref, card.status, card.drifted_steps) == ("billing/change-card-or-bank-info", Status.FLOW, 2)
    assert flow.status is Status.FLOW and flow.capture is None
    assert [(repair.old, repair.new) for repair in flow.repair or []] == [("Card Details", "Payment Details")]
    pixels = written().articles[1].steps[3]
    assert pixels.pixels is not None and pixels.pixels.mismatched == 5362
    assert pixels.capture is not None and pixels.capture.frame


def test_the_summary_counts_each_status_and_drift_of_any_kind():
    summary = written().summary
    assert summary.to_json() == {
        "articles": 3,
        "steps": 13,
        "ok": 4,
        "drift": 7,
        "new": 0,
        "not_reached": 2,
        "error": 0,
        "flow": 1,
        "pixels": 1,
        "structure": 4,
        "text": 1,
    }
    assert [article.status for article in written().articles] == [Status.FLOW, Status.STRUCTURE, Status.TEXT]


@pytest.mark.parametrize(
    ("statuses", "exit_code"),
    [
        ([], 0),
        (["ok", "ok"], 0),
        (["ok", "pixels"], 1),
        (["new"], 1),
        (["flow", "not_reached"], 1),
        # The run's own trouble only: walk again.
        (["error", "not_reached"], 4),
        (["error", "structure"], 1),
    ],
)
def test_the_exit_code_follows_from_the_steps(statuses, exit_code):
    summary = Summary(1, {Status(status): statuses.count(status) for status in statuses})
    assert (summary.exit_code, summary.all_ok) == (exit_code, exit_code == 0)


def test_the_statuses_are_worst_first_and_drift_is_the_four_checks():
    assert [str(status) for status in Status] == [
        "error",
        "flow",
        "text",
        "structure",
        "pixels",
        "new",
        "not_reached",
        "ok",
    ]
    assert worst([Status.OK, Status.PIXELS, Status.TEXT]) is Status.TEXT
    assert worst([]) is Status.OK
    assert {status for status in Status if status.is_drift} == {
        Status.FLOW,
        Status.TEXT,
        Status.STRUCTURE,
        Status.PIXELS,
    }
    assert [status for status in Status if not status.needs_attention] == [Status.NOT_REACHED, Status.OK]


def test_a_broken_results_file_is_refused_with_the_field_that_is_wrong():
    data = json.loads(WRITTEN.read_text(encoding="utf-8"))
    data["articles"][0]["steps"][1]["status"] = "drifted"
    with pytest.raises(ValidationError) as refused:
        VerifyResults.from_json(data)
    problem = refused.value.errors(include_url=False)[0]
    assert (problem["loc"], problem["msg"]) == (
        ("articles", 0, "steps", 1, "status"),
        "Input should be 'error', 'flow', 'text', 'structure', 'pixels', 'new', 'not_reached' or 'ok'",
    )


def test_verify_json_writes_one_record_per_step():
    records = step_records_json(written())
    assert len(records) == 13
    pixels = records[8]
    assert pixels == {
        "article": "billing/pre-pay-future-invoices",
        "id": 105,
        "step": 4,
        "text": pixels["text"],
        "status": "pixels",
        "message": "5362 pixels differ (3.445%); 0 allowed",
        "pixels": pixels["pixels"],
    }
    assert pixels["pixels"]["mismatched"] == 5362


# The same words in other vocabularies, which cannot take them from verify: the verification
# record's two words, defined once where capture, verify and the site read them; the states the
# site's template colours; and the feedback service's answer to a health check.
ELSEWHERE = {
    ("src/helpcentre/last_verified.py", "ok"),
    ("src/helpcentre/last_verified.py", "drift"),
    ("src/helpcentre/mkdocs_plugin/generated.py", "ok"),
    ("src/helpcentre/mkdocs_plugin/generated.py", "drift"),
    ("src/helpcentre/feedback/service.py", "ok"),
}
# Words a status shares with plain speech ("text" is also an ARIA role): a literal counts where its
# line speaks of a status or a summary.
SHARED = {"ok", "new", "error", "text"}


def status_literals(path: Path) -> list[tuple[str, int, str]]:
    """Each string literal in `path` that spells a status (or drift of any kind), with its line."""
    words = {str(status) for status in Status} | {DRIFTED}
    found = []
    for token in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
        if token.type != tokenize.STRING:
            continue
        try:
            value = ast.literal_eval(token.string)
        except ValueError:  # An f-string.
            continue
        if value in words and (value not in SHARED or re.search(r"status|summary", token.line, re.IGNORECASE)):
            found.append((path.relative_to(ROOT).as_posix(), token.start[0], value))
    return found


def test_each_status_is_spelled_in_the_results_model_only():
    sources = [*ROOT.glob("src/helpcentre/**/*.py"), *ROOT.glob(".ci/*.py")]
    spelled = [
        found
        for path in sources
        if path != ROOT / "src/helpcentre/verify/results.py"
        for found in status_literals(path)
        if found[::2] not in ELSEWHERE
    ]
    assert spelled == [], "use helpcentre.verify.results.Status"
