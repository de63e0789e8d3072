"""`helpcentre fix`: repair what verify found and can be repaired safely, and say what cannot.

From the last verify run (or a new one), for each drifted step:
- a control the product renamed: its bold label is rewritten everywhere in the article's words
  and overrides, the article is walked again, and if the walk succeeds its new shots become the
  baselines; if it does not, the article is put back as it was;
- visual or structure drift whose walk succeeded: its shots are accepted, with `accept_visual`;
- anything else (a removed field, a moved flow, several candidates): nothing changes, and the
  summary says why and what a writer must decide.
Changes go into the working tree only; the articles' unified diff is saved in the report that
found the drift, which stays as it was; the walks after a rename report beside it (`…-fix`).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from helpcentre import atomic
from helpcentre.articles import HelpCentre, Severity
from helpcentre.baselines.manifest import Manifest
from helpcentre.baselines.store import BaselineStore
from helpcentre.capture import EngineError, Progress
from helpcentre.project import Project
from helpcentre.verify.accept import accept
from helpcentre.verify.acceptable import override_names, refusal
from helpcentre.verify.engine import VerifyOptions, verify
from helpcentre.verify.repair import rewrite_labels
from helpcentre.verify.results import ArticleRecord, Status, StepRecord, read_results

PATCH_FILE = "fix.patch"
# Drift that a new picture settles, once the walk succeeds.
VISUAL = {Status.PIXELS, Status.STRUCTURE, Status.NEW}
# Steps whose walk did not succeed: the article is walked again once its words are repaired.
WALK_FAILED = {Status.ERROR, Status.FLOW, Status.TEXT}


class FixError(EngineError):
    """The fix cannot go on (an article it wrote no longer loads): exit code 2."""


@dataclass
class FixLine:
    ref: str
    step: int
    outcome: str  # "fixed", "accepted" or "needs a writer"
    detail: str

    def __str__(self) -> str:
        return f"  {self.outcome:<15} {self.ref}: step {self.step}: {self.detail}"


@dataclass
class FixResult:
    lines: list[FixLine] = field(default_factory=list)
    patch: str = ""
    patch_path: Path | None = None

    @property
    def needs_a_writer(self) -> bool:
        return any(line.outcome == "needs a writer" for line in self.lines)


@dataclass
class FixOptions:
    selectors: list[str] = field(default_factory=list)
    accept_visual: bool = False
    target_url: str | None = None
    workers: int = 0
    ws_endpoint: str | None = None
    report_dir: Path = Path("reports/verify")
    # Steps whose new frame a writer looked at and accepts: (article ref, step number).
    accept_reframed: set[tuple[str, int]] = field(default_factory=set)


# A walk can stop at one renamed control, then at the next: each round repairs what it reached.
ROUNDS = 4


def fix(project: Project, centre: HelpCentre, options: FixOptions, progress: Progress) -> FixResult:
    try:
        results = read_results(options.report_dir)
    except FileNotFoundError:
        results = verify(project, centre, _verify_options(options, options.selectors), progress)
    chosen = {article.ref for article in centre.select(options.selectors)} if options.selectors else None
    result = FixResult()
    records = [record for record in results.articles if chosen is None or record.ref in chosen]
    visual: dict[str, list[int]] = {}
    originals: dict[str, str] = {}
    renamed_steps: dict[str, list[tuple[int, str]]] = {}
    baselines = BaselineStore(project.screenshots_dir).manifest()
    accepting = Accepting(options.accept_reframed, baselines, centre) if options.accept_visual else None
    pending = _plan(records, accepting, result, renamed_steps, visual)

    # Visual drift is accepted from the run that found it, before a new run replaces that report.
    for ref in visual:
        accepted = accept(project, centre, options.report_dir, "failed", [ref], only=visual)
        for number in accepted.steps.get(ref, []):
            result.lines.append(FixLine(ref, number, "accepted", "the new picture is the baseline now"))

    unchanged: dict[str, dict[str, str]] = {}  # Renames that changed none of an article's words.
    failing_at: dict[str, int] = {}
    for _ in range(ROUNDS):
        if not pending:
            break
        changed = _rewrite_articles(project, pending, originals)
        unchanged.update({ref: renames for ref, renames in pending.items() if ref not in changed})
        if not changed:
            pending = {}
            break
        centre = _reload(project, originals)
        run = verify(project, centre, _verify_options(options, sorted(changed), walked_again=True), progress)
        pending = {}
        for record in run.articles:
            ref = record.ref
            still = [step for step in record.steps if step.status in (Status.FLOW, Status.TEXT, Status.NOT_REACHED)]
            if not still:
                _accept_repaired(project, centre, options, ref, renamed_steps, result)
                continue
            more = _plan([record], None, FixResult(), renamed_steps, {})
            if more:
                pending.update(more)
                failing_at[ref] = next(step for step in still if step.status is not Status.NOT_REACHED).step
                continue
            # The walk still fails for a reason fix does not repair: the article goes back as it was.
            atomic.write_text(_source(project, ref), originals.pop(ref))
            renamed_steps.pop(ref, None)
            first = next(step for step in still if step.status is not Status.NOT_REACHED)
            why = first.repair_refused or first.message
            result.lines.append(FixLine(ref, first.step, "needs a writer", f"after renaming, {first.status}: {why}"))
    by_ref = {record.ref: record for record in records}
    for ref, renames in unchanged.items():
        renamed_steps.pop(ref, None)
        if ref in originals:  # Rewritten in an earlier round, and still failing: back as it was.
            atomic.write_text(_source(project, ref), originals.pop(ref))
            names = ", ".join(f"**{old}**" for old in renames)
            detail = f"after renaming, it still fails, and names {names} nowhere fix rewrites"
            result.lines.append(FixLine(ref, failing_at[ref], "needs a writer", detail))
            continue
        line = _stale(project, ref, renames, by_ref[ref])
        if line is not None:
            result.lines.append(line)
    for ref in pending:
        atomic.write_text(_source(project, ref), originals.pop(ref))
        renamed_steps.pop(ref, None)
        detail = f"still drifting after {ROUNDS} rounds of renames"
        result.lines.append(FixLine(ref, failing_at[ref], "needs a writer", detail))

    result.patch = "".join(
        _unified_diff(project, ref, before, _source(project, ref).read_text(encoding="utf-8"))
        for ref, before in sorted(originals.items())
    )
    if result.patch:
        result.patch_path = options.report_dir / PATCH_FILE
        atomic.write_text(result.patch_path, result.patch)
    result.lines.sort(key=lambda line: (line.ref, line.step))
    return result


@dataclass
class Accepting:
    """`--accept-visual`: the baselines to compare frames with, the reframed steps a writer allowed,
    and the articles, whose overrides name controls as the walk resolved them."""

    reframed: set[tuple[str, int]]
    baselines: Manifest
    centre: HelpCentre

    def refusal(self, ref: str, step: StepRecord) -> str | None:
        entry = self.baselines.entry(ref)
        baseline = entry.step(step.step) if entry is not None else None
        article = self.centre.find(ref)
        plan = next((plan for plan in article.plans if plan.number == step.step), None) if article else None
        return refusal(ref, step, baseline, self.reframed, override_names(plan))


def _plan(
    records: list[ArticleRecord],
    accepting: Accepting | None,
    result: FixResult,
    renamed_steps: dict[str, list[tuple[int, str]]],
    visual: dict[str, list[int]],
) -> dict[str, dict[str, str]]:
    """The renames to make, by article; the visual steps to accept into `visual`; what needs a
    writer goes into `result`."""
    renames: dict[str, dict[str, str]] = {}
    for record in records:
        ref = record.ref
        walk_failed = any(step.status in WALK_FAILED for step in record.steps)
        for step in record.steps:
            status = step.status
            if not status.needs_attention:
                continue
            if step.repair:
                for change in step.repair:
                    renames.setdefault(ref, {})[change.old] = change.new
                    renamed_steps.setdefault(ref, []).append((step.step, change.describe()))
            elif status in VISUAL and walk_failed:
                continue  # Decided once the walk is repaired and walked again.
            elif status in VISUAL and accepting is not None:
                refused = accepting.refusal(ref, step)
                if refused:
                    result.lines.append(FixLine(ref, step.step, "needs a writer", f"{status} drift: {refused}"))
                else:
                    visual.setdefault(ref, []).append(step.step)
            elif status in VISUAL:
                detail = f"{status} drift: look at the picture in the report; fix --accept-visual accepts it"
                result.lines.append(FixLine(ref, step.step, "needs a writer", detail))
            else:
                why = step.repair_refused or step.message
                result.lines.append(FixLine(ref, step.step, "needs a writer", f"{status}: {why}"))
    return renames


def _rewrite_articles(project: Project, renames: dict[str, dict[str, str]], originals: dict[str, str]) -> list[str]:
    """Rewrite each article's renamed labels in the working tree; the refs of those that changed."""
    changed = []
    for ref, changes in renames.items():
        path = _source(project, ref)
        before = path.read_text(encoding="utf-8")
        after = rewrite_labels(before, changes)
        if after != before:
            originals.setdefault(ref, before)
            atomic.write_text(path, after)
            changed.append(ref)
    return changed


def _stale(project: Project, ref: str, renames: dict[str, str], record: ArticleRecord) -> FixLine | None:
    """What to say of renames, from a verify run older than the article's words, that change none
    of them: nothing where its lines read as that run's edit would write them (a fix made them
    already); else, at the step they were for, that its words changed since."""
    lines = {line.strip() for line in _source(project, ref).read_text(encoding="utf-8").split("\n")}
    for drifted in record.steps:
        for change in drifted.repair or []:
            if change.old in renames and not all(_EDIT_PLACE.sub("", edit) in lines for edit in change.edit):
                detail = f"the article no longer names **{change.old}**: its words changed since the verify run"
                return FixLine(ref, drifted.step, "needs a writer", f"{detail}; verify it again")
    return None


# "docs/x.md:16: " before a line of the edit a verify run offers.
_EDIT_PLACE = re.compile(r"^.*?:\d+: ")


def _reload(project: Project, originals: dict[str, str]) -> HelpCentre:
    centre, problems = project.load_help_centre()
    errors = [problem for problem in problems if problem.severity is Severity.ERROR]
    if errors:
        for ref, before in originals.items():
            atomic.write_text(_source(project, ref), before)
        raise FixError("the rewritten articles no longer load, so they were put back:\n" + "\n".join(map(str, errors)))
    return centre


def _accept_repaired(
    project: Project,
    centre: HelpCentre,
    options: FixOptions,
    ref: str,
    renamed_steps: dict[str, list[tuple[int, str]]],
    result: FixResult,
) -> None:
    accepted = accept(project, centre, walk_again_report(options.report_dir), "failed", [ref])
    renamed = dict(renamed_steps.get(ref, []))
    for number, change in renamed.items():
        result.lines.append(FixLine(ref, number, "fixed", f"{change}; walked again and accepted"))
    for number in accepted.steps.get(ref, []):
        if number not in renamed:
            result.lines.append(FixLine(ref, number, "accepted", "its picture shows the renamed control"))


def _source(project: Project, ref: str) -> Path:
    return project.docs_dir / f"{ref}.md"


def walk_again_report(report_dir: Path) -> Path:
    """Where the walks after a rename report, so that the run that found the drift stays as it was."""
    return report_dir.parent / f"{report_dir.name}-fix"


def _verify_options(options: FixOptions, selectors: list[str], walked_again: bool = False) -> VerifyOptions:
    report_dir = walk_again_report(options.report_dir) if walked_again else options.report_dir
    return VerifyOptions(selectors, options.target_url, options.workers, options.ws_endpoint, report_dir)


def _unified_diff(project: Project, ref: str, before: str, after: str) -> str:
    name = project.display_path(_source(project, ref))
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{name}", f"b/{name}"
        )
    )
