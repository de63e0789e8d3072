"""`helpcentre capture` end to end: the sandbox, Chromium, the files it writes and when it writes none."""

from __future__ import annotations

import io
import json

from capture.conftest import GUIDE
from PIL import Image

from helpcentre.baselines.publish import shot_offset


def pixels(png: bytes) -> tuple[tuple[int, int], bytes]:
    image = Image.open(io.BytesIO(png)).convert("RGBA")
    return image.size, image.tobytes()


def test_the_card_change_walkthrough_captures_every_step(captured_guide):
    files = captured_guide.snapshot()
    for number in range(1, 6):
        for suffix in ("png", "published.png", "aria.yml"):
            assert f"{GUIDE}/{number:02d}.{suffix}" in files
    manifest = json.loads(files["manifest.json"])
    entry = manifest["articles"][GUIDE]
    assert entry["id"] == 101
    assert entry["browser"].startswith("Chromium ")
    assert set(entry) == {"id", "browser", "steps"}, "no capture time or target address: they change every run"
    assert entry["steps"][2]["url"] == "/billing", "step URLs are relative to the target"
    record = json.loads((captured_guide.root / "reports" / "verification.json").read_text())
    assert record["articles"][GUIDE]["status"] == "ok"
    assert record["articles"][GUIDE]["target"] == "sandbox"
    assert record["articles"][GUIDE]["by"] == "capture"
    assert [step["text"] for step in entry["steps"]] == [
        "Go to the **Setup** menu",
        "Select **Therasoft Billing**",
        "Click the **Card Details** button",
        "Add/Edit your card or bank info",
        "Verify the status is **Active**",
    ]
    step = entry["steps"][4]
    assert step["bytes"]["raw"] == len(files[step["files"]["raw"]])
    assert step["files"]["published"] == f"{GUIDE}/05.published.png"
    assert (step["width"], step["height"]) == Image.open(io.BytesIO(files[step["files"]["raw"]])).size


def test_each_step_shows_what_the_article_says(captured_guide):
    files = {name: data.decode() for name, data in captured_guide.snapshot().items() if name.endswith(".yml")}
    assert 'button "Setup"' in files[f"{GUIDE}/01.aria.yml"]
    assert 'menuitem "Therasoft Billing"' in files[f"{GUIDE}/02.aria.yml"]
    assert 'button "Card Details"' in files[f"{GUIDE}/03.aria.yml"]
    assert 'textbox "Card number"' in files[f"{GUIDE}/04.aria.yml"]
    final = files[f"{GUIDE}/05.aria.yml"]
    assert "Mastercard ending in 4444" in final and "Status: Active" in final


def test_masks_keep_personal_data_out_of_the_baselines(captured_guide):
    files = captured_guide.snapshot()
    # The practice name is masked on every shot of the target; the card number and CVC too.
    for number in range(1, 6):
        assert b"Willow Creek Counseling" not in files[f"{GUIDE}/{number:02d}.aria.yml"]
    card_step = files[f"{GUIDE}/04.aria.yml"].decode()
    assert "5555 5555 5555 4444" not in card_step and 'textbox "Card number": ‹masked›' in card_step
    manifest = json.loads(files["manifest.json"])
    assert manifest["articles"][GUIDE]["steps"][3]["masks"], "the card number field is masked"


def test_the_published_copy_differs_from_the_raw_shot_only_by_its_annotations(captured_guide):
    files = captured_guide.snapshot()
    manifest = json.loads(files["manifest.json"])
    step = manifest["articles"][GUIDE]["steps"][2]
    (width, height), raw = pixels(files[step["files"]["raw"]])
    copy = Image.open(io.BytesIO(files[step["files"]["published"]])).convert("RGBA")
    # The shot is set in a margin that holds the badge: what the shot shows is never under it.
    left, top = shot_offset()
    published = copy.crop((left, top, left + width, top + height)).tobytes()
    changed = [index // 4 for index in range(0, len(raw), 4) if raw[index : index + 4] != published[index : index + 4]]
    assert changed, "the highlight is drawn"
    box = step["highlight"]
    margin = 28
    for pixel in changed:
        x, y = pixel % width, pixel // width
        assert box["x"] - margin <= x <= box["x"] + box["width"] + margin
        assert box["y"] - margin <= y <= box["y"] + box["height"] + margin


def test_capturing_from_scratch_gives_the_committed_pixels(captured_guide, project_root):
    # The committed baselines are an earlier capture of the same article, maybe by another build:
    # two captures draw the same pixels (the recapture below keeps their files as they are).
    committed = project_root / "screenshots"
    second = {
        path.relative_to(committed).as_posix(): path.read_bytes() for path in committed.rglob("*") if path.is_file()
    }
    first = captured_guide.snapshot()
    for number in range(1, 6):
        name = f"{GUIDE}/{number:02d}.png"
        assert pixels(first[name]) == pixels(second[name]), f"{name} differs between two captures"
        aria = f"{GUIDE}/{number:02d}.aria.yml"
        assert first[aria] == second[aria]


def test_a_recapture_of_an_unchanged_product_leaves_git_diff_empty_whatever_build_made_the_baselines(project_copy):
    # The baselines were made by another Chromium build than the one on this machine: a capture
    # that draws the same pixels keeps naming the build that made them.
    manifest_path = project_copy.screenshots / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    for entry in manifest["articles"].values():
        entry["browser"] = "Chromium 1.0.0.1"
    manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    project_copy.commit_all()
    # Only the article asked for is walked and written: another one's damaged file stays as it is.
    other = "billing/pre-pay-future-invoices/01.png"
    project_copy.screenshots.joinpath(other).write_bytes(b"not a screenshot")
    result = project_copy.capture(GUIDE)
    assert result.returncode == 0, result.stderr
    assert project_copy.git_status() == f" M screenshots/{other}\n"


def test_a_failing_step_names_it_and_leaves_every_baseline_untouched(project_copy):
    guide = project_copy.root / "docs" / f"{GUIDE}.md"
    guide.write_text(
        guide.read_text().replace("Click the **Card Details** button", "Click the **Payment Details** button")
    )
    before = project_copy.snapshot()
    result = project_copy.capture(GUIDE)
    assert result.returncode == 1
    assert (
        "billing/change-card-or-bank-info: step 3 (Click the **Payment Details** button): "
        "no control named 'Payment Details' (button); controls here: button 'Card Details'," in result.stderr
    )
    failure = project_copy.root / "reports" / GUIDE / "03.failed.png"
    assert failure.is_file() and Image.open(failure).size == (1280, 800)
    assert f"the page at that moment: {failure}" in result.stderr
    assert project_copy.snapshot() == before


def test_usage_errors_exit_with_code_2(project_copy):
    unknown = project_copy.capture("billing/no-such-article")
    assert unknown.returncode == 2
    assert "Error: no article 'billing/no-such-article'" in unknown.stderr
    no_walkthrough = project_copy.capture("getting-started/therasoft-basics")
    assert no_walkthrough.returncode == 2
    assert (
        "docs/getting-started/therasoft-basics.md: walkthrough: the article has no walkthrough" in no_walkthrough.stderr
    )
    bad_shard = project_copy.run("capture", "--shard", "3/2")
    assert bad_shard.returncode == 2
    assert "--shard 3/2: I must be between 1 and N" in bad_shard.stderr


def test_a_remote_browser_server_gives_the_same_baselines(captured_guide, project_copy, tmp_path):
    """`--ws-endpoint` drives a browser started elsewhere (here: `playwright launch-server`)."""
    import os
    import re
    import signal
    import subprocess
    import sys
    import time

    from helpcentre.browser import launch_options

    options = launch_options()
    config = {"headless": True, "args": options["args"]}
    if "executable_path" in options:
        config["executablePath"] = options["executable_path"]
    config_file = tmp_path / "server.json"
    config_file.write_text(json.dumps(config))
    server = subprocess.Popen(
        [sys.executable, "-m", "playwright", "launch-server", "--browser", "chromium", "--config", str(config_file)],
        stdout=subprocess.PIPE,
        text=True,
        # Its own process group: the launcher starts a Node process that must stop with it.
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 30
        endpoint = None
        while endpoint is None and time.monotonic() < deadline:
            line = server.stdout.readline()
            assert line or server.poll() is None, "the browser server exited"
            match = re.search(r"ws://\S+", line)
            endpoint = match.group(0) if match else None
        assert endpoint, "the browser server printed no endpoint"
        result = project_copy.run("capture", GUIDE, "--ws-endpoint", endpoint, "--report", str(tmp_path / "r"))
        assert result.returncode == 0, result.stderr
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    for number in range(1, 6):
        name = f"{GUIDE}/{number:02d}.png"
        assert pixels(project_copy.snapshot()[name]) == pixels(captured_guide.snapshot()[name])


def test_a_live_target_signs_in_with_credentials_from_the_environment(project_copy, tmp_path):
    """A target with a URL and a login, as for the real app; here the sandbox plays the live app."""
    import os
    import subprocess
    import sys

    from billing_sandbox import DEMO_EMAIL, DEMO_PASSWORD
    from billing_sandbox.process import SandboxProcess

    config = project_copy.root / "mkdocs.yml"
    with SandboxProcess(tmp_path / "live-data") as live:
        text = config.read_text().replace(
            "          sandbox: true\n",
            f"          url: {live.url}\n"
            "          login:\n"
            "            username_env: HC_TEST_BILLING_USER\n"
            "            password_env: HC_TEST_BILLING_PASSWORD\n",
            1,
        )
        config.write_text(text)
        command = [sys.executable, "-m", "helpcentre", "capture", GUIDE, "--report", str(tmp_path / "r")]
        without = subprocess.run(command, cwd=project_copy.root, capture_output=True, text=True, timeout=120)
        assert without.returncode == 2
        assert (
            "Error: target 'billing' signs in with credentials from the environment: "
            "set HC_TEST_BILLING_USER and HC_TEST_BILLING_PASSWORD" in without.stderr
        )
        environment = dict(os.environ, HC_TEST_BILLING_USER=DEMO_EMAIL, HC_TEST_BILLING_PASSWORD=DEMO_PASSWORD)
        signed_in = subprocess.run(
            command, cwd=project_copy.root, capture_output=True, text=True, timeout=300, env=environment
        )
        assert signed_in.returncode == 0, signed_in.stderr
        assert "the sandbox is ready" not in signed_in.stderr, "the configured URL is used, no sandbox is started"
    record = json.loads((project_copy.root / "reports" / "verification.json").read_text())
    assert record["articles"][GUIDE]["target"] == live.url
    assert DEMO_PASSWORD not in (project_copy.screenshots / "manifest.json").read_text()
    assert live.url not in (project_copy.screenshots / "manifest.json").read_text()


def capture_until_a_sandbox_is_ready(project_copy, own_processes):
    """A whole-help-centre capture, running, with at least one sandbox started."""
    import sys
    import time

    command = [sys.executable, "-m", "helpcentre", "capture", "--report", str(project_copy.root / "r")]
    process = own_processes.start(command, project_copy.root)
    deadline = time.monotonic() + 60
    seen = ""
    while "the sandbox is ready" not in seen and time.monotonic() < deadline:
        seen += process.stderr.readline()
    assert "the sandbox is ready" in seen, seen
    return process


def test_sigterm_stops_a_capture_cleanly(project_copy, own_processes):
    import signal

    before = project_copy.snapshot()
    process = capture_until_a_sandbox_is_ready(project_copy, own_processes)
    process.send_signal(signal.SIGTERM)
    rest = process.stderr.read()
    assert process.wait(timeout=60) == 143
    assert "Stopped; no baseline was changed by the walks that did not finish." in rest
    assert project_copy.snapshot() == before
    assert own_processes.wait_until_none_run(10) == [], "the run stops every process it started"


def test_a_killed_capture_leaves_nothing_that_the_next_run_does_not_clean_up(project_copy, own_processes):
    """SIGKILL cannot be caught: the sandboxes and the image worker stop themselves, and the next
    run removes the half-swapped folders and sandbox data that the dead run left, and only those."""
    import os
    import shutil
    import tempfile
    from pathlib import Path

    from helpcentre.capture.target.targets import SANDBOX_DATA_PREFIX

    process = capture_until_a_sandbox_is_ready(project_copy, own_processes)
    process.kill()
    process.wait(timeout=30)
    # The sandboxes, the image worker and multiprocessing's resource tracker: none outlives the run.
    assert own_processes.wait_until_none_run(10) == [], "every process stops when the run that started it is killed"
    # The dead run's sandbox data, as a sandbox killed before it could remove its own leaves it.
    left_in_tmp = list(Path(tempfile.gettempdir()).glob(f"{SANDBOX_DATA_PREFIX}{process.pid}-*"))
    left_in_tmp.append(Path(tempfile.mkdtemp(prefix=f"{SANDBOX_DATA_PREFIX}{process.pid}-")))

    # A folder a killed run was swapping, and one a live run is writing right now.
    dead = project_copy.screenshots / "billing" / f".change-requests.{process.pid}.x1y2.old"
    shutil.copytree(project_copy.screenshots / "billing" / "change-requests", dead)
    alive = project_copy.screenshots / "billing" / f".pre-pay-future-invoices.{os.getpid()}.a9b8.staged"
    alive.mkdir()
    (alive / "01.png").write_bytes(b"being written")
    linted = project_copy.run("lint")
    assert linted.returncode == 0, linted.stdout
    assert "HC160" not in linted.stdout, "lint never counts a run's hidden folders"

    result = project_copy.capture("clients/email-payment-receipts-to-multiple-emails")
    assert result.returncode == 0, result.stderr
    assert not dead.exists()
    assert alive.is_dir(), "a folder of a process that is still running is left alone"
    assert not any(path.exists() for path in left_in_tmp)
