"""The sidebar: every category, and of the one being read, a bounded run of its articles.

Material's navigation lists every article of the current section on every page, and walks the
children of every section to find its index page; with 250 articles in a category that is
30 KB of links on each of its pages, and rendering it grows with the square of the help
centre. Here the shape of the navigation is read once a build: each page's sidebar is the
top-level entries plus at most `limit` neighbours of the page and a link to the whole category.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page


@dataclass
class SectionShape:
    """A top-level section as the sidebar needs it, worked out once a build."""

    section: Section
    # Its page under `navigation.indexes` (the category page), or None.
    index: Page | None
    # The children the section lists below its title, the index page excluded.
    entries: list[Any]
    # Where the sidebar links a closed section: its first page, however deep, as Material does.
    first_url: str
    position: dict[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class SidebarEntry:
    """One top-level line of the sidebar, with what the template renders for it."""

    # "item": rendered as the theme renders it (Home, a link, a top-level page);
    # "pruned": a closed section, a link; "open": the section being read, with its window.
    kind: str
    item: Any
    path: str
    shape: SectionShape | None = None
    # (the entry's 1-based place in the section, the entry) for the neighbours shown.
    window: tuple[tuple[int, Any], ...] = ()
    # How many entries the section has in all, when the window leaves some out.
    total: int = 0


class Sidebar:
    """Each page's sidebar in time proportional to the top level and the window, not the site."""

    def __init__(self, nav: Navigation, limit: int) -> None:
        self.limit = limit
        self.items = list(nav.items)
        self.shapes: dict[int, SectionShape] = {}
        for item in self.items:
            if isinstance(item, Section):
                self.shapes[id(item)] = _shape(item)

    def section_with_index(self, src_uri: str) -> Section | None:
        """The top-level section whose index page is `src_uri` (a category's page)."""
        return next(
            (shape.section for shape in self.shapes.values() if shape.index and shape.index.file.src_uri == src_uri),
            None,
        )

    def section_of(self, page: Page) -> Section | None:
        """The top-level section a page sits in (the page's own, if it is an index)."""
        item: Any = page
        while item is not None and item.parent is not None:
            item = item.parent
        if item is page:
            return None
        return item if isinstance(item, Section) else None

    def for_page(self, page: Page | None, open_section: Section | None = None) -> list[SidebarEntry]:
        """The sidebar of `page`; `open_section` opens a section for a page outside the navigation."""
        current = open_section or (self.section_of(page) if page is not None else None)
        entries = []
        for number, item in enumerate(self.items, start=1):
            path = f"__nav_{number}"
            shape = self.shapes.get(id(item))
            if shape is None:
                entries.append(SidebarEntry("item", item, path))
            elif item is current:
                window, total = self._window(shape, page)
                entries.append(SidebarEntry("open", item, path, shape, window, total))
            else:
                entries.append(SidebarEntry("pruned", item, path, shape))
        return entries

    def _window(self, shape: SectionShape, page: Page | None) -> tuple[tuple[tuple[int, Any], ...], int]:
        entries = shape.entries
        # Without an index page there is no page of the whole section to link to: all are listed.
        if len(entries) <= self.limit or shape.index is None:
            return tuple(enumerate(entries, start=1)), 0
        at = 0
        # A page deeper in the section counts where its branch of the section is.
        item: Any = page
        while item is not None and item.parent is not None and item.parent is not shape.section:
            item = item.parent
        if item is not None:
            at = shape.position.get(id(item), 0)
        # The page in the middle of its neighbours, the window kept inside the section.
        start = min(max(at - self.limit // 2, 0), len(entries) - self.limit)
        shown = entries[start : start + self.limit]
        return tuple(enumerate(shown, start=start + 1)), len(entries)


def _shape(section: Section) -> SectionShape:
    children = list(section.children)
    index = next((child for child in children if getattr(child, "is_index", False)), None)
    entries = [child for child in children if child is not index]
    first = _first_page(section)
    shape = SectionShape(section, index, entries, first.url if first is not None else "")
    shape.position = {id(entry): place for place, entry in enumerate(entries)}
    return shape


def _first_page(item: Any) -> Any:
    """The page a closed section opens on: its first page, however deep (as Material links it)."""
    while item is not None and getattr(item, "children", None):
        item = item.children[0]
    return item
