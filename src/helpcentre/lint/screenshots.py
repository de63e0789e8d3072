"""Baselines in screenshots/ against the walkthroughs: none missing, none left behind."""

from __future__ import annotations

from pathlib import Path

from helpcentre.articles import problems as codes
from helpcentre.articles.frontmatter import format_field
from helpcentre.articles.model import HelpCentre
from helpcentre.articles.problems import Problem, Severity
from helpcentre.capture.layout import step_files

# Written by capture and verify beside the baselines; not a screenshot of any step.
_BOOKKEEPING = {"manifest.json", ".gitkeep", ".gitattributes"}


def screenshot_problems(centre: HelpCentre, screenshots_dir: Path, display_prefix: str) -> list[Problem]:
    expected: set[str] = set()
    found: list[Problem] = []
    for article in centre.articles:
        walkthrough = article.meta.walkthrough
        if walkthrough is None:
            continue
        missing = []
        for number in range(1, len(walkthrough.steps) + 1):
            files = step_files(article.ref, number)
            expected.update((files.raw, files.published, files.aria))
            if not (screenshots_dir / files.published).is_file():
                missing.append((number, files.published))
        if len(missing) == len(walkthrough.steps):
            # A new how-to: one message, not one per step.
            missing_problems = [((("walkthrough",)), f"no screenshots yet; run: helpcentre capture {article.ref}")]
        else:
            missing_problems = [
                (
                    ("walkthrough", "steps", number - 1),
                    f"no screenshot {display_prefix}/{published}; run: helpcentre capture {article.ref}",
                )
                for number, published in missing
            ]
        for field_path, message in missing_problems:
            line, column = article.front_matter.position_of(field_path)
            found.append(
                Problem(
                    article.display_path,
                    line,
                    codes.MISSING_SCREENSHOT,
                    format_field(field_path),
                    message,
                    column,
                    Severity.WARNING,
                )
            )
    if not screenshots_dir.is_dir():
        return found
    for path in sorted(screenshots_dir.rglob("*")):
        if not path.is_file() or path.name in _BOOKKEEPING:
            continue
        relative = path.relative_to(screenshots_dir).as_posix()
        if relative not in expected:
            found.append(
                Problem(
                    f"{display_prefix}/{relative}",
                    1,
                    codes.UNREFERENCED_SCREENSHOT,
                    "",
                    "no article step uses this screenshot; delete it, or capture the article it belongs to again",
                )
            )
    return found
