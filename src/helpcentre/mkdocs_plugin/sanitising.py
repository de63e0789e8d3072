"""An article's body HTML, cleaned before the page is written: defence in depth behind lint.

Lint refuses raw scripts, event handlers, javascript: and data: URLs and embedded pages (HC150,
HC151) where it can read them, in the article's own Markdown. What it cannot read still reaches
the page: a snippet included from another file, a Markdown extension or another plugin's output.
So the rendered body goes through nh3 (ammonia), an allowlist sanitiser, with the allowlist in
`allowed_html.yml`: what Markdown, pymdown-extensions, Material and this plugin write is kept,
everything else is dropped. The theme around the body is ours, and is not touched.
"""

from __future__ import annotations

import functools
from pathlib import Path

import nh3
import yaml

_ALLOWLIST = Path(__file__).with_name("allowed_html.yml")


def sanitise_body(html: str) -> str:
    """The body HTML with every tag, attribute and URL outside the allowlist removed."""
    return _cleaner().clean(html)


@functools.cache
def _cleaner() -> nh3.Cleaner:
    allowed = yaml.safe_load(_ALLOWLIST.read_text(encoding="utf-8"))
    reserved_ids = tuple(allowed["reserved_id_prefixes"])

    def keep_attribute(tag: str, attribute: str, value: str) -> str | None:
        # Called for allowed attributes only: here an id (or a label's `for`) the theme reserves.
        if attribute in ("id", "for") and value.startswith(reserved_ids):
            return None
        return value

    return nh3.Cleaner(
        tags=set(allowed["tags"]),
        clean_content_tags={"script", "style"},
        attributes={tag: set(names) for tag, names in allowed["attributes"].items()},
        tag_attribute_values={
            tag: {name: set(values) for name, values in names.items()}
            for tag, names in allowed["attribute_values"].items()
        },
        attribute_filter=keep_attribute,
        generic_attribute_prefixes=set(allowed["attribute_prefixes"]),
        filter_style_properties=set(allowed["style_properties"]),
        url_schemes=set(allowed["url_schemes"]),
        # Links are kept as written; a rel the writer gave is kept too.
        link_rel=None,
    )
