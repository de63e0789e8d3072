"""`helpcentre lint` follows links and anchors as the built site does: none reported that works."""

from __future__ import annotations

import re
import textwrap

from integration.conftest import PNG, article_text
from integration.test_lint import lint, project, write_all  # noqa: F401  (a fixture)


def test_links_to_pages_anchors_steps_files_and_short_links_resolve(project):  # noqa: F811
    write_all(project, {"docs/billing/refund-form.pdf": b"%PDF-1.4\n", "docs/billing/form.png": PNG})
    body = textwrap.dedent(
        """\
        ## Before you start

        See [paying](pay.md), [step 2](open.md#step-2), [this section](#before-you-start),
        [the form](refund-form.pdf), [short link](/a/1/), [the web](https://example.com/x.md),
        [billing](index.md), [the policies](../policies/index.md) and [email](mailto:b@example.com).

        ![The refund form](form.png)

        `[not a link](nowhere.md)` and `<script>` in code are shown, not run:

        ```html
        <script src="x.js"></script> ![](missing.png)
        ```
        """
    )
    write_all(project, {"docs/billing/refund.md": article_text(5, "Ask for a refund", body=body)})
    assert lint(project)[:2] == (0, [])


def test_a_customers_page_that_links_an_internal_article_is_refused(project):  # noqa: F811
    internal = article_text(5, "Refund escalations", extra="audience: agents\n", body="See [paying](pay.md).\n")
    public = article_text(6, "Ask for a refund", body="Agents see [escalations](escalations.md) and [this](/a/5/).\n")
    write_all(project, {"docs/billing/escalations.md": internal, "docs/billing/refund.md": public})
    code, lines, summary = lint(project)
    assert (code, summary) == (1, "2 error(s), 0 warning(s)\n")
    assert lines == [
        f"docs/billing/refund.md:8:{column}: HC122 link '{link}' is to an internal article (billing/escalations,"
        " audience: agents), which the customers' site does not have; link it only from internal articles (see guide/docs/reference/lint-codes.md#hc122)"
        for column, link in ((46, "/a/5/"), (12, "escalations.md"))
    ]


def test_heading_anchors_are_the_ones_the_built_pages_have(agents_site, project_root):
    """Lint's anchors come from the same slug rules as the site's, or HC121 would be wrong."""
    from helpcentre.lint.markdown_scan import anchors
    from helpcentre.project import load_project

    centre, _ = load_project(project_root / "mkdocs.yml").lint()
    checked = 0
    for article in centre.articles:
        section = "agents/" if article.for_agents_only else ""
        html = (agents_site / section / article.ref / "index.html").read_text(encoding="utf-8")
        page_ids = set(re.findall(r'\bid="([^"]+)"', html))
        found = anchors(article.body)
        assert found <= page_ids, article.ref
        checked += len(found)
    assert checked >= 3, "the articles have headings to compare"


def test_tricky_heading_anchors_match_the_build(project):  # noqa: F811
    from helpcentre.lint.markdown_scan import anchors

    body = (
        "## Pay **now**\n\n## Pay now\n\n## The `Save` button & <em>its</em> [menu](pay.md)\n\n## Pré-pay: 3 months?\n"
    )
    write_all(project, {"docs/billing/headings.md": article_text(7, "Headings", body=body)})
    result = project.build("--strict")
    assert result.returncode == 0, result.output
    html = result.page("billing/headings/index.html")
    found = anchors(body)
    assert found == {"pay-now", "pay-now_1", "the-save-button-its-menu", "pre-pay-3-months"}
    assert found <= set(re.findall(r'\bid="([^"]+)"', html))
