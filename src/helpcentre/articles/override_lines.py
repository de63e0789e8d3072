"""Override lines that messages suggest, written so that YAML reads back what they say when pasted.

A name such as "Yes, I’m sure", "Client:" or "yes" breaks a flow mapping written by hand
(`{name: Yes, I’m sure}` is a name "Yes" and a key "I’m sure"), so suggestions are dumped by
PyYAML, which quotes exactly what needs quoting.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml


class Placeholder(str):
    """A value the writer replaces, always shown in double quotes: `"…"`."""


PLACEHOLDER = Placeholder("…")


class _FlowDumper(yaml.SafeDumper):
    pass


_FlowDumper.add_representer(
    Placeholder, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style='"')
)


def flow(value: Mapping[str, Any]) -> str:
    """`value` as one line of YAML flow mapping: `{role: button, name: 'Yes, I’m sure'}`."""
    dumped = yaml.dump(
        dict(value),
        Dumper=_FlowDumper,
        default_flow_style=True,
        allow_unicode=True,
        sort_keys=False,
        width=10_000,
    )
    return dumped.strip().removesuffix("...").strip()


def keyed(key: str, value: Mapping[str, Any]) -> str:
    """`key: {…}` as a line to paste under a step (`fields: {Client: "…"}`); `key` is one of ours."""
    return f"{key}: {flow(value)}"
