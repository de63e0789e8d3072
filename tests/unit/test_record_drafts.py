"""What `record` drafts from what a writer did, fed to the recorder as its page reports it (no browser).

A detour, two clicks that put the page back as it was with nothing typed or changed between, is
left out; each typed value the draft does not keep is said, with why.
"""

from __future__ import annotations

from helpcentre.authoring.recorder import Recorder


def click(role: str, name: str, before: str) -> dict:
    return {"kind": "click", "role": role, "name": name, "haspopup": "", "container": None, "before": before}


def fill(name: str, value: str, before: str, secret: str = "") -> dict:
    return {
        "kind": "fill",
        "role": "textbox",
        "name": name,
        "value": value,
        "form": "/save#0",
        "secret": secret,
        "before": before,
    }


def recorded(*events: dict, end: str | None, on_sandbox: bool = True) -> list:
    recorder = Recorder(on_sandbox=on_sandbox)
    recorder.events = list(events)
    return recorder.steps(end)


def sentences(steps: list) -> list[str]:
    return [step.sentence for step in steps]


def test_a_tab_opened_then_left_for_the_one_before_is_no_step():
    steps = recorded(
        {"kind": "load", "before": "billing"},
        click("button", "Card Details", "billing"),
        click("tab", "Bank account", "dialog card"),
        click("tab", "Card", "dialog bank"),
        click("button", "Save", "dialog card"),
        end="billing saved",
    )
    assert sentences(steps) == ["Click the **Card Details** button", "Click the **Save** button"]


def test_a_detour_inside_a_detour_goes_with_it():
    steps = recorded(
        click("button", "Card Details", "billing"),
        click("tab", "Bank account", "dialog card"),
        click("tab", "Card", "dialog bank"),
        click("button", "Close", "dialog card"),
        end="billing",
    )
    assert steps == []


def test_a_detour_with_typing_between_is_kept_whole():
    steps = recorded(
        click("tab", "Bank account", "dialog card"),
        fill("Account holder", "Jordan Avery", "dialog bank"),
        click("tab", "Card", "dialog bank"),
        end="dialog card",
    )
    assert sentences(steps) == [
        "Select the **Bank account** tab",
        "Enter the **Account holder**",
        "Select the **Card** tab",
    ]


def test_a_box_cleared_between_keeps_the_clicks_around_it():
    steps = recorded(
        click("tab", "Bank account", "dialog card"),
        {"kind": "check", "name": "Autopay", "checked": False, "before": "dialog bank"},
        click("tab", "Card", "dialog bank"),
        end="dialog card",
    )
    assert sentences(steps) == ["Select the **Bank account** tab", "Select the **Card** tab"]


def test_clicks_that_lead_on_are_kept():
    steps = recorded(
        click("tab", "Bank account", "dialog card"),
        click("tab", "Statements", "dialog bank"),
        end="dialog statements",
    )
    assert sentences(steps) == ["Select the **Bank account** tab", "Select the **Statements** tab"]


def test_each_value_not_kept_is_said_with_why_on_the_sandbox():
    steps = recorded(
        click("button", "Edit Contact", "billing"),
        fill("Name", "Dana Whitfield", "dialog"),
        fill("Email", "dana.whitfield@gmail.com", "dialog", secret="email"),
        click("button", "Save", "dialog"),
        end="billing saved",
    )
    typing = steps[1]
    assert typing.fields == {"Name": "Dana Whitfield", "Email": "accounts@willowcreek.example"}
    assert [note.describe() for note in typing.replaced] == [
        "what was typed in **Email** was replaced by the sandbox's demo value: it may be a real person's"
    ]


def test_each_value_not_kept_is_said_with_why_and_what_to_do_on_a_live_target():
    steps = recorded(
        fill("Card number", "4111 1111 1111 1111", "pay", secret="card"),
        fill("Password", "hunter2", "pay", secret="password"),
        fill("Client reference", "ZX-44", "pay", secret="account number"),
        end="pay",
        on_sandbox=False,
    )
    (typing,) = steps
    assert typing.fields == {
        "Card number": "‹Card number›",
        "Password": "‹Password›",
        "Client reference": "‹Client reference›",
    }
    then = "write a test account's value in its place (lint refuses the placeholder, HC118)"
    assert [note.describe() for note in typing.replaced] == [
        f"what was typed in **Card number** was replaced by a placeholder: it may be a real card's; {then}",
        f"what was typed in **Password** was replaced by a placeholder: it is a secret; {then}",
        f"what was typed in **Client reference** was replaced by a placeholder:"
        f" it may be a real bank account's; {then}",
    ]
    assert typing.masks == ["Card number", "Password", "Client reference"]
