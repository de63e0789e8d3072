"""Front matter is text; MkDocs and Material take titles as HTML. Hand them over escaped.

A title that MkDocs reads from a page's first heading arrives as HTML, with `<` already written
`&lt;`, and the theme prints titles as they are: Material's navigation, header, previous/next
footer and `<title>` write `page.title`, `page.meta.title` and section titles unescaped, its
`<meta name="description">` writes `page.meta.description` unescaped, and its search shows the
index's titles and tags, which its search plugin copies from the same fields, as HTML. A title
from front matter is plain text ("Pay invoices < $100", "Press <Tab>"), so unescaped it would be
markup, and a `<script>` in it would run on every page that lists it.

So every such string is escaped once, before any page is rendered, into `markupsafe.Markup`: the
templates that print it as it is show the text as typed, and the ones that do escape it (`| e`,
as Material's footer does in its aria-label) leave Markup alone instead of escaping it twice.
Overriding the theme's partials instead would mean copies of half of Material to keep in step.
The help centre's own templates and JSON-LD read the article model, not these fields, and escape
for themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from markupsafe import escape

# The page fields the theme prints or indexes as HTML.
_TEXT_FIELDS = ("title", "description")


def front_matter_as_html(meta: dict[str, Any]) -> None:
    """Escape a page's title, description and tags in place, for the theme and its search index."""
    for field in _TEXT_FIELDS:
        if isinstance(meta.get(field), str):
            meta[field] = escape(meta[field])
    tags = meta.get("tags")
    if isinstance(tags, list):
        meta["tags"] = [escape(tag) if isinstance(tag, str) else tag for tag in tags]


def nav_titles_as_html(items: Iterable[Any]) -> None:
    """Escape the titles the navigation itself gives: sections (the categories) and titled entries.

    Run before MkDocs reads the pages, when a page has a title only if the navigation named it;
    the others get theirs from their front matter, escaped by `front_matter_as_html`.
    """
    for item in items:
        if item.title is not None:
            item.title = escape(item.title)
        if item.children:
            nav_titles_as_html(item.children)
