"""What a page calls things, written as step sentences and overrides a writer can paste."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from helpcentre.articles.names import reader_name
from helpcentre.articles.override_lines import PLACEHOLDER, keyed
from helpcentre.baselines.aria_tree import AriaNode

CONTAINER_NOUNS = {
    "region": "panel",
    "dialog": "dialog",
    "alertdialog": "dialog",
    "table": "table",
    "grid": "table",
    "menu": "menu",
    "form": "form",
    "tabpanel": "tab",
}
CONTROL_SENTENCES = {
    "button": "Click the **{name}** button",
    "link": "Click **{name}**",
    "menuitem": "Select **{name}**",
    "menuitemcheckbox": "Select **{name}**",
    "menuitemradio": "Select **{name}**",
    "tab": "Select the **{name}** tab",
    "checkbox": "Check the **{name}** checkbox",
    "switch": "Click the **{name}** switch",
    "radio": "Choose **{name}**",
    "option": "Choose **{name}**",
    "treeitem": "Select **{name}**",
}
FIELD_SENTENCES = {
    "textbox": "Enter the **{name}**",
    "searchbox": "Enter the **{name}**",
    "spinbutton": "Enter the **{name}**",
    "combobox": "Choose the **{name}**",
    "listbox": "Choose the **{name}**",
    "slider": "Set the **{name}**",
}


@dataclass(frozen=True)
class Entry:
    """One thing on the page: its role and name, where it stands, and how a step would name it."""

    role: str
    name: str
    container: str
    sentence: str
    override: str = ""


@dataclass
class PageInventory:
    containers: list[Entry]
    controls: list[Entry]
    fields: list[Entry]
    # What the product says in its status and alert areas: "Self Address saved."
    messages: list[Entry] = field(default_factory=list)


def _container_of(node: AriaNode) -> AriaNode | None:
    return next((ancestor for ancestor in node.ancestors() if ancestor.role in CONTAINER_NOUNS and ancestor.name), None)


def _scoped(sentence: str, container: AriaNode | None) -> str:
    if container is None:
        return sentence
    noun = CONTAINER_NOUNS[container.role]
    return f"In the **{reader_name(container.name)}** {noun}, {sentence[0].lower()}{sentence[1:]}"


def inventory(tree: AriaNode) -> PageInventory:
    """Containers, controls and fields of a page, in page order, each with a ready step sentence.

    A name shown by more than one control is given with its container ("In the **Billing
    Contact** panel, click ...") and the `target` override that names it outright.
    """
    nodes = [node for node in tree.walk() if node.name]
    repeated = Counter((node.role, node.name) for node in nodes)
    containers: list[Entry] = []
    controls: list[Entry] = []
    fields: list[Entry] = []
    seen: set[tuple[str, str, str]] = set()
    messages = [
        Entry(node.role, node.all_text(), "", f"Verify the page shows **{_first_sentence(node.all_text())}**")
        for node in tree.walk()
        if node.role in ("status", "alert") and node.all_text()
    ]
    for node in nodes:
        container = _container_of(node)
        where = container.describe() if container else ""
        key = (node.role, node.name, where)
        if key in seen:
            continue
        seen.add(key)
        if node.role in CONTAINER_NOUNS:
            sentence = f"In the **{reader_name(node.name)}** {CONTAINER_NOUNS[node.role]}, …"
            containers.append(Entry(node.role, node.name, where, sentence))
            continue
        template = CONTROL_SENTENCES.get(node.role) or FIELD_SENTENCES.get(node.role)
        if template is None:
            continue
        # The words and `fields` say the name as a reader reads it ("Client" for "Client:"); a
        # target names the control by its own name. Overrides are YAML that reads back as shown.
        sentence = template.format(name=reader_name(node.name))
        override = ""
        if node.role in FIELD_SENTENCES:
            override = keyed("fields", {reader_name(node.name): PLACEHOLDER})
        if repeated[(node.role, node.name)] > 1:
            sentence = _scoped(sentence, container)
            target: dict[str, object] = {"role": node.role, "name": node.name}
            if container:
                target["within"] = {"role": container.role, "name": container.name}
            else:
                target["nth"] = 0
            override = keyed("target", target)
        entry = Entry(node.role, node.name, where, sentence, override)
        (fields if node.role in FIELD_SENTENCES else controls).append(entry)
    return PageInventory(containers, controls, fields, messages)


def _first_sentence(text: str) -> str:
    return text.split(". ", 1)[0].rstrip(".")


def format_inventory(found: PageInventory) -> list[str]:
    """The inventory as aligned lines for the terminal."""
    lines: list[str] = []
    for heading, entries in (
        ("Containers: name one to scope a step", found.containers),
        ("Controls: what a step clicks", found.controls),
        ("Fields: what a step fills; the value goes in the step's fields", found.fields),
        ("Messages: what the product says; a step can check them", found.messages),
    ):
        if not entries:
            continue
        lines.append(heading)
        width = min(44, max(len(f"{entry.role} '{entry.name}'") for entry in entries))
        for entry in entries:
            named = f"{entry.role} '{entry.name}'"
            line = f"  {named:<{width}}  {entry.sentence}"
            if entry.override:
                line += f"    [{entry.override}]"
            if entry.container:
                line += f"    (in {entry.container})"
            lines.append(line)
        lines.append("")
    return lines
