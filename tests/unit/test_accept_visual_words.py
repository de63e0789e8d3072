"""`fix --accept-visual` reads a step's bold words as the walk resolved them, before it refuses a picture."""

from __future__ import annotations

from helpcentre.articles import parse_article
from helpcentre.verify.acceptable import override_names, refusal
from helpcentre.verify.judge import aria_diff
from helpcentre.verify.results import AriaCheck, Status, StepRecord

ARTICLE = """\
---
id: 9
title: Delete a page
summary: Remove a page nobody reads any more.
category: pages
walkthrough:
  target: cms
  steps:
    2:
      target: {role: button, name: "More options for 'Flu vaccinations'"}
---

1. Click **Pages**
2. Click **More options** beside the page you want to delete
"""

PAGES = """\
- table "Pages":
  - rowgroup:
    - row "Flu vaccinations":
      - cell "Flu vaccinations":
        - link "Flu vaccinations"
        - button "More options for 'Flu vaccinations'"
    - row "{other}":
      - cell "{other}":
        - link "{other}"
        - button "More options for '{other}'"
"""


def _step(number: int, text: str, expected: str, actual: str) -> StepRecord:
    return StepRecord(
        number, text, Status.STRUCTURE, aria=AriaCheck(expected, actual, aria_diff(expected, actual) or "")
    )


def _override_names(number: int) -> tuple[str, ...]:
    article, problems = parse_article("pages/delete-a-page.md", ARTICLE, "docs/pages/delete-a-page.md")
    assert article is not None, problems
    return override_names(next(plan for plan in article.plans if plan.number == number))


STEP_2 = "Click **More options** beside the page you want to delete"
BEFORE = PAGES.replace("{other}", "Opening hours")


def test_a_prefix_of_the_overrides_name_is_that_control_and_another_rows_rename_is_no_reason_to_refuse():
    given = _override_names(2)
    assert given == ("More options for 'Flu vaccinations'",)
    step = _step(2, STEP_2, BEFORE, PAGES.replace("{other}", "Opening times"))

    assert refusal("pages/delete-a-page", step, None, set(), given) is None


def test_the_overrides_own_control_renamed_is_refused():
    renamed = BEFORE.replace("More options for 'Flu vaccinations'", "Actions for 'Flu vaccinations'")
    step = _step(2, STEP_2, BEFORE, renamed)

    assert refusal("pages/delete-a-page", step, None, set(), _override_names(2)) == (
        "its words no longer match the product: the picture no longer has **More options**;"
        " change the article's words, then verify again"
    )


def test_without_an_override_a_label_names_what_the_walks_tiers_find():
    # "**Flu vaccinations**" is the link of that name; a longer name that merely holds the words
    # ("More options for 'Flu vaccinations'") is not what the walk resolved it to.
    step = _step(3, "Click **Flu vaccinations**", BEFORE, PAGES.replace("{other}", "Opening times"))
    assert refusal("pages/delete-a-page", step, None, set()) is None
    # A prefix, as read, names every entry that begins with it: one of them still there will do.
    prefix = _step(3, "Click **More options**", BEFORE, PAGES.replace("{other}", "Opening times"))
    assert refusal("pages/delete-a-page", prefix, None, set()) is None
    # The exact name gone, with only a longer one left that begins with it: the words no longer match.
    exact = BEFORE + '- button "Save"\n- button "Save draft"\n'
    saved = _step(4, "Click **Save**", exact, exact.replace('"Save"', '"Submit"'))
    assert refusal("pages/delete-a-page", saved, None, set()).startswith(
        "its words no longer match the product: the picture no longer has **Save**;"
    )
