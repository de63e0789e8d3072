"""Pictures that hold on any page: a frame never cuts through a banner, a sidebar or a breadcrumb
bar, and the published copy's badge never covers what the picture shows.

Small generic pages in one Chromium for the session; the assertions read the frames' boxes and
the pictures' pixels.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image

from helpcentre.baselines.publish import published_copy, shot_offset
from helpcentre.baselines.shot import Box
from helpcentre.capture.page.framing import frame_around

HEADER = (30, 58, 138)
SIDEBAR = (15, 118, 110)
BREADCRUMBS = (124, 58, 237)

STYLE = """<style>
  body { margin: 0; font: 16px sans-serif; background: #fff; }
  header { position: fixed; top: 0; left: 0; right: 0; height: 56px; background: rgb(30, 58, 138); color: #fff; }
  aside { position: fixed; top: 56px; left: 0; bottom: 0; width: 200px; background: rgb(15, 118, 110); }
  aside a { color: #fff; display: block; padding: 8px; }
  main { margin-left: 200px; padding-top: 56px; }
  .crumbs { height: 40px; background: rgb(124, 58, 237); color: #fff; }
  section { border: 1px solid #ccc; width: 420px; }
  h2 { margin: 0; font-size: 24px; line-height: 28px; }
</style>"""

# A region 8 px from the sidebar and 8 px under the header: its 16 px of padding reach into both.
SIDEBAR_PAGE = (
    STYLE
    + """<header>Acme</header>
<aside aria-label="Sections"><nav aria-label="Side"><a href="#billing">Billing</a><a href="#team">Team</a></nav></aside>
<main><section aria-label="Payment methods" style="margin: 8px 0 0 8px; padding: 12px">
  <h2>Payment methods</h2><p>Visa ending in 4242</p><button>Add card</button>
</section></main>"""
)

# A breadcrumb bar above the region: the padding takes the foot of it.
BREADCRUMB_PAGE = (
    STYLE
    + """<header>Acme</header>
<aside aria-label="Sections"><nav aria-label="Side"><a href="#billing">Billing</a></nav></aside>
<main><nav class="crumbs" aria-label="Breadcrumb">Home › Billing</nav>
<section aria-label="Invoices" style="margin: 6px 0 0 24px; padding: 12px"><h2>Invoices</h2><button>View</button></section>
</main>"""
)

# A tight button near the top-left, in no container: framed with the page around it.
LOOSE_PAGE = (
    STYLE
    + """<header>Acme</header>
<aside aria-label="Sections"><nav aria-label="Side"><a href="#billing">Billing</a></nav></aside>
<main><button style="margin: 8px">Export</button><p>Everything you have, as a file.</p></main>"""
)

# A tight frame: the heading touches the region's corner, and the region the sidebar.
TIGHT_PAGE = (
    STYLE
    + """<header>Acme</header>
<aside aria-label="Sections"><nav aria-label="Side"><a href="#billing">Billing</a></nav></aside>
<main><section aria-label="Payment methods" style="border: 0"><h2>Payment methods</h2><p>Visa ending in 4242</p>
</section></main>"""
)


SCENES = {
    "sidebar": (SIDEBAR_PAGE, "button", "Add card"),
    "sidebar link": (SIDEBAR_PAGE, "link", "Team"),
    "breadcrumbs": (BREADCRUMB_PAGE, "button", "View"),
    "loose": (LOOSE_PAGE, "button", "Export"),
    "tight": (TIGHT_PAGE, "heading", "Payment methods"),
}


async def _frames_and_pictures(browser) -> dict:
    """Each scene's frame around its element, the picture of that frame, and the element's box in it."""
    found = {}
    page = await browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        for scene, (html, role, name) in SCENES.items():
            await page.set_content(html)
            element = await page.get_by_role(role, name=name).element_handle()
            frame = await frame_around(page, [element])
            assert frame is not None
            clip = {"x": frame.x, "y": frame.y, "width": frame.width, "height": frame.height}
            png = await page.screenshot(clip=clip, animations="disabled", caret="hide", scale="css")
            box = await element.bounding_box()
            at = Box(box["x"] - frame.x, box["y"] - frame.y, box["width"], box["height"])
            found[scene] = {"frame": frame, "png": png, "box": at}
    finally:
        await page.close()
    return found


@pytest.fixture(scope="module")
def framed(chromium) -> dict:
    run, browser = chromium
    return run(_frames_and_pictures(browser))


def colours(png: bytes) -> set[tuple[int, int, int]]:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return {colour for _, colour in image.getcolors(image.width * image.height)}


def test_a_sliver_of_the_sidebar_and_the_header_is_trimmed_off(framed):
    frame = framed["sidebar"]["frame"]
    assert frame.described == "region 'Payment methods'"
    assert (frame.x, frame.y) == (200, 56), "the frame starts where the sidebar and the header end"
    assert frame.width == 8 + 420 + 2 * 12 + 2 + 16 and frame.height > 100, "the rest of the padding stays"
    assert not colours(framed["sidebar"]["png"]) & {SIDEBAR, HEADER}
    # A frame inside a landmark (the sidebar's navigation) is part of it: the sidebar is not taken whole.
    inside = framed["sidebar link"]["frame"]
    assert inside.described == "navigation 'Side'" and inside.height < 200


def test_the_foot_of_a_breadcrumb_bar_is_trimmed_off(framed):
    frame = framed["breadcrumbs"]["frame"]
    assert frame.described == "region 'Invoices'"
    assert frame.y == 56 + 40, "the frame starts under the breadcrumb bar"
    assert not colours(framed["breadcrumbs"]["png"]) & {BREADCRUMBS, HEADER, SIDEBAR}


def test_a_tight_button_near_the_top_left_keeps_the_page_around_it_without_cutting_the_header(framed):
    frame = framed["loose"]["frame"]
    assert frame.described == "the page around it"
    assert (frame.x, frame.y) == (200, 56)
    assert frame.width > 160 and frame.height > 96, "the page to the right of and below the button is kept"
    assert not colours(framed["loose"]["png"]) & {HEADER, SIDEBAR}


def test_the_badge_sits_in_the_margin_and_the_picture_shows_all_of_payment_methods(framed):
    tight = framed["tight"]
    raw = Image.open(io.BytesIO(tight["png"])).convert("RGB")
    box = tight["box"]
    assert box.x < 2 and box.y < 20, "the heading starts at the picture's left edge, near its top"
    published = Image.open(io.BytesIO(published_copy(tight["png"], 1, box))).convert("RGB")
    left, top = shot_offset()
    heading = (int(box.x), int(box.y), int(box.x + box.width), int(box.y + box.height))
    shown = published.crop((left + heading[0], top + heading[1], left + heading[2], top + heading[3]))
    assert shown.tobytes() == raw.crop(heading).tobytes(), "not a pixel of 'Payment methods' is covered"
    assert published.crop((left, top, left + raw.width, top + raw.height)).size == raw.size
