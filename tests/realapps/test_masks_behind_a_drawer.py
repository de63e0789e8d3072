"""A person's details behind react-admin's menu drawer are painted over only where they show.

On a phone-wide screen, react-admin's menu is a Material UI drawer that slides over the page on a
dimmed, translucent backdrop. A technician's page behind it shows their name and email: where the
drawer's opaque paper covers them, a reader sees the menu, so no mask is painted there; where
only the backdrop dims them, they are painted over as ever; and what they say leaves the ARIA
record either way. Nothing of this is ours but the seeded technician.
"""

from __future__ import annotations

import pytest
from masked_pictures import masked_share, overlap, photographed, split_at
from realapps.react_admin_app import PASSWORD, USERNAME, RunningHelpdesk

from helpcentre.capture.page.quiet import until_still

pytestmark = pytest.mark.browser

PHONE = {"width": 400, "height": 760}
# A technician of the app's seed (seed.json).
TECHNICIAN = {"id": 3, "name": "Olu Adeyemi", "email": "olu.adeyemi@northgate-helpdesk.example"}


def test_the_menu_drawer_hides_a_technicians_details_and_its_backdrop_does_not(
    chromium, react_admin: RunningHelpdesk
) -> None:
    run, browser = chromium

    async def scenario():
        context = await browser.new_context(viewport=PHONE)
        page = await context.new_page()
        await page.goto(react_admin.url + "#/login")
        await page.get_by_role("textbox", name="Username").fill(USERNAME)
        await page.get_by_role("textbox", name="Password").fill(PASSWORD)
        await page.get_by_role("button", name="Sign in").click()
        await page.get_by_role("button", name="Open menu").wait_for()
        await page.goto(react_admin.url + f"#/technicians/{TECHNICIAN['id']}/show")
        main = page.get_by_role("main")
        details = {what: main.get_by_text(TECHNICIAN[what], exact=True) for what in ("name", "email")}
        await details["email"].wait_for()
        # Where they are; the open menu hides the page from the accessibility tree, not from view.
        boxes = {what: await locator.bounding_box() for what, locator in details.items()}
        await page.get_by_role("button", name="Open menu").click()
        await page.get_by_role("menuitem", name="Tickets").wait_for()
        await until_still(page)
        shot = await photographed(page)
        menu = await page.get_by_role("menuitem", name="Tickets").evaluate(
            "item => item.closest('.MuiDrawer-paper').getBoundingClientRect().toJSON()"
        )
        await context.close()
        return shot, boxes, menu

    shot, boxes, menu = run(scenario())
    edge = menu["x"] + menu["width"]
    # The name is wholly behind the menu; the email runs out past it, onto the dimmed page.
    assert boxes["name"]["x"] + boxes["name"]["width"] < edge < boxes["email"]["x"] + boxes["email"]["width"]
    masks = shot.mask_boxes()
    assert [mask for mask in masks if overlap(mask, menu)] == []
    assert [mask for mask in masks if overlap(mask, boxes["name"])] == []
    behind, dimmed = split_at(boxes["email"], edge)
    assert (masked_share(shot.picture, behind), masked_share(shot.picture, dimmed)) == (0.0, 1.0)
    said = [TECHNICIAN["name"], TECHNICIAN["email"]]
    assert [value for value in said if any(value in text for text in shot.reading.values)] == said
    assert [value for value in said if value in shot.aria] == []
