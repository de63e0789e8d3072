"""Messages end with an address in the writers' guide: a lint code's heading, or a setting's."""

from __future__ import annotations

import pytest

from helpcentre.articles.problems import Problem, code_address
from helpcentre.guide import guide_address
from helpcentre.setting_addresses import setting_address, setting_anchor, setting_paths

PUBLISHED = "https://willowcreek.github.io/help/guide/"


def test_an_address_is_the_page_in_the_repository_unless_the_published_guide_is_named(monkeypatch):
    assert guide_address("reference/lint-codes", "hc104") == "guide/docs/reference/lint-codes.md#hc104"
    assert guide_address("walkthroughs/reset-the-products-data") == "guide/docs/walkthroughs/reset-the-products-data.md"
    for published in (PUBLISHED, PUBLISHED.rstrip("/")):
        monkeypatch.setenv("HELPCENTRE_GUIDE_URL", published)
        assert guide_address("reference/lint-codes", "hc104") == f"{PUBLISHED}reference/lint-codes/#hc104"
    monkeypatch.setenv("HELPCENTRE_GUIDE_URL", " ")
    assert code_address("HC104") == "guide/docs/reference/lint-codes.md#hc104", "blank is unset"


def test_a_problem_reads_as_a_line_ending_with_its_codes_address():
    problem = Problem("docs/billing/x.md", 6, "HC104", "related[0]", "no article 'billing/cards'", column=11)
    assert str(problem) == (
        "docs/billing/x.md:6:11: HC104 related[0]: no article 'billing/cards'"
        " (see guide/docs/reference/lint-codes.md#hc104)"
    )
    assert problem.as_json()["message"] == "no article 'billing/cards'", "the address is a field of its own"
    assert problem.as_json()["help"] == "guide/docs/reference/lint-codes.md#hc104"
    unnamed = Problem("docs/x.md", 1, "HC107", "", "no front matter: the file must start with '---'")
    assert str(unnamed).endswith("'---' (see guide/docs/reference/lint-codes.md#hc107)")


@pytest.mark.parametrize(
    ("location", "anchor"),
    [
        (("targets", "crm", "login", "path"), "plugins.helpcentre.targets.NAME.login.path"),
        (("targets", "billing", "viewprot"), "plugins.helpcentre.targets.NAME"),
        (("targets", "crm"), "plugins.helpcentre.targets.NAME"),
        (("targets",), "plugins.helpcentre.targets"),
        (("categories", 0, "key"), "plugins.helpcentre.categories.key"),
        (("targets", "crm", "masks", 2, "css"), "plugins.helpcentre.targets.NAME.masks"),
        (
            ("targets", "crm", "reset", "request", "headers", "X-Token"),
            "plugins.helpcentre.targets.NAME.reset.request.headers",
        ),
        (("search", "synonyms"), "plugins.helpcentre.search.synonyms"),
        (("colour",), "plugins.helpcentre"),
        ((), "plugins.helpcentre"),
    ],
)
def test_a_setting_is_explained_at_its_path_with_name_for_the_writers_own_names(location, anchor):
    assert setting_anchor(location) == anchor
    assert setting_address(location) == f"guide/docs/reference/settings.md#{anchor}"


def test_every_setting_is_named_once_and_a_locators_keys_are_not_settings_of_their_own():
    paths = setting_paths()
    assert len(paths) == len(set(paths))
    assert "plugins.helpcentre.targets.NAME.reset.request.method" in paths
    assert "plugins.helpcentre.targets.NAME.masks.css" not in paths, "locators are the walkthroughs' pages'"
