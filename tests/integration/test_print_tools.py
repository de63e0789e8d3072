"""The Print button and the PDF download on article pages of fixture projects, and their settings.

To reproduce a failure by hand: write the files the test writes into a folder and run
`helpcentre build -f mkdocs.yml` there.
"""

from __future__ import annotations

from integration.conftest import MKDOCS_YML

PDF_LINK = 'class="md-button hc-download-pdf"'


def with_pdf_settings(settings: str) -> str:
    """The fixture's mkdocs.yml with a `pdf:` block in the helpcentre plugin's settings."""
    anchor = "      contact:\n"
    assert anchor in MKDOCS_YML
    return MKDOCS_YML.replace(anchor, f"      pdf:\n{settings}{anchor}", 1)


def test_every_article_has_a_print_button_and_the_print_stylesheet(fixture_project):
    result = fixture_project.build("--strict")
    assert result.returncode == 0, result.output
    page = result.page("billing/pay/index.html")
    assert '<button type="button" class="md-button hc-print">' in page
    assert '<script src="../../assets/helpcentre/print.js" async></script>' in page
    # The print rules come in the site's one stylesheet.
    assert 'href="../../assets/helpcentre/site.css"' in page
    assert (result.site / "assets/helpcentre/print.js").is_file()
    assert "@media print" in (result.site / "assets/helpcentre/site.css").read_text(encoding="utf-8")
    # Not on the pages around the articles.
    assert "hc-print" not in result.page("billing/index.html")


def test_without_pdf_settings_no_article_links_to_a_pdf(fixture_project):
    # The build cannot print PDFs itself, so by default no page promises one.
    result = fixture_project.build("--strict")
    assert result.returncode == 0, result.output
    assert PDF_LINK not in result.page("billing/pay/index.html")


def test_with_pdfs_enabled_each_article_links_to_its_own_pdf(fixture_project):
    fixture_project.write("mkdocs.yml", with_pdf_settings("        enabled: true\n        dir: downloads/guides\n"))
    result = fixture_project.build("--strict")
    assert result.returncode == 0, result.output
    for ref in ("billing/pay", "billing/card"):
        page = result.page(f"{ref}/index.html")
        assert f'{PDF_LINK} href="../../downloads/guides/{ref}.pdf" download' in page


def test_a_pdf_folder_outside_the_site_is_refused(fixture_project):
    fixture_project.write("mkdocs.yml", with_pdf_settings("        enabled: true\n        dir: ../elsewhere\n"))
    result = fixture_project.build("--strict")
    assert result.returncode != 0
    assert (
        "option 'pdf.dir': '../elsewhere' is not a folder inside the site; use letters, digits, - and _, "
        "with / between folders: pdf, downloads/guides"
    ) in result.output
