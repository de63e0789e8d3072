"""Playwright's ARIA snapshot as a tree of (role, name) entries: what the page calls things.

The snapshot lists only what a person can perceive (hidden elements are left out), with the
accessible names Playwright computes, so resolving a label against it and listing a page's
controls for a writer both use names exactly as `get_by_role` matches them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

_ENTRY = re.compile(r'^(?P<indent>\s*)- (?P<role>[a-z]+)(?: "(?P<name>(?:[^"\\]|\\.)*)")?(?P<rest>.*)$')


@dataclass
class AriaNode:
    role: str
    name: str
    children: list[AriaNode] = field(default_factory=list)
    parent: AriaNode | None = None
    attributes: str = ""
    # Text given inline: `- paragraph: Self Address saved.`
    text: str = ""

    def walk(self) -> Iterator[AriaNode]:
        for child in self.children:
            yield child
            yield from child.walk()

    def ancestors(self) -> Iterator[AriaNode]:
        current = self.parent
        while current is not None and current.role != "root":
            yield current
            current = current.parent

    def describe(self) -> str:
        return f"{self.role} '{self.name}'" if self.name else self.role

    def all_text(self) -> str:
        """The text of this entry and everything under it, as one line."""
        parts = [self.text, *(node.text or node.name for node in self.walk())]
        return " ".join(part for part in parts if part)


def parse_aria_snapshot(snapshot: str) -> AriaNode:
    """The snapshot's entries as a tree under a `root` node; text lines and properties are skipped."""
    root = AriaNode("root", "")
    stack: list[tuple[int, AriaNode]] = [(-1, root)]
    for line in snapshot.splitlines():
        match = _ENTRY.match(line)
        if match is None:
            continue
        indent = len(match.group("indent"))
        name = (match.group("name") or "").replace('\\"', '"').replace("\\\\", "\\")
        while stack and stack[-1][0] >= indent:
            stack.pop()
        parent = stack[-1][1]
        rest = match.group("rest") or ""
        text = rest.split(": ", 1)[1].strip().strip('"') if ": " in rest else ""
        node = AriaNode(match.group("role"), name, parent=parent, attributes=rest, text=text)
        parent.children.append(node)
        stack.append((indent, node))
    return root


def names_with_roles(root: AriaNode, roles: tuple[str, ...]) -> list[AriaNode]:
    return [node for node in root.walk() if node.role in roles and node.name]


@dataclass(frozen=True)
class NameMatch:
    """How a label matched an accessible name: the writer's spelling decides which tier counts."""

    node: AriaNode
    how: str  # "exact", "case" (only the case differs), or "start" (the name begins with the label)


def matching_names(root: AriaNode, label: str, roles: tuple[str, ...]) -> list[NameMatch]:
    """Entries of these roles named by `label`: exact names first, then a case-only difference,
    then names that begin with the label as a whole word ("Pay" for "Pay November 2026", whose
    visible text is "Pay" and whose period is for screen readers)."""
    wanted = " ".join(label.split())
    candidates = names_with_roles(root, roles)
    tiers = (
        ("exact", lambda name: name == wanted),
        ("case", lambda name: name.casefold() == wanted.casefold()),
        ("start", lambda name: name.startswith(wanted + " ")),
        ("start", lambda name: name.casefold().startswith(wanted.casefold() + " ")),
    )
    for how, test in tiers:
        found = [NameMatch(node, how) for node in candidates if test(" ".join(node.name.split()))]
        if found:
            return found
    return []
