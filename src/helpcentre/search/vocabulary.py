"""The words the search box may correct a query to: small, and shipped beside the index.

Only what writers chose to name things — titles, tags, headings, bold UI labels — and the
synonyms from mkdocs.yml; never every word of every body. A customer's "Terasoft" is then
corrected to a word the help centre stands behind ("therasoft"), and a body's passing typo is
never offered as a correction.

The same module spells words the way the browser does (`search-query.js` mirrors `words_of`),
so that a word found here is found there.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from helpcentre.articles import Article
from helpcentre.articles.steps import BOLD

# A word's letters and digits, with the hyphens and apostrophes inside it: "pre-pay", "client's".
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_FENCE = re.compile(r"^ {0,3}(```|~~~).*?^ {0,3}\1[ \t]*$", re.MULTILINE | re.DOTALL)
# Shorter words are kept for compounds ("log" + "out"), but are never a typo's correction.
MIN_WORD_LENGTH = 2
# Words of a question that say nothing of its subject: "how do I prepay" is about "prepay".
# search-query.js leaves out the same words when it searches.
STOP_WORDS = frozenset(
    "a an and are as at be been but by can could did do does for from had has have how i if in into "
    "is it its me my of on or our should so than that the their them then there these this those "
    "to was we what when where which who why will with would you your".split()
)


@dataclass
class Vocabulary:
    """Words with the number of articles naming them, compounds, and synonym groups."""

    words: Counter[str] = field(default_factory=Counter)
    # A hyphenated word by its letters run together: {"prepay": "pre-pay"}.
    compounds: dict[str, str] = field(default_factory=dict)
    synonyms: list[list[str]] = field(default_factory=list)

    def payload(self) -> dict[str, object]:
        """The vocabulary as the browser reads it, in a stable order, so a site's files are the same each build."""
        return {
            "words": dict(sorted(self.words.items())),
            "compounds": dict(sorted(self.compounds.items())),
            "synonyms": self.synonyms,
        }


def fold(text: str) -> str:
    """Lower case without accents, as the query is folded: "Café" and "cafe" are one word."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(character for character in decomposed if not unicodedata.combining(character))


def content_words(text: str) -> list[str]:
    """The words of `text` that carry its meaning, as the search box reads them (all, if none does)."""
    words = words_of(text)
    meaningful = [word for word in words if word not in STOP_WORDS]
    return meaningful or words


def words_of(text: str) -> list[str]:
    """The folded words of `text`, hyphenated words whole, apostrophes straightened."""
    return [word.replace("’", "'") for word in _WORD.findall(fold(text))]


def phrase(text: str) -> str:
    """A synonym as the query will be matched against it: folded words, one space apart."""
    return " ".join(words_of(text))


def searchable_articles(articles: Iterable[Article]) -> list[Article]:
    """The articles customers can find: not internal, not excluded from search."""
    return [
        article
        for article in articles
        if not article.for_agents_only and not (article.meta.search and article.meta.search.exclude)
    ]


def named_things(article: Article) -> list[str]:
    """What the writer named: the title, tags, headings and bold labels, each as written."""
    body = _FENCE.sub("", article.body)
    return [
        article.meta.title,
        *article.meta.tags,
        *(match.group(1) for match in _HEADING.finditer(body)),
        *BOLD.findall(body),
    ]


def build_vocabulary(articles: Iterable[Article], synonyms: Mapping[str, list[str]]) -> Vocabulary:
    vocabulary = Vocabulary()
    for article in searchable_articles(articles):
        seen: set[str] = set()
        for text in named_things(article):
            seen.update(_add_compounds(vocabulary, words_of(text)))
        vocabulary.words.update(word for word in seen if _is_word(word))
    for key, others in synonyms.items():
        group = list(dict.fromkeys(phrase(text) for text in (key, *others) if phrase(text)))
        if len(group) > 1:
            vocabulary.synonyms.append(group)
        for text in group:
            for word in _add_compounds(vocabulary, text.split()):
                if _is_word(word) and word not in vocabulary.words:
                    vocabulary.words[word] = 1
    return vocabulary


def _add_compounds(vocabulary: Vocabulary, words: list[str]) -> set[str]:
    """Every word and hyphenated part in `words`; a hyphenated word is also noted as a compound."""
    found: set[str] = set()
    for word in words:
        parts = re.split(r"['-]", word)
        if "-" in word:
            found.add(word)
            vocabulary.compounds.setdefault("".join(parts), word)
            found.update(parts)
        else:
            # "client's" is the word "client" to a search box.
            found.add(parts[0])
    return found


def _is_word(word: str) -> bool:
    return len(word) >= MIN_WORD_LENGTH and not word.replace("-", "").isdigit()
