"""Keys a step presses in words: "Type the name in the **Search** box and press Enter".

A key is not a control on the page: it is pressed where the step left the focus, as a reader
presses it. Only the keys a help article names are read; anything else after "press" is a
control to find.
"""

from __future__ import annotations

import re

# What a writer calls a key, and the name the browser gives it.
KEYS = {"enter": "Enter", "return": "Enter", "tab": "Tab", "escape": "Escape", "esc": "Escape", "space": "Space"}
PRESSING_VERBS = ("press", "tap")

# "press Enter", "press the Enter key", "press the **Enter** key": a bold name is a key only when
# the step says so, since "Press **Enter**" may name a button that reads Enter.
_KEY = re.compile(
    rf"^(?:the\s+)?(?:⟦\d+⟧\s+key|(?P<key>{'|'.join(KEYS)})(?:\s+key)?)\s*(?:[.,;]|$|\s+(?:to|on|in)\b)",
    re.IGNORECASE,
)


def read_key(verb: str, rest: str, labels: list[str]) -> str | None:
    """The key a clause presses ("press Enter", "hit the **Return** key"), or None when it presses no key."""
    match = _KEY.match(rest.strip()) if verb in PRESSING_VERBS else None
    if match is None:
        return None
    written = match.group("key") or next((labels[int(slot)] for slot in re.findall(r"⟦(\d+)⟧", match.group(0))), "")
    return KEYS.get(written.strip().casefold())
