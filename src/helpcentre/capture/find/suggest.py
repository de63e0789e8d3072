"""How a step that names nothing on the page is settled: the words to write, or an override.

A label one or two edits from exactly one name of the roles the step could mean is a typo: the
message asks "did you mean **ADDRESS**?" and says where to write it, in the step's own words.
Otherwise it lists what the page has, and proposes an override only for a control that does what
the step does: never a field of another kind (a select for typed text, a checkbox for a value),
nor a control the step already names for something else.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from helpcentre.articles.inference import TOGGLE_ROLES, Intent
from helpcentre.articles.names import reader_name
from helpcentre.articles.override_lines import keyed
from helpcentre.articles.page_labels import misspelt
from helpcentre.articles.walkthrough import Locator
from helpcentre.baselines.aria_tree import AriaNode, names_with_roles
from helpcentre.capture.errors import NotResolved
from helpcentre.plurals import plural_of

# The fields a typed value goes into (choosing.py types into these, and chooses in the others).
TYPED_ROLES = ("textbox", "searchbox", "spinbutton")
# Names listed in a message, closest in spelling first.
LISTED = 6
# How much of its spelling a name shares with a label, at least, to be offered as its override.
ALIKE = 0.6


@dataclass(frozen=True)
class Asked:
    """What a step asks of the page, for the line that settles a failure: the step's number, the
    names it already gives (bold labels, fields), and the roles of a control an override may name.
    A container the step looks in takes no override (`target` names the control, not its place)."""

    number: int
    named: tuple[str, ...] = ()
    roles: tuple[str, ...] | None = None
    overridden: bool = True

    def names(self, name: str) -> bool:
        return _read(name) in {_read(label) for label in self.named}


def asked_by(intent: Intent, number: int, named: tuple[str, ...] = ()) -> Asked:
    """The step's question, with the roles of a control that does what `intent` does."""
    roles = intent.roles
    if intent.kind == "set" and not all(role in TOGGLE_ROLES for role in roles):
        # A value typed goes into a text field; a value chosen into a field of options.
        typed = not intent.chooses
        roles = tuple(role for role in roles if (role in TYPED_ROLES) == typed) or roles
    return Asked(number, named, roles)


def not_named(
    tree: AriaNode, label: str, roles: tuple[str, ...], kind: str, within: Locator | None, asked: Asked | None
) -> NotResolved:
    """Nothing of these roles is named `label`: the typo it is, or what the page has instead."""
    inside = f" in {within.describe()}" if within else ""
    shown_roles = "/".join(roles[:4]) + ("/…" if len(roles) > 4 else "")
    reason = f"no {kind} named '{label}'{inside} ({shown_roles})"
    nodes = names_with_roles(tree, roles)
    meant = misspelt(label, [node.name for node in nodes])
    if meant is not None:
        role = next(node.role for node in nodes if reader_name(node.name) == meant)
        where = f" in step {asked.number}" if asked is not None else ""
        return NotResolved(
            reason, f"did you mean **{meant}**? write **{meant}**{where}", (label, roles), meant=(role, meant)
        )
    nearest = nearest_nodes(nodes, label)
    listed = ", ".join(node.describe() for node in nearest[:LISTED])
    reason += f"; {plural_of(kind)} here: {listed}" if nearest else f"; no {kind} here has a name"
    if asked is None or not asked.overridden:
        return NotResolved(reason, missing=(label, roles))
    fitting = [
        node
        for node in nearest
        if (asked.roles is None or node.role in asked.roles) and not asked.names(node.name) and _alike(node.name, label)
    ]
    if fitting:
        closest = Locator(role=fitting[0].role, name=fitting[0].name)
        settle = f"spell the label as the page does, or {override_hint(asked.number, closest, None, within)}"
    else:
        settle = f"spell the label as the page does, or rewrite step {asked.number} if the page no longer has it"
    return NotResolved(reason, settle, missing=(label, roles))


def override_hint(number: int | None, spec: Locator, nth: int | None, within: Locator | None) -> str:
    """ "settle it with walkthrough.steps.4: {target: {role: link, name: View November 2026}}": valid
    YAML when pasted, the page's own spelling of the name quoted where YAML needs it."""
    if number is None:
        return ""
    target: dict[str, object] = {"role": spec.role, "name": spec.name}
    if nth is not None:
        target["nth"] = nth
    if within is not None and within.role is not None:
        target["within"] = {"role": within.role, "name": within.name}
    return f"settle it with {keyed(f'walkthrough.steps.{number}', {'target': target})}"


def nearest_nodes(nodes: list[AriaNode], label: str) -> list[AriaNode]:
    """The named entries, the closest in spelling to the label first, each (role, name) once."""
    found: dict[tuple[str, str], AriaNode] = {}
    for node in nodes:
        found.setdefault((node.role, node.name), node)
    wanted = _read(label)
    return sorted(found.values(), key=lambda node: 1 - difflib.SequenceMatcher(None, _read(node.name), wanted).ratio())


def _alike(name: str, label: str) -> bool:
    """Whether a control's name may be what the label meant: a word in common ("Card Details" for
    **Payment Details**), or most of its letters. A control named unlike the label (a "Therasoft"
    link for **Users**, on a product the article is not about) is never offered as its override."""
    words = {word for word in re.findall(r"\w{3,}", _read(label))}
    if words & set(re.findall(r"\w{3,}", _read(name))):
        return True
    return difflib.SequenceMatcher(None, _read(name), _read(label)).ratio() >= ALIKE


def _read(name: str) -> str:
    return reader_name(name).casefold()


__all__ = ["Asked", "asked_by", "misspelt", "nearest_nodes", "not_named", "override_hint"]
