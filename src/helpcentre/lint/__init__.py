"""Every check a help centre must pass, in one place: `helpcentre lint` and the strict build run it.

The input is plain data (Markdown sources, the docs file list, the screenshots folder), so
lint runs without MkDocs and the site plugin hands over what MkDocs already read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from helpcentre.articles import problems as codes
from helpcentre.articles.frontmatter import Source, body_of, decode_source
from helpcentre.articles.loader import load_help_centre
from helpcentre.articles.model import Article, Category, HelpCentre
from helpcentre.articles.problems import Problem, Severity
from helpcentre.baselines.manifest import manifest_if_readable
from helpcentre.lint.body import BodyChecker, Page
from helpcentre.lint.captured_steps import captured_step_problems
from helpcentre.lint.labels import unchecked_labels
from helpcentre.lint.placeholders import placeholder_problems
from helpcentre.lint.screenshots import outside_problem, screenshot_problems

MAX_TITLE_LENGTH = 70

__all__ = ["MAX_TITLE_LENGTH", "DocsTree", "Page", "errors_in", "lint_help_centre", "page_from_source"]


@dataclass
class DocsTree:
    """What lint reads: articles as `(src_path, display_path, text)`, other pages, every docs file."""

    articles: list[tuple[str, str, Source]]
    # Markdown pages that are not articles, as `(src_path, display_path, text or bytes)`.
    other_pages: list[tuple[str, str, Source]] = field(default_factory=list)
    files: set[str] = field(default_factory=set)
    # Pages the build writes itself (home, category pages): links to them resolve.
    generated_pages: set[str] = field(default_factory=set)
    # Display paths of links that lead out of the project (HC132): never read, never published.
    outside: list[str] = field(default_factory=list)


def lint_help_centre(
    tree: DocsTree,
    categories: list[Category],
    targets: Iterable[str] | None,
    screenshots_dir: Path | None,
    screenshots_display: str = "screenshots",
    project_root: Path | None = None,
) -> tuple[HelpCentre, list[Problem]]:
    """The help centre and every problem in it, sorted by file and position.

    With `project_root`, a link in the screenshots folder that leads out of it is reported too.
    """
    centre, found = load_help_centre(tree.articles, categories, targets)
    found.extend(outside_problem(path) for path in tree.outside)
    pages = [
        Page(article.src_path.as_posix(), article.display_path, article.body, article.front_matter.body_line, article)
        for article in centre.articles
    ]
    # An article whose front matter is unusable still has a body a reviewer must see checked:
    # its raw HTML, its links. Its front matter's own problems are reported already.
    loaded = {article.src_path.as_posix() for article in centre.articles}
    for src_path, display_path, content in tree.articles:
        text, _ = decode_source(content, display_path)
        if src_path not in loaded and text is not None:
            pages.append(page_from_source(src_path, display_path, text))
    for src_path, display_path, content in tree.other_pages:
        text, unreadable = decode_source(content, display_path)
        if text is None:
            found.append(unreadable)
        else:
            pages.append(page_from_source(src_path, display_path, text))
    generated = tree.generated_pages | {"index.md"} | {f"{category.key}/index.md" for category in categories}
    generated |= {f"{ref}.md" for ref in centre.unusable if isinstance(ref, str)}
    checker = BodyChecker(pages, tree.files, generated, centre)
    for page in pages:
        found.extend(checker.check(page))
    for article in centre.articles:
        found.extend(_article_problems(article))
    if screenshots_dir is not None:
        manifest = manifest_if_readable(screenshots_dir)
        found.extend(screenshot_problems(centre, screenshots_dir, manifest, screenshots_display, project_root))
        found.extend(captured_step_problems(centre, screenshots_dir, manifest))
    return centre, sorted(found)


def errors_in(found: Iterable[Problem]) -> list[Problem]:
    return [problem for problem in found if problem.severity is Severity.ERROR]


def _article_problems(article: Article) -> list[Problem]:
    found = unchecked_labels(article) + placeholder_problems(article)
    if len(article.title) > MAX_TITLE_LENGTH:
        line, column = article.front_matter.position_of(("title",))
        found.append(
            Problem(
                article.display_path,
                line,
                codes.TITLE_TOO_LONG,
                "title",
                f"{len(article.title)} characters; keep titles to {MAX_TITLE_LENGTH} or fewer,"
                " so they fit search results and browser tabs",
                column,
            )
        )
    return found


def page_from_source(src_path: str, display_path: str, text: str) -> Page:
    """A Markdown page that is not an article (it may still have MkDocs front matter)."""
    body, body_line = body_of(text)
    return Page(src_path, display_path, body, body_line)
