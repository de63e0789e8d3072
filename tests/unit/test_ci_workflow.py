"""The GitHub workflow runs commands that exist, with options that parse, on the right events.

CI can only be run on GitHub; these tests catch what would otherwise surface there first: a
renamed script, a helpcentre option that no longer exists, a report folder the upload misses.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shlex
import subprocess
import tomllib
from pathlib import Path

import click
import pytest
import yaml
from mkdocs.utils.yaml import yaml_load
from packaging.specifiers import SpecifierSet

from helpcentre.cli import cli

PROJECT_ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = PROJECT_ROOT / ".github" / "workflows" / "docs.yml"
SHELL_OPERATORS = {";", "&&", "||", "|", "&"}
REDIRECTIONS = {">", ">>", "<", "2>", "2>>"}


def load_workflow() -> dict:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as the boolean true.
    if True in workflow:
        workflow["on"] = workflow.pop(True)
    return workflow


def all_steps(workflow: dict) -> list[tuple[str, dict]]:
    return [(name, step) for name, job in workflow["jobs"].items() for step in job["steps"]]


def simple_commands(script: str) -> list[list[str]]:
    """The words of each simple command in a `run:` script, without operators and redirections."""
    commands: list[list[str]] = []
    for line in script.replace("\\\n", " ").splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        lexer.commenters = "#"
        words: list[str] = []
        skip_next = False
        for token in lexer:
            if skip_next:
                skip_next = False
            elif token in SHELL_OPERATORS:
                commands.append(words)
                words = []
            elif token in REDIRECTIONS:
                skip_next = True
            else:
                words.append(token)
        commands.append(words)
    return [words for words in commands if words]


def run_commands(workflow: dict) -> list[tuple[str, list[str]]]:
    return [
        (job, words) for job, step in all_steps(workflow) if "run" in step for words in simple_commands(step["run"])
    ]


def helpcentre_invocations(workflow: dict) -> list[tuple[str, list[str]]]:
    """(job, args) of every `./scripts/run ARGS` in the workflow, as the first shard's machine runs it."""
    return [
        (job, [expand(word, workflow) for word in words[1:]])
        for job, words in run_commands(workflow)
        if words[0] == "./scripts/run"
    ]


def expand(word: str, workflow: dict) -> str:
    """A word with the matrix's first shard and the workflow's env put in, as the runner and the shell would."""
    word = word.replace("${{ matrix.shard }}", "1")
    for name, value in workflow.get("env", {}).items():
        word = word.replace(f"${name}", str(value))
    return word


def parse_helpcentre(args: list[str]) -> click.Context:
    """The context `helpcentre ARGS` would run its command in: options parsed and checked, nothing run."""
    command: click.Command = cli
    context = click.Context(cli, info_name="helpcentre")
    remaining = list(args)
    while isinstance(command, click.Group):
        assert remaining, f"`helpcentre {' '.join(args)}` names no command of {command.name}"
        name, *remaining = remaining
        subcommand = command.get_command(context, name)
        assert subcommand is not None, (
            f"`helpcentre {' '.join(args)}`: no command {name!r}; there are {sorted(command.list_commands(context))}"
        )
        command = subcommand
        if isinstance(command, click.Group):
            context = click.Context(command, info_name=name, parent=context)
    return command.make_context(name, remaining, parent=context, resilient_parsing=False)


def step_using(job: dict, action: str) -> dict:
    found = [step for step in job["steps"] if step.get("uses", "").startswith(f"{action}@")]
    assert len(found) == 1, f"expected one step using {action}, found {len(found)}"
    return found[0]


def job_running(workflow: dict, command: str) -> tuple[str, dict]:
    """(name, job) of the one job that runs `./scripts/run COMMAND` (once or more)."""
    found = sorted({job for job, words in helpcentre_invocations(workflow) if words[:1] == [command]})
    assert len(found) == 1, f"expected one job running ./scripts/run {command}, found {found}"
    return found[0], workflow["jobs"][found[0]]


def job_using(workflow: dict, action: str) -> tuple[str, dict]:
    """(name, job) of the one job with a step that uses ACTION."""
    found = [job for job, step in all_steps(workflow) if step.get("uses", "").startswith(f"{action}@")]
    assert len(found) == 1, f"expected one job using {action}, found {found}"
    return found[0], workflow["jobs"][found[0]]


def load_ci_script(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def workflow() -> dict:
    return load_workflow()


def test_the_workflow_runs_on_pull_requests_and_on_pushes_to_main(workflow):
    assert set(workflow["on"]) == {"pull_request", "push", "schedule"}
    assert workflow["on"]["push"] == {"branches": ["main"]}
    assert len(workflow["on"]["schedule"]) == 1 and workflow["on"]["schedule"][0]["cron"]


def test_every_script_the_workflow_runs_is_an_executable_file(workflow):
    scripts = [word for _, words in run_commands(workflow) for word in words if word.startswith("./scripts/")]
    assert {"./scripts/test", "./scripts/run"} <= set(scripts)
    for script in scripts:
        path = PROJECT_ROOT / script
        assert path.is_file(), f"the workflow runs {script}, which does not exist"
        assert os.access(path, os.X_OK), f"the workflow runs {script}, which is not executable (chmod +x)"


def test_every_ci_script_the_workflow_runs_exists_and_accepts_its_arguments(workflow):
    calls = [
        (words, index)
        for _, words in run_commands(workflow)
        for index, word in enumerate(words)
        if word.startswith(".ci/")
    ]
    assert calls, "the workflow runs no script from .ci/"
    for words, index in calls:
        path = PROJECT_ROOT / words[index]
        assert path.is_file(), f"the workflow runs {words[index]}, which does not exist"
        load_ci_script(path).argument_parser().parse_args(words[index + 1 :])


def test_every_helpcentre_command_the_workflow_runs_exists_and_its_options_parse(workflow, monkeypatch):
    monkeypatch.chdir(PROJECT_ROOT)
    invocations = helpcentre_invocations(workflow)
    assert [args[0] for _, args in invocations] == [
        "verify",
        "report",
        "fix",
        "verify",
        "fix",
        "verify",
        "build",
        "pdf",
        "verify",
        "build",
    ]
    for _, args in invocations:
        assert args[0] in cli.commands, f"helpcentre has no command {args[0]!r}"
        parse_helpcentre(args)


def test_a_misspelt_option_would_fail_the_parse_check():
    with pytest.raises(click.UsageError, match="No such option '--reprot'"):
        parse_helpcentre(["verify", "--reprot", "reports/verify"])
    with pytest.raises(AssertionError, match="no command 'verfy'"):
        parse_helpcentre(["verfy"])


def test_a_pull_request_is_tested(workflow):
    job = workflow["jobs"]["test"]
    assert job["if"] == "github.event_name == 'pull_request'"
    assert [step["run"] for step in job["steps"] if "run" in step][-1] == "./scripts/test"


def test_pull_requests_verify_over_as_many_shards_as_the_workflow_says(workflow, tmp_path, monkeypatch):
    """VERIFY_SHARDS, set once, makes the matrix [1, ..., N]; each shard verifies I/N and uploads its report."""
    monkeypatch.chdir(PROJECT_ROOT)
    plan, job = workflow["jobs"]["verify-shards"], workflow["jobs"]["verify"]
    assert plan["if"] == job["if"] == "github.event_name == 'pull_request'"
    assert job["needs"] == "verify-shards"
    assert job["strategy"]["matrix"]["shard"] == "${{ fromJSON(needs.verify-shards.outputs.shards) }}"
    assert job["strategy"]["fail-fast"] is False, "one shard's error does not stop the others"
    assert "${{ matrix.shard }}" in job["concurrency"]["group"], "shards of one run never cancel each other"
    (step,) = plan["steps"]
    assert plan["outputs"]["shards"] == f"${{{{ steps.{step['id']}.outputs.shards }}}}"
    for total in (1, 3, 12):
        output = tmp_path / f"output-{total}"
        environment = dict(os.environ, VERIFY_SHARDS=str(total), GITHUB_OUTPUT=str(output))
        subprocess.run(["bash", "-e", "-c", step["run"]], env=environment, check=True)
        assert json.loads(output.read_text().removeprefix("shards=")) == list(range(1, total + 1))

    (verify,) = [args for name, args in helpcentre_invocations(workflow) if name == "verify"]
    shard_total = workflow["env"]["VERIFY_SHARDS"]
    assert parse_helpcentre(verify).params["shard"] == (1, shard_total)
    report_dir = parse_helpcentre(verify).params["report_dir"]
    upload = step_using(job, "actions/upload-artifact")
    assert upload["if"] == "always()"
    assert Path(upload["with"]["path"]) == report_dir
    assert upload["with"]["name"] == "verify-shard-${{ matrix.shard }}"
    verify_run = next(step["run"] for step in job["steps"] if "verify --shard" in step.get("run", ""))
    assert verify_run.endswith("|| [ $? -eq 1 ]"), "drift is for the merged report; only an error fails a shard"


def test_one_job_merges_the_shards_reports_and_always_uploads_and_summarises_it(workflow, monkeypatch):
    monkeypatch.chdir(PROJECT_ROOT)
    job = workflow["jobs"]["verify-report"]
    assert job["needs"] == "verify"
    assert job["if"] == "${{ !cancelled() && github.event_name == 'pull_request' }}", "also when a shard failed"
    assert step_using(job, "actions/checkout")["with"]["fetch-depth"] == 0

    download = step_using(job, "actions/download-artifact")
    shard_artifact = step_using(workflow["jobs"]["verify"], "actions/upload-artifact")["with"]["name"]
    assert download["with"]["pattern"] == shard_artifact.replace("${{ matrix.shard }}", "*")
    assert "merge-multiple" not in download["with"], "each shard's report in a folder of its own"
    (merge,) = [args for name, args in helpcentre_invocations(workflow) if args[:2] == ["report", "merge"]]
    merge_context = parse_helpcentre(merge)
    assert [str(folder) for folder in merge_context.params["folders"]] == [f"{download['with']['path']}/*"]
    report_dir = merge_context.params["report_dir"]

    upload = step_using(job, "actions/upload-artifact")
    assert upload["if"] == "always()"
    assert upload["with"]["name"] == "verify-report"
    assert Path(upload["with"]["path"]) == report_dir
    summary = next(step for step in job["steps"] if ".ci/verify_summary.py" in step.get("run", ""))
    assert summary["if"] == "always()"
    assert summary["run"].split()[2] == str(report_dir)
    assert '>> "$GITHUB_STEP_SUMMARY"' in summary["run"]


def test_ci_uses_a_python_that_pyproject_allows(workflow):
    requires = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    allowed = SpecifierSet(requires["requires-python"])
    for name, job in workflow["jobs"].items():
        if any(step.get("run", "").startswith("./scripts/") for step in job["steps"]):
            if job.get("container") == "debian:12":
                version = DEBIAN_12_PYTHON
            else:
                version = step_using(job, "actions/setup-python")["with"]["python-version"]
            assert version in allowed, f"{name} sets up Python {version}; pyproject.toml requires {allowed}"


DEBIAN_12_PYTHON = "3.11"  # bookworm's python3


def test_main_is_built_for_its_pages_address_and_deployed_with_pages_permissions(workflow, monkeypatch):
    monkeypatch.chdir(PROJECT_ROOT)
    build_name, build_job = job_running(workflow, "build")
    assert build_job["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    pages_step = step_using(build_job, "actions/configure-pages")
    build_step = next(step for step in build_job["steps"] if step.get("run") == "./scripts/run build")
    assert build_step["env"]["HELPCENTRE_SITE_URL"] == f"${{{{ steps.{pages_step['id']}.outputs.base_url }}}}"
    # The site's "verified on" notes come from the verification record this run writes first.
    runs = [step.get("run", "") for step in build_job["steps"]]
    verify = next(index for index, run in enumerate(runs) if run.startswith("./scripts/run verify"))
    assert verify < runs.index("./scripts/run build")
    assert runs[verify].endswith("|| true"), "drift is reported on the site; it does not stop publishing"

    monkeypatch.setenv("HELPCENTRE_SITE_URL", "https://willowcreek.github.io/help/")
    config = yaml_load((PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_url"] == "https://willowcreek.github.io/help/"
    assert parse_helpcentre(["build"]).params["site_dir"] is None, "the build writes where mkdocs.yml says"
    assert step_using(build_job, "actions/upload-pages-artifact")["with"]["path"] == config["site_dir"]

    _, deploy_job = job_using(workflow, "actions/deploy-pages")
    assert deploy_job["needs"] == build_name
    assert deploy_job["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy_job["environment"]["name"] == "github-pages"
    assert deploy_job["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert workflow["permissions"] == {"contents": "read"}, "only the deploy job may write"


def test_main_prints_each_article_to_pdf_into_the_site_it_publishes(workflow, monkeypatch):
    monkeypatch.chdir(PROJECT_ROOT)
    build_name, build_job = job_running(workflow, "build")
    assert job_running(workflow, "pdf")[0] == build_name
    steps = build_job["steps"]
    build = next(index for index, step in enumerate(steps) if step.get("run") == "./scripts/run build")
    pdf = next(index for index, step in enumerate(steps) if step.get("run") == "./scripts/run pdf")
    upload = steps.index(step_using(build_job, "actions/upload-pages-artifact"))
    assert build < pdf < upload, "the PDFs are printed from the built site, before it is uploaded"
    config = yaml_load((PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert parse_helpcentre(["pdf"]).params["site_dir"] == Path(config["site_dir"])


def test_main_publishes_the_writers_guide_built_strict_in_the_sites_guide_folder(workflow, monkeypatch):
    monkeypatch.chdir(PROJECT_ROOT)
    build_name, build_job = job_running(workflow, "build")
    steps = build_job["steps"]
    runs = [step.get("run", "") for step in steps]
    guide_build = runs.index("./scripts/run build -f guide/mkdocs.yml -d site/guide")
    guide_verify = next(index for index, run in enumerate(runs) if run.startswith("./scripts/run verify -f guide/"))
    upload = steps.index(step_using(build_job, "actions/upload-pages-artifact"))
    # After the help centre's build, which empties site/; before the upload, which publishes site/.
    assert runs.index("./scripts/run build") < guide_verify < guide_build < upload
    assert runs[guide_verify].endswith("|| true"), "the guide's drift is reported on it; it does not stop publishing"
    context = parse_helpcentre(["build", "-f", "guide/mkdocs.yml", "-d", "site/guide"])
    assert context.params["strict"] is True
    config = yaml_load((PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert Path(context.params["site_dir"]).parent == Path(config["site_dir"])

    pages_step = step_using(build_job, "actions/configure-pages")
    guide_url = steps[guide_build]["env"]["HELPCENTRE_GUIDE_URL"]
    assert guide_url == f"${{{{ steps.{pages_step['id']}.outputs.base_url }}}}/guide/"
    monkeypatch.setenv("HELPCENTRE_GUIDE_URL", "https://willowcreek.github.io/help/guide/")
    guide = yaml_load((PROJECT_ROOT / "guide" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert guide["site_url"] == "https://willowcreek.github.io/help/guide/"
    assert guide.get("strict") is True


def test_drift_on_a_pull_request_gets_the_repairs_fix_suggests(workflow, monkeypatch):
    monkeypatch.chdir(PROJECT_ROOT)
    job = workflow["jobs"]["verify-report"]
    steps = job["steps"]
    merge = next(step for step in steps if "./scripts/run report merge" in step.get("run", ""))
    assert 'echo "exit-code=$code" >> "$GITHUB_OUTPUT"' in merge["run"]
    suggest = next(step for step in steps if "./scripts/run fix" in step.get("run", ""))
    # Drift only (exit 1): a merge refused for bad input has no drift to repair.
    assert suggest["if"] == f"${{{{ failure() && steps.{merge['id']}.outputs.exit-code == '1' }}}}"
    fix_args = next(
        args for name, args in helpcentre_invocations(workflow) if name == "verify-report" and args[0] == "fix"
    )
    report_dir = parse_helpcentre(fix_args).params["report_dir"]
    assert (
        report_dir
        == parse_helpcentre(next(args for _, args in helpcentre_invocations(workflow) if args[0] == "report")).params[
            "report_dir"
        ]
    )
    upload = step_using(job, "actions/upload-artifact")
    assert steps.index(suggest) < steps.index(upload), "the patch is uploaded with the report"
    assert Path(upload["with"]["path"]) == report_dir
    assert '>> "$GITHUB_STEP_SUMMARY"' in suggest["run"]


def test_a_nightly_job_proposes_the_repair_as_a_pull_request(workflow, monkeypatch):
    monkeypatch.chdir(PROJECT_ROOT)
    job = workflow["jobs"]["nightly-fix"]
    assert job["if"] == "github.event_name == 'schedule'"
    assert job["permissions"] == {"contents": "write", "pull-requests": "write"}
    fix_step = next(step for step in job["steps"] if "./scripts/run fix" in step.get("run", ""))
    words = [words for words in simple_commands(fix_step["run"])]
    assert ["./scripts/run", "verify", "--report", "reports/verify"] in words
    propose = step_using(job, "peter-evans/create-pull-request")
    assert propose["if"] == f"steps.{fix_step['id']}.outputs.drift == 'true'"
    assert propose["with"]["body-path"] in fix_step["run"]
    assert set(propose["with"]["add-paths"].split()) == {"docs/**", "screenshots/**"}
