"""The one candidate finder that verify's offer and fix's rename both come from (rename_candidates_cases.yml)."""

from pathlib import Path

import pytest
import yaml

from helpcentre.verify.candidates import find_candidates

CASES = yaml.safe_load((Path(__file__).parent / "rename_candidates_cases.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[case["case"] for case in CASES])
def test_what_stands_in_the_labels_place(case: dict) -> None:
    found = find_candidates(case["baseline"], case["page"], case["label"], tuple(case["roles"]), case.get("frame", ""))

    if "new" in case:
        assert found.why == ""
        assert (found.rename.old, found.rename.new) == (case["label"], case["new"])
        assert found.offer().endswith(f"fix can rename **{case['label']}** → **{case['new']}**")
    else:
        assert found.rename is None
        assert found.why == case["why"]
        assert found.offer() == f"fix cannot rename it: {case['why']}"
