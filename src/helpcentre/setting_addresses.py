"""Where the writers' guide explains each setting: the anchors of its settings reference.

A settings error ends with the address of the setting it names, as a lint problem ends with
its code's: `plugins.helpcentre.targets.crm.login.path` is explained at the anchor
`plugins.helpcentre.targets.NAME.login.path` of the guide's settings page.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import NoneType, UnionType
from typing import Union, get_args, get_origin

from pydantic import BaseModel

from helpcentre import settings
from helpcentre.guide import guide_address
from helpcentre.settings import HelpCentreSettings

# The writers' guide's settings reference: a heading per setting, whose anchor is the setting's
# path as errors print it, with NAME for a name of the writer's own (`targets.NAME.login.path`).
SETTINGS_PAGE = "reference/settings"
SETTINGS_ROOT = "plugins.helpcentre"


def setting_paths(model: type[BaseModel] = HelpCentreSettings, prefix: str = SETTINGS_ROOT) -> list[str]:
    """Every setting the reference documents, as its anchor: helpcentre.settings' models, field by field.

    A list of locators (`masks`) is one setting: locators are documented with walkthroughs.
    """
    paths = []
    for name, field in model.model_fields.items():
        path = f"{prefix}.{name}"
        paths.append(path)
        inner, key = _held(field.annotation)
        if inner is not None:
            if key:
                path = f"{path}.{key}"
                paths.append(path)
            paths += setting_paths(inner, path)
    return paths


def setting_anchor(location: Sequence[str | int]) -> str:
    """The reference's anchor for the setting an error names by `location`, as pydantic gives it.

    `("targets", "crm", "login", "path")` is `plugins.helpcentre.targets.NAME.login.path`; a key
    the settings do not have is shown under the setting it was written in.
    """
    anchor, model, key = SETTINGS_ROOT, HelpCentreSettings, ""
    for part in location:
        if isinstance(part, int):
            continue
        if key:
            anchor, key = f"{anchor}.{key}", ""
            continue
        if model is None or part not in model.model_fields:
            break
        anchor = f"{anchor}.{part}"
        model, key = _held(model.model_fields[part].annotation)
    return anchor


def setting_address(location: Sequence[str | int]) -> str:
    """Where the writers' guide explains the setting at `location`."""
    return guide_address(SETTINGS_PAGE, setting_anchor(location))


def _held(annotation: object) -> tuple[type[BaseModel] | None, str]:
    """The settings model a field holds, and the placeholder of its keys when it holds them by name."""
    origin = get_origin(annotation)
    if origin in (Union, UnionType):
        # `LoginSettings | None` holds settings; `str | FromEnvironment` is a value of its own.
        held = [_held(member) for member in get_args(annotation) if member is not NoneType]
        return held[0] if len(held) == 1 else (None, "")
    if origin is dict:
        model, _ = _held(get_args(annotation)[1])
        return (model, "NAME") if model is not None else (None, "")
    if origin is list:
        return _held(get_args(annotation)[0])
    if (
        isinstance(annotation, type)
        and issubclass(annotation, BaseModel)
        and annotation.__module__ == settings.__name__
    ):
        return annotation, ""
    return None, ""
