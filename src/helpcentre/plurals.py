"""Plurals of the nouns messages count: role names and the like ("2 textboxes", "checkboxes here").

Role names are English nouns with a regular plural, so a suffix rule does: a library of English
inflection would be one more dependency for the same three endings.
"""

from __future__ import annotations

import re

_HISSING = re.compile(r"(?:s|x|z|ch|sh)$")
_CONSONANT_Y = re.compile(r"[^aeiou]y$")


def plural_of(noun: str) -> str:
    """'textbox' → 'textboxes', 'switch' → 'switches', 'directory' → 'directories', 'button' → 'buttons'."""
    if _HISSING.search(noun):
        return noun + "es"
    if _CONSONANT_Y.search(noun):
        return noun[:-1] + "ies"
    return noun + "s"


def counted(count: int, noun: str) -> str:
    """'1 textbox', '3 textboxes'."""
    return f"{count} {noun if count == 1 else plural_of(noun)}"


__all__ = ["counted", "plural_of"]
