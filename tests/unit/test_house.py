"""The house rules a newcomer relies on: imports run one way, and no module outgrows a reading."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
PACKAGE = SRC / "helpcentre"
LONGEST_MODULE = 400


def imported_modules(path: Path) -> set[str]:
    """Every helpcentre module a file imports, at its top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("helpcentre")}


def importers_of(package: str, below: str) -> list[str]:
    """The files under `below` that import anything of `package`."""
    return sorted(
        f"{path.relative_to(SRC)} imports {name}"
        for path in (PACKAGE / below).rglob("*.py")
        for name in imported_modules(path)
        if name == package or name.startswith(package + ".")
    )


@pytest.mark.parametrize("reader", ["lint", "articles", "mkdocs_plugin", "search", "report", "baselines"])
def test_nothing_that_reads_the_help_centre_imports_capture(reader):
    assert importers_of("helpcentre.capture", reader) == []


@pytest.mark.parametrize("upper", ["helpcentre.verify", "helpcentre.cli", "helpcentre.authoring"])
def test_capture_imports_nothing_above_it(upper):
    assert importers_of(upper, "capture") == []


@pytest.mark.parametrize(
    ("lower", "upper"),
    [
        ("capture/find", "helpcentre.capture.walker"),
        ("capture/find", "helpcentre.capture.step"),
        ("capture/page", "helpcentre.capture.walker"),
        ("capture/page", "helpcentre.capture.step"),
        ("capture/page", "helpcentre.capture.find"),
        ("capture/page", "helpcentre.capture.runner"),
        ("capture/find", "helpcentre.capture.runner"),
        ("baselines", "helpcentre.verify"),
        ("articles", "helpcentre.baselines"),
    ],
)
def test_the_engine_s_layers_import_downwards(lower, upper):
    assert importers_of(upper, lower) == []


@pytest.mark.parametrize("outside", ["verify", "cli", "authoring"])
def test_outside_code_reaches_capture_through_its_face(outside):
    """`from helpcentre.capture import capture, TargetError`: never one of capture's own modules."""
    reaching_in = [
        f"{path.relative_to(SRC)} imports {node.module}"
        for path in (PACKAGE / outside).rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("helpcentre.capture.")
    ]
    assert reaching_in == []


def test_no_module_is_longer_than_a_reading():
    too_long = {
        str(path.relative_to(SRC)): lines
        for path in SRC.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > LONGEST_MODULE
    }
    assert too_long == {}


def test_judging_a_step_and_linting_load_no_browser_driver():
    probe = (
        "import sys\n"
        "import helpcentre.verify.judge, helpcentre.lint, helpcentre.baselines.store, helpcentre.capture.errors\n"
        "print(sorted(name for name in sys.modules if name.startswith('playwright')))\n"
    )
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
