"""Reports of a `helpcentre verify` run: a self-contained HTML page for people, JUnit XML for CI."""

from helpcentre.report.html import write_html_report
from helpcentre.report.junit import write_junit

__all__ = ["write_html_report", "write_junit"]
