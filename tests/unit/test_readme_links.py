"""The README's links, into itself and into the writers' guide, and the places elsewhere that send a
reader to a README section or a page of the guide: each finds the page and the anchor it names."""

from __future__ import annotations

import re
from pathlib import Path

from helpcentre.lint.markdown_scan import anchors

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
GUIDE = ROOT / "guide" / "docs"
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
LINK = re.compile(r"\]\(([^)\s]+)\)")
# Files that tell a reader where to read on: the workflow's comments, the scripts, CI's helpers and
# the messages of the command line.
SENDERS = [
    *ROOT.glob(".github/workflows/*.yml"),
    *ROOT.glob("scripts/*"),
    *ROOT.glob(".ci/*"),
    *ROOT.glob("src/**/*.py"),
]


def headings(markdown: str) -> list[str]:
    return re.findall(r"^#{1,6} +(.+?) *$", FENCE.sub("", FRONT_MATTER.sub("", markdown)), re.MULTILINE)


def anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"`", "", heading.strip().lower())
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def site_anchors(page: Path) -> set[str]:
    """The anchors the built guide gives a page: its headings' and its numbered steps' (#step-1)."""
    body = FRONT_MATTER.sub("", page.read_text(encoding="utf-8"))
    steps = re.findall(r"^(\d+)\. ", FENCE.sub("", body), re.MULTILINE)
    return set(anchors(body)) | {f"step-{number}" for number in steps}


def readme_links() -> list[str]:
    return [target for target in LINK.findall(FENCE.sub("", README)) if "://" not in target]


def test_every_link_to_a_section_of_the_readme_finds_it():
    known = {anchor(heading) for heading in headings(README)}
    linked = [target.removeprefix("#") for target in readme_links() if target.startswith("#")]
    assert sorted(set(linked) - known) == []


def test_every_readme_link_into_the_guide_finds_its_page_and_the_anchor_github_gives_it():
    """The README is read on GitHub, which renders the guide's pages with its own heading anchors."""
    into_guide = [target for target in readme_links() if target.startswith("guide/docs/")]
    assert len(into_guide) >= 10, "the README links into the guide; this test reads the links wrongly"
    missing = []
    for target in into_guide:
        path, _, fragment = target.partition("#")
        page = ROOT / path
        if not page.is_file():
            missing.append(target)
        elif fragment and fragment not in {anchor(heading) for heading in headings(page.read_text("utf-8"))}:
            missing.append(target)
    assert missing == []


def test_the_readme_leads_to_every_page_of_the_guide():
    linked = {target.partition("#")[0] for target in readme_links()}
    pages = {page.relative_to(ROOT).as_posix() for page in GUIDE.rglob("*.md")}
    assert pages, "the guide has no pages; this test looks in the wrong folder"
    assert sorted(pages - linked) == []


def test_every_other_link_in_the_readme_is_to_a_file_of_the_project():
    others = [target for target in readme_links() if not target.startswith(("#", "guide/docs/"))]
    assert [target for target in others if not (ROOT / target.partition("#")[0]).exists()] == []


def test_every_file_that_sends_a_reader_to_a_readme_section_names_one_the_readme_has():
    """`see "X" in the README`, `README: 'X'`: X is a heading of the README, or a link's words there."""
    named = []
    for path in SENDERS:
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            found = re.findall(r'see "([^"]+)" in the README|README:? \'([^\']+(?:\'s[^\']*)?)\'', text)
            named += [(path.name, first or second) for first, second in found]
    link_words = re.findall(r"\[([^\]]+)\]\(", README)
    known = set(headings(README)) | set(link_words)
    assert [(name, title) for name, title in named if title not in known] == []


def test_every_file_that_sends_a_reader_to_a_page_of_the_guide_names_a_page_and_anchor_it_has():
    """A path in the repository (`guide/docs/operating/walk-in-a-browser-grid.md`) or a message's
    `guide_address("walkthroughs/reset-the-products-data")`: the page exists, and so does the anchor."""
    named = []
    for path in SENDERS:
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            for page, fragment in re.findall(r"\bguide/docs/([\w/-]+)\.md(?:#([\w.-]+))?", text):
                named.append((path.name, page, fragment))
            for page, fragment in re.findall(
                r"guide_address\(\s*['\"]([\w/-]+)['\"](?:,\s*['\"]([\w.-]+)['\"])?", text
            ):
                named.append((path.name, page, fragment))
    assert {name for name, _, _ in named} >= {"docs.yml", "walkthrough_commands.py"}, named
    wrong = []
    for name, page, fragment in named:
        source = GUIDE / f"{page}.md"
        if not source.is_file() or (fragment and fragment not in site_anchors(source)):
            wrong.append((name, f"{page}#{fragment}"))
    assert wrong == []
