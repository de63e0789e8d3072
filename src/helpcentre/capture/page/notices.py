"""What a notice the product shows after an action says: an error refuses the step, a success does not.

Component libraries confirm a save in a toast with role=alert ("Saved", "Element created"), and
report a failed one the same way ("Server communication error"). Both are alerts; only one is a
refusal. An alert refuses the step when it reads as an error (`notice_words.yml`), or is marked
as one: an icon named as an error, an `aria-roledescription`, or a field marked invalid that
points at it (`aria-errormessage`, `aria-describedby`). A notice that reads as a success, or
says neither, is no refusal. And the step's own words still decide: a notice showing what the
step checks is what the step expects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import cache
from importlib import resources

import yaml

from helpcentre.articles.names import words_pattern

# Read in the page for each shown alert: its text, the names it is marked with, whether an invalid
# field points at it. `ALERT_NOTICE` is a function of the alert element, used by outcome.py.
ALERT_NOTICE = """el => {
  const text = node => (node.innerText || node.textContent || '').replace(/\\s+/g, ' ').trim();
  const hidden = node => Boolean(node.closest('[aria-hidden="true"]'));
  const marks = [el.getAttribute('aria-roledescription'), el.getAttribute('aria-label')];
  for (const node of el.querySelectorAll('[role~="img"][aria-label], img[alt], svg title, [aria-label], [title]')) {
    if (hidden(node)) continue;
    marks.push(node.getAttribute('aria-label') || node.getAttribute('alt') || node.getAttribute('title')
      || node.textContent);
  }
  const pointedAt = [...document.querySelectorAll('[aria-invalid="true"]')].some(field =>
    `${field.getAttribute('aria-errormessage') || ''} ${field.getAttribute('aria-describedby') || ''}`
      .split(/\\s+/).filter(Boolean).map(id => document.getElementById(id))
      .some(node => node && (node === el || el.contains(node) || node.contains(el))));
  return {text: text(el), marks: marks.filter(Boolean).map(mark => mark.trim()).filter(Boolean),
          names_invalid: pointedAt};
}"""


class NoticeKind(Enum):
    ERROR = "error"
    SUCCESS = "success"
    NEUTRAL = "neutral"


@dataclass(frozen=True)
class Notice:
    """An alert as a reader meets it: its text, the names it is marked with, and whether an
    invalid field names it as its error message."""

    text: str
    marks: tuple[str, ...] = ()
    names_invalid: bool = False

    @classmethod
    def read(cls, found: dict) -> Notice:
        return cls(found.get("text", ""), tuple(found.get("marks", ())), bool(found.get("names_invalid")))


@dataclass(frozen=True)
class _Words:
    error: re.Pattern[str]
    success: re.Pattern[str]


@cache
def _words() -> _Words:
    text = resources.files("helpcentre.capture.page").joinpath("notice_words.yml").read_text(encoding="utf-8")
    lists = yaml.safe_load(text)

    def any_of(words: list[str]) -> re.Pattern[str]:
        joined = "|".join(words_pattern(word) for word in sorted(words, key=len, reverse=True))
        return re.compile(rf"(?<!\w)(?:{joined})(?!\w)", re.IGNORECASE)

    return _Words(any_of(lists["error_words"]), any_of(lists["success_words"]))


def notice_kind(notice: Notice) -> NoticeKind:
    """Error when the notice reads or is marked as one, success when it reads as one, else neutral."""
    words = _words()
    said = [notice.text, *notice.marks]
    if notice.names_invalid or any(words.error.search(part) for part in said):
        return NoticeKind.ERROR
    if any(words.success.search(part) for part in said):
        return NoticeKind.SUCCESS
    return NoticeKind.NEUTRAL


def refuses(notice: Notice, expected: tuple[str, ...] = ()) -> bool:
    """Whether a new notice means the product refused the action: it reads as an error, and it is
    not what the step's own words check for."""
    if any(_shows(notice.text, words) for words in expected):
        return False
    return notice_kind(notice) is NoticeKind.ERROR


def _shows(text: str, words: str) -> bool:
    pattern = words_pattern(words)
    return bool(pattern) and re.search(rf"(?<!\w){pattern}(?!\w)", text, re.IGNORECASE) is not None
