"""Personal data painted over with no mask configured: pixel checks on the sandbox's client pages.

Each page is photographed as capture photographs it, its masks marked (none configured), then
every seeded detail of the clients is looked for where the page shows it: each of those boxes
must be all mask colour in the picture, and what is not a person's (headings, column names,
tabs) must still show. Behind an open dialog, a detail is painted over only where it shows: not
over the dialog, but still through the dimmed backdrop around it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from masked_pictures import area, masked_share, overlap, photographed, split_at
from PIL import Image
from playwright.async_api import Page

from billing_sandbox.process import SandboxProcess
from helpcentre.capture.page.masks import failure_picture

VIEWPORT = {"width": 1280, "height": 1000}
# The seeded clients' details as the pages show them.
CLIENT_LIST = [
    "Morgan Lee",
    "Apr 12, 1988",
    "(503) 555-0175",
    "morgan.lee@example.com",
    "Taylor Brooks",
    "(971) 555-0123",
]
REGISTRATION = ["Apr 12, 1988", "(503) 555-0175"]
# The billing contact, in its panel of the Billing page.
CONTACT = ["Jordan Avery", "billing@willowcreek.example", "(503) 555-0142"]
ADDRESS_FIELDS = ["Street", "City", "State", "ZIP code", "Email"]


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxProcess]:
    with SandboxProcess(tmp_path_factory.mktemp("sandbox")) as running:
        yield running


async def signed_in_page(browser, sandbox: SandboxProcess, path: str, viewport: dict = VIEWPORT):
    context = await browser.new_context(viewport=viewport, storage_state=sandbox.signed_in_state())
    page = await context.new_page()
    await page.goto(sandbox.url + path)
    return context, page


async def boxes_of_text(page: Page, texts: list[str]) -> dict[str, dict]:
    found = {}
    for text in texts:
        found[text] = await page.get_by_text(text, exact=True).first.bounding_box()
        assert found[text] is not None, f"the page no longer shows {text!r}"
    return found


def test_the_client_list_shows_no_clients_details(chromium, sandbox: SandboxProcess):
    run, browser = chromium

    async def scenario():
        context, page = await signed_in_page(browser, sandbox, "clients")
        picture = (await photographed(page)).picture
        details = await boxes_of_text(page, CLIENT_LIST)
        kept = await boxes_of_text(page, ["Name", "Date of birth", "Phone", "Receipt emails"])
        await context.close()
        return picture, details, kept

    picture, details, kept = run(scenario())
    assert {text: masked_share(picture, box) for text, box in details.items()} == dict.fromkeys(CLIENT_LIST, 1.0)
    assert {text: masked_share(picture, box) for text, box in kept.items()} == dict.fromkeys(kept, 0.0)


def test_a_clients_registration_shows_no_details_and_its_fields_no_values(chromium, sandbox: SandboxProcess):
    run, browser = chromium

    async def scenario():
        context, page = await signed_in_page(browser, sandbox, "clients/1/registration")
        demographics = (await photographed(page)).picture
        details = await boxes_of_text(page, REGISTRATION)
        await page.goto(sandbox.url + "clients/1/registration?tab=address&sub=self")
        address = (await photographed(page)).picture
        fields = {label: await page.get_by_label(label, exact=True).bounding_box() for label in ADDRESS_FIELDS}
        tabs = await boxes_of_text(page, ["Self Address"])
        # A target lets the street show.
        street = page.get_by_label("Street", exact=True)
        unmasked = (await photographed(page, unmask=[street])).picture
        await context.close()
        return demographics, details, address, fields, tabs, unmasked

    demographics, details, address, fields, tabs, unmasked = run(scenario())
    assert {text: masked_share(demographics, box) for text, box in details.items()} == dict.fromkeys(REGISTRATION, 1.0)
    assert {label: masked_share(address, box) for label, box in fields.items()} == dict.fromkeys(ADDRESS_FIELDS, 1.0)
    assert masked_share(address, tabs["Self Address"]) == 0.0
    assert masked_share(unmasked, fields["Street"]) == 0.0
    assert masked_share(unmasked, fields["City"]) == 1.0


def test_the_picture_of_a_failed_step_shows_no_clients_details(chromium, sandbox: SandboxProcess):
    run, browser = chromium

    async def scenario():
        context, page = await signed_in_page(browser, sandbox, "clients")
        png = await failure_picture(page, [], [])
        details = await boxes_of_text(page, CLIENT_LIST)
        await context.close()
        return Image.open(io.BytesIO(png)).convert("RGB"), details

    picture, details = run(scenario())
    assert {text: masked_share(picture, box) for text, box in details.items()} == dict.fromkeys(CLIENT_LIST, 1.0)


def test_a_dialog_hides_the_details_behind_it_and_its_backdrop_does_not(chromium, sandbox: SandboxProcess):
    run, browser = chromium

    async def scenario():
        # The height capture uses: the dialog opens over the Billing Contact panel's details.
        context, page = await signed_in_page(browser, sandbox, "billing", {"width": 1280, "height": 800})
        await page.get_by_role("button", name="Edit Contact").click()
        dialog = page.get_by_role("dialog", name="Billing Contact")
        await dialog.wait_for()
        shot = await photographed(page)
        contact = page.locator("section", has=page.get_by_role("heading", name="Billing Contact", exact=True))
        behind = {value: await contact.get_by_text(value, exact=True).bounding_box() for value in CONTACT}
        # The card holder, the same person, left of the dialog in the Payment Method panel.
        method = page.locator("section", has=page.get_by_role("heading", name="Payment Method"))
        holder = await method.get_by_text(CONTACT[0], exact=True).bounding_box()
        lead = await dialog.get_by_text("The billing contact receives").bounding_box()
        fields = [await field.bounding_box() for field in await dialog.get_by_role("textbox").all()]
        corner = float(await dialog.evaluate("dialog => parseFloat(getComputedStyle(dialog).borderTopRightRadius)"))
        found = shot, behind, holder, await dialog.bounding_box(), corner, lead, fields
        await context.close()
        return found

    shot, behind, holder, dialog, corner, lead, fields = run(scenario())
    edge = dialog["x"] + dialog["width"]
    # Each detail runs from behind the dialog out past its right edge, onto the dimmed page.
    assert [
        value for value, box in behind.items() if overlap(box, dialog) and box["x"] + box["width"] > edge
    ] == CONTACT
    # On the dialog (but for its rounded corners, where the page shows through) only its own fields
    # are painted over; right of it, the details are.
    inside = [
        {**dialog, "x": dialog["x"] + corner, "width": dialog["width"] - 2 * corner},
        {**dialog, "y": dialog["y"] + corner, "height": dialog["height"] - 2 * corner},
    ]
    on_dialog = [mask for mask in shot.mask_boxes() if any(overlap(mask, part) for part in inside)]
    assert len(fields) == 3
    assert [mask for mask in on_dialog if not any(overlap(mask, field) == area(mask) for field in fields)] == []
    assert {value: masked_share(shot.picture, split_at(box, edge)[1]) for value, box in behind.items()} == (
        dict.fromkeys(CONTACT, 1.0)
    )
    # The dialog's words show where those masks used to cover them; what the backdrop only dims is masked.
    assert masked_share(shot.picture, lead) == 0.0
    assert masked_share(shot.picture, holder) == 1.0
    # What the details say leaves the ARIA record all the same.
    assert [value for value in CONTACT if any(value in said for said in shot.reading.values)] == CONTACT
    assert [value for value in CONTACT if value in shot.aria] == []
