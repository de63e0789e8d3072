"""The votes per article as CSV, for whoever improves the articles readers found unhelpful."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence

from helpcentre.feedback.store import ArticleVotes

COLUMNS = ["article_id", "title", "url", "yes", "no", "helpful_ratio", "comments", "last_vote_at"]
# A cell starting with one of these is a formula to a spreadsheet; readers write the comments.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def feedback_csv(votes: Sequence[ArticleVotes], titles: Mapping[int, str]) -> str:
    """One row an article: its votes, the share that said yes, and every comment, newest first.

    `titles` names the articles the help centre still has; an article since removed keeps its
    row with an empty title. Comments are one a line in their cell.
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
                _inert("\n".join(article.comments)),
                article.last_vote_at,
            ]
        )
    return out.getvalue()


def _inert(text: str) -> str:
    """Text a spreadsheet shows as text, never runs as a formula."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
