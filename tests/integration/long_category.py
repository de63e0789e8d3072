"""A fixture help centre with one long category: 37 articles, 5 in the sidebar, 10 a page."""

from __future__ import annotations

from pathlib import Path

from integration.conftest import MKDOCS_YML, BuildResult, FixtureProject, article_text

ARTICLES = 37
SIDEBAR_ARTICLES = 5
ARTICLES_PER_PAGE = 10
NAVIGATION = f"      navigation: {{sidebar_articles: {SIDEBAR_ARTICLES}, articles_per_page: {ARTICLES_PER_PAGE}}}\n"


def titles() -> list[str]:
    """The long category's titles in the order the site lists them (by title)."""
    return sorted(f"Billing question {number:02d}" for number in range(1, ARTICLES + 1))


def slug(title: str) -> str:
    return title.lower().replace(" ", "-")


def long_category_project(root: Path) -> FixtureProject:
    project = FixtureProject(root)
    config = MKDOCS_YML.replace("      contact:\n", NAVIGATION + "      contact:\n")
    assert config != MKDOCS_YML, "the fixture's mkdocs.yml changed: put the navigation settings elsewhere"
    project.write("mkdocs.yml", config)
    for number, title in enumerate(titles(), start=1):
        project.write(f"docs/billing/{slug(title)}.md", article_text(number, title))
    project.write("docs/policies/terms.md", article_text(100, "Terms of use", category="policies"))
    project.write("docs/policies/privacy.md", article_text(101, "Privacy notice", category="policies"))
    return project


def build_long_category_site(root: Path) -> BuildResult:
    result = long_category_project(root).build("--strict")
    assert result.returncode == 0, result.output
    return result
