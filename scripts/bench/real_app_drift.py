"""The real apps of the tests, walked as a writer's help centre is: overrides, false drift, time.

    .venv/bin/python scripts/bench/real_app_drift.py [--verifies 10] [--app NAME ...] [--json PATH]

For each real app that the suite starts (tests/realapps: a stock Django admin, a react-admin
single-page app), starts it, copies its help centre (tests/fixtures/<app>/), captures once and
verifies N times in a row with the target's reset and no manual step in between. Reports:

- the overrides per step: walkthrough entries a writer had to add, over the numbered steps
  (goal: at most 10 %);
- the drifted steps in each verify (goal: 0; a step the run could not judge is a run error,
  counted apart);
- the minutes of the capture and of each verify.

Exits 1 when a verify drifts or capture fails.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from helpcentre.articles.loader import parse_article  # noqa: E402

DRIFT = {"flow", "text", "structure", "pixels", "new", "not_reached"}


@contextlib.contextmanager
def _django_admin(folder: Path) -> Iterator[tuple[Path, dict[str, str]]]:
    from realapps.django_admin_app import HELP_CENTRE, create_project, serve

    with serve(create_project(folder)) as running:
        yield HELP_CENTRE, running.environment()


@contextlib.contextmanager
def _react_admin(folder: Path) -> Iterator[tuple[Path, dict[str, str]]]:
    from realapps.react_admin_app import HELP_CENTRE, serve

    folder.mkdir(parents=True)
    with serve(folder) as running:
        yield HELP_CENTRE, running.environment()


APPS: dict[str, Callable[[Path], contextlib.AbstractContextManager]] = {
    "django_admin": _django_admin,
    "react_admin": _react_admin,
}


def overrides_per_step(help_centre: Path) -> tuple[int, int]:
    """(steps with an override, numbered steps) over the help centre's how-tos."""
    overridden = steps = 0
    for path in sorted((help_centre / "docs").rglob("*.md")):
        article, _ = parse_article(str(path.relative_to(help_centre / "docs")), path.read_text(), path.name)
        if article is None or article.meta.walkthrough is None:
            continue
        steps += len(article.steps)
        overridden += len(article.meta.walkthrough.steps)
    return overridden, steps


def _helpcentre(
    project: Path, environment: dict[str, str], *arguments: str
) -> tuple[subprocess.CompletedProcess, float]:
    began = time.monotonic()
    completed = subprocess.run(
        [sys.executable, "-m", "helpcentre", *arguments],
        cwd=project,
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        timeout=1800,
    )
    return completed, time.monotonic() - began


def _steps(results_file: Path) -> list[tuple[str, dict]]:
    if not results_file.exists():
        return []
    results = json.loads(results_file.read_text(encoding="utf-8"))
    return [(article["ref"], step) for article in results["articles"] for step in article["steps"]]


def bench_app(name: str, verifies: int, folder: Path) -> dict:
    with APPS[name](folder / "app") as (help_centre, environment):
        project = folder / "help-centre"
        shutil.copytree(
            help_centre,
            project,
            ignore=shutil.ignore_patterns("screenshots", "reports", "site", "node_modules", "dist"),
        )
        overridden, steps = overrides_per_step(project)
        capture, capture_s = _helpcentre(project, environment, "capture", "--workers", "1")
        result = {
            "app": name,
            "steps": steps,
            "overridden_steps": overridden,
            "overrides_per_step": round(overridden / steps, 3) if steps else None,
            "capture_exit": capture.returncode,
            "capture_s": round(capture_s, 1),
            "verifies": [],
        }
        if capture.returncode != 0:
            result["capture_output"] = (capture.stdout + capture.stderr)[-3000:]
            return result
        for run in range(1, verifies + 1):
            report = folder / f"report-{run}"
            completed, seconds = _helpcentre(project, environment, "verify", "--report", str(report))
            records = _steps(report / "results.json")
            drifted = [
                f"{ref} step {s['step']} {s['status']}: {s['message'][:200]}"
                for ref, s in records
                if s["status"] in DRIFT
            ]
            errors = [f"{ref} step {s['step']}: {s['message'][:200]}" for ref, s in records if s["status"] == "error"]
            if not records:
                errors.append(f"verify wrote no results (exit {completed.returncode}): {completed.stderr[-500:]}")
            result["verifies"].append(
                {
                    "run": run,
                    "exit": completed.returncode,
                    "drifted": drifted,
                    "errors": errors,
                    "seconds": round(seconds, 1),
                }
            )
            print(
                f"{name} verify {run}: exit {completed.returncode}, {len(drifted)} drifted,"
                f" {len(errors)} run errors, {seconds:.1f} s",
                flush=True,
            )
        return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--verifies", type=int, default=10)
    parser.add_argument("--app", action="append", choices=sorted(APPS), help="default: every app")
    parser.add_argument("--json", type=Path)
    options = parser.parse_args()
    results = []
    for name in options.app or sorted(APPS):
        with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as folder:
            result = bench_app(name, options.verifies, Path(folder))
        results.append(result)
        drifted = sum(len(run["drifted"]) for run in result["verifies"])
        print(
            f"{name}: {result['overridden_steps']}/{result['steps']} steps overridden "
            f"({result['overrides_per_step']:.0%}), capture exit {result['capture_exit']} in {result['capture_s']} s, "
            f"{drifted} drifted step(s) in {len(result['verifies'])} verifies"
        )
        for run in result["verifies"]:
            for line in run["drifted"] + run["errors"]:
                print(f"  run {run['run']}: {line}")
        if result["capture_exit"] != 0:
            print(result.get("capture_output", ""))
    if options.json:
        options.json.write_text(json.dumps(results, indent=2))
    failed = any(r["capture_exit"] != 0 or any(run["drifted"] for run in r["verifies"]) for r in results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
