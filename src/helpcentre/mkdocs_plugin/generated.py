"""Pages nobody maintains by hand: the home page, category pages, navigation, page context."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import yaml

from helpcentre.articles import Article, Category, HelpCentre
from helpcentre.last_verified import MATCHED, last_result
from helpcentre.mkdocs_plugin.screenshots import StepImage
from helpcentre.settings import HelpCentreSettings

# Internal articles (`audience: agents`) are built here, outside the customers' navigation.
AGENTS_SECTION = "agents"
AGENTS_INDEX = f"{AGENTS_SECTION}/index.md"
AGENTS_TITLE = "For support agents"


def _page(front_matter: dict[str, Any], body: str = "") -> str:
    return f"---\n{yaml.safe_dump(front_matter, sort_keys=False, allow_unicode=True)}---\n\n{body}\n"


def home_markdown(config: HelpCentreSettings) -> str:
    return _page(
        {
            "template": "helpcentre/home.html",
            "title": config.home.title,
            "hide": ["navigation", "toc"],
            "search": {"exclude": True},
        }
    )


def category_markdown(category: Category) -> str:
    return _page(
        {
            "template": "helpcentre/category.html",
            "title": category.title,
            # The page's <meta name="description">, for search engines.
            "description": category.description,
            "hide": ["toc"],
            "search": {"exclude": True},
        },
        category.description,
    )


def category_page_count(centre: HelpCentre, category: Category, per_page: int) -> int:
    return max(1, -(-len(centre.in_category(category.key)) // per_page))


def listing_page(category: Category, number: int) -> str:
    """The source path of a category's page `number`: its index, then page/2.md, page/3.md, ..."""
    return category_page(category) if number == 1 else f"{category.key}/page/{number}.md"


def listing_url(category: Category, number: int) -> str:
    return f"{category.key}/" if number == 1 else f"{category.key}/page/{number}/"


def later_category_markdown(category: Category, number: int, count: int) -> str:
    """Page `number` (2 or more) of a long category: the same list, further on."""
    return _page(
        {
            "template": "helpcentre/category.html",
            "title": f"{category.title} (page {number} of {count})",
            "description": category.description,
            "hide": ["toc"],
            "search": {"exclude": True},
        },
    )


def agents_markdown() -> str:
    """The internal section's page: the category template, kept out of search engines and search."""
    return _page(
        {
            "template": "helpcentre/category.html",
            "title": AGENTS_TITLE,
            "hide": ["toc"],
            "search": {"exclude": True},
            "robots": "noindex",
        },
    )


def category_page(category: Category) -> str:
    return f"{category.key}/index.md"


def navigation(centre: HelpCentre) -> list[Any]:
    """Home, then one section a category: its page first, so `navigation.indexes` attaches it."""
    nav: list[Any] = [{"Home": "index.md"}]
    for category in centre.categories:
        articles = [str(article.src_path) for article in centre.in_category(category.key)]
        nav.append({category.title: [category_page(category), *articles]})
    return nav


def verification(
    article: Article, record: dict[str, Any], config: HelpCentreSettings, staff: bool = False
) -> dict[str, Any] | None:
    """What the article says about its screenshots: verified on a date, drifted, or never verified.

    `record` is the verification record that capture and verify write (helpcentre.last_verified).
    Only staff (the writers' preview, the agents' site) read that screenshots drifted or were
    never verified: that is theirs to act on. Customers read only that they were checked.
    """
    walkthrough = article.meta.walkthrough
    if walkthrough is None:
        return None
    target = config.targets.get(walkthrough.target)
    title = target.title if target else walkthrough.target
    last = last_result(record, article.ref)
    if not last:
        return {"state": "never", "target": title, "date": None} if staff else None
    when = datetime.fromisoformat(last["at"]).strftime("%-d %B %Y")
    state = "ok" if last["status"] == MATCHED else "drift"
    return {"state": state, "target": title, "date": when} if staff or state == "ok" else None


def article_link(article: Article, url_by_ref: dict[str, str]) -> dict[str, Any]:
    """An article as lists show it: title, summary and its site-relative URL."""
    return {"id": article.id, "title": article.title, "summary": article.meta.summary, "url": url_by_ref[article.ref]}


def category_link(centre: HelpCentre, category: Category) -> dict[str, Any]:
    return {
        "key": category.key,
        "title": category.title,
        "description": category.description,
        "icon": category.icon,
        "url": f"{category.key}/",
        "count": len(centre.in_category(category.key)),
    }


def agents_section(centre: HelpCentre) -> dict[str, Any]:
    """The internal articles' section, shaped like a category so the same templates show it."""
    return {
        "key": AGENTS_SECTION,
        "title": AGENTS_TITLE,
        "description": "Internal articles for the support team; customers do not see them.",
        "icon": "",
        "url": f"{AGENTS_SECTION}/",
        "count": len(centre.for_agents),
    }


def page_context(
    centre: HelpCentre,
    article: Article | None,
    page: Any,
    url_by_ref: dict[str, str],
    config: HelpCentreSettings,
    verification_record: dict[str, Any] | None = None,
    step_images: dict[str, dict[int, StepImage]] | None = None,
    updated: dict[str, date] | None = None,
    listing: tuple[Category, int] | None = None,
    staff: bool = False,
) -> dict[str, Any]:
    """What the help-centre templates render; URLs are site-relative, for Jinja's `url` filter.

    `staff` is true on the writers' preview and the agents' site, which say more than customers read.

    `listing` is (category, page number) when the page is one of a category's pages.
    """
    context: dict[str, Any] = {
        "contact": config.contact.model_dump(),
        "home": config.home.model_dump(),
        "feedback": config.feedback.model_dump(),
    }
    src_uri = page.file.src_uri
    if article is not None:
        category = centre.category(article.meta.category)
        if article.for_agents_only:
            section = agents_section(centre)
        else:
            section = category_link(centre, category) if category else None
        images = (step_images or {}).get(article.ref, {})
        last_change = (updated or {}).get(article.ref)
        context["article"] = {
            "id": article.id,
            "ref": article.ref,
            # An internal article is read by agents: no customer contact box, no feedback widget.
            "internal": article.for_agents_only,
            # Written by `helpcentre pdf` after the build; linked only when the site has them.
            "pdf": config.pdf.path_for(article.ref) if config.pdf.enabled else None,
            "title": article.title,
            "summary": article.meta.summary,
            "tags": article.meta.tags,
            "category": section,
            # The first step's screenshot stands for the article in search engines' results.
            "image": images[min(images)].src_uri if images else None,
            "updated": last_change.isoformat() if last_change else None,
            "updated_text": f"{last_change:%-d %B %Y}" if last_change else None,
        }
        context["related"] = [article_link(other, url_by_ref) for other in centre.related(article)]
        context["verification"] = verification(article, verification_record or {}, config, staff)
    elif src_uri == "index.md":
        context["categories"] = [category_link(centre, category) for category in centre.categories]
        context["promoted"] = [article_link(other, url_by_ref) for other in centre.promoted]
    elif src_uri == AGENTS_INDEX:
        context["category"] = agents_section(centre)
        context["articles"] = [article_link(other, url_by_ref) for other in centre.for_agents]
    elif listing is not None:
        category, number = listing
        context["category"] = category_link(centre, category)
        context.update(category_listing(centre, category, number, config.navigation.articles_per_page, url_by_ref))
    return context


def category_listing(
    centre: HelpCentre, category: Category, number: int, per_page: int, url_by_ref: dict[str, str]
) -> dict[str, Any]:
    """Page `number` of a category's articles, and the links to its other pages."""
    articles = centre.in_category(category.key)
    count = category_page_count(centre, category, per_page)
    first = (number - 1) * per_page
    shown = articles[first : first + per_page]
    pagination = None
    if count > 1:
        # Every page's number is a link: 250 articles make five pages, 5,000 a hundred short links.
        pagination = {
            "number": number,
            "count": count,
            "first": first + 1,
            "last": first + len(shown),
            "previous": listing_url(category, number - 1) if number > 1 else None,
            "next": listing_url(category, number + 1) if number < count else None,
            "pages": [
                {"number": page, "url": listing_url(category, page), "current": page == number}
                for page in range(1, count + 1)
            ],
        }
    return {"articles": [article_link(other, url_by_ref) for other in shown], "pagination": pagination}


def not_found_context(centre: HelpCentre, url_by_ref: dict[str, str], config: HelpCentreSettings) -> dict[str, Any]:
    """What the 404 page renders: it has no page of its own, and is served at any depth."""
    return {
        "contact": config.contact.model_dump(),
        # Its search box offers the home page's example query.
        "home": config.home.model_dump(),
        "promoted": [article_link(other, url_by_ref) for other in centre.promoted],
    }
