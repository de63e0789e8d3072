"""The writers' guide is a help centre of its own (guide/mkdocs.yml): it lints clean, its links and
anchors included, and builds strict, with a heading per lint code and per setting that the
messages' addresses lead to."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpcentre.articles import problems as codes
from helpcentre.cli import cli
from helpcentre.lint.markdown_scan import anchors
from helpcentre.project import load_project
from helpcentre.setting_addresses import SETTINGS_PAGE, SETTINGS_ROOT, setting_paths
from helpcentre.site import build_site

CATEGORIES = ["writing", "walkthroughs", "verifying", "operating", "reference"]


@pytest.fixture(scope="module")
def guide_config(project_root: Path) -> Path:
    return project_root / "guide" / "mkdocs.yml"


@pytest.fixture(scope="module")
def guide_site(guide_config: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guide, built once with --strict, as the publishing workflow builds it."""
    return build_site(guide_config, tmp_path_factory.mktemp("guide-site"), strict=True)


def lint(config: Path) -> tuple[int, list[str], str]:
    result = CliRunner().invoke(cli, ["lint", "-f", str(config)], catch_exceptions=False)
    return result.exit_code, result.stdout.splitlines(), result.stderr


def ids_of(html: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', html))


def test_the_guide_lints_clean(guide_config):
    assert lint(guide_config) == (0, [], "No problems found.\n")


def test_the_guide_has_the_categories_a_writer_looks_for_and_every_page_is_an_article(guide_config):
    project = load_project(guide_config)
    assert [category.key for category in project.settings.categories] == CATEGORIES
    centre, found = project.load_help_centre()
    assert found == []
    pages = sorted(path.relative_to(project.docs_dir).as_posix() for path in project.docs_dir.rglob("*.md"))
    assert sorted(f"{article.ref}.md" for article in centre.articles) == pages
    assert {article.meta.category for article in centre.articles} == set(CATEGORIES)
    assert [article.ref for article in centre.articles if article.meta.walkthrough is not None] == [
        "walkthroughs/try-a-walkthrough-on-the-sandbox"
    ]


def test_the_guide_builds_strict_with_its_home_categories_and_articles(guide_site, guide_config):
    home = (guide_site / "index.html").read_text(encoding="utf-8")
    assert "The writers&#39; guide" in home or "The writers' guide" in home
    for category in CATEGORIES:
        assert (guide_site / category / "index.html").is_file()
    centre, _ = load_project(guide_config).load_help_centre()
    for article in centre.articles:
        assert (guide_site / article.ref / "index.html").is_file(), article.ref


def test_every_page_has_in_the_built_guide_the_anchors_lint_checks_links_against(guide_site, guide_config):
    """Lint's anchors of each page, the settings' dotted ids included, are the ids the built page has."""
    centre, _ = load_project(guide_config).load_help_centre()
    for article in centre.articles:
        built = ids_of((guide_site / article.ref / "index.html").read_text(encoding="utf-8"))
        assert anchors(article.body) <= built, article.ref


def test_each_lint_code_has_the_heading_its_address_leads_to(guide_site):
    built = ids_of((guide_site / codes.LINT_CODES_PAGE / "index.html").read_text(encoding="utf-8"))
    defined = [value for value in vars(codes).values() if isinstance(value, str) and re.fullmatch(r"HC\d{3}", value)]
    assert len(defined) > 30
    for code in defined:
        address = codes.code_address(code)
        assert address == f"guide/docs/{codes.LINT_CODES_PAGE}.md#{code.lower()}"
        assert address.partition("#")[2] in built, code


def test_each_setting_has_the_heading_its_errors_lead_to(guide_site):
    built = ids_of((guide_site / SETTINGS_PAGE / "index.html").read_text(encoding="utf-8"))
    documented = {anchor for anchor in built if anchor.startswith(SETTINGS_ROOT)}
    assert sorted({SETTINGS_ROOT, *setting_paths()} - documented) == []
    assert sorted(documented - {SETTINGS_ROOT, *setting_paths()}) == [], "a heading for a setting that is not one"


def test_the_guides_lint_finds_a_broken_link_or_anchor_in_it(guide_config, tmp_path):
    copy = tmp_path / "guide"
    shutil.copytree(guide_config.parent, copy, ignore=shutil.ignore_patterns("site", "reports"))
    page = copy / "docs" / "writing" / "check-your-work.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace("(../reference/lint-codes.md#hc133)", "(../reference/lint-codes.md#hc999)")
    text = text.replace("[Work in Git](work-in-git.md", "[Work in Git](working-in-git.md")
    page.write_text(text, encoding="utf-8")
    code, lines, _ = lint(copy / "mkdocs.yml")
    assert code == 1
    assert [re.sub(r":\d+:\d+:", ":", line).split(" (see ")[0] for line in lines] == [
        "docs/writing/check-your-work.md: HC121 no anchor '#hc999' in reference/lint-codes.md",
        "docs/writing/check-your-work.md: HC120 link 'working-in-git.md#checks-before-each-commit' is broken:"
        " no such page",
    ]
