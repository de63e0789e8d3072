"""Parse every article once and cross-check them; collect all problems before failing."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePosixPath

from helpcentre.articles import problems as codes
from helpcentre.articles.frontmatter import format_field, split_front_matter
from helpcentre.articles.model import Article, Category, HelpCentre
from helpcentre.articles.problems import Problem, Severity
from helpcentre.articles.schema import ArticleMeta, describe_error, validation_errors
from helpcentre.articles.steps import numbered_steps

_KIND_TO_CODE = {"missing": codes.SCHEMA, "unknown": codes.UNKNOWN_KEY, "invalid": codes.SCHEMA}


def parse_article(src_path: str, text: str, display_path: str) -> tuple[Article | None, list[Problem]]:
    """One article from its Markdown source; None when its front matter is unusable."""
    front_matter = split_front_matter(text, display_path)
    found = list(front_matter.problems)
    if any(problem.code in (codes.YAML_SYNTAX, codes.NO_FRONT_MATTER) for problem in found):
        return None, found
    meta, errors = validation_errors(ArticleMeta, front_matter.data)
    for error in errors:
        kind, message = describe_error(error, ArticleMeta)
        loc = tuple(error["loc"])
        line = front_matter.line_of(loc) if kind != "missing" else front_matter.line_of(loc[:-1])
        if kind == "missing" and not loc[:-1]:
            line = 1
        found.append(Problem(display_path, line, _KIND_TO_CODE[kind], format_field(loc), message))
    if meta is None:
        return None, found
    steps = numbered_steps(front_matter.body, front_matter.body_line)
    article = Article(PurePosixPath(src_path), display_path, meta, front_matter, steps)
    if meta.walkthrough is not None and len(meta.walkthrough.steps) != len(steps):
        found.append(
            Problem(
                display_path,
                front_matter.line_of(("walkthrough", "steps")),
                codes.STEP_COUNT,
                "walkthrough.steps",
                f"{len(meta.walkthrough.steps)} steps, but the article has {len(steps)} numbered steps;"
                " give one walkthrough step per numbered step, in the same order",
            )
        )
    return article, found


def load_help_centre(
    sources: Iterable[tuple[str, str, str]],
    categories: list[Category],
    targets: Iterable[str] | None = None,
) -> tuple[HelpCentre, list[Problem]]:
    """Parse `(src_path, display_path, text)` triples and check what spans articles.

    `targets` are the walkthrough targets mkdocs.yml names; None skips that check.
    """
    articles: list[Article] = []
    found: list[Problem] = []
    for src_path, display_path, text in sources:
        article, article_problems = parse_article(src_path, text, display_path)
        found.extend(article_problems)
        if article is not None:
            articles.append(article)

    centre = HelpCentre(categories, articles)
    found.extend(_cross_check(centre, None if targets is None else sorted(targets)))
    return centre, sorted(found)


def _cross_check(centre: HelpCentre, targets: list[str] | None) -> list[Problem]:
    found: list[Problem] = []
    first_with_id: dict[int, Article] = {}
    category_keys = [category.key for category in centre.categories]
    for article in sorted(centre.articles, key=lambda a: a.display_path):
        fm = article.front_matter
        earlier = first_with_id.setdefault(article.id, article)
        if earlier is not article:
            found.append(
                Problem(
                    article.display_path,
                    fm.line_of(("id",)),
                    codes.DUPLICATE_ID,
                    "id",
                    f"id {article.id} is already used by {earlier.display_path}",
                )
            )
        if article.meta.category not in category_keys:
            found.append(
                Problem(
                    article.display_path,
                    fm.line_of(("category",)),
                    codes.UNKNOWN_CATEGORY,
                    "category",
                    f"no category '{article.meta.category}'; known: {', '.join(category_keys)}",
                )
            )
        walkthrough = article.meta.walkthrough
        if walkthrough is not None and targets is not None and walkthrough.target not in targets:
            found.append(
                Problem(
                    article.display_path,
                    fm.line_of(("walkthrough", "target")),
                    codes.UNKNOWN_TARGET,
                    "walkthrough.target",
                    f"no target '{walkthrough.target}' in mkdocs.yml; known: {', '.join(targets) or 'none'}",
                )
            )
        for index, reference in enumerate(article.meta.related):
            target = centre.find(reference)
            if target is None:
                message = f"no article '{reference}'"
            elif target is article:
                message = "an article cannot be related to itself"
            else:
                continue
            found.append(
                Problem(
                    article.display_path,
                    fm.line_of(("related", index)),
                    codes.UNKNOWN_RELATED,
                    f"related[{index}]",
                    message,
                    severity=Severity.WARNING,
                )
            )
    return found
