"""The HTML drift report: one self-contained page that works when opened from disk.

Styles, script and the results themselves are inlined (a browser blocks fetch() on file://),
and images are referenced relative to the page, so the folder can be zipped, attached to a
CI run or opened offline. Everything essential is rendered here; the script only adds the
image view switcher and the slider.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from helpcentre import atomic
from helpcentre.report.views import report_view
from helpcentre.verify.results import VerifyResults

logger = logging.getLogger(__name__)

REPORT_PAGE = "index.html"


@cache
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("helpcentre.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def inline_asset(name: str) -> Markup:
    """A template-folder file's text as it is: CSS and JS are not Jinja templates."""
    env = environment()
    source, _, _ = env.loader.get_source(env, name)
    return Markup(source)


def render_html_report(results: VerifyResults, report_dir: Path) -> str:
    """The report page for `results`, whose image paths are relative to `report_dir`."""
    return (
        environment()
        .get_template("report.html.j2")
        .render(
            report=report_view(results, report_dir),
            results=results.to_json(),
            styles=inline_asset("report.css"),
            script=inline_asset("report.js"),
        )
    )


def write_html_report(results: VerifyResults, report_dir: Path) -> Path:
    """Write `report_dir/index.html` for the verify results and return its path."""
    path = report_dir / REPORT_PAGE
    atomic.write_text(path, render_html_report(results, report_dir))
    logger.debug("wrote the drift report to %s", path)
    return path
