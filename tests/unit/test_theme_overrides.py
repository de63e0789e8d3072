"""The theme partials the plugin overrides stay Material's own, but for what each override is for."""

import re
from pathlib import Path

import material

import helpcentre.mkdocs_plugin

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
PLUGIN_TEMPLATES = Path(helpcentre.mkdocs_plugin.__file__).parent / "templates"
LEADING_COMMENT = re.compile(r"\A\{#-.*?-#\}\n", re.DOTALL)
# Material's own search box, shown only with its search plugin, which the help centre replaces.
MATERIAL_SEARCH_BLOCK = re.compile(
    r'\n    \{% if "material/search" in config\.plugins %\}.*?\{% include "partials/search\.html" %\}'
    r"\n      \{% endif %\}\n    \{% endif %\}",
    re.DOTALL,
)
OUR_SEARCH_BLOCK = re.compile(
    r"\n    \{% if hc_search is defined and hc_search %\}.*?\{% include \"partials/search\.html\" %\}\n    \{% endif %\}",
    re.DOTALL,
)
CLASS = re.compile(r'class="([^"]+)"')


def partial(folder: Path, name: str) -> str:
    return LEADING_COMMENT.sub("", (folder / "partials" / name).read_text(encoding="utf-8"), count=1)


def test_the_header_is_materials_with_the_help_centres_search_box():
    ours, theirs = partial(PLUGIN_TEMPLATES, "header.html"), partial(MATERIAL_TEMPLATES, "header.html")
    assert MATERIAL_SEARCH_BLOCK.search(theirs), "Material's header no longer includes its search as it did"
    assert OUR_SEARCH_BLOCK.search(ours)
    assert OUR_SEARCH_BLOCK.sub("", ours, count=1) == MATERIAL_SEARCH_BLOCK.sub("", theirs, count=1), (
        "Material's partials/header.html has changed: copy it again into the plugin's templates/partials/, "
        "with the help centre's search box in place of the theme's"
    )


def test_the_search_box_keeps_materials_look_and_is_left_alone_by_its_script():
    ours, theirs = partial(PLUGIN_TEMPLATES, "search.html"), partial(MATERIAL_TEMPLATES, "search.html")
    # Sharing and suggestions are features of the theme's own search, which the help centre does not offer.
    wanted = {
        name
        for classes in CLASS.findall(theirs)
        for name in classes.split()
        if name.startswith("md-search") and "share" not in name and "suggest" not in name
    }
    found = {name for classes in CLASS.findall(ours) for name in classes.split()}
    assert wanted and wanted <= found, f"missing classes: {sorted(wanted - found)}"
    # The theme's script sets up whatever carries data-md-component="search…" or a form named search.
    assert "data-md-component" not in ours
    assert 'name="search"' not in ours
    assert " aria-label=\"{{ lang.t('search') }}\"" in ours
