"""`helpcentre lint`: one exact message per problem code, and the strict build fails on the same ones."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from integration.conftest import LFS_POINTER, MKDOCS_YML, PNG, FixtureProject, LinkTo, article_text, write_files

from helpcentre.articles import problems as codes
from helpcentre.cli import cli

LINT_YML = MKDOCS_YML + "      targets:\n        billing:\n          sandbox: true\n"

HOW_TO = textwrap.dedent(
    """\
    ---
    id: 3
    title: Open the billing page
    summary: Find the Therasoft Billing page.
    category: billing
    walkthrough:
      target: billing
      steps:
        - action: click
          target: {role: button, name: Setup}
        - action: click
          target: {role: menuitem, name: Therasoft Billing}
    ---

    1. Go to the **Setup** menu
    2. Select **Therasoft Billing**
    """
)
# The same how-to, its walkthrough read from the steps' own words.
PROSE_HOW_TO = re.sub(r"  steps:\n(?:    .*\n)+", "", HOW_TO)


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


def broken(path: str, text: str) -> dict[str, str]:
    return {path: text}


def policy(code: str, **changes: str) -> dict[str, str]:
    """A new article, alone in its file and linked from nowhere, so that its problem is the only one."""
    number = int(code.removeprefix("HC"))
    return {f"docs/policies/rule-{number}.md": article_text(number, f"Rule {number}", category="policies", **changes)}


RULE = "docs/policies/rule-{}.md".format

CASES = {
    codes.YAML_SYNTAX: (
        broken(RULE(100), "---\nid: 100\ntitle: [Rule 100\n---\nBody.\n"),
        f"{RULE(100)}:4:1: HC100 invalid YAML: did not find expected ',' or ']'",
    ),
    codes.SCHEMA: (
        broken(RULE(101), article_text(101, "Rule 101", category="policies").replace("id: 101", "id: two")),
        f"{RULE(101)}:2:1: HC101 id: input should be a valid integer",
    ),
    codes.UNKNOWN_KEY: (
        policy(codes.UNKNOWN_KEY, extra="tgas: [card]\n"),
        f"{RULE(102)}:6:1: HC102 tgas: unknown key 'tgas' (did you mean 'tags'?)",
    ),
    codes.DUPLICATE_ID: (
        broken("docs/billing/refund.md", article_text(2, "Ask for a refund")),
        "docs/billing/refund.md:2:1: HC103 id: id 2 is already used by docs/billing/card.md",
    ),
    codes.UNKNOWN_RELATED: (
        policy(codes.UNKNOWN_RELATED, extra="related: [billing/cards]\n"),
        f"{RULE(104)}:6:11: HC104 related[0]: no article 'billing/cards'",
    ),
    codes.UNKNOWN_CATEGORY: (
        broken(RULE(105), article_text(105, "Rule 105", category="bills")),
        f"{RULE(105)}:5:1: HC105 category: no category 'bills'; known: billing, policies",
    ),
    codes.DUPLICATE_KEY: (
        policy(codes.DUPLICATE_KEY, extra="title: Again\n"),
        f"{RULE(106)}:6:1: HC106 title: key appears twice; the second value would silently win",
    ),
    codes.NO_FRONT_MATTER: (
        broken(RULE(107), "# Rule 107\n"),
        f"{RULE(107)}:1:1: HC107 no front matter: the file must start with '---'",
    ),
    codes.DUPLICATE_SLUG: (
        broken("docs/policies/card.md", article_text(108, "Card policy", category="policies")),
        "docs/policies/card.md:1:1: HC108 slug 'card' is already used by docs/billing/card.md; rename one file",
    ),
    codes.REDIRECT_CLASH: (
        policy(codes.REDIRECT_CLASH, extra="redirects: [billing/pay]\n"),
        f"{RULE(109)}:6:13: HC109 redirects[0]: 'billing/pay' is an article's page now; a redirect there would hide it",
    ),
    codes.STEP_COUNT: (
        broken("docs/billing/open.md", HOW_TO + "3. Look around\n"),
        "docs/billing/open.md:8:3: HC110 walkthrough.steps: 2 steps, but the article has 3 numbered steps;"
        " give one walkthrough step per numbered step, in the same order",
    ),
    codes.UNKNOWN_TARGET: (
        broken("docs/billing/open.md", HOW_TO.replace("target: billing", "target: shop")),
        "docs/billing/open.md:7:3: HC111 walkthrough.target: no target 'shop' in mkdocs.yml; known: billing",
    ),
    codes.LABEL_NOT_IN_WALKTHROUGH: (
        broken(
            "docs/billing/open.md", HOW_TO.replace("Select **Therasoft Billing**", "Select **Billing**, then **Save**")
        ),
        "docs/billing/open.md:16:29: HC112 walkthrough.steps.2: step 2 names **Save**, but its walkthrough step"
        " neither acts on nor asserts it; use it in a target or add an expect",
    ),
    codes.STEP_NOT_UNDERSTOOD: (
        broken("docs/billing/open.md", PROSE_HOW_TO.replace("Select **Therasoft Billing**", "Add/Edit your card")),
        "docs/billing/open.md:11:4: HC113 walkthrough.steps.2: step 2 has no verb the walkthrough rules know;"
        " tried click (Click, Select, Choose, Open, Go to, Press or Tap [the] **Label** [button, menu, tab, link,"
        " option, ...]); fill (Enter, Type, Fill in, Change, Describe, Add or Edit [the] **Field**[, **Field** and"
        " **Field**]); check (Verify, Check, Make sure or Confirm [that] ... is, shows or reads **Text**); look"
        " (Review, Find or Locate ... [in the **Container** panel]); scope (In the **Container** panel, dialog,"
        " section, menu or table, ...); say what it does in walkthrough.steps.2 (fields, target or expect)",
    ),
    codes.UNQUOTED_VALUE: (
        broken(
            "docs/billing/open.md",
            PROSE_HOW_TO.replace(
                "target: billing\n",
                "target: billing\n  steps:\n    2:\n      fields:\n        Routing number: 011000015\n",
            ).replace("Select **Therasoft Billing**", "Enter the **Routing number**"),
        ),
        "docs/billing/open.md:11:9: HC114 walkthrough.steps.2.fields.Routing number: YAML reads this value as a"
        ' number (2359309); put it in quotes, as it should be typed: "011000015"',
    ),
    codes.NOT_UTF8: (
        broken(RULE(116), article_text(116, "Café hours", category="policies").encode("latin-1")),
        f"{RULE(116)}:3:11: HC116 the file is not UTF-8: byte 0xE9 at line 3, column 11 cannot be read;"
        " save the file as UTF-8 (in most editors: File > Save with Encoding > UTF-8)",
    ),
    codes.YAML_ALIAS: (
        policy(codes.YAML_ALIAS, extra="tags: &t [card]\nsearch: {boost: 1, exclude: false}\nrelated: *t\n"),
        f"{RULE(117)}:6:7: HC117 YAML anchors and aliases (&name, *name) are not allowed in front matter;"
        " write the value out",
    ),
    codes.PLACEHOLDER_VALUE: (
        broken(
            "docs/billing/open.md",
            PROSE_HOW_TO.replace(
                "target: billing\n",
                "target: billing\n  steps:\n    2:\n      fields:\n        Card number: ‹Card number›\n",
            ).replace("Select **Therasoft Billing**", "Enter the **Card number**"),
        ),
        "docs/billing/open.md:11:9: HC118 walkthrough.steps.2.fields.Card number: ‹Card number› is a placeholder;"
        " write the test account's value for the walk to type",
    ),
    codes.BROKEN_LINK: (
        policy(codes.BROKEN_LINK, body="See [paying](../billing/paying.md).\n"),
        f"{RULE(120)}:8:5: HC120 link '../billing/paying.md' is broken: no such page",
    ),
    codes.BROKEN_ANCHOR: (
        policy(codes.BROKEN_ANCHOR, body="Do [step 3](../billing/open.md#step-3).\n"),
        f"{RULE(121)}:8:4: HC121 no anchor '#step-3' in billing/open.md",
    ),
    codes.INTERNAL_LINK: (
        {
            **policy(codes.INTERNAL_LINK, body="Agents read [escalations](../billing/escalations.md).\n"),
            "docs/billing/escalations.md": article_text(9, "Refund escalations", extra="audience: agents\n"),
        },
        f"{RULE(122)}:8:13: HC122 link '../billing/escalations.md' is to an internal article (billing/escalations,"
        " audience: agents), which the customers' site does not have; link it only from internal articles",
    ),
    codes.MISSING_IMAGE: (
        policy(codes.MISSING_IMAGE, body="![The signed form](form.png)\n"),
        f"{RULE(130)}:8:1: HC130 image 'form.png' not found",
    ),
    codes.IMAGE_WITHOUT_ALT: (
        {**policy(codes.IMAGE_WITHOUT_ALT, body='<img src="logo.png">\n'), "docs/policies/logo.png": PNG},
        f"{RULE(131)}:8:1: HC131 image 'logo.png' has no alt text; describe what it shows, for screen readers",
    ),
    codes.OUTSIDE_PROJECT: (
        {"docs/policies/passwords.png": LinkTo("/etc/passwd")},
        "docs/policies/passwords.png:1:1: HC132 links outside the project, so it is never read or published;"
        " put the file itself here",
    ),
    codes.SCREENSHOT_NOT_PNG: (
        {"screenshots/billing/open/01.png": LFS_POINTER},
        "screenshots/billing/open/01.png:1:1: HC133 a Git LFS pointer, not the picture; run: git lfs pull",
    ),
    codes.TITLE_TOO_LONG: (
        broken(RULE(140), article_text(140, "Rule " + "of the practice " * 5, category="policies")),
        f"{RULE(140)}:3:1: HC140 title: 84 characters; keep titles to 70 or fewer,"
        " so they fit search results and browser tabs",
    ),
    codes.NO_SUMMARY: (
        broken(RULE(141), article_text(141, "Rule 141", category="policies").replace("About Rule 141.", "''")),
        f"{RULE(141)}:4:1: HC141 summary: every article needs a one-sentence summary:"
        " it is the search snippet and the page description",
    ),
    codes.RAW_SCRIPT: (
        policy(codes.RAW_SCRIPT, body="Hi <script>track()</script>\n"),
        f"{RULE(150)}:8:4: HC150 raw <script> in an article; scripts belong in the theme,"
        " where every page gets the same reviewed code",
    ),
    codes.UNSAFE_HTML: (
        policy(codes.UNSAFE_HTML, body="A logo: <img src=https://example.com/logo.png alt=Logo onerror=alert(1)>\n"),
        f"{RULE(151)}:8:9: HC151 body: <img onerror>: event-handler attributes run scripts in the reader's browser;"
        " remove the attribute",
    ),
    codes.UNREFERENCED_SCREENSHOT: (
        {"screenshots/billing/open/03.png": PNG},
        "screenshots/billing/open/03.png:1:1: HC160 no article step uses this screenshot;"
        " delete it, or capture the article it belongs to again",
    ),
}
# The cases that change the same file as another: left out where all problems stand together.
ALONE = {
    codes.STEP_COUNT,
    codes.UNKNOWN_TARGET,
    codes.STEP_NOT_UNDERSTOOD,
    codes.UNQUOTED_VALUE,
    codes.PLACEHOLDER_VALUE,
}


def write_all(project: FixtureProject, files: dict[str, str | bytes | LinkTo]) -> None:
    write_files(project.root, files)


@pytest.mark.parametrize("code", sorted(CASES))
def test_each_code_has_its_exact_message_and_fails_lint(project, code):
    files, message = CASES[code]
    write_all(project, files)
    exit_code, lines, summary = lint(project)
    assert lines == [message]
    assert exit_code == 1
    assert summary == "1 error(s), 0 warning(s)\n"


def test_a_how_to_without_screenshots_is_a_warning_that_names_the_capture_command(project):
    (project.root / "screenshots/billing/open/02.published.png").unlink()
    exit_code, lines, summary = lint(project)
    assert lines == [
        "docs/billing/open.md:16:1: HC161 walkthrough.steps.2: no screenshot screenshots/billing/open/02.published.png;"
        " run: helpcentre capture billing/open"
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
        " so it proves nothing (seen by the last capture)"
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
    guide = (project_root / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `(HC\d{3})` \|", guide, flags=re.MULTILINE))
    assert documented == defined


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
        }
    ]


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
