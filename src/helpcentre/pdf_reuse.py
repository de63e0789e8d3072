"""A PDF printed before is used again while nothing it was printed from has changed.

What a PDF shows is its article's built page and what that page loads for print: the
stylesheets and scripts of the theme, and its pictures. Their bytes together are the PDF's
sources; a PDF is kept, outside the site (which each build empties), with the hash of its sources,
and a build whose page and files hash the same takes the kept PDF instead of printing again.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from helpcentre import atomic

# Where the page points at what it loads: images (and their phone crops), stylesheets, scripts.
_LOADED = re.compile(r'\b(?:src|href|srcset)="([^"#?]+)[^"]*"')
_PRINTED_KINDS = (".css", ".js", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")


def sources_hash(site_dir: Path, page: str) -> str:
    """The hash of the article page at `page` (relative to the site's root) and of every file it loads for print."""
    page_file = site_dir / page / "index.html" if not page.endswith(".html") else site_dir / page
    html = page_file.read_bytes()
    digest = hashlib.sha256(html)
    page_dir = posixpath.dirname(page_file.relative_to(site_dir).as_posix())
    for address in sorted(set(_LOADED.findall(html.decode("utf-8", errors="replace")))):
        if urlsplit(address).scheme or address.startswith("//") or not address.lower().endswith(_PRINTED_KINDS):
            continue
        relative = posixpath.normpath(posixpath.join(page_dir, unquote(address)))
        loaded = site_dir / relative
        if relative.startswith("..") or not loaded.is_file():
            continue
        digest.update(b"\0" + relative.encode() + b"\0")
        digest.update(loaded.read_bytes())
    return digest.hexdigest()


class PrintedPdfs:
    """The PDFs printed before, by article, each beside the hash of what it was printed from."""

    def __init__(self, folder: Path):
        self.folder = folder

    def kept(self, ref: str, sources: str) -> bytes | None:
        """The PDF printed from these same sources, or None."""
        pdf, recorded = self._files(ref)
        try:
            if recorded.read_text(encoding="utf-8").strip() == sources:
                return pdf.read_bytes()
        except OSError:
            pass
        return None

    def keep(self, ref: str, sources: str, data: bytes) -> None:
        pdf, recorded = self._files(ref)
        # The hash goes first and comes back last: a run stopped in between leaves a PDF with no
        # hash, printed again next time, never a hash that vouches for another PDF.
        recorded.unlink(missing_ok=True)
        atomic.write_bytes(pdf, data)
        atomic.write_bytes(recorded, sources.encode("utf-8"))

    def _files(self, ref: str) -> tuple[Path, Path]:
        return self.folder / f"{ref}.pdf", self.folder / f"{ref}.sources"
