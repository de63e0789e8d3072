"""What verify writes for fix about a step whose label is gone: the rename with the article's edit, or why not."""

from pathlib import Path
from types import SimpleNamespace

from helpcentre.verify.offers import Offer, flow_offer, with_offer
from helpcentre.verify.results import Repair, Status, StepRecord

BASELINE = """\
- table "Authentication and Authorization":
  - rowgroup:
    - row "Groups Add":
      - rowheader "Groups":
        - link "Groups"
      - cell "Add":
        - link "Add"
    - row "Users Add":
      - rowheader "Users":
        - link "Users"
      - cell "Add":
        - link "Add"
"""
PAGE = BASELINE.replace("Groups", "Workgroups")
ARTICLE = """\
---
id: 3
title: Delete a group
---

1. On the admin home page, click **Groups**.
2. Click **Delete**.
"""
REASON = "no control named 'Groups' (button/link/…); controls here: link 'Workgroups', link 'Users'"
HINT = "spell the label as the page does, or settle it with walkthrough.steps.1: {target: {role: link, name: Users}}"


def offer_for(tmp_path: Path, article_text: str) -> Offer:
    (tmp_path / "docs" / "groups").mkdir(parents=True)
    (tmp_path / "docs" / "groups" / "delete-a-group.md").write_text(article_text)
    (tmp_path / "01.aria.yml").write_text(BASELINE)
    project = SimpleNamespace(docs_dir=tmp_path / "docs")
    store = SimpleNamespace(path=lambda relative: tmp_path / Path(relative).name)
    article = SimpleNamespace(ref="groups/delete-a-group", display_path="docs/groups/delete-a-group.md")
    failure = SimpleNamespace(missing=("Groups", ("button", "link")), meant=None, page_aria=PAGE)
    return flow_offer(project, store, article, 1, failure, {1: "table"})


def flow_step() -> StepRecord:
    return StepRecord(1, "On the admin home page, click **Groups**.", Status.FLOW)


def test_a_found_rename_replaces_the_walks_hint_and_shows_the_articles_edit(tmp_path):
    record = flow_step()
    with_offer(record, f"{REASON}; {HINT}", offer_for(tmp_path, ARTICLE), HINT)

    edit = "docs/groups/delete-a-group.md:6: 1. On the admin home page, click **Workgroups**."
    assert record.repair == [Repair("Groups", "Workgroups", "link", [edit])]
    assert record.to_json()["repair"] == [{"from": "Groups", "to": "Workgroups", "role": "link", "edit": [edit]}]
    assert record.message == (
        f"{REASON}; table 'Authentication and Authorization' has link 'Workgroups' in its place:"
        f" fix can rename **Groups** → **Workgroups** (the article's edit: {edit})"
    )


def test_a_rename_fix_could_not_write_is_not_offered(tmp_path):
    # The step names the link only in plain words: no bold label, no override for fix to rewrite.
    record = flow_step()
    with_offer(record, REASON, offer_for(tmp_path, ARTICLE.replace("**Groups**", "Groups")))

    why = "the article names **Groups** nowhere fix rewrites: its bold words and its overrides"
    assert "repair" not in record.to_json()
    assert record.repair_refused == why
    assert record.message == f"{REASON}; fix cannot rename it: {why}"
