"""The search box's engine (assets/helpcentre/search-engine.js) run in Node over an index on disk."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import helpcentre.mkdocs_plugin
from helpcentre.search import INDEX_DIR

ASSETS = Path(helpcentre.mkdocs_plugin.__file__).parent / "assets"
HARNESS = Path(__file__).parent / "run_search.js"


@dataclass(frozen=True)
class Answer:
    query: str
    urls: list[str]
    words: list[str]
    corrected: str | None
    suggestion: str | None


def search(site_dir: Path, queries: list[str], *, typing: bool = False) -> list[Answer]:
    """What the search box finds for each query in the index of the site built in `site_dir`."""
    node = shutil.which("node")
    if node is None:
        raise AssertionError(
            "the search tests need node on PATH; install Node.js (Debian: apt-get install nodejs), "
            "as ./scripts/bootstrap does"
        )
    asked = {
        "assets": str(ASSETS),
        "index": str(site_dir / INDEX_DIR),
        "queries": [{"query": query, "typing": typing} for query in queries],
    }
    done = subprocess.run(
        [node, str(HARNESS)], input=json.dumps(asked), capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    return [Answer(**answer) for answer in json.loads(done.stdout)]
