"""The numbered steps of an article body: what customers read and walkthroughs follow."""

from __future__ import annotations

import re
from dataclasses import dataclass

NUMBERED_ITEM = re.compile(r"^(\d+)[.)]\s+(\S.*)$")
BOLD = re.compile(r"\*\*(.+?)\*\*")
FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Step:
    number: int
    text: str
    line: int

    @property
    def anchor(self) -> str:
        return f"step-{self.number}"

    @property
    def bold_labels(self) -> list[str]:
        """UI labels the step names in bold, such as **Card Details**."""
        return BOLD.findall(self.text)


def numbered_steps(body: str, first_line: int) -> list[Step]:
    """The first top-level ordered list of the body, with continuation lines joined.

    Only one list counts: the procedure. Other lists in the article are bulleted.
    """
    found: list[Step] = []
    in_fence = False
    started = False
    for offset, raw in enumerate(body.splitlines()):
        if FENCE.match(raw):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        match = NUMBERED_ITEM.match(raw)
        if match:
            started = True
            found.append(Step(len(found) + 1, match.group(2).strip(), first_line + offset))
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
