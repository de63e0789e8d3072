"""A live `url:` target's `timezone` and `clock` are the browser's during a walk, as they are the sandbox's.

The product is a tiny local server whose page says what day it is and, as products do, warns
"You are N hours behind server time" when the browser's time zone is not the server's (Tokyo).
One target sets `timezone: Asia/Tokyo`, the other keeps the default (America/New_York); both fix
the clock at 2030-01-01 20:30 UTC, which is already 2 January in Tokyo.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from local_http import QuietHandler, serving_with

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Schedule</title></head>
<body><main><h1>Schedule</h1><p id="today"></p><p id="drift"></p></main>
<script>
  const SERVER_UTC_OFFSET_MINUTES = 9 * 60;  // the server keeps Tokyo time
  const now = new Date();
  const day = now.toLocaleDateString('en-US', {weekday: 'long', year: 'numeric', month: 'long', day: 'numeric'});
  document.getElementById('today').textContent = 'Today is ' + day;
  const behind = (SERVER_UTC_OFFSET_MINUTES + now.getTimezoneOffset()) / 60;
  document.getElementById('drift').textContent =
    behind ? 'You are ' + behind + ' hours behind server time' : 'Your clock matches the server';
</script></body></html>"""

CONFIG = """site_name: Schedule
plugins:
  - helpcentre:
      contact: {{url: 'mailto:schedule@example.com'}}
      categories: [{{key: schedule, title: Schedule}}]
      targets:
        tokyo:
          url: {product}/schedule/
          timezone: Asia/Tokyo
          clock: "2030-01-01T20:30:00Z"
        office:
          url: {product}/schedule/
          clock: "2030-01-01T20:30:00Z"
"""

ARTICLE = """---
id: {id}
title: Today on the {target} target
summary: What day the schedule shows.
category: schedule
walkthrough:
  target: {target}
---

1. Verify the page shows **{drift}**
2. Verify the page reads **Today is {day}**
"""


@pytest.fixture(scope="module")
def centre(tmp_path_factory) -> Iterator[Path]:
    class Handler(QuietHandler):
        def do_GET(self) -> None:
            body = PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    root = tmp_path_factory.mktemp("clock") / "centre"
    (root / "docs" / "schedule").mkdir(parents=True)
    articles = {
        "tokyo": (1, "Your clock matches the server", "Wednesday, January 2, 2030"),
        "office": (2, "You are 14 hours behind server time", "Tuesday, January 1, 2030"),
    }
    for target, (number, drift, day) in articles.items():
        text = ARTICLE.format(id=number, target=target, drift=drift, day=day)
        (root / "docs" / "schedule" / f"{target}.md").write_text(text)
    with serving_with(Handler) as origin:
        (root / "mkdocs.yml").write_text(CONFIG.format(product=origin))
        yield root


def explain(root: Path, article: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "helpcentre", "explain", article]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=300)


def test_a_live_target_whose_timezone_is_the_servers_shows_no_warning_and_its_own_date(centre):
    result = explain(centre, "schedule/tokyo")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "check       text 'Your clock matches the server'" in result.stdout
    assert "check       text 'Today is Wednesday, January 2, 2030'" in result.stdout


def test_a_live_target_on_the_default_timezone_walks_in_new_york_at_the_fixed_clock(centre):
    result = explain(centre, "schedule/office")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "check       text 'You are 14 hours behind server time'" in result.stdout
    assert "check       text 'Today is Tuesday, January 1, 2030'" in result.stdout
