"""`helpcentre explain` walks without leaving a trace: on a live target with no reset, it names the
steps that would change the product's data and walks only with --yes; the sandbox needs no --yes.

The product is a tiny local server whose page keeps a count on the server; its **Add a contact**
button is a form's submit button, and every request it gets is noted.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from capture.conftest import GUIDE, copy_project
from local_http import QuietHandler, serving_with

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Contacts</title></head>
<body><main><h1>Contacts</h1><p>{count} total</p>
<form method="post" action="add"><button>Add a contact</button></form></main></body></html>"""

CONFIG = """site_name: Contacts
plugins:
  - helpcentre:
      contact: {{url: 'mailto:contacts@example.com'}}
      categories: [{{key: contacts, title: Contacts}}]
      targets:
        crm:
          url: {product}/crm/
"""

ADD = """---
id: 1
title: Add a contact
summary: Adds one contact, so the count on the page goes up by one.
category: contacts
walkthrough:
  target: crm
---

1. Verify the page shows **Contacts**
2. Click **Add a contact**
"""

LOOK = """---
id: 2
title: Count your contacts
summary: Shows how many contacts there are.
category: contacts
walkthrough:
  target: crm
---

1. Verify the page shows **total**
"""


class Product:
    def __init__(self) -> None:
        self.count = 5
        self.requests: list[str] = []
        self.lock = threading.Lock()


@pytest.fixture(scope="module")
def product() -> Iterator[tuple[Product, str]]:
    state = Product()

    class Handler(QuietHandler):
        def _answer(self, status: int, body: str = "", location: str | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            if location:
                self.send_header("Location", location)
            self.send_header("Content-Length", str(len(body.encode())))
            self.end_headers()
            self.wfile.write(body.encode())

        def do_GET(self) -> None:
            with state.lock:
                state.requests.append(f"GET {self.path}")
                count = state.count
            self._answer(200, PAGE.format(count=count))

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            with state.lock:
                state.requests.append(f"POST {self.path}")
                state.count += 1
            self._answer(303, location="/crm/")

    with serving_with(Handler) as origin:
        yield state, origin


@pytest.fixture(scope="module")
def centre(product, tmp_path_factory) -> Path:
    _, origin = product
    root = tmp_path_factory.mktemp("explain") / "centre"
    (root / "docs" / "contacts").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(CONFIG.format(product=origin))
    (root / "docs" / "contacts" / "add-a-contact.md").write_text(ADD)
    (root / "docs" / "contacts" / "count-contacts.md").write_text(LOOK)
    return root


def explain(root: Path, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "helpcentre", "explain", *args]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=300)


def test_a_step_that_would_change_a_live_targets_data_stops_explain_before_any_walk(product, centre):
    state, origin = product
    before = len(state.requests)
    result = explain(centre, "contacts/add-a-contact")
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.splitlines()[-3:] == [
        f"contacts/add-a-contact: walking it would change the data of target 'crm' ({origin}/crm/),"
        " which has no reset to put it back:",
        "  step 2 (Click **Add a contact**): clicks 'Add a contact', whose name reads as creating",
        "Nothing was walked. Walk it anyway with --yes, or give the target a reset"
        " (see guide/docs/walkthroughs/reset-the-products-data.md).",
    ]
    assert result.stdout == ""
    assert state.requests[before:] == [], "the product was not even opened"


def test_with_yes_explain_walks_and_the_product_changes(product, centre):
    state, _ = product
    count = state.count
    result = explain(centre, "contacts/add-a-contact", "--yes")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Step 2. Click **Add a contact**" in result.stdout
    assert state.count == count + 1


def test_an_article_that_only_looks_walks_without_asking(product, centre):
    result = explain(centre, "contacts/count-contacts")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "would change the data" not in result.stderr


def test_the_sandbox_resets_itself_so_explain_needs_no_yes(project_root, tmp_path):
    project = copy_project(project_root, tmp_path / "project")
    # The guide's step 5 presses Save (an override names the button): on the sandbox, a walk's data is its own.
    result = explain(project.root, GUIDE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "would change the data" not in result.stderr
    assert "click       button 'Save' (override)" in result.stdout
