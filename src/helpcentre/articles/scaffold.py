"""A new article's first draft: the next free id, a slug from the title, front matter filled in."""

from __future__ import annotations

import re
import unicodedata

import yaml

from helpcentre.articles.model import HelpCentre
from helpcentre.articles.placeholders import BODY_PLACEHOLDER, SUMMARY_PLACEHOLDER


def slug_for(title: str) -> str:
    """`Update your practice's card?` -> `update-your-practices-card`."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    ascii_title = ascii_title.replace("'", "")  # "practice's" reads as one word
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    return "-".join(words) or "article"


def next_id(centre: HelpCentre) -> int:
    return max((article.id for article in centre.articles), default=0) + 1


def _front_matter(title: str, category: str, article_id: int) -> dict:
    """A new article's fields: the writer fills in the summary, the tags and related articles."""
    return {
        "id": article_id,
        "title": title,
        "summary": SUMMARY_PLACEHOLDER,
        "category": category,
        "tags": [],
        "related": [],
    }


def draft(title: str, category: str, article_id: int, how_to: bool, target: str | None) -> str:
    """The Markdown of a new article that already passes the schema and the walkthrough checks;
    lint refuses its placeholder sentences (HC142) until the writer replaces them."""
    front_matter = _front_matter(title, category, article_id)
    body = f"{BODY_PLACEHOLDER}\n"
    if how_to:
        # The steps' own words are the walkthrough; it only names the target until a step
        # needs something the words cannot say (the values to type, a control to name outright).
        front_matter["walkthrough"] = {"target": target, "start": "/"}
        body += (
            "\n1. Go to the **Setup** menu\n"
            "2. Select **Therasoft Billing**\n"
            "3. Verify the page shows **Therasoft Billing**\n"
        )
    text = yaml.safe_dump(front_matter, sort_keys=False, allow_unicode=True, default_flow_style=None)
    return f"---\n{text}---\n\n{body}"


def draft_recorded(
    title: str,
    category: str,
    article_id: int,
    target: str,
    start: str,
    steps: list[tuple[str, dict[str, str], list[str]]],
) -> str:
    """A new how-to from recorded steps: `(sentence, fields, labels to mask)` for each.

    The walkthrough holds only what the sentences cannot say: the values typed, and the masks.
    """
    overrides: dict[int, dict] = {}
    for number, (_, fields, masks) in enumerate(steps, start=1):
        if fields:
            overrides[number] = {"fields": dict(fields)}
        if masks:
            overrides.setdefault(number, {})["mask"] = [{"label": label} for label in masks]
    walkthrough: dict = {"target": target, "start": start}
    if overrides:
        walkthrough["steps"] = overrides
    front_matter = {**_front_matter(title, category, article_id), "walkthrough": walkthrough}
    text = yaml.safe_dump(front_matter, sort_keys=False, allow_unicode=True, default_flow_style=False)
    numbered = "".join(f"{number}. {sentence}\n" for number, (sentence, _, _) in enumerate(steps, start=1))
    return f"---\n{text}---\n\n{BODY_PLACEHOLDER}\n\n{numbered}"
