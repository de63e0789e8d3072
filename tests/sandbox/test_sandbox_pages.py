"""The sandbox's pages over Flask's test client: login gate, CSRF, errors, and the markup walkthroughs rely on."""

from __future__ import annotations

import time

from itsdangerous import TimestampSigner
from sandbox_pages import Page, Visitor

from billing_sandbox import DEMO_EMAIL


def test_health_needs_no_session(visitor: Visitor) -> None:
    response = visitor.client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok"}


def test_pages_need_a_login_and_come_back_after_it(visitor: Visitor) -> None:
    response = visitor.client.get("/billing?tab=x")
    assert response.status_code == 303
    assert response.headers["Location"] == "/login?next=/billing?tab%3Dx"

    login_page = visitor.open(response.headers["Location"])
    assert login_page.find("input", name="next")[0].attrs["value"] == "/billing?tab=x"
    landed = visitor.client.post(
        "/login",
        data={
            "csrf_token": login_page.csrf_token(),
            "email": DEMO_EMAIL,
            "password": "sandbox-demo",
            "next": "/billing",
        },
    )
    assert landed.status_code == 303
    assert landed.headers["Location"] == "/billing"


def test_login_shows_the_demo_credentials_and_rejects_wrong_ones(visitor: Visitor) -> None:
    page = visitor.open("/login")
    assert "Email: demo@willowcreek.example Password: sandbox-demo" in page.text

    response = visitor.submit("/login", "/login", {"email": DEMO_EMAIL, "password": "guess"})
    assert response.status_code == 422
    assert Page(response.text).field_error("login-password") == (
        "Password: this email and password do not match a sandbox account"
    )

    response = visitor.submit("/login", "/login", {"email": "", "password": ""})
    page = Page(response.text)
    assert page.field_error("login-email") == "Email: enter your email address"
    assert page.field_error("login-password") == "Password: enter your password"


def test_login_never_redirects_to_another_site(visitor: Visitor) -> None:
    response = visitor.submit(
        "/login", "/login", {"email": DEMO_EMAIL, "password": "sandbox-demo", "next": "//evil.example/"}, follow=False
    )
    assert response.headers["Location"] == "/"


def test_an_expired_session_goes_back_to_the_login_page(visitor: Visitor, monkeypatch) -> None:
    nine_hours_ago = int(time.time()) - 9 * 3600
    with monkeypatch.context() as patched:
        # The session cookie is signed with a timestamp: sign this one nine hours in the past.
        patched.setattr(TimestampSigner, "get_timestamp", lambda self: nine_hours_ago)
        visitor.log_in()
    response = visitor.client.get("/billing")
    assert response.status_code == 303
    assert response.headers["Location"] == "/login?next=/billing"


def test_a_post_without_a_session_goes_to_the_login_page(visitor: Visitor) -> None:
    response = visitor.client.post(
        "/billing/contact", data={"name": "x"}, headers={"Referer": "http://localhost/billing"}
    )
    assert response.status_code == 303
    assert response.headers["Location"] == "/login?next=/billing"


def test_log_out(member: Visitor) -> None:
    response = member.submit("/billing", "/logout", {})
    assert "You have logged out." in Page(response.text).notices()
    assert member.client.get("/billing").status_code == 303


def test_unknown_pages_get_a_404_page(member: Visitor, visitor: Visitor) -> None:
    response = member.client.get("/billing/nothing-here")
    assert response.status_code == 404
    assert "Page not found There is no page at this address in the Therasoft sandbox." in Page(response.text).text
    assert member.client.get("/billing/invoices/999").status_code == 404


def test_unknown_pages_are_404_without_a_session_too(visitor: Visitor) -> None:
    assert visitor.client.get("/no-such-page").status_code == 404


def test_wrong_methods_get_a_405_page(member: Visitor) -> None:
    response = member.client.get("/logout")
    assert response.status_code == 405
    assert response.headers["Allow"] == "OPTIONS, POST"
    assert "Method not allowed" in Page(response.text).text
    assert member.client.delete("/billing").status_code == 405


def test_a_form_without_its_csrf_token_is_refused_and_saves_nothing(member: Visitor) -> None:
    response = member.client.post(
        "/billing/contact", data={"name": "Mallory", "email": "m@evil.example", "phone": "5035550199"}
    )
    assert response.status_code == 400
    assert (
        "This form has expired Nothing was saved. Go back, reload the page and try again." in Page(response.text).text
    )
    assert "Mallory" not in member.open("/billing").text


def test_a_form_with_a_forged_csrf_token_is_refused(member: Visitor) -> None:
    response = member.client.post("/billing/invoices/12/pay", data={"csrf_token": "forged"})
    assert response.status_code == 400
    assert "November 2026 INV-202611 Nov 20, 2026 $149.00 Due" in member.open("/billing").text


def test_the_top_navigation(member: Visitor) -> None:
    page = member.open("/billing")
    assert page.text.startswith("Skip to main content Therasoft Sandbox Setup")
    setup = page.by_id("setup-menu-button")
    assert setup.tag == "button"
    assert (setup.attrs["aria-haspopup"], setup.attrs["aria-expanded"]) == ("menu", "false")
    menu = page.by_id(setup.attrs["aria-controls"])
    assert (menu.attrs["role"], menu.attrs["aria-label"]) == ("menu", "Setup")
    items = [e.text for e in page.find("a", role="menuitem")]
    assert items == ["Company Information", "Intake Documents", "Catalog of Services", "Therasoft Billing"]
    assert [e.text for e in page.find("button", type="submit", **{"class": "logout-button"})] == ["LOG OUT"]
    assert page.find("a", href="/clients")[0].text == "Clients"


def test_the_setup_pages(member: Visitor) -> None:
    company = member.open("/setup/company-information")
    assert company.find("h1")[0].text == "Company Information"
    assert company.find("dl")[0].text.startswith("Practice name Willow Creek Counseling Address 410 Alder Street")
    assert "Consent for Treatment" in member.open("/setup/intake-documents").text
    assert "90837 Psychotherapy, 60 minutes 60 min $160.00" in member.open("/setup/catalog-of-services").text
    # Without JavaScript the Setup button leads here.
    assert "Company Information Intake Documents Catalog of Services Therasoft Billing" in member.open("/setup").text


def test_the_billing_page_panels(member: Visitor) -> None:
    page = member.open("/billing")
    headings = {e.attrs["id"]: e.text for e in page.find("h2") if e.attrs.get("id", "").endswith("-heading")}
    for section in page.find("section"):
        assert section.attrs["aria-labelledby"] in headings
    assert [headings[s.attrs["aria-labelledby"]] for s in page.find("section")] == [
        "Payment Method",
        "Billing Contact",
        "Invoices",
        "Change Requests",
    ]
    assert page.find("h1")[0].text == "Therasoft Billing"
    assert "Payment Method Visa ending in 4242 Jordan Avery · Expires 08/28 Status: Active Card Details" in page.text
    assert "Billing Contact Name Jordan Avery Email billing@willowcreek.example Phone (503) 555-0142 Edit Contact" in (
        page.text
    )
    assert "Change Requests Add Change Request Submitted Type Description Status Oct 28, 2026 Add a user" in page.text


def test_the_dialogs_are_named_by_their_headings(member: Visitor) -> None:
    page = member.open("/billing")
    names = {}
    for dialog in page.find("dialog"):
        names[dialog.attrs["id"]] = page.by_id(dialog.attrs["aria-labelledby"]).text
    assert names == {
        "card-details-dialog": "Card Details",
        "billing-contact-dialog": "Billing Contact",
        "prepay-dialog": "Pre-pay",
        "change-request-dialog": "Add Change Request",
    }
    tabs = [(e.text, e.attrs["aria-selected"]) for e in page.find("a", role="tab")]
    assert tabs == [("Card", "true"), ("Bank account", "false")]
    assert "hidden" in page.by_id("method-panel-bank").attrs
    assert "hidden" not in page.by_id("method-panel-card").attrs


def test_invoices_table(member: Visitor) -> None:
    page = member.open("/billing")
    table = page.find("table", aria_label="Invoices")[0]
    assert table.text.startswith(
        "Period Invoice Due date Amount Status Actions "
        "November 2026 INV-202611 Nov 20, 2026 $149.00 Due View November 2026 "
        "Print November 2026 Pay November 2026 October 2026 INV-202610"
    )
    assert table.text.count(" Paid ") == 11
    assert table.text.count("Pay ") == 1
    assert table.text.endswith(
        "December 2025 INV-202512 Dec 20, 2025 $149.00 Paid View December 2025 Print December 2025"
    )


def test_invoice_view_and_print_pages(member: Visitor) -> None:
    view = member.open("/billing/invoices/11")
    assert "Invoice October 2026 Print" in view.text
    assert "Status Paid Paid Oct 3, 2026 with Visa ending in 4242" in view.text
    assert "Therasoft Practice plan, 3 clinicians $129.00 Telehealth add-on $20.00 Total $149.00" in view.text
    printed = member.open("/billing/invoices/11/print")
    assert printed.find("header", **{"class": "topbar"}) == []
    assert "Invoice October 2026" in printed.text
    assert "Sandbox invoice: demo data, not a request for payment" in printed.text


def test_without_javascript_each_dialog_is_a_page(member: Visitor) -> None:
    card = member.open("/billing/card-details")
    assert card.find("h1")[0].text == "Card Details"
    assert card.find("input", name="source")[0].attrs["value"] == "page"
    bank = member.open("/billing/card-details?method=bank")
    assert [(e.text, e.attrs["aria-selected"]) for e in bank.find("a", role="tab")] == [
        ("Card", "false"),
        ("Bank account", "true"),
    ]
    assert member.open("/billing/contact").by_id("contact-email").attrs["value"] == "billing@willowcreek.example"
    assert "Months" in member.open("/billing/prepay").text
    assert "Type Choose a type" in member.open("/billing/change-requests/new").text


def test_sandbox_controls_set_the_payment_method_status(member: Visitor) -> None:
    response = member.submit("/sandbox", "/sandbox/payment-method-status", {"status": "Pending"})
    assert "Payment method status set to Pending." in Page(response.text).notices()
    assert "Status: Pending" in member.open("/billing").text


def test_the_clients_pages(member: Visitor) -> None:
    clients = member.open("/clients")
    assert clients.find("table")[0].text.startswith(
        "Name Date of birth Phone Receipt emails Taylor Brooks Jan 23, 1994 (971) 555-0123 taylor.brooks@example.com"
    )
    registration = member.open("/clients/1/registration")
    assert registration.find("h1")[0].text == "Registration Morgan Lee"
    tabs = [(e.text, e.attrs["aria-selected"]) for e in registration.find("a", role="tab")]
    assert tabs == [("DEMOGRAPHICS", "true"), ("ADDRESS", "false"), ("INSURANCE", "false")]
    address = member.open("/clients/1/registration?tab=address&sub=self")
    tabs = [(e.text, e.attrs["aria-selected"]) for e in address.find("a", role="tab")]
    assert tabs[3:] == [("Self Address", "true"), ("Guarantor Address", "false")]
    assert address.by_id("address-email").attrs["value"] == "morgan.lee@example.com"
