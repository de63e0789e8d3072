"""A help-centre project on disk: mkdocs.yml's settings and the articles, read without MkDocs."""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from helpcentre.articles import HelpCentre, Problem, load_help_centre
from helpcentre.articles.frontmatter import format_field
from helpcentre.articles.schema import describe_error
from helpcentre.lint import DocsTree, lint_help_centre
from helpcentre.outside_links import OutsideLink, links_out_of, under_any
from helpcentre.setting_addresses import setting_address
from helpcentre.settings import HelpCentreSettings


class ProjectError(Exception):
    """mkdocs.yml cannot be used; the message names the file and the setting."""


@dataclass
class Project:
    root: Path
    config_file: Path
    docs_dir: Path
    settings: HelpCentreSettings
    # mkdocs.yml's site_url, where the site is published; None when it is not set.
    site_url: str | None = None
    # mkdocs.yml's site_name: which help centre this is, as its readers know it.
    site_name: str = ""

    @property
    def screenshots_dir(self) -> Path:
        return self.root / self.settings.screenshots_dir

    @property
    def verification_record(self) -> Path:
        return self.root / self.settings.verification_record

    def display_path(self, path: Path) -> str:
        """Relative to the project; a link is shown where it is, not where it leads."""
        for candidate in (Path(os.path.abspath(path)), path.resolve()):
            try:
                return candidate.relative_to(self.root).as_posix()
            except ValueError:
                continue
        return str(path)

    def links_out_of_docs(self) -> list[OutsideLink]:
        """Links in docs_dir that lead out of the project: reported, never read."""
        return links_out_of(self.docs_dir, self.root)

    def article_sources(self) -> list[tuple[str, str, bytes]]:
        """`(src_path, display_path, bytes)` for every article under docs_dir, in path order.

        Bytes, not text: a file that is not UTF-8 is reported by the loader, not raised here.
        """
        sources = []
        outside = self.links_out_of_docs()
        for path in sorted(self.docs_dir.rglob("*.md")):
            src_path = path.relative_to(self.docs_dir).as_posix()
            if any(fnmatch.fnmatch(src_path, pattern) for pattern in self.settings.pages_not_articles):
                continue
            if under_any(src_path, outside):
                continue
            sources.append((src_path, self.display_path(path), path.read_bytes()))
        return sources

    def load_help_centre(self) -> tuple[HelpCentre, list[Problem]]:
        return load_help_centre(self.article_sources(), self.settings.category_list, self.settings.targets)

    def docs_tree(self) -> DocsTree:
        """The docs folder as lint reads it: articles, other Markdown pages and every file."""
        files = {
            path.relative_to(self.docs_dir).as_posix()
            for path in self.docs_dir.rglob("*")
            if path.is_file() and not path.name.startswith(".")
        }
        articles = self.article_sources()
        article_paths = {src_path for src_path, _, _ in articles}
        outside = self.links_out_of_docs()
        other_pages = [
            (src_path, self.display_path(self.docs_dir / src_path), (self.docs_dir / src_path).read_bytes())
            for src_path in sorted(files)
            if src_path.endswith(".md") and src_path not in article_paths and not under_any(src_path, outside)
        ]
        shown = [self.display_path(link.path) for link in outside]
        return DocsTree(articles, other_pages, files, outside=shown)

    def lint(self) -> tuple[HelpCentre, list[Problem]]:
        return lint_help_centre(
            self.docs_tree(),
            self.settings.category_list,
            self.settings.targets,
            self.screenshots_dir,
            self.display_path(self.screenshots_dir),
            project_root=self.root,
        )


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's `!ENV` and `!!python/name:` tags without acting on them."""


def _construct_env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    import os

    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        values = loader.construct_sequence(node)
        names, default = values[:-1], values[-1]
    for name in names:
        if name in os.environ:
            return os.environ[name]
    return default


_TolerantLoader.add_constructor("!ENV", _construct_env)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def validate_settings(options: dict[str, Any]) -> tuple[HelpCentreSettings | None, list[tuple[str, str]]]:
    """The plugin's options as settings, or every `(field, message)` that is wrong with them.

    Each message ends with where the writers' guide explains that setting.
    """
    try:
        return HelpCentreSettings.model_validate(options), []
    except ValidationError as error:
        problems = []
        for item in error.errors(include_url=False):
            _, message = describe_error(item, HelpCentreSettings)
            location = tuple(item["loc"])
            problems.append((format_field(location), f"{message} (see {setting_address(location)})"))
        return None, problems


def parse_settings(options: dict[str, Any], where: str) -> HelpCentreSettings:
    settings, problems = validate_settings(options)
    if settings is None:
        lines = [f"{where}: plugins.helpcentre.{field}: {message}" for field, message in problems]
        raise ProjectError("\n".join(lines))
    return settings


def load_project(config_file: Path | str = "mkdocs.yml") -> Project:
    config_file = Path(config_file).resolve()
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    except OSError as error:
        raise ProjectError(f"{config_file}: {error.strerror}") from None
    except yaml.YAMLError as error:
        raise ProjectError(f"{config_file.name}: invalid YAML: {error}") from None
    options = None
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and "helpcentre" in entry:
            options = entry["helpcentre"] or {}
        elif entry == "helpcentre":
            options = {}
    if options is None:
        raise ProjectError(f"{config_file.name}: plugins: the helpcentre plugin is not configured")
    root = config_file.parent
    settings = parse_settings(options, config_file.name)
    site_url = config.get("site_url")
    docs_dir = root / config.get("docs_dir", "docs")
    return Project(
        root,
        config_file,
        docs_dir,
        settings,
        site_url=str(site_url) if site_url else None,
        site_name=str(config.get("site_name") or ""),
    )
