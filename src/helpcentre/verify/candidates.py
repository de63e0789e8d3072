"""What stands on the page where a step's label used to be: the one finder verify and fix share.

Verify offers a rename when a step's bold label is gone, and fix makes exactly that rename, so
both ask this module and cannot disagree. Like is compared with like: the container that held
the control in the step's baseline (its ARIA record: the table, list, menu, tab list, panel or
dialog around it, or the whole of what the picture shows) with the same container on the page
now, found by its role and name as a reader reads them, else by what it still holds. There, the
entries of the control's role that the baseline did not have are the candidates; exactly one,
named once on the page, is the rename. Names are compared as read (`reader_name`), and a
container named after the control itself (a table's row header around its link) is renamed with it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from helpcentre.articles.names import reader_name
from helpcentre.baselines.aria_tree import AriaNode, parse_aria_snapshot
from helpcentre.plurals import counted, plural_of

NOT_IN_BASELINE = "the step's baseline does not show exactly one control named"


@dataclass(frozen=True)
class Rename:
    old: str
    new: str
    role: str

    def describe(self) -> str:
        return f"**{self.old}** → **{self.new}**"


@dataclass(frozen=True)
class Candidates:
    """What stands in a label's place now, in the container that held it; `why` there is no one rename."""

    label: str
    role: str = ""
    where: str = ""
    names: tuple[str, ...] = ()
    why: str = ""

    @property
    def rename(self) -> Rename | None:
        if self.why or len(self.names) != 1:
            return None
        # The article's own spelling is what the rewrite looks for; the page's, as read, replaces it.
        return Rename(self.label, reader_name(self.names[0]), self.role)

    def offer(self) -> str:
        """One line for the report: the rename fix makes, or why it makes none."""
        rename = self.rename
        if rename is None:
            return f"fix cannot rename it: {self.why}"
        return f"{self.where} has {self.role} '{self.names[0]}' in its place: fix can rename {rename.describe()}"


def _read(name: str) -> str:
    return reader_name(name).casefold()


def find_candidates(
    baseline_aria: str, page_aria: str, label: str, roles: tuple[str, ...] = (), frame: str = ""
) -> Candidates:
    """What replaced `label` (a control of one of `roles`, any named entry when empty) between the
    step's baseline and the page now. `frame` is how the manifest names the baseline's picture."""
    baseline, page = parse_aria_snapshot(baseline_aria), parse_aria_snapshot(page_aria)
    wanted = _read(label)
    named = _innermost(
        [
            node
            for node in baseline.walk()
            if node.name and (not roles or node.role in roles) and _read(node.name) == wanted
        ]
    )
    if len(named) != 1:
        return Candidates(label, why=f"{NOT_IN_BASELINE} '{label}'")
    old = named[0]
    # A container named after the control itself ("rowheader 'Groups'", "row 'Groups Add Change'") is renamed with it.
    container = next((node for node in old.ancestors() if node.name and wanted not in _read(node.name)), None)
    if container is None and old.parent is baseline and old.children:
        # The picture is of this very container ("In the **Billing Contact** panel"): known by what it holds.
        if any(node.role == old.role and _read(node.name) == wanted for node in page.walk()):
            still = f"{old.describe()} is still on the page; the step fails for another reason"
            return Candidates(label, old.role, why=still)
        return _renamed_container(old, page, label, wanted)
    scope = container or baseline
    where = container.describe() if container is not None else (frame or "the part of the page its picture shows")
    places, why = _same_place(scope, container, page, wanted, where)
    if why:
        return Candidates(label, old.role, where, why=why)
    found = {_stand_ins(old, scope, place, wanted, where) for place in places}
    if len(found) != 1:
        return Candidates(label, old.role, where, why=f"what {where} held is on the page {len(places)} times")
    names, why = found.pop()
    if why:
        return Candidates(label, old.role, where, names, why)
    times = sum(1 for node in page.walk() if node.role == old.role and _read(node.name) == _read(names[0]))
    if times != 1:
        return Candidates(label, old.role, where, names, f"'{names[0]}' names more than one {old.role} on the page")
    return Candidates(label, old.role, where, names)


def _innermost(nodes: list[AriaNode]) -> list[AriaNode]:
    """Of entries that share a name, the ones holding no other: the link, not its row header."""
    return [node for node in nodes if not any(other is not node and _within(other, node) for other in nodes)]


def _within(node: AriaNode, container: AriaNode) -> bool:
    current = node.parent
    while current is not None:
        if current is container:
            return True
        current = current.parent
    return False


def _holdings(node: AriaNode, wanted: str) -> Counter[tuple[str, str]]:
    """The named entries under `node`, as read, but those that held the label (renamed with it)."""
    return Counter(
        (entry.role, _read(entry.name)) for entry in node.walk() if entry.name and wanted not in _read(entry.name)
    )


def _same_place(
    scope: AriaNode, container: AriaNode | None, page: AriaNode, wanted: str, where: str
) -> tuple[list[AriaNode], str]:
    """The page's entries that are the baseline's container now: by role and name when it has one
    found once, else the smallest parts of the page that hold the most of what it held."""
    if container is not None:
        same = [
            node for node in page.walk() if node.role == container.role and _read(node.name) == _read(container.name)
        ]
        if len(same) == 1:
            return same, ""
    expected = _holdings(scope, wanted)
    if not expected:
        return [], f"{where} holds nothing else to know it by on the page"
    scored = [(sum((expected & _holdings(node, wanted)).values()), node) for node in [page, *page.walk()]]
    best = max(score for score, _ in scored)
    if best * 2 < sum(expected.values()):
        return [], f"{where} is not on the page any more: the flow moved"
    tops = [node for score, node in scored if score == best]
    return [node for node in tops if not any(other is not node and _within(other, node) for other in tops)], ""


def _stand_ins(old: AriaNode, scope: AriaNode, place: AriaNode, wanted: str, where: str) -> tuple[tuple[str, ...], str]:
    """The names of `old`'s role in `place` that stand where `scope` had the label, or why none does.

    With as many entries as the baseline had: the one name the baseline did not have; when
    several were renamed, each in its own place, the one in the label's place. With more entries
    now: a run of as many as the baseline had that differs from it by the label alone, wherever
    it starts, and the same one wherever it is found."""
    kind = [node for node in scope.walk() if node.role == old.role]
    before = [node.name for node in kind]
    now = [node.name for node in place.walk() if node.role == old.role]
    if wanted in map(_read, now):
        there = "the page" if place.role == "root" else place.describe()
        return (), f"{old.describe()} is still there ({there}); the step fails for another reason"
    if len(now) == len(before):
        new = _new_names(before, now, wanted)
        if new is not None:
            return new, ""
        gone = Counter(map(_read, before)) - Counter(map(_read, now))
        added = Counter(map(_read, now)) - Counter(map(_read, before))
        if all(
            _read(then) == _read(name) or (_read(then) in gone and _read(name) in added)
            for then, name in zip(before, now, strict=True)
        ):
            return (now[kind.index(old)],), ""
        return (), f"several {plural_of(old.role)} in {where} changed names or places: a writer must say which is which"
    runs = {
        new
        for start in range(len(now) - len(before) + 1)
        if (new := _new_names(before, now[start : start + len(before)], wanted)) is not None
    }
    if len(runs) == 1:
        return runs.pop(), ""
    return (
        (),
        f"{where} has {counted(len(now), old.role)} where it had {len(before)}:"
        " a control was added or removed, not renamed",
    )


def _new_names(before: list[str], now: list[str], wanted: str) -> tuple[str, ...] | None:
    """The one name `now` has instead of the label, when the label is all that `before` lost."""
    gone = Counter(map(_read, before)) - Counter(map(_read, now))
    if gone != Counter([wanted]):
        return None
    new = Counter(map(_read, now)) - Counter(map(_read, before))
    if sum(new.values()) != 1:
        return None
    read = next(iter(new))
    return (next(name for name in now if _read(name) == read),)


def _renamed_container(old: AriaNode, page: AriaNode, label: str, wanted: str) -> Candidates:
    """The one container of the same role on the page holding the same entries as the baseline's,
    but for those that held the old label (its own heading, renamed with it)."""

    def contents(node: AriaNode) -> list[tuple[str, str]]:
        return [(entry.role, "" if wanted in _read(entry.name) else _read(entry.name)) for entry in node.walk()]

    expected = contents(old)
    found = [
        node.name
        for node in page.walk()
        if node.role == old.role
        and node.name
        and _read(node.name) != wanted
        and _same_but_renamed(contents(node), expected)
    ]
    if len(found) != 1:
        count = "no" if not found else str(len(found))
        return Candidates(
            label,
            old.role,
            why=f"{count} {plural_of(old.role)} on the page hold what {old.describe()} held: it was removed or moved",
        )
    return Candidates(label, old.role, "the page", tuple(found))


def _same_but_renamed(found: list[tuple[str, str]], expected: list[tuple[str, str]]) -> bool:
    """Equal entries, where an entry whose name changed must be one that held the old label."""
    if len(found) != len(expected):
        return False
    return all(
        role == want_role and (name == want_name or want_name == "")
        for (role, name), (want_role, want_name) in zip(found, expected, strict=True)
    )


__all__ = ["NOT_IN_BASELINE", "Candidates", "Rename", "find_candidates"]
