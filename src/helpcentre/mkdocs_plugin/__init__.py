"""The MkDocs adapter: a thin layer over the article model, so the site layer can move."""
