"""Recording a writer's clicks, tabs, typing, a detour and a dialog as a how-to that captures and verifies clean.

The recorder runs in a headless page here, driven with Playwright as a writer would drive the
window that `helpcentre record` opens.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from capture.conftest import copy_project
from playwright.async_api import async_playwright

from billing_sandbox import DEMO_EMAIL, DEMO_PASSWORD
from billing_sandbox.process import SandboxProcess
from helpcentre.articles import parse_article
from helpcentre.articles.scaffold import draft_recorded
from helpcentre.authoring.recorder import Recorder, page_fingerprint
from helpcentre.browser import launch_options
from helpcentre.capture.target.session import Credentials, new_page, sign_in
from helpcentre.capture.target.targets import SANDBOX_LOGIN
from helpcentre.project import load_project

ARTICLE = "billing/switch-to-a-bank-account"


async def record_a_writer(project_root: Path, data_dir: Path):
    """A writer switches the payment method to a bank account, with a click that does nothing."""
    target = load_project(project_root / "mkdocs.yml").settings.targets["billing"]
    with SandboxProcess(data_dir, allow_reset=True) as sandbox:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(**launch_options())
            credentials = Credentials(DEMO_EMAIL, DEMO_PASSWORD)
            state = await sign_in(browser, target, sandbox.url, SANDBOX_LOGIN, credentials, "billing")
            context, page = await new_page(browser, target, state)
            recorder = Recorder(on_sandbox=True)
            await recorder.attach(context)
            await page.goto(sandbox.url)
            await page.get_by_role("button", name="Setup").click()
            await page.get_by_role("menuitem", name="Therasoft Billing").click()
            await page.get_by_role("button", name="Card Details").click()
            # A detour: the other tab, then back to the one that was open, nothing typed between.
            await page.get_by_role("tab", name="Bank account").click()
            await page.get_by_role("tab", name="Card", exact=True).click()
            # The tab already chosen: the page does not change, so it is no step.
            await page.get_by_role("tab", name="Card", exact=True).click()
            await page.get_by_role("tab", name="Bank account").click()
            await page.get_by_label("Account holder").fill("Jordan Avery")
            await page.get_by_label("Routing number").fill("021000021")
            await page.get_by_label("Account number").fill("99887766")
            await page.get_by_label("Account type").select_option(label="Checking")
            await page.locator("#method-panel-bank").get_by_role("button", name="Save").click()
            await page.wait_for_url("**/billing")
            # A link is a click step, not a jump to an address.
            await page.get_by_role("link", name="View November 2026").click()
            await page.wait_for_url("**/invoices/**")
            fingerprint = await page_fingerprint(page)
            await browser.close()
    return recorder.steps(fingerprint)


@pytest.fixture(scope="module")
def recorded(project_root, tmp_path_factory):
    # A thread of its own: the browser tests' synchronous Playwright may hold this thread's loop.
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, record_a_writer(project_root, tmp_path_factory.mktemp("record"))).result()


def test_the_recording_becomes_steps_in_words_the_walkthrough_rules_read(recorded):
    assert [step.sentence for step in recorded] == [
        "Go to the **Setup** menu",
        "Select **Therasoft Billing**",
        "Click the **Card Details** button",
        "Select the **Bank account** tab",
        "Enter the **Account holder**, **Routing number** and **Account number**,"
        " then choose **Checking** as the **Account type**",
        "Click the **Save** button",
        "Click **View November 2026**",
    ]
    typing = recorded[4]
    # Secret values are the sandbox's demo values, not what was typed; their fields are masked.
    # The account type is chosen, and said in the words: the fields hold only what was typed.
    assert typing.fields == {
        "Account holder": "Jordan Avery",
        "Routing number": "011000015",
        "Account number": "000123456789",
    }
    assert typing.masks == ["Routing number", "Account number"]
    assert [note.describe() for note in typing.replaced] == [
        "what was typed in **Routing number** was replaced by the sandbox's demo value:"
        " it may be a real bank account's",
        "what was typed in **Account number** was replaced by the sandbox's demo value:"
        " it may be a real bank account's",
    ]


def test_the_recorded_article_lints_captures_and_verifies_clean(recorded, project_root, tmp_path):
    project = copy_project(project_root, tmp_path / "project")
    steps = [(step.sentence, step.fields, step.masks) for step in recorded]
    text = draft_recorded("Switch to a bank account", "billing", 600, "billing", "/", steps)
    assert parse_article(f"{ARTICLE}.md", text, f"docs/{ARTICLE}.md")[1] == []
    assert "Routing number: '011000015'" in text, "a value YAML would read as a number is quoted"
    (project.root / "docs" / f"{ARTICLE}.md").write_text(text)
    captured = project.capture(ARTICLE)
    assert captured.returncode == 0, captured.stderr
    verified = project.run("verify", ARTICLE, "--report", str(project.root / "v"))
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "7 steps in 1 article: 7 ok" in verified.stdout


def test_record_without_a_display_says_so_and_exits_2(project_root, tmp_path):
    project = copy_project(project_root, tmp_path / "project")
    environment = {name: value for name, value in os.environ.items() if name not in ("DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run(
        [sys.executable, "-m", "helpcentre", "record", "Switch to a bank account", "--category", "billing"],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=60,
        env=environment,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    assert "there is no display here (DISPLAY is not set)" in result.stderr
    assert not (project.root / "docs" / f"{ARTICLE}.md").exists()
