"""Sentences that choose an option in a field: "Choose **Paid** as the **Status**".

"Select **Hardware** from the **Kind** list", "Choose **Delete selected users** from the
**Action** drop-down", "Pick **Dana Whitfield** in the **Assignee** field", "In the **Type**
list, choose **Change plan**": the option and the field it is chosen in, whatever kind of
select the page has (read from the page's roles when the walk gets there). Only the verbs that
choose (select, choose, pick) read so; "Click **Users** in the **Admin** table" still clicks
inside a container. "Set the **Type** to **Change plan**" and "Change the **Type** to Change
plan" give a field its value, chosen or typed as the field takes it.
"""

from __future__ import annotations

import dataclasses
import re
from typing import NamedTuple

from helpcentre.articles.roles import FIELD_ROLES

CHOOSING_VERBS = ("select", "choose", "pick")

# What a field that holds a choice is called, after its label. A menu is one of them to a writer
# ("Select **Change plan** from the **Type** menu"), and so is a menu shown open ("Select
# **Billing** from the **Setup** menu"): the page says which it is, and either is chosen in.
CHOICE_NOUNS = (
    "drop-down menu",
    "dropdown menu",
    "menu",
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
# The roles of what the field may be: a select or combobox, a list of options, radio buttons (a
# radiogroup, or a group such as a fieldset named by its legend), or a list, table or open menu
# whose item is clicked.
CHOICE_ROLES = ("combobox", "listbox", "radiogroup", "group", "list", "table", "grid", "menu", "menubar")
# The roles of a field given a value ("Set the **Type** to **Change plan**"): typed, ticked or chosen.
SETTABLE_ROLES = (*FIELD_ROLES, "radiogroup", "group")

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


# "In the **Type** list, choose **Change plan**": the place the sentence opens with is the field.
_OPTION_ALONE = re.compile(rf"^(?:{_ARTICLE})?(?:option\s+)?⟦(?P<option>\d+)⟧(?:\s+option)?$", re.IGNORECASE)


def is_choice_noun(noun: str | None) -> bool:
    """Whether a noun after a label ("the **Type** list") may name a field that holds a choice."""
    return noun is not None and _CHOICE_NOUN.match(noun.strip()) is not None


def read_choice_within(verb: str, rest: str, noun: str | None) -> int | None:
    """The slot of the option a clause chooses in the field its sentence opened with ("In the
    **Type** list, choose **Change plan**"), when `noun` calls that place a field of choices."""
    if verb not in CHOOSING_VERBS or not is_choice_noun(noun):
        return None
    match = _OPTION_ALONE.match(rest.strip().rstrip("."))
    return int(match.group("option")) if match is not None else None


# "Set the **Type** to **Change plan**", "Change the **Type** to Change plan": a field, then its
# value in bold, in quotes, or as the product spells it (a capital or a digit first: "Change the
# **Months** to pay ahead" gives no value, and the step asks for one in `fields`).
SETTING_VERBS = ("set", "change", "update")
_SET_TO = re.compile(
    rf"^(?i:{_ARTICLE})?⟦(?P<field>\d+)⟧(?i:\s+(?:{_NOUN}|setting|option))?\s+(?i:to)\s+"
    r"(?:⟦(?P<option>\d+)⟧(?=$|[\s,.;])|[\"“](?P<quoted>[^\"“”]+)[\"”]\s*$|(?P<plain>[A-Z0-9$£€][^,;⟦]*?)\s*$)"
)


class Setting(NamedTuple):
    """The slot of the field a clause sets, its value (a slot, or words), and the rule that read it."""

    field: int
    option: int | None
    value: str | None
    rule: str


def read_setting(verb: str, rest: str) -> Setting | None:
    """The field a clause gives a value and that value, when the words name both."""
    match = _SET_TO.match(rest.strip().rstrip(".")) if verb in SETTING_VERBS else None
    if match is None:
        return None
    option = match.group("option")
    value = match.group("quoted") or match.group("plain")
    rule = f"fill: {verb.capitalize()} [the] **Field** to " + ("**Value**" if option is not None else "Value")
    return Setting(int(match.group("field")), int(option) if option is not None else None, value, rule)


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
