"""Reports of a `helpcentre verify` run: a self-contained HTML page for people, JUnit XML for CI."""

from helpcentre.report.html import write_html_report
from helpcentre.report.junit import write_junit
from helpcentre.report.views import report_view, run_details, status_label, summary_line
from helpcentre.report.wording import anchor_id, articles_by_drift, clean_message, percent

__all__ = [
    "anchor_id",
    "articles_by_drift",
    "clean_message",
    "percent",
    "report_view",
    "run_details",
    "status_label",
    "summary_line",
    "write_html_report",
    "write_junit",
]
