"""What a picture's masks cover, taken out of the step's ARIA record too.

A mask paints elements over in the picture; what those elements say must not reach the ARIA
record either, which capture saves beside the picture and verify compares: a masked card number
would be in Git, and a masked "11 minutes ago" that reads "12 minutes ago" on the next run
would be structure drift. So each masked element's text is read as it is shown (a field's
value, the option a list shows, the lines and cells of its rendered text), and every place the
snapshot says it, in a name, a text or a value, becomes `‹masked›`. The snapshot is matched as
a reader hears it: whatever the spaces (a non-breaking one, a line break), the capitals (CSS
may show the words in capitals) and the snapshot's own quoting of `"` and `\\`.
"""

from __future__ import annotations

import re

MASKED_TEXT = "‹masked›"

# One masked element's text as the page shows it, for `elements.map(...)` in the page. A hidden
# element says nothing; a tick box's or a radio button's value is never shown.
ELEMENT_TEXT = """element => {
  if (element.checkVisibility && !element.checkVisibility()) return '';
  const tag = element.localName;
  if (tag === 'select') return [...element.selectedOptions].map(option => option.label).join('\\n');
  if (tag === 'input' && /^(checkbox|radio|file|image|range|color)$/.test(element.type)) return '';
  if (tag === 'input' || tag === 'textarea') return element.value || '';
  return element.innerText || '';
}"""

# Shorter pieces ("5", "am") would wipe words out of everything else the picture holds.
_SHORTEST = 3
# innerText puts lines between blocks and tabs between a row's cells; a snapshot names them apart.
_PIECE_BREAKS = re.compile(r"[\n\t]")
# What a snapshot leaves out of a name or a text: zero-width spaces and soft hyphens.
_UNREAD = re.compile("[\u200b\u00ad]")
# Between two words, any run of spaces on one line of the snapshot.
_SPACES = r"[^\S\n]+"


def masked_pieces(values: list[str]) -> list[str]:
    """The text of the masked elements as a snapshot says it, each piece once, longest first."""
    pieces: set[str] = set()
    for value in values:
        for part in _PIECE_BREAKS.split(value):
            piece = " ".join(_UNREAD.sub("", part).split())
            if len(piece) >= _SHORTEST:
                pieces.add(piece)
    return sorted(pieces, key=lambda piece: (-len(piece), piece))


def _as_written(character: str) -> str:
    """One character as the snapshot may write it: `"` and `\\` are escaped in a quoted name."""
    if character == '"':
        return r'\\?"'
    if character == "\\":
        return r"\\{1,2}"
    return re.escape(character)


def redact(aria: str, masked_values: list[str]) -> str:
    """`aria` with every piece of the masked elements' text replaced by `‹masked›`."""
    pieces = masked_pieces(masked_values)
    if not pieces:
        return aria
    patterns = (_SPACES.join("".join(map(_as_written, word)) for word in piece.split(" ")) for piece in pieces)
    return re.compile("|".join(patterns), re.IGNORECASE).sub(MASKED_TEXT, aria)


__all__ = ["ELEMENT_TEXT", "MASKED_TEXT", "masked_pieces", "redact"]
