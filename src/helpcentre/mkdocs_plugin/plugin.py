"""MkDocs event hooks: load the help centre once, then hand pages what they render."""

from __future__ import annotations

import fnmatch
import logging
import os
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from helpcentre.articles import HelpCentre, Severity
from helpcentre.lint import DocsTree, errors_in, lint_help_centre, page_from_source
from helpcentre.mkdocs_plugin import generated, screenshots
from helpcentre.project import validate_settings
from helpcentre.settings import HelpCentreSettings

log = logging.getLogger("mkdocs.plugins.helpcentre")

_PACKAGE = Path(__file__).parent
_CONTACT_LINK = re.compile(r"\]\(contact:\)")
_MATERIAL_WORKER = re.compile(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js")
TYPO_TOLERANT_WORKER = "assets/javascripts/workers/helpcentre-search.js"


class HelpCentrePlugin(BasePlugin):
    """Validates articles and generates the help-centre pages around them."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.settings: HelpCentreSettings | None = None
        self.centre: HelpCentre | None = None
        self._article_by_src: dict[str, object] = {}
        self._url_by_ref: dict[str, str] = {}
        self._step_images: dict[str, dict[int, screenshots.StepImage]] = {}
        self._manifest: dict = {}

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
        # After a custom_dir, so a project can still override our templates; before the theme's.
        position = 1 if config.theme.custom_dir else 0
        config.theme.dirs.insert(position, str(_PACKAGE / "templates"))
        config.extra_css.append("assets/helpcentre/helpcentre.css")
        config.extra_javascript.append("assets/helpcentre/helpcentre.js")
        return config

    # Runs after other plugins added their files, so generated pages never shadow real ones.
    @event_priority(-50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        project_root = Path(config.config_file_path or ".").resolve().parent
        # The same checks as `helpcentre lint`, over what MkDocs has already read.
        tree = DocsTree(articles=[], files={file.src_uri for file in files})
        for file in files.documentation_pages():
            if self._is_plain_page(file.src_uri):
                page = page_from_source(file.src_uri, _display_path(file, project_root), file.content_string)
                tree.other_pages.append(page)
            else:
                tree.articles.append((file.src_uri, _display_path(file, project_root), file.content_string))
        screenshots_dir = project_root / self.config.screenshots_dir
        centre, found = lint_help_centre(
            tree, self.config.category_list, self.config.targets, screenshots_dir, self.config.screenshots_dir
        )
        for problem in found:
            (log.error if problem.severity is Severity.ERROR else log.warning)(str(problem))
        errors = errors_in(found)
        if errors:
            raise PluginError(f"{len(errors)} error(s) in the help centre; see the messages above.")

        self.centre = centre
        self._article_by_src = {str(article.src_path): article for article in centre.articles}
        self._manifest = screenshots.read_manifest(project_root / self.config.screenshots_dir)
        self._step_images = screenshots.add_step_images(files, config, centre, screenshots_dir)
        self._add_generated_pages(files, config, centre)
        self._add_assets(files, config)
        self._url_by_ref = {
            article.ref: files.get_file_from_path(str(article.src_path)).url for article in centre.articles
        }
        if config.nav is None:
            config.nav = generated.navigation(centre)
        return files

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if self.config.enabled:
            # The theme's navigation template writes indentation for every page of every section,
            # pruned ones too: trimmed, a page's weight no longer grows with other categories.
            env.trim_blocks = True
            env.lstrip_blocks = True
        return env

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        article = self._article_by_src.get(page.file.src_uri)
        if article is not None:
            page.meta["template"] = "helpcentre/article.html"
            markdown = screenshots.place_under_steps(markdown, article, self._step_images.get(article.ref, {}))
        # `[text](contact:)` links to the contact address set once in mkdocs.yml.
        return _CONTACT_LINK.sub(f"]({self.config.contact.url})", markdown)

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        if self.centre is None:
            return context
        context["hc"] = generated.page_context(
            self.centre,
            self._article_by_src.get(page.file.src_uri),
            page,
            self._url_by_ref,
            self.config,
            self._manifest,
        )
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.typo_tolerant_search:
            return output
        # Material lets a site supply its own search worker through the page config.
        return _MATERIAL_WORKER.sub(TYPO_TOLERANT_WORKER, output, count=1)

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        # Screenshots live outside docs_dir, so MkDocs would not reload the page after a re-capture.
        screenshots_dir = Path(config.config_file_path or ".").resolve().parent / self.config.screenshots_dir
        if self.config.enabled and screenshots_dir.is_dir():
            server.watch(str(screenshots_dir))
        return server

    def _is_plain_page(self, src_uri: str) -> bool:
        return any(fnmatch.fnmatch(src_uri, pattern) for pattern in self.config.pages_not_articles)

    def _add_generated_pages(self, files: Files, config: MkDocsConfig, centre: HelpCentre) -> None:
        if files.get_file_from_path("index.md") is None:
            files.append(File.generated(config, "index.md", content=generated.home_markdown(self.config)))
        for category in centre.categories:
            src_uri = f"{category.key}/index.md"
            if files.get_file_from_path(src_uri) is None:
                files.append(File.generated(config, src_uri, content=generated.category_markdown(category)))

    def _add_assets(self, files: Files, config: MkDocsConfig) -> None:
        for asset in sorted((_PACKAGE / "assets").iterdir()):
            files.append(File.generated(config, f"assets/helpcentre/{asset.name}", abs_src_path=str(asset)))
        if not self.config.typo_tolerant_search:
            return
        material_worker = next((file.src_uri for file in files if _MATERIAL_WORKER.fullmatch(file.src_uri)), None)
        if material_worker is None:
            log.warning("helpcentre: the theme has no lunr search worker; search stays as the theme ships it")
            self.config.typo_tolerant_search = False
            return
        content = (_PACKAGE / "search-worker.js").read_text(encoding="utf-8")
        content = content.replace("MATERIAL_WORKER", os.path.basename(material_worker))
        files.append(File.generated(config, TYPO_TOLERANT_WORKER, content=content))


def _display_path(file: File, project_root: Path) -> str:
    """The path a writer recognises: relative to mkdocs.yml, as `docs/billing/x.md`."""
    if file.abs_src_path is None:
        return file.src_uri
    try:
        return Path(file.abs_src_path).resolve().relative_to(project_root).as_posix()
    except ValueError:
        return file.abs_src_path
