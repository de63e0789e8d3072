"""JUnit XML for CI: an article is a test suite, a step a test case.

Drifted steps fail, and so do new ones: a missing baseline must not let CI pass silently.
Steps an earlier failure kept from running are skipped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from helpcentre import atomic
from helpcentre.articles.steps import plain_text
from helpcentre.report.wording import ANSI_ESCAPE, clean_message, percent
from helpcentre.verify.results import ArticleRecord, Status, StepRecord, VerifyResults

# Characters XML 1.0 cannot carry at all, not even escaped; ElementTree would write them raw.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def write_junit(results: VerifyResults, path: Path) -> None:
    """Write the verify results to `path` as JUnit XML."""
    root = ET.Element("testsuites", name="helpcentre verify")
    for article in results.articles:
        root.append(article_suite(article, results.started_at.isoformat()))
    count_suites(root, results.seconds)
    ET.indent(root)
    xml = ET.tostring(root, encoding="unicode")
    atomic.write_text(path, f'<?xml version="1.0" encoding="UTF-8"?>\n{xml}\n')


def article_suite(article: ArticleRecord, started_at: str) -> ET.Element:
    suite = ET.Element("testsuite", name=xml_safe(article.ref), timestamp=xml_safe(started_at))
    properties = ET.SubElement(suite, "properties")
    for name, value in (("id", article.id), ("title", article.title), ("path", article.path)):
        ET.SubElement(properties, "property", name=name, value=xml_safe(str(value)))
    for step in article.steps:
        suite.append(step_case(article, step))
    # Verify times the run, not each step: the cases' times add up to 0.
    count_cases(suite, None)
    return suite


def step_case(article: ArticleRecord, step: StepRecord) -> ET.Element:
    case = ET.Element(
        "testcase",
        classname=xml_safe(article.ref),
        name=xml_safe(f"step {step.step}: {plain_text(step.text)}"),
        time=seconds_attribute(None),
    )
    if article.path:
        case.set("file", xml_safe(article.path))
    if step.status is Status.NOT_REACHED:
        reason = clean_message(step.message) or "an earlier step failed"
        ET.SubElement(case, "skipped", message=xml_safe(f"not reached: {reason}"))
    elif step.status.needs_attention:
        failure = ET.SubElement(case, "failure", message=xml_safe(failure_message(step)), type=xml_safe(step.status))
        failure.text = xml_safe(failure_details(step))
    return case


def count_cases(suite: ET.Element, seconds: float | None) -> None:
    cases = suite.findall("testcase")
    set_counts(
        suite,
        tests=len(cases),
        failures=sum(1 for case in cases if case.find("failure") is not None),
        skipped=sum(1 for case in cases if case.find("skipped") is not None),
        seconds=seconds if seconds is not None else sum(float(case.get("time", "0")) for case in cases),
    )


def count_suites(root: ET.Element, seconds: float | None) -> None:
    suites = root.findall("testsuite")

    def total(name: str) -> int:
        return sum(int(suite.get(name, "0")) for suite in suites)

    set_counts(
        root,
        tests=total("tests"),
        failures=total("failures"),
        skipped=total("skipped"),
        seconds=seconds if seconds is not None else sum(float(suite.get("time", "0")) for suite in suites),
    )


def set_counts(element: ET.Element, *, tests: int, failures: int, skipped: int, seconds: float) -> None:
    element.set("tests", str(tests))
    element.set("failures", str(failures))
    element.set("errors", "0")
    element.set("skipped", str(skipped))
    element.set("time", seconds_attribute(seconds))


def failure_message(step: StepRecord) -> str:
    if step.status is Status.NEW:
        return "no baseline"
    return clean_message(step.message) or f"{step.status} drift"


def failure_details(step: StepRecord) -> str:
    """The evidence a CI log can show: the message, then what the status's check found."""
    lines = [clean_message(step.message) or failure_message(step)]
    if pixels := step.pixels:
        lines.append(
            f"{pixels.mismatched:,} of {pixels.total:,} pixels differ ({percent(pixels.ratio)}); "
            f"tolerance {pixels.max_diff_pixels or 0:,} pixels or {percent(pixels.max_diff_ratio or 0)}, "
            f"colour threshold {pixels.threshold}"
        )
    if step.text_labels and step.text_labels.missing:
        lines.append("missing labels: " + ", ".join(step.text_labels.missing))
    if step.aria and step.aria.diff:
        lines.append(step.aria.diff.rstrip("\n"))
    for role, relative_path in step.files.items():
        if relative_path:
            lines.append(f"{role}: {relative_path}")
    return "\n".join(lines)


def seconds_attribute(seconds: float | None) -> str:
    return f"{seconds or 0:.3f}"


def xml_safe(text: str) -> str:
    return NOT_XML.sub("\ufffd", ANSI_ESCAPE.sub("", text))
