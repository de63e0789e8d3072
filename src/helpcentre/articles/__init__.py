"""Articles as data: front matter, schema, numbered steps, and the help centre they form."""

from helpcentre.articles.loader import load_help_centre, parse_article
from helpcentre.articles.model import Article, Category, HelpCentre, UnknownArticle
from helpcentre.articles.problems import ArticleError, Problem, Severity
from helpcentre.articles.steps import Step

__all__ = [
    "Article",
    "ArticleError",
    "Category",
    "HelpCentre",
    "Problem",
    "Severity",
    "Step",
    "UnknownArticle",
    "load_help_centre",
    "parse_article",
]
