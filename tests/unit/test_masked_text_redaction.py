"""What a mask covers leaves the ARIA record however the snapshot spells it."""

import pytest

from helpcentre.capture.page.masked_text import redact

CASES = {
    # Django's timesince writes a non-breaking space; the snapshot reads a plain one.
    "a non-breaking space": ('- button "Draft saved 11 minutes ago"', ["11\xa0minutes ago"]),
    # CSS capitals are in innerText, not in the page's own words, which the snapshot keeps.
    "capitals drawn by CSS": ("- time: 11 min ago", ["11 MIN AGO"]),
    # innerText puts tabs between a row's cells; the snapshot names the row with spaces.
    "a row's cells": ('- row "Dana Whitfield dana@example.com"', ["Dana Whitfield\tdana@example.com"]),
    # A quoted name escapes its quotes and backslashes.
    "quotes and backslashes": ('- link "Open \\"Q3\\" in C:\\\\Reports"', ['Open "Q3" in C:\\Reports']),
    # Zero-width spaces and soft hyphens are not read out.
    "unread characters": ("- text: Jordan Avery", ["Jor\u00addan\u200b Avery"]),
}


@pytest.mark.parametrize("aria, masked", CASES.values(), ids=CASES.keys())
def test_masked_text_is_replaced_however_the_snapshot_spells_it(aria, masked):
    assert "‹masked›" in redact(aria, masked)
    assert not any(word in redact(aria, masked) for word in ("minutes", "min ago", "Whitfield", "Q3", "Avery"))


def test_only_the_masked_words_go_and_short_pieces_stay():
    aria = '- row "Invoice 12 Paid 11 minutes ago":\n  - cell "12"\n  - text: Paid'
    assert redact(aria, ["11\xa0minutes ago\n12"]) == '- row "Invoice 12 Paid ‹masked›":\n  - cell "12"\n  - text: Paid'
