"""What a verify run offers `fix` for a drifted step: a rename, with the article's exact edit.

The rename comes from the one candidate finder (`verify.candidates`): the step's baseline
container compared with the same container now. Verify writes it in the step's record
(`repair`: from, to, and the article's lines as they will read) and in its message; `fix`
makes exactly that rename. When there is none, `repair_refused` says why, in the same words
the message ends with.
"""

from __future__ import annotations

from dataclasses import dataclass

from helpcentre.articles import Article
from helpcentre.articles.steps import plain_text
from helpcentre.baselines.paths import step_files
from helpcentre.baselines.store import BaselineStore
from helpcentre.project import Project
from helpcentre.verify.candidates import NOT_IN_BASELINE, Candidates, Rename, find_candidates
from helpcentre.verify.repair import edited_lines
from helpcentre.verify.results import Repair, StepRecord

# The article's changed lines shown in a message; the report's record holds them all.
EDIT_LINES_SHOWN = 3


@dataclass
class Offer:
    """What a run offers `fix` for a step: the renames, or why there is none, and the words the
    step's message ends with. No offer at all leaves the step's message as it is."""

    repair: list[Repair] | None = None
    refused: str | None = None
    message_end: str = ""
    # The rename replaces the walk's own line on how to settle the step: one answer, the one fix makes.
    instead_of_hint: bool = False


def flow_offer(
    project: Project, store: BaselineStore, article: Article, number: int, failure, frames: dict[int, str]
) -> Offer:
    """For a step that failed because a name is no longer on the page: the rename, or why none.

    The control is looked for in the step's own baseline, else in the latest earlier one that
    shows it: a step photographed after it acts shows the page the control led to. A label that
    misspells one name on the page is that name, baseline or none: the step's message says so.
    """
    if failure.missing is None:
        return Offer()
    label, roles = failure.missing
    if failure.meant is not None:
        role, name = failure.meant
        return _typo_offer(project, article, Rename(plain_text(label), name, role))
    if not failure.page_aria:
        return Offer(refused="the page could not be read when the step failed")
    found: Candidates | None = None
    for earlier in range(number, 0, -1):
        baseline = store.path(step_files(article.ref, earlier).aria)
        if not baseline.exists():
            continue
        aria = baseline.read_text(encoding="utf-8")
        found = find_candidates(aria, failure.page_aria, plain_text(label), roles, frames.get(earlier, ""))
        if not found.why.startswith(NOT_IN_BASELINE):
            break
    if found is None:
        return Offer(refused="there is no baseline of this step to compare the page with")
    return _offer(project, article, found)


def text_offer(project: Project, article: Article, shot, baseline_aria: str | None, frame: str) -> Offer:
    """For bold labels the page no longer shows: a rename for each (a case-only spelling, or the
    one entry standing in the label's place in the picture's container), or why not."""
    renames: list[Rename] = []
    for label in shot.missing_labels or []:
        spelled = shot.label_spellings.get(label)
        if spelled is not None:
            renames.append(Rename(label, spelled, "text"))
            continue
        if baseline_aria is None:
            return Offer(refused="the step's baseline has no ARIA record to compare the page with")
        found = find_candidates(baseline_aria, shot.aria, plain_text(label), (), frame)
        if found.rename is None:
            return _offer(project, article, found)
        renames.append(Rename(label, found.rename.new, found.rename.role))
    if not renames:
        return Offer()
    changes = [_change(project, article, rename) for rename in renames]
    if not all(change.edit for change in changes):
        return Offer()
    return Offer(changes, message_end="fix can rewrite " + ", ".join(r.describe() for r in renames))


def _offer(project: Project, article: Article, found: Candidates) -> Offer:
    rename = found.rename
    if rename is not None:
        change = _change(project, article, rename)
        if not change.edit:
            why = f"the article names **{rename.old}** nowhere fix rewrites: its bold words and its overrides"
            return Offer(refused=why, message_end=f"fix cannot rename it: {why}")
        return Offer([change], message_end=found.offer(), instead_of_hint=True)
    if found.why.startswith(NOT_IN_BASELINE):
        # Words the baseline shows in no named entry (a paragraph's): the step's own message says it all.
        return Offer()
    return Offer(refused=found.why, message_end=found.offer())


def _typo_offer(project: Project, article: Article, rename: Rename) -> Offer:
    """The page's spelling of a misspelt label, written where the article has it; the step's own
    "did you mean" stays in its message, so capture, explain and the report say the same."""
    change = _change(project, article, rename)
    if not change.edit:
        why = f"the article names **{rename.old}** nowhere fix rewrites: its bold words and its overrides"
        return Offer(refused=why)
    return Offer([change], message_end=f"fix can rewrite {rename.describe()}")


def _change(project: Project, article: Article, rename: Rename) -> Repair:
    """The rename as the step's record holds it, with the article's lines as they will read."""
    path = project.docs_dir / f"{article.ref}.md"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    edit = [
        f"{article.display_path}:{line}: {words.strip()}"
        for line, words in edited_lines(text, {rename.old: rename.new})
    ]
    return Repair(rename.old, rename.new, rename.role, edit)


def with_offer(step: StepRecord, message: str, offer: Offer, hint: str = "") -> None:
    """The step's message with the offer in it, and what fix reads. `hint` is the walk's own line to
    settle the step, which a rename replaces: one answer, the one fix makes."""
    if offer.instead_of_hint and hint:
        message = message.replace(f"; {hint}", "")
    if offer.message_end:
        message = f"{message}; {offer.message_end}"
    edits = [line for change in offer.repair or [] for line in change.edit]
    if edits:
        shown = "; ".join(edits[:EDIT_LINES_SHOWN])
        more = f" and {len(edits) - EDIT_LINES_SHOWN} more line(s)" if len(edits) > EDIT_LINES_SHOWN else ""
        message += f" (the article's edit: {shown}{more})"
    step.message = message
    if offer.repair is not None:
        step.repair = offer.repair
    if offer.refused is not None:
        step.repair_refused = offer.refused


__all__ = ["Offer", "flow_offer", "text_offer", "with_offer"]
