"""The site's search: the index and vocabulary written at build time, free of MkDocs.

The browser side (query correction, compounds, synonyms, matching, ranking, reporting) lives in
the plugin's assets, `search-query.js`, `search-engine.js` and `search.js`, and reads what this
package writes.
"""

from helpcentre.search.documents import IndexedPage, article_document, page_document
from helpcentre.search.index_files import INDEX_DIR, META_FILE, IndexedSite, SearchIndexer, SearchIndexError
from helpcentre.search.vocabulary import Vocabulary, build_vocabulary

__all__ = [
    "INDEX_DIR",
    "META_FILE",
    "IndexedPage",
    "IndexedSite",
    "SearchIndexError",
    "SearchIndexer",
    "Vocabulary",
    "article_document",
    "build_vocabulary",
    "page_document",
]
