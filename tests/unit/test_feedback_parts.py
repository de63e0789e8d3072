"""The feedback loop's parts without a server: its setting, origins, rate limit and report."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml
from mkdocs.utils.yaml import yaml_load

from helpcentre.feedback.rate_limit import RateLimiter
from helpcentre.feedback.report import feedback_csv
from helpcentre.feedback.service import OriginError, origin_of
from helpcentre.feedback.store import ArticleVotes
from helpcentre.project import load_project, validate_settings
from helpcentre.settings import HelpCentreSettings

BASE_OPTIONS = {"contact": {"url": "mailto:billing@example.com"}, "categories": [{"key": "billing", "title": "B"}]}


@pytest.mark.parametrize(
    ("endpoint", "expected"),
    [
        (None, None),
        # What !ENV gives for HELPCENTRE_FEEDBACK_URL="" (MkDocs reads it as null, helpcentre as "").
        ("", None),
        ("  ", None),
        ("https://feedback.example.com/v1/feedback", "https://feedback.example.com/v1/feedback"),
        ("/api/feedback", "/api/feedback"),
    ],
)
def test_a_blank_endpoint_means_no_widget(endpoint, expected):
    settings, problems = validate_settings({**BASE_OPTIONS, "feedback": {"endpoint": endpoint}})
    assert problems == []
    assert settings.feedback.endpoint == expected


def test_no_feedback_block_means_no_widget():
    settings, _ = validate_settings(BASE_OPTIONS)
    assert settings.feedback.endpoint is None


def test_an_endpoint_a_page_cannot_post_to_is_refused():
    _, problems = validate_settings({**BASE_OPTIONS, "feedback": {"endpoint": "feedback.example.com"}})
    assert problems == [
        (
            "feedback",
            "endpoint must be an http:// or https:// URL, or a path on the site such as /feedback;"
            " not 'feedback.example.com' (see guide/docs/reference/settings.md#plugins.helpcentre.feedback)",
        )
    ]


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("http://127.0.0.1:8000/", "http://127.0.0.1:8000"),
        ("https://Help.Example.com:443/centre/", "https://help.example.com"),
        ("http://[::1]:8000", "http://[::1]:8000"),
    ],
)
def test_an_origin_is_spelled_as_a_browser_sends_it(url, origin):
    assert origin_of(url) == origin


@pytest.mark.parametrize("url", ["localhost:8000", "ftp://files.example.com", "*"])
def test_what_is_not_an_origin_is_refused(url):
    with pytest.raises(OriginError, match="is not an origin like https://help.example.com"):
        origin_of(url)


def test_the_rate_limit_counts_per_client_within_a_sliding_minute():
    now = [1000.0]
    limiter = RateLimiter(3, window=60.0, clock=lambda: now[0])
    for _ in range(3):
        assert limiter.retry_after("203.0.113.7") == 0
        now[0] += 10
    assert limiter.retry_after("203.0.113.7") == 30
    assert limiter.retry_after("198.51.100.2") == 0
    # At 1060 the vote of 1000 leaves the window: one more may go, then the next waits for 1010's.
    now[0] = 1060.0
    assert limiter.retry_after("203.0.113.7") == 0
    assert limiter.retry_after("203.0.113.7") == 10


def endpoint_as_mkdocs_reads_it(config_file: Path) -> str | None:
    config = yaml_load(config_file.read_text(encoding="utf-8"))
    options = next(
        entry["helpcentre"] for entry in config["plugins"] if isinstance(entry, dict) and "helpcentre" in entry
    )
    return HelpCentreSettings.model_validate(options).feedback.endpoint


@pytest.mark.parametrize(
    ("variable", "endpoint"),
    [
        (None, "http://127.0.0.1:8002/v1/feedback"),
        ("https://feedback.example.com/v1/feedback", "https://feedback.example.com/v1/feedback"),
        ("", None),
    ],
)
def test_mkdocs_and_helpcentre_read_the_same_endpoint_from_the_environment(
    project_root: Path, monkeypatch: pytest.MonkeyPatch, variable, endpoint
):
    if variable is None:
        monkeypatch.delenv("HELPCENTRE_FEEDBACK_URL", raising=False)
    else:
        monkeypatch.setenv("HELPCENTRE_FEEDBACK_URL", variable)
    config_file = project_root / "mkdocs.yml"
    assert endpoint_as_mkdocs_reads_it(config_file) == endpoint
    assert load_project(config_file).settings.feedback.endpoint == endpoint


def test_the_published_site_posts_where_the_repository_variable_says(project_root: Path):
    workflow = yaml.safe_load((project_root / ".github/workflows/docs.yml").read_text(encoding="utf-8"))
    build = next(step for step in workflow["jobs"]["build-site"]["steps"] if step.get("run") == "./scripts/run build")
    # Unset, the variable is empty, and an empty endpoint is no widget rather than a dead one.
    assert build["env"]["HELPCENTRE_FEEDBACK_URL"] == "${{ vars.HELPCENTRE_FEEDBACK_URL }}"


def comments_cell(comment: str) -> str:
    """The comments cell of a one-comment article, as a spreadsheet would read it from the report."""
    rows = list(csv.DictReader(io.StringIO(feedback_csv([ArticleVotes(101, no=1, comments=[comment])], {}))))
    return rows[0]["comments"]


def test_every_start_a_spreadsheet_reads_as_a_formula_is_written_as_text():
    formulas = [
        "=1+1",
        "+1",
        "-1",
        "@SUM(A1)",
        "\tx",
        # Full-width forms, as an East Asian input method types them.
        '＝HYPERLINK("http://x")',
        "＋1",
        "－1",
        "＠SUM(A1)",
        # Other compatibility forms of the same characters.
        "﹦1",
        "⁼1",
        # Whitespace, which spreadsheets skip, before any of them.
        "  =1+1",
        "\n=1",
        "\u3000＝1",
        "\xa0+1",
    ]
    assert {comment: comments_cell(comment) for comment in formulas} == {comment: "'" + comment for comment in formulas}
    # A carriage return, which the report writes as a line break.
    assert comments_cell("\rx") == "'\nx"


def test_a_carriage_return_in_a_comment_stays_in_its_cell():
    votes = [ArticleVotes(101, no=1, comments=["first line\rsecond line"]), ArticleVotes(102, yes=1)]
    rows = list(csv.reader(io.StringIO(feedback_csv(votes, {}))))
    assert [row[0] for row in rows] == ["article_id", "101", "102"]
    assert rows[1][6] == "first line\nsecond line"


def test_text_that_is_no_formula_is_written_as_it_is():
    for comment in ["Where is the Save button?", "2 + 2 = 4", "'quoted'", "ＡＢＣ", "  indented"]:
        assert comments_cell(comment) == comment
