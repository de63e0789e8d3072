"""Every step picture on a 390×844 phone: the product's text at a size a reader can read, and the whole picture a tap away."""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import Page, expect

PHONE = {"width": 390, "height": 844}
# The smallest text a reader can read, in CSS pixels.
LEGIBLE_PX = 9


def recorded_steps(project_root: Path) -> dict[str, dict[int, dict]]:
    manifest = json.loads((project_root / "screenshots" / "manifest.json").read_text(encoding="utf-8"))
    return {ref: {step["step"]: step for step in entry["steps"]} for ref, entry in manifest["articles"].items()}


def test_every_step_picture_reads_on_a_phone(page: Page, site_url: str, project_root: Path):
    page.set_viewport_size(PHONE)
    shown = []
    for ref, steps in recorded_steps(project_root).items():
        page.goto(f"{site_url}{ref}/")
        pictures = page.locator("img.hc-step-shot")
        expect(pictures).to_have_count(len(steps))
        # Lazy pictures below the fold: each is loaded, as scrolling to it would.
        pictures.evaluate_all("images => images.forEach(image => { image.loading = 'eager' })")
        page.wait_for_function(
            "[...document.querySelectorAll('img.hc-step-shot')].every(image => image.complete && image.naturalWidth)"
        )
        for image in pictures.all():
            source, natural, drawn = image.evaluate(
                "image => [image.currentSrc, image.naturalWidth, image.getBoundingClientRect().width]"
            )
            number = int(re.search(r"/(\d+)\.(?:published|phone)\.png$", source)[1])
            text_px = steps[number].get("text_px")
            assert text_px, f"{ref} step {number}: capture recorded no text size"
            shown.append((ref, number, source.rsplit("/", 1)[1], round(text_px * drawn / natural, 1)))
    unreadable = [entry for entry in shown if entry[3] < LEGIBLE_PX]
    assert not unreadable, unreadable
    # The wide ones are read from their crops.
    assert {name for *_, name, _ in shown if name.endswith(".phone.png")}


def test_on_a_phone_a_cropped_picture_opens_whole(page: Page, site_url: str):
    page.set_viewport_size(PHONE)
    page.goto(site_url + "billing/view-print-or-pay-invoices/")
    picture = page.locator("#step-3 a.glightbox")
    picture.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('#step-3 img').currentSrc.endsWith('/03.phone.png')")
    picture.click()
    enlarged = page.locator(".gslide.current .gslide-image img")
    expect(enlarged).to_be_visible()
    expect(enlarged).to_have_attribute("src", re.compile(r"/03\.published\.png$"))


def test_a_pictures_alt_text_says_what_it_shows_not_the_step_again(page: Page, site_url: str):
    page.goto(site_url + "billing/change-card-or-bank-info/")
    step = page.locator("#step-3")
    expect(step.locator("img")).to_have_attribute(
        "alt", "The Payment Method region, with the Card Details button highlighted."
    )
    assert step.locator("img").get_attribute("alt") not in step.inner_text()
