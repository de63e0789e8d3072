"""The numbered steps of an article body: what customers read and walkthroughs follow."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape

NUMBERED_ITEM = re.compile(r"^(\d+)[.)]\s+(\S.*)$")
BOLD = re.compile(r"\*\*(.+?)\*\*")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
# Emphasis and code marks; an underscore only at a word's edge, so `user_id` keeps its own.
_MARKS = re.compile(r"\*\*|\*|`|(?<!\w)__?|__?(?!\w)")
FENCE = re.compile(r"^\s*(```|~~~)")


def plain_text(markdown: str) -> str:
    """Inline Markdown as a reader sees it: "Go to the **Setup** menu" reads "Go to the Setup menu"."""
    text = _TAG.sub("", _LINK.sub(r"\1", markdown))
    return unescape(_MARKS.sub("", text)).strip()


@dataclass(frozen=True)
class Step:
    number: int
    text: str
    line: int

    @property
    def anchor(self) -> str:
        return f"step-{self.number}"

    @property
    def plain_text(self) -> str:
        return plain_text(self.text)

    @property
    def bold_labels(self) -> list[str]:
        """UI labels the step names in bold, such as **Card Details**."""
        return BOLD.findall(self.text)


def step_words(text: str) -> str:
    """A step's Markdown as two captures compare it: the kind and number of spaces do not count."""
    return " ".join(text.split())


def outline(text: str) -> str:
    """A step's words with each bold label left blank ("go to the **…** menu"): two texts with the
    same outline are one step whose labels were respelt, not another step."""
    return BOLD.sub("**…**", step_words(text)).casefold()


def lines_outside_fences(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """`(file line, text)` of every line that is not fenced code: code shows Markdown, it does not mean it."""
    in_fence = False
    for offset, raw in enumerate(body.splitlines()):
        if FENCE.match(raw):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield first_line + offset, raw


def numbered_steps(body: str, first_line: int) -> list[Step]:
    """The first top-level ordered list of the body, with continuation lines joined.

    Only one list counts: the procedure. Other lists in the article are bulleted.
    """
    found: list[Step] = []
    started = False
    for line, raw in lines_outside_fences(body, first_line):
        match = NUMBERED_ITEM.match(raw)
        if match:
            started = True
            found.append(Step(len(found) + 1, match.group(2).strip(), line))
            continue
        if not started:
            continue
        if raw.strip() == "":
            continue
        if raw.startswith((" ", "\t")):
            last = found[-1]
            found[-1] = Step(last.number, f"{last.text} {raw.strip()}", last.line)
            continue
        break
    return found
