"""What `fix` may repair: one renamed control in its place, and the article's bold labels only."""

import yaml

from helpcentre.verify.repair import edited_lines, rewrite_labels, suggest_rename

PANEL = """\
- region "Payment Method":
  - heading "Payment Method" [level=2]
  - paragraph: Visa ending in 4242
  - button "Card Details"
  - button "Remove"
"""
PAGE = """\
- banner:
  - navigation "Main":
    - button "Setup"
- main:
{panel}  - region "Invoices":
    - heading "Invoices" [level=2]
    - button "Pre-pay"
"""


def page_with(panel: str) -> str:
    return PAGE.format(panel="".join(f"  {line}\n" for line in panel.splitlines()))


def test_a_control_renamed_in_its_place_is_a_rename():
    page = page_with(PANEL.replace('"Card Details"', '"Payment Details"'))
    rename, why = suggest_rename(PANEL, page, "Card Details", ("button",))
    assert (rename.old, rename.new, rename.role, why) == ("Card Details", "Payment Details", "button", "")


def test_a_removed_control_moved_container_or_repeated_name_is_left_to_a_writer():
    removed = page_with(PANEL.replace('  - button "Card Details"\n', ""))
    assert suggest_rename(PANEL, removed, "Card Details", ("button",)) == (
        None,
        "region 'Payment Method' has 1 button where it had 2: a control was added or removed, not renamed",
    )
    moved = page_with("")
    assert suggest_rename(PANEL, moved, "Card Details", ("button",))[1] == (
        "region 'Payment Method' is not on the page any more: the flow moved"
    )
    elsewhere = moved + PANEL.replace("Payment Method", "Billing")
    assert suggest_rename(PANEL, elsewhere, "Card Details", ("button",))[1] == (
        "button 'Card Details' is still there (region 'Billing'); the step fails for another reason"
    )
    twice = page_with(PANEL.replace('"Card Details"', '"Pre-pay"'))
    assert suggest_rename(PANEL, twice, "Card Details", ("button",))[1] == (
        "'Pre-pay' names more than one button on the page"
    )
    assert suggest_rename(PANEL, page_with(PANEL), "Card", ("button",))[1] == (
        "the step's baseline does not show exactly one control named 'Card'"
    )


def test_a_renamed_panel_is_known_by_what_it_holds():
    renamed = PANEL.replace("Payment Method", "Payment Methods")
    rename, _ = suggest_rename(PANEL, page_with(renamed), "Payment Method", ("region",))
    assert (rename.old, rename.new) == ("Payment Method", "Payment Methods")
    emptied = renamed.replace('  - button "Remove"\n', "")
    assert suggest_rename(PANEL, page_with(emptied), "Payment Method", ("region",))[0] is None


ARTICLE = """\
---
id: 1
walkthrough:
  target: billing
  steps:
    3:
      target: {role: button, name: Card Details}
      fields:
        Card Details: x
---

1. Click the **Card Details** button
2. Then **Card Details** again, **Card Details Pro** too; **Card Detailing** and Card Details in prose stay
3. Not `**Card Details**` in code, nor [**Card Details**](card.md) in a link

```
**Card Details**
```
"""


def test_the_rewrite_changes_bold_labels_and_overrides_only_and_every_one():
    rewritten = rewrite_labels(ARTICLE, {"Card Details": "Payment Details"})
    assert rewritten.splitlines()[6] == "      target: {role: button, name: Payment Details}"
    assert rewritten.splitlines()[8] == "        Payment Details: x"
    assert "1. Click the **Payment Details** button" in rewritten
    assert (
        "2. Then **Payment Details** again, **Payment Details Pro** too; **Card Detailing** and Card Details in prose stay"
        in rewritten
    )
    assert "3. Not `**Card Details**` in code, nor [**Card Details**](card.md) in a link" in rewritten
    assert rewritten.endswith("```\n**Card Details**\n```\n")
    assert rewrite_labels(rewritten, {"Card Details": "Payment Details"}) == rewritten, "a second fix changes nothing"


# A CMS page "Opening hours" renamed "Opening times": its name stands alone in one step, inside the
# editor's title in the next, and in the overrides' names and expected texts.
CMS_ARTICLE = """\
---
id: 7
title: Delete a page
walkthrough:
  target: cms
  steps:
    3:
      expect: {text: "Editing Home page: Opening hours"}
    4:
      target: {role: button, name: "More options for \u2018Opening hours\u2019"}
    5:
      target:
        role: button
        name: Delete Opening hours # the page's own
---

Opening hours tell visitors when you are open.

1. Click **Pages**
2. Click **Opening hours**
3. Check the header reads **Editing Home page: Opening hours**
4. Click **More options**
5. Click **Delete**, then check **Opening hours:** is gone, and **Opening hourslist** stays
"""


def test_the_renamed_name_is_rewritten_inside_longer_bold_labels_and_override_values_in_one_edit():
    rewritten = rewrite_labels(CMS_ARTICLE, {"Opening hours": "Opening times"})

    assert edited_lines(CMS_ARTICLE, {"Opening hours": "Opening times"}) == [
        (8, '      expect: {text: "Editing Home page: Opening times"}'),
        (10, '      target: {role: button, name: "More options for \u2018Opening times\u2019"}'),
        (14, "        name: Delete Opening times # the page's own"),
        (20, "2. Click **Opening times**"),
        (21, "3. Check the header reads **Editing Home page: Opening times**"),
        (23, "5. Click **Delete**, then check **Opening times:** is gone, and **Opening hourslist** stays"),
    ]
    steps = yaml.safe_load(rewritten.split("---")[1])["walkthrough"]["steps"]
    assert steps[3]["expect"]["text"] == "Editing Home page: Opening times"
    assert steps[4]["target"]["name"] == "More options for \u2018Opening times\u2019"
    assert steps[5]["target"]["name"] == "Delete Opening times"
    assert "\nOpening hours tell visitors when you are open.\n" in rewritten, "prose outside bold stays"
    assert rewrite_labels(rewritten, {"Opening hours": "Opening times"}) == rewritten


def test_names_are_found_as_read_and_a_rename_that_holds_the_old_name_is_made_once():
    quoted = "1. Click **Yes, I\u2019m  sure**\n"
    assert rewrite_labels(quoted, {"Yes, I'm sure": "Yes, delete"}) == "1. Click **Yes, delete**\n"
    once = rewrite_labels("1. Click **Groups**, then **Delete Groups**\n", {"Groups": "User Groups"})
    assert once == "1. Click **User Groups**, then **Delete User Groups**\n"
    assert rewrite_labels(once, {"Groups": "User Groups"}) == once
    # A new name YAML would misread is quoted, so the override still says what it did.
    override = "---\nwalkthrough:\n  steps:\n    1:\n      target: {role: button, name: Go}\n---\n"
    renamed = rewrite_labels(override, {"Go": "Go: now, please"})
    assert yaml.safe_load(renamed.split("---")[1])["walkthrough"]["steps"][1]["target"]["name"] == "Go: now, please"


# A server-rendered admin's index: each app a table, each model a row whose header holds its link.
ADMIN_TABLE = """\
- table "Billing":
  - rowgroup:
    - row "Invoices Add Change":
      - rowheader "Invoices":
        - link "Invoices"
      - cell "Add":
        - link "Add"
    - row "{name} Add Change":
      - rowheader "{name}":
        - link "{name}"
      - cell "Add":
        - link "Add"
    - row "Refunds Add Change":
      - rowheader "Refunds":
        - link "Refunds"
"""


def test_a_link_renamed_with_the_row_header_that_holds_it_is_a_rename():
    baseline = ADMIN_TABLE.format(name="Payment methods")
    page = "- main:\n" + "".join(f"  {line}\n" for line in ADMIN_TABLE.format(name="Payment sources").splitlines())
    rename, why = suggest_rename(baseline, page, "Payment methods", ("link",))
    assert (rename.old, rename.new, why) == ("Payment methods", "Payment sources", "")


def test_a_framed_baseline_is_compared_with_the_same_run_of_controls_not_the_whole_page():
    # The picture frames an unnamed list of links; the page around it has many more links.
    framed = '- list:\n  - listitem:\n    - link "Users"\n  - listitem:\n    - link "Payment methods:"\n  - listitem:\n    - link "Groups"\n'
    page = (
        '- navigation "Main":\n'
        + "".join(f'  - link "Menu {n}"\n' for n in range(12))
        + '- list:\n  - listitem:\n    - link "Users"\n  - listitem:\n    - link "Payment sources"\n'
        + '  - listitem:\n    - link "Groups"\n'
        + "- contentinfo:\n"
        + "".join(f'  - link "Footer {n}"\n' for n in range(6))
    )
    rename, why = suggest_rename(framed, page, "Payment methods", ("link",))
    assert (rename.old, rename.new, why) == ("Payment methods", "Payment sources", "")
