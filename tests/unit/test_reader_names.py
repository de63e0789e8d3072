"""Names as a reader reads them: a colon, a required mark, quote style and spacing never decide a match."""

import re

import pytest
import yaml

from helpcentre.articles.names import reader_name, words_pattern
from helpcentre.articles.override_lines import PLACEHOLDER, flow, keyed
from helpcentre.articles.page_labels import label_on_page, spelled_otherwise
from helpcentre.capture.labels import labels_not_shown


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("Client:", "Client"),
        ("Client :", "Client"),
        ("Email *", "Email"),
        ("Email*", "Email"),
        ("* Email", "Email"),
        ("Email (required)", "Email"),
        ("Email (Required):", "Email"),
        ("Email: *", "Email"),
        ("Yes, I’m sure", "Yes, I'm sure"),
        ("Say “hello”", 'Say "hello"'),
        ("‘Draft’ copy", "'Draft' copy"),
        ("Save\u00a0changes", "Save changes"),
        ("Full\u2009name", "Full name"),
        ("  Name   on\tcard ", "Name on card"),
        ("Step 2: Payment", "Step 2: Payment"),
        ("Rate 5*", "Rate 5"),
        ("*", "*"),
        (":", ":"),
        ("Card Details", "Card Details"),
        ("CARD DETAILS", "CARD DETAILS"),
    ],
)
def test_a_name_is_read_without_its_colon_required_mark_quote_style_or_spacing(printed, read):
    assert reader_name(printed) == read


@pytest.mark.parametrize(
    ("label", "page_words", "shown"),
    [
        ("Client", '- combobox "Client:"\nClient:', True),
        ("Client:", "Client", True),
        ("Email", "Email *", True),
        ("Yes, I'm sure", '- button "Yes, I’m sure"\nYes, I’m sure', True),
        ("Yes, I’m sure", "Yes, I'm sure", True),
        ("Save changes", "Save\u00a0changes", True),
        ("Save  changes", "Save\u2009changes", True),
        ("Active", "Inactive", False),
        ("Yes, I'm sure", "Yes, Im sure", False),
        ("card details", "Card Details", False),
    ],
)
def test_the_label_check_finds_a_label_as_a_reader_reads_it_but_not_in_other_capitals(label, page_words, shown):
    assert label_on_page(label, page_words) is shown


def test_a_label_in_other_capitals_is_spelt_as_the_page_reads_it():
    seen = '- combobox "Client:"\n- button "Yes, I’m sure"\nClient:\nYes, I’m sure'
    assert spelled_otherwise("client", seen) == "Client"
    assert spelled_otherwise("YES, I'M SURE", seen) == "Yes, I'm sure"
    assert spelled_otherwise("Invoices", seen) is None
    assert (
        labels_not_shown(["Clients"], seen)
        == "the step names **Clients**, which is not on the page; did you mean **Client**?"
    )


def test_a_pattern_reads_alike_in_python_and_in_the_page():
    pattern = words_pattern("Don’t  ask (again)")
    assert pattern == r"Don['‘’‚‛ʼ′]t\s+ask\s+\(again\)"
    assert re.fullmatch(pattern, "Don't\u00a0ask (again)")


NAMES = ["Yes, I’m sure", "Client:", "yes", "Email *", "a: b", "#1", "[Draft]", "{x}", "- first", "011000015", "08/29"]


@pytest.mark.parametrize("name", NAMES)
def test_a_suggested_override_is_yaml_that_reads_back_as_it_says(name):
    target = {"role": "button", "name": name, "within": {"role": "dialog", "name": name}}
    assert yaml.safe_load(flow({"walkthrough.steps.3": {"target": target}})) == {
        "walkthrough.steps.3": {"target": target}
    }
    assert yaml.safe_load(keyed("fields", {name: PLACEHOLDER})) == {"fields": {name: "…"}}


def test_a_plain_name_stays_plain_and_the_placeholder_is_quoted():
    assert flow({"target": {"role": "link", "name": "View November 2026"}}) == (
        "{target: {role: link, name: View November 2026}}"
    )
    assert keyed("fields", {"Phone": PLACEHOLDER}) == 'fields: {Phone: "…"}'
    assert (
        flow({"target": {"role": "button", "name": "Yes, I’m sure"}})
        == "{target: {role: button, name: 'Yes, I’m sure'}}"
    )
