"""Names as a reader reads them, on pages printed the way a widely used admin UI prints them.

Labels end in a colon ("Client:"), a required field's asterisk is hidden from screen readers,
the confirm button says "Yes, I’m sure" with a curly apostrophe, a label is spaced with a
non-breaking space, and a search form has a **Search** box beside a **Search** button. Each
article is walked by the real walker, as capture walks it (the label check on and refusing),
against a tiny local server, in one browser launched once for the module.
"""

from __future__ import annotations

import asyncio
import textwrap
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from local_http import QuietHandler, serving_with
from playwright.async_api import async_playwright

from helpcentre.articles import parse_article
from helpcentre.browser import launch_options
from helpcentre.capture import StepFailed, WalkSettings, walk
from helpcentre.capture.page.quiet import watch_pages

CHANGE_FORM = """<!doctype html><html lang="en"><head><title>Change invoice | Site administration</title></head>
<body><main><h1>Change invoice</h1>
<form method="get" action="/saved">
  <div><label class="required" for="id_client">Client:</label>
    <select name="client" id="id_client"><option value="" selected>---------</option><option value="1">Acme</option>
    </select></div>
  <div><label for="id_email">Email <span aria-hidden="true">*</span></label>
    <input type="email" name="email" id="id_email"></div>
  <div><label for="id_name">Name&nbsp;on&#8201;card:</label> <input name="name" id="id_name"></div>
  <input type="submit" value="Save">
</form></main></body></html>"""

DELETE = """<!doctype html><html lang="en"><head><title>Are you sure?</title></head><body><main>
<h1>Are you sure?</h1><p>Are you sure you want to delete the invoice “INV-12”?</p>
<form method="get" action="/deleted"><input type="hidden" name="post" value="yes">
  <input type="submit" value="Yes, I’m sure"> <a href="/">No, take me back</a></form></main></body></html>"""

SEARCH = """<!doctype html><html lang="en"><head><title>Select invoice to change</title></head><body><main>
<h1>Select invoice to change</h1>
<form id="changelist-search" method="get" action="/results"><div>
  <label for="searchbar"><img src="/search.svg" alt="Search"></label>
  <input type="text" size="40" name="q" value="" id="searchbar">
  <input type="submit" value="Search">
</div></form></main></body></html>"""

# Three filters, each a disclosure or a heading over its own links: three links read "Yes".
FILTERS = """<!doctype html><html lang="en"><head><title>People</title></head><body><main><h1>People</h1>
<nav aria-label="Filter"><h2>Filter</h2>
  <details open><summary>&darr; By staff status</summary><ul><li><a href="/people?staff=all">All</a></li>
    <li><a href="/people?staff=1">Yes</a></li><li><a href="/people?staff=0">No</a></li></ul></details>
  <h3>By active</h3><ul><li><a href="/people?active=1">Yes</a></li><li><a href="/people?active=0">No</a></li></ul>
</nav></main></body></html>"""

# Each row's checkbox is named for the table, not the row: only the row says whose it is.
PEOPLE = """<!doctype html><html lang="en"><head><title>People</title></head><body><main><h1>People</h1>
<form method="get" action="/removed"><table><thead><tr><th>Pick</th><th>Username</th><th>Email</th></tr></thead>
<tbody>
  <tr><td><input type="checkbox" name="pick" value="ana" aria-label="Pick row"></td><th>ana.silva</th><td>ana@example.com</td></tr>
  <tr><td><input type="checkbox" name="pick" value="tom" aria-label="Pick row"></td><th>tom.becker</th><td>tom@example.com</td></tr>
  <tr><td><input type="checkbox" name="pick" value="tomas" aria-label="Pick row"></td><th>tom.beckers</th><td>t@example.com</td></tr>
</tbody></table><button>Remove</button></form></main></body></html>"""

# A change request form whose Description field was taken away: what is left is of other kinds,
# or named by the step already.
REQUEST = """<!doctype html><html lang="en"><head><title>New change request</title></head><body><main>
<h1>New change request</h1><form method="get" action="/requested">
  <div><label for="id_title">Title</label> <input name="title" id="id_title"></div>
  <div><label for="id_type">Type</label> <select name="type" id="id_type"><option value="">Choose a type</option>
    <option>Add a user</option></select></div>
  <div><input type="checkbox" name="urgent" id="id_urgent"> <label for="id_urgent">Urgent</label></div>
  <button>Submit</button>
</form></main></body></html>"""

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><circle cx="8" cy="8" r="6"/></svg>'


def _page(path: str, query: dict[str, list[str]]) -> tuple[str, str]:
    if path == "/":
        return "text/html", CHANGE_FORM
    if path == "/delete":
        return "text/html", DELETE
    if path == "/deleted":
        return "text/html", "<main><p>The invoice “INV-12” was deleted successfully.</p></main>"
    if path == "/search":
        return "text/html", SEARCH
    if path == "/results":
        found = 1 if query.get("q") == ["Acme"] else 0
        return "text/html", f"<main><p>{found} result (3 total)</p></main>"
    if path == "/filters":
        return "text/html", FILTERS
    if path == "/people":
        return "text/html", PEOPLE
    if path == "/request":
        return "text/html", REQUEST
    if path == "/search.svg":
        return "image/svg+xml", SVG
    return "text/html", "<main><p>Saved</p></main>"


@contextmanager
def serving() -> Iterator[tuple[str, list[str]]]:
    """The admin pages on a free port; yields the URL and every path and query asked for."""
    asked: list[str] = []

    class Handler(QuietHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            parts = urlsplit(self.path)
            kind, body = _page(parts.path, parse_qs(parts.query))
            self.send_response(200)
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.end_headers()
            self.wfile.write(body.encode())

    with serving_with(Handler) as origin:
        yield f"{origin}/", asked


def article(ref: str, start: str, steps: str, overrides: str = "") -> str:
    walkthrough = f"walkthrough:\n  target: admin\n  start: {start}\n" + textwrap.indent(overrides, "  ")
    return f"---\nid: 1\ntitle: {ref}\nsummary: A walk on an admin UI.\ncategory: admin\n{walkthrough}---\n\n{steps}"


ARTICLES = {
    "colon": article("colon", "/", "1. Choose the **Client**\n", "steps:\n  1:\n    fields: {Client: Acme}\n"),
    # A spelt-out fill finds its field by label text, where the hidden asterisk still is.
    "hidden asterisk": article(
        "hidden-asterisk",
        "/",
        "1. Enter the **Email**\n",
        "steps:\n  1:\n    action: fill\n    fields: {Email: dana@example.com}\n"
        "    expect: {target: {label: Email}, value: dana@example.com}\n",
    ),
    # The label as copied from the product, with its non-breaking space; the field keyed as typed.
    "nbsp": article(
        "nbsp", "/", "1. Enter the **Name&nbsp;on card**\n", "steps:\n  1:\n    fields: {Name on card: Jordan Avery}\n"
    ),
    "curly apostrophe": article(
        "curly-apostrophe",
        "/delete",
        "1. Click **Yes, I'm sure**\n2. Verify the page shows **was deleted successfully**\n",
    ),
    "search": article(
        "search",
        "/search",
        "1. Type the name in the **Search** box, then click the **Search** button\n"
        "2. Verify the page shows **1 result**\n",
        "steps:\n  1:\n    fields: {Search: Acme}\n",
    ),
    "press enter": article(
        "press-enter",
        "/search",
        "1. Type **Acme** in the **Search** box and press Enter.\n2. Verify the page shows **1 result**\n",
    ),
    "under a heading": article(
        "under-a-heading",
        "/filters",
        "1. To narrow the list, use the **Filter** panel. For example, under **By staff status**, click **Yes**.\n",
    ),
    "under a later heading": article("under-a-later-heading", "/filters", "1. Under **By active**, click **Yes**.\n"),
    "tick in a row": article(
        "tick-in-a-row",
        "/people",
        "1. Tick the box at the start of the row you want to remove, for example **tom.becker**.\n"
        "2. Click **Remove**.\n",
    ),
    "other words": article("other-words", "/delete", "1. Click **Yes, delete it**\n"),
    "typo": article("typo", "/delete", "1. Click **Yes, I am sure**\n"),
    "wrong product": article("wrong-product", "/delete", "1. Click **Users**\n"),
    "removed field": article(
        "removed-field",
        "/request",
        "1. Enter the **Title**, choose the **Type**, and describe the change in **Description**\n",
        "steps:\n  1:\n    fields: {Title: New biller, Type: Add a user, Description: A login for our biller}\n",
    ),
}


async def _walks() -> dict:
    found: dict = {}
    with serving() as (url, asked):
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(**launch_options())
            context = await browser.new_context(viewport={"width": 800, "height": 600})
            await watch_pages(context)
            settings = WalkSettings(base_url=url, masks=[], check_labels=True, labels_must_match=True)
            for name, text in ARTICLES.items():
                walked, problems = parse_article(f"admin/{name}.md", text, f"docs/admin/{name}.md")
                if problems:
                    found[name] = [str(problem) for problem in problems]
                    continue
                page = await context.new_page()
                asked.clear()
                try:
                    shots = await walk(page, walked, settings)
                    values = await page.evaluate(
                        "() => [...document.querySelectorAll('input, select')].map(el => [el.id, el.value])"
                    )
                    found[name] = (shots, dict(values), list(asked))
                except StepFailed as failure:
                    found[name] = failure
                await page.close()
            await browser.close()
    return found


@pytest.fixture(scope="module")
def walks() -> dict:
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, _walks()).result()


def _walked(walks: dict, name: str):
    outcome = walks[name]
    assert not isinstance(outcome, StepFailed), outcome.describe()
    assert not isinstance(outcome, list), outcome
    return outcome


def test_a_field_labelled_with_a_colon_is_the_field_a_reader_names(walks):
    shots, values, _ = _walked(walks, "colon")
    assert shots[0].controls[0][:2] == ("set", "combobox 'Client:' = 'Acme'")
    assert values["id_client"] == "1"
    assert shots[0].missing_labels == []


def test_a_required_field_whose_asterisk_is_hidden_from_screen_readers_is_filled_by_its_name(walks):
    shots, values, _ = _walked(walks, "hidden asterisk")
    assert values["id_email"] == "dana@example.com"
    assert shots[0].missing_labels == []


def test_a_label_with_a_non_breaking_space_is_the_label_with_a_space(walks):
    shots, values, _ = _walked(walks, "nbsp")
    assert shots[0].controls[0][:2] == ("set", "textbox 'Name on card:' = 'Jordan Avery'")
    assert values["id_name"] == "Jordan Avery"


def test_a_button_with_a_curly_apostrophe_is_clicked_and_is_no_text_drift(walks):
    shots, _, asked = _walked(walks, "curly apostrophe")
    assert shots[0].controls[0][:2] == ("click", "button 'Yes, I’m sure'")
    assert "/deleted?post=yes" in asked
    assert [shot.missing_labels for shot in shots] == [[], []]


def test_a_search_box_and_a_search_button_in_one_step_are_each_found_by_their_noun(walks):
    shots, _, asked = _walked(walks, "search")
    assert [control[:2] for control in shots[0].controls] == [
        ("set", "textbox 'Search' = 'Acme'"),
        ("click", "button 'Search'"),
    ]
    assert "/results?q=Acme" in asked
    assert shots[1].controls[0][:2] == ("check", "text '1 result'")


def test_the_override_a_failure_suggests_is_yaml_that_names_the_control_as_the_page_does(walks):
    failure = walks["other words"]
    assert isinstance(failure, StepFailed)
    suggested = failure.describe().split("settle it with ", 1)[1]
    assert suggested == "walkthrough.steps.1: {target: {role: button, name: 'Yes, I’m sure'}}"
    assert yaml.safe_load(suggested) == {"walkthrough.steps.1": {"target": {"role": "button", "name": "Yes, I’m sure"}}}


def test_words_two_edits_from_the_one_button_are_answered_with_its_name_and_no_override(walks):
    failure = walks["typo"]
    assert isinstance(failure, StepFailed)
    assert failure.what() == (
        "no control named 'Yes, I am sure' (button/link/menuitem/menuitemcheckbox/…);"
        " did you mean **Yes, I'm sure**? write **Yes, I'm sure** in step 1"
    )
    assert failure.meant == ("button", "Yes, I'm sure")


def test_a_first_label_like_nothing_on_the_page_asks_whether_the_product_is_right_and_offers_no_override(walks):
    failure = walks["wrong product"]
    assert isinstance(failure, StepFailed)
    # Before: "settle it with walkthrough.steps.1: {target: {role: button, name: …}}", a control
    # named unlike the label, which would have clicked something the writer never meant.
    assert "settle it with" not in failure.what()
    assert failure.what().startswith(
        "no control named 'Users' (button/link/menuitem/menuitemcheckbox/…); controls here:"
    )
    assert failure.what().endswith(
        "spell the label as the page does, or rewrite step 1 if the page no longer has it;"
        " is it the right product? the article walks target 'admin' from /delete; if not, change walkthrough.target"
    )


def test_a_removed_field_is_never_settled_with_a_field_of_another_kind_or_one_the_step_names(walks):
    failure = walks["removed field"]
    assert isinstance(failure, StepFailed)
    # Before: "settle it with walkthrough.steps.1: {target: {role: textbox, name: Title}}", the field
    # the step had just filled; the select and the checkbox take no typed text.
    assert failure.what() == (
        "no field named 'Description' (textbox/searchbox/combobox/spinbutton/…);"
        " fields here: textbox 'Title', checkbox 'Urgent', combobox 'Type';"
        " spell the label as the page does, or rewrite step 1 if the page no longer has it;"
        " is it the right product? the article walks target 'admin' from /request; if not, change walkthrough.target"
    )


def test_under_the_words_that_head_a_part_of_the_page_the_first_match_after_them_is_clicked(walks):
    shots, _, asked = _walked(walks, "under a heading")
    assert shots[0].controls[0][:2] == ("click", "link 'Yes' #1 (the first after 'By staff status')")
    assert [path for path in asked if path.startswith("/people")] == ["/people?staff=1"]


def test_under_a_later_heading_the_first_match_after_it_is_clicked_not_the_first_on_the_page(walks):
    _, _, asked = _walked(walks, "under a later heading")
    assert [path for path in asked if path.startswith("/people")] == ["/people?active=1"]


def test_a_tick_ticks_the_one_checkbox_in_the_row_that_shows_the_words(walks):
    shots, _, asked = _walked(walks, "tick in a row")
    assert shots[0].controls[0][:2] == (
        "click",
        "checkbox 'Pick row' in row 'Pick row tom.becker tom@example.com' (in the row that shows the label)",
    )
    assert [path for path in asked if path.startswith("/removed")] == ["/removed?pick=tom"]


def test_a_value_in_bold_is_typed_into_the_field_named_after_it_and_enter_is_pressed(walks):
    shots, _, asked = _walked(walks, "press enter")
    assert [control[:2] for control in shots[0].controls] == [
        ("set", "textbox 'Search' = 'Acme'"),
        ("press", "key Enter"),
    ]
    assert [path for path in asked if path.startswith("/results")] == ["/results?q=Acme"]
    assert shots[0].missing_labels == [], "a typed value is in the field, not in the page's words"
