"""Build time and page weight of a 1,000-article help centre, against plain Material.

Requirement: page weight does not grow with the number of articles in other categories
(help-centre navigation, pruned). This script generates a synthetic help centre, builds it
with the `helpcentre` plugin and as a plain Material for MkDocs site with `navigation.prune`
(same pages, explicit `nav:`), alternating in one process, and checks the targets below.
Exit 0 when every target is met, 1 when one is missed, 2 when the benchmark itself failed.

    .venv/bin/python scripts/bench/build_weight.py [--articles 1000] [--categories 20]
        [--rounds 3] [--json PATH]
"""

from __future__ import annotations

import gc
import json
import logging
import os
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
import yaml

BUILD_RATIO_MAX = 1.15
# 60 KB read as 60,000 bytes, the stricter of the two readings.
ARTICLE_PAGE_MAX_BYTES = 60_000
# The same article page in both sites may differ by this much and still count as "not growing".
GROWTH_TOLERANCE_BYTES = 16
GROWTH_FACTOR = 5

CATEGORY_TOPICS = [
    ("Billing & Account", "credit-card-outline"),
    ("Getting Started", "rocket-launch-outline"),
    ("Clients & Payments", "account-multiple-outline"),
    ("Policies & Legal", "scale-balance"),
    ("Scheduling", "calendar-clock"),
    ("Clinical Notes", "note-text-outline"),
    ("Documents & Forms", "file-document-outline"),
    ("Security & Privacy", "shield-lock-outline"),
    ("Reports", "chart-bar"),
    ("Telehealth", "video-outline"),
    ("Messaging", "message-text-outline"),
    ("Reminders", "bell-outline"),
    ("Integrations", "puzzle-outline"),
    ("Data Export", "database-export-outline"),
    ("Mobile App", "cellphone"),
    ("Staff & Permissions", "account-key-outline"),
    ("Treatment Plans", "clipboard-text-outline"),
    ("Insurance Claims", "hospital-box-outline"),
    ("Payroll & Fees", "cash-multiple"),
    ("Troubleshooting", "help-circle-outline"),
    ("Settings", "cog-outline"),
    ("Email & Notifications", "email-outline"),
]
VERBS = [
    "change", "set up", "edit", "view", "print", "export", "cancel", "restore", "share", "archive",
    "import", "review", "update", "remove", "schedule", "approve", "sign", "send", "merge", "find",
]
OBJECTS = [
    "the card or bank info for your account", "a client's payment receipt", "your monthly invoice",
    "an appointment reminder", "a recurring appointment", "a progress note template",
    "the practice address", "a staff member's permissions", "an insurance claim",
    "a superbill", "the client portal invitation", "a treatment plan", "a signed consent form",
    "the fee schedule", "a telehealth session link", "the daily schedule report",
    "a client's contact details", "an intake questionnaire", "a group session",
    "the billing contact info", "a change request", "a saved payment method",
    "a referral letter", "the document library", "a waitlist entry", "a co-pay amount",
    "the diagnosis codes on a claim", "a provider's availability", "an unpaid balance",
    "a session note lock", "the reminder message text", "a client's insurance policy",
    "a payroll report", "a cancellation fee", "a client's file upload", "a secure message",
    "the two-step sign-in", "an ERA remittance", "a credit card refund", "a calendar sync",
]
TITLE_FORMS = [
    "How to {verb} {object}",
    "{Verb} {object}",
    "Why can't I {verb} {object}?",
    "What happens when you {verb} {object}",
]
UI_PAGES = [
    "Setup", "Therasoft Billing", "Clients", "Calendar", "Reports", "Documents", "Staff",
    "Practice Settings", "Insurance", "Messages", "Client Portal", "Payments",
]
UI_CONTROLS = [
    "Card Details", "Save", "Edit", "New", "Print", "Export", "Send", "Add Row", "Options",
    "Confirm", "Status", "History", "Filters", "Apply", "Templates", "Details",
]
TAG_WORDS = [
    "payment method", "invoice", "card", "bank account", "calendar", "reminders", "clients",
    "notes", "claims", "reports", "portal", "telehealth", "permissions", "documents",
    "export", "security", "messages", "fees", "insurance", "staff",
]
SENTENCES = [
    "You can {verb} {object} at any time, and the change applies from the next billing cycle.",
    "Only the account owner and staff with the {page} permission can do this.",
    "Therasoft keeps a history of every change, so nothing you do here is lost.",
    "If the option is greyed out, your role may not include access to the {page} page.",
    "The change is visible to your whole practice as soon as you save it.",
    "Clients are not notified unless you choose to send them an email.",
    "Most practices do this once, when they first set up their account.",
    "The same steps work in the mobile app, although the buttons sit in a menu there.",
    "Allow a few minutes for reports to include the new details.",
    "Your existing appointments and invoices are not affected.",
]


@dataclass
class Article:
    category: str
    index: int
    id: int
    title: str
    slug: str
    summary: str
    tags: list[str]
    related: list[str]
    links: list[tuple[str, str]]
    steps: list[str]
    paragraphs: list[str]
    promoted: bool

    @property
    def path(self) -> str:
        return f"{self.category}/{self.slug}.md"

    @property
    def ref(self) -> str:
        return f"{self.category}/{self.slug}"


@dataclass
class Category:
    key: str
    title: str
    description: str
    icon: str
    articles: list[Article] = field(default_factory=list)

    def in_nav_order(self) -> list[Article]:
        """The plugin lists a category's articles by title, case-insensitively."""
        return sorted(self.articles, key=lambda article: article.title.casefold())


# -- The synthetic help centre -------------------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def make_categories(count: int) -> list[tuple[str, str, str]]:
    """(key, title, icon) of `count` categories; topics repeat with a number past the list."""
    found = []
    for number in range(count):
        title, icon = CATEGORY_TOPICS[number % len(CATEGORY_TOPICS)]
        if number >= len(CATEGORY_TOPICS):
            title = f"{title} {number // len(CATEGORY_TOPICS) + 1}"
        found.append((_slug(title), title, icon))
    return found


def _titles(seed: int, key: str) -> list[str]:
    """Every title a category can use, in a per-category order that ignores its size."""
    combos = [(form, verb, obj) for form in TITLE_FORMS for verb in VERBS for obj in OBJECTS]
    random.Random(f"{seed}:{key}").shuffle(combos)
    return [form.format(verb=verb, Verb=verb.capitalize(), object=obj) for form, verb, obj in combos]


def generate(seed: int, counts: list[int]) -> list[Category]:
    """A help centre with `counts[k]` articles in category k.

    Each article depends only on the seed, its category, its index and the sizes of the
    categories it references, so a category's pages come out byte-for-byte the same when
    only other categories grow.
    """
    categories = [
        Category(key, title, f"{title}: answers and step-by-step guides for your practice.", icon)
        for key, title, icon in make_categories(len(counts))
    ]
    for number, (category, count) in enumerate(zip(categories, counts, strict=True)):
        titles = _titles(seed, category.key)
        for index in range(count):
            title = titles[index % len(titles)]
            if index >= len(titles):
                title = f"{title} (part {index // len(titles) + 1})"
            category.articles.append(
                _article(seed, categories, counts, number, index, title)
            )
    return categories


def _article(
    seed: int, categories: list[Category], counts: list[int], number: int, index: int, title: str
) -> Article:
    rng = random.Random(f"{seed}:{categories[number].key}:{index}")
    key = categories[number].key
    verb, obj, page = rng.choice(VERBS), rng.choice(OBJECTS), rng.choice(UI_PAGES)

    def titled(category: int, other: int) -> str:
        titles = _titles(seed, categories[category].key)
        return titles[other % len(titles)]

    def other_in(category: int, limit: int) -> int:
        choices = [i for i in range(min(limit, 50)) if (category, i) != (number, index)]
        return rng.choice(choices)

    related = []
    for _ in range(rng.randint(2, 3)):
        # Mostly the same category; sometimes an article anywhere, among the first of its
        # category that exist however large the other categories grow.
        other_category = number if rng.random() < 0.7 else rng.randrange(len(categories))
        limit = counts[number] if other_category == number else min(counts[other_category], counts[number])
        if limit < 2:
            continue
        other = other_in(other_category, limit)
        reference = f"{categories[other_category].key}/{_slug(titled(other_category, other))}"
        if reference not in related:
            related.append(reference)
    links = []
    if counts[number] > 1:
        for _ in range(rng.randint(3, 5)):
            other = other_in(number, counts[number])
            link = (titled(number, other), f"{_slug(titled(number, other))}.md")
            if link not in links:
                links.append(link)
    steps = [f"Go to the **{page}** menu"]
    for _ in range(rng.randint(3, 5)):
        steps.append(
            rng.choice(
                [
                    "Click the **{control}** button",
                    "Select **{control}**",
                    "Open the **{control}** tab and check the details",
                    "Choose **{control}**, then confirm with **Save**",
                ]
            ).format(control=rng.choice(UI_CONTROLS))
        )
    paragraphs = [
        " ".join(
            rng.choice(SENTENCES).format(verb=verb, object=obj, page=page)
            for _ in range(rng.randint(2, 4))
        )
        for _ in range(rng.randint(2, 3))
    ]
    return Article(
        category=key,
        index=index,
        id=(number + 1) * 100_000 + index + 1,
        title=title,
        slug=_slug(title),
        summary=f"{verb.capitalize()} {obj} from the {page} page, and what it changes for your practice.",
        tags=rng.sample(TAG_WORDS, rng.randint(3, 5)),
        related=related,
        links=links,
        steps=steps,
        paragraphs=paragraphs,
        promoted=rng.random() < 0.01,
    )


def article_markdown(article: Article) -> str:
    front_matter: dict[str, Any] = {
        "id": article.id,
        "title": article.title,
        "summary": article.summary,
        "category": article.category,
        "tags": article.tags,
    }
    if article.promoted:
        front_matter["promoted"] = True
        front_matter["search"] = {"boost": 3}
    front_matter["related"] = article.related
    steps = "\n".join(f"{number}. {step}" for number, step in enumerate(article.steps, 1))
    links = "\n".join(f"- [{title}]({target})" for title, target in article.links)
    parts = [
        article.paragraphs[0],
        f"## Steps to {article.title[0].lower()}{article.title[1:].rstrip('?')}",
        steps,
        *article.paragraphs[1:],
    ]
    if links:
        parts += ["## Other things you can do", links]
    parts.append("For questions about this, please [contact our support team](contact:).")
    yaml_text = yaml.safe_dump(front_matter, sort_keys=False, allow_unicode=True)
    return f"---\n{yaml_text}---\n\n" + "\n\n".join(parts) + "\n"


# -- The two sites -------------------------------------------------------------------------------

HOME = {"title": "How can we help?", "lead": "Search the help centre or browse by topic."}
CONTACT = {
    "title": "Still need help?",
    "text": "Contact our billing department",
    "label": "Contact billing",
    "url": "mailto:billing@example.com",
}


def _base_config(docs_dir: Path, site_dir: Path) -> dict[str, Any]:
    """What both sites share; mirrors the repository's mkdocs.yml."""
    return {
        "site_name": "Therasoft Help Centre",
        "site_description": "Answers and step-by-step guides for Therasoft.",
        "site_url": "http://127.0.0.1:8000/",
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        # Both sites must build without a single warning, or they would not be the same site.
        "strict": True,
        "theme": {
            "name": "material",
            "font": False,
            "language": "en",
            "icon": {"logo": "material/lifebuoy"},
            "palette": {"primary": "teal", "accent": "deep orange"},
            "features": [
                "navigation.indexes",
                "navigation.prune",
                "navigation.footer",
                "search.highlight",
                "search.suggest",
                "content.code.copy",
            ],
        },
        "markdown_extensions": [
            "admonition",
            "attr_list",
            "md_in_html",
            {"toc": {"permalink": True}},
            "pymdownx.superfences",
            {"pymdownx.tasklist": {"custom_checkbox": True}},
        ],
        "validation": {
            "omitted_files": "warn",
            "absolute_links": "warn",
            "unrecognized_links": "warn",
            "anchors": "warn",
        },
    }


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _write_articles(docs_dir: Path, categories: list[Category]) -> None:
    for category in categories:
        for article in category.articles:
            _write(docs_dir / article.path, article_markdown(article))


def write_helpcentre(root: Path, categories: list[Category]) -> Path:
    """Articles only: the plugin generates the home page, category pages and the nav."""
    _write_articles(root / "docs", categories)
    config = _base_config(root / "docs", root / "site")
    config["plugins"] = [
        {"search": {"lang": "en"}},
        {
            "helpcentre": {
                "home": HOME,
                "contact": CONTACT,
                "categories": [
                    {"key": c.key, "title": c.title, "description": c.description, "icon": f"material/{c.icon}"}
                    for c in categories
                ],
            }
        },
    ]
    _write(root / "mkdocs.yml", yaml.safe_dump(config, sort_keys=False))
    return root / "mkdocs.yml"


def _plain_page(front_matter: dict[str, Any], body: str) -> str:
    return f"---\n{yaml.safe_dump(front_matter, sort_keys=False)}---\n\n{body}\n"


def write_plain(root: Path, categories: list[Category]) -> Path:
    """The same articles, with the home and category pages written by hand and an explicit nav."""
    docs = root / "docs"
    _write_articles(docs, categories)
    promoted = sorted((a for c in categories for a in c.articles if a.promoted), key=lambda a: a.id)
    cards = "\n".join(
        f"- [{c.title}]({c.key}/index.md) — {len(c.articles)} articles. {c.description}" for c in categories
    )
    popular = "\n".join(f"- [{a.title}]({a.path}) — {a.summary}" for a in promoted)
    home = f"# {HOME['title']}\n\n{HOME['lead']}\n\n## Browse by topic\n\n{cards}\n"
    if popular:
        home += f"\n## Popular articles\n\n{popular}\n"
    home_meta = {"title": HOME["title"], "hide": ["navigation", "toc"], "search": {"exclude": True}}
    _write(docs / "index.md", _plain_page(home_meta, home))
    nav: list[Any] = [{"Home": "index.md"}]
    for category in categories:
        ordered = category.in_nav_order()
        listing = "\n".join(f"- [{a.title}]({a.slug}.md) — {a.summary}" for a in ordered)
        body = f"# {category.title}\n\n{category.description}\n\n{len(ordered)} articles\n\n{listing}"
        meta = {"title": category.title, "hide": ["toc"], "search": {"exclude": True}}
        _write(docs / category.key / "index.md", _plain_page(meta, body))
        nav.append({category.title: [f"{category.key}/index.md", *(a.path for a in ordered)]})
    config = _base_config(docs, root / "site")
    config["plugins"] = [{"search": {"lang": "en"}}]
    config["nav"] = nav
    _write(root / "mkdocs.yml", yaml.safe_dump(config, sort_keys=False, allow_unicode=True))
    return root / "mkdocs.yml"


# -- Building and measuring ----------------------------------------------------------------------


class BenchmarkFailed(click.ClickException):
    """The benchmark could not measure; distinct from a missed target."""

    exit_code = 2


def build_once(config_file: Path) -> float:
    """Wall time of one full build, as `mkdocs build` does it: load the config, then build."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    gc.collect()
    started = time.perf_counter()
    try:
        build(load_config(config_file=str(config_file)))
    except (Abort, ConfigurationError, PluginError) as error:
        raise BenchmarkFailed(f"{config_file}: the build failed: {error}") from error
    return time.perf_counter() - started


def article_page_bytes(site_dir: Path, categories: list[Category]) -> dict[str, int]:
    """HTML bytes of every article page, by its docs path."""
    return {
        article.path: (site_dir / article.category / article.slug / "index.html").stat().st_size
        for category in categories
        for article in category.articles
    }


def split_counts(articles: int, categories: int) -> list[int]:
    base, extra = divmod(articles, categories)
    return [base + (1 if number < extra else 0) for number in range(categories)]


def status(message: str) -> None:
    click.echo(message, err=True)


def quiet_mkdocs() -> None:
    """Warnings and errors only, formatted as the mkdocs command does; strict turns them fatal."""
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.WARNING)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger.addHandler(handler)


def timed_rounds(builds: dict[str, Path], rounds: int) -> dict[str, list[float]]:
    """One warm-up build of each, then `rounds` rounds, alternating which goes first."""
    names = list(builds)
    for name in names:
        status(f"warm-up {name} build: {build_once(builds[name]):.2f} s")
    times: dict[str, list[float]] = {name: [] for name in names}
    for number in range(rounds):
        order = names if number % 2 == 0 else names[::-1]
        for name in order:
            seconds = build_once(builds[name])
            times[name].append(seconds)
            status(f"round {number + 1}/{rounds} {name} build: {seconds:.2f} s")
    return times


def growth_check(
    seed: int, counts: list[int], workdir: Path, base_pages: dict[str, int], build: Callable[[Path], float]
) -> dict[str, Any]:
    """Rebuild with every other category `GROWTH_FACTOR` times larger; category 0 must not change."""
    grown_counts = [counts[0], *(count * GROWTH_FACTOR for count in counts[1:])]
    grown = generate(seed, grown_counts)
    config_file = write_helpcentre(workdir / "helpcentre-grown", grown)
    status(f"growth build ({sum(grown_counts)} articles, {sum(grown_counts[1:])} in other categories)...")
    seconds = build(config_file)
    status(f"growth build: {seconds:.2f} s")
    grown_pages = article_page_bytes(config_file.parent / "site", grown[:1])
    watched = sorted(grown_pages)
    differences = {path: grown_pages[path] - base_pages[path] for path in watched}
    sample = watched[len(watched) // 2]
    worst = max(watched, key=lambda path: abs(differences[path]))
    return {
        "factor": GROWTH_FACTOR,
        "category": grown[0].key,
        "articles_in_category": counts[0],
        "articles_in_other_categories": [sum(counts[1:]), sum(grown_counts[1:])],
        "pages_compared": len(watched),
        "sample_page": sample,
        "sample_bytes": [base_pages[sample], grown_pages[sample]],
        "largest_difference_page": worst,
        "largest_difference_bytes": differences[worst],
        "build_seconds": round(seconds, 3),
    }


def _kb(size: int) -> str:
    return f"{size:,} B ({size / 1000:.1f} KB)"


def report_text(figures: dict[str, Any]) -> str:
    build, pages, growth = figures["build"], figures["page_bytes"], figures["growth"]
    lines = [
        f"Help centre of {figures['articles']} articles in {figures['categories']} categories "
        f"(seed {figures['seed']}, {figures['rounds']} rounds after one warm-up each)",
        "",
        "Build time (median of the rounds)",
        f"  helpcentre plugin      {build['helpcentre_median']:7.2f} s   runs: "
        + ", ".join(f"{s:.2f}" for s in build["helpcentre_runs"]),
        f"  plain Material, pruned {build['plain_median']:7.2f} s   runs: "
        + ", ".join(f"{s:.2f}" for s in build["plain_runs"]),
        f"  ratio helpcentre/plain {build['ratio']:7.3f}     target <= {BUILD_RATIO_MAX}",
        "",
        "Page weight (HTML bytes, helpcentre build)",
        f"  article page, median   {_kb(pages['article_median'])}",
        f"  article page, max      {_kb(pages['article_max'])}   {pages['article_max_page']}"
        f"   target <= {_kb(ARTICLE_PAGE_MAX_BYTES)}",
        f"  home page              {_kb(pages['home'])}",
        f"  category page          {_kb(pages['category'])}   {pages['category_page']}",
        f"  plain article, median  {_kb(pages['plain_article_median'])}   (for comparison)",
        "",
        f"Growth: other categories x{growth['factor']} "
        f"({growth['articles_in_other_categories'][0]} -> {growth['articles_in_other_categories'][1]} articles), "
        f"category {growth['category']} unchanged ({growth['articles_in_category']} articles)",
        f"  {growth['sample_page']}: {growth['sample_bytes'][0]:,} B -> {growth['sample_bytes'][1]:,} B",
        f"  largest difference over {growth['pages_compared']} pages: "
        f"{growth['largest_difference_bytes']:+,} B ({growth['largest_difference_page']})"
        f"   target: within {GROWTH_TOLERANCE_BYTES} B",
        "",
    ]
    if figures["missed"]:
        lines += [f"MISSED: {message}" for message in figures["missed"]]
    else:
        lines.append("All targets met.")
    return "\n".join(lines)


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
    if abs(growth["largest_difference_bytes"]) > GROWTH_TOLERANCE_BYTES:
        missed.append(
            f"page weight grows with other categories: {growth['largest_difference_page']} changed by "
            f"{growth['largest_difference_bytes']:+,} B when they grew x{growth['factor']}"
        )
    return missed


@click.command()
@click.option("--articles", default=1000, show_default=True, type=click.IntRange(min=2), help="Synthetic articles.")
@click.option("--categories", default=20, show_default=True, type=click.IntRange(min=2), help="Categories.")
@click.option("--rounds", default=3, show_default=True, type=click.IntRange(min=1), help="Timed rounds.")
@click.option("--seed", default=1, show_default=True, help="Seed of the synthetic content.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), help="Also write the figures here.")
@click.option("--keep", type=click.Path(file_okay=False, path_type=Path), help="Generate and build here, and keep it.")
def main(articles: int, categories: int, rounds: int, seed: int, json_path: Path | None, keep: Path | None) -> None:
    """Build time against plain Material, and HTML bytes per article page."""
    if articles < categories:
        raise click.BadParameter("need at least one article per category", param_hint="--articles")
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
        status(f"generated {articles} articles in {categories} categories under {workdir}")
        times = timed_rounds(builds, rounds)

        hc_site = builds["helpcentre"].parent / "site"
        pages = article_page_bytes(hc_site, centre)
        plain_pages = article_page_bytes(builds["plain"].parent / "site", centre)
        largest = max(pages, key=pages.__getitem__)
        category_page = f"{centre[0].key}/index.html"
        page_bytes = {
            "article_median": int(statistics.median(pages.values())),
            "article_max": pages[largest],
            "article_max_page": largest,
            "home": (hc_site / "index.html").stat().st_size,
            "category": (hc_site / category_page).stat().st_size,
            "category_page": category_page,
            "plain_article_median": int(statistics.median(plain_pages.values())),
        }
        growth = growth_check(seed, counts, workdir, pages, build_once)

    hc_median, plain_median = statistics.median(times["helpcentre"]), statistics.median(times["plain"])
    figures: dict[str, Any] = {
        "articles": articles,
        "categories": categories,
        "rounds": rounds,
        "seed": seed,
        "build": {
            "helpcentre_median": round(hc_median, 3),
            "plain_median": round(plain_median, 3),
            "ratio": round(hc_median / plain_median, 3),
            "helpcentre_runs": [round(s, 3) for s in times["helpcentre"]],
            "plain_runs": [round(s, 3) for s in times["plain"]],
        },
        "page_bytes": page_bytes,
        "growth": growth,
        "targets": {
            "build_ratio_max": BUILD_RATIO_MAX,
            "article_page_max_bytes": ARTICLE_PAGE_MAX_BYTES,
            "growth_tolerance_bytes": GROWTH_TOLERANCE_BYTES,
        },
    }
    figures["missed"] = missed_targets(figures)
    figures["wall_seconds"] = round(time.perf_counter() - started, 1)
    click.echo(report_text(figures))
    if json_path:
        json_path.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    status(f"benchmark took {figures['wall_seconds']:.0f} s")
    if figures["missed"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
