"""Each step as it reads now, against what its last capture recorded: lint's checks without a browser.

Capture refuses a step whose bold labels are not on the page, and records beside its picture the
step's words, the page's ARIA snapshot and the step's override (screenshots/manifest.json). So:
- a step whose labels were respelt since (the same words around them) has its new labels looked
  up in that snapshot, with the one name a typo meant (HC162);
- a step whose words are now another step's, while its override is the one recorded for the old
  words, carries an override written for a step it no longer is (HC163).
"""

from __future__ import annotations

from pathlib import Path

from helpcentre.articles import problems as codes
from helpcentre.articles.loader import step_paths
from helpcentre.articles.model import Article, HelpCentre
from helpcentre.articles.names import reader_name
from helpcentre.articles.page_labels import label_on_page, labels_to_find, misspelt, spelled_otherwise
from helpcentre.articles.problems import Problem, Severity
from helpcentre.articles.step_overrides import article_overrides
from helpcentre.articles.steps import BOLD, Step, outline, plain_text, step_words
from helpcentre.baselines.aria_tree import parse_aria_snapshot
from helpcentre.baselines.manifest import Manifest, StepBaseline
from helpcentre.baselines.paths import step_files
from helpcentre.lint.labels import label_position

# A name or text this long is a sentence on the page, not a name a step would mean.
_LONGEST_NAME = 60


def captured_step_problems(centre: HelpCentre, screenshots_dir: Path, manifest: Manifest) -> list[Problem]:
    found: list[Problem] = []
    for article in centre.articles:
        entry = manifest.entry(article.ref)
        if entry is None or article.meta.walkthrough is None:
            continue
        overrides = article_overrides(article)
        for step in article.steps:
            then = entry.step(step.number)
            if then is None or step_words(then.text) == step_words(step.text):
                continue  # What capture saw and checked itself.
            if outline(then.text) == outline(step.text):
                found.extend(_respelt_labels(article, step, then, screenshots_dir))
            elif overrides.get(step.number) is not None and overrides[step.number] == then.override:
                found.append(_stale_override(article, step, then))
    return found


def _respelt_labels(article: Article, step: Step, then: StepBaseline, screenshots_dir: Path) -> list[Problem]:
    """The labels written since the capture that the page it recorded does not show, as HC162."""
    if len(article.plans) != len(article.steps):
        return []  # Its walkthrough cannot be read: that is the one message (HC110, HC113).
    to_find = labels_to_find(step.bold_labels, article.plans[step.number - 1])
    before = BOLD.findall(then.text)
    respelt = [
        label
        for label, old in zip(step.bold_labels, before, strict=False)
        if label in to_find and reader_name(plain_text(label)) != reader_name(plain_text(old))
    ]
    if not respelt:
        return []
    path = screenshots_dir / step_files(article.ref, step.number).aria
    try:
        # Never through a link out of the folder (HC132 reports it): nothing outside is read.
        seen = path.read_text(encoding="utf-8") if path.resolve().is_relative_to(screenshots_dir.resolve()) else ""
    except (OSError, UnicodeDecodeError, ValueError):
        seen = ""
    if not seen:
        return []  # No snapshot to read (lint says so where a file is missing): nothing to compare.
    names = _names(seen)
    found = []
    for label in respelt:
        text = plain_text(label)
        if label_on_page(text, seen):
            continue
        meant = spelled_otherwise(label, seen) or misspelt(text, names)
        advice = f"did you mean **{meant}**?" if meant else "check its spelling against the product"
        line, column = label_position(article, step.line, f"**{label}**")
        found.append(
            Problem(
                article.display_path,
                line,
                codes.LABEL_NOT_CAPTURED,
                f"walkthrough.steps.{step.number}",
                f"step {step.number} names **{text}**, which the page of its last capture does not show; {advice}",
                column,
                Severity.WARNING,
            )
        )
    return found


def _names(aria: str) -> list[str]:
    """What the recorded page calls things: its accessible names and short texts."""
    root = parse_aria_snapshot(aria)
    found = {text for node in root.walk() for text in (node.name, node.text)}
    return sorted(name for name in found if 0 < len(name) <= _LONGEST_NAME)


def _stale_override(article: Article, step: Step, then: StepBaseline) -> Problem:
    _, position = step_paths(("walkthrough", "steps", step.number), article.front_matter.data)
    line, column = article.front_matter.position_of(position)
    return Problem(
        article.display_path,
        line,
        codes.STALE_OVERRIDE,
        f"walkthrough.steps.{step.number}",
        f"step {step.number} now reads '{step.text}'; its override was written for '{then.text}';"
        f" if steps were inserted or removed, run: helpcentre renumber {article.ref}",
        column,
        Severity.WARNING,
    )
