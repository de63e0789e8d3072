"""A synthetic help centre, written out twice: for the helpcentre plugin and for plain Material.

Deterministic for a seed. An article depends only on the seed, its category, its index and its
own category's size, so a category's pages come out byte-for-byte the same whatever size the
other categories are; the page-weight benchmark relies on that.

The prose weighs like real help articles, for benchmarks of search indexes and of their transfer
over gzip. Its words and grammar are data (corpus.yml), filled in from each article's own seeded
random; Faker, drawing from that same random, adds people's names and reference numbers. Measured
with `gzip.compress(text, 6)` over the Markdown bodies (seed 1): the first 5,300 characters of a
site compress 2.4:1, the repository's own articles 2.8:1; a whole 1,000-article site 4.3:1 (its
paragraphs alone 3.6:1), as the steps, headings, links and contact line recur in every article.
"""

from __future__ import annotations

import bisect
import copy
import functools
import itertools
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from faker import Faker

HERE = Path(__file__).parent
CORPUS = yaml.safe_load((HERE / "corpus.yml").read_text(encoding="utf-8"))
SITE = yaml.safe_load((HERE / "synthetic_site.yml").read_text(encoding="utf-8"))
# Lint refuses titles over 70 characters; " (part 2)" may still be added.
MAX_TITLE_LENGTH = 60
ENGLISH, ZIPF = CORPUS["inflection"], CORPUS["zipf"]
# {name}, {@rule} (for a kind of thing drawn anew) or {@kind:rule}, then modifiers: {@person:np_sg.cap}.
SLOT = re.compile(r"\{(@(?:(\w+):)?)?(\w+)((?:\.\w+)*)\}")
FAKE = Faker("en_US")


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


class _Draw:
    """Draws from a list, item k with weight 1/k^exponent, or from a mapping of items to weights."""

    def __init__(self, items: list[Any] | dict[str, float], exponent: float = 1.0) -> None:
        self.items = [str(item) for item in items]
        weights = items.values() if isinstance(items, dict) else (1 / k**exponent for k in range(1, len(items) + 1))
        self.cumulative = list(itertools.accumulate(weights))

    def __call__(self, rng: random.Random) -> str:
        return self.items[bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])]


def _kind(words: dict[str, list[str]], exponent: float) -> dict[str, _Draw]:
    """A kind of thing: what it is called, what you do to it, what state it is in, what goes before it."""
    return {part: _Draw(words[part], 1 if part == "prep" else exponent) for part in ("noun", "verb", "state", "prep")}


WORDS = {name: _Draw(words, ZIPF.get(name, 1)) for name, words in CORPUS["words"].items()}
WORDS |= {name: _Draw(items, 0) for name, items in (CORPUS["choices"] | CORPUS["grammar"]).items()}
KINDS = {name: _kind(words, ZIPF["kinds"]) for name, words in CORPUS["kinds"].items()}
KIND_DRAW = _Draw({"topic": CORPUS["topic_weight"]} | {name: kind["weight"] for name, kind in CORPUS["kinds"].items()})


def _inflected(word: str, rules: str) -> str:
    """The word changed by the first of the rules that matches it: corpus.yml, inflection."""
    pattern, replacement = next(rule for rule in ENGLISH[rules] if re.search(rule[0], word))
    return re.sub(pattern, replacement, word, count=1)


def _verb(verb: str, form: str) -> str:
    """Third person ("s"), past participle ("pp") or -ing form, of the first word: "signs in to"."""
    head, space, rest = verb.partition(" ")
    irregular = ENGLISH["irregular"].get(head) if form != "s" else None
    return (irregular[form == "ing"] if irregular else _inflected(head, form)) + space + rest


def _plural(noun: str) -> str:
    head, tail = re.fullmatch(r"(.+?)((?: (?:on|of|to|for|in) .*)?)", noun).groups()
    return _inflected(head, "plural") + tail


def _a(noun: str) -> str:
    """The noun with "a" or "an", or with "the" where it has no plural."""
    return f"the {noun}" if _plural(noun) == noun else f"{'an' if re.match(ENGLISH['an'], noun) else 'a'} {noun}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# What may follow a slot's name in a template, applied left to right: {tnoun.pl.label}.
MODIFIERS = {form: functools.partial(_verb, form=form) for form in ("s", "pp", "ing")} | {
    "pl": _plural,
    "a": _a,
    "cap": _capital,
    "b": lambda text: f"**{text}**",
    # "Date of Birth" -> "date of birth", acronyms kept: "Tax ID" -> "tax ID".
    "lower": lambda label: " ".join(w if sum(c.isupper() for c in w) > 1 else w.lower() for w in label.split(" ")),
    # "card on file" -> "Card on File".
    "label": lambda noun: " ".join(w if w in {"on", "of", "to", "for", "in"} else _capital(w) for w in noun.split()),
}


def _modified(text: str, modifiers: str) -> str:
    for name in modifiers.split(".")[1:]:
        text = MODIFIERS[name](text)
    return text


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def make_categories(count: int) -> list[tuple[str, str, str]]:
    """(key, title, icon) of `count` categories; topics repeat with a number past the list."""
    topics, found = CORPUS["categories"], []
    for number in range(count):
        title, icon = topics[number % len(topics)]
        title = f"{title} {number // len(topics) + 1}" if number >= len(topics) else title
        found.append((_slug(title), title, icon))
    return found


@functools.cache
def _file_slug(key: str, title: str) -> str:
    """Unique across the help centre, as lint requires: two categories may share a title."""
    return f"{key}-{_slug(title)}"


def _topic_words(key: str) -> dict[str, list[str]]:
    """The words of the topic a category key was made from: "billing-account-2" -> "Billing & Account"."""
    return next(
        CORPUS["topics"][title] for title, _ in CORPUS["categories"] if _slug(title) == re.sub(r"-\d+$", "", key)
    )


@functools.cache
def _topic(key: str) -> tuple[dict[str, _Draw], dict[str, _Draw]]:
    """A topic's words, its own first and every topic's as the long tail; and the topic as a kind of thing."""
    words, shared = _topic_words(key), CORPUS["words"]
    every_field = [name for topic in CORPUS["topics"].values() for name in topic["fields"]]
    own = {
        "tnoun": _Draw(words["nouns"], ZIPF["topic"]),
        "tverb": _Draw(list(dict.fromkeys(words["verbs"] + shared["generic_verb"]))),
        "page": _Draw(list(dict.fromkeys(words["pages"] + shared["menu"])), ZIPF["page"]),
        "field": _Draw(words["fields"] + every_field, ZIPF["field"]),
    }
    kind = {"noun": words["nouns"], "verb": words["verbs"], "state": words["mods"], "prep": shared["topic_prep"]}
    return own, _kind(kind, ZIPF["topic"])


class _Writer:
    """Fills one article's templates, every word drawn from the article's own random."""

    def __init__(self, rng: random.Random, key: str, verb: str, obj: str) -> None:
        self.rng = FAKE.random = rng
        self.topic, self.topic_kind = _topic(key)
        self.article = {"act": verb, "obj": obj, "task": f"{verb} {obj}"}
        self.makers = {
            "first": FAKE.first_name,
            "last": FAKE.last_name,
            "amount": lambda: f"${min(int(rng.paretovariate(1.2) * 12), 4999):,}.{self.fill('{cents}')}",
            "code": lambda: FAKE.bothify(self.fill("{code_format}"), letters="ABCDEFGHJKLMNPRSTUVWXYZ"),
            "last4": lambda: FAKE.numerify("####"),
        }

    def fill(self, template: str, kind: dict[str, _Draw] | None = None) -> str:
        return SLOT.sub(lambda match: self._slot(*match.groups(), kind), template) if "{" in template else template

    def _slot(self, scope: str | None, kind_name: str | None, name: str, modifiers: str, kind: Any) -> str:
        if scope:
            kind_name = kind_name or KIND_DRAW(self.rng)
            kind = self.topic_kind if kind_name == "topic" else KINDS[kind_name]
        if name in self.article:
            return _modified(self.article[name], modifiers)
        words = next((words for words in (kind or {}, self.topic, WORDS) if name in words), None)
        text = self.fill(words[name](self.rng), kind) if words else self.makers[name]()
        return _modified(text, modifiers)

    def paragraph(self, sentences: list[int]) -> str:
        return " ".join(self.fill("{sentence}") for _ in range(self.rng.choice(sentences)))


@functools.cache
def _title_plan(seed: int, key: str) -> list[tuple[str, str, str]]:
    """(title, verb, object) of every title a category can use, in an order that ignores its size."""
    words = _topic_words(key)
    mods, determiners = words["mods"], [lambda phrase: f"your {phrase}", _a, lambda phrase: f"the {phrase}"]
    # Each of the topic's nouns, alone and with a few of its modifiers.
    objects = [
        determiners[(number + variant) % 3](phrase)
        for number, noun in enumerate(words["nouns"])
        for variant, phrase in enumerate([noun, *(f"{mods[(number * 3 + k) % len(mods)]} {noun}" for k in range(3))])
    ]
    plan = []
    for form, verb in itertools.product(
        CORPUS["titles"], dict.fromkeys(words["verbs"] + CORPUS["words"]["generic_verb"][:10])
    ):
        with_verb = form.replace("{act.cap}", _capital(verb)).replace("{act}", verb)
        plan += [(title, verb, o) for o in objects if len(title := with_verb.replace("{obj}", o)) <= MAX_TITLE_LENGTH]
    random.Random(f"{seed}:{key}").shuffle(plan)
    return plan


def _title(seed: int, key: str, index: int) -> tuple[str, str, str]:
    """(title, verb, object) of article `index` of a category; unique within the category."""
    plan = _title_plan(seed, key)
    title, verb, obj = plan[index % len(plan)]
    return (f"{title} (part {index // len(plan) + 1})" if index >= len(plan) else title), verb, obj


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
    writer = _Writer(rng, key, verb, obj)
    # Other articles of the same category: indices of range(count) with this one left out.
    others = [other if other < index else other + 1 for other in range(count - 1)]

    def target(other_key: str, other: int) -> tuple[str, str]:
        other_title = _title(seed, other_key, other)[0]
        return other_title, f"{_file_slug(other_key, other_title)}.md"

    related: list[str] = []
    for _ in range(rng.randint(2, 3)):
        # Across categories, to the other category's first article, which every size has.
        same = others and rng.random() < 0.7
        other_key, other = (key, rng.choice(others)) if same else (rng.choice([k for k in keys if k != key]), 0)
        if (reference := f"{other_key}/{target(other_key, other)[1].removesuffix('.md')}") not in related:
            related.append(reference)
    links = [target(key, other) for other in rng.sample(others, min(len(others), rng.randint(2, 3)))]
    steps = [writer.fill("{first_step}"), *(writer.fill("{step}") for _ in range(rng.randint(3, 5)))]
    counts = CORPUS["paragraph_sentences"]
    paragraphs = [
        writer.paragraph(counts["first"]),
        *(writer.paragraph(counts["other"]) for _ in range(rng.randint(1, 2))),
    ]
    if others and rng.random() < 0.25:
        paragraphs[-1] += " See also [{}]({}).".format(*target(key, rng.choice(others)))
    tags: list[str] = []
    tag_count = rng.randint(3, 5)
    while len(tags) < tag_count:
        tag = writer.fill("{tnoun}" if rng.random() < 0.7 else "{@noun}")
        tags += [] if tag in tags else [tag]
    return Article(
        category=key,
        index=index,
        id=(keys.index(key) + 1) * 100_000 + index + 1,
        title=title,
        slug=_file_slug(key, title),
        task=f"{verb} {obj}",
        summary=writer.fill("{summary}"),
        tags=tags,
        related=related,
        links=links,
        steps=steps,
        paragraphs=paragraphs,
        promoted=rng.random() < 0.01,
    )


def article_markdown(article: Article) -> str:
    """The article's file: front matter like the real articles', then a few paragraphs and lists."""
    front_matter = {name: getattr(article, name) for name in ("id", "title", "summary", "category", "tags")}
    front_matter |= {"promoted": True, "search": {"boost": 3}} if article.promoted else {}
    front_matter["related"] = article.related
    steps = "\n".join(f"{number}. {step}" for number, step in enumerate(article.steps, 1))
    links = "\n".join(f"- [{title}]({target})" for title, target in article.links)
    parts = [article.paragraphs[0], f"## Steps to {article.task}", steps, *article.paragraphs[1:]]
    if links:
        parts += ["## Other things you can do", links]
    parts.append("For questions about this, please [contact our support team](contact:).")
    return _page(front_matter, "\n\n".join(parts))


def _page(front_matter: dict[str, Any], body: str) -> str:
    return f"---\n{yaml.safe_dump(front_matter, sort_keys=False, allow_unicode=True)}---\n\n{body}\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _write_site(root: Path, categories: list[Category], plugins: list[Any], **config: Any) -> Path:
    """The articles and mkdocs.yml: the repository's configuration (synthetic_site.yml) and `config`."""
    for article in (article for category in categories for article in category.articles):
        _write(root / "docs" / article.path, article.markdown)
    config = copy.deepcopy(SITE["mkdocs"]) | {"docs_dir": str(root / "docs"), "site_dir": str(root / "site")} | config
    _write(root / "mkdocs.yml", yaml.safe_dump(config | {"plugins": plugins}, sort_keys=False, allow_unicode=True))
    return root / "mkdocs.yml"


def write_helpcentre(root: Path, categories: list[Category]) -> Path:
    """Articles only: the plugin generates the home page, category pages and the nav.

    With the repository's search: the help centre's own index (hc-search/), which the plugin always
    writes, so no Material search plugin and none of its features; the repository's synonyms, and no
    query reporting (there is no feedback service to report to).
    """
    theme = copy.deepcopy(SITE["mkdocs"]["theme"])
    theme["features"] = [name for name in theme["features"] if not name.startswith("search.")]
    centre = SITE["helpcentre"] | {
        "categories": [
            {"key": c.key, "title": c.title, "description": c.description, "icon": f"material/{c.icon}"}
            for c in categories
        ]
    }
    return _write_site(root, categories, [SITE["lightbox"], {"helpcentre": centre}], theme=theme)


def write_plain(root: Path, categories: list[Category]) -> Path:
    """The same articles, with the home and category pages written by hand and an explicit nav."""
    docs, home = root / "docs", SITE["helpcentre"]["home"]
    promoted = sorted((a for c in categories for a in c.articles if a.promoted), key=lambda a: a.id)
    cards = "\n".join(
        f"- [{c.title}]({c.key}/index.md) — {len(c.articles)} articles. {c.description}" for c in categories
    )
    popular = "\n".join(f"- [{a.title}]({a.path}) — {a.summary}" for a in promoted)
    body = f"# {home['title']}\n\n{home['lead']}\n\n## Browse by topic\n\n{cards}\n"
    body += f"\n## Popular articles\n\n{popular}\n" if popular else ""
    home_meta = {"title": home["title"], "hide": ["navigation", "toc"], "search": {"exclude": True}}
    _write(docs / "index.md", _page(home_meta, body))
    nav: list[Any] = [{"Home": "index.md"}]
    for category in categories:
        ordered = category.in_nav_order()
        listing = "\n".join(f"- [{a.title}]({a.slug}.md) — {a.summary}" for a in ordered)
        body = f"# {category.title}\n\n{category.description}\n\n{len(ordered)} articles\n\n{listing}"
        meta = {"title": category.title, "hide": ["toc"], "search": {"exclude": True}}
        _write(docs / category.key / "index.md", _page(meta, body))
        nav.append({category.title: [f"{category.key}/index.md", *(a.path for a in ordered)]})
    return _write_site(root, categories, [{"search": {"lang": "en"}}, SITE["lightbox"]], nav=nav)


def split_counts(articles: int, categories: int) -> list[int]:
    """Articles a category, as even as they divide; the first categories take the remainder."""
    base, extra = divmod(articles, categories)
    return [base + (1 if number < extra else 0) for number in range(categories)]
