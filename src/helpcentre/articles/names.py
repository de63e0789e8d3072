"""A name as a reader reads it: what never decides whether a step's label names a control.

A product prints "Client:", "Email *", "Email (required)", "Yes, I’m sure" or "Save changes"
with a non-breaking space; a reader reads Client, Email, Yes, I'm sure and Save changes, and
so does an article. The trailing colon, the required-field mark, the style of a quote or
apostrophe and the kind or number of spaces are typography: resolving a label, the label
check of capture and verify, and lint all compare names through `reader_name`, and none of
them counts such a difference as drift. Capitals are not typography: a difference of case
still finds the control, and verify reports it.
"""

from __future__ import annotations

import re

# Curly, low and reversed quotes, primes and the modifier-letter apostrophe, read as the keyboard's.
_APOSTROPHES = "'‘’‚‛ʼ′"
_DOUBLE_QUOTES = '"“”„‟″'
_QUOTES = str.maketrans({**dict.fromkeys(_APOSTROPHES, "'"), **dict.fromkeys(_DOUBLE_QUOTES, '"')})
_QUOTE_CLASSES = {"'": f"[{_APOSTROPHES}]", '"': f"[{_DOUBLE_QUOTES}]"}
# What stands by a label without being its name: after it a colon, an asterisk or "(required)",
# in any order; before it an asterisk.
_TRAILING_MARKS = re.compile(r"(?:\s*(?::|\*|\([Rr]equired\)))+\s*$")
_LEADING_MARK = re.compile(r"^\*\s*")


def reader_name(text: str) -> str:
    """`text` as a reader reads it: "Email (required):" is "Email", "Yes, I’m sure" is "Yes, I'm sure".

    Spaces of any kind become one plain space; a name that is nothing but marks is kept as it is.
    """
    spaced = " ".join(text.translate(_QUOTES).split())
    return _LEADING_MARK.sub("", _TRAILING_MARKS.sub("", spaced)) or spaced


def words_pattern(text: str) -> str:
    """A regular expression (Python and JavaScript alike) for the words of `text` as a reader reads
    them: any quote style, any run of spaces between words, no colon or required mark around them.

    It is not anchored: `text_pattern` and the label check add their own word boundaries.
    """
    words = reader_name(text).split()
    return r"\s+".join("".join(_QUOTE_CLASSES.get(char) or re.escape(char) for char in word) for word in words)


LEADING_MARK_PATTERN = r"(?:\*\s*)?"
MARKS_PATTERN = r"(?:\s*(?::|\*|\([Rr]equired\)))*\s*"
"""What may stand before and after a name on the page without changing it, as regular expressions."""
