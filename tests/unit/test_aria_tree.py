"""Reading Playwright's ARIA snapshot: names by role, how a label matches, and what a page calls things."""

import yaml

from helpcentre.authoring.inventory import format_inventory, inventory
from helpcentre.baselines.aria_tree import matching_names, parse_aria_snapshot
from helpcentre.capture.labels import labels_not_shown

SNAPSHOT = """\
- banner:
  - navigation "Main":
    - button "Setup"
- main:
  - status:
    - paragraph: Payment method saved.
  - region "Payment Method":
    - heading "Payment Method" [level=2]
    - button "Card Details"
  - region "Invoices":
    - table "Invoices":
      - link "View November 2026":
        - /url: /billing/invoices/12
      - link "View October 2026":
        - /url: /billing/invoices/11
      - button "Pay November 2026"
- dialog "Billing Contact":
  - textbox "Name"
  - button "Save"
- dialog "Card Details":
  - button "Save"
"""


def test_the_snapshot_becomes_a_tree_of_roles_and_names():
    tree = parse_aria_snapshot(SNAPSHOT)
    save = [node for node in tree.walk() if node.name == "Save"]
    assert [node.parent.describe() for node in save] == ["dialog 'Billing Contact'", "dialog 'Card Details'"]
    table = next(node for node in tree.walk() if node.role == "table")
    assert [ancestor.describe() for ancestor in table.ancestors()] == ["region 'Invoices'", "main"]
    status = next(node for node in tree.walk() if node.role == "status")
    assert status.all_text() == "Payment method saved."


def test_a_label_matches_exactly_first_then_by_case_then_as_the_start_of_a_name():
    tree = parse_aria_snapshot(SNAPSHOT)
    roles = ("button", "link")
    assert [(m.node.name, m.how) for m in matching_names(tree, "Card Details", roles)] == [("Card Details", "exact")]
    assert [(m.node.name, m.how) for m in matching_names(tree, "card details", roles)] == [("Card Details", "case")]
    assert [(m.node.name, m.how) for m in matching_names(tree, "Pay", roles)] == [("Pay November 2026", "start")]
    assert [m.node.name for m in matching_names(tree, "View", roles)] == ["View November 2026", "View October 2026"]
    assert matching_names(tree, "Car", roles) == [], "a label is whole words of the name, not a part of one"
    assert matching_names(tree, "Invoices", ("button",)) == [], "only the roles asked for"


def test_inspect_writes_each_thing_as_a_step_sentence_and_scopes_a_repeated_name():
    found = inventory(parse_aria_snapshot(SNAPSHOT))
    assert [(entry.role, entry.name, entry.sentence) for entry in found.containers][:2] == [
        ("region", "Payment Method", "In the **Payment Method** panel, …"),
        ("region", "Invoices", "In the **Invoices** panel, …"),
    ]
    controls = {(entry.name, entry.container): entry for entry in found.controls}
    assert controls[("Card Details", "region 'Payment Method'")].sentence == "Click the **Card Details** button"
    save = controls[("Save", "dialog 'Billing Contact'")]
    assert save.sentence == "In the **Billing Contact** dialog, click the **Save** button"
    assert save.override == "target: {role: button, name: Save, within: {role: dialog, name: Billing Contact}}"
    (name_field,) = found.fields
    assert (name_field.sentence, name_field.override) == ("Enter the **Name**", 'fields: {Name: "…"}')
    assert [entry.sentence for entry in found.messages] == ["Verify the page shows **Payment method saved**"]
    lines = format_inventory(found)
    assert lines[0] == "Containers: name one to scope a step"
    assert "Messages: what the product says; a step can check them" in lines


def test_a_label_the_page_spells_otherwise_gets_a_did_you_mean():
    seen = '- tab "Bank account"\n- heading "REGISTRATION"\nBank account\nREGISTRATION'
    assert labels_not_shown(["Bank Account"], seen) == (
        "the step names **Bank Account**, which is not on the page; did you mean **Bank account**?"
    )
    assert labels_not_shown(["Registration"], seen).endswith("did you mean **REGISTRATION**?")
    assert labels_not_shown(["Invoices"], seen) == "the step names **Invoices**, which is not on the page"


ADMIN = """\
- main:
  - combobox "Client:":
    - option "---------" [selected]
  - textbox "Email *"
  - textbox "Phone"
  - textbox "Phone:"
  - textbox "Name on card"
  - button "Yes, I’m sure"
  - button "Save"
  - button "SAVE:"
  - dialog "Delete “Acme”?":
    - button "Yes, I’m sure"
"""


def test_a_colon_a_required_mark_quotes_and_spaces_never_decide_a_match_and_exact_names_win():
    tree = parse_aria_snapshot(ADMIN)

    def matched(label, roles=("textbox", "combobox", "button")):
        return [(match.node.name, match.how) for match in matching_names(tree, label, roles)]

    assert matched("Client") == [("Client:", "as read")]
    assert matched("Client *:") == [("Client:", "as read")]
    assert matched("Email") == [("Email *", "as read")]
    assert matched("Yes, I'm sure") == [("Yes, I’m sure", "as read"), ("Yes, I’m sure", "as read")]
    assert matched("Name\u00a0on  card") == [("Name on card", "exact")]
    assert matched("Phone") == [("Phone", "exact")], "the exact name wins over one that only reads the same"
    assert matched("Phone:") == [("Phone:", "exact")]
    assert matched("Save") == [("Save", "exact")]
    assert matched("save") == [("Save", "case"), ("SAVE:", "case")], "capitals still count as a difference"


def test_inspect_writes_the_name_a_reader_reads_and_overrides_that_read_back_as_yaml():
    found = inventory(parse_aria_snapshot(ADMIN))
    fields = {entry.name: entry for entry in found.fields}
    assert (fields["Client:"].sentence, fields["Client:"].override) == (
        "Choose the **Client**",
        'fields: {Client: "…"}',
    )
    assert fields["Email *"].sentence == "Enter the **Email**"
    sure = [entry for entry in found.controls if entry.name == "Yes, I’m sure"]
    assert [entry.sentence for entry in sure] == [
        "Click the **Yes, I'm sure** button",
        'In the **Delete "Acme"?** dialog, click the **Yes, I\'m sure** button',
    ]
    for entry in [*found.fields, *found.controls]:
        if entry.override:
            assert yaml.safe_load(entry.override), entry.override
    assert yaml.safe_load(sure[1].override) == {
        "target": {"role": "button", "name": "Yes, I’m sure", "within": {"role": "dialog", "name": "Delete “Acme”?"}}
    }
