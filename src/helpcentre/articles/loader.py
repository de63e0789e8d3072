"""Parse every article once and cross-check them; collect all problems before failing."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePosixPath

from helpcentre.articles import problems as codes
from helpcentre.articles.frontmatter import (
    FieldPath,
    FrontMatter,
    Source,
    decode_source,
    format_field,
    split_front_matter,
)
from helpcentre.articles.inference import plan_walkthrough
from helpcentre.articles.model import Article, Category, HelpCentre
from helpcentre.articles.problems import Problem, Severity
from helpcentre.articles.schema import ArticleMeta, describe_error, validation_errors
from helpcentre.articles.steps import numbered_steps
from helpcentre.articles.walkthrough import STEP_FORM_TAGS, UNQUOTED_VALUE

_KIND_TO_CODE = {"missing": codes.SCHEMA, "unknown": codes.UNKNOWN_KEY, "invalid": codes.SCHEMA}


def parse_article(src_path: str, text: str, display_path: str) -> tuple[Article | None, list[Problem]]:
    """One article from its Markdown source; None when its front matter is unusable."""
    article, found, _ = _parse(src_path, text, display_path)
    return article, found


def _parse(src_path: str, text: str, display_path: str) -> tuple[Article | None, list[Problem], FrontMatter]:
    front_matter = split_front_matter(text, display_path)
    found = list(front_matter.problems)
    if any(problem.code in (codes.YAML_SYNTAX, codes.YAML_ALIAS, codes.NO_FRONT_MATTER) for problem in found):
        return None, found, front_matter
    meta, errors = validation_errors(ArticleMeta, front_matter.data)
    for error in errors:
        kind, message = describe_error(error, ArticleMeta)
        loc = tuple(part for part in error["loc"] if part not in STEP_FORM_TAGS)
        shown, position = step_paths(loc, front_matter.data)
        line, column = front_matter.position_of(position if kind != "missing" else position[:-1])
        if kind == "missing" and not loc[:-1]:
            line, column = 1, 1
        code = _KIND_TO_CODE[kind]
        if error["type"] == UNQUOTED_VALUE:
            code = codes.UNQUOTED_VALUE
            written = _value_as_written(text, line, column)
            if written:
                message = f'{message}: "{written}"'
        if loc == ("summary",) and kind != "unknown":
            # The summary is the search snippet, the meta description and the export's text.
            code = codes.NO_SUMMARY
            message = "every article needs a one-sentence summary: it is the search snippet and the page description"
        found.append(Problem(display_path, line, code, format_field(shown), message, column))
    if meta is None:
        return None, found, front_matter
    steps = numbered_steps(front_matter.body, front_matter.body_line)
    article = Article(PurePosixPath(src_path), display_path, meta, front_matter, steps)
    if meta.walkthrough is not None:
        found.extend(_walkthrough_problems(article))
    return article, found, front_matter


def step_paths(loc: FieldPath, data: dict) -> tuple[FieldPath, FieldPath]:
    """A field path as writers read it, and as it stands in the YAML.

    Steps are named by the number readers see, in either form: the list's fourth entry and
    the mapping's key 4 are both `walkthrough.steps.4`, never `steps[3]`.
    """
    if len(loc) < 3 or loc[:2] != ("walkthrough", "steps") or not isinstance(loc[2], int):
        return loc, loc
    number = loc[2]
    raw_steps = (data.get("walkthrough") or {}).get("steps") if isinstance(data.get("walkthrough"), dict) else None
    in_yaml = number - 1 if isinstance(raw_steps, list) else str(number)
    return (*loc[:2], str(number), *loc[3:]), (*loc[:2], in_yaml, *loc[3:])


def _value_as_written(text: str, line: int, column: int) -> str:
    """The value after `key:` at a position in the file, as the writer typed it."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return ""
    match = re.match(r"[^:]*:\s*([^,}\]#]*)", lines[line - 1][column - 1 :])
    return match.group(1).strip() if match else ""


def _walkthrough_problems(article: Article) -> list[Problem]:
    """Steps and walkthrough agree in number; then each step can be read. One mistake, one message:
    when the numbers disagree, the step-level checks stay quiet instead of blaming the wrong step."""
    walkthrough = article.meta.walkthrough
    assert walkthrough is not None
    count = len(article.steps)
    raw_steps = article.front_matter.data["walkthrough"].get("steps")
    if count == 0:
        return [
            _at(article, ("walkthrough",), codes.STEP_COUNT, "a walkthrough needs numbered steps (1., 2., …) to walk")
        ]
    if isinstance(raw_steps, list) and len(raw_steps) != count:
        return [
            _at(
                article,
                ("walkthrough", "steps"),
                codes.STEP_COUNT,
                f"{len(raw_steps)} steps, but the article has {count} numbered steps;"
                " give one walkthrough step per numbered step, in the same order",
            )
        ]
    beyond = [number for number in walkthrough.steps if number > count]
    if beyond:
        return [
            _at_step(
                article, number, codes.STEP_COUNT, f"there is no step {number}: the article has {count} numbered steps"
            )
            for number in beyond
        ]
    plans, unreadable = plan_walkthrough(article)
    article.plans = plans
    return [
        Problem(
            article.display_path,
            article.steps[number - 1].line,
            codes.STEP_NOT_UNDERSTOOD,
            f"walkthrough.steps.{number}",
            why,
            _text_column(article, number),
        )
        for number, why in unreadable
    ]


def _at_step(article: Article, number: int, code: str, message: str) -> Problem:
    """A problem at `walkthrough.steps.N`, located where the walkthrough says it."""
    _, position = step_paths(("walkthrough", "steps", number), article.front_matter.data)
    line, column = article.front_matter.position_of(position)
    return Problem(article.display_path, line, code, f"walkthrough.steps.{number}", message, column)


def _text_column(article: Article, number: int) -> int:
    step = article.steps[number - 1]
    lines = article.body.splitlines()
    index = step.line - article.front_matter.body_line
    raw = lines[index] if 0 <= index < len(lines) else ""
    found = raw.find(step.text[:20])
    return found + 1 if found >= 0 else 1


def load_help_centre(
    sources: Iterable[tuple[str, str, Source]],
    categories: list[Category],
    targets: Iterable[str] | None = None,
) -> tuple[HelpCentre, list[Problem]]:
    """Parse `(src_path, display_path, text or bytes)` triples and check what spans articles.

    `targets` are the walkthrough targets mkdocs.yml names; None skips that check.
    """
    articles: list[Article] = []
    found: list[Problem] = []
    unusable: set[int | str] = set()
    for src_path, display_path, content in sources:
        text, unreadable = decode_source(content, display_path)
        if text is None:
            assert unreadable is not None
            found.append(unreadable)
            unusable.update(_names_of_unusable(src_path, None, content))
            continue
        article, article_problems, front_matter = _parse(src_path, text, display_path)
        found.extend(article_problems)
        if article is not None:
            articles.append(article)
        else:
            unusable.update(_names_of_unusable(src_path, front_matter, text))

    centre = HelpCentre(categories, articles, unusable)
    found.extend(_cross_check(centre, None if targets is None else sorted(targets), unusable))
    return centre, sorted(found)


_ID_LINE = re.compile(rb"^id:\s*(\d+)\s*$", re.MULTILINE)


def _names_of_unusable(src_path: str, front_matter: FrontMatter | None, content: Source) -> set[int | str]:
    """The ref, and the id where it can be read, of an article whose own problems are reported.

    Links to it are not reported as well: one mistake, one message. When the front matter
    cannot be parsed at all, the id is taken from its `id:` line.
    """
    names: set[int | str] = {str(PurePosixPath(src_path).with_suffix(""))}
    article_id = front_matter.data.get("id") if front_matter is not None else None
    if not isinstance(article_id, int):
        raw = content.encode("utf-8") if isinstance(content, str) else content
        match = _ID_LINE.search(raw[:4096])
        article_id = int(match.group(1)) if match else None
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
