"""Pages that only send the reader on: short links (`/a/101/`) and the old paths of moved articles.

A static host has no server-side redirects, so each is a small HTML page: a script that keeps
the `#step-3` of the link (a meta refresh would drop it), a meta refresh for readers without
script, a canonical link for search engines, and a plain link as the last resort.
"""

from __future__ import annotations

import posixpath
from html import escape

from helpcentre.articles import HelpCentre
from helpcentre.exports import short_path


def redirect_page(from_path: str, to_url: str, canonical: str, title: str) -> str:
    """The page at site-relative `from_path` (`a/101/`) that sends readers to site-relative `to_url`."""
    relative = posixpath.relpath(to_url or ".", from_path.rstrip("/") or ".")
    relative = relative + "/" if to_url.endswith("/") and not relative.endswith("/") else relative
    target = escape(relative, quote=True)
    script_target = relative.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\u003c")
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{escape(canonical, quote=True)}">\n'
        f'<script>location.replace("{script_target}" + location.hash);</script>\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n'
        "</head>\n<body>\n"
        f'<p>This article is at <a href="{target}">{escape(title)}</a>.</p>\n'
        "</body>\n</html>\n"
    )


def redirect_pages(centre: HelpCentre, urls: dict[str, str], site_url: str) -> dict[str, str]:
    """`{site-relative file path: HTML}` for every short link and every old path."""
    base = site_url if site_url.endswith("/") else f"{site_url}/"
    pages: dict[str, str] = {}
    for article in centre.articles:
        url = urls[article.ref]
        sources = [short_path(article.id), *(f"{old_path}/" for old_path in article.meta.redirects)]
        for source in sources:
            pages[f"{source}index.html"] = redirect_page(source, url, base + url, article.title)
    return pages
