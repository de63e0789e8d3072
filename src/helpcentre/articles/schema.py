"""The front matter schema of an article, and its translation of validation errors."""

from __future__ import annotations

import difflib
from typing import Annotated, Any, Literal, get_origin

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, StringConstraints, ValidationError

from helpcentre.articles.walkthrough import Step, StepOverride, Walkthrough

# The form of a step, as pydantic names it in an error's location.
_STEP_FORMS: dict[str, type[BaseModel]] = {"explicit": Step, "override": StepOverride}

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _article_reference(value: Any) -> int | str:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if isinstance(value, str) and value.strip():
        return value.strip()
    raise ValueError("must be an article id or a docs path such as billing/change-card-or-bank-info")


ArticleReference = Annotated[int | str, PlainValidator(_article_reference)]


def _site_path(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be an old path of the article, such as billing/old-name")
    path = value.strip().strip("/").removesuffix(".md").removesuffix("/index.html").removesuffix(".html")
    if "://" in value or ".." in path.split("/") or not path:
        raise ValueError(f"'{value}' is not a path inside the site, such as billing/old-name")
    return path


SitePath = Annotated[str, PlainValidator(_site_path)]


class SearchOptions(BaseModel):
    """Material's own per-page search settings, passed through to the search index."""

    model_config = ConfigDict(extra="forbid")

    boost: float = Field(default=1.0, gt=0)
    exclude: bool = False


class ArticleMeta(BaseModel):
    """What a writer may put in an article's front matter."""

    model_config = ConfigDict(extra="forbid", strict=True)

    id: int = Field(gt=0, description="stable number behind the short link /a/<id>/")
    title: NonEmpty
    summary: NonEmpty
    category: NonEmpty
    tags: list[NonEmpty] = []
    related: list[ArticleReference] = []
    promoted: bool = False
    search: SearchOptions | None = None
    # `agents`: an internal article for support agents, built into its own section and left
    # out of the customers' navigation, search, home and category pages.
    audience: Literal["customers", "agents"] = "customers"
    # Paths the article had before a move (`billing/old-name`); each keeps redirecting here.
    redirects: list[SitePath] = []
    walkthrough: Walkthrough | None = None


def known_keys(model: type[BaseModel]) -> list[str]:
    return list(model.model_fields)


def describe_error(error: dict[str, Any], model: type[BaseModel]) -> tuple[str, str]:
    """A pydantic error as (code kind, writer-facing message)."""
    kind = error["type"]
    if kind == "missing":
        return "missing", "field required"
    if kind == "extra_forbidden":
        key = str(error["loc"][-1])
        message = f"unknown key '{key}'"
        parent = _model_at(model, error["loc"][:-1])
        if parent is not None:
            close = difflib.get_close_matches(key, known_keys(parent), n=1)
            if close:
                message += f" (did you mean '{close[0]}'?)"
        return "unknown", message
    message = error["msg"].removeprefix("Value error, ")
    if message[:2].isupper():
        return "invalid", message
    return "invalid", message[0].lower() + message[1:]


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    current: Any = model
    # The part after a mapping's field is a key the writer chose (`targets.billing`), not a field.
    keyed = False
    for part in loc:
        if part in _STEP_FORMS:
            current = _STEP_FORMS[part]
            continue
        if isinstance(part, int) or keyed:
            keyed = False
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return None
        annotation = current.model_fields[part].annotation
        keyed = get_origin(annotation) is dict
        current = next(
            (
                arg
                for arg in getattr(annotation, "__args__", (annotation,))
                if isinstance(arg, type) and issubclass(arg, BaseModel)
            ),
            annotation,
        )
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def validation_errors(model: type[BaseModel], data: dict[str, Any]) -> tuple[BaseModel | None, list[dict[str, Any]]]:
    try:
        return model.model_validate(data), []
    except ValidationError as error:
        return None, error.errors(include_url=False)
