"""How fast `helpcentre capture` walks the whole help centre, against the floor of one screenshot.

    .venv/bin/python scripts/bench/capture_speed.py [--rounds 1] [--json PATH]

Reports, measured side by side in one run on this machine:
- the browser start (median of 3 launches);
- the floor: one viewport screenshot of the settled billing page, alone (median of 20);
- the whole help centre captured from scratch (walks, image work, baselines written into a
  copy of the project) with 1 worker and with the default (the CPU count): time and steps/s;
- the target: with the default workers, at most 1.5 x (steps x floor) + browser start.
Exits 1 when the target is missed. Baselines in the repository are never touched.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.async_api import async_playwright

from billing_sandbox.process import SandboxProcess
from helpcentre.browser import launch_options
from helpcentre.capture.runner import CaptureOptions, capture
from helpcentre.project import load_project

ROOT = Path(__file__).resolve().parents[2]


async def browser_start_and_floor(sandbox_url: str, email: str, password: str) -> tuple[float, float]:
    async with async_playwright() as playwright:
        starts = []
        for _ in range(3):
            began = time.perf_counter()
            browser = await playwright.chromium.launch(**launch_options())
            starts.append(time.perf_counter() - began)
            await browser.close()
        browser = await playwright.chromium.launch(**launch_options())
        page = await browser.new_page(viewport={"width": 1280, "height": 800}, reduced_motion="reduce")
        await page.goto(sandbox_url + "login")
        await page.get_by_label("Email").fill(email)
        await page.get_by_label("Password").fill(password)
        await page.get_by_role("button", name="Log in").click()
        await page.goto(sandbox_url + "billing")
        await page.evaluate("document.fonts.ready.then(() => undefined)")
        shots = []
        for _ in range(20):
            began = time.perf_counter()
            await page.screenshot(type="png", animations="disabled", caret="hide")
            shots.append(time.perf_counter() - began)
        await browser.close()
    return statistics.median(starts), statistics.median(shots)


def capture_from_scratch(workers: int) -> tuple[float, int, int]:
    with tempfile.TemporaryDirectory(prefix="hc-capture-bench-") as folder:
        copy = Path(folder)
        shutil.copy(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
        shutil.copytree(ROOT / "docs", copy / "docs")
        project = load_project(copy / "mkdocs.yml")
        centre, _ = project.load_help_centre()
        began = time.perf_counter()
        result = capture(project, centre, CaptureOptions(workers=workers, report_dir=copy / "reports"))
        seconds = time.perf_counter() - began
        if result.failed:
            raise SystemExit(f"capture failed: {result.failed[0].failure}")
        written = sum(path.stat().st_size for path in (copy / "screenshots").rglob("*.png"))
        return seconds, result.steps, written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1, help="captures per worker count (median)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory() as data, SandboxProcess(Path(data)) as sandbox:
        browser_start, floor = asyncio.run(browser_start_and_floor(sandbox.url, sandbox.email, sandbox.password))

    default_workers = os.cpu_count() or 1
    runs: dict[int, list[tuple[float, int, int]]] = {1: [], default_workers: []}
    for _ in range(arguments.rounds):
        for workers in runs:
            runs[workers].append(capture_from_scratch(workers))

    figures: dict[str, object] = {
        "browser_start_s": round(browser_start, 3),
        "single_screenshot_floor_s": round(floor, 4),
        "default_workers": default_workers,
    }
    print(f"browser start             {browser_start * 1000:7.0f} ms (median of 3)")
    print(f"one screenshot (floor)    {floor * 1000:7.1f} ms (1280x800 PNG, median of 20)")
    steps = 0
    for workers, results in runs.items():
        seconds = statistics.median(result[0] for result in results)
        steps = results[0][1]
        written = results[0][2]
        figures[f"workers_{workers}"] = {
            "seconds": round(seconds, 2),
            "steps": steps,
            "steps_per_second": round(steps / seconds, 2),
            "bytes_per_step": round(written / steps),
        }
        print(
            f"whole help centre, {workers} worker{'s' if workers > 1 else ' '} {seconds:6.1f} s for {steps} steps "
            f"= {steps / seconds:.2f} steps/s, {written / steps / 1024:.0f} KiB a step on disk"
        )
    target = 1.5 * steps * floor + browser_start
    achieved = figures[f"workers_{default_workers}"]["seconds"]
    figures["target_s"] = round(target, 2)
    figures["ratio_to_target"] = round(achieved / target, 2)
    print(f"target                    {target:6.1f} s = 1.5 x {steps} steps x floor + browser start")
    print(f"achieved / target         {achieved / target:6.2f}")
    if arguments.json:
        arguments.json.write_text(json.dumps(figures, indent=2) + "\n")
    if achieved > target:
        print("target missed: each step also waits for its action (often a page load) and for two identical frames")
        return 1
    print("target met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
