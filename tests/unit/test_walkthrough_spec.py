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
            "docs/billing/how.md:10:16: HC101 walkthrough.steps.1.target.role: unknown role 'buton' (did you mean 'button'?) (see guide/docs/reference/lint-codes.md#hc101)",
        ),
        (
            "    target: {role: button, name: Setup}\n",
            "",
            "docs/billing/how.md:9:7: HC101 walkthrough.steps.1: click needs a target (see guide/docs/reference/lint-codes.md#hc101)",
        ),
        (
            "action: click\n    target: {role: menuitem",
            "action: tap\n    target: {role: menuitem",
            "docs/billing/how.md:11:7: HC101 walkthrough.steps.2.action: unknown action 'tap'; use one of goto, click, fill, select, check, press, hover, expect, wait_for (see guide/docs/reference/lint-codes.md#hc101)",
        ),
        (
            "{role: button, name: Setup}",
            "{role: button, label: Setup}",
            "docs/billing/how.md:10:7: HC101 walkthrough.steps.1.target: give exactly one of role, label, text, test_id or css (see guide/docs/reference/lint-codes.md#hc101)",
        ),
        (
            "{role: button, name: Setup}",
            "{text: Setup, name: Setup}",
            "docs/billing/how.md:10:7: HC101 walkthrough.steps.1.target: name goes with role (see guide/docs/reference/lint-codes.md#hc101)",
        ),
        (
            "{role: button, name: Setup}",
            "{role: button, name: Setup, colour: red}",
            "docs/billing/how.md:10:43: HC102 walkthrough.steps.1.target.colour: unknown key 'colour' (see guide/docs/reference/lint-codes.md#hc102)",
        ),
        (
            "target: billing\n",
            "target: billing\nstart: billing\n",
            "docs/billing/how.md:8:3: HC101 walkthrough.start: start is a path on the target, beginning with '/' (see guide/docs/reference/lint-codes.md#hc101)",
        ),
        (
            "target: billing\n",
            "target: billing\nstart: //metadata.example/\n",
            "docs/billing/how.md:8:3: HC101 walkthrough.start: start is a path on the target, beginning with one '/';"
            " '//metadata.example/' leads to another site (see guide/docs/reference/lint-codes.md#hc101)",
        ),
        (
            "action: click\n    target: {role: menuitem, name: Therasoft Billing}",
            "action: goto\n    value: http://169.254.169.254/latest/meta-data/",
            "docs/billing/how.md:12:7: HC101 walkthrough.steps.2.value: goto is a path on the target, such as /billing;"
            " 'http://169.254.169.254/latest/meta-data/' leads to another site (see guide/docs/reference/lint-codes.md#hc101)",
        ),
        (
            "action: click\n    target: {role: menuitem, name: Therasoft Billing}",
            "action: goto\n    value: //metadata.example/latest/",
            "docs/billing/how.md:12:7: HC101 walkthrough.steps.2.value: goto is a path on the target, such as /billing;"
            " '//metadata.example/latest/' leads to another site (see guide/docs/reference/lint-codes.md#hc101)",
        ),
        (
            "action: click\n    target: {role: menuitem",
            "action: clik\n    target: {role: menuitem",
            "docs/billing/how.md:11:7: HC101 walkthrough.steps.2.action: unknown action 'clik' (did you mean 'click'?) (see guide/docs/reference/lint-codes.md#hc101)",
        ),
        (
            "target: billing\n",
            "",
            "docs/billing/how.md:6:1: HC101 walkthrough.target: field required (see guide/docs/reference/lint-codes.md#hc101)",
        ),
    ],
)
def test_each_spec_error_names_the_file_line_step_and_field(replace, by, message):
    assert replace in GOOD_STEPS
    assert problems_for(GOOD_STEPS.replace(replace, by, 1)) == [message]


def test_fill_needs_fields_or_a_target_and_a_value():
    steps = GOOD_STEPS.replace("action: click\n    target: {role: button, name: Setup}", "action: fill\n    value: x")
    assert problems_for(steps) == [
        "docs/billing/how.md:9:7: HC101 walkthrough.steps.1: fill needs fields (label: value), or a target and a value (see guide/docs/reference/lint-codes.md#hc101)"
    ]


def test_a_shot_takes_an_element_or_a_region_not_both():
    steps = GOOD_STEPS + "    shot: {element: {role: dialog}, region: {x: 0, y: 0, width: 10, height: 10}}\n"
    assert problems_for(steps) == [
        "docs/billing/how.md:13:7: HC101 walkthrough.steps.2.shot: give element or region, not both (see guide/docs/reference/lint-codes.md#hc101)"
    ]


def test_an_expectation_needs_something_to_check():
    steps = GOOD_STEPS + "    expect: {target: {role: status}}\n"
    assert problems_for(steps) == [
        "docs/billing/how.md:13:7: HC101 walkthrough.steps.2.expect: give text, visible or value to check (see guide/docs/reference/lint-codes.md#hc101)"
    ]


def test_a_step_count_different_from_the_numbered_list_is_an_error():
    body = BODY + "3. Click the **Card Details** button\n"
    assert problems_for(GOOD_STEPS, body) == [
        "docs/billing/how.md:8:3: HC110 walkthrough.steps: 2 steps, but the article has 3 numbered steps;"
        " give one walkthrough step per numbered step, in the same order (see guide/docs/reference/lint-codes.md#hc110)"
    ]


def test_an_unknown_target_lists_the_configured_ones():
    assert problems_for(GOOD_STEPS, targets=("live",)) == [
        "docs/billing/how.md:7:3: HC111 walkthrough.target: no target 'billing' in mkdocs.yml; known: live (see guide/docs/reference/lint-codes.md#hc111)"
    ]


def test_the_mapping_form_gives_only_what_the_words_cannot_say():
    body = "\n1. Go to the **Setup** menu\n2. Select **Therasoft Billing**\n3. Enter the **Phone**\n"
    walkthrough = 'target: billing\nsteps:\n  3:\n    fields: {Phone: "(503) 555-0177"}\n'
    assert problems_for(walkthrough, body) == []
    assert problems_for("target: billing\n", BODY) == [], "steps may be left out"


@pytest.mark.parametrize(
    ("value", "kind", "written"),
    [
        ("011000015", "a number (2359309)", "011000015"),
        ("2026-11-01", "a date (2026-11-01)", "2026-11-01"),
        ("yes", "a boolean (True)", "yes"),
    ],
)
def test_a_field_value_that_yaml_reads_as_something_else_must_be_quoted(value, kind, written):
    body = "\n1. Enter the **Routing number**\n"
    walkthrough = f"target: billing\nsteps:\n  1:\n    fields:\n      Routing number: {value}\n"
    assert problems_for(walkthrough, body) == [
        f"docs/billing/how.md:11:9: HC114 walkthrough.steps.1.fields.Routing number: YAML reads this value as {kind};"
        f' put it in quotes, as it should be typed: "{written}" (see guide/docs/reference/lint-codes.md#hc114)'
    ]


def test_a_misspelled_override_key_gets_a_suggestion():
    walkthrough = "target: billing\nsteps:\n  2:\n    feilds: {Name: Casey}\n"
    assert problems_for(walkthrough) == [
        "docs/billing/how.md:10:7: HC102 walkthrough.steps.2.feilds: unknown key 'feilds' (did you mean 'fields'?) (see guide/docs/reference/lint-codes.md#hc102)"
    ]


def test_an_override_for_a_step_the_article_does_not_have_is_an_error():
    walkthrough = "target: billing\nsteps:\n  3:\n    fields: {Name: Casey}\n"
    assert problems_for(walkthrough) == [
        "docs/billing/how.md:9:5: HC110 walkthrough.steps.3: there is no step 3: the article has 2 numbered steps (see guide/docs/reference/lint-codes.md#hc110)"
    ]


def test_a_step_the_rules_cannot_read_needs_an_override_and_lint_says_which_rules_it_tried():
    body = "\n1. Go to the **Setup** menu\n2. Add/Edit your card or bank info\n"
    (problem,) = problems_for("target: billing\n", body)
    assert problem.startswith(
        "docs/billing/how.md:11:4: HC113 walkthrough.steps.2: step 2 has no verb the walkthrough rules know;"
        " tried click (Click, Select, Choose, Open, Go to, Press or Tap"
    )
    assert "check (Verify, Check, Make sure or Confirm" in problem
    assert problem.endswith(
        "say what it does in walkthrough.steps.2 (fields, target or expect)"
        " (see guide/docs/reference/lint-codes.md#hc113)"
    )
    overridden = "target: billing\nsteps:\n  2:\n    fields: {Name on card: Jordan Avery}\n"
    assert problems_for(overridden, body) == []


def test_a_bold_field_with_no_value_is_an_error():
    body = "\n1. Enter the **Phone**\n"
    assert problems_for("target: billing\n", body) == [
        "docs/billing/how.md:10:4: HC113 walkthrough.steps.1: step 1 fills **Phone**, but"
        ' walkthrough.steps.1.fields gives it no value; add fields: {Phone: "…"} (see guide/docs/reference/lint-codes.md#hc113)'
    ]


def test_when_the_step_counts_differ_the_step_checks_stay_quiet():
    body = BODY + "3. Add/Edit your card or bank info\n"
    assert [problem.split(" ")[1] for problem in problems_for(GOOD_STEPS, body)] == ["HC110"]


def test_the_highlight_defaults_to_the_element_acted_on_and_shots_before_clicks():
    from helpcentre.articles import parse_article

    article, _ = parse_article("billing/how.md", article_with(GOOD_STEPS), "docs/billing/how.md")
    first, second = (plan.explicit for plan in article.plans)
    assert first.highlighted.describe() == "button 'Setup'"
    assert first.shot_before_acting
    assert second.highlighted.describe() == "menuitem 'Therasoft Billing'"
