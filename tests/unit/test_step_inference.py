"""How a numbered step's words are read: the action, the roles or scope, and the label each gives."""

import re

import pytest
import yaml

from helpcentre.articles.inference import (
    CLICKABLE_ROLES,
    FIELD_ROLES,
    NOUN_ROLES,
    StepNotUnderstood,
    plan_step,
)
from helpcentre.articles.names import reader_name
from helpcentre.articles.walkthrough import Locator, Step, StepOverride


def read(text: str, **override) -> list[tuple]:
    """(kind, label, roles, scope label, value) for each thing the step does."""
    plan = plan_step(4, text, StepOverride(**override) if override else None)
    return [
        (intent.kind, intent.label, intent.roles, intent.scope.label if intent.scope else None, intent.value)
        for intent in plan.intents
    ]


@pytest.mark.parametrize(
    ("sentence", "override", "reading"),
    [
        ("Go to the **Setup** menu", {}, [("click", "Setup", NOUN_ROLES["menu"], None, None)]),
        ("Select **Therasoft Billing**", {}, [("click", "Therasoft Billing", CLICKABLE_ROLES, None, None)]),
        ("Click the **Card Details** button", {}, [("click", "Card Details", ("button",), None, None)]),
        ("Click on **Save**", {}, [("click", "Save", CLICKABLE_ROLES, None, None)]),
        ("Tap the **Bank account** tab", {}, [("click", "Bank account", ("tab",), None, None)]),
        ("Open the **Clients** page", {}, [("click", "Clients", NOUN_ROLES["page"], None, None)]),
        ("Press the **Export** link", {}, [("click", "Export", ("link",), None, None)]),
        ("Choose the **Checking** option", {}, [("click", "Checking", NOUN_ROLES["option"], None, None)]),
        (
            "In the **Billing Contact** panel, click **Edit Contact**",
            {},
            [("click", "Edit Contact", CLICKABLE_ROLES, "Billing Contact", None)],
        ),
        (
            "Click **Therasoft Billing** in the **Setup** menu",
            {},
            [("click", "Therasoft Billing", CLICKABLE_ROLES, "Setup", None)],
        ),
        (
            "In the **Card Details** dialog, click **Save**",
            {},
            [("click", "Save", CLICKABLE_ROLES, "Card Details", None)],
        ),
        (
            "Enter the **Phone**",
            {"fields": {"Phone": "(503) 555-0177"}},
            [("set", "Phone", FIELD_ROLES, None, "(503) 555-0177")],
        ),
        (
            "Change the **Name**, **Email** and **Phone**",
            {"fields": {"Name": "Casey", "Email": "c@example.com", "Phone": "1"}},
            [
                ("set", "Name", FIELD_ROLES, None, "Casey"),
                ("set", "Email", FIELD_ROLES, None, "c@example.com"),
                ("set", "Phone", FIELD_ROLES, None, "1"),
            ],
        ),
        (
            "Type your note in the **Description** field",
            {"fields": {"Description": "Hi"}},
            [("set", "Description", FIELD_ROLES, None, "Hi")],
        ),
        (
            "Choose the number of **Months** to pay ahead",
            {"fields": {"Months": "3 months"}},
            [("set", "Months", FIELD_ROLES, None, "3 months")],
        ),
        ("Verify the status is **Active**", {}, [("check", "Active", (), None, None)]),
        ("Make sure that the invoice shows **Paid**", {}, [("check", "Paid", (), None, None)]),
        ("Confirm the total reads **$149.00**", {}, [("check", "$149.00", (), None, None)]),
        (
            "In the **Payment Method** panel, check the saved card and its **Status**",
            {},
            [("check", "Status", (), "Payment Method", None)],
        ),
        ("Check the **Remember me** checkbox", {}, [("set", "Remember me", NOUN_ROLES["checkbox"], None, "checked")]),
        (
            "In the **Change Requests** panel, review your requests",
            {},
            [("show", "Change Requests", ("region", "tabpanel", "group", "form", "complementary"), None, None)],
        ),
        (
            "Click **Save**, then verify the status is **Active**",
            {},
            [("click", "Save", CLICKABLE_ROLES, None, None), ("check", "Active", (), None, None)],
        ),
        (
            "Choose the **Type**, describe the change in **Description**, and click **Submit**",
            {"fields": {"Type": "Add a user", "Description": "A login"}},
            [
                ("set", "Type", FIELD_ROLES, None, "Add a user"),
                ("set", "Description", FIELD_ROLES, None, "A login"),
                ("click", "Submit", CLICKABLE_ROLES, None, None),
            ],
        ),
        (
            "Select the **ADDRESS** tab, and select the **Self Address** tab",
            {},
            [("click", "ADDRESS", ("tab",), None, None), ("click", "Self Address", ("tab",), None, None)],
        ),
        (
            "Click **View** to open the invoice, or **Print** for a print-friendly copy",
            {},
            [("click", "View", CLICKABLE_ROLES, None, None), ("check", "Print", (), None, None)],
        ),
        (
            "Click the **Card Details** button to replace the card",
            {"fields": {"Name on card": "Jordan Avery"}},
            [
                ("click", "Card Details", ("button",), None, None),
                ("set", "Name on card", FIELD_ROLES, None, "Jordan Avery"),
            ],
        ),
        (
            "Add/Edit your card or bank info",
            {"fields": {"Name on card": "Jordan Avery"}},
            [("set", "Name on card", FIELD_ROLES, None, "Jordan Avery")],
        ),
        # A compound step names the same label twice: its noun says which control each is.
        (
            "Type the name in the **Search** box, then click the **Search** button",
            {"fields": {"Search": "Acme"}},
            [("set", "Search", FIELD_ROLES, None, "Acme"), ("click", "Search", ("button",), None, None)],
        ),
        (
            "Enter the **Search** field, then press the **Search** link and the **Search** tab",
            {"fields": {"Search": "Acme"}},
            [
                ("set", "Search", FIELD_ROLES, None, "Acme"),
                ("click", "Search", ("link",), None, None),
                ("click", "Search", ("tab",), None, None),
            ],
        ),
        # `fields` are keyed by the name a reader reads, whichever way the page or the writer prints it.
        ("Choose the **Client**", {"fields": {"Client": "Acme"}}, [("set", "Client", FIELD_ROLES, None, "Acme")]),
        ("Choose the **Client**", {"fields": {"Client:": "Acme"}}, [("set", "Client", FIELD_ROLES, None, "Acme")]),
        ("Enter the **Email:**", {"fields": {"Email": "a@b.c"}}, [("set", "Email:", FIELD_ROLES, None, "a@b.c")]),
        (
            "Enter the **Name\u00a0on  card**",
            {"fields": {"Name on card": "Jordan"}},
            [("set", "Name\u00a0on  card", FIELD_ROLES, None, "Jordan")],
        ),
        (
            "Enter the **Name&nbsp;on card**",
            {"fields": {"Name on card": "Jordan"}},
            [("set", "Name\u00a0on card", FIELD_ROLES, None, "Jordan")],
        ),
        (
            "Click **Save**",
            {"fields": {"Email *": "a@b.c"}},
            [("click", "Save", CLICKABLE_ROLES, None, None), ("set", "Email *", FIELD_ROLES, None, "a@b.c")],
        ),
        (
            "Enter the **Email**",
            {"fields": {"Email (required)": "a@b.c"}},
            [("set", "Email", FIELD_ROLES, None, "a@b.c")],
        ),
        (
            "Tick the box at the start of the row, for example **tom.becker**",
            {},
            [("click", "tom.becker", ("menuitemcheckbox", "checkbox", "radio", "switch"), None, None)],
        ),
        ("Untick the **Active** checkbox", {}, [("click", "Active", NOUN_ROLES["checkbox"], None, None)]),
        (
            "For example, under **By staff status**, click **Yes** to show staff only",
            {},
            [("click", "Yes", CLICKABLE_ROLES, "By staff status", None)],
        ),
        (
            "Type **Pri** in **Assignee** and pick **Priya Shah** from the names that appear",
            {},
            [("set", "Assignee", FIELD_ROLES, None, "Pri"), ("click", "Priya Shah", CLICKABLE_ROLES, None, None)],
        ),
        (
            'Describe the problem in **Subject**, for example "No signal in room 4".',
            {},
            [("set", "Subject", FIELD_ROLES, None, "No signal in room 4")],
        ),
        ("The app asks if you are sure. Click **Confirm**.", {}, [("click", "Confirm", CLICKABLE_ROLES, None, None)]),
        (
            "Type **Acme** in the **Search** box and press Enter",
            {},
            [("set", "Search", FIELD_ROLES, None, "Acme"), ("press", None, (), None, "Enter")],
        ),
        ("Press **Enter**", {}, [("click", "Enter", CLICKABLE_ROLES, None, None)]),
    ],
)
def test_a_sentence_gives_its_actions(sentence, override, reading):
    assert read(sentence, **override) == reading


@pytest.mark.parametrize(
    ("sentence", "override", "why"),
    [
        ("Add/Edit your card or bank info", {}, "step 4 has no verb the walkthrough rules know; tried click"),
        ("Wait for the page to load", {}, "step 4 has no verb the walkthrough rules know"),
        ("The **Status** column shows the state", {}, "step 4 has no verb the walkthrough rules know"),
        ("Click the button at the top", {}, "step 4 names nothing in **bold** to act on or check"),
        ("Enter the **Phone**", {}, 'walkthrough.steps.4.fields gives it no value; add fields: {Phone: "…"}'),
        ("Change the **Name** and **Email**", {"fields": {"Name": "x"}}, "step 4 fills **Email**"),
        ("Enter the **Client:**", {}, 'gives it no value; add fields: {Client: "…"}'),
        ("Enter the **Don’t remind me**", {}, 'gives it no value; add fields: {Don\'t remind me: "…"}'),
    ],
)
def test_a_sentence_the_rules_cannot_read_is_refused_with_the_reason(sentence, override, why):
    with pytest.raises(StepNotUnderstood, match=re.escape(why)):
        read(sentence, **override)


def test_an_override_target_replaces_the_control_the_words_name():
    button = Locator(role="button", name="Save")
    assert read("Verify the status is **Active**", target={"role": "button", "name": "Save"}) == [
        ("click", None, (), None, None),
        ("check", "Active", (), None, None),
    ]
    plan = plan_step(4, "Click **View** for the invoice", StepOverride(target={"role": "link", "name": "View Nov"}))
    assert plan.intents[0].locator == Locator(role="link", name="View Nov")
    assert plan.intents[0].label == "View"
    assert plan_step(5, "Verify it is **Active**", StepOverride(target=button)).intents[0].locator == button


def test_the_picture_is_taken_before_a_final_click_and_after_anything_else():
    assert plan_step(1, "Click the **Card Details** button", None).photographed_before_last_click
    assert not plan_step(1, "Click **Save**, then verify the status is **Active**", None).photographed_before_last_click
    assert not plan_step(1, "Enter the **Phone**", StepOverride(fields={"Phone": "1"})).photographed_before_last_click
    with_expect = StepOverride(expect={"text": "Saved"})
    assert not plan_step(1, "Click **Save**", with_expect).photographed_before_last_click


def test_a_step_with_an_action_is_spelt_out_and_not_read():
    spelt = Step(action="click", target=Locator(role="button", name="Setup"))
    plan = plan_step(1, "Do whatever this says", spelt)
    assert plan.explicit is spelt
    assert plan.intents == []


@pytest.mark.parametrize("label", ["Yes", "No: thanks", "Don’t remind me", "#1 choice", "[Draft]", "Plan, yearly"])
def test_the_fields_line_a_refusal_suggests_is_yaml_that_reads_back(label):
    with pytest.raises(StepNotUnderstood) as refused:
        read(f"Enter the **{label}**")
    suggested = str(refused.value).split("; add ", 1)[1]
    assert yaml.safe_load(suggested) == {"fields": {reader_name(label): "…"}}
