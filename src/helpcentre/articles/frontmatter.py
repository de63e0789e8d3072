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
