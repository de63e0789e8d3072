"""Read a numbered step's words as what to do in the product.

"Click the **Card Details** button", "In the **Billing Contact** panel, click **Edit Contact**",
"Enter the **Phone**", "Verify the status is **Active**": the verb says what to do, the bold
labels say what to do it to, a noun after a label narrows what kind of control it is. The
controls themselves are found later, on the live page, by accessible name; this module only
reads words, so lint, explain, capture, verify and record all read a step the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from helpcentre.articles import choices
from helpcentre.articles.choices import CHOICE_NOUNS, CHOICE_ROLES, CHOOSING_VERBS, SETTABLE_ROLES, read_choice
from helpcentre.articles.keys import read_key
from helpcentre.articles.names import reader_name
from helpcentre.articles.override_lines import PLACEHOLDER, keyed
from helpcentre.articles.roles import (
    CLICKABLE_ROLES,
    DEFAULT_SCOPE_ROLES,
    FIELD_ROLES,
    NOUN_ROLES,
    SCOPE_ROLES,
    TOGGLE_ROLES,
)
from helpcentre.articles.roles import CONTAINER_ROLES as CONTAINER_ROLES  # still read from here
from helpcentre.articles.steps import BOLD, plain_text
from helpcentre.articles.walkthrough import Locator, Step, StepOverride

# "Tick the box of **tom.becker**": what a reader ticks is a checkbox, a switch or a radio button.
TICK_VERBS = ("tick", "untick", "uncheck")

CLICK_VERBS = ("click on", "click", "select", "choose", "pick", "open", "go to", "press", "tap", *TICK_VERBS)
FILL_VERBS = ("enter", "type", "fill in", "fill out", "change", "describe", "write", "add", "update", "edit", "set")
CHECK_VERBS = ("verify", "check", "make sure", "confirm", "ensure")
LOOK_VERBS = ("review", "find", "locate", "look at", "look for", "see")

RULES_TRIED = (
    "click (Click, Select, Choose, Open, Go to, Press or Tap [the] **Label** [button, menu, tab, link, option, ...])",
    "fill (Enter, Type, Fill in, Change, Describe, Add or Edit [the] **Field**[, **Field** and **Field**])",
    "check (Verify, Check, Make sure or Confirm [that] ... is, shows or reads **Text**)",
    "look (Review, Find or Locate ... [in the **Container** panel])",
    "scope (In the **Container** panel, dialog, section, menu or table, ...)",
)

_NOUNS = "|".join(sorted((re.escape(noun) for noun in NOUN_ROLES), key=len, reverse=True))
_SCOPE_NOUNS = "|".join(sorted((re.escape(noun) for noun in SCOPE_ROLES), key=len, reverse=True))
# A sentence may open with a field of choices too: "In the **Type** drop-down, choose **Change plan**".
_OPENING_NOUNS = "|".join(sorted({re.escape(noun) for noun in (*SCOPE_ROLES, *CHOICE_NOUNS)}, key=len, reverse=True))
_ALL_VERBS = sorted((*CLICK_VERBS, *FILL_VERBS, *CHECK_VERBS, *LOOK_VERBS), key=len, reverse=True)
_VERB = "|".join(re.escape(verb) for verb in _ALL_VERBS)
# A label stands for ⟦n⟧ while a sentence is read, so its own words are never read as verbs.
_SLOT = re.compile(r"⟦(\d+)⟧")
_LEADING_SCOPE = re.compile(
    rf"^in\s+(?:the\s+|your\s+)?⟦(?P<slot>\d+)⟧(?:\s+(?P<noun>{_OPENING_NOUNS})\b)?\s*,?\s*", re.IGNORECASE
)
# "For example, under **By staff status**, click **Yes**": the part of the page those words head.
_UNDER_SCOPE = re.compile(
    r"\b(?:under|below|beneath)\s+(?:the\s+)?⟦(?P<slot>\d+)⟧(?:\s+heading)?\s*,\s*", re.IGNORECASE
)
_TRAILING_SCOPE = re.compile(
    rf"\s+(?:in|on|from)\s+(?:the\s+)?⟦(?P<slot>\d+)⟧\s+(?P<noun>{_SCOPE_NOUNS})\b[^⟦]*$", re.IGNORECASE
)
# Clauses: "Click **Save**, then verify ..." splits before a verb that follows a comma, "and",
# "then" or the end of a sentence ("The app asks if you are sure. Click **Confirm**.").
_CLAUSE_BREAK = re.compile(
    rf"(?:\s*[,;]\s*(?:(?:and|then)\s+)*|\s+(?:and|then)\s+(?:(?:and|then)\s+)*|(?<=[.!?])\s+)(?=(?:{_VERB})(?:\s|$))",
    re.IGNORECASE,
)
# A verb is a word of its own: "Add/Edit your card" starts with no verb the rules know.
_CLAUSE_START = re.compile(rf"^(?:then\s+|and\s+)*(?P<verb>{_VERB})(?:\s+|$)(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
_LABEL_NOUN = re.compile(rf"⟦(?P<slot>\d+)⟧(?:\s+(?P<noun>{_NOUNS})\b)?", re.IGNORECASE)


IntentKind = Literal["click", "set", "check", "show", "press"]


# The noun of a scope named by the words that head it, not by a container's name.
UNDER = "under"


@dataclass(frozen=True)
class Scope:
    """The container a step names: "In the **Billing Contact** panel"."""

    label: str
    roles: tuple[str, ...]
    noun: str | None = None

    def describe(self) -> str:
        if self.noun == UNDER:
            return f"the part under '{self.label}'"
        return f"{self.noun or 'container'} '{self.label}'"


@dataclass(frozen=True)
class Intent:
    """One thing a step does, before its control is found on the page.

    `click`: a control to press; `set`: a field to type into or choose from (`value`);
    `check`: text that must be shown; `show`: a container or label that must be in view.
    `locator` is given when an override names the control outright.
    """

    kind: IntentKind
    label: str | None
    roles: tuple[str, ...] = ()
    scope: Scope | None = None
    value: str | None = None
    locator: Locator | None = None
    rule: str = ""
    # "Click **View**, or **Print** for a copy": Print is there to take instead; it proves nothing of the click.
    alternative: bool = False
    # "Choose the **Kind**" must end with an option picked; "Enter the **Kind**" may keep what it typed.
    chooses: bool = False

    @property
    def acts(self) -> bool:
        return self.kind in ("click", "set", "press")

    def describe(self) -> str:
        where = f" in {self.scope.describe()}" if self.scope else ""
        if self.locator is not None:
            what = self.locator.describe()
        else:
            what = f"'{self.label}'"
        if self.kind in ("click", "press"):
            return f"{self.kind} {what if self.label else self.value}{where}"
        if self.kind == "set":
            return f"set {what} to '{self.value}'{where}"
        if self.kind == "check":
            return f"check that {what} is shown{where}"
        return f"show {what}{where}"


@dataclass
class StepPlan:
    """What one numbered step does: read from its words, or spelt out in the walkthrough."""

    number: int
    text: str
    intents: list[Intent] = field(default_factory=list)
    explicit: Step | None = None
    override: StepOverride | None = None

    @property
    def inferred(self) -> bool:
        return self.explicit is None

    @property
    def photographed_before_last_click(self) -> bool:
        """A step that ends by pressing something shows that control, as help centres do; else the result."""
        if self.explicit is not None:
            return self.explicit.shot_before_acting
        if self.override is not None and self.override.expect is not None:
            return False
        return bool(self.intents) and self.intents[-1].kind == "click"


class StepNotUnderstood(ValueError):
    """The rules cannot read this step: the message says which were tried and how to settle it."""


def plan_step(number: int, text: str, spec: Step | StepOverride | None) -> StepPlan:
    """The plan for step `number`, whose Markdown is `text`; StepNotUnderstood when it cannot be read."""
    if isinstance(spec, Step):
        return StepPlan(number, text, explicit=spec)
    override = spec
    intents = _read_sentence(number, text, override)
    return StepPlan(number, text, intents, override=override)


def _read_sentence(number: int, text: str, override: StepOverride | None) -> list[Intent]:
    labels = [plain_text(label) for label in BOLD.findall(text)]
    sentence = _with_slots(text)
    # `fields` are keyed by the name a reader reads: `Client` is the field labelled "Client:".
    values = {reader_name(key): value for key, value in (override.fields or {}).items()} if override is not None else {}
    scope, sentence = _scope_of(sentence, labels)
    clauses = [clause for clause in _CLAUSE_BREAK.split(sentence.strip()) if clause.strip()]
    intents: list[Intent] = []
    understood = False
    for clause in clauses:
        match = _CLAUSE_START.match(clause.strip().rstrip("."))
        if match is None:
            continue
        understood = True
        verb, rest = match.group("verb").lower(), match.group("rest")
        option = choices.read_choice_within(verb, rest, scope.noun if scope is not None else None)
        if scope is not None and option is not None:
            # "In the **Type** list, choose **Change plan**": the place it opened with is the field,
            # and no place for what the sentence goes on to do.
            rule = f"choose: In the **Field** {scope.noun}, {verb} **Option**"
            intents.append(Intent("set", scope.label, CHOICE_ROLES, None, labels[option], rule=rule, chooses=True))
            scope = None
            continue
        intents.extend(_read_clause(verb, rest, labels, scope, values))
    if not understood and not _override_acts(override):
        raise StepNotUnderstood(
            f"step {number} has no verb the walkthrough rules know; tried {'; '.join(RULES_TRIED)};"
            f" say what it does in walkthrough.steps.{number} (fields, target or expect)"
        )
    if understood and not intents and not _override_acts(override):
        raise StepNotUnderstood(
            f"step {number} names nothing in **bold** to act on or check;"
            f" bold the label as the product shows it, or give walkthrough.steps.{number} a target"
        )
    named_fields = {reader_name(intent.label or "") for intent in intents if intent.kind == "set"}
    intents = choices.with_the_example(intents, text)  # "… in **Subject**, for example "No signal"": its value
    missing = [intent.label for intent in intents if intent.kind == "set" and intent.value is None]
    if missing:
        raise StepNotUnderstood(
            f"step {number} fills **{missing[0]}**, but walkthrough.steps.{number}.fields gives it no value;"
            f" add {keyed('fields', {reader_name(missing[0] or ''): PLACEHOLDER})}"
        )
    intents = _apply_override(intents, override, named_fields, scope)
    return intents


def _override_acts(override: StepOverride | None) -> bool:
    return override is not None and bool(override.fields or override.target or override.expect)


def _apply_override(
    intents: list[Intent], override: StepOverride | None, named_fields: set[str], scope: Scope | None
) -> list[Intent]:
    """The override's explicit control replaces the first one the words name; its extra fields follow them."""
    if override is None:
        return intents
    if override.target is not None:
        acting = next((index for index, intent in enumerate(intents) if intent.acts), None)
        if acting is None:
            # A step that only checks, with a control to press first: "Save", then "the status is Active".
            intents = [Intent("click", None, locator=override.target, rule="override: target"), *intents]
        else:
            replaced = intents[acting]
            intents = [*intents]
            intents[acting] = Intent(
                replaced.kind, replaced.label, replaced.roles, None, replaced.value, override.target, replaced.rule
            )
    for label, value in (override.fields or {}).items():
        if reader_name(label) not in named_fields:
            intents.append(Intent("set", label, FIELD_ROLES, scope, value, rule="override: fields"))
    return intents


def _with_slots(text: str) -> str:
    """The step as a reader sees it, each bold label replaced by its slot ⟦n⟧."""
    counter = iter(range(10_000))
    slotted = BOLD.sub(lambda _: f"⟦{next(counter)}⟧", text)
    return re.sub(r"\s+", " ", plain_text(slotted))


def _scope_of(sentence: str, labels: list[str]) -> tuple[Scope | None, str]:
    under = _UNDER_SCOPE.search(sentence)
    if under is not None and _CLAUSE_START.match(sentence[under.end() :]):
        rest = sentence[: under.start()] + sentence[under.end() :]
        return Scope(labels[int(under.group("slot"))], DEFAULT_SCOPE_ROLES, UNDER), rest
    match = _LEADING_SCOPE.match(sentence)
    if match is None:
        match = _TRAILING_SCOPE.search(sentence)
        if match is None or choices.ends_in_a_choice(sentence):
            return None, sentence
        rest = sentence[: match.start()]
    else:
        rest = sentence[match.end() :]
    noun = (match.group("noun") or "").lower() or None
    roles = SCOPE_ROLES.get(noun, DEFAULT_SCOPE_ROLES) if noun else DEFAULT_SCOPE_ROLES
    scope = Scope(labels[int(match.group("slot"))], roles, noun)
    if not rest.strip():
        # "In the **Change Requests** panel" alone: the panel is what the step shows.
        rest = "review"
    return scope, rest


def _read_clause(verb: str, rest: str, labels: list[str], scope: Scope | None, values: dict[str, str]) -> list[Intent]:
    named = [
        (labels[int(match.group("slot"))], (match.group("noun") or "").lower() or None, match)
        for match in _LABEL_NOUN.finditer(rest)
    ]
    if verb in CHECK_VERBS:
        toggles = [(label, noun) for label, noun, _ in named if noun in ("checkbox", "check box", "switch", "toggle")]
        if toggles and len(toggles) == len(named):
            return [
                Intent(
                    "set",
                    label,
                    NOUN_ROLES[noun or "checkbox"],
                    scope,
                    "checked",
                    rule=f"check: {verb.capitalize()} the **Label** {noun}",
                )
                for label, noun in toggles
            ]
        rule = f"check: {verb.capitalize()} ... **Text**"
        if not named and scope is not None:
            return [
                Intent("show", scope.label, scope.roles, None, rule=f"look: {verb.capitalize()} ... in a container")
            ]
        return [Intent("check", label, (), scope, rule=rule) for label, _, _ in named]
    if verb in LOOK_VERBS:
        rule = f"look: {verb.capitalize()} ..."
        if not named:
            if scope is None:
                return []
            return [Intent("show", scope.label, scope.roles, None, rule=rule + " in the **Container**")]
        return [Intent("check", label, (), scope, rule=rule + " **Text**") for label, _, _ in named]
    if (key := read_key(verb, rest, labels)) is not None:  # "…, then press Enter": where the focus is
        return [Intent("press", None, (), scope, key, rule=f"press: Press {key}")]
    typed = choices.read_typed_value(verb, rest)
    if typed is not None:  # "Type **Pri** in **Assignee**": the value, then the field
        value = values.get(reader_name(labels[typed.field]), labels[typed.option])
        return [Intent("set", labels[typed.field], FIELD_ROLES, scope, value, rule=typed.rule)]
    setting = choices.read_setting(verb, rest)
    if setting is not None:  # "Set the **Type** to **Change plan**", "Change the **Type** to Change plan"
        field_label = labels[setting.field]
        value = labels[setting.option] if setting.option is not None else setting.value
        value = values.get(reader_name(field_label), value)
        return [Intent("set", field_label, SETTABLE_ROLES, scope, value, rule=setting.rule)]
    if verb in FILL_VERBS:
        rule = f"fill: {verb.capitalize()} [the] **Field**"
        roles = {label: NOUN_ROLES.get(noun or "field", FIELD_ROLES) for label, noun, _ in named}
        return [Intent("set", label, roles[label], scope, values.get(reader_name(label)), rule=rule) for label in roles]
    choice = read_choice(verb, rest)
    if choice is not None:  # "Choose **Paid** as the **Status**": the option, then the field
        field_label, option = labels[choice.field], labels[choice.option]
        return [Intent("set", field_label, CHOICE_ROLES, scope, option, rule=choice.rule, chooses=True)]
    # A click verb: the first label is pressed, each joined by "and" too; one after "or" is an
    # alternative the reader may take instead, so it is checked to be there, not pressed.
    intents: list[Intent] = []
    for position, (label, noun, match) in enumerate(named):
        before = rest[: match.start()] if position == 0 else rest[named[position - 1][2].end() : match.start()]
        alternative = position > 0 and re.search(r"\bor\b", before, re.IGNORECASE) is not None
        if alternative:
            intents.append(Intent("check", label, (), scope, rule="click: ..., or **Label**", alternative=True))
            continue
        noun_text = f" {noun}" if noun else ""
        rule = f"click: {verb.capitalize()} [the] **Label**{noun_text}"
        if reader_name(label) in values and _takes_a_value(noun):
            roles = NOUN_ROLES.get(noun, FIELD_ROLES) if noun else FIELD_ROLES
            value = values[reader_name(label)]
            rule += " (with a value to choose)"
            intents.append(Intent("set", label, roles, scope, value, rule=rule, chooses=verb in CHOOSING_VERBS))
        else:
            roles = NOUN_ROLES.get(noun, CLICKABLE_ROLES) if noun else CLICKABLE_ROLES
            if verb in TICK_VERBS:
                roles = tuple(role for role in roles if role in TOGGLE_ROLES) or TOGGLE_ROLES
            intents.append(Intent("click", label, roles, scope, rule=rule))
    return intents


def _takes_a_value(noun: str | None) -> bool:
    """Whether the control a click names may be filled or chosen: "the **Search** box" may, "the
    **Search** button" may not, even when the step has typed a value for **Search** before."""
    return noun is None or any(role in FIELD_ROLES for role in NOUN_ROLES.get(noun, ()))


def plan_walkthrough(article) -> tuple[list[StepPlan], list[tuple[int, str]]]:
    """Every step's plan, and `(step number, why)` for each step the rules cannot read."""
    walkthrough = article.meta.walkthrough
    assert walkthrough is not None
    plans: list[StepPlan] = []
    problems: list[tuple[int, str]] = []
    for step in article.steps:
        try:
            plans.append(plan_step(step.number, step.text, walkthrough.spec_for(step.number)))
        except StepNotUnderstood as error:
            problems.append((step.number, str(error)))
    return plans, problems
