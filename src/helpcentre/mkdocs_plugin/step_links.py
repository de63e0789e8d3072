"""Numbered steps as link targets: `id="step-3"` on each step, and a button that copies its link."""

from __future__ import annotations

import re

_LIST_TAG = re.compile(r"<(/?)(ol|ul|li)\b([^>]*)>", re.IGNORECASE)


def anchor_steps(html: str, step_count: int) -> str:
    """Give the items of the article's first top-level ordered list their step anchors.

    Only the procedure's list: the same one `numbered_steps` reads from the Markdown, whose
    items are the article's steps in order. Nested lists inside a step are left alone.
    """
    if step_count == 0:
        return html
    pieces: list[str] = []
    position = 0
    depth = 0
    in_steps = False
    number = 0
    for match in _LIST_TAG.finditer(html):
        closing, name, attributes = match.group(1), match.group(2).lower(), match.group(3)
        if name in ("ol", "ul"):
            if not closing:
                depth += 1
                if depth == 1 and name == "ol" and number == 0 and not in_steps:
                    in_steps = True
            else:
                depth -= 1
                if in_steps and depth == 0:
                    pieces.append(html[position : match.end()])
                    position = match.end()
                    break
            continue
        if in_steps and depth == 1 and not closing and number < step_count:
            number += 1
            pieces.append(html[position : match.start()])
            pieces.append(f'<li id="step-{number}" class="hc-step"{attributes}>{_copy_button(number)}')
            position = match.end()
    pieces.append(html[position:])
    return "".join(pieces)


def _copy_button(number: int) -> str:
    # The link is made in the browser from the page's own address, so it is right on any host.
    # Its visible words come from the stylesheet, so the site's search never indexes them as step text.
    return (
        f'<a class="hc-step-link" href="#step-{number}" data-step="{number}"'
        f' aria-label="Copy link to step {number}" title="Copy link to step {number}"></a>'
    )
