"""Walk the sandbox in a real Chromium the way the help articles tell a person to, with role and label locators."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from billing_sandbox.process import SandboxProcess

pytestmark = pytest.mark.browser


def log_in(page: Page, sandbox: SandboxProcess) -> None:
    page.goto(sandbox.url)
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    page.get_by_label("Email").fill(sandbox.email)
    page.get_by_label("Password").fill(sandbox.password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="LOG OUT")).to_be_visible()
    # The menus and tabs come alive in a deferred script; a key pressed before the
    # load event reaches the plain form underneath and navigates instead.
    page.wait_for_load_state("load")


def open_therasoft_billing(page: Page) -> None:
    setup = page.get_by_role("button", name="Setup")
    setup.click()
    expect(setup).to_have_attribute("aria-expanded", "true")
    page.get_by_role("menu", name="Setup").get_by_role("menuitem", name="Therasoft Billing").click()
    expect(page.get_by_role("heading", name="Therasoft Billing", level=1)).to_be_visible()
    page.wait_for_load_state("load")


def test_change_the_card_as_the_article_describes(page: Page, sandbox: SandboxProcess) -> None:
    """docs/billing/change-card-or-bank-info.md, step by step."""
    log_in(page, sandbox)
    # 1. Go to the Setup menu  2. Select Therasoft Billing
    open_therasoft_billing(page)
    # 3. Click the Card Details button
    page.get_by_role("button", name="Card Details").click()
    dialog = page.get_by_role("dialog", name="Card Details")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("tab", name="Card", exact=True)).to_have_attribute("aria-selected", "true")
    # 4. Add/Edit your card or bank info
    dialog.get_by_label("Name on card").fill("Jordan Avery")
    dialog.get_by_label("Card number").fill("5555 5555 5555 4444")
    dialog.get_by_label("Expiry (MM/YY)").fill("12/29")
    dialog.get_by_label("CVC").fill("123")
    dialog.get_by_role("button", name="Save").click()
    # 5. Verify the status is Active
    payment_method = page.get_by_role("region", name="Payment Method")
    expect(payment_method).to_contain_text("Mastercard ending in 4444")
    expect(payment_method.get_by_text("Status: Active")).to_be_visible()
    expect(page.get_by_role("status")).to_have_text("Payment method saved: Mastercard ending in 4444. Status: Active.")
    expect(dialog).to_be_hidden()


def test_a_bad_card_shows_its_errors_in_the_reopened_dialog(page: Page, sandbox: SandboxProcess) -> None:
    log_in(page, sandbox)
    open_therasoft_billing(page)
    saved_before = page.get_by_role("region", name="Payment Method").inner_text()
    page.get_by_role("button", name="Card Details").click()
    dialog = page.get_by_role("dialog", name="Card Details")
    dialog.get_by_label("Name on card").fill("Jordan Avery")
    dialog.get_by_label("Card number").fill("4242 4242 4242 4241")
    dialog.get_by_label("Expiry (MM/YY)").fill("12/29")
    dialog.get_by_label("CVC").fill("123")
    dialog.get_by_role("button", name="Save").click()

    expect(dialog).to_be_visible()
    card_number = dialog.get_by_label("Card number")
    expect(card_number).to_be_focused()
    expect(card_number).to_have_attribute("aria-invalid", "true")
    expect(card_number).to_have_accessible_description(re.compile(r"Card number: fails the checksum$"))
    expect(dialog.get_by_label("Name on card")).to_have_value("Jordan Avery")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("region", name="Payment Method")).to_have_text(saved_before)


def test_switch_to_a_bank_account(page: Page, sandbox: SandboxProcess) -> None:
    log_in(page, sandbox)
    open_therasoft_billing(page)
    page.get_by_role("button", name="Card Details").click()
    dialog = page.get_by_role("dialog", name="Card Details")
    dialog.get_by_role("tab", name="Bank account").click()
    expect(dialog.get_by_label("Name on card")).to_be_hidden()
    dialog.get_by_label("Account holder").fill("Willow Creek Counseling")
    dialog.get_by_label("Routing number").fill("011000015")
    dialog.get_by_label("Account number").fill("000123456789")
    dialog.get_by_label("Account type").select_option("Checking")
    dialog.get_by_role("button", name="Save").click()
    payment_method = page.get_by_role("region", name="Payment Method")
    expect(payment_method).to_contain_text("Bank account ending in 6789")
    expect(payment_method.get_by_text("Status: Active")).to_be_visible()


def test_the_setup_menu_works_from_the_keyboard(page: Page, sandbox: SandboxProcess) -> None:
    log_in(page, sandbox)
    setup = page.get_by_role("button", name="Setup")
    setup.focus()
    page.keyboard.press("Enter")
    menu = page.get_by_role("menu", name="Setup")
    expect(menu.get_by_role("menuitem", name="Company Information")).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(menu.get_by_role("menuitem", name="Intake Documents")).to_be_focused()
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(setup).to_be_focused()
    expect(setup).to_have_attribute("aria-expanded", "false")
