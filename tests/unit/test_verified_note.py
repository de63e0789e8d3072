"""What an article says about its screenshots, from the verification record."""

from helpcentre.mkdocs_plugin.generated import verification
from helpcentre.project import load_project


def test_the_three_states_of_an_articles_screenshots(project_root):
    project = load_project(project_root / "mkdocs.yml")
    centre, _ = project.load_help_centre()
    guide = centre.find(101)
    settings = project.settings

    assert verification(guide, {}, settings) == {"state": "never", "target": "the billing page", "date": None}
    ok = {"articles": {guide.ref: {"at": "2026-11-26T20:40:00+00:00", "status": "ok"}}}
    assert verification(guide, ok, settings) == {
        "state": "ok",
        "target": "the billing page",
        "date": "26 November 2026",
    }
    drift = {"articles": {guide.ref: {"at": "2026-11-02T08:00:00+00:00", "status": "drift"}}}
    assert verification(guide, drift, settings)["state"] == "drift"
    assert verification(centre.find("getting-started/therasoft-basics"), ok, settings) is None
