from pathlib import Path

import pytest

# axe-core from npm, installed by ./scripts/test beside the reference pixelmatch (tests/reference/package.json).
AXE_SCRIPT = Path(__file__).resolve().parents[1] / "reference" / "node_modules" / "axe-core" / "axe.min.js"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe-core, for the accessibility audits (test_accessibility.py and the pages tested elsewhere)."""
    if not AXE_SCRIPT.is_file():
        pytest.fail(
            "the accessibility audit needs axe-core: run ./scripts/test, or npm ci --prefix tests/reference",
            pytrace=False,
        )
    return AXE_SCRIPT
