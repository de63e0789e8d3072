"""A live target's data is put back before each walk, so that walks never depend on each other.

The product is a tiny local server (`Product`): each target is a page of its own whose count is
kept on the server and goes up by one when a step clicks **Add a contact**; a POST to its `reset`
puts the count back to 5. The help centre in `reset_centre/` walks it through four targets: one
reset by a request, one with no reset, one reset by a script and one whose script fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from local_http import QuietHandler, serving_with

CENTRE = Path(__file__).parent / "reset_centre"
TOKEN = "s3cret"
SEED_COUNT = 5
NO_RESET_WARNING = (
    "target 'plain' has no reset: the walks change its data and may depend on each other;"
    " see guide/docs/walkthroughs/reset-the-products-data.md"
)


class Product:
    """The server's state: a count per target, and what was asked of it, in order."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.events: list[tuple[str, str]] = []
        self.lock = threading.Lock()

    def happened(self, target: str, run: Run, kinds: tuple[str, ...] = ("reset", "add")) -> list[str]:
        """What `run` asked of `target`'s page, in order: its resets and adds, or the `kinds` given."""
        with self.lock:
            return [kind for name, kind in self.events[run.since : run.until] if name == target and kind in kinds]

    def mark(self) -> int:
        with self.lock:
            return len(self.events)


@contextmanager
def serving(product: Product) -> Iterator[str]:
    page = (CENTRE / "page.html").read_text()

    class Handler(QuietHandler):
        def _answer(self, status: int, body: str = "", headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            for name, value in {"Content-Type": "text/html; charset=utf-8", **(headers or {})}.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body.encode())))
            self.end_headers()
            self.wfile.write(body.encode())

        def do_GET(self) -> None:
            target, _, rest = self.path.strip("/").partition("/")
            if rest or not self.path.endswith("/"):
                return self._answer(404, "Not found")
            with product.lock:
                product.events.append((target, "view"))
                count = product.counts.setdefault(target, SEED_COUNT)
            self._answer(200, page.replace("{count}", str(count)))

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            target, _, action = self.path.strip("/").partition("/")
            if action == "reset" and target == "crm" and self.headers.get("X-Token") != TOKEN:
                return self._answer(403, "wrong token")
            with product.lock:
                if action == "add":
                    product.counts[target] = product.counts.get(target, SEED_COUNT) + 1
                elif action == "reset":
                    product.counts[target] = SEED_COUNT
                else:
                    return self._answer(404, "Not found")
                product.events.append((target, action))
            if action == "add":
                return self._answer(303, headers={"Location": f"/{target}/"})
            self._answer(200, "reset")

    with serving_with(Handler) as origin:
        yield f"{origin}"


@dataclass
class Run:
    result: subprocess.CompletedProcess
    # Where this run's requests start and end in `Product.events`.
    since: int
    until: int
    # A verify run's results.json.
    results: dict | None = None


@dataclass
class Runs:
    root: Path
    product: Product
    capture: Run
    verifies: list[Run]
    explain: Run
    without_token: Run

    def verified(self, run: Run) -> dict[str, str]:
        """Each verified article's status in that run."""
        assert run.results is not None, how_to_reproduce(self, run)
        return {record["ref"]: record["status"] for record in run.results["articles"]}


VERIFIED = [
    "contacts/add-a-contact",
    "contacts/add-another-contact",
    "contacts/add-a-plain-contact",
    "contacts/add-a-broken-contact",
]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runs]:
    """Capture every article, verify four twice, explain one, and capture without the reset's token."""
    root = tmp_path_factory.mktemp("reset") / "centre"
    shutil.copytree(CENTRE, root, ignore=shutil.ignore_patterns("page.html"))
    product = Product()
    with serving(product) as url:
        config = root / "mkdocs.yml"
        config.write_text(config.read_text().replace("{product}", url))
        script = root / "scripts" / "reset.sh"
        script.write_text(script.read_text().replace("{python}", sys.executable))
        for path in (root / "scripts").iterdir():
            path.chmod(0o755)
        environment = {**os.environ, "RESET_TOKEN": TOKEN}

        def run(*args: str, env: dict[str, str] = environment) -> Run:
            since = product.mark()
            command = [sys.executable, "-m", "helpcentre", *args]
            result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=300)
            return Run(result, since, product.mark())

        capture = run("capture", "--workers", "2", "--report", str(root / "reports" / "capture"))
        verifies = []
        for number in (1, 2):
            report = root / "reports" / f"verify-{number}"
            verify = run("verify", *VERIFIED, "--workers", "2", "--report", str(report))
            if (report / "results.json").exists():
                verify.results = json.loads((report / "results.json").read_text())
            verifies.append(verify)
        explain = run("explain", "contacts/add-a-contact")
        without_token = run(
            "capture", "contacts/add-a-contact", env={k: v for k, v in environment.items() if k != "RESET_TOKEN"}
        )
        yield Runs(root, product, capture, verifies, explain, without_token)


def how_to_reproduce(runs: Runs, run: Run) -> str:
    return f"in {runs.root}: {' '.join(run.result.args[1:])}\n{run.result.stdout}\n{run.result.stderr}"


def test_two_verifies_in_a_row_match_the_capture_when_the_target_is_reset(runs):
    for verify in runs.verifies:
        assert runs.verified(verify)["contacts/add-a-contact"] == "ok", how_to_reproduce(runs, verify)
        assert runs.verified(verify)["contacts/add-another-contact"] == "ok", how_to_reproduce(runs, verify)
    # Each walk found the seed data: the reset came first, every time.
    for verify in runs.verifies:
        assert runs.product.happened("crm", verify) == ["reset", "add", "reset", "add"]


def test_without_a_reset_each_walk_finds_the_data_the_last_one_left_and_drifts(runs):
    for verify in runs.verifies:
        assert runs.verified(verify)["contacts/add-a-plain-contact"] != "ok", how_to_reproduce(runs, verify)
        assert verify.result.returncode == 1
    assert runs.product.counts["plain"] == SEED_COUNT + 3, "capture and two verifies each added one"


def test_a_target_without_a_reset_says_so_once_before_walking(runs):
    for run in (runs.capture, *runs.verifies):
        assert run.result.stderr.count(NO_RESET_WARNING) == 1, how_to_reproduce(runs, run)
    assert "target 'crm' has no reset" not in runs.capture.result.stderr


def test_the_articles_of_a_live_target_walk_one_at_a_time(runs):
    # Two workers, two articles on `crm` (parallel 1 by default; verify hands them out first):
    # the second article's reset waits until the first one's walk has ended.
    for run in (runs.capture, *runs.verifies):
        walked = runs.product.happened("crm", run, ("reset", "view", "add"))
        assert walked == ["reset", "view", "add", "view"] * 2, how_to_reproduce(runs, run)


def test_a_reset_command_runs_from_the_project_root_naming_the_target_and_the_article(runs):
    marker = (runs.root / "reset-marker.txt").read_text().splitlines()
    assert marker == [f"scripted contacts/add-a-scripted-contact {runs.root.resolve()}"]
    assert runs.product.happened("scripted", runs.capture) == ["reset", "add"]
    # What a reset that succeeds prints is not shown.
    assert "putting the scripted data back" not in runs.capture.result.stderr + runs.capture.result.stdout


def test_a_failing_reset_stops_its_article_in_one_line_and_the_others_are_walked(runs):
    capture = runs.capture.result
    assert capture.returncode == 1, how_to_reproduce(runs, runs.capture)
    assert (
        "  FAILED  contacts/add-a-broken-contact: reset of target 'broken' failed: ./scripts/broken-reset.sh"
        " exited with 3: Resetting the staging data | connecting to the database | ERROR: database is locked\n"
    ) in capture.stderr
    assert capture.stderr.count("database is locked") == 1
    assert runs.product.happened("broken", runs.capture) == [], "the article was not walked"
    for ok in ("add-a-contact", "add-another-contact", "add-a-plain-contact", "add-a-scripted-contact"):
        assert f"  ok      contacts/{ok}: 1 step," in capture.stderr
        assert (runs.root / "screenshots" / "contacts" / ok).is_dir()
    assert not (runs.root / "screenshots" / "contacts" / "add-a-broken-contact").exists()


def test_verify_reports_a_failing_reset_as_an_error_of_the_run_not_as_drift(runs):
    for verify in runs.verifies:
        assert verify.results is not None, how_to_reproduce(runs, verify)
        [broken] = [record for record in verify.results["articles"] if record["ref"] == "contacts/add-a-broken-contact"]
        assert [(step["status"], step["message"]) for step in broken["steps"]] == [
            (
                "error",
                "reset of target 'broken' failed: ./scripts/broken-reset.sh exited with 3:"
                " Resetting the staging data | connecting to the database | ERROR: database is locked",
            )
        ]
    assert runs.product.happened("broken", runs.verifies[0]) == []


def test_explain_resets_before_its_walk_and_after_it(runs):
    assert runs.explain.result.returncode == 0, how_to_reproduce(runs, runs.explain)
    assert runs.product.happened("crm", runs.explain) == ["reset", "add", "reset"]
    assert runs.product.counts["crm"] == SEED_COUNT, "explain left the product as it found it"


def test_a_reset_header_from_a_missing_variable_stops_the_run_in_one_line(runs):
    result = runs.without_token.result
    assert result.returncode == 2
    assert result.stderr == (
        "Error: target 'crm' resets its data with a header from the environment: set RESET_TOKEN\n"
    )
    assert runs.product.happened("crm", runs.without_token, ("reset", "view", "add")) == []
