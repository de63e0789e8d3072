"""What `fix` may change on its own: a control the product renamed, and only that.

A label is repaired when the step's baseline shows exactly one control of that name, and the
page now has, in the same container and at the same position among the controls of its role,
exactly one control with another name, while the container still holds as many of them. A
removed field, a moved flow or two candidates are left to a writer, with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from helpcentre.capture.aria_tree import AriaNode, parse_aria_snapshot


@dataclass(frozen=True)
class Rename:
    old: str
    new: str
    role: str

    def describe(self) -> str:
        return f"**{self.old}** → **{self.new}**"


def suggest_rename(baseline_aria: str, page_aria: str, label: str, roles: tuple[str, ...]) -> tuple[Rename | None, str]:
    """The rename that explains a label no longer on the page, or None and why a writer must decide."""
    baseline, page = parse_aria_snapshot(baseline_aria), parse_aria_snapshot(page_aria)
    wanted = " ".join(label.split()).casefold()
    named = [node for node in baseline.walk() if node.role in roles and node.name.casefold() == wanted]
    if len(named) != 1:
        return None, f"the step's baseline does not show exactly one control named '{label}'"
    old = named[0]
    container = next((node for node in old.ancestors() if node.name), None)
    place = baseline if container is None else container
    in_baseline = [node for node in place.walk() if node.role == old.role]
    position = in_baseline.index(old)
    if container is None:
        live_places = [page]
    else:
        live_places = [node for node in page.walk() if node.role == container.role and node.name == container.name]
    if len(live_places) != 1:
        where = container.describe() if container else "the page"
        return None, f"{where} is not on the page once any more: the flow moved"
    now = [node for node in live_places[0].walk() if node.role == old.role]
    if container is None and old.parent is not None and old.parent.role == "root":
        # The baseline is framed on this very container ("In the **Billing Contact** panel"):
        # its place on the page is not in the picture, so it is known by what it holds.
        return _same_contents(old, page, wanted)
    if len(now) != len(in_baseline):
        where = container.describe() if container else "the page"
        return None, (
            f"{where} has {len(now)} {old.role}(s) where it had {len(in_baseline)}:"
            " a control was added or removed, not renamed"
        )
    candidate = now[position]
    if candidate.name == old.name or not candidate.name:
        return None, f"{old.describe()} is still in its place; the step fails for another reason"
    if sum(1 for node in page.walk() if node.role == old.role and node.name == candidate.name) != 1:
        return None, f"'{candidate.name}' names more than one {old.role} on the page"
    return Rename(old.name if old.name.casefold() == wanted else label, candidate.name, old.role), ""


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
