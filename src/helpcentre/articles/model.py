"""The one model of an article, shared by the site plugin, lint, capture and verify."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from helpcentre.articles.frontmatter import FrontMatter
from helpcentre.articles.schema import ArticleMeta
from helpcentre.articles.steps import Step

if TYPE_CHECKING:
    from helpcentre.articles.inference import StepPlan


class UnknownArticle(LookupError):
    """A path or id that names no article; the message quotes it."""


# The two sites a help centre builds: the public one, and the support agents' one with everything.
CUSTOMERS = "customers"
AGENTS = "agents"
AUDIENCES = (CUSTOMERS, AGENTS)


@dataclass(frozen=True)
class Category:
    key: str
    title: str
    description: str = ""
    icon: str = ""


@dataclass
class Article:
    """A parsed, schema-checked article. `ref` is its docs-relative path without `.md`."""

    src_path: PurePosixPath
    display_path: str
    meta: ArticleMeta
    front_matter: FrontMatter
    steps: list[Step]
    # What each numbered step does in the product, read once from its words and its walkthrough.
    plans: list[StepPlan] = field(default_factory=list)

    @property
    def ref(self) -> str:
        return str(self.src_path.with_suffix(""))

    @property
    def id(self) -> int:
        return self.meta.id

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def body(self) -> str:
        return self.front_matter.body

    @property
    def for_agents_only(self) -> bool:
        return self.meta.audience == "agents"


@dataclass
class HelpCentre:
    """Every article and category, cross-checked: ids unique, references resolved."""

    categories: list[Category]
    articles: list[Article] = field(default_factory=list)
    # Refs and ids of articles left out for errors in their own front matter: they still exist,
    # so links to them and their screenshots are not reported as well. One mistake, one message.
    unusable: set[int | str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._by_ref = {article.ref: article for article in self.articles}
        self._by_id = {article.id: article for article in self.articles}
        # Every page asks for these; built once, so a build stays linear in the number of articles.
        self._by_category: dict[str, list[Article]] = {}
        self.for_agents: list[Article] = []
        for article in sorted(self.articles, key=lambda article: article.title.casefold()):
            if article.for_agents_only:
                self.for_agents.append(article)
            else:
                self._by_category.setdefault(article.meta.category, []).append(article)

    def for_audience(self, audience: str) -> HelpCentre:
        """What one audience's site holds: customers never get an internal article, agents get all."""
        if audience == AGENTS:
            return self
        return HelpCentre(self.categories, [a for a in self.articles if not a.for_agents_only], self.unusable)

    @staticmethod
    def reference_key(reference: int | str) -> int | str:
        """What a reference names: an id (`101`, `"101"`) or a ref (`billing/x`, `billing/x.md`)."""
        if isinstance(reference, int) or reference.isdigit():
            return int(reference)
        return reference.strip("/").removesuffix(".md")

    def find(self, reference: int | str) -> Article | None:
        """An article by id, by ref (`billing/x`), or by docs-relative path (`billing/x.md`)."""
        key = self.reference_key(reference)
        return self._by_id.get(key) if isinstance(key, int) else self._by_ref.get(key)

    def select(self, references: list[str]) -> list[Article]:
        """The articles named by path or id, each once, in path order; UnknownArticle names a wrong one."""
        chosen: dict[str, Article] = {}
        for reference in references:
            article = self.find(reference)
            if article is None:
                raise UnknownArticle(f"no article '{reference}'")
            chosen.setdefault(article.ref, article)
        return [chosen[ref] for ref in sorted(chosen)]

    def related(self, article: Article) -> list[Article]:
        """The related articles the reader of `article` can open: customers are never offered internal ones."""
        found = (self.find(reference) for reference in article.meta.related)
        return [
            other for other in found if other is not None and (article.for_agents_only or not other.for_agents_only)
        ]

    def in_category(self, key: str) -> list[Article]:
        """The customers' articles of a category, by title; internal ones are in `for_agents`."""
        return self._by_category.get(key, [])

    def category(self, key: str) -> Category | None:
        return next((category for category in self.categories if category.key == key), None)

    @property
    def promoted(self) -> list[Article]:
        return sorted((a for a in self.articles if a.meta.promoted and not a.for_agents_only), key=lambda a: a.id)
