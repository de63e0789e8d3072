"""Personal data painted over with no mask configured: pixel checks on the sandbox's client pages.

Each page is photographed as capture photographs it, its masks marked (none configured), then
every seeded detail of the clients is looked for where the page shows it: each of those boxes
must be all mask colour in the picture, and what is not a person's (headings, column names,
tabs) must still show.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from PIL import Image
from playwright.async_api import Page

from billing_sandbox.process import SandboxProcess
from helpcentre.capture.page.masks import MASK_COLOUR, PageMasks, failure_picture

MASK_RGB = tuple(int(MASK_COLOUR[at : at + 2], 16) for at in (1, 3, 5))
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
ADDRESS_FIELDS = ["Street", "City", "State", "ZIP code", "Email"]


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxProcess]:
    with SandboxProcess(tmp_path_factory.mktemp("sandbox")) as running:
        yield running


async def signed_in_page(browser, sandbox: SandboxProcess, path: str):
    context = await browser.new_context(viewport=VIEWPORT, storage_state=sandbox.signed_in_state())
    page = await context.new_page()
    await page.goto(sandbox.url + path)
    return context, page


async def photographed(page: Page, unmask=None) -> Image.Image:
    masks = PageMasks(page, [], unmask=unmask)
    await masks.mark_elements()
    png = await page.screenshot(
        type="png",
        scale="css",
        animations="disabled",
        caret="hide",
        mask=masks.screenshot_mask(),
        mask_color=MASK_COLOUR,
    )
    return Image.open(io.BytesIO(png)).convert("RGB")


def masked_share(picture: Image.Image, box: dict) -> float:
    """The share of the box's pixels (a pixel in from its edges) painted in the mask colour."""
    pixels = [
        picture.getpixel((x, y))
        for x in range(int(box["x"]) + 1, int(box["x"] + box["width"]) - 1)
        for y in range(int(box["y"]) + 1, int(box["y"] + box["height"]) - 1)
    ]
    return sum(pixel == MASK_RGB for pixel in pixels) / max(len(pixels), 1)


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
        picture = await photographed(page)
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
        demographics = await photographed(page)
        details = await boxes_of_text(page, REGISTRATION)
        await page.goto(sandbox.url + "clients/1/registration?tab=address&sub=self")
        address = await photographed(page)
        fields = {label: await page.get_by_label(label, exact=True).bounding_box() for label in ADDRESS_FIELDS}
        tabs = await boxes_of_text(page, ["Self Address"])
        # A target lets the street show.
        street = page.get_by_label("Street", exact=True)
        unmasked = await photographed(page, unmask=[street])
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
