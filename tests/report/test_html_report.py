"""The HTML drift report as written to disk: what it says, in what order, and that results stay text."""

from __future__ import annotations

import copy
import json
import logging
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from verify_results import (
    BASICS_GUIDE,
    CARD_GUIDE,
    HOSTILE_MESSAGE,
    HOSTILE_TITLE,
    INVOICES_GUIDE,
    RECEIPTS_GUIDE,
    REQUESTS_GUIDE,
    TERMS_GUIDE,
    step,
)

from helpcentre.report import anchor_id, percent, summary_line, write_html_report
from helpcentre.verify.results import Status, VerifyResults

VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    children: list[Element | str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text for child in self.children)

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag: str | None = None, class_: str | None = None) -> list[Element]:
        return [
            each
            for each in self.iter()
            if (tag is None or each.tag == tag) and (class_ is None or class_ in each.classes)
        ]

    def by_id(self, element_id: str) -> Element:
        matches = [each for each in self.iter() if each.attrs.get("id") == element_id]
        assert len(matches) == 1, f"{len(matches)} elements with id {element_id!r}"
        return matches[0]

    def normalised_text(self) -> str:
        return " ".join(self.text.split())


class TreeBuilder(HTMLParser):
    """Just enough of a DOM to assert on the report's elements and text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.open = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs))
        self.open[-1].children.append(element)
        if tag not in VOID_ELEMENTS:
            self.open.append(element)

    def handle_endtag(self, tag):
        while len(self.open) > 1:
            if self.open.pop().tag == tag:
                break

    def handle_data(self, data):
        self.open[-1].children.append(data)


def parse(html: str) -> Element:
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


@pytest.fixture
def report(verify_run) -> Element:
    return parse(write_html_report(verify_run.results, verify_run.report_dir).read_text())


def test_the_report_is_index_html_in_the_report_folder(verify_run):
    path = write_html_report(verify_run.results, verify_run.report_dir)

    assert path == verify_run.report_dir / "index.html"
    assert path.read_text().startswith("<!doctype html>")


def test_the_summary_line_says_what_drifted_against_what(report):
    assert report.find_all("p", "summary-line")[0].text == (
        "5 steps drifted in 3 of 6 articles · 1 new · 2 not reached · "
        "verified against sandbox with Chromium 156 on 26 Nov 2026"
    )
    assert [each.normalised_text() for each in report.find_all("li", "stat")] == [
        "5 Drifted",
        "1 New",
        "2 Not reached",
        "7 OK",
    ]
    assert report.find_all("title")[0].text == "5 steps drifted · helpcentre verify"


EXAMPLE_RUN = {
    "started_at": "2026-11-26T20:40:00+00:00",
    "seconds": 21.0,
    "target": "sandbox",
    "browser": "Chromium 156.0.8078.108",
}


def run_of(*articles: list[str], **changes) -> VerifyResults:
    """A run over articles whose steps have these statuses."""
    records = [
        {
            "ref": f"billing/x{index}",
            "id": index,
            "title": "X",
            "steps": [step(1 + n, "a", s) for n, s in enumerate(steps)],
        }
        for index, steps in enumerate(articles)
    ]
    return VerifyResults.from_json({**EXAMPLE_RUN, **changes, "articles": records})


@pytest.mark.parametrize(
    ("run", "expected"),
    [
        (
            run_of(["flow", "pixels"], ["new"], *[["ok"]] * 5),
            "2 steps drifted in 1 of 7 articles · 1 new · verified against sandbox with Chromium 156 on 26 Nov 2026",
        ),
        (
            run_of(["flow", "ok"]),
            "1 step drifted in 1 of 1 article · verified against sandbox with Chromium 156 on 26 Nov 2026",
        ),
        (
            run_of(*[["ok"]] * 7, browser="Chromium", started_at="2026-01-05T09:00:00+00:00"),
            "No drift in 7 articles · verified against sandbox with Chromium on 5 Jan 2026",
        ),
    ],
)
def test_summary_line_wording(run, expected):
    assert summary_line(run) == expected


@pytest.mark.parametrize(
    ("ratio", "shown"),
    [(0, "0%"), (0.0012, "0.12%"), (0.5, "50%"), (0.0000694, "0.0069%"), (0.00001, "0.001%"), (1, "100%")],
)
def test_shares_of_the_image_read_as_percentages(ratio, shown):
    assert percent(ratio) == shown


def test_articles_are_listed_most_drifted_first_then_by_worst_status(report):
    order = [anchor_id(REQUESTS_GUIDE), anchor_id(CARD_GUIDE), anchor_id(INVOICES_GUIDE), anchor_id(RECEIPTS_GUIDE)]

    assert [section.attrs["id"] for section in report.find_all("section", "article")] == order
    assert [link.attrs["href"] for link in report.find_all("nav")[0].find_all("a")] == [f"#{id}" for id in order]
    assert [item.find_all("span", "badge")[0].text for item in report.find_all("li", "overview-item")] == [
        "Label missing",
        "Flow broken",
        "Pixels differ",
        "New",
    ]
    assert [item.find_all("span", "count")[0].text for item in report.find_all("li", "overview-item")] == [
        "3 drifted steps",
        "1 drifted step · 2 not reached",
        "1 drifted step",
        "1 new step",
    ]


def test_articles_where_every_step_matches_come_last_folded_away(report):
    folded = report.find_all("section", "all-ok")[0].find_all("details")[0]

    assert folded.find_all("summary")[0].text == "2 articles, 3 steps"
    assert [item.attrs["id"] for item in folded.find_all("li", "ok-item")] == [
        anchor_id(TERMS_GUIDE),
        anchor_id(BASICS_GUIDE),
    ]


def test_each_step_to_review_has_a_stable_anchor_that_its_article_links_to(report):
    assert anchor_id("billing/change-card-or-bank-info", 3) == "billing-change-card-or-bank-info-step-3"

    flow_step = report.by_id("billing-change-card-or-bank-info-step-3")
    assert flow_step.tag == "article"
    assert flow_step.find_all("h3")[0].normalised_text() == "Step 3 Click the Card Details button"
    article = report.by_id(anchor_id(CARD_GUIDE))
    assert [link.attrs["href"] for link in article.find_all("a", "step-text")] == [
        "#billing-change-card-or-bank-info-step-3"
    ]
    step_cards = [each.attrs["id"] for each in report.find_all("article", "step")]
    assert step_cards == [
        "billing-change-requests-step-2",
        "billing-change-requests-step-3",
        "billing-change-requests-step-4",
        "billing-change-card-or-bank-info-step-3",
        "billing-invoice-history-step-1",
        "clients-email-payment-receipts-to-multiple-emails-step-1",
    ]


def test_bold_ui_labels_in_step_text_are_strong(report):
    heading = report.by_id("billing-change-requests-step-4").find_all("h3")[0]

    assert [strong.text for strong in heading.find_all("strong")] == ["Card Details", "Close"]


def test_nothing_from_the_results_becomes_markup(verify_run):
    results = verify_run.results
    results.articles[1].steps[0].status = Status.FLOW
    results.articles[1].steps[0].text = "Click **<i>Save</i>** then <b>OK</b>"
    html = write_html_report(results, verify_run.report_dir).read_text()
    page = parse(html)

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "<b>bold</b>" not in html
    assert page.by_id(anchor_id(BASICS_GUIDE) + "-title").text == HOSTILE_TITLE
    assert page.by_id(anchor_id(REQUESTS_GUIDE, 4)).find_all("p", "message")[0].text == HOSTILE_MESSAGE
    heading = page.by_id(anchor_id(BASICS_GUIDE, 1)).find_all("h3")[0]
    assert [each.tag for each in heading.iter()] == ["h3", "span", "strong"]
    assert heading.normalised_text() == "Step 1 Click <i>Save</i> then <b>OK</b>"
    # Only the page's own two scripts: the embedded results and the enhancement script.
    assert len(page.find_all("script")) == 2


def test_bold_labels_in_a_message_are_strong_and_stay_text(verify_run):
    results = verify_run.results
    assert results.articles[0].ref == CARD_GUIDE
    flow = next(step for step in results.articles[0].steps if step.step == 3)
    flow.message = "did you mean **<img src=x onerror=alert(3)>**? write **A&B** in step 3"
    html = write_html_report(results, verify_run.report_dir).read_text()

    message = parse(html).by_id(anchor_id(CARD_GUIDE, 3)).find_all("p", "message")[0]
    assert [strong.text for strong in message.find_all("strong")] == ["<img src=x onerror=alert(3)>", "A&B"]
    assert message.text == "did you mean <img src=x onerror=alert(3)>? write A&B in step 3"
    assert "<img src=x" not in html


def test_the_results_travel_inside_the_page_unchanged(verify_run, report):
    embedded = report.by_id("verify-results")

    assert embedded.tag == "script"
    assert embedded.attrs["type"] == "application/json"
    assert json.loads(embedded.text) == verify_run.results.to_json()


def test_writing_the_report_leaves_the_results_as_they_were(verify_run):
    before = copy.deepcopy(verify_run.results)

    write_html_report(verify_run.results, verify_run.report_dir)

    assert verify_run.results == before


def test_images_are_relative_files_in_the_report_folder_with_alt_text(verify_run, report):
    images = report.find_all("img")

    # 13 images in the steps' views, and expected and actual again in each of the 4 sliders.
    assert len(images) == 13 + 4 * 2
    for image in images:
        assert (verify_run.report_dir / image.attrs["src"]).is_file(), image.attrs["src"]
        assert image.attrs["alt"].startswith("Step ")
        assert image.attrs["width"] == "480"
    links = [each.attrs.get("href") or each.attrs.get("src") for each in report.iter()]
    assert not [link for link in links if link and re.match(r"[a-z][a-z0-9+.-]*:", link)]
    assert not report.find_all("link")


def test_each_drift_shows_its_own_evidence(report):
    pixels = report.by_id("billing-change-requests-step-2")
    figures = pixels.find_all("dl")[0]
    assert [(dt.text, dd.text) for dt, dd in zip(figures.find_all("dt"), figures.find_all("dd"), strict=True)] == [
        ("Pixels that differ", "1,234 of 1,024,000 (0.12%)"),
        ("Tolerance", "0 pixels or 0%"),
        ("Colour threshold", "0.1"),
        ("Edges drawn a pixel over", "0, not counted"),
    ]

    text = report.by_id("billing-change-requests-step-4")
    assert [each.text for each in text.find_all("li", "missing")] == ["Card Details"]
    assert text.find_all("p", "found")[0].normalised_text() == "Found: Close"

    structure = report.by_id("billing-change-requests-step-3")
    # One line a writer can act on comes before the full diff.
    summary = structure.find_all("p", "diff-summary")[0]
    assert summary.text == "renamed: button 'Card Details' is now 'Payment Details'; it touches Card Details"
    assert [strong.text for strong in summary.find_all("strong")] == ["Card Details"]
    lines = structure.find_all("pre", "diff")[0].find_all("span")
    assert [(line.classes[1], line.text) for line in lines] == [
        ("diff-header", "--- expected"),
        ("diff-header", "+++ actual"),
        ("diff-hunk", "@@ -1,3 +1,4 @@"),
        ("diff-context", ' - heading "Therasoft Billing" [level=1]'),
        ("diff-removed", '-- button "Card Details"'),
        ("diff-added", '+- button "Payment Details"'),
        ("diff-context", ' - button "Close"'),
        ("diff-added", '+- text: "</script><b>bold</b>"'),
    ]

    flow = report.by_id("billing-change-card-or-bank-info-step-3")
    repair = flow.find_all("p", "repair")[0]
    assert repair.text == "helpcentre fix can repair this step: Card Details → Payment Details"
    assert [strong.text for strong in repair.find_all("strong")] == ["Card Details", "Payment Details"]
    assert flow.find_all("p", "message")[0].text == (
        "not found: button 'Card Details'; buttons here: 'Payment Details', 'Close'"
    )
    assert [figure.attrs["data-role"] for figure in flow.find_all("figure")] == ["expected", "failure"]


def test_image_views_offered_depend_on_the_images_there_are(report):
    def views(anchor: str) -> tuple[str, list[str]]:
        viewer = report.by_id(anchor).find_all("div", "viewer")[0]
        return viewer.attrs["data-default-mode"], [button.text for button in viewer.find_all("button")]

    assert views("billing-change-requests-step-2") == ("diff", ["Expected", "Actual", "Diff", "Side by side", "Slider"])
    assert views("billing-change-requests-step-3") == ("side-by-side", ["Expected", "Actual", "Side by side", "Slider"])
    assert views("billing-change-card-or-bank-info-step-3") == (
        "side-by-side",
        ["Expected", "At failure", "Side by side"],
    )
    assert views("clients-email-payment-receipts-to-multiple-emails-step-1") == ("actual", [])
    slider = report.by_id("billing-change-requests-step-2").find_all("input")[0]
    assert (slider.attrs["type"], slider.attrs["value"]) == ("range", "50")


def test_a_missing_image_is_left_out_and_logged(verify_run, caplog):
    (verify_run.report_dir / "billing/change-requests/02.diff.png").unlink()

    with caplog.at_level(logging.WARNING, logger="helpcentre.report"):
        page = parse(write_html_report(verify_run.results, verify_run.report_dir).read_text())

    step_card = page.by_id("billing-change-requests-step-2")
    assert [figure.attrs["data-role"] for figure in step_card.find_all("figure")] == ["expected", "actual"]
    assert "step 2: no diff image to show" in caplog.text


def test_a_run_without_drift_says_everything_matches(tmp_path: Path):
    results = VerifyResults.from_json(
        {
            "version": 1,
            "started_at": "2026-11-26T20:40:00+00:00",
            "seconds": 3.0,
            "target": "sandbox",
            "browser": "Chromium 156.0.8078.108",
            "articles": [
                {"ref": "billing/x", "id": 1, "title": "X", "path": "docs/billing/x.md", "steps": [step(1, "a", "ok")]}
            ],
        }
    )

    page = parse(write_html_report(results, tmp_path).read_text())

    assert page.by_id("all-clear-title").text == "Everything matches"
    assert page.find_all("p", "summary-line")[0].text.startswith("No drift in 1 article · ")
    assert not page.find_all("section", "article")
