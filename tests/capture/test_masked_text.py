"""A CMS dashboard walked as capture and verify walk it: what a mask covers is no structure drift,
a step that only looks is never told its check held before its action, and the controls a page
offers instead are counted in proper plurals.

The dashboard says when each page was edited ("11 minutes ago", with the non-breaking space
Django's `timesince` writes), in a table cell, inside a button's name and in capitals drawn by
CSS; a later run says "12 minutes ago". One Chromium for the session, one server for the module.
"""

from __future__ import annotations

import textwrap

import pytest
from local_http import QuietHandler, serving_with

from helpcentre.articles import parse_article
from helpcentre.articles.walkthrough import Locator
from helpcentre.capture import WalkSettings, walk
from helpcentre.capture.find.locate import nearest_candidates
from helpcentre.capture.page.quiet import watch_pages
from helpcentre.verify.judge import Tolerance, judge

DASHBOARD = """<!doctype html><html lang="en"><head><title>Dashboard</title></head><body>
<nav aria-label="Main"><a href="/vaccinations">Vaccinations</a></nav>
<main><h1>Dashboard</h1>
<section aria-label="Your most recent edits"><h2>Your most recent edits</h2>
  <table><thead><tr><th>Title</th><th>Updated</th></tr></thead><tbody>
    <tr><td><a href="/vaccinations">Flu vaccinations</a></td>
      <td><time datetime="2026-11-15T09:49">{minutes}&nbsp;minutes ago</time></td></tr>
  </tbody></table>
  <button type="button">Draft saved <time datetime="2026-11-15T09:49">{minutes}&nbsp;minutes ago</time></button>
  <p>Last login: <time style="text-transform: uppercase">{minutes} min ago</time></p>
  <label>Search pages <input name="q"></label>
</section></main></body></html>"""

VACCINATIONS = """<!doctype html><html lang="en"><head><title>Vaccinations</title></head><body>
<main><h1>Vaccinations</h1><ul aria-label="Vaccinations">
<li>Flu vaccinations</li><li>Travel vaccinations</li></ul></main></body></html>"""


def article(ref: str, steps: str, walkthrough: str = "") -> str:
    extra = textwrap.indent(textwrap.dedent(walkthrough), "  ")
    return (
        f"---\nid: 1\ntitle: {ref}\nsummary: A walk on a CMS.\ncategory: pages\n"
        f"walkthrough:\n  target: cms\n  start: /\n{extra}---\n\n{steps}"
    )


MASKED = article("masked", "1. Review the **Your most recent edits** panel\n", "mask:\n  - css: time\n")
LOOK = article("look", "1. Click **Vaccinations**\n2. Find **Flu vaccinations** in the list\n")
VERIFY = article("verify", "1. Click **Vaccinations**\n2. Verify the list shows **Flu vaccinations**\n")


async def _walks(browser, url: str, minutes: dict) -> dict:
    found: dict = {}
    context = await browser.new_context(viewport={"width": 1000, "height": 700})
    await watch_pages(context)
    settings = WalkSettings(base_url=url, masks=[])
    try:
        for name, text, at in (("11", MASKED, 11), ("12", MASKED, 12), ("look", LOOK, 11), ("verify", VERIFY, 11)):
            minutes["now"] = at
            walked, problems = parse_article(f"pages/{name}.md", text, f"docs/pages/{name}.md")
            assert not problems, problems
            page = await context.new_page()
            found[name] = await walk(page, walked, settings)
            if name == "12":
                found["offered"] = await nearest_candidates(page, Locator(role="textbox", name="Find pages"))
            await page.close()
    finally:
        await context.close()
    return found


@pytest.fixture(scope="module")
def walks(chromium) -> dict:
    run, browser = chromium
    minutes = {"now": 11}

    class Handler(QuietHandler):
        def do_GET(self) -> None:
            body = VACCINATIONS if self.path.startswith("/vaccinations") else DASHBOARD.format(minutes=minutes["now"])
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body.encode())

    with serving_with(Handler) as origin:
        return run(_walks(browser, f"{origin}/", minutes))


def test_masked_times_are_out_of_the_aria_record_wherever_the_page_says_them(walks):
    aria = walks["11"][0].aria
    assert "minutes ago" not in aria and "min ago" not in aria.casefold(), aria
    assert 'button "Draft saved ‹masked›"' in aria, "the time is masked inside the button's name too"
    assert 'cell "‹masked›"' in aria and "- time: ‹masked›" in aria
    assert 'link "Flu vaccinations"' in aria and 'textbox "Search pages"' in aria, "what is not masked stays"


def test_a_masked_time_that_moved_on_is_no_structure_drift(walks):
    baseline, later = walks["11"][0], walks["12"][0]
    assert later.aria == baseline.aria
    verdict, _ = judge(later, baseline.png, baseline.aria, baseline.masks, Tolerance(0.1, False, None, None))
    assert verdict.aria is None and "structure" not in verdict.message


def test_a_step_that_only_looks_is_not_told_its_check_held_before_its_action(walks):
    click, look = walks["look"]
    assert look.controls[0][:2] == ("check", "text 'Flu vaccinations'")
    assert look.warnings == [], "a step with no action has no 'before its action'"
    assert click.warnings == []


def test_the_textboxes_a_page_offers_instead_are_counted_in_a_proper_plural(walks):
    assert walks["offered"] == "textboxes here: 'Search pages'"


def test_a_step_that_verifies_what_held_before_the_last_steps_action_is_told_it_proves_nothing(walks):
    _, verify = walks["verify"]
    assert verify.warnings == [
        "step 2: its check already held before step 1's action, so it proves nothing; check something the action changes"
    ]
