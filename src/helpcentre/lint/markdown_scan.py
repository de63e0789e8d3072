"""What lint reads in a Markdown body: links, images, anchors and raw scripts, with their positions.

A line scanner, not a Markdown parser: it knows fenced code and inline code (which show
Markdown instead of meaning it) and the link, image and heading forms writers use.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from markdown.extensions.toc import slugify, unique

from helpcentre.articles.steps import lines_outside_fences, plain_text

_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_HTML_COMMENT = re.compile(r"<!--.*?-->")
# `[text](target "title")` and `![alt](src)`; the target may be wrapped in <>.
_INLINE_LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^\s)>]*)>?(?:\s+[\"'(][^)]*)?\s*\)")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s|$)")
_HTML_TAG = re.compile(r"<(a|img)\b([^>]*)>", re.IGNORECASE)
_HTML_ATTRIBUTE = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_SCRIPT = re.compile(r"<script\b", re.IGNORECASE)
_ATX_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
# `{#id}`, where an id may hold dots, as a setting's path does: `{#plugins.helpcentre.pdf.dir}`.
_ATTR_LIST_ID = re.compile(r"\{:?[^}]*?#([-\w.:]+)[^}]*\}")
_HTML_ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""")
_HEADING_ATTR_LIST = re.compile(r"\s*\{:?[^}]*\}\s*$")


@dataclass(frozen=True)
class Reference:
    """A link or image in a page: what it points at and where it is written."""

    target: str
    line: int
    column: int
    is_image: bool = False
    alt: str | None = None


@dataclass(frozen=True)
class ScriptTag:
    line: int
    column: int


def prose_lines(body: str, first_line: int, blank_code: bool = True) -> Iterator[tuple[int, str]]:
    """`(file line, text)` of every line outside fenced code, with inline code blanked out.

    Blanking keeps the columns of everything else where the writer sees them.
    """
    for line, raw in lines_outside_fences(body, first_line):
        text = _INLINE_CODE.sub(lambda match: " " * len(match.group(0)), raw) if blank_code else raw
        yield line, _HTML_COMMENT.sub(lambda match: " " * len(match.group(0)), text)


def references(body: str, first_line: int) -> list[Reference]:
    found: list[Reference] = []
    for line, text in prose_lines(body, first_line):
        definition = _REFERENCE_DEFINITION.match(text)
        if definition:
            found.append(Reference(definition.group(2), line, definition.start(2) + 1))
            continue
        for match in _INLINE_LINK.finditer(text):
            is_image = match.group(1) == "!"
            alt = match.group(2) if is_image else None
            found.append(Reference(match.group(3), line, match.start() + 1, is_image, alt))
        for match in _HTML_TAG.finditer(text):
            attributes = _attributes(match.group(2))
            if match.group(1).lower() == "a" and "href" in attributes:
                found.append(Reference(attributes["href"], line, match.start() + 1))
            elif match.group(1).lower() == "img":
                found.append(Reference(attributes.get("src", ""), line, match.start() + 1, True, attributes.get("alt")))
    return found


def script_tags(body: str, first_line: int) -> list[ScriptTag]:
    return [
        ScriptTag(line, match.start() + 1)
        for line, text in prose_lines(body, first_line)
        for match in _SCRIPT.finditer(text)
    ]


@cache
def anchors(body: str) -> frozenset[str]:
    """The ids a page's headings and attribute lists get, as Python-Markdown's toc makes them."""
    used: set[str] = set()
    found: set[str] = set()
    # A heading's inline code is part of its anchor, as in `## The `Save` button`.
    for _, text in prose_lines(body, 1, blank_code=False):
        heading = _ATX_HEADING.match(text)
        if heading:
            title = heading.group(2).rstrip("#").rstrip()
            custom = _ATTR_LIST_ID.search(title)
            if custom:
                found.add(custom.group(1))
                used.add(custom.group(1))
                continue
            found.add(unique(slugify(plain_text(_HEADING_ATTR_LIST.sub("", title)), "-"), used))
            continue
        found.update(_ATTR_LIST_ID.findall(text))
        found.update(_HTML_ID.findall(text))
    return frozenset(found)


def _attributes(text: str) -> dict[str, str]:
    return {
        match.group(1).lower(): next(value for value in match.group(2, 3, 4) if value is not None)
        for match in _HTML_ATTRIBUTE.finditer(text)
    }
