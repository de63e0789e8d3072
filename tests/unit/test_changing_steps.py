"""Which steps `helpcentre explain` names as changing a live product's data, read from the words alone."""

from __future__ import annotations

import pytest

from helpcentre.articles.inference import plan_step
from helpcentre.articles.walkthrough import Step, StepOverride
from helpcentre.capture.changing_steps import change_in, unrestored_changes
from helpcentre.settings import ResetSettings, TargetSettings


def change(text: str, spec: Step | StepOverride | None = None) -> str | None:
    found = change_in(plan_step(3, text, spec))
    return f"{found.control}, {found.why}" if found else None


@pytest.mark.parametrize(
    ("text", "spec", "expected"),
    [
        ("Click **Save**", None, "clicks 'Save', whose name reads as saving"),
        ("Click the **Save changes** button", None, "clicks button 'Save changes', whose name reads as saving"),
        ("Click **Yes, I’m sure**", None, "clicks 'Yes, I’m sure', whose name reads as confirming"),
        ("Click **Delete contact:**", None, "clicks 'Delete contact:', whose name reads as deleting"),
        ("Click **Pay November 2026**", None, "clicks 'Pay November 2026', whose name reads as paying"),
        ("Click **Add a contact**", None, "clicks 'Add a contact', whose name reads as creating"),
        ("Click **Go** to remove the invoice", None, "clicks 'Go', and the step's words read as deleting"),
        (
            "In the **Contact** form, click the **Continue** button",
            None,
            "clicks button 'Continue', a button in a form, which submits it",
        ),
        (
            "Verify the status is **Active**",
            StepOverride(target={"role": "button", "name": "Save"}, expect={"text": "Active"}),
            "clicks button 'Save', whose name reads as saving",
        ),
        (
            "Search for the client",
            Step(
                action="fill", target={"label": "Search"}, value="Casey", then=[{"action": "press", "value": "Enter"}]
            ),
            "presses Enter, which submits the form it is in",
        ),
        (
            "Send it",
            Step(
                action="click", target={"role": "button", "name": "Go", "within": {"role": "form", "name": "Invoice"}}
            ),
            "clicks button 'Go' in form 'Invoice', and the step's words read as saving",
        ),
    ],
)
def test_a_step_that_saves_submits_deletes_confirms_or_pays_is_named(text, spec, expected):
    assert change(text, spec) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Go to the **Setup** menu",
        "Click the **Card Details** button to replace the card",
        "Click **View** to open the invoice, or **Print** for a print-friendly copy",
        "Select the **Save for later** tab",  # a tab only changes what the page shows
        "Choose the **Delete** option",
        "Enter the **Name**",  # typing saves nothing until something is pressed
        "Verify the status is **Saved**",  # a check presses nothing
        "Click **Cancel**",
        "Click **Payments**",  # whole words: Payments is not Pay
        "Click the **Pre-pay** button",  # nor is a word of a hyphenated one
    ],
)
def test_a_step_that_changes_nothing_is_not_named(text):
    spec = StepOverride(fields={"Name": "Casey"}) if "**Name**" in text else None
    assert change(text, spec) is None


class _Article:
    ref = "contacts/add"

    def __init__(self, *texts: str):
        self.plans = [plan_step(number, text, None) for number, text in enumerate(texts, 1)]


def test_only_a_live_target_with_no_reset_asks_first():
    article = _Article("Open the **Contacts** page", "Click **Add a contact**")
    live = TargetSettings(url="https://staging.example.com/")
    assert [step.describe() for step in unrestored_changes(article, live)] == [
        "step 2 (Click **Add a contact**): clicks 'Add a contact', whose name reads as creating"
    ]
    reset = ResetSettings(command=["./reset.sh"])
    assert unrestored_changes(article, TargetSettings(url="https://staging.example.com/", reset=reset)) == []
    assert unrestored_changes(article, TargetSettings(sandbox=True)) == []
