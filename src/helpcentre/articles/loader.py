"""Parse every article once and cross-check them; collect all problems before failing."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePosixPath

from helpcentre.articles import problems as codes
from helpcentre.articles.frontmatter import FrontMatter, format_field, split_front_matter
from helpcentre.articles.model import Article, Category, HelpCentre
from helpcentre.articles.problems import Problem, Severity
from helpcentre.articles.schema import ArticleMeta, describe_error, validation_errors
from helpcentre.articles.steps import numbered_steps

_KIND_TO_CODE = {"missing": codes.SCHEMA, "unknown": codes.UNKNOWN_KEY, "invalid": codes.SCHEMA}


def parse_article(src_path: str, text: str, display_path: str) -> tuple[Article | None, list[Problem]]:
    """One article from its Markdown source; None when its front matter is unusable."""
    article, found, _ = _parse(src_path, text, display_path)
    return article, found


def _parse(src_path: str, text: str, display_path: str) -> tuple[Article | None, list[Problem], FrontMatter]:
    front_matter = split_front_matter(text, display_path)
    found = list(front_matter.problems)
    if any(problem.code in (codes.YAML_SYNTAX, codes.NO_FRONT_MATTER) for problem in found):
        return None, found, front_matter
    meta, errors = validation_errors(ArticleMeta, front_matter.data)
    for error in errors:
        kind, message = describe_error(error, ArticleMeta)
        loc = tuple(error["loc"])
        line, column = front_matter.position_of(loc if kind != "missing" else loc[:-1])
        if kind == "missing" and not loc[:-1]:
            line, column = 1, 1
        code = _KIND_TO_CODE[kind]
        if loc == ("summary",) and kind != "unknown":
            # The summary is the search snippet, the meta description and the export's text.
            code = codes.NO_SUMMARY
            message = "every article needs a one-sentence summary: it is the search snippet and the page description"
        found.append(Problem(display_path, line, code, format_field(loc), message, column))
    if meta is None:
        return None, found, front_matter
    steps = numbered_steps(front_matter.body, front_matter.body_line)
    article = Article(PurePosixPath(src_path), display_path, meta, front_matter, steps)
    if meta.walkthrough is not None and len(meta.walkthrough.steps) != len(steps):
        found.append(
            _at(
                article,
                ("walkthrough", "steps"),
                codes.STEP_COUNT,
                f"{len(meta.walkthrough.steps)} steps, but the article has {len(steps)} numbered steps;"
                " give one walkthrough step per numbered step, in the same order",
            )
        )
    return article, found, front_matter


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
    unusable: set[int | str] = set()
    for src_path, display_path, text in sources:
        article, article_problems, front_matter = _parse(src_path, text, display_path)
        found.extend(article_problems)
        if article is not None:
            articles.append(article)
        else:
            unusable.update(_names_of_unusable(src_path, front_matter))

    centre = HelpCentre(categories, articles)
    found.extend(_cross_check(centre, None if targets is None else sorted(targets), unusable))
    return centre, sorted(found)


def _names_of_unusable(src_path: str, front_matter: FrontMatter) -> set[int | str]:
    """The ref, and the id where it can be read, of an article whose own problems are reported.

    Links to it are not reported as well: one mistake, one message.
    """
    names: set[int | str] = {str(PurePosixPath(src_path).with_suffix(""))}
    article_id = front_matter.data.get("id")
    if isinstance(article_id, int):
        names.add(article_id)
    return names


def _at(article: Article, path: tuple, code: str, message: str, severity: Severity = Severity.ERROR) -> Problem:
    """A problem at a front matter field of an article."""
    line, column = article.front_matter.position_of(path)
    return Problem(article.display_path, line, code, format_field(path), message, column, severity)


def _cross_check(centre: HelpCentre, targets: list[str] | None, unusable: set[int | str]) -> list[Problem]:
    found: list[Problem] = []
    first_with_id: dict[int, Article] = {}
    first_with_slug: dict[str, Article] = {}
    redirected_from: dict[str, Article] = {}
    category_keys = [category.key for category in centre.categories]
    for article in sorted(centre.articles, key=lambda a: a.display_path):
        earlier = first_with_id.setdefault(article.id, article)
        if earlier is not article:
            found.append(
                _at(article, ("id",), codes.DUPLICATE_ID, f"id {article.id} is already used by {earlier.display_path}")
            )
        # One slug per help centre: an article can then move between categories without a clash,
        # and support agents can name it by its slug alone.
        slug = article.src_path.stem.casefold()
        earlier = first_with_slug.setdefault(slug, article)
        if earlier is not article:
            found.append(
                Problem(
                    article.display_path,
                    1,
                    codes.DUPLICATE_SLUG,
                    "",
                    f"slug '{article.src_path.stem}' is already used by {earlier.display_path}; rename one file",
                )
            )
        if article.meta.category not in category_keys:
            found.append(
                _at(
                    article,
                    ("category",),
                    codes.UNKNOWN_CATEGORY,
                    f"no category '{article.meta.category}'; known: {', '.join(category_keys)}",
                )
            )
        walkthrough = article.meta.walkthrough
        if walkthrough is not None and targets is not None and walkthrough.target not in targets:
            found.append(
                _at(
                    article,
                    ("walkthrough", "target"),
                    codes.UNKNOWN_TARGET,
                    f"no target '{walkthrough.target}' in mkdocs.yml; known: {', '.join(targets) or 'none'}",
                )
            )
        for index, old_path in enumerate(article.meta.redirects):
            clash = _redirect_clash(centre, article, old_path, redirected_from)
            if clash:
                found.append(_at(article, ("redirects", index), codes.REDIRECT_CLASH, clash))
            redirected_from.setdefault(old_path, article)
        for index, reference in enumerate(article.meta.related):
            target = centre.find(reference)
            if target is None and HelpCentre.reference_key(reference) in unusable:
                continue
            if target is None:
                message = f"no article '{reference}'"
            elif target is article:
                message = "an article cannot be related to itself"
            else:
                continue
            found.append(_at(article, ("related", index), codes.UNKNOWN_RELATED, message))
    return found


def _redirect_clash(centre: HelpCentre, article: Article, old_path: str, taken: dict[str, Article]) -> str | None:
    """Why a redirect from `old_path` cannot be written, or None when it can."""
    if centre.find(old_path) is not None:
        return f"'{old_path}' is an article's page now; a redirect there would hide it"
    if old_path == "a" or old_path.startswith("a/"):
        return f"'{old_path}' is where short links live (/a/<id>/)"
    earlier = taken.get(old_path)
    if earlier is not None and earlier is not article:
        return f"'{old_path}' already redirects to {earlier.display_path}"
    return None
