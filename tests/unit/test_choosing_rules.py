"""The rules behind choosing in any kind of select, and telling a success notice from a refusal.

How a field is set is read from the ARIA a page exposes (never a library's class names); how a
step's words choose an option; which notices after an action refuse it.
"""

import pytest

from helpcentre.articles.choices import CHOICE_ROLES, SETTABLE_ROLES
from helpcentre.articles.inference import CLICKABLE_ROLES, FIELD_ROLES, StepNotUnderstood, plan_step
from helpcentre.articles.walkthrough import StepOverride
from helpcentre.capture.choosing import ControlFacts, Way, best_option, way_to_set
from helpcentre.capture.page.notices import Notice, NoticeKind, notice_kind, refuses


@pytest.mark.parametrize(
    ("facts", "way"),
    [
        # <select>, whatever role the snapshot gave it (combobox, or listbox for a multiple one).
        (ControlFacts("select", "combobox"), Way.NATIVE),
        (ControlFacts("select", "listbox"), Way.NATIVE),
        # A select-only combobox: a div or button that opens a listbox (aria-haspopup=listbox).
        (ControlFacts("div", "combobox", haspopup="listbox"), Way.OPEN_THEN_PICK),
        (ControlFacts("div", "combobox"), Way.OPEN_THEN_PICK),
        (ControlFacts("button", "button", haspopup="listbox"), Way.OPEN_THEN_PICK),
        (ControlFacts("button", "button", haspopup="true"), Way.OPEN_THEN_PICK),
        # An editable combobox with list autocomplete (ARIA 1.2 and the older textbox pattern).
        (ControlFacts("input", "combobox", editable=True, autocomplete="list"), Way.TYPE_THEN_PICK),
        (ControlFacts("input", "combobox", editable=True, autocomplete="both"), Way.TYPE_THEN_PICK),
        (ControlFacts("input", "textbox", editable=True, autocomplete="list"), Way.TYPE_THEN_PICK),
        (ControlFacts("input", "combobox", editable=True, controls=True), Way.TYPE_THEN_PICK),
        (ControlFacts("input", "combobox", editable=True, haspopup="listbox"), Way.TYPE_THEN_PICK),
        # An <input list> is a combobox to the snapshot, and what is typed is its value.
        (ControlFacts("input", "combobox", editable=True), Way.TYPE),
        (ControlFacts("input", "combobox", editable=True, autocomplete="none"), Way.TYPE),
        (ControlFacts("input", "combobox", editable=True, haspopup="false"), Way.TYPE),
        (ControlFacts("textarea", "textbox", editable=True), Way.TYPE),
        # A read-only input that opens a listbox is a select-only combobox.
        (ControlFacts("input", "combobox", editable=False, haspopup="listbox"), Way.OPEN_THEN_PICK),
        (ControlFacts("input", "checkbox"), Way.TICK),
        (ControlFacts("button", "switch"), Way.TICK),
        (ControlFacts("input", "radio"), Way.TICK),
        (ControlFacts("div", "radiogroup"), Way.PICK_RADIO),
        # Radio buttons in a fieldset named by its legend; a group of other controls is clicked in.
        (ControlFacts("fieldset", "group", radios=True), Way.PICK_RADIO),
        (ControlFacts("div", "group"), Way.CLICK_INSIDE),
        (ControlFacts("ul", "menubar"), Way.CLICK_INSIDE),
        (ControlFacts("ul", "listbox"), Way.PICK_IN_LIST),
        (ControlFacts("table", "table"), Way.CLICK_INSIDE),
        (ControlFacts("div", "grid"), Way.CLICK_INSIDE),
        (ControlFacts("ul", "list"), Way.CLICK_INSIDE),
    ],
)
def test_how_a_field_is_set_is_read_from_its_aria(facts, way):
    assert way_to_set(facts) is way


@pytest.mark.parametrize(
    ("value", "found", "how"),
    [
        ("Hardware", ["Hardware"], "exact"),
        ("hardware", ["Hardware"], "case"),
        ("Dana", ["Dana Whitfield"], "start"),
        ("Dan", [], ""),
        ("Firmware", [], ""),
        ("Printer", ["Printer jammed", "Printer toner empty"], "start"),
    ],
)
def test_an_option_is_named_as_any_control_is(value, found, how):
    names = ["Hardware", "Dana Whitfield", "Daniel Okafor", "Printer jammed", "Printer toner empty"]
    assert best_option(names, value) == (found, how)


def read(text: str, **override) -> list[tuple]:
    plan = plan_step(3, text, StepOverride(**override) if override else None)
    return [(intent.kind, intent.label, intent.roles, intent.value, intent.chooses) for intent in plan.intents]


@pytest.mark.parametrize(
    ("sentence", "reading"),
    [
        ("Choose **Paid** as the **Status**", [("set", "Status", CHOICE_ROLES, "Paid", True)]),
        ("Select **Hardware** from the **Kind** list", [("set", "Kind", CHOICE_ROLES, "Hardware", True)]),
        ("Pick **Dana** in the **Assignee** field", [("set", "Assignee", CHOICE_ROLES, "Dana", True)]),
        ("Choose the **High** option for **Priority**", [("set", "Priority", CHOICE_ROLES, "High", True)]),
        (
            "Choose **Delete selected users** from the **Action** drop-down above the list, then click **Go**",
            [
                ("set", "Action", CHOICE_ROLES, "Delete selected users", True),
                ("click", "Go", CLICKABLE_ROLES, None, False),
            ],
        ),
    ],
)
def test_a_sentence_that_chooses_names_the_option_then_the_field(sentence, reading):
    assert read(sentence) == reading


# Issue 24: each way writers write a select, read as the field, the option and whether it must be picked.
@pytest.mark.parametrize(
    ("sentence", "reading"),
    [
        ("Choose **Change plan** as the **Type**", [("set", "Type", CHOICE_ROLES, "Change plan", True)]),
        ("In the **Type** list, choose **Change plan**", [("set", "Type", CHOICE_ROLES, "Change plan", True)]),
        (
            "In the **Type** drop-down, pick the **Change plan** option.",
            [("set", "Type", CHOICE_ROLES, "Change plan", True)],
        ),
        ("Select **Change plan** from the **Type** menu", [("set", "Type", CHOICE_ROLES, "Change plan", True)]),
        (
            "Select **Change plan** from the **Type** drop-down menu",
            [("set", "Type", CHOICE_ROLES, "Change plan", True)],
        ),
        ("Set the **Type** to **Change plan**", [("set", "Type", SETTABLE_ROLES, "Change plan", False)]),
        ("Change the **Type** to **Change plan**.", [("set", "Type", SETTABLE_ROLES, "Change plan", False)]),
        ("Change the **Type** to Change plan", [("set", "Type", SETTABLE_ROLES, "Change plan", False)]),
        ('Change the **Type** to "Change plan".', [("set", "Type", SETTABLE_ROLES, "Change plan", False)]),
        ("Update the **Amount** to $149.00", [("set", "Amount", SETTABLE_ROLES, "$149.00", False)]),
        (
            "In the **Type** list, choose **Change plan**, then click **Submit**",
            [("set", "Type", CHOICE_ROLES, "Change plan", True), ("click", "Submit", CLICKABLE_ROLES, None, False)],
        ),
        (
            "Change the **Type** to Change plan, then click **Submit**",
            [("set", "Type", SETTABLE_ROLES, "Change plan", False), ("click", "Submit", CLICKABLE_ROLES, None, False)],
        ),
        # A menu shown open is chosen in as a select is: the page says which it is.
        (
            "Select **Therasoft Billing** from the **Setup** menu",
            [("set", "Setup", CHOICE_ROLES, "Therasoft Billing", True)],
        ),
        (
            "In the **Available groups** list, select **Editors**",
            [("set", "Available groups", CHOICE_ROLES, "Editors", True)],
        ),
    ],
)
def test_each_way_of_writing_a_select_names_the_field_and_the_option(sentence, reading):
    assert read(sentence) == reading


def test_a_value_in_the_words_needs_no_override_and_an_override_still_wins():
    assert read("Set the **Type** to **Other**", fields={"Type": "Change plan"}) == [
        ("set", "Type", SETTABLE_ROLES, "Change plan", False)
    ]
    # Words after "to" that are no value as the product spells one (a capital or a digit first) ask for one.
    with pytest.raises(
        StepNotUnderstood, match=r"fills \*\*Months\*\*, but walkthrough.steps.3.fields gives it no value"
    ):
        read("Change the **Months** to pay ahead")


def test_a_panel_or_a_place_clicked_in_is_still_a_place_to_click_in():
    panel = plan_step(1, "Select **Yes** in the **Filter** panel", None).intents
    assert [(intent.kind, intent.label, intent.scope.label) for intent in panel] == [("click", "Yes", "Filter")]
    menu = plan_step(1, "Click **Therasoft Billing** in the **Setup** menu", None).intents
    assert [(intent.kind, intent.label, intent.scope.label) for intent in menu] == [
        ("click", "Therasoft Billing", "Setup")
    ]
    opened = plan_step(1, "In the **Type** list, click **Change plan**", None).intents
    assert [(intent.kind, intent.label, intent.scope.label) for intent in opened] == [("click", "Change plan", "Type")]


def test_choose_must_pick_an_option_and_enter_may_keep_what_it_typed():
    assert read("Choose the **Kind**", fields={"Kind": "Hardware"}) == [("set", "Kind", FIELD_ROLES, "Hardware", True)]
    assert read("Enter the **Kind**", fields={"Kind": "Hardware"}) == [("set", "Kind", FIELD_ROLES, "Hardware", False)]


@pytest.mark.parametrize(
    ("notice", "kind"),
    [
        (Notice("Element created"), NoticeKind.SUCCESS),
        (Notice("Saved"), NoticeKind.SUCCESS),
        (Notice("Element deleted"), NoticeKind.SUCCESS),
        (Notice("Your changes were saved successfully."), NoticeKind.SUCCESS),
        (Notice("Nothing was saved. Fix the 1 field marked below."), NoticeKind.ERROR),
        (Notice("Server communication error"), NoticeKind.ERROR),
        (Notice("The form is not valid. Please check for errors"), NoticeKind.ERROR),
        (Notice("Could not save: the card was declined"), NoticeKind.ERROR),
        (Notice("Element does not exist"), NoticeKind.ERROR),
        # Marked as an error: by an icon's name, a role description, or an invalid field pointing at it.
        (Notice("Sync stopped", marks=("Error",)), NoticeKind.ERROR),
        (Notice("Sync stopped", marks=("error notification",)), NoticeKind.ERROR),
        (Notice("See the field below", names_invalid=True), NoticeKind.ERROR),
        (Notice("Sync stopped", marks=("Success",)), NoticeKind.SUCCESS),
        (Notice("Are you sure you want to delete this ticket?"), NoticeKind.NEUTRAL),
        (Notice("3 results"), NoticeKind.NEUTRAL),
    ],
)
def test_a_notice_reads_as_an_error_a_success_or_neither(notice, kind):
    assert notice_kind(notice) is kind


def test_only_an_error_refuses_and_never_one_the_step_checks_for():
    assert not refuses(Notice("Element created"))
    assert not refuses(Notice("Are you sure you want to delete this ticket?"))
    assert refuses(Notice("Server communication error"))
    assert not refuses(Notice("Server communication error"), expected=("communication error",))
    assert refuses(Notice("Server communication error"), expected=("Element created",))
