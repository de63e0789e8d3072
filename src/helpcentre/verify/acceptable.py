"""What `fix --accept-visual` may take as a new baseline, and why it refuses the rest.

A new picture is accepted when the product only looks different. It is refused when its
words no longer match the product (the control a bold label of the step names is renamed or
gone from the picture's ARIA snapshot), or when its frame changed kind or size a lot: a menu's
picture that became the whole viewport shows something else, not the same thing restyled. A
writer who has looked at such a picture passes the step explicitly (`--accept-reframed REF:N`).

A label names what the walk resolved it to: the name the step's override gives outright, when
that name reads as the label or begins with it ("**More options**" for the button "More options
for 'Flu vaccinations'"); else the entries the walk's own tiers find (`matching_names`: the
exact name, the name as read, then a name that begins with the label as a whole word).
"""

from __future__ import annotations

from helpcentre.articles.inference import StepPlan
from helpcentre.articles.names import reader_name
from helpcentre.articles.steps import BOLD, plain_text
from helpcentre.articles.walkthrough import Locator
from helpcentre.baselines.aria_tree import AriaNode, matching_names, parse_aria_snapshot
from helpcentre.baselines.manifest import StepBaseline
from helpcentre.verify.judge import NOT_CONTROLS
from helpcentre.verify.results import AriaCheck, StepRecord

# A frame whose area grows or shrinks past this factor shows another part of the page.
AREA_FACTOR = 2.0


def frame_kind(frame: str) -> str:
    """ "menu 'Setup' with its button" is a menu; "the part headed 'Invoices'" a headed part."""
    return frame.split(" '")[0]


def override_names(plan: StepPlan | None) -> tuple[str, ...]:
    """The names a step's walkthrough gives its controls outright: its targets' and checks'
    names, labels and texts, and those of the containers they are within."""
    if plan is None or (plan.explicit is None and plan.override is None):
        return ()
    actions = plan.explicit.actions if plan.explicit is not None else [plan.override]
    names: list[str] = []
    for action in actions:
        locator: Locator | None
        for locator in (action.target, action.expect.target if action.expect else None):
            while locator is not None:
                names += [name for name in (locator.name, locator.label, locator.text) if name]
                locator = locator.within
    return tuple(names)


def words_gone(step: StepRecord, given: tuple[str, ...] = ()) -> list[str]:
    """The step's bold labels whose control, as the walk resolved it (`given`: the names its
    override gives), its picture's ARIA snapshot renames or removes."""
    if step.aria is None or not step.aria.diff:
        return []
    before, after = _pictures(step.aria)
    now = {reader_name(node.name) for node in after.walk() if node.name}
    gone = []
    for label in (plain_text(label) for label in BOLD.findall(step.text)):
        meant = _named(label, before, given)
        if meant and not meant & now:
            gone.append(label)
    return gone


def _named(label: str, picture: AriaNode, given: tuple[str, ...]) -> set[str]:
    """The names, as read, of the entries of `picture` that `label` named when the step was walked."""
    read = reader_name(label).casefold()
    outright = {
        reader_name(name)
        for name in given
        if reader_name(name).casefold() == read or reader_name(name).casefold().startswith(read + " ")
    }
    if outright:
        return outright & {reader_name(node.name) for node in picture.walk() if node.name}
    roles = tuple({node.role for node in picture.walk()} - NOT_CONTROLS)
    return {reader_name(match.node.name) for match in matching_names(picture, label, roles)}


def _pictures(aria: AriaCheck) -> tuple[AriaNode, AriaNode]:
    """The baseline's ARIA snapshot and the new one; from the diff alone, the part of each it shows."""
    if aria.expected and aria.actual:
        return parse_aria_snapshot(aria.expected), parse_aria_snapshot(aria.actual)
    lines = aria.diff.splitlines()[2:]
    before = "\n".join(line[1:] for line in lines if line[:1] in " -")
    after = "\n".join(line[1:] for line in lines if line[:1] in " +")
    return parse_aria_snapshot(before), parse_aria_snapshot(after)


def reframed(step: StepRecord, baseline: StepBaseline | None) -> str | None:
    """How the picture's frame changed kind or size a lot from its baseline's, or None."""
    capture = step.capture
    before, after = (baseline.frame if baseline else None), capture.frame if capture else None
    size_before = (baseline.width, baseline.height) if baseline else (0, 0)
    size_after = (capture.width, capture.height) if capture else (0, 0)
    kind_changed = bool(before and after) and frame_kind(before) != frame_kind(after)
    area_before, area_after = size_before[0] * size_before[1], size_after[0] * size_after[1]
    size_changed = bool(area_before and area_after) and not (1 / AREA_FACTOR <= area_after / area_before <= AREA_FACTOR)
    if not (kind_changed or size_changed):
        return None
    return (
        f"its frame changed from {before or 'a picture'} ({size_before[0]}×{size_before[1]} px)"
        f" to {after or 'a picture'} ({size_after[0]}×{size_after[1]} px)"
    )


def refusal(
    ref: str,
    step: StepRecord,
    baseline: StepBaseline | None,
    allowed: set[tuple[str, int]],
    given: tuple[str, ...] = (),
) -> str | None:
    """Why `--accept-visual` must leave this step to a writer, or None when it may accept it.
    `given` holds the names the step's override gives its controls (`override_names`)."""
    gone = words_gone(step, given)
    if gone:
        labels = ", ".join(f"**{label}**" for label in gone)
        return (
            f"its words no longer match the product: the picture no longer has {labels};"
            " change the article's words, then verify again"
        )
    changed = reframed(step, baseline)
    if changed and (ref, step.step) not in allowed:
        return (
            f"{changed}: look at it in the report; accept it with"
            f" fix --accept-visual --accept-reframed {ref}:{step.step}"
        )
    return None


__all__ = ["frame_kind", "override_names", "reframed", "refusal", "words_gone"]
