"""A pull request's verify run in Markdown, for the GitHub job summary: what drifted and which baselines changed.

Run with the project's Python after `helpcentre verify`:

    .venv/bin/python .ci/verify_summary.py reports/verify --base origin/main >> "$GITHUB_STEP_SUMMARY"

Reviewers see which steps drifted without downloading the report, and which screenshots
the pull request changes, to look at in its "Files changed" view.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from helpcentre.articles.steps import plain_text
from helpcentre.report import articles_by_drift, clean_message, status_label, summary_line
from helpcentre.verify.results import read_results

BASELINE_PATHSPEC = ":(glob)screenshots/**/*.png"
CHANGE_NAMES = {"A": "added", "D": "deleted", "M": "changed", "T": "changed"}


def verify_section(report_dir: Path, artifact_url: str | None) -> list[str]:
    lines = ["## Screenshot verify", ""]
    try:
        results = read_results(report_dir)
    except FileNotFoundError:
        return [*lines, f"Verify wrote no results to `{report_dir}`: it did not run or stopped early; see the log."]
    lines += [summary_line(results), ""]
    rows = [
        (article, step)
        for article in articles_by_drift(results.articles)
        for step in article.steps
        if step.status.needs_attention
    ]
    if rows:
        lines += ["| article | step | status | found |", "|---|---|---|---|"]
        for article, step in rows:
            cells = (
                f"`{article.ref}`",
                f"{step.step}. {plain_text(step.text)}",
                status_label(step.status),
                clean_message(step.message),
            )
            lines.append("| " + " | ".join(table_cell(cell) for cell in cells) + " |")
        lines.append("")
    where = f"[the verify report artifact]({artifact_url})" if artifact_url else "the verify report artifact"
    lines.append(f"Expected, actual and diff images for every step are in {where} (open `index.html`).")
    return lines


def changed_baselines(base: str) -> list[tuple[str, str]]:
    """(change, path) of every screenshot PNG that HEAD changed since it branched off `base`."""
    output = subprocess.run(
        ["git", "diff", "--name-status", "--no-renames", f"{base}...HEAD", "--", BASELINE_PATHSPEC],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    changes = []
    for line in output.splitlines():
        status, _, path = line.partition("\t")
        changes.append((CHANGE_NAMES.get(status[:1], status), path))
    return changes


def baselines_section(base: str) -> list[str]:
    lines = ["## Changed screenshots", ""]
    changes = changed_baselines(base)
    if not changes:
        return [*lines, f"No screenshot under `screenshots/` differs from `{base}`."]
    lines += [
        f"{len(changes)} screenshot{'' if len(changes) == 1 else 's'} differ from `{base}`; "
        "the pull request's **Files changed** view shows old and new side by side.",
        "",
    ]
    lines += [f"- {change}: `{path}`" for change, path in changes]
    return lines


def table_cell(text: str) -> str:
    """Text that stays in its Markdown table cell: no pipes, no line breaks."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", "<br>")


def argument_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report_dir", type=Path, help="the folder `helpcentre verify --report` wrote")
    parser.add_argument("--base", help="the pull request's base, such as origin/main, to list changed baselines")
    parser.add_argument("--artifact-url", help="where the uploaded report can be downloaded")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = argument_parser().parse_args(argv)
    lines = verify_section(args.report_dir, args.artifact_url)
    if args.base:
        lines += ["", *baselines_section(args.base)]
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
