"""What `record` keeps of a value typed into a field that looks personal or secret: never the value.

On the sandbox, its demo value for that kind of field; elsewhere a placeholder `‹label›` that lint
refuses (HC118) until a test account's value is written. Each replacement is said to the writer
with its reason, so that the draft holds no surprise (`typed_values.yml`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from helpcentre.articles.placeholders import placeholder_value

# Why, for a field that looked secret for a reason the table does not name.
LOOKS_SECRET = "the field looks personal or secret"


@dataclass(frozen=True)
class Replaced:
    """A typed value the draft does not keep: the field's label, what stands in it, and why."""

    label: str
    by: str
    why: str
    # What the writer still has to do about it.
    then: str = ""

    def describe(self) -> str:
        said = f"what was typed in **{self.label}** was replaced by {self.by}: {self.why}"
        return f"{said}; {self.then}" if self.then else said


@dataclass(frozen=True)
class _Table:
    sandbox_values: tuple[tuple[re.Pattern[str], str], ...]
    why: tuple[tuple[re.Pattern[str], str], ...]


@cache
def _table() -> _Table:
    text = resources.files("helpcentre.authoring").joinpath("typed_values.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)

    def patterns(section: str) -> tuple[tuple[re.Pattern[str], str], ...]:
        return tuple((re.compile(words, re.IGNORECASE), str(value)) for words, value in data[section].items())

    return _Table(patterns("sandbox_values"), patterns("why"))


def replaced_value(label: str, looks: str, on_sandbox: bool) -> tuple[str, Replaced]:
    """The value a draft keeps for the field `label`, and the note that says so. `looks` is what made
    the field look personal or secret: its type, its autocomplete or the words of its name."""
    table = _table()
    why = next((why for words in (looks, label) for pattern, why in table.why if pattern.search(words)), LOOKS_SECRET)
    if on_sandbox:
        for pattern, value in table.sandbox_values:
            if pattern.search(label):
                return value, Replaced(label, "the sandbox's demo value", why)
    then = "write a test account's value in its place (lint refuses the placeholder, HC118)"
    return placeholder_value(label), Replaced(label, "a placeholder", why, then)


__all__ = ["Replaced", "replaced_value"]
