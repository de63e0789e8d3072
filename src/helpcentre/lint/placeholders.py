"""What a draft holds until its writer replaces it: lint refuses each one, so none is published.

The sentences `new` and `record` write (HC142), wherever they stand in the summary or the body's
prose, and a value `record` would not keep (HC118), which the walk would type as it is.
"""

from __future__ import annotations

from helpcentre.articles import problems as codes
from helpcentre.articles.loader import step_paths
from helpcentre.articles.model import Article
from helpcentre.articles.placeholders import PLACEHOLDER_SENTENCES, PLACEHOLDER_VALUE
from helpcentre.articles.problems import Problem
from helpcentre.lint.markdown_scan import prose_lines


def placeholder_problems(article: Article) -> list[Problem]:
    return _sentences(article) + _values(article)


def _sentences(article: Article) -> list[Problem]:
    found = []
    line, column = article.front_matter.position_of(("summary",))
    for sentence in PLACEHOLDER_SENTENCES:
        if sentence in " ".join(article.meta.summary.split()):
            found.append(_sentence_problem(article, line, column, "summary", sentence))
    # Code shows the sentence to a reader (as this guide does), it does not say it: only prose counts.
    for line, text in prose_lines(article.body, article.front_matter.body_line):
        for sentence in PLACEHOLDER_SENTENCES:
            start = text.find(sentence)
            while start >= 0:
                found.append(_sentence_problem(article, line, start + 1, "body", sentence))
                start = text.find(sentence, start + len(sentence))
    return found


def _sentence_problem(article: Article, line: int, column: int, field: str, sentence: str) -> Problem:
    message = f'"{sentence}" is a placeholder of the draft; replace it with your own words'
    return Problem(article.display_path, line, codes.PLACEHOLDER_SENTENCE, field, message, column)


def _values(article: Article) -> list[Problem]:
    """A recorded value left as a placeholder: the walk would type it into the product as it is."""
    walkthrough = article.meta.walkthrough
    found = []
    for number, spec in (walkthrough.steps if walkthrough else {}).items():
        for label, value in (spec.fields or {}).items():
            if PLACEHOLDER_VALUE.match(value):
                _, position = step_paths(("walkthrough", "steps", number, "fields", label), article.front_matter.data)
                line, column = article.front_matter.position_of(position)
                found.append(
                    Problem(
                        article.display_path,
                        line,
                        codes.PLACEHOLDER_VALUE,
                        f"walkthrough.steps.{number}.fields.{label}",
                        f"{value} is a placeholder; write the test account's value for the walk to type",
                        column,
                    )
                )
    return found
