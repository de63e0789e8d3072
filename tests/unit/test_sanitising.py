"""The build's sanitiser: it keeps what Markdown, its extensions, glightbox and the plugin write,
and drops what runs, loads another page, or passes for the site's own markup."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from helpcentre.mkdocs_plugin.sanitising import sanitise_body

RICH_ARTICLE = Path(__file__).with_name("rich_article.md")


class _Events(HTMLParser):
    """A page as a browser builds it: elements, their attributes and text, whatever the spelling."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # `disabled` and `disabled=""` are one attribute; `text-align: left;` and `text-align:left` one style.
        values = {name: (value or "").replace(" ", "").rstrip(";") for name, value in attrs}
        self.events.append(("start", tag, sorted(values.items())))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # `<img />` and `<img>` are one element.
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.events.append(("end", tag))

    def handle_data(self, data: str) -> None:
        self.events.append(("text", data))


def events(html: str) -> list[tuple]:
    reader = _Events()
    reader.feed(html)
    reader.close()
    return reader.events


def test_everything_an_article_writes_is_kept():
    renderer = markdown.Markdown(
        extensions=[
            "admonition",
            "attr_list",
            "md_in_html",
            "tables",
            "toc",
            "pymdownx.superfences",
            "pymdownx.tasklist",
        ],
        extension_configs={"toc": {"permalink": True}, "pymdownx.tasklist": {"custom_checkbox": True}},
    )
    rendered = renderer.convert(RICH_ARTICLE.read_text(encoding="utf-8"))
    assert events(sanitise_body(rendered)) == events(rendered)


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ('<img src="chart.png" alt="A chart" onerror="alert(1)">', '<img src="chart.png" alt="A chart">'),
        (
            '<details ontoggle="alert(1)" open><summary>More</summary></details>',
            '<details open=""><summary>More</summary></details>',
        ),
        ('<a href="javascript:alert(1)">Terms</a>', "<a>Terms</a>"),
        ('<a href=" JaVa&#x09;Script:alert(1)">Terms</a>', "<a>Terms</a>"),
        ('<img src="data:image/svg+xml,&lt;svg onload=alert(1)&gt;" alt="Logo">', '<img alt="Logo">'),
        ('<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>After', "After"),
        ('<form action="https://collector.example/"><button>Send</button></form>', "Send"),
        ("<script>alert(1)</script><style>body{display:none}</style>Text", "Text"),
        # Material reads its settings from the first #__config in the page; the article's would come first.
        (
            '<div id="__config">{"base": "https://elsewhere.example/"}</div>',
            '<div>{"base": "https://elsewhere.example/"}</div>',
        ),
        # The site's scripts read data-hc-*: the search index's address, the feedback endpoint.
        ('<div data-hc-search-index="https://elsewhere.example/hc-search/">Search</div>', "<div>Search</div>"),
        # glightbox shows a description as HTML, and opens other kinds of link in a frame.
        (
            '<a class="glightbox" data-type="iframe" data-description="&lt;img src=x onerror=alert(1)&gt;" href="x.png">i</a>',
            '<a class="glightbox" href="x.png">i</a>',
        ),
    ],
)
def test_what_runs_or_passes_for_the_site_is_dropped(written, kept):
    assert sanitise_body(written) == kept
