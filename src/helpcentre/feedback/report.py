"""The votes per article as CSV, for whoever improves the articles readers found unhelpful."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Mapping, Sequence

from helpcentre.feedback.store import ArticleVotes

COLUMNS = ["article_id", "title", "url", "yes", "no", "helpful_ratio", "comments", "last_vote_at"]
# A cell starting with one of these is a formula to a spreadsheet; readers write the comments.
# Spreadsheets skip leading whitespace first, and read the full-width forms (＝ ＋ － ＠, typed
# with an East Asian input method) as the ASCII ones: so does _inert, through NFKC, which maps
# those and the other compatibility forms (﹦ ⁼ ...) to =, +, - and @.
_FORMULA_STARTS = ("=", "+", "-", "@")
# Tab and carriage return start a formula too; the report writes a carriage return as \n.
_FORMULA_CONTROLS = ("\t", "\r", "\n")


def feedback_csv(votes: Sequence[ArticleVotes], titles: Mapping[int, str]) -> str:
    """One row an article: its votes, the share that said yes, and every comment, newest first.

    `titles` names the articles the help centre still has; an article since removed keeps its
    row with an empty title. Comments are one a line in their cell, every line break in them a \\n.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for article in votes:
        total = article.yes + article.no
        writer.writerow(
            [
                article.article_id,
                titles.get(article.article_id, ""),
                article.last_page_url or "",
                article.yes,
                article.no,
                f"{article.yes / total:.2f}" if total else "",
                _inert("\n".join(_newlines(comment) for comment in article.comments)),
                article.last_vote_at,
            ]
        )
    return out.getvalue()


def _newlines(text: str) -> str:
    # A lone \r is a row break to a spreadsheet, and the csv module quotes a cell for \n, not for \r.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _inert(text: str) -> str:
    """Text a spreadsheet shows as text, never runs as a formula: a quote first if it could be one."""
    if text.startswith(_FORMULA_CONTROLS) or _starts_formula(text.lstrip()):
        return "'" + text
    return text


def _starts_formula(text: str) -> bool:
    return unicodedata.normalize("NFKC", text[:1]).startswith(_FORMULA_STARTS)
