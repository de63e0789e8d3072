"""A structure diff leads the writer to the step whose words changed."""

import re

from helpcentre.verify.judge import aria_changes, aria_diff, labels_touched

INVOICES = "billing/view-print-or-pay-invoices"


def without_print_links(snapshot: str) -> str:
    """The invoices table as it would be if the product dropped its Print row actions."""
    return re.sub(r'^( *)- link "Print [^"]*":\n\1  - /url: [^\n]*\n', "", snapshot, flags=re.MULTILINE)


def test_a_removed_row_action_is_summarised_in_one_line_and_named_by_the_steps_label(project_root):
    expected = (project_root / "screenshots" / INVOICES / "03.aria.yml").read_text()
    actual = without_print_links(expected)
    diff = aria_diff(expected, actual)
    assert diff is not None and len(diff.splitlines()) > 20, "a long diff, which the summary stands in front of"
    change = aria_changes(diff)
    assert change.summary() == "gone: link 'Print November 2026' and 11 more"
    labels = {3: ["Invoices"], 4: ["View", "Print"], 5: ["Pay"]}
    assert labels_touched(change, labels) == {"Print": [4]}


def test_a_renamed_control_is_one_change_not_a_removal_and_an_addition():
    expected = '- region "Payment Method":\n  - heading "Payment Method" [level=2]\n  - button "Card Details"\n'
    actual = expected.replace('button "Card Details"', 'button "Payment Details"')
    change = aria_changes(aria_diff(expected, actual))
    assert change.summary() == "renamed: button 'Card Details' is now 'Payment Details'"
    assert labels_touched(change, {3: ["Card Details"], 5: ["Active"]}) == {"Card Details": [3]}
    added = aria_changes(aria_diff(expected, expected + '  - button "Remove card"\n'))
    assert added.summary() == "new: button 'Remove card'"
    assert labels_touched(added, {3: ["Card Details"]}) == {}
