"""How often `helpcentre verify` reports drift on a product that did not change.

    .venv/bin/python scripts/bench/false_drift.py [--runs 50] [--busy 2] [--json PATH]

Runs N whole verifies of the repository's help centre against the unchanged sandbox, in a
copy of the project (the baselines in the repository are never touched). Every second run
walks beside K busy processes, each keeping a core busy, so that half of the runs see a
starved machine. Reports, for each run, the drifted steps, the run errors (steps the run
could not judge: not drift) and the time, then the totals for the quiet and the loaded runs.

Target: 0 drifted steps in all the runs. Exits 1 when a run drifts.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DRIFT = {"flow", "text", "structure", "pixels", "new", "not_reached"}
# A busy process stops by itself after this long, whatever happens to the benchmark.
BUSY_LIMIT_S = 600


def _busy(limit_s: float) -> None:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        sum(range(10_000))


def _copy_project(into: Path) -> Path:
    project = into / "project"
    project.mkdir()
    for name in ("docs", "screenshots"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project


def _one_verify(project: Path, report: Path) -> dict:
    began = time.monotonic()
    completed = subprocess.run(
        [sys.executable, "-m", "helpcentre", "verify", "--report", str(report)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=900,
    )
    seconds = time.monotonic() - began
    results_file = report / "results.json"
    if not results_file.exists():
        return {
            "exit": completed.returncode,
            "seconds": seconds,
            "drifted": [],
            "errors": [],
            "failed": completed.stderr,
        }
    results = json.loads(results_file.read_text(encoding="utf-8"))
    steps = [(article["ref"], step) for article in results["articles"] for step in article["steps"]]
    return {
        "exit": completed.returncode,
        "seconds": round(seconds, 1),
        "steps": len(steps),
        "drifted": [
            f"{ref} step {step['step']}: {step['status']}: {step['message'][:160]}"
            for ref, step in steps
            if step["status"] in DRIFT
        ],
        "errors": [
            f"{ref} step {step['step']}: {step['message'][:160]}" for ref, step in steps if step["status"] == "error"
        ],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--busy", type=int, default=2, help="busy processes beside every second run")
    parser.add_argument("--json", type=Path, help="write every run's figures here")
    arguments = parser.parse_args()
    runs = []
    with tempfile.TemporaryDirectory(prefix="false-drift-") as folder:
        project = _copy_project(Path(folder))
        for number in range(1, arguments.runs + 1):
            loaded = number % 2 == 0
            burners = [
                multiprocessing.Process(target=_busy, args=(BUSY_LIMIT_S,), daemon=True)
                for _ in range(arguments.busy if loaded else 0)
            ]
            for burner in burners:
                burner.start()
            try:
                run = _one_verify(project, Path(folder) / f"report-{number}")
            finally:
                for burner in burners:
                    burner.terminate()
                    burner.join()
            run.update(run=number, busy=len(burners))
            runs.append(run)
            print(
                f"run {number:>3} busy {len(burners)}: {len(run['drifted'])} drifted, {len(run['errors'])} run errors,"
                f" exit {run['exit']}, {run['seconds']} s",
                flush=True,
            )
            for line in run["drifted"] + run["errors"]:
                print(f"    {line}", flush=True)
            if run.get("failed"):
                print(f"    no results: {run['failed'][-400:]}", flush=True)
    for label, chosen in (("quiet", [r for r in runs if not r["busy"]]), ("loaded", [r for r in runs if r["busy"]])):
        print(
            f"{label}: {len(chosen)} runs, {sum(len(r['drifted']) for r in chosen)} drifted steps,"
            f" {sum(len(r['errors']) for r in chosen)} run errors,"
            f" {sum(1 for r in chosen if r.get('failed'))} runs without results"
        )
    if arguments.json:
        arguments.json.write_text(json.dumps(runs, indent=2) + "\n", encoding="utf-8")
    return 1 if any(run["drifted"] or run.get("failed") for run in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
