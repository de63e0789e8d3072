"""JUnit XML as CI reads it: suites per article, a case per step, drift and new steps failing."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from verify_results import CARD_GUIDE, HOSTILE_MESSAGE, HOSTILE_TITLE, RECEIPTS_GUIDE, REQUESTS_GUIDE

from helpcentre.report import write_junit
from helpcentre.verify.results import Status, VerifyResults


def junit_root(results: VerifyResults, tmp_path: Path) -> ET.Element:
    path = tmp_path / "ci" / "verify.xml"
    write_junit(results, path)
    return ET.parse(path).getroot()


def suite(root: ET.Element, ref: str) -> ET.Element:
    return root.find(f"testsuite[@name='{ref}']")


def test_one_suite_per_article_in_results_order_with_the_run_totals(verify_run, tmp_path):
    root = junit_root(verify_run.results, tmp_path)

    assert root.tag == "testsuites"
    assert [each.get("name") for each in root.findall("testsuite")] == [
        article.ref for article in verify_run.results.articles
    ]
    summary = verify_run.results.summary
    assert root.get("tests") == str(summary.steps)
    assert root.get("failures") == str(summary.drift + summary[Status.NEW])
    assert root.get("skipped") == str(summary[Status.NOT_REACHED])
    assert root.get("errors") == "0"
    assert root.get("time") == "23.400"


def test_each_step_is_a_case_named_after_its_text_without_markdown(verify_run, tmp_path):
    card = suite(junit_root(verify_run.results, tmp_path), CARD_GUIDE)

    cases = card.findall("testcase")
    assert [case.get("name") for case in cases] == [
        "step 1: Go to the Setup menu",
        "step 2: Select Therasoft Billing",
        "step 3: Click the Card Details button",
        "step 4: Add/Edit your card or bank info",
        "step 5: Verify the status is Active",
    ]
    assert {case.get("classname") for case in cases} == {CARD_GUIDE}
    assert {case.get("file") for case in cases} == {"docs/billing/change-card-or-bank-info.md"}
    assert (card.get("tests"), card.get("failures"), card.get("skipped")) == ("5", "1", "2")
    assert all(case.get("time") for case in cases)


def test_a_flow_failure_carries_the_message_and_the_failure_screenshot(verify_run, tmp_path):
    card = suite(junit_root(verify_run.results, tmp_path), CARD_GUIDE)

    failure = card.find("testcase[3]/failure")
    assert failure.get("type") == "flow"
    assert failure.get("message") == "not found: button 'Card Details'; buttons here: 'Payment Details', 'Close'"
    assert "failure: billing/change-card-or-bank-info/03.failed.png" in failure.text


def test_steps_not_reached_are_skipped_not_passed(verify_run, tmp_path):
    card = suite(junit_root(verify_run.results, tmp_path), CARD_GUIDE)

    skipped = [case.find("skipped") for case in card.findall("testcase")[3:]]
    assert [each.get("message") for each in skipped] == [
        "not reached: step 3 could not be done",
        "not reached: an earlier step failed",
    ]
    assert all(case.find("failure") is None for case in card.findall("testcase")[3:])


def test_every_kind_of_drift_fails_with_its_type_and_evidence(verify_run, tmp_path):
    requests = suite(junit_root(verify_run.results, tmp_path), REQUESTS_GUIDE)

    failures = {case.get("name"): case.find("failure") for case in requests.findall("testcase")}
    assert failures["step 1: Go to the Setup menu"] is None
    pixels = failures["step 2: Select Therasoft Billing"]
    assert pixels.get("type") == "pixels"
    assert "1,234 of 1,024,000 pixels differ (0.12%); tolerance 0 pixels or 0%, colour threshold 0.1" in pixels.text
    structure = failures["step 3: Click Card Details"]
    assert structure.get("type") == "structure"
    assert '+- button "Payment Details"' in structure.text
    text = failures["step 4: Press Card Details then Close"]
    assert text.get("type") == "text"
    assert text.get("message") == HOSTILE_MESSAGE
    assert "missing labels: Card Details" in text.text


def test_a_step_without_a_baseline_fails_so_ci_cannot_pass_silently(verify_run, tmp_path):
    receipts = suite(junit_root(verify_run.results, tmp_path), RECEIPTS_GUIDE)

    failure = receipts.find("testcase[1]/failure")
    assert (failure.get("type"), failure.get("message")) == ("new", "no baseline")
    assert failure.text.startswith("no baseline yet; accept it with verify --update\n")
    assert receipts.get("failures") == "1"


def test_markup_and_terminal_control_characters_come_back_as_plain_text(verify_run, tmp_path):
    results = verify_run.results
    results.articles[0].steps[2].message = '\x1b[31mnot found\x1b[39m: <button> & "Card"\x00\x08'
    root = junit_root(results, tmp_path)

    assert (
        suite(root, CARD_GUIDE).find("testcase[3]/failure").get("message") == 'not found: <button> & "Card"\ufffd\ufffd'
    )
    titles = [prop.get("value") for prop in root.iter("property") if prop.get("name") == "title"]
    assert HOSTILE_TITLE in titles


def test_an_earlier_report_is_replaced(verify_run, tmp_path):
    path = tmp_path / "ci" / "verify.xml"
    path.parent.mkdir()
    path.write_text("stale")

    write_junit(verify_run.results, path)

    assert path.read_text().startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert [each.name for each in path.parent.iterdir()] == ["verify.xml"]
