"""The README's links within itself, and the places elsewhere that send a reader to one of its sections."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)


def headings() -> list[str]:
    return re.findall(r"^#{1,6} +(.+?) *$", FENCE.sub("", README), re.MULTILINE)


def anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"`", "", heading.strip().lower())
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def test_every_link_to_a_section_of_the_readme_finds_it():
    anchors = {anchor(heading) for heading in headings()}
    linked = re.findall(r"\]\(#([^)]+)\)", FENCE.sub("", README))
    assert linked, "the README links none of its sections; this test reads the links wrongly"
    assert sorted(set(linked) - anchors) == []


def test_every_file_that_sends_a_reader_to_a_readme_section_names_one_it_has():
    named = []
    for path in [*ROOT.glob(".github/workflows/*.yml"), *ROOT.glob("scripts/*"), *ROOT.glob(".ci/*")]:
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            named += [(path.name, title) for title in re.findall(r'see "([^"]+)" in the README', text)]
    assert named, "no file sends a reader to a README section; this test reads them wrongly"
    titles = set(headings())
    assert [(name, title) for name, title in named if title not in titles] == []
