"""What search engines get from a fixture help centre: the sitemap, robots and safe JSON-LD.

To reproduce a failure by hand: write the files the test writes into a folder, run
`helpcentre build -f mkdocs.yml` there and read `site/sitemap.xml` or the page's source.
"""

from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ElementTree

from integration.conftest import MKDOCS_YML, article_text

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
SITEMAP_LOC = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"


def test_pages_for_support_agents_stay_out_of_the_sitemap(fixture_project):
    fixture_project.write("docs/billing/refunds.md", article_text(3, "Refund a client", extra="audience: agents\n"))
    for audience in ("customers", "agents"):
        result = fixture_project.build("--strict", "--audience", audience)
        assert result.returncode == 0, result.output
        sitemap = (result.site / "sitemap.xml").read_bytes()
        assert gzip.decompress((result.site / "sitemap.xml.gz").read_bytes()) == sitemap
        listed = [loc.text for loc in ElementTree.fromstring(sitemap).iter(SITEMAP_LOC)]
        assert "http://127.0.0.1:8000/billing/pay/" in listed and "http://127.0.0.1:8000/billing/card/" in listed
        assert [url for url in listed if "/agents/" in url or "refunds" in url] == []
        pages = list(result.site.rglob("refunds/index.html"))
        if audience == "customers":
            assert pages == [], "the public site holds no internal page"
        else:
            assert '<meta name="robots" content="noindex">' in pages[0].read_text(encoding="utf-8")


def test_structured_data_cannot_close_its_script_element(fixture_project):
    title = "Fees & </script><!-- charges"
    fixture_project.write(
        "docs/billing/card.md", f"---\nid: 2\ntitle: '{title}'\nsummary: A <b>bold</b> claim.\ncategory: billing\n---\n"
    )
    result = fixture_project.build("--strict")
    assert result.returncode == 0, result.output
    blocks = JSON_LD.findall(result.page("billing/card/index.html"))
    assert len(blocks) == 2
    article = next(item for item in map(json.loads, blocks) if item["@type"] == "Article")
    assert article["headline"] == title
    assert article["description"] == "A <b>bold</b> claim."


def test_a_site_without_site_url_builds_without_canonical_links_or_structured_data(fixture_project):
    fixture_project.write("mkdocs.yml", MKDOCS_YML.replace("site_url: http://127.0.0.1:8000/\n", ""))
    result = fixture_project.build("--strict")
    assert result.returncode == 0, result.output
    page = result.page("billing/card/index.html")
    assert 'rel="canonical"' not in page and "application/ld+json" not in page
    assert '<meta name="description" content="About Change your card.">' in page
    not_found = result.page("404.html")
    assert "We can't find that page" in not_found
    assert 'action="/"' in not_found
