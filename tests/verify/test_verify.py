"""`helpcentre verify` against the real sandbox: no false drift, and every kind of drift caught where it is."""

from __future__ import annotations

import json
import os
import re
import shutil

import pytest
from capture.conftest import GUIDE, ProjectCopy, copy_project


def run_verify(project: ProjectCopy, *args: str, drift: str = "") -> tuple[int, dict, str]:
    import subprocess
    import sys

    environment = dict(os.environ, SANDBOX_DRIFT=drift)
    command = [sys.executable, "-m", "helpcentre", "verify", *args, "--report", str(project.root / "report")]
    completed = subprocess.run(command, cwd=project.root, capture_output=True, text=True, timeout=600, env=environment)
    results_file = project.root / "report" / "results.json"
    results = json.loads(results_file.read_text()) if results_file.exists() else {}
    return completed.returncode, results, completed.stdout + completed.stderr


def drifted(results: dict) -> set[tuple[str, int, str]]:
    return {
        (article["ref"], step["step"], step["status"])
        for article in results["articles"]
        for step in article["steps"]
        if step["status"] != "ok"
    }


@pytest.fixture(scope="module")
def project(project_root, tmp_path_factory) -> ProjectCopy:
    copy = copy_project(project_root, tmp_path_factory.mktemp("verify") / "project")
    # The report folder these tests name is ignored, as the default reports/ is.
    copy.commit_all("/report/")
    return copy


def baselines(project: ProjectCopy) -> dict[str, bytes]:
    return {name: data for name, data in project.snapshot().items() if name != "manifest.json"}


def test_an_unchanged_sandbox_verifies_clean(project):
    # Runs in a row are the benchmark's (scripts/bench/false_drift.py); the real apps' tests and
    # test_target_reset.py verify twice in a row against a live target with its reset.
    before = baselines(project)
    code, results, output = run_verify(project)
    assert code == 0, f"verify found drift:\n{output}"
    assert drifted(results) == set()
    assert results["summary"]["steps"] == results["summary"]["ok"] == 33
    assert "33 steps in 7 articles: 33 ok, 0 drifted, 0 new, 0 not reached" in output
    assert baselines(project) == before, "verify never changes a baseline"
    assert project.git_status() == "", "a clean verify changes no file in Git"
    record = json.loads((project.root / "reports" / "verification.json").read_text())
    assert record["articles"][GUIDE]["status"] == "ok"
    assert record["articles"][GUIDE]["at"] == results["started_at"]
    assert record["articles"][GUIDE]["by"] == "verify"


CARD = "billing/change-card-or-bank-info"
MANAGE = "billing/manage-saved-payment-method"
CONTACT = "billing/edit-billing-contact-info"
PREPAY = "billing/pre-pay-future-invoices"

# Every step whose shot shows the changed element drifts, and no other: a button that is
# clicked is a flow failure (the rest of that walk is not reached); one that is only in the
# picture changes the ARIA snapshot; a colour changes only pixels; a label the article names
# in bold, and that no locator uses, is a text failure.
DRIFTS = {
    "rename-button": {
        (CARD, 3, "flow"),
        (CARD, 4, "not_reached"),
        (CARD, 5, "not_reached"),
        (MANAGE, 3, "structure"),
        (MANAGE, 4, "flow"),
        (MANAGE, 5, "not_reached"),
    },
    "move-menu-item": {
        (ref, 2, "structure")
        for ref in (CARD, "billing/change-requests", CONTACT, MANAGE, PREPAY, "billing/view-print-or-pay-invoices")
    },
    "change-colour": {(PREPAY, 4, "pixels")},
    "remove-field": {(CONTACT, 4, "flow"), (CONTACT, 5, "not_reached")},
    # The Registration panel is named after the label, so the two steps framing it change structure too.
    "change-label": {
        ("clients/email-payment-receipts-to-multiple-emails", 1, "text"),
        ("clients/email-payment-receipts-to-multiple-emails", 2, "structure"),
        ("clients/email-payment-receipts-to-multiple-emails", 3, "structure"),
    },
}

MESSAGES = {
    "rename-button": (CARD, 3, "no control named 'Card Details' (button); controls here: button 'Payment Details'"),
    "remove-field": (
        CONTACT,
        4,
        # Name and Email are named by the step itself: no override offers one of them for the Phone.
        "no field named 'Phone' (textbox/searchbox/combobox/spinbutton/…); fields here: textbox 'Name', textbox 'Email';"
        " spell the label as the page does, or rewrite step 4 if the page no longer has it;"
        " fix cannot rename it:",
    ),
    "change-label": (
        "clients/email-payment-receipts-to-multiple-emails",
        1,
        "not on the page as a name or visible text: 'Registration'",
    ),
    "change-colour": (PREPAY, 4, "pixels differ"),
    "move-menu-item": (CARD, 2, "the ARIA snapshot differs from the baseline"),
}


# The five drifts touch different steps, so one verify of the sandbox drifting in all five ways
# shows each where it belongs, and that nothing else moved.
ALL_DRIFTS = ",".join(sorted(DRIFTS))


@pytest.fixture(scope="module")
def drift_run(project, tmp_path_factory):
    """One verify over the whole help centre with every drift at once; the tests below read it."""
    records_file = tmp_path_factory.mktemp("records") / "steps.json"
    before = baselines(project)
    code, results, output = run_verify(project, "--json", str(records_file), drift=ALL_DRIFTS)
    report = tmp_path_factory.mktemp("report")
    shutil.copytree(project.root / "report", report, dirs_exist_ok=True)
    return code, results, output, records_file, report, before


def test_the_drifted_steps_are_exactly_those_the_drifts_touch(drift_run):
    code, results, output, _, _, _ = drift_run
    assert code == 1, output
    assert drifted(results) == set().union(*DRIFTS.values())


@pytest.mark.parametrize("drift", sorted(DRIFTS))
def test_each_kind_of_drift_is_reported_on_the_right_article_and_step(project, drift_run, drift):
    _, results, _, _, _, before = drift_run
    touched = {(ref, number) for ref, number, _ in DRIFTS[drift]}
    assert {found for found in drifted(results) if found[:2] in touched} == DRIFTS[drift]
    ref, number, message = MESSAGES[drift]
    article = next(article for article in results["articles"] if article["ref"] == ref)
    assert message in article["steps"][number - 1]["message"]
    assert baselines(project) == before


def test_the_outputs_for_people_and_for_ci(project, drift_run):
    code, results, output, records_file, report, _ = drift_run
    assert code == 1
    records = json.loads(records_file.read_text())
    assert len(records) == 33
    assert {
        (record["article"], record["step"], record["status"]) for record in records if record["status"] != "ok"
    } == (drifted(results))
    drift = next(record for record in records if record["status"] == "pixels")
    assert (drift["article"], drift["step"]) == (PREPAY, 4)
    assert drift["pixels"]["mismatched"] > 0 and drift["pixels"]["ratio"] > 0
    assert (report / "index.html").is_file()
    assert (report / PREPAY / "04.diff.png").is_file()
    assert (report / PREPAY / "04.expected.png").read_bytes() == (project.screenshots / PREPAY / "04.png").read_bytes()
    junit = (report / "junit.xml").read_text()
    assert all(f'type="{kind}"' in junit for kind in ("pixels", "structure", "flow", "text"))
    assert (
        "33 steps in 7 articles: 15 ok, 14 drifted (3 flow, 1 text, 9 structure, 1 pixels), 0 new, 4 not reached"
        in output
    )
    assert re.search(rf"^  pixels +{PREPAY}: step 4: \d+ px \(", output, re.MULTILINE)
    # Not a terminal, as in CI: no table, but one line per step as it is judged, its message whole
    # however long, never folded to 80 columns.
    assert not re.search(r"^article +step +status", output, re.MULTILINE)
    for record in records:
        place = rf"{re.escape(record['article'])}: step {record['step']}"
        assert len(re.findall(rf"^  \S+ +{place}(: |$)", output, re.MULTILINE)) == 1, (record, output)
        if record["status"] != "ok":
            line = rf"^  {record['status']} +{place}: .*{re.escape(record['message'][-40:])}$"
            assert re.search(line, output, re.MULTILINE), (record, output)
    # And each article is said as its walk ends, before its steps are judged.
    assert re.search(rf"^  walked  {PREPAY}: \d+ steps? in [\d.]+ s$", output, re.MULTILINE)


RECEIPTS = "clients/email-payment-receipts-to-multiple-emails"


def junit_cases(report) -> list[tuple[str, str, str | None]]:
    import xml.etree.ElementTree as ET

    return [
        (
            case.get("classname"),
            case.get("name"),
            None if case.find("failure") is None else case.find("failure").get("type"),
        )
        for case in ET.parse(report / "junit.xml").getroot().iter("testcase")
    ]


def test_three_shards_merged_are_the_single_runs_report(project, drift_run, tmp_path):
    """Three shards walked at once (two articles, so the third has none), then merged: the single run's report.

    The single run is the run of every drift above, over every article; before the update test below
    changes a baseline.
    """
    import subprocess
    import sys

    from click.testing import CliRunner

    from helpcentre.cli import cli
    from helpcentre.verify.results import VerifyResults

    _, single, _, _, single_report, _ = drift_run
    record_file = project.root / "reports" / "verification.json"
    record_before = record_file.read_bytes()
    shards = [tmp_path / f"verify-shard-{index}" for index in (1, 2, 3)]
    walks = [
        subprocess.Popen(
            [sys.executable, "-m", "helpcentre", "verify", PREPAY, RECEIPTS, "--shard", f"{index}/3"]
            + ["--workers", "1", "--report", str(folder)],
            cwd=project.root,
            env=dict(os.environ, SANDBOX_DRIFT=ALL_DRIFTS),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for index, folder in enumerate(shards, start=1)
    ]
    outputs = [walk.communicate(timeout=300)[0] for walk in walks]
    assert [walk.returncode for walk in walks] == [1, 1, 0], "\n".join(outputs)
    assert "Shard 3/3 has no article: 2 articles over 3 shards leave this one nothing to walk" in outputs[2]
    assert record_file.read_bytes() == record_before, "a shard writes no verification record"

    merged_dir = tmp_path / "merged"
    merging = CliRunner().invoke(
        cli, ["report", "merge", "-f", str(project.root / "mkdocs.yml"), *map(str, shards), "--report", str(merged_dir)]
    )
    assert merging.exit_code == 1, merging.output
    merged = json.loads((merged_dir / "results.json").read_text())
    expected = [article for article in single["articles"] if article["ref"] in (PREPAY, RECEIPTS)]

    def steps(articles):
        return [
            (article["ref"], step["step"], step["text"], step["status"], step["message"], sorted(step["files"]))
            for article in articles
            for step in article["steps"]
        ]

    assert steps(merged["articles"]) == steps(expected)
    assert VerifyResults.from_json(single).summary.to_json() == single["summary"], "merge counts as verify does"
    assert merged["summary"] == VerifyResults.from_json({**single, "articles": expected}).summary.to_json()
    assert (merged["target"], merged["browser"]) == (single["target"], single["browser"])
    assert junit_cases(merged_dir) == [case for case in junit_cases(single_report) if case[0] in (PREPAY, RECEIPTS)]
    for article in merged["articles"]:
        for step in article["steps"]:
            for role, relative in step["files"].items():
                assert (merged_dir / relative).is_file(), f"{relative} is copied along"
                if role == "expected":
                    assert (merged_dir / relative).read_bytes() == (single_report / relative).read_bytes()
    assert f'src="{PREPAY}/04.diff.png"' in (merged_dir / "index.html").read_text()

    # The merge records the run once, as a single run that started with the first shard would have.
    starts = [json.loads((folder / "results.json").read_text())["started_at"] for folder in shards[:2]]
    assert merged["started_at"] == min(starts)
    record = json.loads(record_file.read_text())["articles"]
    entry = {"at": merged["started_at"], "target": "sandbox", "browser": single["browser"], "by": "verify"}
    assert record[PREPAY] == {**entry, "status": "drift", "drifted_steps": [2, 4]}
    assert record[RECEIPTS] == {**entry, "status": "drift", "drifted_steps": [1, 2, 3]}


def test_update_accepts_the_last_run_without_walking_again(project):
    import subprocess
    import sys

    code, results, _ = run_verify(project, PREPAY, drift="change-colour")
    assert code == 1
    before = baselines(project)
    accept = subprocess.run(
        [sys.executable, "-m", "helpcentre", "verify", "--update", "failed", "--report", str(project.root / "report")],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert accept.returncode == 0, accept.stderr
    assert f"accepted  {PREPAY}: step 4" in accept.stdout
    assert "nothing was walked" in accept.stdout
    assert "the sandbox is ready" not in accept.stderr
    after = baselines(project)
    changed = {name for name in after if after[name] != before.get(name)}
    assert changed == {f"{PREPAY}/04.png", f"{PREPAY}/04.published.png"}
    # With the change accepted, the baseline is the purple button: the same product verifies clean.
    code, results, output = run_verify(project, PREPAY, drift="change-colour")
    assert code == 0, output
