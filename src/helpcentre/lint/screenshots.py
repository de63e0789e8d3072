"""Baselines in screenshots/ against the walkthroughs: none missing, none left behind, each a PNG."""

from __future__ import annotations

import posixpath
from pathlib import Path

from helpcentre.articles import problems as codes
from helpcentre.articles.model import HelpCentre
from helpcentre.articles.problems import Problem, Severity
from helpcentre.baselines.manifest import MANIFEST_NAME, Manifest
from helpcentre.baselines.paths import step_files
from helpcentre.baselines.png_files import unreadable
from helpcentre.outside_links import links_out_of, under_any

# Written by capture and verify beside the baselines; not a screenshot of any step.
_BOOKKEEPING = {MANIFEST_NAME, ".gitkeep", ".gitattributes"}


def outside_problem(display_path: str) -> Problem:
    """A link that leads out of the project (HC132); where it leads is nobody's business here."""
    return Problem(
        display_path,
        1,
        codes.OUTSIDE_PROJECT,
        "",
        "links outside the project, so it is never read or published; put the file itself here",
    )


def screenshot_problems(
    centre: HelpCentre,
    screenshots_dir: Path,
    manifest: Manifest,
    display_prefix: str,
    project_root: Path | None = None,
) -> list[Problem]:
    """`manifest` is the one under `screenshots_dir`, read once for every check of lint that needs it."""
    expected: set[str] = set()
    found: list[Problem] = _checks_that_proved_nothing(centre, manifest)
    for article in centre.articles:
        walkthrough = article.meta.walkthrough
        if walkthrough is None:
            continue
        missing = []
        for number in range(1, len(article.steps) + 1):
            files = step_files(article.ref, number)
            expected.update((files.raw, files.published, files.aria))
            if not (screenshots_dir / files.published).is_file():
                missing.append((number, files.published))
        if not article.plans:
            # Its steps and walkthrough disagree: that one error is reported, not a warning per step.
            continue
        if missing and len(missing) == len(article.steps):
            # A new how-to: one message, not one per step.
            line, column = article.front_matter.position_of(("walkthrough",))
            missing_problems = [
                (line, column, "walkthrough", f"no screenshots yet; run: helpcentre capture {article.ref}")
            ]
        else:
            missing_problems = [
                (
                    article.steps[number - 1].line,
                    1,
                    f"walkthrough.steps.{number}",
                    f"no screenshot {display_prefix}/{published}; run: helpcentre capture {article.ref}",
                )
                for number, published in missing
            ]
        for line, column, field_name, message in missing_problems:
            found.append(
                Problem(
                    article.display_path,
                    line,
                    codes.MISSING_SCREENSHOT,
                    field_name,
                    message,
                    column,
                    Severity.WARNING,
                )
            )
    if not screenshots_dir.is_dir():
        return found
    # A dropped article's screenshots still belong to it: its own error is the one message.
    dropped = tuple(f"{ref}/" for ref in centre.unusable if isinstance(ref, str))
    outside = links_out_of(screenshots_dir, project_root) if project_root is not None else []
    found.extend(outside_problem(f"{display_prefix}/{link.relative}") for link in outside)
    for path in sorted(screenshots_dir.rglob("*")):
        if not path.is_file() or path.name in _BOOKKEEPING:
            continue
        relative = path.relative_to(screenshots_dir).as_posix()
        if any(part.startswith(".") for part in relative.split("/")) or under_any(relative, outside):
            # A hidden folder is a write in progress, or one a killed run left (capture removes those).
            continue
        if relative not in expected and not relative.startswith(dropped or ("\0",)):
            found.append(
                Problem(
                    f"{display_prefix}/{relative}",
                    1,
                    codes.UNREFERENCED_SCREENSHOT,
                    "",
                    "no article step uses this screenshot; delete it, or capture the article it belongs to again",
                )
            )
        elif path.suffix == ".png":
            # Its folder is its article's: `billing/x/01.png` is a shot of billing/x.
            problem = unreadable(path, posixpath.dirname(relative))
            if problem is not None:
                found.append(Problem(f"{display_prefix}/{relative}", 1, codes.SCREENSHOT_NOT_PNG, "", problem.reason))
    return found


def _checks_that_proved_nothing(centre: HelpCentre, manifest: Manifest) -> list[Problem]:
    """What the last capture saw: a step whose check already held before its action (HC115).

    Lint cannot tell that from the words alone; capture records it beside the step's baseline.
    """
    found = []
    for article in centre.articles:
        entry = manifest.entry(article.ref)
        for step in entry.steps if entry is not None else []:
            number = step.step
            if not 1 <= number <= len(article.steps):
                continue
            for warning in step.warnings:
                found.append(
                    Problem(
                        article.display_path,
                        article.steps[number - 1].line,
                        codes.CHECK_ALREADY_HELD,
                        f"walkthrough.steps.{number}",
                        f"{warning} (seen by the last capture)",
                        1,
                        Severity.WARNING,
                    )
                )
    return found
