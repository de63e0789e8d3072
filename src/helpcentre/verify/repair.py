"""What `fix` may change on its own: a control the product renamed, and only that.

What stands in a gone label's place is decided by `verify.candidates`, the finder verify's
report uses too; this module rewrites the article's bold labels and overrides accordingly.
A removed field, a moved flow or two candidates are left to a writer, with the reason.
"""

from __future__ import annotations

import json
import re

import yaml

from helpcentre.articles.names import reader_name, words_pattern
from helpcentre.articles.steps import BOLD
from helpcentre.baselines.aria_tree import AriaNode
from helpcentre.verify.candidates import Rename, find_candidates


def suggest_rename(baseline_aria: str, page_aria: str, label: str, roles: tuple[str, ...]) -> tuple[Rename | None, str]:
    """The rename that explains a label no longer on the page, or None and why a writer must decide."""
    found = find_candidates(baseline_aria, page_aria, label, roles)
    return found.rename, found.why


def edited_lines(text: str, renames: dict[str, str]) -> list[tuple[int, str]]:
    """The article's lines that the renames change, by line number, as they will read: the exact
    edit the verify report offers and fix makes."""
    after = rewrite_labels(text, renames).split("\n")
    return [
        (number, new) for number, (old, new) in enumerate(zip(text.split("\n"), after, strict=True), 1) if old != new
    ]


_CODE_OR_LINK = re.compile(r"(`+).*?\1|\[[^\]]*\]\([^)]*\)")
_FENCE = re.compile(r"^\s*(```|~~~)")


def rewrite_labels(text: str, renames: dict[str, str]) -> str:
    """The article with each renamed name rewritten wherever it shows it as a reader reads it: in
    its bold labels, also inside a longer one ("**Editing Home page: Opening hours**"), and in
    the walkthrough's overrides (`name:`, `label:` and `text:` values, field names), so that one
    edit renames every step that names it. Other prose, code and links are left as they are."""
    if not renames:
        return text
    # A name inside another renamed name is rewritten after it: the longer one is found whole.
    renames = dict(sorted(renames.items(), key=lambda change: -len(change[0])))
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
    return BOLD.sub(lambda match: f"**{_renamed(match.group(1), renames)}**", text)


def _renamed(words: str, renames: dict[str, str]) -> str:
    for old, new in renames.items():
        words = rename_words(words, old, new)
    return words


def rename_words(text: str, old: str, new: str) -> str:
    """`text` with the name `old`, wherever it stands as whole words read as a reader reads them
    (any quote style or spacing; a trailing colon or required mark stays), replaced by `new`. An
    `old` that is part of `new` where `new` already stands is kept: renaming twice changes nothing."""
    if not reader_name(old).strip():
        return text
    kept = [match.span() for match in _whole_words(new).finditer(text)] if reader_name(new).strip() else []

    def replace(match: re.Match[str]) -> str:
        inside_new = any(start <= match.start() and match.end() <= end for start, end in kept)
        return match.group(0) if inside_new else new

    return _whole_words(old).sub(replace, text)


def _whole_words(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){words_pattern(name)}(?!\w)")


# A name an override gives: `name: Save`, `{role: button, name: "More options for 'Flu'"}`, `text: …`.
_NAME_KEY = re.compile(r"(?<![\w-])(?:name|label|text):[ \t]+")
_DOUBLE_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
_SINGLE_QUOTED = re.compile(r"'(?:[^']|'')*'")


def _rewrite_override(line: str, renames: dict[str, str]) -> str:
    for old, new in renames.items():
        # A field keyed by the renamed name (`fields: {Opening hours: …}`) is keyed by the new one.
        escaped = re.escape(old)
        line = re.sub(rf"^(\s*)(['\"]?){escaped}\2(\s*:)", lambda m, new=new: f"{m[1]}{m[2]}{new}{m[2]}{m[3]}", line)
    pieces, last, scanned = [], 0, 0
    for key in _NAME_KEY.finditer(line):
        if key.start() < scanned:
            continue  # Words inside a value read before, not a key.
        start = key.end()
        in_flow = line.count("{", 0, start) > line.count("}", 0, start)
        end, value, style = _scalar(line, start, in_flow)
        scanned = end
        if value is None:
            continue
        renamed = _renamed(value, renames)
        if renamed != value:
            pieces += [line[last:start], _yaml_scalar(renamed, style, in_flow)]
            last = end
    return "".join([*pieces, line[last:]])


def _scalar(line: str, start: int, in_flow: bool) -> tuple[int, str | None, str]:
    """The YAML scalar at `start`: where it ends, its value, and its quote (empty when plain)."""
    quoted = {'"': _DOUBLE_QUOTED, "'": _SINGLE_QUOTED}.get(line[start : start + 1])
    if quoted is not None:
        match = quoted.match(line, start)
        if match is None:
            return start, None, ""
        try:
            value = yaml.safe_load(match.group(0))
        except yaml.YAMLError:
            return start, None, ""
        return match.end(), value if isinstance(value, str) else None, line[start]
    stop = re.compile(r"\s+#|[,}\]]" if in_flow else r"\s+#").search(line, start)
    end = stop.start() if stop else len(line)
    value = line[start:end].rstrip()
    if not value or value[0] in "{[&*!|>":
        return start, None, ""
    return start + len(value), value, ""


def _yaml_scalar(value: str, style: str, in_flow: bool) -> str:
    """`value` written in the quote it had, or plain when YAML reads it back so; else double-quoted."""
    if style == "'":
        return "'" + value.replace("'", "''") + "'"
    if not style:
        try:
            read = yaml.safe_load(("{key: %s}" if in_flow else "key: %s") % value)
        except yaml.YAMLError:
            read = None
        if read == {"key": value}:
            return value
    return json.dumps(value, ensure_ascii=False)


def labels_by_spelling(node: AriaNode) -> dict[str, str]:
    """Every name on a page by its lower case: "registration" -> "REGISTRATION"."""
    return {entry.name.casefold(): entry.name for entry in node.walk() if entry.name}
