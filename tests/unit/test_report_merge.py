"""`helpcentre report merge` without a browser: shards written as verify --shard writes them, then merged."""

from __future__ import annotations

import copy
import json
import shutil
import signal
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from report.verify_results import every_status_results, write_images

from helpcentre.baselines.store import BaselineStore
from helpcentre.cli import cli
from helpcentre.project import Project, load_project
from helpcentre.report import report_view, write_junit
from helpcentre.sharding import balanced_split
from helpcentre.verify.browsers import browsers_note
from helpcentre.verify.merge import MergeError, merge, read_shard
from helpcentre.verify.results import Status, VerifyResults, record_verification

HELP_CENTRE = "Therasoft Help Centre"
FINGERPRINT = "0" * 64


def as_written(results: dict) -> dict:
    """`results` as verify writes them: with each article's status and the summary."""
    return VerifyResults.from_json(results).to_json()


def single_run_results() -> dict:
    """A run over every article, as verify writes it: articles in path order, each with its status."""
    results = every_status_results()
    for article in results["articles"]:
        article["target"] = "billing"
    results["articles"].sort(key=lambda article: article["ref"])
    return as_written(results)


@dataclass
class Run:
    """A single run's report, and the same run split into shards, each in its own folder."""

    single: dict
    single_dir: Path
    shard_dirs: list[Path]
    project: Project
    record: Path

    def shard_results(self, number: int) -> dict:
        return json.loads((self.shard_dirs[number - 1] / "results.json").read_text())

    def rewrite(self, number: int, change) -> None:
        path = self.shard_dirs[number - 1] / "results.json"
        results = json.loads(path.read_text())
        change(results)
        path.write_text(json.dumps(results))


def write_shards(single: dict, single_dir: Path, root: Path, total: int) -> list[Path]:
    """The shards verify --shard I/N writes for the run `single`: each walked its share, starting together."""
    shares = balanced_split(
        single["articles"], total, weight=lambda article: len(article["steps"]), name=lambda article: article["ref"]
    )
    folders = []
    for index, share in enumerate(shares, start=1):
        folder = root / f"verify-shard-{index}"
        results = copy.deepcopy(single)
        results["articles"] = copy.deepcopy(share)
        # The longest shard took as long as the single run; the others less.
        results["seconds"] = single["seconds"] if index == 1 else round(single["seconds"] / (index + 1), 2)
        if not share:
            results["browser"] = ""
            results["started_at"] = "2026-11-26T20:41:30+00:00"
        results["shard"] = {
            "index": index,
            "total": total,
            "help_centre": HELP_CENTRE,
            "articles": [article["ref"] for article in single["articles"]],
            "fingerprint": FINGERPRINT,
        }
        folder.mkdir(parents=True)
        for article in share:
            shutil.copytree(single_dir / article["ref"], folder / article["ref"], dirs_exist_ok=True)
        (folder / "results.json").write_text(json.dumps(as_written(results), indent=2))
        folders.append(folder)
    return folders


@pytest.fixture
def project(project_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.setenv("HELPCENTRE_VERIFICATION_RECORD", str(tmp_path / "verification.json"))
    return load_project(project_root / "mkdocs.yml")


def make_run(tmp_path: Path, project: Project, total: int) -> Run:
    single = VerifyResults.from_json(single_run_results())
    # As verify writes it: the builds behind the project's baselines and the run's own.
    single.browsers = browsers_note(single, BaselineStore(project.screenshots_dir).manifest())
    single_dir = tmp_path / "single"
    write_images(single, single_dir)
    single = single.to_json()
    for article in single["articles"]:
        (single_dir / article["ref"]).mkdir(parents=True, exist_ok=True)
    shard_dirs = write_shards(single, single_dir, tmp_path / "shards", total)
    return Run(single, single_dir, shard_dirs, project, project.verification_record)


@pytest.fixture
def run(tmp_path: Path, project: Project) -> Run:
    return make_run(tmp_path, project, 3)


def without_shards(results: dict) -> dict:
    return {key: value for key, value in results.items() if key != "shards"}


def test_the_merged_report_is_the_single_runs_report(run, tmp_path):
    out = tmp_path / "reports" / "verify"
    merged_results = merge(run.project, run.shard_dirs, out)
    merged = merged_results.to_json()
    single = VerifyResults.from_json(run.single)

    assert without_shards(merged) == run.single
    assert json.loads((out / "results.json").read_text()) == merged
    assert [article["ref"] for article in merged["articles"]] == sorted(
        article["ref"] for article in run.single["articles"]
    )
    # The same page: the same articles, steps, statuses and images, with links relative to the report.
    assert report_view(merged_results, out) == report_view(single, run.single_dir)
    html = (out / "index.html").read_text()
    assert 'src="billing/change-requests/02.diff.png"' in html
    write_junit(single, tmp_path / "single.xml")
    assert (out / "junit.xml").read_text() == (tmp_path / "single.xml").read_text()
    for article in run.single["articles"]:
        for step in article["steps"]:
            for relative in step["files"].values():
                assert (out / relative).read_bytes() == (run.single_dir / relative).read_bytes()
    assert [path.name for path in out.parent.iterdir()] == ["verify"], "nothing staged is left beside the report"
    assert merged["shards"] == [
        {"shard": "1/3", "started_at": "2026-11-26T20:40:00+00:00", "seconds": 23.4, "articles": 1, "steps": 5},
        {"shard": "2/3", "started_at": "2026-11-26T20:40:00+00:00", "seconds": 7.8, "articles": 2, "steps": 5},
        {"shard": "3/3", "started_at": "2026-11-26T20:40:00+00:00", "seconds": 5.85, "articles": 3, "steps": 5},
    ]


def test_the_verification_record_is_written_once_as_a_single_run_writes_it(run, tmp_path, project_root, monkeypatch):
    merge(run.project, run.shard_dirs, tmp_path / "merged")
    single_record = tmp_path / "single-verification.json"
    monkeypatch.setenv("HELPCENTRE_VERIFICATION_RECORD", str(single_record))
    record_verification(
        load_project(project_root / "mkdocs.yml").verification_record, VerifyResults.from_json(run.single)
    )
    assert json.loads(run.record.read_text()) == json.loads(single_record.read_text())
    entry = json.loads(run.record.read_text())["articles"]["billing/change-requests"]
    assert entry == {
        "at": "2026-11-26T20:40:00+00:00",
        "status": "drift",
        "target": "sandbox",
        "browser": "Chromium 156.0.8078.108",
        "by": "verify",
        "drifted_steps": [2, 3, 4],
    }


def test_the_shards_can_be_named_in_any_order_and_some_may_be_empty(tmp_path, project):
    run = make_run(tmp_path, project, 8)
    assert [json.loads((folder / "results.json").read_text())["articles"] for folder in run.shard_dirs[6:]] == [[], []]
    merged = merge(project, list(reversed(run.shard_dirs)), tmp_path / "merged").to_json()
    assert without_shards(merged) == run.single, "an empty shard's browser and later start change nothing"


def test_merging_replaces_the_report_folder_whole(run, tmp_path):
    out = tmp_path / "merged"
    out.mkdir()
    (out / "stale.png").write_bytes(b"from an older run")
    merge(run.project, run.shard_dirs, out)
    assert not (out / "stale.png").exists()
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []


def add_unknown_article(results: dict) -> None:
    steps = [{**step, "files": {}} for step in results["articles"][0]["steps"]]
    results["articles"].append({**results["articles"][0], "ref": "billing/not-planned", "steps": steps})


def drop(*keys):
    def change(results: dict) -> None:
        target = results
        for key in keys[:-1]:
            target = target[key]
        del target[keys[-1]]

    return change


def put(value, *keys):
    def change(results: dict) -> None:
        target = results
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value

    return change


SHARD_1 = "shards/verify-shard-1/results.json"
SHARD_2 = "shards/verify-shard-2/results.json"

# (how shard 2's results are spoilt, the one line the merge answers with)
SPOILT_RESULTS = [
    pytest.param(put(2, "version"), f"{SHARD_2}: results version 2; this helpcentre merges version 1", id="version"),
    pytest.param(
        drop("articles", 0, "steps", 0, "status"),
        f"{SHARD_2}: articles.0.steps.0.status: Field required",
        id="missing-field",
    ),
    pytest.param(
        put("drifted", "articles", 0, "steps", 0, "status"),
        f"{SHARD_2}: articles.0.steps.0.status: Input should be 'error', 'flow', 'text', 'structure', 'pixels', 'new', 'not_reached' or 'ok'",
        id="unknown-status",
    ),
    pytest.param(
        put("2026-11-26T20:40:00", "started_at"),
        f"{SHARD_2}: started_at: Input should have timezone info",
        id="naive-time",
    ),
    pytest.param(drop("shard"), f"{SHARD_2}: not a shard's report: verify ran without --shard", id="not-a-shard"),
    pytest.param(put(4, "shard", "index"), f"{SHARD_2}: shard.index: shard 4/3 does not exist", id="no-such-shard"),
    pytest.param(
        put("../../escape", "articles", 0, "ref"),
        f"{SHARD_2}: articles.0.ref: '../../escape' is not an article's path",
        id="ref-escapes",
    ),
    pytest.param(
        put({"diff": "billing/change-requests/../../../../etc/passwd"}, "articles", 0, "steps", 0, "files"),
        f"{SHARD_2}: billing/change-requests step 1: diff 'billing/change-requests/../../../../etc/passwd' is outside its folder",
        id="file-escapes",
    ),
    pytest.param(
        put({"diff": "billing/change-requests/09.diff.png"}, "articles", 0, "steps", 0, "files"),
        f"{SHARD_2}: billing/change-requests step 1: its diff image billing/change-requests/09.diff.png is missing",
        id="file-missing",
    ),
    pytest.param(
        put("Other Help", "shard", "help_centre"),
        f"{SHARD_2}: a shard of the help centre 'Other Help', not of '{HELP_CENTRE}' (mkdocs.yml)",
        id="other-help-centre",
    ),
    pytest.param(
        put(4, "shard", "total"), f"{SHARD_2}: shard 2/4 of another run: {SHARD_1} is shard 1/3", id="other-total"
    ),
    pytest.param(
        put(["billing/change-card-or-bank-info"], "shard", "articles"),
        f"{SHARD_2}: a shard of another run: its run verifies other articles than {SHARD_1}'s",
        id="other-articles",
    ),
    pytest.param(
        put("1" * 64, "shard", "fingerprint"),
        f"{SHARD_2}: a shard of another run: its articles or baselines differ from those of {SHARD_1}",
        id="other-fingerprint",
    ),
    pytest.param(
        put("https://staging.example.com/", "target"),
        f"{SHARD_2}: verified against https://staging.example.com/, {SHARD_1} against sandbox: the shards of one run share a target",
        id="other-target",
    ),
    pytest.param(
        put("Chromium 157.0.1", "browser"),
        f"{SHARD_2}: walked with Chromium 157.0.1, {SHARD_1} with Chromium 156.0.8078.108: the shards of one run use one browser",
        id="other-browser",
    ),
    pytest.param(put(1, "shard", "index"), f"{SHARD_2}: shard 1/3 twice: {SHARD_1} is shard 1/3 too", id="same-shard"),
    pytest.param(
        add_unknown_article,
        f"{SHARD_2}: billing/not-planned is not one of the run's articles",
        id="unplanned-article",
    ),
]


@pytest.mark.parametrize(("spoil", "message"), SPOILT_RESULTS)
def test_shards_that_do_not_belong_together_are_refused_with_one_line(run, tmp_path, monkeypatch, spoil, message):
    monkeypatch.chdir(tmp_path)
    run.rewrite(2, spoil)
    folders = [folder.relative_to(tmp_path) for folder in run.shard_dirs]
    with pytest.raises(MergeError) as error:
        merge(run.project, folders, Path("merged"))
    assert str(error.value) == message
    assert not (tmp_path / "merged").exists() and not run.record.exists(), "nothing is written"


def test_folders_that_hold_no_shard_are_refused(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    one, two, three = (folder.relative_to(tmp_path) for folder in run.shard_dirs)

    def refusal(*folders, out: str = "merged") -> str:
        with pytest.raises(MergeError) as error:
            merge(run.project, folders, Path(out))
        return str(error.value)

    assert refusal(one, two, Path("missing")) == "missing: no such folder"
    (tmp_path / "empty").mkdir()
    assert (
        refusal(Path("empty"), one) == "empty: no results.json: not a verify report, or its run stopped before the end"
    )
    (tmp_path / "empty" / "results.json").write_text('{"version": 1, "articles": [')
    assert refusal(Path("empty")) == "empty/results.json: not valid JSON: Expecting value at line 1, column 29"
    (tmp_path / "empty" / "results.json").write_text("[]")
    assert refusal(Path("empty")) == "empty/results.json: not the results of a verify run"
    (tmp_path / "empty" / "results.json").write_bytes(b"\xff\xfe")
    assert refusal(Path("empty")).startswith("empty/results.json: cannot be read: 'utf-8' codec can't decode byte 0xff")
    assert refusal(one, three) == "shard 2/3 missing: the merge needs the reports of all 3 shards"
    assert refusal(one, two, three, one) == "shards/verify-shard-1: given twice"
    assert refusal(one, two, three, out="shards") == (
        f"--report shards: writing the merged report there would delete the shard's report {one}; choose another folder"
    )


def test_an_article_in_two_shards_is_refused(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    moved = run.shard_results(1)["articles"][0]
    run.rewrite(2, lambda results: results["articles"].append(moved))
    shutil.copytree(run.shard_dirs[0] / moved["ref"], run.shard_dirs[1] / moved["ref"])
    with pytest.raises(MergeError) as error:
        merge(run.project, [folder.relative_to(tmp_path) for folder in run.shard_dirs], Path("merged"))
    assert str(error.value) == f"{SHARD_2}: {moved['ref']} is in {SHARD_1} too; an article is in one shard"


def test_the_statuses_merge_reads_are_the_ones_verify_writes(run):
    for status in Status:
        run.rewrite(2, put(str(status), "articles", 0, "steps", 0, "status"))
        assert read_shard(run.shard_dirs[1]).results.articles[0].steps[0].status is status


@pytest.fixture
def cli_run(tmp_path, monkeypatch):
    """`helpcentre ARGS` in this process, from tmp_path; the SIGTERM handler a command installs is put back."""
    monkeypatch.chdir(tmp_path)
    previous = signal.getsignal(signal.SIGTERM)

    def invoke(*args: str):
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)

    yield invoke
    signal.signal(signal.SIGTERM, previous)


def test_the_merge_command_exits_1_on_drift_and_2_on_bad_input_with_no_traceback(run, cli_run, project_root):
    config = str(project_root / "mkdocs.yml")
    result = cli_run(
        "report", "merge", "-f", config, "shards/verify-shard-1", "shards/verify-shard-2", "shards/verify-shard-3"
    )
    assert result.exit_code == 1, result.output
    assert (
        "15 steps in 6 articles: 7 ok, 5 drifted (1 flow, 1 text, 1 structure, 2 pixels), 1 new, 2 not reached"
        in result.stdout
    )
    assert "Report: reports/verify/index.html" in result.stdout
    assert "Merged 3 shards" in result.stderr

    (run.shard_dirs[2] / "results.json").write_text("{")
    result = cli_run(
        "report", "merge", "-f", config, "shards/verify-shard-1", "shards/verify-shard-2", "shards/verify-shard-3"
    )
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: shards/verify-shard-3/results.json: not valid JSON: "
        "Expecting property name enclosed in double quotes at line 1, column 2\n"
    )


def test_the_merge_command_exits_0_when_every_step_matches(tmp_path, project, cli_run, project_root):
    single = single_run_results()
    single["articles"] = [
        article for article in single["articles"] if all(step["status"] == "ok" for step in article["steps"])
    ]
    for article in single["articles"]:
        (tmp_path / "single" / article["ref"]).mkdir(parents=True)
    folders = write_shards(single, tmp_path / "single", tmp_path / "shards", 2)
    result = cli_run("report", "merge", "-f", str(project_root / "mkdocs.yml"), *map(str, folders), "--report", "out")
    assert result.exit_code == 0, result.output
    assert "3 steps in 2 articles: 3 ok, 0 drifted, 0 new, 0 not reached" in result.stdout


def copy_help_centre(project_root: Path, target: Path) -> Path:
    target.mkdir()
    shutil.copy(project_root / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(project_root / "docs", target / "docs")
    return target / "mkdocs.yml"


def test_an_empty_shard_verifies_nothing_and_writes_an_empty_report(tmp_path, cli_run, project_root, monkeypatch):
    monkeypatch.delenv("HELPCENTRE_VERIFICATION_RECORD", raising=False)
    config = copy_help_centre(project_root, tmp_path / "help")
    result = cli_run("verify", "-f", str(config), "--shard", "8/8", "--report", "shard-8")
    assert result.exit_code == 0, result.output
    assert (
        "0 steps in 0 articles: 0 ok, 0 drifted, 0 new, 0 not reached; 0.0 s. Report: shard-8/index.html"
        in result.stdout
    )
    assert (
        "Shard 8/8 has no article: 7 articles over 8 shards leave this one nothing to walk; its report is empty. "
        "Put the shards' reports together with `helpcentre report merge`"
    ) in result.stderr
    results = json.loads((tmp_path / "shard-8" / "results.json").read_text())
    assert results["articles"] == [] and results["summary"]["steps"] == 0
    assert results["target"] == "sandbox" and results["browser"] == ""
    assert results["shard"]["index"] == 8 and len(results["shard"]["articles"]) == 7
    assert 'tests="0"' in (tmp_path / "shard-8" / "junit.xml").read_text()
    assert "No drift in 0 articles" in (tmp_path / "shard-8" / "index.html").read_text()
    assert not (tmp_path / "help" / "reports").exists(), "a shard writes no verification record"


def test_capture_takes_the_same_share_and_an_empty_one_is_fine(tmp_path, cli_run, project_root):
    config = copy_help_centre(project_root, tmp_path / "help")
    result = cli_run("capture", "-f", str(config), "--shard", "8/8")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "Shard 8/8 has no article: 7 articles over 8 shards leave this one nothing to walk; nothing was captured.\n"
    )
    assert not (tmp_path / "help" / "screenshots").exists()
    result = cli_run("capture", "-f", str(config), "--shard", "9/8")
    assert result.exit_code == 2
    assert result.stderr == "Error: --shard 9/8: I must be between 1 and N\n"
