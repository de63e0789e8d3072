"""Checks of what a page's Markdown says: links and their anchors, images, raw scripts and HTML that runs."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from helpcentre.articles import problems as codes
from helpcentre.articles.model import Article, HelpCentre
from helpcentre.articles.problems import Problem
from helpcentre.lint.markdown_scan import Reference, anchors, references, script_tags
from helpcentre.lint.unsafe_html import scheme_refused, unsafe_markup

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_SHORT_LINK = re.compile(r"^/a/(\d+)/?$")


@dataclass(frozen=True)
class Page:
    """A Markdown page: an article, or another page such as a guide (`article` is then None)."""

    src_path: str
    display_path: str
    body: str
    body_line: int
    article: Article | None = None


class BodyChecker:
    """Resolves links the way MkDocs does: relative to the page, to Markdown files or other files."""

    def __init__(self, pages: list[Page], files: set[str], generated_pages: set[str], centre: HelpCentre):
        self._pages = {page.src_path: page for page in pages}
        self._files = files
        self._generated = generated_pages
        self._centre = centre

    def check(self, page: Page) -> list[Problem]:
        found: list[Problem | None] = []
        for reference in references(page.body, page.body_line):
            if reference.is_image and not (reference.alt or "").strip():
                found.append(
                    self._problem(
                        page,
                        reference,
                        codes.IMAGE_WITHOUT_ALT,
                        f"image '{reference.target}' has no alt text; describe what it shows, for screen readers",
                    )
                )
            found.append(self._check_reference(page, reference))
        found += [
            Problem(
                page.display_path,
                tag.line,
                codes.RAW_SCRIPT,
                "",
                "raw <script> in an article; scripts belong in the theme, where every page gets the same reviewed code",
                tag.column,
            )
            for tag in script_tags(page.body, page.body_line)
        ]
        found += [
            Problem(page.display_path, markup.line, codes.UNSAFE_HTML, "body", markup.message, markup.column)
            for markup in unsafe_markup(page.body, page.body_line)
        ]
        return [problem for problem in found if problem is not None]

    def _check_reference(self, page: Page, reference: Reference) -> Problem | None:
        target = reference.target.strip()
        if not target or _SCHEME.match(target) or target.startswith("//") or scheme_refused(target):
            # Another site's address, or one HC151 refuses.
            return None
        path, _, fragment = target.partition("#")
        if path.startswith("/"):
            return self._check_site_path(page, reference, path)
        if not path:
            return self._check_anchor(page, reference, page, fragment)
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.src_path), path))
        if resolved.startswith("../") or resolved == "..":
            return self._not_found(page, reference, "it points outside the docs folder")
        if reference.is_image:
            if resolved not in self._files:
                return self._problem(page, reference, codes.MISSING_IMAGE, f"image '{path}' not found")
            return None
        if resolved.endswith(".md"):
            if resolved in self._pages:
                target_page = self._pages[resolved]
                internal = self._internal_link(page, reference, target_page.article)
                return internal or self._check_anchor(page, reference, target_page, fragment)
            if resolved in self._generated:
                return None
            return self._not_found(page, reference, "no such page")
        if resolved in self._files:
            return None
        for candidate in (f"{resolved}.md", f"{resolved}/index.md"):
            if candidate in self._pages or candidate in self._generated:
                suggestion = posixpath.relpath(candidate, posixpath.dirname(page.src_path) or ".")
                return self._not_found(page, reference, f"link the Markdown file instead: {suggestion}")
        return self._not_found(page, reference, "no such page or file")

    def _check_site_path(self, page: Page, reference: Reference, path: str) -> Problem | None:
        short = _SHORT_LINK.match(path)
        if short is None:
            # Site-absolute links depend on where the site is served; MkDocs reports them itself.
            return None
        article_id = int(short.group(1))
        if self._centre.find(article_id) is None and article_id not in self._centre.unusable:
            return self._not_found(page, reference, f"no article has id {short.group(1)}")
        return self._internal_link(page, reference, self._centre.find(article_id))

    def _internal_link(self, page: Page, reference: Reference, target: Article | None) -> Problem | None:
        """A customers' page that links an internal article: the public site does not have it."""
        if target is None or not target.for_agents_only or (page.article is not None and page.article.for_agents_only):
            return None
        return self._problem(
            page,
            reference,
            codes.INTERNAL_LINK,
            f"link '{reference.target}' is to an internal article ({target.ref}, audience: agents), which the"
            " customers' site does not have; link it only from internal articles",
        )

    def _check_anchor(self, page: Page, reference: Reference, target: Page, fragment: str) -> Problem | None:
        if not fragment:
            return None
        known = set(anchors(target.body))
        if target.article is not None:
            known.update(step.anchor for step in target.article.steps)
        if fragment in known:
            return None
        where = "this page" if target is page else target.src_path
        return self._problem(page, reference, codes.BROKEN_ANCHOR, f"no anchor '#{fragment}' in {where}")

    def _not_found(self, page: Page, reference: Reference, why: str) -> Problem:
        return self._problem(page, reference, codes.BROKEN_LINK, f"link '{reference.target}' is broken: {why}")

    @staticmethod
    def _problem(page: Page, reference: Reference, code: str, message: str) -> Problem:
        return Problem(page.display_path, reference.line, code, "", message, reference.column)
