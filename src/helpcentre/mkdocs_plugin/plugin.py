"""MkDocs event hooks: load the help centre once, then hand pages what they render."""

from __future__ import annotations

import logging
import re
from concurrent.futures import Future, ThreadPoolExecutor, wait
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory

from helpcentre import atomic, exports, git_dates, redirects
from helpcentre.articles import HelpCentre
from helpcentre.articles.model import AGENTS, CUSTOMERS
from helpcentre.last_verified import read_record
from helpcentre.mkdocs_plugin import (
    checks,
    dirty_rebuilds,
    escaping,
    generated,
    sanitising,
    screenshots,
    sidebar,
    step_links,
    structured_data,
)
from helpcentre.project import validate_settings
from helpcentre.search import SearchIndexer, SearchIndexError, article_document, build_vocabulary, page_document
from helpcentre.settings import HelpCentreSettings

log = logging.getLogger("mkdocs.plugins.helpcentre")

_PACKAGE = Path(__file__).parent
_CONTACT_LINK = re.compile(r"\]\(contact:\)")


class HelpCentrePlugin(BasePlugin):
    """Validates articles and generates the help-centre pages around them."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.settings: HelpCentreSettings | None = None
        self.centre: HelpCentre | None = None
        self._article_by_src: dict[str, object] = {}
        self._url_by_ref: dict[str, str] = {}
        self._step_images: dict[str, dict[int, screenshots.StepImage]] = {}
        self._verification: dict = {}
        self._search_index: SearchIndexer | None = None
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="helpcentre-files")
        self._side_files: Future[None] | None = None
        # Category pages by source path: (category, page number), for the listing and the sidebar.
        self._listings: dict[str, tuple[object, int]] = {}
        self._sidebar: sidebar.Sidebar | None = None
        # `mkdocs serve --dirty` (helpcentre serve): rebuilds re-render only the pages whose
        # Markdown changed; what else changed since the last build is worked out here.
        self._dirty = False
        self._last_build: str | None = None
        self._building: str | None = None
        # Whose site this build is (`helpcentre build --audience`): the customers' holds no internal
        # article at all; the agents' has everything, to deploy behind the company's sign-in.
        self.audience = CUSTOMERS

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defined at all, this hook keeps the plugin from one `serve` rebuild to the next, which
        # is what lets a dirty rebuild know what the last one was built from.
        self._dirty = dirty
        if command == "serve":
            # The writers' preview (`helpcentre serve`) shows the internal articles they write too.
            self.audience = AGENTS

    def load_config(self, options: dict, config_file_path: str | None = None):
        """Validate with the same schema that lint, capture and verify use."""
        self.settings, problems = validate_settings(options)
        return problems, []

    @property
    def config(self) -> HelpCentreSettings:  # type: ignore[override]
        assert self.settings is not None
        return self.settings

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        if "material/search" in config.plugins or "search" in config.plugins:
            # Its index would be built for nothing: the header's box is the help centre's own.
            log.warning(
                "helpcentre: the help centre has its own search; remove `- search` from"
                " plugins in %s, whose index nothing reads",
                Path(config.config_file_path or "mkdocs.yml").name,
            )
        # After a custom_dir, so a project can still override our templates; before the theme's.
        position = 1 if config.theme.custom_dir else 0
        config.theme.dirs.insert(position, str(_PACKAGE / "templates"))
        # One stylesheet, made of the assets' own (`_add_assets`): on a slow phone each one more
        # in the page's head is one more wait before it shows.
        config.extra_css.append(f"assets/helpcentre/{SITE_STYLESHEET}")
        # Async, so a page is ready to read before they arrive; search.js fetches the rest of
        # search (search-query.js, search-engine.js) only when the reader is about to search.
        for script in ("search.js", "step-links.js", "feedback.js"):
            config.extra_javascript.append(ExtraScriptValue(f"assets/helpcentre/{script}"))
            config.extra_javascript[-1].async_ = True
        return config

    # Runs after other plugins added their files, so generated pages never shadow real ones.
    @event_priority(-50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        project_root = Path(config.config_file_path or ".").resolve().parent
        # The same checks as `helpcentre lint`, over what MkDocs has already read.
        centre = checks.check_help_centre(files, config, self.config, project_root)
        if self.audience != AGENTS:
            # Checked with the rest (lint refuses a public page that links one), then left out whole.
            for article in centre.for_agents:
                files.remove(files.get_file_from_path(str(article.src_path)))
            centre = centre.for_audience(self.audience)
        screenshots_dir = project_root / self.config.screenshots_dir
        self.centre = centre
        self._article_by_src = {str(article.src_path): article for article in centre.articles}
        self._move_internal_articles(files, config, centre)
        sources = {article.ref: project_root / article.display_path for article in centre.articles}
        dates = git_dates.last_updated(list(sources.values()), project_root)
        self._updated = {ref: dates[path] for ref, path in sources.items()}
        self._verification = read_record(project_root / self.config.verification_record)
        self._step_images = screenshots.add_step_images(files, config, centre, screenshots_dir)
        if self._dirty:
            dirty_rebuilds.forget_pages_with_new_screenshots(files, centre, self._step_images)
        self._add_generated_pages(files, config, centre)
        self._add_assets(files, config)
        self._url_by_ref = {
            article.ref: files.get_file_from_path(str(article.src_path)).url for article in centre.articles
        }
        if config.nav is None:
            config.nav = generated.navigation(centre)
        return files

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if self.centre is not None:
            # Mostly waiting on the file system: written on a thread of their own while the
            # theme renders the pages; on_post_build waits for them.
            self._side_files = self._writer.submit(self._write_side_files, Path(config.site_dir), config.site_url or "")
        if self.config.enabled:
            # The theme's navigation template writes indentation for every page of every section,
            # pruned ones too: trimmed, a page's weight no longer grows with other categories.
            env.trim_blocks = True
            env.lstrip_blocks = True
            # The header's search box (partials/search.html) on every page, the 404 page included.
            # With nothing found, it offers the popular articles and the contact link.
            env.globals["hc_search"] = {
                "report": self.config.search.report,
                "popular": [
                    {"title": article.title, "url": self._url_by_ref[article.ref]} for article in self.centre.promoted
                ]
                if self.centre is not None
                else [],
                "contact": self.config.contact.model_dump(),
            }
        return env

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if self.config.enabled:
            # Category titles from mkdocs.yml, which the theme prints as HTML; see `escaping`.
            escaping.nav_titles_as_html(nav.items)
            self._sidebar = sidebar.Sidebar(nav, self.config.navigation.sidebar_articles)
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        article = self._article_by_src.get(page.file.src_uri)
        if article is not None:
            page.meta["template"] = "helpcentre/article.html"
            if article.for_agents_only:
                # Internal: never offered to customers by the site's search.
                page.meta["search"] = {"exclude": True}
                page.meta["robots"] = "noindex"
            # Material writes it as <meta name="description">, the snippet search engines show.
            page.meta["description"] = article.meta.summary
            markdown = screenshots.place_under_steps(markdown, article, self._step_images.get(article.ref, {}))
        if self.config.enabled:
            # Every page is read before any is rendered, so the navigation, the previous/next
            # links and the search index all get the escaped title; see `escaping`.
            escaping.front_matter_as_html(page.meta)
        # `[text](contact:)` links to the contact address set once in mkdocs.yml.
        return _CONTACT_LINK.sub(f"]({self.config.contact.url})", markdown)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self._dirty and self.config.enabled:
            settings = dirty_rebuilds.settings_signature(config)
            if self._last_build is not None and settings != self._last_build:
                # mkdocs.yml changed: every page shows something of it (the categories, the
                # sidebar, the contact box), so every page is built again.
                log.info("helpcentre: mkdocs.yml changed; rebuilding every page")
                clean_directory(config.site_dir)
            self._building = settings
        if self.config.enabled:
            self._close_search_index()
            # Each page goes in as it is rendered.
            self._search_index = SearchIndexer()

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self.config.enabled:
            # Before the search index reads it too; see `sanitising`.
            html = sanitising.sanitise_body(html)
        article = self._article_by_src.get(page.file.src_uri)
        if article is not None:
            html = step_links.anchor_steps(html, len(article.steps))
            document = article_document(article, html)
        elif self.centre is not None and not _excluded_from_search(page):
            document = page_document(page.title or "", html)
        else:
            document = None
        if document is not None and self._search_index is not None:
            self._search_index.add("/" + page.url, document)
        return html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        article = self._article_by_src.get(page.file.src_uri)
        if article is None:
            return output
        # After the lightbox wrapped each picture in its link: the crop goes inside the link.
        return screenshots.with_phone_sources(output, self._step_images.get(article.ref, {}))

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        if self.centre is None:
            return context
        context["hc"] = generated.page_context(
            self.centre,
            self._article_by_src.get(page.file.src_uri),
            page,
            self._url_by_ref,
            self.config,
            self._verification,
            self._step_images,
            self._updated,
            self._listings.get(page.file.src_uri),
            staff=self.audience == AGENTS,
        )
        context["hc"]["sidebar"] = self._sidebar_of(page)
        context["hc"]["structured_data"] = [
            structured_data.script_text(item)
            for item in structured_data.for_page(
                context["hc"],
                canonical_url=page.canonical_url,
                site_url=config.site_url,
                site_name=config.site_name,
                language=config.theme["language"],
            )
        ]
        return context

    def on_template_context(self, context, *, template_name: str, config: MkDocsConfig):
        if self.centre is None:
            return context
        if template_name == "404.html":
            context["hc"] = generated.not_found_context(self.centre, self._url_by_ref, self.config)
            context["hc"]["sidebar"] = self._sidebar_of(None)
        elif template_name == "sitemap.xml":
            # Search engines get only the pages meant for customers.
            context["pages"] = [file for file in context["pages"] if _for_search_engines(file.page)]
        return context

    def _sidebar_of(self, page: Page | None) -> list[sidebar.SidebarEntry] | None:
        if self._sidebar is None:
            return None
        listing = self._listings.get(page.file.src_uri) if page is not None else None
        # A category's later pages are outside the navigation; its section is open on them too.
        open_section = self._sidebar.section_with_index(generated.category_page(listing[0])) if listing else None
        return self._sidebar.for_page(page, open_section)

    def on_build_error(self, *, error: Exception) -> None:
        self._close_search_index()
        written, self._side_files = self._side_files, None
        if written is not None:
            # Finished before the build reports its error, so nothing is written after it.
            wait([written])

    def on_shutdown(self) -> None:
        self._close_search_index()
        # The instance may serve another build in this process, which is not a served one.
        self._dirty, self._last_build = False, None
        self._writer.shutdown(wait=True)

    def _close_search_index(self) -> None:
        index, self._search_index = self._search_index, None
        if index is not None:
            index.close()

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        # Screenshots live outside docs_dir, so MkDocs would not reload the page after a re-capture.
        screenshots_dir = Path(config.config_file_path or ".").resolve().parent / self.config.screenshots_dir
        if self.config.enabled and screenshots_dir.is_dir():
            server.watch(str(screenshots_dir))
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self._dirty:
            self._last_build = self._building
        if self.centre is None:
            return
        site_dir = Path(config.site_dir)
        written, self._side_files = self._side_files, None
        if written is None:
            self._write_side_files(site_dir, config.site_url or "")
        else:
            written.result()
        index, self._search_index = self._search_index, None
        if index is None:
            return
        vocabulary = build_vocabulary(self.centre.articles, self.config.search.synonyms)
        try:
            indexed = index.finish(site_dir, vocabulary)
        except SearchIndexError as error:
            raise PluginError(f"helpcentre: the search index was not written: {error}") from None
        log.info(
            "helpcentre: search index of %d pages (%d KB), vocabulary of %d words",
            indexed.pages,
            indexed.bytes // 1024,
            indexed.words,
        )

    def _write_side_files(self, site_dir: Path, site_url: str) -> None:
        """The short links' pages and the exports: files beside the pages, known before them."""
        assert self.centre is not None
        for path, html in redirects.redirect_pages(self.centre, self._url_by_ref, site_url).items():
            if self._dirty and dirty_rebuilds.holds(site_dir / path, html):
                # A served rebuild leaves the short links it would write the same as they are.
                continue
            # Build output, rewritten by every build: atomic, as every write, but not flushed
            # to the disk one by one, which would cost a thousand short links seconds.
            atomic.write_text(site_dir / path, html, durable=False)
        records = exports.article_records(self.centre, self._url_by_ref, site_url, self._updated)
        exports.write_exports(site_dir, records, site_url)

    def _move_internal_articles(self, files: Files, config: MkDocsConfig, centre: HelpCentre) -> None:
        """Internal articles go to their own section, `agents/`, outside the customers' navigation."""
        internal = centre.for_agents
        for article in internal:
            file = files.get_file_from_path(str(article.src_path))
            file.dest_uri = f"{generated.AGENTS_SECTION}/{article.ref}/index.html"
            for derived in ("url", "abs_dest_path"):
                file.__dict__.pop(derived, None)
            file.inclusion = InclusionLevel.NOT_IN_NAV
        if internal and files.get_file_from_path(generated.AGENTS_INDEX) is None:
            page = generated.agents_markdown()
            files.append(
                File.generated(config, generated.AGENTS_INDEX, content=page, inclusion=InclusionLevel.NOT_IN_NAV)
            )

    def _add_generated_pages(self, files: Files, config: MkDocsConfig, centre: HelpCentre) -> None:
        if files.get_file_from_path("index.md") is None:
            files.append(File.generated(config, "index.md", content=generated.home_markdown(self.config)))
        self._listings = {}
        per_page = self.config.navigation.articles_per_page
        for category in centre.categories:
            src_uri = generated.category_page(category)
            if files.get_file_from_path(src_uri) is None:
                files.append(File.generated(config, src_uri, content=generated.category_markdown(category)))
            self._listings[src_uri] = (category, 1)
            count = generated.category_page_count(centre, category, per_page)
            for number in range(2, count + 1):
                src_uri = generated.listing_page(category, number)
                if files.get_file_from_path(src_uri) is not None:
                    raise PluginError(
                        f"helpcentre: docs/{src_uri} is where page {number} of the category '{category.key}'"
                        " goes; rename it or raise navigation.articles_per_page in mkdocs.yml"
                    )
                content = generated.later_category_markdown(category, number, count)
                # Reached from the category's first page, like its articles; not a line in the sidebar.
                files.append(File.generated(config, src_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
                self._listings[src_uri] = (category, number)

    def _add_assets(self, files: Files, config: MkDocsConfig) -> None:
        for asset in sorted((_PACKAGE / "assets").iterdir()):
            files.append(File.generated(config, f"assets/helpcentre/{asset.name}", abs_src_path=str(asset)))
        joined = "\n".join((_PACKAGE / "assets" / name).read_text(encoding="utf-8") for name in _STYLESHEETS)
        files.append(File.generated(config, f"assets/helpcentre/{SITE_STYLESHEET}", content=joined))


SITE_STYLESHEET = "site.css"
_STYLESHEETS = ("helpcentre.css", "step-links.css", "feedback.css", "print.css")


def _excluded_from_search(page: Page) -> bool:
    """A page of the site's own that says `search: {exclude: true}`, as the generated ones do."""
    options = page.meta.get("search")
    return isinstance(options, dict) and bool(options.get("exclude"))


def _for_search_engines(page: Page | None) -> bool:
    """Pages marked `noindex` (internal articles and their section) stay out of the sitemap too."""
    meta = page.meta if page is not None else {}
    return "noindex" not in str(meta.get("robots", ""))
