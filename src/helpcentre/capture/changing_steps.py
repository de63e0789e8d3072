"""The steps of a walkthrough that change the product's data: they save, submit, delete, confirm or pay.

`helpcentre explain` walks an article to show what it does, and leaves the product as it found
it: the sandbox gives each walk data of its own, and a live target's `reset` puts its data back.
A live target with no reset has nothing to put its data back, so explain names the steps that
would change it and walks only when told to (`--yes`).

A step changes data when it clicks a button, link or menu item whose name, or whose step's own
words, read as saving, deleting, confirming, paying or creating (`changing_words.yml`), when the
button it clicks is in a form (a form's button submits it), or when it presses Enter in a field.
This is read from the words and the roles they give, before anything is walked: no name of any
one product is in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from helpcentre.articles import Article
from helpcentre.articles.inference import Intent, StepPlan
from helpcentre.articles.names import reader_name
from helpcentre.articles.steps import BOLD, plain_text
from helpcentre.articles.walkthrough import Action, Locator
from helpcentre.settings import TargetSettings

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@dataclass(frozen=True)
class ChangingStep:
    """A step that would change the product's data, the control it presses and why it reads so."""

    number: int
    text: str
    control: str
    why: str

    def describe(self) -> str:
        return f"step {self.number} ({self.text}): {self.control}, {self.why}"


@cache
def changing_words() -> dict:
    """The word groups and roles of `changing_words.yml`."""
    text = resources.files("helpcentre.capture").joinpath("changing_words.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def unrestored_changes(article: Article, target: TargetSettings) -> list[ChangingStep]:
    """The steps that would change the target's data with nothing to put it back.

    None on the sandbox, which gives every walk fresh data of its own, nor on a target with a reset.
    """
    if target.sandbox or target.reset is not None:
        return []
    return changing_steps(article)


def changing_steps(article: Article) -> list[ChangingStep]:
    """Every step of the article whose action reads as changing the product's data."""
    return [change for change in map(change_in, article.plans) if change is not None]


def change_in(plan: StepPlan) -> ChangingStep | None:
    """How the step would change the product's data, or None when it reads as changing none."""
    return _explicit_change(plan) if plan.explicit is not None else _inferred_change(plan)


def _inferred_change(plan: StepPlan) -> ChangingStep | None:
    own_words = plain_text(BOLD.sub(" ", plan.text))
    for intent in plan.intents:
        if intent.kind != "click":
            continue
        role, name, control = _control_of(intent)
        if role is not None and role not in changing_words()["roles"]:
            continue
        in_form = (intent.scope is not None and intent.scope.noun == "form") or _within_form(intent.locator)
        why = _why(name, own_words, role in (None, "button") and in_form)
        if why is not None:
            return ChangingStep(plan.number, plan.text, f"clicks {control}", why)
    return None


def _explicit_change(plan: StepPlan) -> ChangingStep | None:
    assert plan.explicit is not None
    own_words = plain_text(BOLD.sub(" ", plan.text))
    actions: list[Action] = [plan.explicit, *plan.explicit.then]
    for action in actions:
        if action.action == "press" and (action.value or "").strip().casefold() == "enter":
            where = f" in {action.target.describe()}" if action.target is not None else ""
            return ChangingStep(plan.number, plan.text, f"presses Enter{where}", "which submits the form it is in")
        if action.action != "click" or action.target is None:
            continue
        target = action.target
        if target.role is not None and target.role not in changing_words()["roles"]:
            continue
        why = _why(_locator_name(target), own_words, target.role in (None, "button") and _within_form(target))
        if why is not None:
            return ChangingStep(plan.number, plan.text, f"clicks {target.describe()}", why)
    return None


def _control_of(intent: Intent) -> tuple[str | None, str, str]:
    """The role of the control a click names (None when the words leave it open), its name, and how to say it."""
    if intent.locator is not None:
        return intent.locator.role, _locator_name(intent.locator), intent.locator.describe()
    may_change = [role for role in intent.roles if role in changing_words()["roles"]]
    # "the **Billing** tab" is a tab, whatever else a click may be; "**Save**" alone may be any control.
    role = intent.roles[0] if len(intent.roles) == 1 or (intent.roles and not may_change) else None
    name = intent.label or ""
    return role, name, f"{role} '{name}'" if role else f"'{name}'"


def _locator_name(locator: Locator) -> str:
    return locator.name or locator.text or locator.label or locator.test_id or ""


def _within_form(locator: Locator | None) -> bool:
    while locator is not None:
        if locator.role == "form":
            return True
        locator = locator.within
    return False


def _why(name: str, own_words: str, button_in_form: bool) -> str | None:
    """Why clicking a control of this name, in a step of these words, changes data; None when it reads as not."""
    group = _group_of(name)
    if group is not None:
        return f"whose name reads as {group}"
    group = _group_of(own_words)
    if group is not None:
        return f"and the step's words read as {group}"
    if button_in_form:
        return "a button in a form, which submits it"
    return None


def _group_of(text: str) -> str | None:
    """The first group of changing words the text holds as whole words."""
    spoken = " " + " ".join(_WORD.findall(reader_name(text).casefold())) + " "
    for group, words in changing_words()["changes"].items():
        if any(f" {word.casefold()} " in spoken for word in words):
            return group
    return None
