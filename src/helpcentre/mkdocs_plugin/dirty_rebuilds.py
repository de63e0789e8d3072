"""What `helpcentre serve` (`mkdocs serve --dirty`) needs to rebuild only what an edit touched."""

from __future__ import annotations

import hashlib
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from helpcentre.articles import HelpCentre


def holds(path: Path, text: str) -> bool:
    """Whether the file already says `text`, so that rewriting it can be skipped."""
    try:
        return path.read_text(encoding="utf-8") == text
    except OSError:
        return False


def settings_signature(config: MkDocsConfig) -> str:
    """What a whole rebuild depends on beyond the pages: mkdocs.yml as written."""
    config_file = Path(config.config_file_path or "mkdocs.yml")
    try:
        return hashlib.sha256(config_file.read_bytes()).hexdigest()
    except OSError:
        return ""


def forget_pages_with_new_screenshots(files: Files, centre: HelpCentre, images: dict) -> None:
    """A dirty rebuild renders only pages whose Markdown changed; a re-capture changes none.

    Removing the built page of each article with a screenshot newer than it makes MkDocs render
    it again (a page without output counts as changed), and only it.
    """
    for article in centre.articles:
        steps = images.get(article.ref)
        file = files.get_file_from_path(str(article.src_path))
        if not steps or file is None:
            continue
        built = Path(file.abs_dest_path)
        try:
            built_at = built.stat().st_mtime
        except FileNotFoundError:
            continue
        for image in steps.values():
            source = files.get_file_from_path(image.src_uri)
            if source is not None and source.abs_src_path and Path(source.abs_src_path).stat().st_mtime > built_at:
                built.unlink(missing_ok=True)
                break
