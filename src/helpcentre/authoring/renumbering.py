"""`helpcentre renumber`: after steps are inserted or removed, move each override in
`walkthrough.steps` to the step that now has the words it was written for.

The last capture recorded each step's words and its override (screenshots/manifest.json). An
override is known by its content: the one recorded for step 6 is step 6's, wherever it stands
now. One the record does not hold (changed since, or captured before overrides were recorded) is
taken to stand where that capture found it. The recorded steps and today's are lined up in order,
so that a step which reads like another ("Click **Save**") keeps its place among them. Only the
keys are rewritten, in place: comments, quotes and layout stay as the writer left them.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from helpcentre.articles.frontmatter import FrontMatter, split_front_matter
from helpcentre.articles.model import Article
from helpcentre.articles.step_overrides import article_overrides, overrides_as_written
from helpcentre.articles.steps import Step, outline, step_words
from helpcentre.baselines.manifest import ArticleBaselines, StepBaseline

# A mapping key as YAML writes a step number: `5`, `"5"` or `'5'`.
_NUMBER_KEY = re.compile(r"""(['"]?)\d+\1""")


@dataclass(frozen=True)
class Move:
    old: int
    new: int
    # The step's words the override was written for, as the last capture recorded them.
    words: str


@dataclass
class Renumbering:
    """What `renumber` would write: the article's new text, and why not when it cannot tell."""

    text: str
    moves: list[Move] = field(default_factory=list)
    refusals: list[str] = field(default_factory=list)
    # Overrides taken to stand where the capture found them, by that step's number: recorded beside
    # it, so that a second run knows them by their content and moves nothing twice.
    assumed: dict[int, Any] = field(default_factory=dict)


def renumber(text: str, article: Article, entry: ArticleBaselines | None) -> Renumbering:
    """The overrides of `article` (whose source is `text`) moved to their steps, or the refusals."""
    raw = article.front_matter.data.get("walkthrough") or {}
    if isinstance(raw.get("steps"), list):
        return _refused(
            text,
            "its walkthrough.steps is a list with an entry for every step: edit the list, one entry per"
            " numbered step, in the order of the steps",
        )
    overrides = article_overrides(article)
    if not overrides:
        return Renumbering(text)
    if entry is None or not entry.steps:
        return _refused(
            text,
            "no capture recorded the words of its steps (screenshots/manifest.json), so nothing tells which step"
            " each override was written for; move them by hand",
        )
    recorded = entry.by_number()
    lined_up = _lined_up(entry.steps, article.steps)
    result = Renumbering(text)
    placed: dict[int, Move] = {}
    for key, spec in sorted(overrides.items()):
        written_for, known = _written_for(key, spec, recorded)
        then = recorded.get(written_for) if written_for is not None else None
        if written_for is None:
            alike = ", ".join(str(number) for number, step in sorted(recorded.items()) if step.override == spec)
            result.refusals.append(
                f"walkthrough.steps.{key} is the override the last capture recorded for steps {alike}:"
                " nothing tells which of them it was written for; move it by hand"
            )
        elif then is None:
            result.refusals.append(
                f"walkthrough.steps.{key}: the last capture had no step {key}, so nothing tells which words"
                " it was written for; move it by hand"
            )
        elif written_for not in lined_up:
            result.refusals.append(
                f"walkthrough.steps.{key} was written for '{then.text}', which no step reads now;"
                " delete it, or move it to its step by hand"
            )
        else:
            placed[key] = Move(key, lined_up[written_for], then.text)
            if not known:
                result.assumed[written_for] = spec
    taken = Counter(move.new for move in placed.values())
    result.refusals += [
        f"walkthrough.steps.{move.old} and another override would both move to step {move.new}; move them by hand"
        for move in placed.values()
        if taken[move.new] > 1
    ]
    result.moves = [move for move in placed.values() if move.new != move.old]
    if result.refusals or not result.moves:
        return Renumbering(text, refusals=result.refusals)
    rewritten = _rewrite_keys(text, article.front_matter, {move.old: move.new for move in result.moves})
    expected = {placed[key].new: spec for key, spec in overrides.items()}
    if rewritten is None or overrides_as_written(split_front_matter(rewritten, article.display_path).data) != expected:
        return _refused(text, "its front matter would not read back with the same overrides; move them by hand")
    result.text = rewritten
    return result


def _refused(text: str, why: str) -> Renumbering:
    return Renumbering(text, refusals=[why])


def _written_for(key: int, spec: Any, recorded: dict[int, StepBaseline]) -> tuple[int | None, bool]:
    """The recorded step an override was written for, and whether the record knew it by its content."""
    same = [number for number, step in recorded.items() if step.override is not None and step.override == spec]
    if key in same or not same:
        return key, bool(same)
    return (same[0], True) if len(same) == 1 else (None, True)


def _lined_up(recorded: list[StepBaseline], steps: list[Step]) -> dict[int, int]:
    """Each recorded step's number now, for the steps whose words stand in today's list, in order.

    A step whose labels alone were respelt, in a place of its own, is still that step.
    """
    before = sorted(recorded, key=lambda step: step.step)
    old = [step_words(step.text) for step in before]
    new = [step_words(step.text) for step in steps]
    now: dict[int, int] = {}
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        pairs = list(zip(range(i1, i2), range(j1, j2), strict=False))
        respelt = tag == "replace" and i2 - i1 == j2 - j1 and all(outline(old[i]) == outline(new[j]) for i, j in pairs)
        if tag == "equal" or respelt:
            now.update((before[i].step, j + 1) for i, j in pairs)
    return now


def _rewrite_keys(text: str, front_matter: FrontMatter, renames: dict[int, int]) -> str | None:
    """`text` with each key `old` of walkthrough.steps written `new`, where it stands, quotes kept;
    None if a key is not where the parse put it."""
    lines = text.splitlines(keepends=True)
    places = []
    for path, line in front_matter.lines.items():
        if len(path) == 3 and path[:2] == ("walkthrough", "steps") and str(path[2]).isdigit():
            number = int(path[2])
            if number in renames:
                places.append((line, front_matter.columns.get(path, 1), renames[number]))
    # From the end of each line back, so that an edit never moves the place of the next.
    for line, column, new in sorted(places, reverse=True):
        row = lines[line - 1]
        key = _NUMBER_KEY.match(row, column - 1)
        if key is None:
            return None
        lines[line - 1] = f"{row[: key.start()]}{key[1]}{new}{key[1]}{row[key.end() :]}"
    return "".join(lines)
