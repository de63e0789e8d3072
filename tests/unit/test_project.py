"""Reading a project without MkDocs: the same settings and articles the site is built from."""

import pytest

from helpcentre.project import ProjectError, load_project


def test_the_repository_project_loads_without_problems(project_root):
    project = load_project(project_root / "mkdocs.yml")
    assert [category.key for category in project.settings.categories] == [
        "billing",
        "getting-started",
        "clients",
        "policies",
    ]
    assert project.settings.contact.url.startswith("mailto:")
    centre, found = project.load_help_centre()
    assert found == []
    assert len(centre.articles) == 12
    assert [article.ref for article in centre.for_agents] == ["billing/link-billing-articles-in-replies"]
    assert centre.find(101).ref == "billing/change-card-or-bank-info"


def test_settings_errors_name_mkdocs_yml_and_the_setting(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: X\nplugins:\n  - helpcentre:\n      contact: {url: 'mailto:x@y'}\n"
        "      categories:\n        - title: Billing\n"
    )
    with pytest.raises(ProjectError) as raised:
        load_project(tmp_path / "mkdocs.yml")
    assert str(raised.value) == (
        "mkdocs.yml: plugins.helpcentre.categories[0].key: field required"
        " (see guide/docs/reference/settings.md#plugins.helpcentre.categories.key)"
    )


def test_a_project_without_the_plugin_is_refused(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: X\nplugins:\n  - search\n")
    with pytest.raises(ProjectError) as raised:
        load_project(tmp_path / "mkdocs.yml")
    assert str(raised.value) == "mkdocs.yml: plugins: the helpcentre plugin is not configured"


TARGET_WITH_A_TYPO = (
    "site_name: X\nplugins:\n  - helpcentre:\n      contact: {url: 'mailto:x@y'}\n"
    "      categories: [{key: billing, title: Billing}]\n"
    "      targets:\n        billing:\n          sandbox: true\n          viewprot: {width: 1024}\n"
)


@pytest.mark.parametrize("command", ["lint", "capture"])
def test_an_unknown_key_in_a_target_is_one_line_with_a_suggestion_and_exit_code_2(tmp_path, command):
    from click.testing import CliRunner

    from helpcentre.cli import cli

    (tmp_path / "mkdocs.yml").write_text(TARGET_WITH_A_TYPO)
    result = CliRunner().invoke(cli, [command, "-f", str(tmp_path / "mkdocs.yml")])
    assert result.stderr == (
        "Error: mkdocs.yml: plugins.helpcentre.targets.billing.viewprot: unknown key 'viewprot'"
        " (did you mean 'viewport'?) (see guide/docs/reference/settings.md#plugins.helpcentre.targets.NAME)\n"
    )
    assert result.exit_code == 2
