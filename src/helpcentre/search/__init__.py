"""The site's search: the index and vocabulary written at build time, free of MkDocs.

The browser side (query correction, compounds, synonyms, ranking, reporting) lives in the
plugin's assets, `search-query.js` and `search.js`, and reads what this package writes.
"""

from helpcentre.search.indexing import INDEX_DIR, VOCABULARY_FILE, IndexedSite, SearchIndexError, write_search_index
from helpcentre.search.vocabulary import Vocabulary, build_vocabulary

__all__ = [
    "INDEX_DIR",
    "VOCABULARY_FILE",
    "IndexedSite",
    "SearchIndexError",
    "Vocabulary",
    "build_vocabulary",
    "write_search_index",
]
