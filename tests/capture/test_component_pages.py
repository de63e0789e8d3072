"""Walks on a single-page app built the way component libraries build theirs (spa_pages/).

Its selects are a select-only combobox whose listbox is put at the end of the document, an
editable combobox that asks the server for options as you type, a native select and radio
buttons; its list filters half a second after the typing stops and opens a ticket when its row
is clicked; its notices are toasts with role=alert, for a success as for an error. Each article
is walked by the real walker, as capture walks it (the label check on and refusing), in one
browser launched once for the module, against a small server that records what the form sent.
"""

from __future__ import annotations

import asyncio
import http.server
import json
import textwrap
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.async_api import async_playwright

from helpcentre.articles import parse_article
from helpcentre.browser import launch_options
from helpcentre.capture import StepFailed, WalkSettings, walk
from helpcentre.capture.page.quiet import watch_pages
from helpcentre.capture.page.settling import settle

PAGES = Path(__file__).parent / "spa_pages"
TICKETS = [
    {"id": 1, "subject": "Wi-Fi drops in room 4", "kind": "Network"},
    {"id": 2, "subject": "Printer toner empty", "kind": "Hardware"},
    {"id": 3, "subject": "Printer jammed", "kind": "Hardware"},
    {"id": 4, "subject": "Badge reader broken", "kind": "Access"},
    {"id": 5, "subject": "Laptop will not boot", "kind": "Hardware"},
]
PEOPLE = [{"id": 1, "name": "Dana Whitfield"}, {"id": 2, "name": "Daniel Okafor"}, {"id": 3, "name": "Sam Lee"}]
# As a real API answers: not at once, and a save takes longer than a look-up.
API_DELAY_S = 0.2
SAVE_DELAY_S = 0.6


def _answer(path: str, query: dict[str, list[str]]) -> tuple[int, str, bytes]:
    if path.startswith("/api/"):
        time.sleep(API_DELAY_S)
        asked = query.get("q", [""])[0].casefold()
        if path == "/api/tickets":
            found = [ticket for ticket in TICKETS if asked in ticket["subject"].casefold()]
        elif path == "/api/people":
            found = [person for person in PEOPLE if asked in person["name"].casefold()] if asked else []
        else:
            found = next(ticket for ticket in TICKETS if path == f"/api/tickets/{ticket['id']}")
        return 200, "application/json", json.dumps(found).encode()
    if path == "/app.js":
        return 200, "text/javascript", (PAGES / "app.js").read_bytes()
    return 200, "text/html", (PAGES / "index.html").read_bytes()


@contextmanager
def serving() -> Iterator[tuple[str, dict[str, dict]]]:
    """The app on a free port; yields its URL and each ticket the form sent, by subject."""
    sent: dict[str, dict] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            self._send(*_answer(parts.path, parse_qs(parts.query)))

        def do_POST(self) -> None:
            time.sleep(SAVE_DELAY_S)
            ticket = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            sent[ticket.get("subject", "")] = ticket
            failed = ticket.get("subject") == "Cause a server error"
            self._send(500 if failed else 201, "application/json", b"{}")

        def _send(self, status: int, kind: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", sent
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def article(ref: str, start: str, steps: str, overrides: str = "") -> str:
    walkthrough = f"walkthrough:\n  target: desk\n  start: {start}\n" + textwrap.indent(overrides, "  ")
    return f"---\nid: 1\ntitle: {ref}\nsummary: A walk on a component library's pages.\ncategory: desk\n{walkthrough}---\n\n{steps}"


def fields(**by_step: dict[str, str]) -> str:
    lines = ["steps:"]
    for step, values in by_step.items():
        lines += [
            f"  {step[1:]}:",
            "    fields:",
            *(f"      {name}: {json.dumps(value)}" for name, value in values.items()),
        ]
    return "\n".join(lines) + "\n"


SAVED = "Click **Save**\n{n}. Verify the page shows **Element created**\n"
ARTICLES = {
    "every select": article(
        "every-select",
        "/new",
        "1. Enter the **Subject**\n2. Choose **Hardware** as the **Kind**\n"
        "3. Select **Dana Whitfield** from the **Assignee** list\n4. Choose **Paid** as the **Status**\n"
        "5. Choose **High** as the **Priority**\n6. " + SAVED.format(n=7),
        fields(s1={"Subject": "Every select"}),
    ),
    "fields": article(
        "fields",
        "/new",
        "1. Enter the **Subject**\n2. Choose the **Kind**\n3. Choose the **Assignee**\n4. " + SAVED.format(n=5),
        fields(s1={"Subject": "By fields"}, s2={"Kind": "Network"}, s3={"Assignee": "Dana"}),
    ),
    "typed": article(
        "typed",
        "/new",
        "1. Enter the **Subject** and the **Assignee**\n2. Select **Software** from the **Kind** list\n"
        "3. " + SAVED.format(n=4),
        fields(s1={"Subject": "Typed", "Assignee": "Sam Lee"}),
    ),
    "no such person": article("no-such-person", "/new", "1. Choose **Zed Nobody** as the **Assignee**\n"),
    "no such kind": article("no-such-kind", "/new", "1. Choose **Firmware** as the **Kind**\n"),
    "server error": article(
        "server-error",
        "/new",
        "1. Enter the **Subject**\n2. Click **Save**\n",
        fields(s1={"Subject": "Cause a server error"}),
    ),
    "marked as an error": article("marked", "/new", "1. Click **Sync**\n"),
    "search and rows": article(
        "search-and-rows",
        "/tickets",
        "1. Enter the **Search**\n2. Verify the count reads **1-2 of 2**\n"
        "3. Click the ticket **Printer jammed**\n4. Verify the page shows **Ticket #3**\n",
        fields(s1={"Search": "printer"}),
    ),
    "several rows": article("several-rows", "/tickets", "1. Click the ticket **Printer**\n"),
    "native option": article(
        "native-option",
        "/tickets",
        "1. Choose **Delete selected tickets** from the **Action** drop-down, then click **Go**\n"
        "2. Verify the page shows **Chosen action: delete_selected**\n",
    ),
}


async def _settling(context, url: str) -> dict:
    """How long `settle` waits after typing into the debounced search, and what the page shows then."""
    page = await context.new_page()
    await page.goto(url + "tickets")
    await page.get_by_text("1-5 of 5").wait_for()
    await page.get_by_label("Search").fill("printer")
    began = time.monotonic()
    settled = await settle(page, 5.0)
    found = {"typed": (settled, time.monotonic() - began, await page.inner_text("#count"))}
    # A toast hides itself after 4 s, and a poll never ends: neither is the page's reaction to a click.
    await page.evaluate(
        """() => {
      document.getElementById('go').addEventListener('click', () => {
        setTimeout(() => document.getElementById('chosen').textContent = 'hidden', 4000);
        const poll = () => setTimeout(poll, 200);
        poll();
      });
    }"""
    )
    await page.get_by_role("button", name="Go").click()
    began = time.monotonic()
    settled = await settle(page, 5.0)
    found["toast and poll"] = (settled, time.monotonic() - began)
    await page.close()
    return found


async def _walks() -> dict:
    found: dict = {}
    with serving() as (url, sent):
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(**launch_options())
            context = await browser.new_context(viewport={"width": 800, "height": 600})
            # As capture makes every context: the clock stands still, and only the walk moves it.
            await context.clock.set_fixed_time("2026-11-26T20:40:00Z")
            await watch_pages(context)
            settings = WalkSettings(base_url=url, masks=[], check_labels=True, labels_must_match=True)
            for name, text in ARTICLES.items():
                walked, problems = parse_article(f"desk/{name}.md", text, f"docs/desk/{name}.md")
                assert not problems, [str(problem) for problem in problems]
                page = await context.new_page()
                try:
                    found[name] = await walk(page, walked, settings)
                except StepFailed as failure:
                    found[name] = failure
                await page.close()
            found["settling"] = await _settling(context, url)
            await browser.close()
    found["sent"] = sent
    return found


@pytest.fixture(scope="module")
def walks() -> dict:
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, _walks()).result()


def _walked(walks: dict, name: str) -> list:
    outcome = walks[name]
    assert not isinstance(outcome, StepFailed), outcome.describe()
    return outcome


def _failed(walks: dict, name: str) -> StepFailed:
    outcome = walks[name]
    assert isinstance(outcome, StepFailed), f"{name} was walked to its end"
    return outcome


def test_every_kind_of_select_is_chosen_by_its_option_name_and_the_form_sends_the_values(walks):
    shots = _walked(walks, "every select")
    assert walks["sent"]["Every select"] == {
        "subject": "Every select",
        "kind": "hardware",
        "assignee_id": "1",
        "status": "paid",
        "priority": "high",
    }
    assert shots[1].controls[0][0] == "set" and shots[1].controls[0][1].startswith("combobox 'Kind")
    assert shots[1].controls[0][2] == "choose: Choose **Option** as the **Field**"
    assert shots[2].controls[0][1] == "combobox 'Assignee' = 'Dana Whitfield'"
    assert shots[3].controls[0][1] == "combobox 'Status' = 'Paid'"
    assert shots[4].controls[0][1] == "radiogroup 'Priority' = 'High'"
    assert all(shot.missing_labels == [] for shot in shots)


def test_a_choice_given_in_fields_picks_the_option_a_partial_name_begins(walks):
    _walked(walks, "fields")
    assert walks["sent"]["By fields"] == {
        "subject": "By fields",
        "kind": "network",
        "assignee_id": "1",
        "status": "open",
        "priority": "normal",
    }


def test_a_typed_name_picks_the_option_read_alike_and_a_list_at_the_end_of_a_sentence_is_the_field(walks):
    shots = _walked(walks, "typed")
    assert walks["sent"]["Typed"]["assignee_id"] == "3"
    assert walks["sent"]["Typed"]["kind"] == "software"
    assert shots[1].controls[0][2] == "choose: Select **Option** from the **Field** list"


def test_an_option_the_field_does_not_offer_fails_the_step_with_what_it_offers(walks):
    person = _failed(walks, "no such person")
    assert person.number == 1
    assert person.reason == "no option named 'Zed Nobody' in combobox 'Assignee'; it offered no option"
    kind = _failed(walks, "no such kind")
    assert kind.reason.startswith("no option named 'Firmware' in combobox 'Kind")
    assert kind.reason.endswith("; options here: 'Hardware', 'Software', 'Network', 'Access'")


def test_a_success_toast_is_no_refusal_and_an_error_toast_is(walks):
    assert _walked(walks, "every select")[5].controls[0][1] == "button 'Save'"
    failure = _failed(walks, "server error")
    assert failure.number == 2
    assert failure.reason == (
        "the product refused it (button 'Save'): the product showed an alert: 'Server communication error'"
    )


def test_an_alert_marked_as_an_error_by_its_icon_refuses_the_step(walks):
    failure = _failed(walks, "marked as an error")
    assert failure.reason == "the product refused it (button 'Sync'): the product showed an alert: 'Sync stopped'"


def test_a_check_after_a_debounced_search_waits_for_it_and_a_row_opens_by_its_text(walks):
    shots = _walked(walks, "search and rows")
    assert shots[1].controls[0][:2] == ("check", "text '1-2 of 2'")
    assert shots[2].controls[0][1] == "row '3 Printer jammed Hardware' (by its text)"
    assert shots[3].url == "/tickets/3"


def test_a_label_shown_in_several_rows_names_them(walks):
    failure = _failed(walks, "several rows")
    assert failure.reason == (
        "'Printer' is shown in 2 rows: row '2 Printer toner empty Hardware', row '3 Printer jammed Hardware';"
        " name something only one row shows"
    )


def test_an_option_of_a_native_drop_down_named_in_bold_is_chosen(walks):
    shots = _walked(walks, "native option")
    assert [control[1] for control in shots[0].controls] == [
        "combobox 'Action' = 'Delete selected tickets'",
        "button 'Go'",
    ]


def test_settling_waits_for_the_debounced_request_and_not_for_toasts_or_polls(walks):
    settled, waited, count = walks["settling"]["typed"]
    assert (settled, count) == (True, "1-2 of 2")
    assert waited >= 0.5, "the debounce alone is half a second"
    settled, waited = walks["settling"]["toast and poll"]
    assert settled is True
    assert waited < 2.0, f"waited {waited:.1f} s for a toast's timer or a poll"
