"""A synthetic help centre, written out twice: for the helpcentre plugin and for plain Material.

Deterministic for a seed. An article depends only on the seed, its category, its index and
its own category's size, so a category's pages come out byte-for-byte the same whatever
size the other categories are; the page-weight benchmark relies on that.
"""

from __future__ import annotations

import functools
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# fmt: off
CATEGORY_TOPICS = [
    ("Billing & Account", "credit-card-outline"), ("Getting Started", "rocket-launch-outline"),
    ("Clients & Payments", "account-multiple-outline"), ("Policies & Legal", "scale-balance"),
    ("Scheduling", "calendar-clock"), ("Clinical Notes", "note-text-outline"),
    ("Documents & Forms", "file-document-outline"), ("Security & Privacy", "shield-lock-outline"),
    ("Reports", "chart-bar"), ("Telehealth", "video-outline"),
    ("Messaging", "message-text-outline"), ("Reminders", "bell-outline"),
    ("Integrations", "puzzle-outline"), ("Data Export", "database-export-outline"),
    ("Mobile App", "cellphone"), ("Staff & Permissions", "account-key-outline"),
    ("Treatment Plans", "clipboard-text-outline"), ("Insurance Claims", "hospital-box-outline"),
    ("Payroll & Fees", "cash-multiple"), ("Troubleshooting", "help-circle-outline"),
    ("Settings", "cog-outline"), ("Email & Notifications", "email-outline"),
]
VERBS = [
    "change", "set up", "edit", "view", "print", "export", "cancel", "restore", "share", "archive",
    "import", "review", "update", "remove", "schedule", "approve", "sign", "send", "merge", "find",
]
OBJECTS = [
    "the card or bank info for your account", "a client's payment receipt", "your monthly invoice",
    "an appointment reminder", "a recurring appointment", "a progress note template",
    "the practice address", "a staff member's permissions", "an insurance claim", "a superbill",
    "the client portal invitation", "a treatment plan", "a signed consent form", "the fee schedule",
    "a telehealth session link", "the daily schedule report", "a client's contact details",
    "an intake questionnaire", "a group session", "the billing contact info", "a change request",
    "a saved payment method", "a referral letter", "the document library", "a waitlist entry",
    "a co-pay amount", "the diagnosis codes on a claim", "a provider's availability", "an unpaid balance",
    "a session note lock", "the reminder message text", "a client's insurance policy", "a payroll report",
    "a cancellation fee", "a client's file upload", "a secure message", "the two-step sign-in",
    "an ERA remittance", "a credit card refund", "a calendar sync",
]
TITLE_FORMS = [
    "How to {verb} {object}", "{Verb} {object}", "Why can't I {verb} {object}?",
    "What happens when you {verb} {object}",
]
UI_PAGES = [
    "Setup", "Therasoft Billing", "Clients", "Calendar", "Reports", "Documents", "Staff",
    "Practice Settings", "Insurance", "Messages", "Client Portal", "Payments",
]
UI_CONTROLS = [
    "Card Details", "Save", "Edit", "New", "Print", "Export", "Send", "Add Row", "Options", "Confirm",
    "Status", "History", "Filters", "Apply", "Templates", "Details",
]
TAG_WORDS = [
    "payment method", "invoice", "card", "bank account", "calendar", "reminders", "clients", "notes",
    "claims", "reports", "portal", "telehealth", "permissions", "documents", "export", "security",
    "messages", "fees", "insurance", "staff",
]
# fmt: on
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
    task: str
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

    @functools.cached_property
    def markdown(self) -> str:
        return article_markdown(self)


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


@functools.cache
def _file_slug(key: str, title: str) -> str:
    """Unique across the help centre, as lint requires: two categories may share a title."""
    return f"{key}-{_slug(title)}"


def _title_plan(seed: int, key: str) -> list[tuple[str, str, str]]:
    """(form, verb, object) of every title a category can use, in an order that ignores its size."""
    combos = [(form, verb, obj) for form in TITLE_FORMS for verb in VERBS for obj in OBJECTS]
    random.Random(f"{seed}:{key}").shuffle(combos)
    return combos


def _title(seed: int, key: str, index: int) -> tuple[str, str, str]:
    """(title, verb, object) of article `index` of a category; unique within the category."""
    plan = _title_plan(seed, key)
    form, verb, obj = plan[index % len(plan)]
    title = form.format(verb=verb, Verb=verb.capitalize(), object=obj)
    if index >= len(plan):
        title = f"{title} (part {index // len(plan) + 1})"
    return title, verb, obj


def generate(seed: int, counts: list[int]) -> list[Category]:
    """A help centre with `counts[k]` articles in category k."""
    categories = [
        Category(key, title, f"{title}: answers and step-by-step guides for your practice.", icon)
        for key, title, icon in make_categories(len(counts))
    ]
    keys = [category.key for category in categories]
    for category, count in zip(categories, counts, strict=True):
        category.articles = [_article(seed, keys, category.key, count, index) for index in range(count)]
    return categories


def _article(seed: int, keys: list[str], key: str, count: int, index: int) -> Article:
    rng = random.Random(f"{seed}:{key}:{index}")
    title, verb, obj = _title(seed, key, index)
    page = rng.choice(UI_PAGES)
    # Other articles of the same category: indices of range(count) with this one left out.
    others = [other if other < index else other + 1 for other in range(count - 1)]

    def ref(other_key: str, other: int) -> str:
        return f"{other_key}/{_file_slug(other_key, _title(seed, other_key, other)[0])}"

    related: list[str] = []
    for _ in range(rng.randint(2, 3)):
        if others and rng.random() < 0.7:
            reference = ref(key, rng.choice(others))
        else:
            # Across categories, to the other category's first article, which every size has.
            other_key = rng.choice([k for k in keys if k != key])
            reference = ref(other_key, 0)
        if reference not in related:
            related.append(reference)
    links = []
    for other in rng.sample(others, min(len(others), rng.randint(3, 5))):
        other_title = _title(seed, key, other)[0]
        links.append((other_title, f"{_file_slug(key, other_title)}.md"))
    steps = [f"Go to the **{page}** menu"]
    for _ in range(rng.randint(3, 5)):
        step = rng.choice(
            [
                "Click the **{control}** button",
                "Select **{control}**",
                "Open the **{control}** tab and check the details",
                "Choose **{control}**, then confirm with **Save**",
            ]
        )
        steps.append(step.format(control=rng.choice(UI_CONTROLS)))
    paragraphs = [
        " ".join(rng.choice(SENTENCES).format(verb=verb, object=obj, page=page) for _ in range(rng.randint(2, 4)))
        for _ in range(rng.randint(2, 3))
    ]
    return Article(
        category=key,
        index=index,
        id=(keys.index(key) + 1) * 100_000 + index + 1,
        title=title,
        slug=_file_slug(key, title),
        task=f"{verb} {obj}",
        summary=f"{verb.capitalize()} {obj} from the {page} page, and what it changes for you.",
        tags=rng.sample(TAG_WORDS, rng.randint(3, 5)),
        related=related,
        links=links,
        steps=steps,
        paragraphs=paragraphs,
        promoted=rng.random() < 0.01,
    )


def article_markdown(article: Article) -> str:
    """The article's file: front matter like the real articles', then a few paragraphs and lists."""
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
        f"## Steps to {article.task}",
        steps,
        *article.paragraphs[1:],
    ]
    if links:
        parts += ["## Other things you can do", links]
    parts.append("For questions about this, please [contact our support team](contact:).")
    yaml_text = yaml.safe_dump(front_matter, sort_keys=False, allow_unicode=True)
    return f"---\n{yaml_text}---\n\n" + "\n\n".join(parts) + "\n"


HOME = {"title": "How can we help?", "lead": "Search the help centre or browse by topic."}
CONTACT = {
    "title": "Still need help?",
    "text": "Contact our billing department",
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
            _write(docs_dir / article.path, article.markdown)


def write_helpcentre(root: Path, categories: list[Category]) -> Path:
    """Articles only: the plugin generates the home page, category pages and the nav."""
    _write_articles(root / "docs", categories)
    config = _base_config(root / "docs", root / "site")
    config["plugins"] = [
        {"search": {"lang": "en"}},
        LIGHTBOX,
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


# Both sites use the repository's lightbox for screenshots, so it costs the same on each side.
LIGHTBOX = {"glightbox": {"zoomable": True, "draggable": False, "skip_classes": ["hc-no-lightbox"]}}


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
    config["plugins"] = [{"search": {"lang": "en"}}, LIGHTBOX]
    config["nav"] = nav
    _write(root / "mkdocs.yml", yaml.safe_dump(config, sort_keys=False, allow_unicode=True))
    return root / "mkdocs.yml"


def split_counts(articles: int, categories: int) -> list[int]:
    """Articles a category, as even as they divide; the first categories take the remainder."""
    base, extra = divmod(articles, categories)
    return [base + (1 if number < extra else 0) for number in range(categories)]
