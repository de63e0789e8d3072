"""A help centre whose every front-matter string is HTML: what the escaping tests build and visit.

Some of it is an attack (`<img src=x onerror=alert(1)>` in a title), some of it what writers
legitimately type ("Pay invoices < $100", "Press <Tab>"): either way the reader must see the text
exactly as it was typed, and no script of it may run. Built once a test session, into a temporary
folder; to look at it by hand, call `write_payload_centre(Path("/tmp/payload"))` and run
`helpcentre build -f /tmp/payload/mkdocs.yml` there.
"""

from __future__ import annotations

import functools
import json
import textwrap
from pathlib import Path

from helpcentre.site import build_site

SITE_NAME = "Escaping Help Centre"

CATEGORY_TITLE = "Billing <img src=x onerror=alert(11)> & Account"
CATEGORY_DESCRIPTION = 'Invoices <img src=x onerror=alert(12)> and "payments".'

# The article every field of which is an attack: its page, short link and old path are visited.
REFUNDS = "billing/refunds"
REFUNDS_ID = 1
REFUNDS_TITLE = "Refunds <img src=x onerror=alert(1)>"
REFUNDS_SUMMARY = 'Get your money back "><img src=x onerror=alert(3)></script><script>alert(4)</script>'
REFUNDS_TAGS = ["<img src=x onerror=alert(5)>", "refund </script><script>alert(6)</script>"]
REFUNDS_OLD_PATH = "billing/old-refunds"
# Its step, so that the print view and the PDF have something to print.
REFUNDS_STEP = "Open the refunds page"

# Its siblings in the category; the second is its related article.
SMALL_INVOICES = "billing/pay-small-invoices"
SMALL_INVOICES_ID = 2
SMALL_INVOICES_TITLE = "Pay invoices < $100"
SMALL_INVOICES_SUMMARY = 'Invoices under $100 & "small" ones: <i>how</i> to pay them.'
SMALL_INVOICES_TAGS = ["<b>small</b> invoices"]
CARDS = "billing/cards"
CARDS_ID = 3
CARDS_TITLE = "Cards <script>alert(2)</script>"
CARDS_SUMMARY = "Press <Tab> to move between the card fields."

# In the other category: a title that is only legitimate text.
TAB = "policies/press-tab"
TAB_ID = 4
TAB_TITLE = "Press <Tab> to move on"
TAB_SUMMARY = "Keyboard tips."

# Its body is a snippet (`hostile_snippet.md`) of markup that would run scripts and bring in other
# pages: included by pymdownx.snippets, it is out of lint's sight (HC151), so only the build's
# sanitising stands between it and the reader.
RAW_HTML = "policies/refund-terms"
RAW_HTML_ID = 5
RAW_HTML_TITLE = "Refund terms"
_SNIPPET = Path(__file__).with_name("hostile_snippet.md")

# (path, id, title, summary, category title) of every article.
ARTICLES = [
    (REFUNDS, REFUNDS_ID, REFUNDS_TITLE, REFUNDS_SUMMARY, CATEGORY_TITLE),
    (SMALL_INVOICES, SMALL_INVOICES_ID, SMALL_INVOICES_TITLE, SMALL_INVOICES_SUMMARY, CATEGORY_TITLE),
    (CARDS, CARDS_ID, CARDS_TITLE, CARDS_SUMMARY, CATEGORY_TITLE),
    (TAB, TAB_ID, TAB_TITLE, TAB_SUMMARY, "Policies & Legal"),
]
# What must never reach a page as markup: each would run, or become an element.
RAW_MARKUP = ["<img src=x onerror", "<script>alert(", "<Tab>", "<b>small</b>", "<i>how</i>"]

MKDOCS_YML = textwrap.dedent(
    f"""\
    site_name: {SITE_NAME}
    site_url: http://127.0.0.1:8000/
    theme:
      name: material
      font: false
      features: [navigation.indexes, navigation.prune, navigation.footer]
    plugins:
      - helpcentre:
          contact:
            url: mailto:billing@escaping.example
          categories:
            - key: billing
              title: "{CATEGORY_TITLE}"
              description: '{CATEGORY_DESCRIPTION}'
            - key: policies
              title: Policies & Legal
              description: Terms of use.
    """
)


def _quoted(text: str) -> str:
    """A YAML single-quoted scalar, which takes every character as it is but `'`."""
    return "'" + text.replace("'", "''") + "'"


def _article(
    id: int, title: str, summary: str, category: str, extra: str = "", body: str = "Some words about it.\n"
) -> str:
    return (
        f"---\nid: {id}\ntitle: {_quoted(title)}\nsummary: {_quoted(summary)}\ncategory: {category}\n{extra}---\n\n"
        f"{body}"
    )


def write_payload_centre(root: Path) -> None:
    snippets = root / "snippets"
    files = {
        # Snippets are read from an absolute folder: relative ones are taken from the working directory.
        "mkdocs.yml": MKDOCS_YML
        + "markdown_extensions:\n  - attr_list\n"
        + f"  - pymdownx.snippets:\n      base_path: [{json.dumps(str(snippets))}]\n      check_paths: true\n",
        f"snippets/{_SNIPPET.name}": _SNIPPET.read_text(encoding="utf-8"),
        f"docs/{REFUNDS}.md": _article(
            REFUNDS_ID,
            REFUNDS_TITLE,
            REFUNDS_SUMMARY,
            "billing",
            "tags: [" + ", ".join(_quoted(tag) for tag in REFUNDS_TAGS) + "]\n"
            f"related: [{CARDS}]\npromoted: true\nredirects: [{REFUNDS_OLD_PATH}]\n",
            f"1. {REFUNDS_STEP}\n2. Choose the invoice to refund\n",
        ),
        f"docs/{SMALL_INVOICES}.md": _article(
            SMALL_INVOICES_ID,
            SMALL_INVOICES_TITLE,
            SMALL_INVOICES_SUMMARY,
            "billing",
            "tags: [" + ", ".join(_quoted(tag) for tag in SMALL_INVOICES_TAGS) + f"]\nrelated: [{REFUNDS_ID}]\n"
            "promoted: true\n",
        ),
        f"docs/{CARDS}.md": _article(CARDS_ID, CARDS_TITLE, CARDS_SUMMARY, "billing", f"related: [{SMALL_INVOICES}]\n"),
        f"docs/{TAB}.md": _article(TAB_ID, TAB_TITLE, TAB_SUMMARY, "policies"),
        f"docs/{RAW_HTML}.md": _article(
            RAW_HTML_ID, RAW_HTML_TITLE, "What a refund costs.", "policies", body=f'--8<-- "{_SNIPPET.name}"\n'
        ),
    }
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


@functools.cache
def build_payload_centre(root: Path) -> Path:
    """Write and build the help centre under `root`, strictly, once a session; return the built site."""
    write_payload_centre(root)
    return build_site(root / "mkdocs.yml", root / "site", strict=True)
