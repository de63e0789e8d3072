"""The walkthrough spec: what Playwright does for each numbered step of a how-to article.

Locators are user-facing first (role and name, label, text, test id) and CSS last, so a
walkthrough reads like the article and breaks when what the customer sees changes.
"""

from __future__ import annotations

import datetime
import difflib
import re
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

ARIA_ROLES = frozenset(
    "alert alertdialog application article banner blockquote button caption cell checkbox code "
    "columnheader combobox complementary contentinfo definition deletion dialog directory document "
    "emphasis feed figure form generic grid gridcell group heading img insertion link list listbox "
    "listitem log main marquee math menu menubar menuitem menuitemcheckbox menuitemradio meter "
    "navigation none note option paragraph presentation progressbar radio radiogroup region row "
    "rowgroup rowheader scrollbar search searchbox separator slider spinbutton status strong "
    "subscript superscript switch tab table tablist tabpanel term textbox time timer toolbar "
    "tooltip tree treegrid treeitem".split()
)


UNQUOTED_VALUE = "unquoted_value"


def _only_text(value: Any) -> Any:
    """A value typed into the product is text; YAML's own reading of a bare value is refused.

    YAML reads `Routing number: 011000015` as the octal number 2359309, `08/29` stays text,
    `2026-11-01` becomes a date and `yes` a boolean: turning them back into text would type
    something the writer never wrote, so the writer quotes them instead.
    """
    kind = None
    if isinstance(value, bool):
        kind = "a boolean"
    elif isinstance(value, (int, float)):
        kind = "a number"
    elif isinstance(value, (datetime.date, datetime.datetime)):
        kind = "a date"
    if kind is not None:
        raise PydanticCustomError(
            UNQUOTED_VALUE,
            "YAML reads this value as {kind} ({value}); put it in quotes, as it should be typed",
            {"kind": kind, "value": str(value)},
        )
    return value


Text = Annotated[str, BeforeValidator(_only_text)]

_STRICT = ConfigDict(extra="forbid")
_LOCATOR_KINDS = ("role", "label", "text", "test_id", "css")


class Locator(BaseModel):
    """How to find one element, the way a person would name it."""

    model_config = _STRICT

    role: str | None = None
    name: Text | None = None
    exact: bool = False
    label: Text | None = None
    text: Text | None = None
    test_id: str | None = None
    css: str | None = None
    within: Locator | None = None
    nth: int | None = Field(default=None, ge=0)

    @field_validator("role")
    @classmethod
    def _known_role(cls, role: str | None) -> str | None:
        if role is not None and role not in ARIA_ROLES:
            close = difflib.get_close_matches(role, sorted(ARIA_ROLES), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise ValueError(f"unknown role '{role}'{hint}")
        return role

    @model_validator(mode="after")
    def _one_kind(self) -> Locator:
        given = [kind for kind in _LOCATOR_KINDS if getattr(self, kind) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of role, label, text, test_id or css")
        if self.name is not None and self.role is None:
            raise ValueError("name goes with role")
        return self

    def describe(self) -> str:
        """`button 'Card Details'`, as reports and error messages name it."""
        if self.role is not None:
            text = f"{self.role} '{self.name}'" if self.name is not None else self.role
        elif self.label is not None:
            text = f"field labelled '{self.label}'"
        elif self.text is not None:
            text = f"text '{self.text}'"
        elif self.test_id is not None:
            text = f"test id '{self.test_id}'"
        else:
            text = f"css '{self.css}'"
        if self.nth is not None:
            text += f" #{self.nth + 1}"
        return f"{text} in {self.within.describe()}" if self.within else text


class Expectation(BaseModel):
    """What must hold after the step: text shown, an element visible, a field's value."""

    model_config = _STRICT

    target: Locator | None = None
    text: Text | None = None
    visible: bool | None = None
    value: Text | None = None

    @model_validator(mode="after")
    def _something_to_check(self) -> Expectation:
        if self.text is None and self.visible is None and self.value is None:
            raise ValueError("give text, visible or value to check")
        if (self.visible is not None or self.value is not None) and self.target is None:
            raise ValueError("visible and value need a target")
        return self


ACTIONS = ("goto", "click", "fill", "select", "check", "press", "hover", "expect", "wait_for")


def _known_action(value: Any) -> Any:
    if isinstance(value, str) and value not in ACTIONS:
        close = difflib.get_close_matches(value, ACTIONS, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else f"; use one of {', '.join(ACTIONS)}"
        raise ValueError(f"unknown action '{value}'{hint}")
    return value


ActionName = Annotated[
    Literal["goto", "click", "fill", "select", "check", "press", "hover", "expect", "wait_for"],
    BeforeValidator(_known_action),
]
assert get_args(get_args(ActionName)[0]) == ACTIONS


# A scheme (`http:`, `file:`) or a host (`//…`, `\\…`): an address of its own, not a path on the target.
_ANOTHER_SITE = re.compile(r"^\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|[/\\]{2})")


def leaves_target(address: str) -> bool:
    """Whether a walk told to go to `address` would leave its target for another site."""
    return _ANOTHER_SITE.match(address) is not None


class Action(BaseModel):
    model_config = _STRICT

    action: ActionName
    target: Locator | None = None
    value: Text | None = None
    fields: dict[str, Text] | None = None
    expect: Expectation | None = None
    state: Literal["visible", "hidden", "attached", "detached"] = "visible"

    @field_validator("value")
    @classmethod
    def _goto_stays_on_target(cls, value: str | None, info: ValidationInfo) -> str | None:
        # A walk is trusted with the test account's session and photographs what it sees: never elsewhere.
        if info.data.get("action") == "goto" and value is not None and leaves_target(value):
            raise ValueError(f"goto is a path on the target, such as /billing; '{value}' leads to another site")
        return value

    @model_validator(mode="after")
    def _has_what_it_needs(self) -> Action:
        needs_target = {"click", "check", "hover", "select", "wait_for"}
        if self.action in needs_target and self.target is None:
            raise ValueError(f"{self.action} needs a target")
        if self.action in ("goto", "select", "press") and self.value is None:
            raise ValueError(f"{self.action} needs a value")
        if self.action == "fill":
            if self.fields is None and (self.target is None or self.value is None):
                raise ValueError("fill needs fields (label: value), or a target and a value")
            if self.fields is not None and (self.target is not None or self.value is not None):
                raise ValueError("fill takes fields, or a target and a value, not both")
        if self.action == "expect" and self.expect is None:
            raise ValueError("expect needs an expect: mapping")
        return self

    @property
    def acted_on(self) -> Locator | None:
        if self.target is not None:
            return self.target
        if self.fields:
            return Locator(label=next(iter(self.fields)))
        return self.expect.target if self.expect else None


class Region(BaseModel):
    model_config = _STRICT

    x: int = Field(ge=0)
    y: int = Field(ge=0)
    width: int = Field(gt=0)
    height: int = Field(gt=0)


class Shot(BaseModel):
    """What to photograph for the step: the viewport (default), an element, or a region.

    `when`: `before` shows what to act on (the usual help-centre picture for "Click X"),
    `after` shows the result. Unset, a step that only clicks, hovers, checks or presses
    is shot before it acts; every other step after.
    """

    model_config = _STRICT

    element: Locator | None = None
    region: Region | None = None
    padding: int = Field(default=0, ge=0, le=200)
    when: Literal["before", "after"] | None = None

    @model_validator(mode="after")
    def _one_subject(self) -> Shot:
        if self.element is not None and self.region is not None:
            raise ValueError("give element or region, not both")
        return self


class Step(Action):
    """One numbered step: an action, optional follow-ups, then the screenshot."""

    then: list[Action] = []
    shot: Shot = Shot()
    highlight: Locator | Literal[False] | None = None
    mask: list[Locator] = []
    # Drift tolerance for this step's pixels, overriding the article's and mkdocs.yml's.
    max_diff_pixels: int | None = Field(default=None, ge=0)
    max_diff_ratio: float | None = Field(default=None, ge=0, le=1)

    @property
    def actions(self) -> list[Action]:
        return [self, *self.then]

    @property
    def shot_before_acting(self) -> bool:
        if self.shot.when is not None:
            return self.shot.when == "before"
        pointing = self.action in ("click", "hover", "check", "press")
        return pointing and not self.then and self.expect is None

    @property
    def highlighted(self) -> Locator | None:
        """The element boxed on the published screenshot: given, or the one acted on."""
        if self.highlight is False:
            return None
        return self.highlight or self.acted_on


class StepOverride(BaseModel):
    """What the prose of one numbered step cannot say; the rest is read from its words.

    With an `action`, the step is spelt out in full instead (see `Step`).
    """

    model_config = _STRICT

    target: Locator | None = None
    fields: dict[str, Text] | None = None
    expect: Expectation | None = None
    shot: Shot | None = None
    highlight: Locator | Literal[False] | None = None
    mask: list[Locator] = []
    max_diff_pixels: int | None = Field(default=None, ge=0)
    max_diff_ratio: float | None = Field(default=None, ge=0, le=1)


def _step_form(value: Any) -> str:
    if isinstance(value, StepOverride):
        return "override"
    if isinstance(value, Step) or (isinstance(value, dict) and "action" in value):
        return "explicit"
    return "override"


StepSpec = Annotated[
    Annotated[Step, Tag("explicit")] | Annotated[StepOverride, Tag("override")],
    Discriminator(_step_form),
]
# Names pydantic puts in an error's location for the form of a step: not fields a writer wrote.
STEP_FORM_TAGS = frozenset({"explicit", "override"})


def _numbered(steps: Any) -> Any:
    """The list form, one entry per numbered step in order, keyed like the mapping form: from 1."""
    if isinstance(steps, list):
        return {number: step for number, step in enumerate(steps, start=1)}
    return steps


class Walkthrough(BaseModel):
    """A how-to article's walk through the product, one step per numbered item.

    `steps` may be left out (every step is read from its words), be a mapping from the step
    number readers see to what its words cannot say, or be the full list of explicit steps.
    """

    model_config = _STRICT

    target: str = Field(min_length=1, description="a target named in mkdocs.yml")
    start: str = "/"
    steps: Annotated[dict[Annotated[int, Field(ge=1)], StepSpec], BeforeValidator(_numbered)] = {}
    mask: list[Locator] = []
    max_diff_pixels: int | None = Field(default=None, ge=0)
    max_diff_ratio: float | None = Field(default=None, ge=0, le=1)

    @field_validator("start")
    @classmethod
    def _relative_to_target(cls, start: str) -> str:
        if not start.startswith("/"):
            raise ValueError("start is a path on the target, beginning with '/'")
        if leaves_target(start):
            raise ValueError(f"start is a path on the target, beginning with one '/'; '{start}' leads to another site")
        return start

    def spec_for(self, number: int) -> Step | StepOverride | None:
        """What the walkthrough says of step `number` (from 1): a full step, an override, or nothing."""
        return self.steps.get(number)
