"""Which step an override was written for, by the words the last capture recorded: `renumber`'s rules."""

from __future__ import annotations

import textwrap

from helpcentre.articles import parse_article
from helpcentre.authoring.renumbering import renumber
from helpcentre.baselines.manifest import ArticleBaselines, StepBaseline
from helpcentre.baselines.paths import StepFiles


def entry(*steps: tuple[str, object]) -> ArticleBaselines:
    """A capture's record of these steps: `(words, override)` each."""
    recorded = [
        StepBaseline(number, text, "", StepFiles("", "", ""), {}, {}, 0, 0, None, 0, override=override)
        for number, (text, override) in enumerate(steps, start=1)
    ]
    return ArticleBaselines(1, "", recorded)


def how_to(overrides: str, *steps: str) -> str:
    body = "".join(f"{number}. {step}\n" for number, step in enumerate(steps, start=1))
    front = "id: 1\ntitle: T\nsummary: S.\ncategory: billing\nwalkthrough:\n  target: billing\n  steps:\n"
    return f"---\n{front}{textwrap.indent(overrides, '    ')}---\n\n{body}"


def renumbered(text: str, recorded: ArticleBaselines):
    article, _ = parse_article("billing/t.md", text, "docs/billing/t.md")
    assert article is not None
    return renumber(text, article, recorded)


def test_steps_that_read_alike_keep_their_order_among_themselves():
    recorded = entry(("Click **Save**", None), ("Click **Save**", {"expect": {"text": "Saved"}}))
    text = how_to("2: {expect: {text: Saved}}\n", "Click **Edit**", "Click **Save**", "Click **Save**")
    result = renumbered(text, recorded)
    assert [(move.old, move.new) for move in result.moves] == [(2, 3)]
    assert "  steps:\n    3: {expect: {text: Saved}}\n" in result.text


def test_a_quoted_key_in_a_flow_mapping_keeps_its_quotes():
    recorded = entry(("Click **Edit**", None), ("Click **Save**", {"expect": {"text": "Saved"}}))
    text = how_to("{'2': {expect: {text: Saved}}}\n", "Go to the **Setup** menu", "Click **Edit**", "Click **Save**")
    text = text.replace("  steps:\n    {", "  steps: {")
    result = renumbered(text, recorded)
    assert "  steps: {'3': {expect: {text: Saved}}}\n" in result.text


def test_a_step_whose_labels_alone_were_respelt_is_still_that_step():
    recorded = entry(("Click **Edit**", None), ("Click **Sav**", {"expect": {"text": "Saved"}}))
    text = how_to("2: {expect: {text: Saved}}\n", "Go to the **Setup** menu", "Click **Edit**", "Click **Save**")
    assert [(move.old, move.new) for move in renumbered(text, recorded).moves] == [(2, 3)]


def test_two_overrides_alike_away_from_their_steps_are_refused():
    alike = {"expect": {"text": "Saved"}}
    recorded = entry(("Click **A**", alike), ("Click **B**", alike), ("Click **C**", None))
    text = how_to("3: {expect: {text: Saved}}\n", "Click **A**", "Click **B**", "Click **C**")
    result = renumbered(text, recorded)
    assert result.refusals == [
        "walkthrough.steps.3 is the override the last capture recorded for steps 1, 2:"
        " nothing tells which of them it was written for; move it by hand"
    ]
    assert result.text == text
