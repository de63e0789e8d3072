"""What an article says about its screenshots, from the verification record."""

from helpcentre.mkdocs_plugin.generated import verification
from helpcentre.project import load_project


def test_staff_read_three_states_of_an_articles_screenshots_and_customers_only_the_checked_one(project_root):
    project = load_project(project_root / "mkdocs.yml")
    centre, _ = project.load_help_centre()
    guide = centre.find(101)
    settings = project.settings

    never = {"state": "never", "target": "the billing page", "date": None}
    assert verification(guide, {}, settings, staff=True) == never
    ok = {"articles": {guide.ref: {"at": "2026-11-26T20:40:00+00:00", "status": "ok"}}}
    checked = {"state": "ok", "target": "the billing page", "date": "26 November 2026"}
    assert verification(guide, ok, settings, staff=True) == checked
    drift = {"articles": {guide.ref: {"at": "2026-11-02T08:00:00+00:00", "status": "drift"}}}
    assert verification(guide, drift, settings, staff=True)["state"] == "drift"
    assert verification(centre.find("getting-started/therasoft-basics"), ok, settings, staff=True) is None
    # Customers: checked, or nothing.
    assert verification(guide, ok, settings) == checked
    assert verification(guide, {}, settings) is None
    assert verification(guide, drift, settings) is None
