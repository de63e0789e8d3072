"""`helpcentre record` on a product that is not the sandbox: fields by their names, choices in words, resets.

The product (`record_product/page.html`, served here) has what real products have and the
sandbox does not: a field named only by its placeholder, a select labelled by its label and by
itself (so its accessible name carries its value), and a combobox that opens a list of options.
`record_in_browser` runs as `helpcentre record` runs it, headless, with the writer's task done
by Playwright; the product counts its resets and saves.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import sys
import threading
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from local_http import QuietHandler, serving_with

from helpcentre.articles import parse_article
from helpcentre.articles.inference import plan_walkthrough
from helpcentre.articles.scaffold import draft_recorded
from helpcentre.authoring.recording import record_in_browser
from helpcentre.project import load_project

CENTRE = Path(__file__).parent / "record_product"
ARTICLE = "invoices/mark-an-invoice-paid"
RECORDED = [
    "Choose **High** as the **Priority**",
    "Enter the **Search clients** and **Quantity**, then choose **Paid** as the **Status**",
    "Click the **Save** button",
]


@dataclass
class Product:
    """What was asked of the product, in order: its resets and saves."""

    events: list[str] = field(default_factory=list)
    saved: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)


def handler_for(product: Product) -> type[QuietHandler]:
    page = (CENTRE / "page.html").read_text()

    class Handler(QuietHandler):
        def _answer(self, status: int, body: str = "", location: str = "") -> None:
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            if location:
                self.send_header("Location", location)
            self.send_header("Content-Length", str(len(body.encode())))
            self.end_headers()
            self.wfile.write(body.encode())

        def do_GET(self) -> None:
            if self.path != "/":
                return self._answer(404, "Not found")
            with product.lock:
                self._answer(200, page.replace("{saved}", product.saved))

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
            with product.lock:
                if self.path == "/reset":
                    product.saved = ""
                    product.events.append("reset")
                    return self._answer(200, "reset")
                if self.path != "/save":
                    return self._answer(404, "Not found")
                form = dict(urllib.parse.parse_qsl(body))
                product.saved = f"Saved: {form.get('search')}, {form.get('quantity')}, {form.get('status')}"
                product.events.append("save")
            self._answer(303, location="/")

    return Handler


async def a_writer_marks_an_invoice_paid(page) -> None:
    await page.get_by_role("combobox", name="Priority").click()
    await page.get_by_role("option", name="High").click()
    await page.get_by_placeholder("Search clients").fill("Avery")
    await page.get_by_label("Quantity").fill("3")
    await page.locator("#status").select_option(label="Paid")
    await page.get_by_role("button", name="Save").click()
    await page.get_by_text("Saved: Avery, 3, Paid").wait_for()


@dataclass
class Recording:
    root: Path
    product: Product
    steps: list
    events_while_recording: list[str]
    article: str
    capture: subprocess.CompletedProcess
    verify: subprocess.CompletedProcess


@pytest.fixture(scope="module")
def recording(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("record-any") / "centre"
    shutil.copytree(CENTRE, root, ignore=shutil.ignore_patterns("page.html"))
    product = Product()
    with serving_with(handler_for(product)) as url:
        config = root / "mkdocs.yml"
        config.write_text(config.read_text().replace("{product}", url))
        project = load_project(config)
        recorded = record_in_browser(project, "invoices", "/", headless=True, writer=a_writer_marks_an_invoice_paid)
        # A thread of its own: the browser tests' synchronous Playwright may hold this thread's loop.
        with ThreadPoolExecutor(max_workers=1) as thread:
            steps = thread.submit(asyncio.run, recorded).result()
        events = list(product.events)
        text = draft_recorded(
            "Mark an invoice paid", "invoices", 1, "invoices", "/", [(s.sentence, s.fields, s.masks) for s in steps]
        )
        (root / "docs" / ARTICLE).parent.mkdir(parents=True)
        (root / "docs" / f"{ARTICLE}.md").write_text(text)

        def run(*arguments: str) -> subprocess.CompletedProcess:
            command = [sys.executable, "-m", "helpcentre", *arguments]
            return subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=300)

        captured = run("capture", ARTICLE, "--workers", "1", "--report", str(root / "reports" / "capture"))
        verified = run("verify", ARTICLE, "--report", str(root / "reports" / "verify"))
        yield Recording(root, product, steps, events, text, captured, verified)


def test_the_product_is_reset_before_and_after_the_recording(recording: Recording) -> None:
    assert recording.events_while_recording == ["reset", "save", "reset"]


def test_fields_are_named_as_read_and_choices_are_said_in_words(recording: Recording) -> None:
    assert [step.sentence for step in recording.steps] == RECORDED
    # Only what was typed is kept as a value; the choices are in the words.
    assert [step.fields for step in recording.steps] == [{}, {"Search clients": "Avery", "Quantity": "3"}, {}]


def test_the_recorded_sentences_read_back_as_what_the_writer_did(recording: Recording) -> None:
    article, problems = parse_article(f"{ARTICLE}.md", recording.article, f"docs/{ARTICLE}.md")
    assert problems == []
    plans, unread = plan_walkthrough(article)
    assert unread == []
    done = [[(intent.kind, intent.label, intent.value) for intent in plan.intents] for plan in plans]
    assert done == [
        [("set", "Priority", "High")],
        [("set", "Search clients", "Avery"), ("set", "Quantity", "3"), ("set", "Status", "Paid")],
        [("click", "Save", None)],
    ]
    assert [intent.chooses for plan in plans for intent in plan.intents if intent.label in ("Priority", "Status")] == [
        True,
        True,
    ]


def test_the_recorded_article_captures_and_verifies_clean(recording: Recording) -> None:
    assert recording.capture.returncode == 0, recording.capture.stdout + recording.capture.stderr
    assert recording.verify.returncode == 0, recording.verify.stdout + recording.verify.stderr
    results = json.loads((recording.root / "reports" / "verify" / "results.json").read_text())
    assert [step["status"] for step in results["articles"][0]["steps"]] == ["ok", "ok", "ok"]
