"""Build time and page weight of a help centre of 1,000 and 5,000 articles, against plain Material.

Requirements: a page weighs the same however large the help centre and its category grow, and
the build grows in step with the help centre. This generates a synthetic help centre, builds it
with the `helpcentre` plugin and as a plain Material site with `navigation.prune` (the same
pages, an explicit `nav:`), alternating in one process, at --articles and at --scale times as
many, and checks:

- the CPU-time ratio helpcentre/plain is at most 1.15 at both sizes (medians of the rounds;
  CPU of this process and of the programs it ran (git, for the articles' dates): other work
  on the machine disturbs it far less than the wall clock);
- build CPU per article stays flat: --scale times the articles cost at most 1.1 x --scale
  times the CPU (5.5x for 5x);
- no article page is over 60 KB of HTML, no category page over 100 KB, at every size;
- an article page is the same size when the other categories hold 5x fewer articles;
- one category of 50 and of 250 articles (the others unchanged): its article pages and its
  category page stay within the limits, and the median article page grows by at most 1 KB.

It reports the plugin's own share of the build, per 1,000 articles, from one profiled build.

Exit 0 when every target is met, 1 when one is missed, 2 when the benchmark could not run.

    .venv/bin/python scripts/bench/build_weight.py [--articles 1000] [--categories 20]
        [--rounds 3] [--scale 5] [--scale-rounds 1] [--json PATH] [--profile PATH]

--scale 1 skips the large help centre (a few minutes instead of about half an hour).
"""

from __future__ import annotations

import cProfile
import gc
import json
import logging
import os
import pstats
import resource
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
# CPU for --scale times the articles, at most this many times --scale times the CPU.
SCALING_SLACK = 1.1
# 60 KB read as 60,000 bytes, the stricter of the two readings.
ARTICLE_PAGE_MAX_BYTES = 60_000
CATEGORY_PAGE_MAX_BYTES = 100_000
# The single-category case: one category of this many articles, then of 5x as many.
ONE_CATEGORY_COUNTS = (50, 250)
ONE_CATEGORY_OTHERS = [20, 20, 20, 20]
# How much the median article page of that category may grow from 50 to 250 articles: the
# sidebar's neighbours have other titles, so not to the byte.
ONE_CATEGORY_GROWTH_MAX_BYTES = 1_000
# How much the same article page may differ between the two sites and still not "grow".
GROWTH_TOLERANCE_BYTES = 16
GROWTH_FACTOR = 5
PLUGIN_SOURCE = "helpcentre/mkdocs_plugin/plugin.py"
# The plugin's own code, its templates included; the article model, lint and search indexing too.
PLUGIN_PACKAGE = "/helpcentre/"


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
    # CPU time of this process and of the programs it waited for (git, for the articles' dates):
    # less disturbed than the wall clock by other work on the machine.
    cpu: float
    # Of which the programs'.
    children_cpu: float = 0.0


def _children_cpu_seconds() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return children.ru_utime + children.ru_stime


def build_once(config_file: Path, profile: cProfile.Profile | None = None) -> BuildTime:
    """Time of one full build, as `mkdocs build` does it: load the config, then build."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    gc.collect()
    started, started_cpu, started_children = time.perf_counter(), time.process_time(), _children_cpu_seconds()
    try:
        if profile is not None:
            profile.enable()
        build(load_config(config_file=str(config_file)))
    except (Abort, ConfigurationError, PluginError) as error:
        raise BenchmarkFailed(f"{config_file}: the build failed: {error}") from error
    finally:
        if profile is not None:
            profile.disable()
    children = _children_cpu_seconds() - started_children
    return BuildTime(time.perf_counter() - started, time.process_time() - started_cpu + children, children)


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


def one_category_check(seed: int, workdir: Path) -> dict[str, Any]:
    """One category of 50, then of 250 articles, the others unchanged: its pages, both times."""
    sizes: dict[int, dict[str, Any]] = {}
    for count in ONE_CATEGORY_COUNTS:
        centre = generate(seed, [count, *ONE_CATEGORY_OTHERS])
        config_file = write_helpcentre(workdir / f"helpcentre-one-category-{count}", centre)
        status(f"one-category build, {count} articles in {centre[0].key}: {build_once(config_file).wall:.2f} s")
        site_dir = config_file.parent / "site"
        pages = article_page_bytes(site_dir, centre[:1])
        largest = max(pages, key=pages.__getitem__)
        sizes[count] = {
            "article_median": int(statistics.median(pages.values())),
            "article_max": pages[largest],
            "article_max_page": largest,
            "category": (site_dir / centre[0].key / "index.html").stat().st_size,
            "category_pages": len(list((site_dir / centre[0].key).glob("page/*/index.html"))) + 1,
            "largest_category_page": max(
                path.stat().st_size
                for path in [site_dir / centre[0].key / "index.html"]
                + list((site_dir / centre[0].key).glob("page/*/index.html"))
            ),
            "in_sitemap": _sitemap_covers(site_dir, centre[0]),
        }
    small, large = ONE_CATEGORY_COUNTS
    return {
        "counts": list(ONE_CATEGORY_COUNTS),
        "other_categories": ONE_CATEGORY_OTHERS,
        "sizes": {str(count): figures for count, figures in sizes.items()},
        "article_median_growth": sizes[large]["article_median"] - sizes[small]["article_median"],
    }


def _sitemap_covers(site_dir: Path, category: Category) -> bool:
    """Every article of the category, and each of its pages, is in the sitemap."""
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    wanted = [f"/{category.key}/{article.slug}/" for article in category.articles]
    wanted += [
        "/" + path.parent.relative_to(site_dir).as_posix() + "/"
        for path in (site_dir / category.key).glob("page/*/index.html")
    ]
    return all(f"{url}</loc>" in sitemap for url in wanted)


def profile_build(config_file: Path, stats_path: Path, articles: int) -> dict[str, Any]:
    """One more helpcentre build under cProfile: the plugin's hooks, and its own share of the build.

    The share is the time spent in the helpcentre package's code and templates (the article
    model, lint and search indexing included) over the whole profiled build; the profiler slows
    Python code, so the share is applied to the unprofiled CPU time of the build's own process to
    give seconds, and the CPU of the programs the build ran (git, which the plugin runs for the
    articles' dates) is added.
    """
    profile = cProfile.Profile()
    took = build_once(config_file, profile)
    seconds = took.wall
    profile.dump_stats(stats_path)
    stats = pstats.Stats(str(stats_path)).stats  # type: ignore[attr-defined]
    hooks = {
        name: round(row[3], 3)
        for (filename, _, name), row in stats.items()
        if filename.endswith(PLUGIN_SOURCE) and name.startswith("on_")
    }
    total = sum(row[2] for row in stats.values())
    own = sum(row[2] for (filename, _, _), row in stats.items() if PLUGIN_PACKAGE in filename)
    return {
        "articles": articles,
        "build_seconds_profiled": round(seconds, 2),
        "hooks_seconds_profiled": hooks,
        "plugin_share": round(own / total, 3) if total else 0.0,
        # The plugin alone runs programs (git); their CPU is not slowed by the profiler.
        "programs_cpu": round(took.children_cpu, 3),
    }


def page_figures(site_dir: Path, plain_site_dir: Path, centre: list[Category]) -> dict[str, Any]:
    pages = article_page_bytes(site_dir, centre)
    plain_pages = article_page_bytes(plain_site_dir, centre)
    largest = max(pages, key=pages.__getitem__)
    category_pages = {
        path.relative_to(site_dir).as_posix(): path.stat().st_size
        for category in centre
        for path in [site_dir / category.key / "index.html", *(site_dir / category.key).glob("page/*/index.html")]
    }
    largest_category = max(category_pages, key=category_pages.__getitem__)
    return {
        "article_median": int(statistics.median(pages.values())),
        "article_max": pages[largest],
        "article_max_page": largest,
        "home": (site_dir / "index.html").stat().st_size,
        "category": category_pages[largest_category],
        "category_page": largest_category,
        "plain_article_median": int(statistics.median(plain_pages.values())),
        "plain_article_max": max(plain_pages.values()),
        "plain_category": max((plain_site_dir / c.key / "index.html").stat().st_size for c in centre),
        "all_articles": pages,
    }


def build_figures(times: dict[str, list[BuildTime]], articles: int) -> dict[str, Any]:
    """Medians and runs of each build; the target is on the CPU-time ratio."""
    figures: dict[str, Any] = {"articles": articles}
    for name, runs in times.items():
        figures[name] = {
            "median": round(statistics.median(run.wall for run in runs), 3),
            "runs": [round(run.wall, 3) for run in runs],
            "cpu_median": round(statistics.median(run.cpu for run in runs), 3),
            "cpu_runs": [round(run.cpu, 3) for run in runs],
        }
        figures[name]["cpu_ms_per_article"] = round(1000 * figures[name]["cpu_median"] / articles, 2)
    figures["ratio"] = round(figures["helpcentre"]["median"] / figures["plain"]["median"], 3)
    figures["cpu_ratio"] = round(figures["helpcentre"]["cpu_median"] / figures["plain"]["cpu_median"], 3)
    # On a busy machine the fastest runs are the least disturbed ones.
    figures["fastest_ratio"] = round(min(figures["helpcentre"]["runs"]) / min(figures["plain"]["runs"]), 3)
    return figures


def _page_limits(label: str, pages: dict[str, Any]) -> list[str]:
    missed = []
    if pages["article_max"] > ARTICLE_PAGE_MAX_BYTES:
        missed.append(
            f"{label}: article page {pages['article_max_page']} is {pages['article_max']:,} B, "
            f"above {ARTICLE_PAGE_MAX_BYTES:,} B"
        )
    category = pages.get("largest_category_page", pages["category"])
    if category > CATEGORY_PAGE_MAX_BYTES:
        missed.append(f"{label}: a category page is {category:,} B, above {CATEGORY_PAGE_MAX_BYTES:,} B")
    return missed


def missed_targets(figures: dict[str, Any]) -> list[str]:
    missed = []
    for build in figures["builds"]:
        if build["cpu_ratio"] > BUILD_RATIO_MAX:
            missed.append(
                f"{build['articles']} articles: CPU ratio helpcentre/plain {build['cpu_ratio']:.3f}"
                f" is above {BUILD_RATIO_MAX}"
            )
    for size, pages in figures["page_bytes"].items():
        missed += _page_limits(f"{size} articles", pages)
    scaling = figures.get("scaling")
    if scaling and scaling["cpu_growth"] > scaling["cpu_growth_max"]:
        missed.append(
            f"{scaling['factor']}x the articles cost {scaling['cpu_growth']:.2f}x the CPU,"
            f" above {scaling['cpu_growth_max']:.2f}x"
        )
    growth = figures["growth"]
    if abs(growth["largest_growth_bytes"]) > GROWTH_TOLERANCE_BYTES:
        before, after = growth["articles_in_other_categories"]
        missed.append(
            f"page weight grows with other categories: {growth['largest_growth_page']} "
            f"is {growth['largest_growth_bytes']:+,} B larger with {after} articles elsewhere "
            f"than with {before} ({growth['bytes_per_article_elsewhere']} B an article)"
        )
    one = figures["one_category"]
    for count, pages in one["sizes"].items():
        missed += _page_limits(f"one category of {count}", pages)
        if not pages["in_sitemap"]:
            missed.append(f"one category of {count}: an article or a category page is missing from the sitemap")
    if one["article_median_growth"] > ONE_CATEGORY_GROWTH_MAX_BYTES:
        small, large = one["counts"]
        missed.append(
            f"an article page grows with its category: the median is {one['article_median_growth']:+,} B"
            f" larger with {large} articles in the category than with {small}"
        )
    return missed


def _size(size: int) -> str:
    return f"{size:>7,} B ({size / 1000:5.1f} KB)"


def _build_line(label: str, build: dict[str, Any]) -> str:
    runs = ", ".join(f"{seconds:.2f}" for seconds in build["cpu_runs"])
    return (
        f"  {label:<24} {build['cpu_median']:7.2f} s CPU  {build['cpu_ms_per_article']:6.2f} ms an article"
        f"   wall {build['median']:.2f} s   CPU runs: {runs}"
    )


def report_text(figures: dict[str, Any]) -> str:
    growth, one = figures["growth"], figures["one_category"]
    before, after = growth["articles_in_other_categories"]
    sample_before, sample_after = growth["sample_bytes"]
    lines = [
        f"Help centre of {figures['articles']} articles in {figures['categories']} categories "
        f"(seed {figures['seed']}), {figures['rounds']} alternating rounds after a warm-up",
    ]
    for build in figures["builds"]:
        lines += [
            "",
            f"Build of {build['articles']} articles, median of the rounds"
            " (CPU of the build and of the programs it ran; wall clock beside it)",
            _build_line("helpcentre plugin", build["helpcentre"]),
            _build_line("plain Material, pruned", build["plain"]),
            f"  CPU ratio helpcentre/plain {build['cpu_ratio']:6.3f}    target <= {BUILD_RATIO_MAX}"
            f"   (wall clock {build['ratio']:.3f}, fastest runs {build['fastest_ratio']:.3f})",
        ]
    scaling = figures.get("scaling")
    if scaling:
        lines += [
            "",
            f"Scaling: {scaling['factor']}x the articles cost {scaling['cpu_growth']:.2f}x the CPU"
            f" (target <= {scaling['cpu_growth_max']:.2f}x); plain Material {scaling['plain_cpu_growth']:.2f}x",
        ]
    for size, pages in figures["page_bytes"].items():
        lines += [
            "",
            f"Page weight, HTML bytes, {size} articles (helpcentre build)",
            f"  article page, median     {_size(pages['article_median'])}",
            f"  article page, max        {_size(pages['article_max'])}  target <= "
            f"{ARTICLE_PAGE_MAX_BYTES:,} B   {pages['article_max_page']}",
            f"  category page, max       {_size(pages['category'])}  target <= "
            f"{CATEGORY_PAGE_MAX_BYTES:,} B   {pages['category_page']}",
            f"  home page                {_size(pages['home'])}",
            f"  plain Material article   {_size(pages['plain_article_median'])}  median, for comparison",
            f"  plain Material category  {_size(pages['plain_category'])}  max, for comparison",
        ]
    lines += [
        "",
        f"Growth: category {growth['category']} ({growth['articles_in_category']} articles) with "
        f"{before} and with {after} articles in the other categories",
        f"  {growth['sample_page']}: {sample_before:,} B -> {sample_after:,} B",
        f"  largest growth over its {growth['pages_compared']} pages: "
        f"{growth['largest_growth_bytes']:+,} B ({growth['bytes_per_article_elsewhere']} B an "
        f"article elsewhere)   target: within {GROWTH_TOLERANCE_BYTES} B",
        "",
        f"Growth within one category: {' and '.join(map(str, one['counts']))} articles in it,"
        f" {sum(one['other_categories'])} in {len(one['other_categories'])} others",
    ]
    for count, pages in one["sizes"].items():
        lines.append(
            f"  {count:>4} articles: article page median {pages['article_median']:,} B, max {pages['article_max']:,} B;"
            f" category page {pages['category']:,} B ({pages['category_pages']} page(s), largest"
            f" {pages['largest_category_page']:,} B); all in the sitemap: {'yes' if pages['in_sitemap'] else 'NO'}"
        )
    lines.append(
        f"  median article page growth {one['article_median_growth']:+,} B"
        f"   target <= {ONE_CATEGORY_GROWTH_MAX_BYTES:,} B"
    )
    if "profile" in figures:
        profile = figures["profile"]
        per_thousand = figures["plugin_seconds_per_1000"]
        lines += [
            "",
            f"The plugin's own share of the build ({profile['articles']} articles, profiled):"
            f" {100 * figures['plugin_share_of_build']:.1f}% of the CPU, {per_thousand:.2f} s per 1,000 articles"
            f" ({100 * profile['plugin_share']:.1f}% of the build's Python, and the programs it ran"
            f" {profile['programs_cpu']:.2f} s)",
            f"  profiled build {profile['build_seconds_profiled']:.2f} s; cumulative seconds in its hooks:",
        ]
        hooks = sorted(profile["hooks_seconds_profiled"].items(), key=lambda item: -item[1])
        lines += [f"  {name:<24} {seconds:6.2f} s" for name, seconds in hooks]
    lines.append("")
    lines += [f"MISSED: {message}" for message in figures["missed"]] or ["All targets met."]
    return "\n".join(lines)


def measure_size(
    seed: int, counts: list[int], workdir: Path, rounds: int, warm_ups: dict[str, Path] | None
) -> tuple[dict[str, Any], dict[str, Any], list[Category], dict[str, Path]]:
    """Both builds of one help centre, alternating: their times and the helpcentre site's pages."""
    centre = generate(seed, counts)
    articles = sum(counts)
    builds = {
        "helpcentre": write_helpcentre(workdir / f"helpcentre-{articles}", centre),
        "plain": write_plain(workdir / f"plain-{articles}", centre),
    }
    status(f"generated {articles} articles in {len(counts)} categories in {workdir}")
    times = timed_rounds(builds, warm_ups or {}, rounds)
    pages = page_figures(builds["helpcentre"].parent / "site", builds["plain"].parent / "site", centre)
    return build_figures(times, articles), pages, centre, builds


@click.command()
@click.option("--articles", default=1000, show_default=True, type=click.IntRange(min=2))
@click.option("--categories", default=20, show_default=True, type=click.IntRange(min=2))
@click.option("--rounds", default=3, show_default=True, type=click.IntRange(min=1))
@click.option(
    "--scale", default=5, show_default=True, type=click.IntRange(min=1), help="Also build this many times the articles."
)
@click.option("--scale-rounds", default=1, show_default=True, type=click.IntRange(min=1))
@click.option("--seed", default=1, show_default=True, help="Seed of the synthetic content.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), help="Write the figures here.")
@click.option(
    "--profile",
    "profile_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Profile one more helpcentre build; write the pstats here and show the plugin's hooks and share.",
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
    scale: int,
    scale_rounds: int,
    seed: int,
    json_path: Path | None,
    profile_path: Path | None,
    keep: Path | None,
) -> None:
    """Build CPU against plain Material at two sizes, and HTML bytes of the pages."""
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
        # Warm-ups import and compile what both builds use; a 2-article-a-category copy does that
        # as well as the full site and keeps the whole run within a few minutes.
        tiny = generate(seed, [min(2, count) for count in counts])
        warm_ups = {
            "helpcentre": write_helpcentre(workdir / "warm-up-helpcentre", tiny),
            "plain": write_plain(workdir / "warm-up-plain", tiny),
        }
        build, pages, centre, builds = measure_size(seed, counts, workdir, rounds, warm_ups)
        all_builds, page_bytes = [build], {str(articles): pages}
        growth = growth_check(seed, counts, workdir, pages.pop("all_articles"))
        one_category = one_category_check(seed, workdir)
        profile = profile_build(builds["helpcentre"], profile_path, articles) if profile_path else None
        if scale > 1:
            large = [count * scale for count in counts]
            large_build, large_pages, _, _ = measure_size(seed, large, workdir, scale_rounds, None)
            large_pages.pop("all_articles")
            all_builds.append(large_build)
            page_bytes[str(sum(large))] = large_pages

    figures: dict[str, Any] = {
        "articles": articles,
        "categories": categories,
        "rounds": rounds,
        "seed": seed,
        "builds": all_builds,
        "page_bytes": page_bytes,
        "growth": growth,
        "one_category": one_category,
        "targets": {
            "build_cpu_ratio_max": BUILD_RATIO_MAX,
            "scaling_slack": SCALING_SLACK,
            "article_page_max_bytes": ARTICLE_PAGE_MAX_BYTES,
            "category_page_max_bytes": CATEGORY_PAGE_MAX_BYTES,
            "growth_tolerance_bytes": GROWTH_TOLERANCE_BYTES,
            "one_category_growth_max_bytes": ONE_CATEGORY_GROWTH_MAX_BYTES,
        },
    }
    if len(all_builds) > 1:
        small, large = all_builds
        figures["scaling"] = {
            "factor": scale,
            "cpu_growth": round(large["helpcentre"]["cpu_median"] / small["helpcentre"]["cpu_median"], 3),
            "cpu_growth_max": round(SCALING_SLACK * scale, 3),
            "plain_cpu_growth": round(large["plain"]["cpu_median"] / small["plain"]["cpu_median"], 3),
        }
    if profile:
        figures["profile"] = profile
        python_cpu = build["helpcentre"]["cpu_median"] - profile["programs_cpu"]
        figures["plugin_seconds_per_1000"] = round(
            (profile["plugin_share"] * python_cpu + profile["programs_cpu"]) * 1000 / articles, 3
        )
        figures["plugin_share_of_build"] = round(
            figures["plugin_seconds_per_1000"] * articles / 1000 / build["helpcentre"]["cpu_median"], 3
        )
    figures["missed"] = missed_targets(figures)
    figures["wall_seconds"] = round(time.perf_counter() - started, 1)
    click.echo(report_text(figures))
    if json_path:
        json_path.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    status(f"the benchmark took {figures['wall_seconds']:.0f} s")
    sys.exit(1 if figures["missed"] else 0)


if __name__ == "__main__":
    main()
