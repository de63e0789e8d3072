"""What `fix` may repair: one renamed control in its place, and the article's bold labels only."""

from helpcentre.verify.repair import rewrite_labels, suggest_rename

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
        "region 'Payment Method' has 1 button(s) where it had 2: a control was added or removed, not renamed",
    )
    moved = page_with("").replace("main:\n", "main:\n") + PANEL.replace("Payment Method", "Billing")
    assert suggest_rename(PANEL, moved, "Card Details", ("button",))[1] == (
        "region 'Payment Method' is not on the page once any more: the flow moved"
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
2. Then **Card Details** again, and **Card Details Pro** stays
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
    assert "2. Then **Payment Details** again, and **Card Details Pro** stays" in rewritten
    assert "3. Not `**Card Details**` in code, nor [**Card Details**](card.md) in a link" in rewritten
    assert rewritten.endswith("```\n**Card Details**\n```\n")
    assert rewrite_labels(rewritten, {"Card Details": "Payment Details"}) == rewritten, "a second fix changes nothing"


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
