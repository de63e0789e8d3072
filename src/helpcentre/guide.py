"""Addresses in the writers' guide, which messages end with, the way linters link their rules.

The guide is a help centre of its own (guide/mkdocs.yml). Where it is published is known only
where it is deployed, so an address is the published page when HELPCENTRE_GUIDE_URL names the
guide, and otherwise the page's Markdown in the repository, which opens on any clone.
"""

from __future__ import annotations

import os

# The published guide's address, such as https://<owner>.github.io/<repository>/guide/; also the
# guide's site_url (guide/mkdocs.yml).
GUIDE_URL_VARIABLE = "HELPCENTRE_GUIDE_URL"
# The guide's pages in the repository, relative to its root.
GUIDE_PAGES = "guide/docs"


def guide_address(page: str, anchor: str = "") -> str:
    """Where `page` of the guide (`reference/lint-codes`, docs-relative, no `.md`) is read, at `anchor`."""
    fragment = f"#{anchor}" if anchor else ""
    published = os.environ.get(GUIDE_URL_VARIABLE, "").strip()
    if published:
        return f"{published.rstrip('/')}/{page}/{fragment}"
    return f"{GUIDE_PAGES}/{page}.md{fragment}"
