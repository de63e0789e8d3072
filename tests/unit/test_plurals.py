"""Role names counted in messages read as English: "2 textboxes", "checkboxes here"."""

import pytest

from helpcentre.plurals import counted, plural_of
from helpcentre.verify.repair import suggest_rename

PLURALS = {
    "textbox": "textboxes",
    "checkbox": "checkboxes",
    "combobox": "comboboxes",
    "listbox": "listboxes",
    "switch": "switches",
    "status": "statuses",
    "directory": "directories",
    "button": "buttons",
    "menuitem": "menuitems",
    "gridcell": "gridcells",
}


@pytest.mark.parametrize("noun, plural", PLURALS.items())
def test_a_role_name_has_its_english_plural(noun, plural):
    assert plural_of(noun) == plural


def test_one_is_singular_and_more_are_plural():
    assert (counted(1, "textbox"), counted(2, "textbox"), counted(0, "field")) == (
        "1 textbox",
        "2 textboxes",
        "0 fields",
    )


def test_a_dialog_that_lost_a_field_says_how_many_textboxes_it_has():
    dialog = '- dialog "Billing Contact":\n  - textbox "Name"\n  - textbox "Email"\n  - textbox "Phone"\n'
    now = '- main:\n  - dialog "Billing Contact":\n    - textbox "Name"\n    - textbox "Email"\n'
    assert suggest_rename(dialog, now, "Phone", ("textbox",)) == (
        None,
        "dialog 'Billing Contact' has 2 textboxes where it had 3: a control was added or removed, not renamed",
    )
