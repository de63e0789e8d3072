"""The site's search: the index and vocabulary written at build time, free of MkDocs.

The browser side (query correction, compounds, synonyms, ranking, reporting) lives in the
plugin's assets, `search-query.js` and `search.js`, and reads what this package writes.
"""

from helpcentre.search.indexing import (
    INDEX_DIR,
    VOCABULARY_FILE,
    IndexedSite,
    SearchIndexer,
    SearchIndexError,
    article_document,
    page_document,
)
from helpcentre.search.vocabulary import Vocabulary, build_vocabulary

__all__ = [
    "INDEX_DIR",
    "VOCABULARY_FILE",
    "IndexedSite",
    "SearchIndexError",
    "SearchIndexer",
    "Vocabulary",
    "article_document",
    "build_vocabulary",
    "page_document",
]
