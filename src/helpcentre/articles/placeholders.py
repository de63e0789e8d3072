"""What a new article's draft holds until its writer replaces it, defined once.

`helpcentre new` and `helpcentre record` write these; lint refuses each one left in an article
(HC142 for a sentence, HC118 for a value typed by the walk), so that none is ever published.
"""

from __future__ import annotations

import re

# The summary and the opening sentence of every new article's draft.
SUMMARY_PLACEHOLDER = "One sentence on what this article helps the reader do."
BODY_PLACEHOLDER = "Say in a sentence or two when the reader needs this."
PLACEHOLDER_SENTENCES = (SUMMARY_PLACEHOLDER, BODY_PLACEHOLDER)

# What `helpcentre record` writes for a personal or secret value it would not keep: `‹Card number›`.
PLACEHOLDER_VALUE = re.compile(r"^‹.*›$")


def placeholder_value(label: str) -> str:
    """The placeholder for the value of the field `label`, which a writer replaces with a test value."""
    return f"‹{label}›"
