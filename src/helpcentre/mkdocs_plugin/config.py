"""Settings of the `helpcentre` plugin in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CategoryConfig(Config):
    key = c.Type(str)
    title = c.Type(str)
    description = c.Type(str, default="")
    icon = c.Type(str, default="material/folder-outline")


class ContactConfig(Config):
    title = c.Type(str, default="Still need help?")
    text = c.Type(str, default="Contact our billing department")
    url = c.Type(str)
    label = c.Type(str, default="Contact billing")


class HomeConfig(Config):
    title = c.Type(str, default="How can we help?")
    lead = c.Type(str, default="Search the help centre or browse by topic.")


class HelpCentreConfig(Config):
    enabled = c.Type(bool, default=True)
    categories = c.ListOfItems(c.SubConfig(CategoryConfig))
    contact = c.SubConfig(ContactConfig)
    home = c.SubConfig(HomeConfig)
    # Markdown files that are pages of their own rather than articles.
    pages_not_articles = c.ListOfItems(c.Type(str), default=["index.md"])
    typo_tolerant_search = c.Type(bool, default=True)
