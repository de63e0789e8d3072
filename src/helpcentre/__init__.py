"""helpcentre: a help-centre knowledge base whose screenshots prove they match the product."""

__version__ = "0.1.0"
