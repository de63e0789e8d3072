"""Sentences that choose an option in a field: "Choose **Paid** as the **Status**".

"Select **Hardware** from the **Kind** list", "Choose **Delete selected users** from the
**Action** drop-down", "Pick **Dana Whitfield** in the **Assignee** field": the first label is
the option, the second the field it is chosen in, whatever kind of select the page has (read
from the page's roles when the walk gets there). Only the verbs that choose (select, choose,
pick) read so; "Click **Users** in the **Admin** table" still clicks inside a container.
"""

from __future__ import annotations

import dataclasses
import re
from typing import NamedTuple

CHOOSING_VERBS = ("select", "choose", "pick")

# What a field that holds a choice is called, after its label. A menu is not one of them:
# "Select **Billing** from the **Setup** menu" opens a menu and clicks in it.
CHOICE_NOUNS = (
    "drop-down list",
    "dropdown list",
    "drop down list",
    "drop-down",
    "dropdown",
    "drop down",
    "list",
    "select",
    "selector",
    "picker",
    "field",
    "box",
    "combo box",
    "combobox",
    "options",
)
# The roles of what the field may be: a select or combobox, a list of options, radio buttons, or a
# list or table whose item is clicked.
CHOICE_ROLES = ("combobox", "listbox", "radiogroup", "list", "table", "grid")

_NOUN = "|".join(re.escape(noun) for noun in sorted(CHOICE_NOUNS, key=len, reverse=True))
_ARTICLE = r"(?:the|your|its|a|an)\s+"
# "⟦0⟧ from the ⟦1⟧ drop-down", "the ⟦0⟧ option as the ⟦1⟧": `option` and `field` are slots.
_CHOICE = re.compile(
    rf"^(?:{_ARTICLE})?(?:option\s+)?⟦(?P<option>\d+)⟧(?:\s+option)?\s+(?P<link>from|in|as|for)\s+(?:{_ARTICLE})?"
    rf"⟦(?P<field>\d+)⟧(?:\s+(?P<noun>[\w -]+?))?(?=$|\s+(?:above|below|under|at|on|in|of|near|beside)\b|[,.;])",
    re.IGNORECASE,
)
_CHOICE_NOUN = re.compile(rf"^(?:{_NOUN})$", re.IGNORECASE)
# The same, as the end of a sentence whose field would otherwise read as a container to click in.
_ENDS_IN_A_CHOICE = re.compile(
    rf"(?:^|\s)(?:{'|'.join(CHOOSING_VERBS)})\s+(?:{_ARTICLE})?(?:option\s+)?⟦\d+⟧(?:\s+option)?\s+(?:from|in)\s+"
    rf"(?:{_ARTICLE})?⟦\d+⟧\s+(?:{_NOUN})\b[^⟦]*$",
    re.IGNORECASE,
)


class Choice(NamedTuple):
    """The slots of the option and of the field a clause chooses it in, and the rule that read it."""

    option: int
    field: int
    rule: str


def read_choice(verb: str, rest: str) -> Choice | None:
    """What a clause chooses, and where, when it chooses an option in a field."""
    if verb not in CHOOSING_VERBS:
        return None
    match = _CHOICE.match(rest.strip().rstrip("."))
    if match is None:
        return None
    noun = (match.group("noun") or "").strip().lower()
    link = match.group("link").lower()
    if noun and _CHOICE_NOUN.match(noun) is None:
        return None
    if not noun and link in ("from", "in"):
        # "Select **Yes** in **Filter**": without a noun, only "as" and "for" say it is a field.
        return None
    rule = f"choose: {verb.capitalize()} **Option** {link} the **Field**" + (f" {noun}" if noun else "")
    return Choice(int(match.group("option")), int(match.group("field")), rule)


# "Type **Pri** in **Assignee**", "Enter **Ana** into the **Name** field": a value written in bold,
# then the field it goes in. A noun naming a container ("in the **Billing** panel") is no field.
TYPING_VERBS = ("type", "enter", "write")
_TYPED = re.compile(
    rf"^⟦(?P<option>\d+)⟧\s+(?P<link>in|into)\s+(?:{_ARTICLE})?⟦(?P<field>\d+)⟧"
    rf"(?:\s+(?:field|box|text box|search box|input))?(?=$|[,.;]|\s+(?:and|then|to|so)\b)",
    re.IGNORECASE,
)


def read_typed_value(verb: str, rest: str) -> Choice | None:
    """The value a clause types and the field it types it in, when both are in bold."""
    match = _TYPED.match(rest.strip()) if verb in TYPING_VERBS else None
    if match is None:
        return None
    rule = f"fill: {verb.capitalize()} **Value** {match.group('link').lower()} [the] **Field**"
    return Choice(int(match.group("option")), int(match.group("field")), rule)


# The value a step gives as an example, in quotes: 'for example "printer"', 'such as “Room 4”'.
_EXAMPLE = re.compile(
    r"\b(?:for example|for instance|e\.g\.|such as)[,:]?\s+[\"“](?P<value>[^\"“”]+)[\"”]", re.IGNORECASE
)


def with_the_example(intents: list, text: str) -> list:
    """The intents, the one field a step types into without a value given the step's quoted example."""
    unset = [intent for intent in intents if intent.kind == "set" and intent.value is None]
    examples = _EXAMPLE.findall(text)
    if len(unset) != 1 or len(examples) != 1:
        return intents
    return [dataclasses.replace(intent, value=examples[0]) if intent is unset[0] else intent for intent in intents]


def ends_in_a_choice(sentence: str) -> bool:
    """Whether "… from the ⟦n⟧ list" at the end of a sentence chooses in a field, rather than
    naming a container to click in ("Select ⟦0⟧ from the ⟦1⟧ list")."""
    return _ENDS_IN_A_CHOICE.search(sentence) is not None
