"""Each step's override as its front matter writes it, by the step number readers see.

Capture records it beside the step's words (screenshots/manifest.json), so that lint can tell an
override left behind when steps were inserted or removed (HC163) and `renumber` can move it.
"""

from __future__ import annotations

import json
from typing import Any

from helpcentre.articles.model import Article


def overrides_as_written(data: dict[str, Any]) -> dict[int, Any]:
    """`walkthrough.steps` of front matter data, by step number, as JSON would hold it; {} for none.

    The list form gives every step its entry; the mapping form only the steps it names.
    """
    walkthrough = data.get("walkthrough")
    steps = walkthrough.get("steps") if isinstance(walkthrough, dict) else None
    if isinstance(steps, list):
        return {number: _as_json(spec) for number, spec in enumerate(steps, start=1)}
    if isinstance(steps, dict):
        return {int(key): _as_json(spec) for key, spec in steps.items() if str(key).isdigit()}
    return {}


def article_overrides(article: Article) -> dict[int, Any]:
    return overrides_as_written(article.front_matter.data)


def _as_json(value: Any) -> Any:
    """The value as it reads back from the manifest: a date YAML read in an override is its text."""
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))
