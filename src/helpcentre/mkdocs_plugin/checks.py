"""The build's checks: `helpcentre lint` over the files MkDocs has read, before anything is written.

A link that leads out of the project is dropped from the build here, before its content is read,
so the site never copies what it points at; lint reports it (HC132) and the build fails on it.
"""

from __future__ import annotations

import fnmatch
import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from helpcentre.articles import HelpCentre, Severity
from helpcentre.articles import problems as codes
from helpcentre.lint import DocsTree, errors_in, lint_help_centre
from helpcentre.outside_links import links_out_of, under_any
from helpcentre.settings import HelpCentreSettings

log = logging.getLogger("mkdocs.plugins.helpcentre")


class ScreenshotsNotPictures(PluginError):
    """The build stopped on screenshots that are not whole PNG files (HC133).

    MkDocs turns every plugin error into one `Abort`, whose context this stays: `helpcentre build`
    finds it there and exits with the code of its own (3) that a broken checkout gets.
    """


def check_help_centre(
    files: Files, config: MkDocsConfig, settings: HelpCentreSettings, project_root: Path
) -> HelpCentre:
    """Lint what the build would publish, logging every problem; raise once if any is an error."""
    docs_dir = Path(config.docs_dir)
    outside = links_out_of(docs_dir, project_root)
    tree = DocsTree(
        articles=[],
        files={file.src_uri for file in files},
        outside=[_shown(link.path, project_root) for link in outside],
    )
    for file in list(files):
        if file.generated_by is None and under_any(file.src_uri, outside):
            files.remove(file)
    for file in files.documentation_pages():
        # Bytes: lint reports a file that is not UTF-8 (HC116) instead of MkDocs failing on it.
        source = (file.src_uri, display_path(file, project_root), file.content_bytes)
        if any(fnmatch.fnmatch(file.src_uri, pattern) for pattern in settings.pages_not_articles):
            tree.other_pages.append(source)
        else:
            tree.articles.append(source)
    screenshots_dir = project_root / settings.screenshots_dir
    centre, found = lint_help_centre(
        tree,
        settings.category_list,
        settings.targets,
        screenshots_dir,
        settings.screenshots_dir,
        project_root=project_root,
    )
    for problem in found:
        (log.error if problem.severity is Severity.ERROR else log.warning)(str(problem))
    errors = errors_in(found)
    if any(problem.code == codes.SCREENSHOT_NOT_PNG for problem in errors):
        raise ScreenshotsNotPictures(f"{len(errors)} error(s) in the help centre; see the messages above.")
    if errors:
        raise PluginError(f"{len(errors)} error(s) in the help centre; see the messages above.")
    return centre


def display_path(file: File, project_root: Path) -> str:
    """The path a writer recognises: relative to mkdocs.yml, as `docs/billing/x.md`."""
    if file.abs_src_path is None:
        return file.src_uri
    return _shown(Path(file.abs_src_path), project_root)


def _shown(path: Path, project_root: Path) -> str:
    # A link is shown where it is, not where it leads.
    for candidate in (Path(os.path.abspath(path)), path.resolve()):
        try:
            return candidate.relative_to(project_root).as_posix()
        except ValueError:
            continue
    return str(path)
