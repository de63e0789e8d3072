"""The theme partials the plugin overrides are Material's own, but for the one change each exists for."""

import re
from pathlib import Path

import material

import helpcentre.mkdocs_plugin

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
PLUGIN_TEMPLATES = Path(helpcentre.mkdocs_plugin.__file__).parent / "templates"
LEADING_COMMENT = re.compile(r"\A\{#-.*?-#\}\n", re.DOTALL)


def without_leading_comment(template: str) -> str:
    return LEADING_COMMENT.sub("", template, count=1)


def test_the_search_partial_is_materials_with_the_search_dialog_named():
    ours = without_leading_comment((PLUGIN_TEMPLATES / "partials" / "search.html").read_text(encoding="utf-8"))
    theirs = without_leading_comment((MATERIAL_TEMPLATES / "partials" / "search.html").read_text(encoding="utf-8"))
    name = " aria-label=\"{{ lang.t('search') }}\""
    assert name in ours
    assert ours.replace(name, "", 1) == theirs, (
        "Material's partials/search.html has changed: copy it again into the plugin's templates/partials/, "
        "keeping the aria-label on the search dialog"
    )
