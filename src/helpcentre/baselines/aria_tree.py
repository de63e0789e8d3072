"""Playwright's ARIA snapshot as a tree of (role, name) entries: what the page calls things.

The snapshot lists only what a person can perceive (hidden elements are left out), with the
accessible names Playwright computes, so resolving a label against it and listing a page's
controls for a writer both use names exactly as `get_by_role` matches them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from helpcentre.articles.names import reader_name

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
    # "exact"; "as read" (only a colon, a required mark, quote style or spacing differs: not
    # drift); "case" (only the case differs); or "start" (the name begins with the label).
    how: str


def matching_names(root: AriaNode, label: str, roles: tuple[str, ...]) -> list[NameMatch]:
    """Entries of these roles named by `label`: exact names first, then names that read the same
    ("Client" for "Client:" or "Client *", "Yes, I'm sure" for "Yes, I’m sure"), then a case-only
    difference, then names that begin with the label as a whole word ("Pay" for "Pay November
    2026", whose visible text is "Pay" and whose period is for screen readers)."""
    wanted = " ".join(label.split())
    read = reader_name(label)
    candidates = [(node, " ".join(node.name.split()), reader_name(node.name)) for node in names_with_roles(root, roles)]
    tiers = (
        ("exact", lambda name, as_read: name == wanted),
        ("as read", lambda name, as_read: as_read == read),
        ("case", lambda name, as_read: as_read.casefold() == read.casefold()),
        ("start", lambda name, as_read: name.startswith(wanted + " ") or as_read.startswith(read + " ")),
        ("start", lambda name, as_read: as_read.casefold().startswith(read.casefold() + " ")),
    )
    for how, test in tiers:
        found = [NameMatch(node, how) for node, name, as_read in candidates if test(name, as_read)]
        if found:
            return found
    return []
