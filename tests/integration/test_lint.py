"""`helpcentre lint`: one exact message per problem code, and the strict build fails on the same ones."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from integration.conftest import MKDOCS_YML, PNG, FixtureProject, LinkTo, article_text, write_files
from integration.lint_cases import ALONE, CASES, HOW_TO, RULE, WARNINGS, policy

from helpcentre.articles import problems as codes
from helpcentre.cli import cli

LINT_YML = MKDOCS_YML + "      targets:\n        billing:\n          sandbox: true\n"


@pytest.fixture
def project(tmp_path: Path) -> FixtureProject:
    """Three clean articles, one of them a how-to with its screenshots; each test breaks one thing."""
    project = FixtureProject(tmp_path)
    project.write("mkdocs.yml", LINT_YML)
    project.write("docs/billing/pay.md", article_text(1, "Pay an invoice", extra="related:\n  - billing/card\n"))
    project.write("docs/billing/card.md", article_text(2, "Change your card", extra="related: [1]\n"))
    project.write("docs/billing/open.md", HOW_TO)
    for number in (1, 2):
        for suffix in ("png", "published.png"):
            (tmp_path / "screenshots/billing/open").mkdir(parents=True, exist_ok=True)
            (tmp_path / f"screenshots/billing/open/0{number}.{suffix}").write_bytes(PNG)
    return project


def lint(project: FixtureProject, *args: str) -> tuple[int, list[str], str]:
    runner = CliRunner()
    result = runner.invoke(cli, ["lint", "-f", str(project.root / "mkdocs.yml"), *args], catch_exceptions=False)
    return result.exit_code, result.stdout.splitlines(), result.stderr


def test_a_clean_help_centre_lints_clean(project):
    assert lint(project) == (0, [], "No problems found.\n")


def write_all(project: FixtureProject, files: dict[str, str | bytes | LinkTo]) -> None:
    write_files(project.root, files)


@pytest.mark.parametrize("code", sorted(CASES))
def test_each_code_has_its_exact_message_and_severity(project, code):
    """An error fails lint; a warning is printed, and lint still succeeds (the strict build fails on it)."""
    files, message = CASES[code]
    write_all(project, files)
    exit_code, lines, summary = lint(project)
    assert lines == [message]
    if code in WARNINGS:
        assert (exit_code, summary) == (0, "0 error(s), 1 warning(s)\n")
    else:
        assert (exit_code, summary) == (1, "1 error(s), 0 warning(s)\n")


def test_a_how_to_without_screenshots_is_a_warning_that_names_the_capture_command(project):
    (project.root / "screenshots/billing/open/02.published.png").unlink()
    exit_code, lines, summary = lint(project)
    assert lines == [
        "docs/billing/open.md:16:1: HC161 walkthrough.steps.2: no screenshot screenshots/billing/open/02.published.png;"
        " run: helpcentre capture billing/open (see guide/docs/reference/lint-codes.md#hc161)"
    ]
    assert exit_code == 0, "a screenshot still to capture does not fail lint; the strict build and verify catch it"
    assert summary == "0 error(s), 1 warning(s)\n"


def test_a_check_that_capture_saw_already_holding_is_a_warning(project):
    manifest = {
        "version": 1,
        "articles": {
            "billing/open": {
                "steps": [
                    {"step": 2, "warnings": ["step 2: its check already held before its action, so it proves nothing"]}
                ]
            }
        },
    }
    (project.root / "screenshots/manifest.json").write_text(json.dumps(manifest))
    exit_code, lines, summary = lint(project)
    assert lines == [
        "docs/billing/open.md:16:1: HC115 walkthrough.steps.2: step 2: its check already held before its action,"
        " so it proves nothing (seen by the last capture) (see guide/docs/reference/lint-codes.md#hc115)"
    ]
    assert (exit_code, summary) == (0, "0 error(s), 1 warning(s)\n")


@pytest.mark.parametrize(
    "break_it",
    [
        pytest.param(lambda text: text.replace("  target: billing", "\ttarget: billing"), id="a tab in the YAML"),
        pytest.param(lambda text: text.replace("action: click", "action: clik", 1), id="action: clik"),
        pytest.param(
            lambda text: text.replace("target: {role: button, name: Setup}", "fields: {Name: [a, b]}", 1).replace(
                "action: click", "action: fill", 1
            ),
            id="a fields value that is a list",
        ),
        pytest.param(lambda text: text.replace("Therasoft", "Th\xe9rasoft").encode("latin-1"), id="not UTF-8"),
        pytest.param(lambda text: CASES[codes.UNQUOTED_VALUE][0]["docs/billing/open.md"], id="an unquoted value"),
    ],
)
def test_a_dropped_article_still_counts_for_links_and_screenshots(project, break_it):
    """One mistake, one message: links to an article left out for its front matter (by path or
    short link), and its screenshots, are not reported as well."""
    write_all(project, {"docs/billing/open.md": break_it(HOW_TO)})
    write_all(project, policy(codes.BROKEN_ANCHOR, body="Open [the page](../billing/open.md) or [/a/3/](/a/3/).\n"))
    exit_code, lines, _ = lint(project)
    assert exit_code == 1
    assert len(lines) == 1 and lines[0].startswith("docs/billing/open.md:"), lines


def test_an_alias_bomb_is_refused_at_once(project):
    import time

    rows = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for previous, name in zip("abcdefg", "bcdefgh", strict=True):
        rows.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    write_all(project, policy(codes.YAML_ALIAS, extra="\n".join(rows) + "\n"))
    started = time.monotonic()
    exit_code, lines, _ = lint(project)
    assert time.monotonic() - started < 1.0
    assert exit_code == 1
    assert [line.split(" ")[1] for line in lines] == ["HC117"]


def test_every_code_is_tested_and_documented(project_root):
    defined = {value for name, value in vars(codes).items() if re.fullmatch(r"HC\d{3}", str(value))}
    tested = set(CASES) | {codes.MISSING_SCREENSHOT, codes.CHECK_ALREADY_HELD}
    assert defined == tested
    # One heading per code in the writers' guide, whose anchor (#hc104) each lint line ends with.
    page = project_root / "guide" / "docs" / f"{codes.LINT_CODES_PAGE}.md"
    documented = re.findall(r"^### (HC\d{3})$", page.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert sorted(documented) == sorted(defined), "one heading per code, no code twice"
    assert {codes.code_address(code) for code in defined} == {
        f"guide/docs/reference/lint-codes.md#{code.lower()}" for code in documented
    }


def break_everything(project: FixtureProject) -> list[str]:
    """Every problem that can stand beside the others, and their messages, in report order."""
    for code, (files, _) in CASES.items():
        if code not in ALONE:
            write_all(project, files)
    return sorted(message for code, (_, message) in CASES.items() if code not in ALONE)


def test_all_problems_are_reported_before_exiting_sorted_by_file_and_line(project):
    expected = break_everything(project)
    exit_code, lines, summary = lint(project)
    assert exit_code == 1
    assert lines == expected
    assert summary == f"{len(expected)} error(s), 0 warning(s)\n"


def test_paths_limit_the_report_but_not_the_cross_checks(project, monkeypatch):
    write_all(project, CASES[codes.DUPLICATE_ID][0])
    write_all(project, CASES[codes.RAW_SCRIPT][0])
    monkeypatch.chdir(project.root)
    exit_code, lines, _ = lint(project, "docs/billing/refund.md")
    assert lines == [CASES[codes.DUPLICATE_ID][1]], "the duplicate is found across files, reported for the one asked"
    assert exit_code == 1
    exit_code, lines, _ = lint(project, "docs/billing/pay.md")
    assert (exit_code, lines) == (0, [])
    exit_code, lines, _ = lint(project, "docs")
    assert len(lines) == 2


def test_json_format_lists_every_field(project):
    write_all(project, CASES[codes.UNKNOWN_RELATED][0])
    exit_code, lines, _ = lint(project, "--format", "json")
    assert exit_code == 1
    assert json.loads("\n".join(lines)) == [
        {
            "path": RULE(104),
            "line": 6,
            "column": 11,
            "code": "HC104",
            "severity": "error",
            "field": "related[0]",
            "message": "no article 'billing/cards'",
            "help": "guide/docs/reference/lint-codes.md#hc104",
        }
    ]


def test_every_line_ends_with_its_codes_page_in_the_published_guide_when_it_is_named(project, monkeypatch):
    """As linters link their rules: the guide's page in the repository opens on any clone; where the
    guide is published, HELPCENTRE_GUIDE_URL makes the line link that page instead."""
    write_all(project, CASES[codes.UNKNOWN_RELATED][0])
    monkeypatch.setenv("HELPCENTRE_GUIDE_URL", "https://willowcreek.github.io/help/guide/")
    _, lines, _ = lint(project)
    assert lines == [
        f"{RULE(104)}:6:11: HC104 related[0]: no article 'billing/cards'"
        " (see https://willowcreek.github.io/help/guide/reference/lint-codes/#hc104)"
    ]
    _, lines, _ = lint(project, "--format", "json")
    assert (
        json.loads("\n".join(lines))[0]["help"]
        == "https://willowcreek.github.io/help/guide/reference/lint-codes/#hc104"
    )


def test_a_strict_build_fails_on_the_same_problems_that_lint_finds(project):
    expected = break_everything(project)
    result = project.build("--strict")
    assert result.returncode != 0
    logged = [line.split("-  ", 1)[1] for line in result.output.splitlines() if re.match(r"ERROR +-  ", line)]
    assert [line for line in logged if re.search(r": HC\d{3} ", line)] == expected
    assert f"{len(expected)} error(s) in the help centre" in result.output


def test_a_strict_build_fails_on_a_missing_screenshot_that_lint_only_warns_about(project):
    (project.root / "screenshots/billing/open/02.published.png").unlink()
    result = project.build("--strict")
    assert result.returncode != 0
    assert "WARNING -  docs/billing/open.md:16:1: HC161 walkthrough.steps.2: no screenshot" in result.output


def test_fields_and_targets_are_keyed_by_the_name_a_reader_reads(project):
    """The product prints "Client:" and "Don’t remind me"; the article and its overrides may say either."""
    spelt_out = "    - action: click\n      target: {role: button, name: Setup}\n"
    spelt_out += "    - action: click\n      target: {role: menuitem, name: Therasoft Billing}\n"
    overrides = '    1:\n      fields: {"Client:": Acme}\n'
    overrides += "    2:\n      action: check\n      target: {role: checkbox, name: Don’t remind me}\n"
    assert spelt_out in HOW_TO
    how_to = HOW_TO.replace(spelt_out, overrides)
    how_to = how_to.replace("1. Go to the **Setup** menu", "1. Enter the **Client**")
    how_to = how_to.replace("2. Select **Therasoft Billing**", "2. Check **Don't remind me**")
    write_all(project, {"docs/billing/open.md": how_to})
    exit_code, lines, summary = lint(project)
    assert lines == []
    assert (exit_code, summary) == (0, "No problems found.\n")
