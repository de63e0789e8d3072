"""Build time and page weight of a 1,000-article help centre, against plain Material for MkDocs.

Requirement: page weight does not grow with the number of articles in other categories
(help-centre navigation, pruned). This generates a synthetic help centre, builds it with the
`helpcentre` plugin and as a plain Material site with `navigation.prune` (the same pages, an
explicit `nav:`), alternating in one process, and checks:

- the build-time ratio helpcentre/plain is at most 1.15 (medians of the rounds);
- no article page is over 60 KB of HTML;
- an article page is the same size when the other categories hold 5x fewer articles.

Exit 0 when every target is met, 1 when one is missed, 2 when the benchmark could not run.

    .venv/bin/python scripts/bench/build_weight.py [--articles 1000] [--categories 20]
        [--rounds 3] [--json PATH] [--profile PATH]
"""

from __future__ import annotations

import cProfile
import gc
import json
import logging
import os
import pstats
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
from synthetic_site import Category, generate, split_counts, write_helpcentre, write_plain

BUILD_RATIO_MAX = 1.15
# 60 KB read as 60,000 bytes, the stricter of the two readings.
ARTICLE_PAGE_MAX_BYTES = 60_000
# How much the same article page may differ between the two sites and still not "grow".
GROWTH_TOLERANCE_BYTES = 16
GROWTH_FACTOR = 5
PLUGIN_SOURCE = "helpcentre/mkdocs_plugin/plugin.py"


class BenchmarkFailed(click.ClickException):
    """The benchmark could not measure: distinct from a missed target."""

    exit_code = 2


def status(message: str) -> None:
    click.echo(message, err=True)


def quiet_mkdocs() -> None:
    """Warnings and errors only, formatted as the mkdocs command does; strict makes them fatal."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.WARNING)
    logger.addHandler(handler)


@dataclass(frozen=True)
class BuildTime:
    wall: float
    # This process's CPU time: less disturbed than the wall clock by other work on the machine.
    cpu: float


def build_once(config_file: Path, profile: cProfile.Profile | None = None) -> BuildTime:
    """Time of one full build, as `mkdocs build` does it: load the config, then build."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    gc.collect()
    started, started_cpu = time.perf_counter(), time.process_time()
    try:
        if profile is not None:
            profile.enable()
        build(load_config(config_file=str(config_file)))
    except (Abort, ConfigurationError, PluginError) as error:
        raise BenchmarkFailed(f"{config_file}: the build failed: {error}") from error
    finally:
        if profile is not None:
            profile.disable()
    return BuildTime(time.perf_counter() - started, time.process_time() - started_cpu)


def timed_rounds(builds: dict[str, Path], warm_ups: dict[str, Path], rounds: int) -> dict[str, list[BuildTime]]:
    """One warm-up build of each, then `rounds` rounds, alternating which goes first."""
    for name, config_file in warm_ups.items():
        status(f"warm-up {name} build: {build_once(config_file).wall:.2f} s")
    names = list(builds)
    times: dict[str, list[BuildTime]] = {name: [] for name in names}
    for number in range(rounds):
        for name in names if number % 2 == 0 else names[::-1]:
            took = build_once(builds[name])
            times[name].append(took)
            status(f"round {number + 1}/{rounds}: {name} build {took.wall:.2f} s (CPU {took.cpu:.2f} s)")
    return times


def article_page_bytes(site_dir: Path, categories: list[Category]) -> dict[str, int]:
    """HTML bytes of every article page, by the article's docs path."""
    return {
        article.path: (site_dir / article.category / article.slug / "index.html").stat().st_size
        for category in categories
        for article in category.articles
    }


def growth_check(seed: int, counts: list[int], workdir: Path, full_pages: dict[str, int]) -> dict[str, Any]:
    """Category 0's article pages, built again with every other category 1/5 the size.

    Shrinking the others rather than growing them measures the same thing in a fraction of
    the build time. The generator makes category 0's articles identical in both sites.
    """
    small_counts = [counts[0], *(max(1, count // GROWTH_FACTOR) for count in counts[1:])]
    small = generate(seed, small_counts)
    config_file = write_helpcentre(workdir / "helpcentre-small", small)
    status(f"growth build, {sum(small_counts)} articles: {build_once(config_file).wall:.2f} s")
    small_pages = article_page_bytes(config_file.parent / "site", small[:1])
    compared = sorted(small_pages)
    growth = {path: full_pages[path] - small_pages[path] for path in compared}
    sample = compared[len(compared) // 2]
    worst = max(compared, key=lambda path: abs(growth[path]))
    added = sum(counts[1:]) - sum(small_counts[1:])
    return {
        "category": small[0].key,
        "articles_in_category": counts[0],
        "articles_in_other_categories": [sum(small_counts[1:]), sum(counts[1:])],
        "pages_compared": len(compared),
        "sample_page": sample,
        "sample_bytes": [small_pages[sample], full_pages[sample]],
        "largest_growth_page": worst,
        "largest_growth_bytes": growth[worst],
        "bytes_per_article_elsewhere": round(growth[worst] / added, 2) if added else 0.0,
    }


def profile_hooks(config_file: Path, stats_path: Path) -> dict[str, Any]:
    """One more helpcentre build under cProfile: the plugin's hooks, cumulative seconds."""
    profile = cProfile.Profile()
    seconds = build_once(config_file, profile).wall
    profile.dump_stats(stats_path)
    hooks = {
        name: round(row[3], 3)
        for (filename, _, name), row in pstats.Stats(str(stats_path)).stats.items()  # type: ignore[attr-defined]
        if filename.endswith(PLUGIN_SOURCE) and name.startswith("on_")
    }
    return {"build_seconds_profiled": round(seconds, 2), "hooks_seconds_profiled": hooks}


def page_figures(site_dir: Path, plain_site_dir: Path, centre: list[Category]) -> dict[str, Any]:
    pages = article_page_bytes(site_dir, centre)
    plain_pages = article_page_bytes(plain_site_dir, centre)
    largest = max(pages, key=pages.__getitem__)
    category_page = f"{centre[0].key}/index.html"
    return {
        "article_median": int(statistics.median(pages.values())),
        "article_max": pages[largest],
        "article_max_page": largest,
        "home": (site_dir / "index.html").stat().st_size,
        "category": (site_dir / category_page).stat().st_size,
        "category_page": category_page,
        "plain_article_median": int(statistics.median(plain_pages.values())),
        "plain_article_max": max(plain_pages.values()),
        "all_articles": pages,
    }


def build_figures(times: dict[str, list[BuildTime]]) -> dict[str, Any]:
    """Medians and runs of each build; the target is on the wall-clock ratio."""
    figures: dict[str, Any] = {}
    for name, runs in times.items():
        figures[name] = {
            "median": round(statistics.median(run.wall for run in runs), 3),
            "runs": [round(run.wall, 3) for run in runs],
            "cpu_median": round(statistics.median(run.cpu for run in runs), 3),
            "cpu_runs": [round(run.cpu, 3) for run in runs],
        }
    figures["ratio"] = round(figures["helpcentre"]["median"] / figures["plain"]["median"], 3)
    figures["cpu_ratio"] = round(figures["helpcentre"]["cpu_median"] / figures["plain"]["cpu_median"], 3)
    # On a busy machine the fastest runs are the least disturbed ones.
    figures["fastest_ratio"] = round(min(figures["helpcentre"]["runs"]) / min(figures["plain"]["runs"]), 3)
    return figures


def missed_targets(figures: dict[str, Any]) -> list[str]:
    missed = []
    ratio = figures["build"]["ratio"]
    if ratio > BUILD_RATIO_MAX:
        missed.append(f"build-time ratio {ratio:.3f} is above {BUILD_RATIO_MAX}")
    pages = figures["page_bytes"]
    if pages["article_max"] > ARTICLE_PAGE_MAX_BYTES:
        missed.append(
            f"article page {pages['article_max_page']} is {pages['article_max']:,} B, "
            f"above {ARTICLE_PAGE_MAX_BYTES:,} B"
        )
    growth = figures["growth"]
    if abs(growth["largest_growth_bytes"]) > GROWTH_TOLERANCE_BYTES:
        before, after = growth["articles_in_other_categories"]
        missed.append(
            f"page weight grows with other categories: {growth['largest_growth_page']} "
            f"is {growth['largest_growth_bytes']:+,} B larger with {after} articles elsewhere "
            f"than with {before} ({growth['bytes_per_article_elsewhere']} B an article)"
        )
    return missed


def _size(size: int) -> str:
    return f"{size:>7,} B ({size / 1000:4.1f} KB)"


def _build_line(label: str, build: dict[str, Any]) -> str:
    runs = ", ".join(f"{seconds:.2f}" for seconds in build["runs"])
    return f"  {label:<24} {build['median']:6.2f} s  ({build['cpu_median']:.2f} s)   runs: {runs}"


def report_text(figures: dict[str, Any]) -> str:
    build, pages, growth = figures["build"], figures["page_bytes"], figures["growth"]
    before, after = growth["articles_in_other_categories"]
    sample_before, sample_after = growth["sample_bytes"]
    lines = [
        f"Help centre of {figures['articles']} articles in {figures['categories']} categories "
        f"(seed {figures['seed']}), {figures['rounds']} alternating rounds after a warm-up",
        "",
        "Build time, median of the rounds (CPU time of this process in brackets)",
        _build_line("helpcentre plugin", build["helpcentre"]),
        _build_line("plain Material, pruned", build["plain"]),
        f"  ratio helpcentre/plain   {build['ratio']:6.3f}    target <= {BUILD_RATIO_MAX}"
        f"   (CPU time {build['cpu_ratio']:.3f}, fastest runs {build['fastest_ratio']:.3f})",
        "",
        "Page weight, HTML bytes (helpcentre build)",
        f"  article page, median     {_size(pages['article_median'])}",
        f"  article page, max        {_size(pages['article_max'])}  target <= "
        f"{ARTICLE_PAGE_MAX_BYTES:,} B   {pages['article_max_page']}",
        f"  home page                {_size(pages['home'])}",
        f"  category page            {_size(pages['category'])}  {pages['category_page']}",
        f"  plain Material article   {_size(pages['plain_article_median'])}  median, for comparison",
        "",
        f"Growth: category {growth['category']} ({growth['articles_in_category']} articles) with "
        f"{before} and with {after} articles in the other categories",
        f"  {growth['sample_page']}: {sample_before:,} B -> {sample_after:,} B",
        f"  largest growth over its {growth['pages_compared']} pages: "
        f"{growth['largest_growth_bytes']:+,} B ({growth['bytes_per_article_elsewhere']} B an "
        f"article elsewhere)   target: within {GROWTH_TOLERANCE_BYTES} B",
    ]
    if "profile" in figures:
        profile = figures["profile"]
        lines += ["", f"Profiled helpcentre build: {profile['build_seconds_profiled']:.2f} s"]
        hooks = sorted(profile["hooks_seconds_profiled"].items(), key=lambda item: -item[1])
        lines += [f"  {name:<24} {seconds:6.2f} s" for name, seconds in hooks]
    lines.append("")
    lines += [f"MISSED: {message}" for message in figures["missed"]] or ["All targets met."]
    return "\n".join(lines)


@click.command()
@click.option("--articles", default=1000, show_default=True, type=click.IntRange(min=2))
@click.option("--categories", default=20, show_default=True, type=click.IntRange(min=2))
@click.option("--rounds", default=3, show_default=True, type=click.IntRange(min=1))
@click.option("--seed", default=1, show_default=True, help="Seed of the synthetic content.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), help="Write the figures here.")
@click.option(
    "--profile",
    "profile_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Profile one more helpcentre build; write the pstats here and show the plugin's hooks.",
)
@click.option(
    "--keep",
    type=click.Path(file_okay=False, path_type=Path),
    help="Generate and build in this directory and keep it, instead of a temporary one.",
)
def main(
    articles: int,
    categories: int,
    rounds: int,
    seed: int,
    json_path: Path | None,
    profile_path: Path | None,
    keep: Path | None,
) -> None:
    """Build time against plain Material, and HTML bytes of the article pages."""
    if articles < categories:
        raise click.BadParameter("needs at least one article a category", param_hint="--articles")
    if keep and keep.exists() and any(keep.iterdir()):
        raise click.BadParameter(f"{keep} is not empty; stale pages would change the figures", param_hint="--keep")
    # Material prints an end-of-life banner on every build unless this is set.
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    quiet_mkdocs()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="hc-bench-") as scratch:
        workdir = keep.resolve() if keep else Path(scratch)
        counts = split_counts(articles, categories)
        centre = generate(seed, counts)
        builds = {
            "helpcentre": write_helpcentre(workdir / "helpcentre", centre),
            "plain": write_plain(workdir / "plain", centre),
        }
        # Warm-ups import and compile what both builds use; a 2-article-a-category copy does that
        # as well as the full site and keeps the whole run within a few minutes.
        tiny = generate(seed, [min(2, count) for count in counts])
        warm_ups = {
            "helpcentre": write_helpcentre(workdir / "warm-up-helpcentre", tiny),
            "plain": write_plain(workdir / "warm-up-plain", tiny),
        }
        status(f"generated {articles} articles in {categories} categories in {workdir}")
        times = timed_rounds(builds, warm_ups, rounds)
        pages = page_figures(builds["helpcentre"].parent / "site", builds["plain"].parent / "site", centre)
        growth = growth_check(seed, counts, workdir, pages.pop("all_articles"))
        profile = profile_hooks(builds["helpcentre"], profile_path) if profile_path else None

    figures: dict[str, Any] = {
        "articles": articles,
        "categories": categories,
        "rounds": rounds,
        "seed": seed,
        "build": build_figures(times),
        "page_bytes": pages,
        "growth": growth,
        "targets": {
            "build_ratio_max": BUILD_RATIO_MAX,
            "article_page_max_bytes": ARTICLE_PAGE_MAX_BYTES,
            "growth_tolerance_bytes": GROWTH_TOLERANCE_BYTES,
        },
    }
    if profile:
        figures["profile"] = profile
    figures["missed"] = missed_targets(figures)
    figures["wall_seconds"] = round(time.perf_counter() - started, 1)
    click.echo(report_text(figures))
    if json_path:
        json_path.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    status(f"the benchmark took {figures['wall_seconds']:.0f} s")
    sys.exit(1 if figures["missed"] else 0)


if __name__ == "__main__":
    main()
