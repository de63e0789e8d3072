"""Split a Markdown file into YAML front matter and body, keeping the line of every value."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from helpcentre.articles import problems as codes
from helpcentre.articles.problems import Problem

FieldPath = tuple[str | int, ...]

# libyaml's parser when it is installed: a help centre of a thousand articles parses ten times faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class FrontMatter:
    """Parsed front matter: the data, where each value stands, and the body after it."""

    data: dict[str, Any]
    lines: dict[FieldPath, int]
    body: str
    body_line: int
    problems: list[Problem] = field(default_factory=list)
    columns: dict[FieldPath, int] = field(default_factory=dict)

    def line_of(self, path: FieldPath) -> int:
        """The file line of a field, or of its nearest ancestor that exists."""
        return self.position_of(path)[0]

    def position_of(self, path: FieldPath) -> tuple[int, int]:
        """`(line, column)` of a field, or of its nearest ancestor that exists; both count from 1."""
        while path:
            if path in self.lines:
                return self.lines[path], self.columns.get(path, 1)
            path = path[:-1]
        return 1, 1


Source = str | bytes


def decode_source(data: Source, display_path: str) -> tuple[str | None, Problem | None]:
    """A Markdown file's text, or the problem that it is not UTF-8: which byte, on which line.

    A byte-order mark is allowed, as MkDocs allows it.
    """
    if isinstance(data, str):
        return data, None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        byte = data[error.start]
        message = (
            f"the file is not UTF-8: byte 0x{byte:02X} at line {line}, column {column} cannot be read;"
            " save the file as UTF-8 (in most editors: File > Save with Encoding > UTF-8)"
        )
        return None, Problem(display_path, line, codes.NOT_UTF8, "", message, column)


def split_front_matter(text: str, display_path: str) -> FrontMatter:
    """Parse `---` delimited YAML at the top of `text`; problems are collected, not raised."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        problem = Problem(display_path, 1, codes.NO_FRONT_MATTER, "", "no front matter: the file must start with '---'")
        return FrontMatter({}, {}, text, 1, [problem])
    closing = _closing_line(lines)
    if closing is None:
        problem = Problem(display_path, 1, codes.NO_FRONT_MATTER, "", "front matter is not closed with '---'")
        return FrontMatter({}, {}, text, 1, [problem])

    yaml_text = "".join(lines[1:closing])
    body = "".join(lines[closing + 1 :])
    body_line = closing + 2
    # One parse gives both the node tree (for line numbers) and the data built from it.
    loader = _Loader(yaml_text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 2, mark.column + 1) if mark else (1, 1)
        problem = Problem(display_path, line, codes.YAML_SYNTAX, "", f"invalid YAML: {error.problem}", column)
        return FrontMatter({}, {}, body, body_line, [problem])
    if node is None:
        return FrontMatter({}, {}, body, body_line)
    if not isinstance(node, yaml.MappingNode):
        problem = Problem(display_path, 2, codes.YAML_SYNTAX, "", "front matter must be a mapping of keys to values")
        return FrontMatter({}, {}, body, body_line, [problem])

    alias = _first_alias(node)
    if alias is not None:
        # An alias expands to its anchor; nested ones grow exponentially (a "billion laughs"
        # bomb). Front matter never needs them, so they are refused before anything expands.
        problem = Problem(
            display_path,
            alias.start_mark.line + 2,
            codes.YAML_ALIAS,
            "",
            "YAML anchors and aliases (&name, *name) are not allowed in front matter; write the value out",
            alias.start_mark.column + 1,
        )
        loader.dispose()
        return FrontMatter({}, {}, body, body_line, [problem])
    found: list[Problem] = []
    line_map: dict[FieldPath, int] = {}
    column_map: dict[FieldPath, int] = {}
    _record_positions(node, (), line_map, column_map, found, display_path)
    try:
        data = loader.construct_document(node) or {}
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 2, mark.column + 1) if mark else (1, 1)
        problem = Problem(display_path, line, codes.YAML_SYNTAX, "", f"invalid YAML: {error.problem}", column)
        return FrontMatter({}, {}, body, body_line, [problem])
    finally:
        loader.dispose()
    return FrontMatter(data, line_map, body, body_line, found, column_map)


def _first_alias(root: yaml.Node) -> yaml.Node | None:
    """A node reached twice: how PyYAML composes an alias. Each node is visited once, so this is linear."""
    seen: set[int] = set()
    pending = [root]
    while pending:
        node = pending.pop()
        if id(node) in seen:
            return node
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                pending.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            pending.extend(node.value)
    return None


def _closing_line(lines: list[str]) -> int | None:
    """The index of the line that closes front matter opened by `---` on the first line."""
    return next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)


def body_of(text: str) -> tuple[str, int]:
    """The body of a page and the file line it starts on, after front matter if it has any.

    For pages that are not articles: their front matter belongs to MkDocs, not to this schema.
    """
    lines = text.splitlines(keepends=True)
    closing = _closing_line(lines) if lines and lines[0].rstrip() == "---" else None
    if closing is None:
        return text, 1
    return "".join(lines[closing + 1 :]), closing + 2


def _record_positions(
    node: yaml.Node,
    path: FieldPath,
    line_map: dict[FieldPath, int],
    column_map: dict[FieldPath, int],
    found: list[Problem],
    display_path: str,
) -> None:
    # +2: the YAML starts on file line 2, and marks count from 0.
    line_map[path] = node.start_mark.line + 2
    column_map[path] = node.start_mark.column + 1
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                found.append(
                    Problem(
                        display_path,
                        key_node.start_mark.line + 2,
                        codes.DUPLICATE_KEY,
                        format_field((*path, key)),
                        "key appears twice; the second value would silently win",
                        column=key_node.start_mark.column + 1,
                    )
                )
            seen.add(key)
            _record_positions(value_node, (*path, key), line_map, column_map, found, display_path)
            line_map[(*path, key)] = key_node.start_mark.line + 2
            column_map[(*path, key)] = key_node.start_mark.column + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_positions(item, (*path, index), line_map, column_map, found, display_path)


def format_field(path: FieldPath) -> str:
    """`('walkthrough', 'steps', 2, 'target')` -> `walkthrough.steps[2].target`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text
