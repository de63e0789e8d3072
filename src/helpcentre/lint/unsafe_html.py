"""Markup in an article that runs a script or brings in another page: what lint refuses as HC151.

Writers may use raw HTML. What it may not do is act in the reader's browser: an event-handler
attribute (onerror, onload, ontoggle, any on*), a javascript: or data: address in a link or a
source, or an element that embeds another document or sends what readers type elsewhere
(<iframe>, <object>, <embed>, <form>). The same goes for Markdown's own links and attribute lists
(`[Pay](javascript:…)`, `{ onclick=… }`). Raw <script> is HC150's. The build removes all of these
too (mkdocs_plugin/sanitising.py); lint says where each one is written.

Python's own HTML tokenizer reads the tags, so a tag split over lines or an entity-encoded
address is read the way a browser reads it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from helpcentre.lint.markdown_scan import prose_lines

_EMBEDDING = {
    "iframe": "it embeds another page in the article; link to the page instead",
    "frame": "it embeds another page in the article; link to the page instead",
    "object": "it embeds content that runs outside the page; link to it instead",
    "embed": "it embeds content that runs outside the page; link to it instead",
    "applet": "it embeds content that runs outside the page; link to it instead",
    "form": "it sends what readers type to another address; link to the page that has the form",
    "base": "it changes where every link on the page leads; remove it",
}
_RUNS_SCRIPTS = "addresses run scripts in the reader's browser; link a page or an https:// address instead"
_SCHEMES = {
    "javascript": f"javascript: {_RUNS_SCRIPTS}",
    "vbscript": f"vbscript: {_RUNS_SCRIPTS}",
    "data": "data: addresses carry a whole document or script inline; put the file beside the article and link it",
}
_EVENT_HANDLER = "event-handler attributes run scripts in the reader's browser; remove the attribute"
# Attributes whose value the browser follows or loads as an address.
_URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "poster", "background", "data", "xlink:href"})
_TAG_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
# Browsers drop these from an address before reading its scheme (`java\tscript:` is javascript:).
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20]")
_MARKDOWN_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^\s)>]*)")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
_ATTRIBUTE_LIST = re.compile(r"\{:?([^{}\n]*)\}")
_ATTRIBUTE = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'}]+))""")


@dataclass(frozen=True)
class UnsafeMarkup:
    """One construct, where it is written, and what to do about it."""

    line: int
    column: int
    message: str


def unsafe_markup(body: str, first_line: int) -> list[UnsafeMarkup]:
    """Every construct HC151 refuses in a page body, in reading order."""
    lines = dict(prose_lines(body, first_line))
    if not lines:
        return []
    # Fenced code is left out as blank lines, so the tokenizer's line numbers stay the file's.
    text = "\n".join(lines.get(number, "") for number in range(first_line, max(lines) + 1))
    reader = _TagReader(first_line)
    reader.feed(text)
    reader.close()
    found = reader.found + _in_markdown(lines)
    return sorted(found, key=lambda item: (item.line, item.column))


def scheme_refused(address: str) -> str | None:
    """The scheme of an address that runs or carries a document (`javascript`, `data`), else None."""
    cleaned = _IGNORED_IN_SCHEME.sub("", html.unescape(address)).lower()
    scheme, colon, _ = cleaned.partition(":")
    return scheme if colon and scheme in _SCHEMES else None


class _TagReader(HTMLParser):
    def __init__(self, first_line: int):
        super().__init__(convert_charrefs=True)
        self._first_line = first_line
        self.found: list[UnsafeMarkup] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not _TAG_NAME.match(tag):
            # An autolink (`<https://…>`, `<name@example.com>`), not an element.
            return
        line, offset = self.getpos()
        where = (self._first_line + line - 1, offset + 1)
        if tag in _EMBEDDING:
            # The element goes as a whole: its attributes need no lines of their own.
            self._add(where, f"<{tag}>: {_EMBEDDING[tag]}")
            return
        for name, value in attrs:
            if name.startswith("on"):
                self._add(where, f"<{tag} {name}>: {_EVENT_HANDLER}")
            elif name in _URL_ATTRIBUTES and value and (scheme := scheme_refused(value)):
                self._add(where, f'<{tag} {name}="{scheme}:…">: {_SCHEMES[scheme]}')

    def _add(self, where: tuple[int, int], message: str) -> None:
        self.found.append(UnsafeMarkup(where[0], where[1], message))


def _in_markdown(lines: dict[int, str]) -> list[UnsafeMarkup]:
    """Markdown's links, reference definitions and attribute lists (`{ onclick=… }`)."""
    found = []
    for line, text in lines.items():
        definition = _REFERENCE_DEFINITION.match(text)
        targets = [(1, definition.group(1), "[…]: {}:…")] if definition else []
        targets += [(match.start() + 1, match.group(1), "[…]({}:…)") for match in _MARKDOWN_LINK.finditer(text)]
        for column, target, written in targets:
            if scheme := scheme_refused(target):
                found.append(UnsafeMarkup(line, column, f"{written.format(scheme)}: {_SCHEMES[scheme]}"))
        for attribute_list in _ATTRIBUTE_LIST.finditer(text):
            for match in _ATTRIBUTE.finditer(attribute_list.group(1)):
                name = match.group(1).lower()
                value = next(part for part in match.group(2, 3, 4) if part is not None)
                column = attribute_list.start() + 1
                if name.startswith("on"):
                    found.append(UnsafeMarkup(line, column, f"{{ {name}=… }}: {_EVENT_HANDLER}"))
                elif name in _URL_ATTRIBUTES and (scheme := scheme_refused(value)):
                    found.append(UnsafeMarkup(line, column, f'{{ {name}="{scheme}:…" }}: {_SCHEMES[scheme]}'))
    return found
