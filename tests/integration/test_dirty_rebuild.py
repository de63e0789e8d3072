"""`helpcentre serve` rebuilds dirty: after an edit, only the pages it touches are rendered again.

The rebuilds run as MkDocs' dev server runs them (the same config loader, the plugin kept from one
build to the next, `dirty=True`), in a child process so that the kept plugin stays there. The
browser side, a page reloading after an edit, is tests/browser/test_preview.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from integration.conftest import FixtureProject
from integration.test_lint import LINT_YML, project  # noqa: F401  (a fixture)

# Builds the site once, then again after each change the test names, printing after each build
# which built pages (index.html files) were written again.
REBUILDS = textwrap.dedent(
    """\
    import json, os, sys, time
    from pathlib import Path
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    site = Path("site").resolve()

    def built():
        return {path.relative_to(site).as_posix(): path.stat().st_mtime_ns for path in site.rglob("index.html")}

    def rebuild(first=False):
        config = load_config(config_file="mkdocs.yml", site_dir=str(site))
        if first:
            config.plugins.on_startup(command="serve", dirty=True)
        build(config, dirty=True)

    changes = json.loads(sys.argv[1])
    rebuild(first=True)
    before = built()
    for path, text in changes:
        time.sleep(0.02)
        target = Path(path)
        if text is None:
            target.write_bytes(target.read_bytes())
        else:
            target.write_text(text, encoding="utf-8")
        rebuild()
        after = built()
        print(json.dumps(sorted(page for page, at in after.items() if before.get(page) != at)))
        before = after
    """
)


def rebuilt_pages(fixture: FixtureProject, changes: list[tuple[str, str | None]]) -> list[list[str]]:
    completed = subprocess.run(
        [sys.executable, "-c", REBUILDS, json.dumps(changes)],
        cwd=fixture.root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    return [json.loads(line) for line in completed.stdout.splitlines()]


GENERATED = ["index.html", "billing/index.html", "policies/index.html"]


def test_each_edit_renders_only_what_it_touches(project: FixtureProject):  # noqa: F811
    article = project.root / "docs/billing/card.md"
    edited = article.read_text(encoding="utf-8") + "\nA new sentence.\n"
    settings = LINT_YML.replace("Invoices and payment.", "Invoices, payment and receipts.")
    assert settings != LINT_YML
    after_article, after_screenshot, after_settings = rebuilt_pages(
        project,
        [
            ("docs/billing/card.md", edited),
            # Re-captured: the same bytes, written again, as capture writes a changed shot.
            ("screenshots/billing/open/02.published.png", None),
            ("mkdocs.yml", settings),
        ],
    )
    assert after_article == sorted(["billing/card/index.html", *GENERATED]), after_article
    assert after_screenshot == sorted(["billing/open/index.html", *GENERATED]), after_screenshot
    every_page = sorted(
        ["billing/card/index.html", "billing/open/index.html", "billing/pay/index.html", "a/1/index.html"]
    )
    assert set(every_page) - {"a/1/index.html"} <= set(after_settings)
    assert set(GENERATED) <= set(after_settings)
    assert (
        (project.root / "site/billing/index.html").read_text(encoding="utf-8").count("Invoices, payment and receipts.")
    )
