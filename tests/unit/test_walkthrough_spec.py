"""Walkthrough spec validation: one test per kind of error, with the message a writer sees."""

import textwrap

import pytest

from helpcentre.articles import Category, load_help_centre

BODY = "\n1. Go to the **Setup** menu\n2. Select **Therasoft Billing**\n"


def article_with(walkthrough: str, body: str = BODY) -> str:
    front = textwrap.dedent(
        """\
        ---
        id: 1
        title: A how-to
        summary: Steps.
        category: billing
        walkthrough:
        """
    )
    return front + textwrap.indent(textwrap.dedent(walkthrough), "  ") + "---\n" + body


GOOD_STEPS = """\
target: billing
steps:
  - action: click
    target: {role: button, name: Setup}
  - action: click
    target: {role: menuitem, name: Therasoft Billing}
"""


def problems_for(walkthrough: str, body: str = BODY, targets=("billing",)) -> list[str]:
    sources = [("billing/how.md", "docs/billing/how.md", article_with(walkthrough, body))]
    _, found = load_help_centre(sources, [Category("billing", "Billing")], targets)
    return [str(problem) for problem in found]


def test_a_good_walkthrough_has_no_problems():
    assert problems_for(GOOD_STEPS) == []


@pytest.mark.parametrize(
    ("replace", "by", "message"),
    [
        (
            "role: button",
            "role: buton",
            "docs/billing/how.md:10:16: HC101 walkthrough.steps[0].target.role: unknown role 'buton' (did you mean 'button'?)",
        ),
        (
            "    target: {role: button, name: Setup}\n",
            "",
            "docs/billing/how.md:9:7: HC101 walkthrough.steps[0]: click needs a target",
        ),
        (
            "action: click\n    target: {role: menuitem",
            "action: tap\n    target: {role: menuitem",
            "docs/billing/how.md:11:7: HC101 walkthrough.steps[1].action: input should be 'goto', 'click', 'fill', 'select', 'check', 'press', 'hover', 'expect' or 'wait_for'",
        ),
        (
            "{role: button, name: Setup}",
            "{role: button, label: Setup}",
            "docs/billing/how.md:10:7: HC101 walkthrough.steps[0].target: give exactly one of role, label, text, test_id or css",
        ),
        (
            "{role: button, name: Setup}",
            "{text: Setup, name: Setup}",
            "docs/billing/how.md:10:7: HC101 walkthrough.steps[0].target: name goes with role",
        ),
        (
            "{role: button, name: Setup}",
            "{role: button, name: Setup, colour: red}",
            "docs/billing/how.md:10:43: HC102 walkthrough.steps[0].target.colour: unknown key 'colour'",
        ),
        (
            "target: billing\n",
            "target: billing\nstart: billing\n",
            "docs/billing/how.md:8:3: HC101 walkthrough.start: start is a path on the target, beginning with '/'",
        ),
        ("target: billing\n", "", "docs/billing/how.md:6:1: HC101 walkthrough.target: field required"),
    ],
)
def test_each_spec_error_names_the_file_line_step_and_field(replace, by, message):
    assert replace in GOOD_STEPS
    assert problems_for(GOOD_STEPS.replace(replace, by, 1)) == [message]


def test_fill_needs_fields_or_a_target_and_a_value():
    steps = GOOD_STEPS.replace("action: click\n    target: {role: button, name: Setup}", "action: fill\n    value: x")
    assert problems_for(steps) == [
        "docs/billing/how.md:9:7: HC101 walkthrough.steps[0]: fill needs fields (label: value), or a target and a value"
    ]


def test_a_shot_takes_an_element_or_a_region_not_both():
    steps = GOOD_STEPS + "    shot: {element: {role: dialog}, region: {x: 0, y: 0, width: 10, height: 10}}\n"
    assert problems_for(steps) == [
        "docs/billing/how.md:13:7: HC101 walkthrough.steps[1].shot: give element or region, not both"
    ]


def test_an_expectation_needs_something_to_check():
    steps = GOOD_STEPS + "    expect: {target: {role: status}}\n"
    assert problems_for(steps) == [
        "docs/billing/how.md:13:7: HC101 walkthrough.steps[1].expect: give text, visible or value to check"
    ]


def test_a_step_count_different_from_the_numbered_list_is_an_error():
    body = BODY + "3. Click the **Card Details** button\n"
    assert problems_for(GOOD_STEPS, body) == [
        "docs/billing/how.md:8:3: HC110 walkthrough.steps: 2 steps, but the article has 3 numbered steps;"
        " give one walkthrough step per numbered step, in the same order"
    ]


def test_an_unknown_target_lists_the_configured_ones():
    assert problems_for(GOOD_STEPS, targets=("live",)) == [
        "docs/billing/how.md:7:3: HC111 walkthrough.target: no target 'billing' in mkdocs.yml; known: live"
    ]


def test_the_highlight_defaults_to_the_element_acted_on_and_shots_before_clicks(project_root):
    from helpcentre.project import load_project

    centre, _ = load_project(project_root / "mkdocs.yml").load_help_centre()
    steps = centre.find("billing/change-card-or-bank-info").meta.walkthrough.steps
    assert steps[0].highlighted.describe() == "button 'Setup'"
    assert steps[0].shot_before_acting
    assert steps[3].highlighted.describe() == "tabpanel 'Card'"
    assert not steps[3].shot_before_acting
    assert not steps[4].shot_before_acting  # it checks a result, so it shows the result
