"""What kind of control a step's words name: the ARIA roles a verb or a noun narrows a label to.

"the **Setup** menu" is what opens a menu, "the **Kind** list" a field of options, "the
**Billing Contact** panel" a region to look in. The words never name an element outright: the
live page is searched by accessible name among these roles (`capture/find/`).
"""

from __future__ import annotations

# What a person clicks, and what a person types into or chooses from.
CLICKABLE_ROLES = (
    "button",
    "link",
    "menuitem",
    "menuitemcheckbox",
    "menuitemradio",
    "tab",
    "option",
    "checkbox",
    "radio",
    "switch",
    "treeitem",
)
FIELD_ROLES = ("textbox", "searchbox", "combobox", "spinbutton", "listbox", "checkbox", "radio", "switch", "slider")
# "Tick the box of **tom.becker**": what a reader ticks is a checkbox, a switch or a radio button.
TOGGLE_ROLES = ("checkbox", "switch", "menuitemcheckbox", "radio")
CONTAINER_ROLES = ("region", "dialog", "alertdialog", "form", "table", "grid", "menu", "tabpanel", "group")

# The noun after a label narrows the roles it may have: "the **Setup** menu" is what opens a menu.
NOUN_ROLES: dict[str, tuple[str, ...]] = {
    "button": ("button",),
    "menu": ("button", "menuitem", "link", "combobox"),
    "tab": ("tab",),
    "link": ("link",),
    "option": ("option", "radio", "menuitemradio"),
    "checkbox": ("checkbox", "menuitemcheckbox", "switch"),
    "check box": ("checkbox", "menuitemcheckbox", "switch"),
    "radio button": ("radio", "menuitemradio"),
    "switch": ("switch", "checkbox"),
    "toggle": ("switch", "checkbox"),
    "menu item": ("menuitem", "menuitemcheckbox", "menuitemradio"),
    "item": ("menuitem", "menuitemcheckbox", "menuitemradio", "option", "treeitem", "tab", "link"),
    "page": ("link", "button", "tab", "menuitem"),
    "icon": ("button", "link"),
    "field": FIELD_ROLES,
    "box": FIELD_ROLES,
    "dropdown": ("combobox", "listbox"),
    "list": ("combobox", "listbox"),
}
SCOPE_ROLES: dict[str, tuple[str, ...]] = {
    "panel": ("region", "tabpanel", "group", "form", "complementary"),
    "section": ("region", "group", "form"),
    "area": ("region", "group"),
    "dialog": ("dialog", "alertdialog"),
    "window": ("dialog", "alertdialog"),
    "menu": ("menu", "menubar"),
    "table": ("table", "grid"),
    "list": ("list", "listbox", "table"),
    "form": ("form", "region"),
    "tab": ("tabpanel",),
    "page": ("region", "main"),
}
DEFAULT_SCOPE_ROLES = ("region", "dialog", "alertdialog", "form", "table", "grid", "menu", "tabpanel", "group")
