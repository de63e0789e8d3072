"""An edge drawn a pixel over is not a change; a new word, colour or size still is."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser
from screenshot_corpus import BASE, CARD_PAGE

from helpcentre.compare import AA_COLOR, compare_images, decode_png


def shoot(browser: Browser, variants: list[dict]) -> list[bytes]:
    page = browser.new_page(viewport={"width": 640, "height": 200}, device_scale_factor=1)
    try:
        shots = []
        for variant in variants:
            page.set_content(CARD_PAGE.format(**variant))
            page.evaluate("document.fonts.ready.then(() => undefined)")
            shots.append(page.screenshot(animations="disabled", caret="hide"))
        return shots
    finally:
        page.close()


@pytest.fixture(scope="module")
def card_shots(browser: Browser) -> dict[str, bytes]:
    variants = {
        "base": BASE,
        # The whole card a pixel to the right: every edge is drawn a pixel over.
        "moved": {**BASE, "left": "25px"},
        "one-letter": {**BASE, "label": "Update cord"},
        "one-more-letter": {**BASE, "label": "Update cards"},
        "colour": {**BASE, "accent": "#1e40af"},
        "bigger-text": {**BASE, "size": "16px"},
    }
    return dict(zip(variants, shoot(browser, list(variants.values())), strict=True))


def counted(shots: dict[str, bytes], name: str, edge_shift: int) -> int:
    return compare_images(shots["base"], shots[name], threshold=0.1, edge_shift=edge_shift).mismatched


def test_a_card_drawn_a_pixel_over_does_not_count(card_shots):
    assert counted(card_shots, "moved", edge_shift=0) > 0
    assert counted(card_shots, "moved", edge_shift=1) == 0
    assert compare_images(card_shots["base"], card_shots["moved"], edge_shift=1).shifted > 0


@pytest.mark.parametrize("name", ["one-letter", "one-more-letter", "colour"])
def test_a_changed_letter_or_colour_counts_whole(card_shots, name):
    exact = counted(card_shots, name, edge_shift=0)
    assert exact > 0
    assert counted(card_shots, name, edge_shift=1) == exact


def test_bigger_text_counts_and_the_button_it_pushes_a_pixel_down_does_not(card_shots):
    exact = counted(card_shots, "bigger-text", edge_shift=0)
    shifted = compare_images(card_shots["base"], card_shots["bigger-text"], edge_shift=1)
    assert shifted.mismatched > 0 and shifted.shifted > 0
    assert shifted.mismatched + shifted.shifted == exact


def test_the_diff_image_draws_shifted_pixels_as_not_counted(card_shots):
    comparison = compare_images(card_shots["base"], card_shots["moved"], edge_shift=1)
    assert comparison.matches and comparison.diff_png is not None
    pixels = decode_png(comparison.diff_png).reshape(-1, 4)[:, :3]
    assert (pixels == AA_COLOR).all(axis=1).sum() == comparison.shifted + comparison.anti_aliased
