"""HC151: lint names every piece of markup in an article that would run a script or bring in another page."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from integration.conftest import MKDOCS_YML, FixtureProject, article_text

from helpcentre.cli import cli

ARTICLE = "docs/billing/hostile.md"

# Line 8 is the first line of the body (article_text writes seven lines of front matter and a blank).
HOSTILE_BODY = textwrap.dedent(
    """\
    <img src="https://example.com/chart.png" alt="A chart" onerror=alert(1)>
    <svg onload=alert(2)></svg>
    <details ontoggle=alert(3) open><summary>More</summary>Hidden</details>
    Read <a href="javascript:alert(4)">the terms</a>.
    <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==">Open</a>
    <iframe src="https://example.com/"></iframe>
    <object data="movie.swf"></object>
    <embed src="movie.swf">
    <form action="https://collector.example/"><input name="card"></form>
    [Pay now](javascript:alert(10)) or [ask us](#){ onclick="alert(11)" }
    <a
      href="&#106;ava&#x09;script:alert(12)">split over lines, entity-encoded</a>
    """
)
EVENT_HANDLER = "event-handler attributes run scripts in the reader's browser; remove the attribute"
JAVASCRIPT = "javascript: addresses run scripts in the reader's browser; link a page or an https:// address instead"
EMBEDS = "it embeds content that runs outside the page; link to it instead"


@pytest.fixture
def project(tmp_path: Path) -> FixtureProject:
    project = FixtureProject(tmp_path)
    project.write("mkdocs.yml", MKDOCS_YML)
    return project


def lint(project: FixtureProject) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, ["lint", "-f", str(project.root / "mkdocs.yml")], catch_exceptions=False)
    return result.exit_code, result.stdout.splitlines()


def test_each_construct_that_runs_or_embeds_is_one_line_naming_file_line_and_construct(project):
    project.write(ARTICLE, article_text(1, "Hostile", body=HOSTILE_BODY))
    exit_code, lines = lint(project)
    assert lines == [
        f"{ARTICLE}:8:1: HC151 body: <img onerror>: {EVENT_HANDLER} (see guide/docs/reference/lint-codes.md#hc151)",
        f"{ARTICLE}:9:1: HC151 body: <svg onload>: {EVENT_HANDLER} (see guide/docs/reference/lint-codes.md#hc151)",
        f"{ARTICLE}:10:1: HC151 body: <details ontoggle>: {EVENT_HANDLER} (see guide/docs/reference/lint-codes.md#hc151)",
        f'{ARTICLE}:11:6: HC151 body: <a href="javascript:…">: {JAVASCRIPT} (see guide/docs/reference/lint-codes.md#hc151)',
        f'{ARTICLE}:12:1: HC151 body: <a href="data:…">: data: addresses carry a whole document or script inline;'
        " put the file beside the article and link it (see guide/docs/reference/lint-codes.md#hc151)",
        f"{ARTICLE}:13:1: HC151 body: <iframe>: it embeds another page in the article; link to the page instead (see guide/docs/reference/lint-codes.md#hc151)",
        f"{ARTICLE}:14:1: HC151 body: <object>: {EMBEDS} (see guide/docs/reference/lint-codes.md#hc151)",
        f"{ARTICLE}:15:1: HC151 body: <embed>: {EMBEDS} (see guide/docs/reference/lint-codes.md#hc151)",
        f"{ARTICLE}:16:1: HC151 body: <form>: it sends what readers type to another address;"
        " link to the page that has the form (see guide/docs/reference/lint-codes.md#hc151)",
        f"{ARTICLE}:17:1: HC151 body: […](javascript:…): {JAVASCRIPT} (see guide/docs/reference/lint-codes.md#hc151)",
        f"{ARTICLE}:17:47: HC151 body: {{ onclick=… }}: {EVENT_HANDLER} (see guide/docs/reference/lint-codes.md#hc151)",
        f'{ARTICLE}:18:1: HC151 body: <a href="javascript:…">: {JAVASCRIPT} (see guide/docs/reference/lint-codes.md#hc151)',
    ]
    assert exit_code == 1


def test_the_same_markup_shown_as_code_or_made_harmless_is_no_problem(project):
    body = textwrap.dedent(
        """\
        `<img src=x onerror=alert(1)>` and `[Pay](javascript:pay())` are shown, not run:

        ```html
        <iframe src="https://example.com/"></iframe>
        ```

        <!-- <form action="https://example.com/"> -->
        <details open><summary>More</summary>Hidden</details>
        <a href="https://example.com/" title="on the web">A site</a>, <https://example.com/onload>, 3 < 4
        """
    )
    project.write(ARTICLE, article_text(1, "Harmless", body=body))
    assert lint(project) == (0, [])


def test_an_article_whose_front_matter_is_unusable_still_has_its_body_checked(project):
    # A reviewer sees every problem of a pull request at once: a typo in the front matter does
    # not hide the script in the body.
    project.write(
        ARTICLE, article_text(1, "Hostile", extra="tilte: typo\n", body='<img src="x.png" alt="x" onerror=alert(1)>\n')
    )
    exit_code, lines = lint(project)
    assert exit_code == 1
    assert (
        f"{ARTICLE}:9:1: HC151 body: <img onerror>: {EVENT_HANDLER} (see guide/docs/reference/lint-codes.md#hc151)"
        in lines
    )
    assert (
        f"{ARTICLE}:6:1: HC102 tilte: unknown key 'tilte' (did you mean 'title'?) (see guide/docs/reference/lint-codes.md#hc102)"
        in lines
    )
