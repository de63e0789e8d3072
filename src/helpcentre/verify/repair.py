"""What `fix` may change on its own: a control the product renamed, and only that.

A label is repaired when the step's baseline shows exactly one control of that name, and the
page now has, in the same container and at the same position among the controls of its role,
exactly one control with another name, while the container still holds as many of them. A
removed field, a moved flow or two candidates are left to a writer, with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from helpcentre.articles.names import reader_name
from helpcentre.capture.aria_tree import AriaNode, parse_aria_snapshot


@dataclass(frozen=True)
class Rename:
    old: str
    new: str
    role: str

    def describe(self) -> str:
        return f"**{self.old}** → **{self.new}**"


def _read(name: str) -> str:
    return reader_name(name).casefold()


def suggest_rename(baseline_aria: str, page_aria: str, label: str, roles: tuple[str, ...]) -> tuple[Rename | None, str]:
    """The rename that explains a label no longer on the page, or None and why a writer must decide.

    Like is compared with like: the control's container in the baseline with the same container
    on the page; where the baseline's picture shows no named container, its run of controls of
    that role with the same run on the page.
    """
    baseline, page = parse_aria_snapshot(baseline_aria), parse_aria_snapshot(page_aria)
    wanted = _read(label)
    named = [node for node in baseline.walk() if node.role in roles and _read(node.name) == wanted]
    if len(named) != 1:
        return None, f"the step's baseline does not show exactly one control named '{label}'"
    old = named[0]
    # A container named after the control itself ("rowheader 'Payment methods'") is renamed with it.
    container = next((node for node in old.ancestors() if node.name and wanted not in _read(node.name)), None)
    if container is None and old.parent is not None and old.parent.role == "root":
        # The baseline is framed on this very container ("In the **Billing Contact** panel"):
        # its place on the page is not in the picture, so it is known by what it holds.
        return _same_contents(old, page, wanted)
    live_places = (
        [node for node in page.walk() if node.role == container.role and node.name == container.name]
        if container is not None
        else []
    )
    if len(live_places) != 1:
        found = _in_the_same_run(old, baseline, page, label)
        if found is not None:
            return found
        where = container.describe() if container else "the part of the page its picture shows"
        return None, f"{where} is not on the page once any more: the flow moved"
    in_baseline = [node for node in container.walk() if node.role == old.role]
    now = [node for node in live_places[0].walk() if node.role == old.role]
    if len(now) != len(in_baseline):
        return None, (
            f"{container.describe()} has {len(now)} {old.role}(s) where it had {len(in_baseline)}:"
            " a control was added or removed, not renamed"
        )
    candidate = now[in_baseline.index(old)]
    return _renamed_to(old, candidate, page, label)


def _renamed_to(old: AriaNode, candidate: AriaNode, page: AriaNode, label: str) -> tuple[Rename | None, str]:
    if _read(candidate.name) == _read(old.name) or not candidate.name:
        return None, f"{old.describe()} is still in its place; the step fails for another reason"
    if sum(1 for node in page.walk() if node.role == old.role and node.name == candidate.name) != 1:
        return None, f"'{candidate.name}' names more than one {old.role} on the page"
    # The article's own spelling: it is what the rewrite looks for in its words.
    return Rename(label, candidate.name, old.role), ""


def _in_the_same_run(old: AriaNode, baseline: AriaNode, page: AriaNode, label: str) -> tuple[Rename, str] | None:
    """The rename, when the baseline's controls of that role stand on the page in the same order,
    all but the old one under the same names, in exactly one place."""
    run = [node.name for node in baseline.walk() if node.role == old.role]
    position = next(
        index for index, node in enumerate(node for node in baseline.walk() if node.role == old.role) if node is old
    )
    on_page = [node for node in page.walk() if node.role == old.role]
    names = [node.name for node in on_page]
    places = [
        start
        for start in range(len(names) - len(run) + 1)
        if all((names[start + index] == name) != (index == position) for index, name in enumerate(run))
    ]
    if len(places) != 1 or len(run) < 2:
        return None
    rename, _ = _renamed_to(old, on_page[places[0] + position], page, label)
    return (rename, "") if rename is not None else None


def _same_contents(old: AriaNode, page: AriaNode, wanted: str) -> tuple[Rename | None, str]:
    """The one container of the same role on the page that holds the same entries as the baseline's,
    but for names that held the old label (its own heading, renamed with it)."""

    def contents(node: AriaNode) -> list[tuple[str, str]]:
        return [(entry.role, "" if wanted in entry.name.casefold() else entry.name) for entry in node.walk()]

    expected = contents(old)
    candidates = [
        node
        for node in page.walk()
        if node.role == old.role and node.name and node.name != old.name and _same_but_renamed(contents(node), expected)
    ]
    if len(candidates) != 1:
        found = "no" if not candidates else str(len(candidates))
        return None, f"{found} {old.role}(s) on the page hold what {old.describe()} held: it was removed or moved"
    return Rename(old.name, candidates[0].name, old.role), ""


def _same_but_renamed(found: list[tuple[str, str]], expected: list[tuple[str, str]]) -> bool:
    """Equal entries, where an entry whose name changed must be one that held the old label."""
    if len(found) != len(expected):
        return False
    return all(
        role == want_role and (name == want_name or want_name == "")
        for (role, name), (want_role, want_name) in zip(found, expected, strict=True)
    )


_CODE_OR_LINK = re.compile(r"(`+).*?\1|\[[^\]]*\]\([^)]*\)")
_FENCE = re.compile(r"^\s*(```|~~~)")


def rewrite_labels(text: str, renames: dict[str, str]) -> str:
    """The article with each renamed bold label rewritten everywhere in its words, and in the
    walkthrough's overrides (`name:`, `label:`, `text:` and field names). Code and links are
    shown to readers as they are, so they are left alone."""
    if not renames:
        return text
    lines = text.split("\n")
    in_front_matter = bool(lines) and lines[0].strip() == "---"
    in_fence = False
    for index, line in enumerate(lines):
        if index > 0 and in_front_matter and line.strip() in ("---", "..."):
            in_front_matter = False
            continue
        if in_front_matter:
            lines[index] = _rewrite_override(line, renames)
            continue
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            lines[index] = _rewrite_bold(line, renames)
    return "\n".join(lines)


def _rewrite_bold(line: str, renames: dict[str, str]) -> str:
    pieces, last = [], 0
    for match in _CODE_OR_LINK.finditer(line):
        pieces.append(_bold(line[last : match.start()], renames))
        pieces.append(match.group(0))
        last = match.end()
    pieces.append(_bold(line[last:], renames))
    return "".join(pieces)


def _bold(text: str, renames: dict[str, str]) -> str:
    for old, new in renames.items():
        text = text.replace(f"**{old}**", f"**{new}**")
    return text


def _rewrite_override(line: str, renames: dict[str, str]) -> str:
    for old, new in renames.items():
        escaped = re.escape(old)
        line = re.sub(
            rf"(\b(?:name|label|text):\s*)(['\"]?){escaped}\2(?=\s*[,}}]|\s*$)", rf"\g<1>\g<2>{new}\g<2>", line
        )
        line = re.sub(rf"^(\s*)(['\"]?){escaped}\2(\s*:)", rf"\g<1>\g<2>{new}\g<2>\g<3>", line)
    return line


def labels_by_spelling(node: AriaNode) -> dict[str, str]:
    """Every name on a page by its lower case: "registration" -> "REGISTRATION"."""
    return {entry.name.casefold(): entry.name for entry in node.walk() if entry.name}
