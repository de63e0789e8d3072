"""How fast helpcentre.compare counts differing pixels, against the pure-Python pixelmatch port.

    .venv/bin/python scripts/bench/compare_speed.py [--rounds 15] [--python-rounds 1] [--json PATH]
        [--pixelmatch-fast-python PYTHON]

The pairs are 1280x800 screenshots of the billing sandbox shot in Chromium now (the page against
itself after a text edit, a 1 px shift and a colour change) and the committed 1280x800 baseline
pair of the invoices guide (raw against published: the drawn highlight). Reports, measured side by
side in one run on this machine:
- median ms per megapixel to count a pair's differing pixels (decoded images in, count out) for
  helpcentre.compare and for `pixelmatch` from PyPI (a pure-Python port), and their ratio;
- the target: ours at least 50x faster;
- our start-up in a fresh interpreter: importing helpcentre.compare, then the first call (from PNG
  bytes, so including Pillow's decoder start-up);
- for information: ours end to end from PNG bytes and with the diff image encoded.
Both must count the same for every pair. With --pixelmatch-fast-python, an interpreter that has
`pixelmatch-fast` installed (it ships its own `pixelmatch` module, so it cannot share this venv
with the pure-Python port) is timed on the same pairs too.
Exits 1 when the target is missed or the counts disagree.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

import pixelmatch as pure_python_pixelmatch
from playwright.sync_api import sync_playwright

from billing_sandbox.process import SandboxProcess
from helpcentre.browser import launch_options
from helpcentre.compare import compare_images, decode_png

ROOT = Path(__file__).resolve().parents[2]
WIDTH, HEIGHT = 1280, 800
MEGAPIXELS = WIDTH * HEIGHT / 1e6
TARGET_RATIO = 50
COMMITTED_PAIR = ROOT / "screenshots" / "billing" / "view-print-or-pay-invoices" / "04.png"

# name: script run on the billing page before the "actual" shot
EDITS = {
    "billing page, text edit": "document.querySelector('.lead').textContent = 'Your plan: $159.00 a month.'",
    "billing page, 1 px shift": "document.body.style.marginTop = '1px'",
    "billing page, colour change": (
        "for (const b of document.querySelectorAll('.button-primary')) b.style.background = '#b45309'"
    ),
}


def shoot_pairs(sandbox: SandboxProcess) -> dict[str, tuple[bytes, bytes]]:
    """The billing page before and after each edit, as PNG bytes."""
    pairs = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT}, reduced_motion="reduce")
        page.goto(sandbox.url + "login")
        page.get_by_label("Email").fill(sandbox.email)
        page.get_by_label("Password").fill(sandbox.password)
        page.get_by_role("button", name="Log in").click()
        for name, edit in EDITS.items():
            page.goto(sandbox.url + "billing")
            page.evaluate("document.fonts.ready.then(() => undefined)")
            before = page.screenshot(type="png", animations="disabled", caret="hide")
            page.evaluate(edit)
            after = page.screenshot(type="png", animations="disabled", caret="hide")
            pairs[name] = (before, after)
        browser.close()
    return pairs


def committed_pair() -> dict[str, tuple[bytes, bytes]]:
    raw, published = COMMITTED_PAIR, COMMITTED_PAIR.with_name("04.published.png")
    if not (raw.exists() and published.exists()) or decode_png(raw.read_bytes()).shape[:2] != (HEIGHT, WIDTH):
        print(f"(no committed {WIDTH}x{HEIGHT} pair at {raw.relative_to(ROOT)}: left out)", file=sys.stderr)
        return {}
    return {"invoices guide, step highlight (committed)": (raw.read_bytes(), published.read_bytes())}


def timed(call, rounds: int) -> tuple[list[float], object]:
    """Seconds per call, and the last call's result."""
    seconds = []
    for _ in range(rounds):
        began = time.perf_counter()
        result = call()
        seconds.append(time.perf_counter() - began)
    return seconds, result


def ms_per_megapixel(seconds: list[float]) -> list[float]:
    return [1000 * second / MEGAPIXELS for second in seconds]


@dataclass
class PairTimes:
    name: str
    ours_count: int
    python_count: int
    ours_ms: list[float]  # per megapixel, one a call
    python_ms: list[float]
    from_png_ms: list[float]
    with_diff_ms: list[float]


def measure(name: str, expected_png: bytes, actual_png: bytes, rounds: int, python_rounds: int) -> PairTimes:
    """Both comparators on one pair, decoded images in, count out; ours also from PNG and with the diff."""
    expected, actual = decode_png(expected_png), decode_png(actual_png)
    assert expected.shape == actual.shape == (HEIGHT, WIDTH, 4), name
    ours_seconds, ours = timed(lambda: compare_images(expected, actual, diff_output=False), rounds)
    from_png_seconds, _ = timed(lambda: compare_images(expected_png, actual_png, diff_output=False), rounds)
    with_diff_seconds, _ = timed(lambda: compare_images(expected, actual), rounds)
    expected_bytes, actual_bytes = expected.tobytes(), actual.tobytes()
    python_seconds, python_count = timed(
        lambda: pure_python_pixelmatch.pixelmatch(expected_bytes, actual_bytes, WIDTH, HEIGHT, threshold=0.1),
        python_rounds,
    )
    return PairTimes(
        name=name,
        ours_count=ours.mismatched,
        python_count=python_count,
        ours_ms=ms_per_megapixel(ours_seconds),
        python_ms=ms_per_megapixel(python_seconds),
        from_png_ms=ms_per_megapixel(from_png_seconds),
        with_diff_ms=ms_per_megapixel(with_diff_seconds),
    )


def start_up(expected: bytes, actual: bytes) -> tuple[float, float]:
    """Import and first-call seconds of helpcentre.compare in a fresh interpreter."""
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "a.png").write_bytes(expected)
        (Path(folder) / "b.png").write_bytes(actual)
        code = textwrap.dedent(
            f"""
            import json, time
            from pathlib import Path
            expected, actual = Path({folder!r}, "a.png").read_bytes(), Path({folder!r}, "b.png").read_bytes()
            began = time.perf_counter()
            from helpcentre.compare import compare_images
            imported = time.perf_counter()
            compare_images(expected, actual, diff_output=False)
            print(json.dumps([imported - began, time.perf_counter() - imported]))
            """
        )
        ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    imported, first_call = json.loads(ran.stdout)
    return imported, first_call


def time_pixelmatch_fast(python: str, pairs: dict[str, tuple[bytes, bytes]], rounds: int) -> dict[str, object]:
    """pixelmatch-fast (numba) in another interpreter: its import, first call, steady ms/MP and counts."""
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for index, (expected, actual) in enumerate(pairs.values()):
            (Path(folder) / f"{index}a.png").write_bytes(expected)
            (Path(folder) / f"{index}b.png").write_bytes(actual)
            paths.append((f"{folder}/{index}a.png", f"{folder}/{index}b.png"))
        code = textwrap.dedent(
            f"""
            import json, time
            from PIL import Image
            images = [(Image.open(a).convert("RGBA"), Image.open(b).convert("RGBA")) for a, b in {paths!r}]
            began = time.perf_counter()
            from pixelmatch import pixelmatch
            imported = time.perf_counter()
            pixelmatch(*images[0])
            first_call = time.perf_counter() - imported
            seconds, counts = [], []
            for a, b in images:
                for _ in range({rounds}):
                    began_call = time.perf_counter()
                    count = pixelmatch(a, b)
                    seconds.append(time.perf_counter() - began_call)
                counts.append(count)
            print(json.dumps({{"import": imported - began, "first_call": first_call, "seconds": seconds,
                              "counts": counts}}))
            """
        )
        ran = subprocess.run([python, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(ran.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15, help="timed calls of ours per pair (median)")
    parser.add_argument("--python-rounds", type=int, default=1, help="timed calls of the pure-Python port per pair")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--pixelmatch-fast-python", metavar="PYTHON", help="an interpreter with pixelmatch-fast")
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory() as data, SandboxProcess(Path(data)) as sandbox:
        pairs = shoot_pairs(sandbox)
    pairs.update(committed_pair())

    measured = [measure(name, *pair, arguments.rounds, arguments.python_rounds) for name, pair in pairs.items()]
    ours_ms = [ms for pair in measured for ms in pair.ours_ms]
    python_ms = [ms for pair in measured for ms in pair.python_ms]
    disagreements = [
        f"{pair.name}: helpcentre.compare counts {pair.ours_count}, pixelmatch {pair.python_count}"
        for pair in measured
        if pair.ours_count != pair.python_count
    ]

    imported, first_call = start_up(*next(iter(pairs.values())))
    ours_median, python_median = statistics.median(ours_ms), statistics.median(python_ms)
    ratio = python_median / ours_median
    from_png_median = statistics.median(ms for pair in measured for ms in pair.from_png_ms)
    with_diff_median = statistics.median(ms for pair in measured for ms in pair.with_diff_ms)
    figures: dict[str, object] = {
        "pairs": {
            pair.name: {
                "mismatched": pair.ours_count,
                "ours_ms_per_megapixel": round(statistics.median(pair.ours_ms), 2),
                "pure_python_ms_per_megapixel": round(statistics.median(pair.python_ms)),
            }
            for pair in measured
        },
        "ours_ms_per_megapixel": round(ours_median, 2),
        "pure_python_ms_per_megapixel": round(python_median, 1),
        "ratio": round(ratio, 1),
        "target_ratio": TARGET_RATIO,
        "ours_from_png_ms_per_megapixel": round(from_png_median, 2),
        "ours_with_diff_png_ms_per_megapixel": round(with_diff_median, 2),
        "start_up_import_ms": round(imported * 1000, 1),
        "start_up_first_call_ms": round(first_call * 1000, 1),
    }

    print(f"{len(pairs)} pairs of {WIDTH}x{HEIGHT} screenshots ({MEGAPIXELS:.3f} MP each), threshold 0.1, ms/MP:")
    for pair in measured:
        print(
            f"  {pair.name:44} {pair.ours_count:7d} differ   ours {statistics.median(pair.ours_ms):7.2f}"
            f"   pure Python {statistics.median(pair.python_ms):8.0f}"
        )
    print(f"helpcentre.compare        {ours_median:9.2f} ms/MP (median of {len(ours_ms)} calls)")
    print(f"pixelmatch (pure Python)  {python_median:9.1f} ms/MP (median of {len(python_ms)} calls)")
    print(f"ratio                     {ratio:9.1f} x (target: at least {TARGET_RATIO} x)")
    print(f"ours from PNG bytes       {from_png_median:9.2f} ms/MP (decoding included)")
    print(f"ours with the diff image  {with_diff_median:9.2f} ms/MP (PNG encoded)")
    print(f"start-up                  {imported * 1000:9.1f} ms import + {first_call * 1000:.1f} ms first call")

    if arguments.pixelmatch_fast_python:
        fast = time_pixelmatch_fast(arguments.pixelmatch_fast_python, pairs, arguments.rounds)
        fast_median = statistics.median(ms_per_megapixel(fast["seconds"]))
        figures["pixelmatch_fast"] = {
            "ms_per_megapixel": round(fast_median, 2),
            "start_up_import_ms": round(fast["import"] * 1000, 1),
            "start_up_first_call_ms": round(fast["first_call"] * 1000, 1),
        }
        print(
            f"pixelmatch-fast (numba)   {fast_median:9.2f} ms/MP (images in as PIL), start-up "
            f"{fast['import'] * 1000:.1f} ms import + {fast['first_call'] * 1000:.1f} ms first call"
        )
        for pair, fast_count in zip(measured, fast["counts"], strict=True):
            if fast_count != pair.ours_count:
                disagreements.append(
                    f"{pair.name}: helpcentre.compare counts {pair.ours_count}, pixelmatch-fast {fast_count}"
                )

    if arguments.json:
        arguments.json.write_text(json.dumps(figures, indent=2) + "\n")
    for disagreement in disagreements:
        print(f"DISAGREE  {disagreement}")
    if disagreements:
        return 1
    if ratio < TARGET_RATIO:
        print("target missed")
        return 1
    print("counts agree; target met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
