"""Record a writer's clicks, choices and typing in the product as an article's numbered steps.

The page reports each click and each committed field value (a `change` event) with the
control's role, name and container, and what the page looked like just before. The steps are
written in the sentences the walkthrough rules read ("Select the **Bank account** tab",
"In the **Billing Contact** panel, click **Edit Contact**", "Enter the **Name** and **Phone**"),
so the walkthrough holds only what the words cannot say: the values typed.

- Typing into one form, with no click between, becomes one fill step; a choice in a select or a
  list of options is said in its words: "Choose **Paid** as the **Status**".
- A field is named as a reader hears it (its label, title or placeholder), never by its value.
- A click after which the page looked the same is not kept, nor a detour: two clicks that put
  the page back as it was (a tab opened, then the one before), with nothing typed or changed between.
- Following a link is a click step, not a jump to an address.
- Values of fields that look personal or secret are replaced: by the sandbox's demo values, or
  by a placeholder `‹label›` that lint refuses (HC118) until a test value is written; their
  fields are masked in the pictures. Each replacement is noted on its step with the reason
  (`typed_values.py`), for `record` to tell the writer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from playwright.async_api import BrowserContext

from helpcentre.articles.names import reader_name
from helpcentre.authoring.typed_values import Replaced, replaced_value

BINDING = "__helpcentreRecord"

# What the page looks like, coarsely: its address, how much text it shows, what is open,
# selected or checked. Typing changes none of it; a click that did something changes some.
_FINGERPRINT = """() => [
    location.pathname + location.search,
    document.body.innerText.length,
    ...['dialog[open]', '[aria-expanded="true"]', '[aria-selected="true"]', '[aria-checked="true"]', 'input:checked']
      .map(selector => document.querySelectorAll(selector).length),
  ].join('|')"""

RECORDER_SCRIPT = r"""(() => {
  if (window.__helpcentreRecorder) return;
  window.__helpcentreRecorder = true;
  const send = event => { if (window.__helpcentreRecord) window.__helpcentreRecord(event); };
  const squash = value => (value || '').replace(/\s+/g, ' ').trim();
  const shown = el => !el.closest('[hidden], [aria-hidden="true"]')
    && (el.checkVisibility ? el.checkVisibility() : true);
  const byIds = ids => squash((ids || '').split(/\s+/)
    .map(id => (document.getElementById(id) || {}).textContent || '').join(' '));
  const roleOf = el => {
    const explicit = (el.getAttribute('role') || '').split(/\s+/)[0];
    if (explicit) return explicit;
    const tag = el.tagName.toLowerCase(), type = (el.getAttribute('type') || '').toLowerCase();
    if (tag === 'a') return 'link';
    if (tag === 'button' || (tag === 'input' && ['submit', 'button', 'reset'].includes(type))) return 'button';
    if (tag === 'select') return 'combobox';
    if (tag === 'input' && ['checkbox', 'radio'].includes(type)) return type;
    if (tag === 'input' || tag === 'textarea') return 'textbox';
    if (tag === 'dialog') return 'dialog';
    if (tag === 'section' && (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby'))) return 'region';
    if (tag === 'summary') return 'button';
    return '';
  };
  const FIELD_ROLES = ['textbox', 'searchbox', 'combobox', 'listbox', 'spinbutton', 'slider',
    'checkbox', 'radio', 'switch'];
  const isField = el => ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName)
    && !['submit', 'button', 'reset', 'image'].includes((el.getAttribute('type') || '').toLowerCase())
    || FIELD_ROLES.includes(roleOf(el));
  // A label's words as a reader hears them: never what is typed or chosen in a field, its own or another's.
  const wordsOf = (node, field) => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent;
    if (node.nodeType !== Node.ELEMENT_NODE || node === field || isField(node) || node.hidden
        || node.getAttribute('aria-hidden') === 'true' || ['SCRIPT', 'STYLE', 'TEMPLATE'].includes(node.tagName)) {
      return '';
    }
    if (node.getAttribute('aria-label')) return ' ' + node.getAttribute('aria-label') + ' ';
    const inner = [...node.childNodes].map(child => wordsOf(child, field)).join('');
    return getComputedStyle(node).display === 'inline' ? inner : ' ' + inner + ' ';
  };
  // A field is named as the reader's name for it: aria-labelledby, aria-label, its labels, its title,
  // its placeholder; never its value, which a page without a label would otherwise give it.
  const fieldName = el => {
    const heard = nodes => squash(nodes.map(node => wordsOf(node, el)).join(' '));
    const labelledBy = (el.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean)
      .map(id => document.getElementById(id)).filter(Boolean);
    return heard(labelledBy) || squash(el.getAttribute('aria-label')) || heard(el.labels ? [...el.labels] : [])
      || squash(el.getAttribute('title')) || squash(el.getAttribute('placeholder'))
      || squash(el.getAttribute('aria-placeholder'));
  };
  const nameOf = el => isField(el) ? fieldName(el) : squash(el.getAttribute('aria-label'))
    || byIds(el.getAttribute('aria-labelledby'))
    || (el.labels && el.labels.length ? squash(el.labels[0].innerText) : '')
    || squash(el.innerText) || squash(el.value) || squash(el.getAttribute('title'));
  const CONTAINERS = ['dialog', 'alertdialog', 'region', 'menu', 'tabpanel', 'form'];
  const containerOf = el => {
    for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
      const role = roleOf(node);
      if (CONTAINERS.includes(role) && (node.getAttribute('aria-label') || node.getAttribute('aria-labelledby')))
        return {role, name: squash(node.getAttribute('aria-label')) || byIds(node.getAttribute('aria-labelledby'))};
    }
    return null;
  };
  const CONTROLS = 'button, a[href], [role=button], [role=link], [role=menuitem], [role=tab], [role=option], '
    + '[role=radio], [role=switch], summary, input[type=submit], input[type=button]';
  const sameNamed = (role, name) => [...document.querySelectorAll(CONTROLS + ', input, select, textarea')]
    .filter(el => shown(el) && roleOf(el) === role && nameOf(el) === name).length;
  const fingerprint = __FINGERPRINT__;
  const describe = el => {
    const role = roleOf(el), name = nameOf(el);
    return {role, name, haspopup: el.getAttribute('aria-haspopup') || '', container: containerOf(el),
            repeated: sameNamed(role, name) > 1};
  };
  const SECRET = /card number|cvc|cvv|security code|account number|routing|password|e-?mail|ssn|social security/i;
  // What makes a field look personal or secret, in a word ('' when nothing does): its type, its
  // autocomplete, or the words of its name.
  const secret = el => {
    const type = (el.getAttribute('type') || '').toLowerCase();
    if (['password', 'email'].includes(type)) return type;
    if (/^cc-/.test(el.getAttribute('autocomplete') || '')) return 'card';
    const words = nameOf(el).match(SECRET);
    return words ? words[0].toLowerCase() : '';
  };
  const formOf = el => {
    const form = el.form || el.closest('form');
    return form ? (form.getAttribute('action') || '') + '#' + [...document.forms].indexOf(form) : '';
  };
  // The field a listbox belongs to: the combobox or button that controls or owns it, else the listbox.
  const fieldOfList = list => (list.id && [...document.querySelectorAll('[aria-controls], [aria-owns]')].find(el =>
    el !== list && ((el.getAttribute('aria-controls') || '') + ' ' + (el.getAttribute('aria-owns') || ''))
      .split(/\s+/).includes(list.id))) || list;
  document.addEventListener('click', event => {
    const target = event.target instanceof Element ? event.target : null;
    const option = target && target.closest('[role=option]');
    const list = option && option.closest('[role=listbox]');
    if (list) {
      const field = fieldOfList(list);
      send({kind: 'choose', ...describe(field), value: nameOf(option), form: formOf(field), before: fingerprint()});
      return;
    }
    const el = target && target.closest(CONTROLS);
    if (!el || el.matches('input[type=checkbox], input[type=radio]')) return;
    // What only opens a list of options is no step of its own: the option chosen is.
    if (roleOf(el) === 'combobox' || el.getAttribute('aria-haspopup') === 'listbox') return;
    send({kind: 'click', ...describe(el), before: fingerprint()});
  }, true);
  document.addEventListener('change', event => {
    const el = event.target;
    const field = [HTMLInputElement, HTMLSelectElement, HTMLTextAreaElement].some(kind => el instanceof kind);
    if (!field) return;
    if (el.type === 'checkbox' || el.type === 'radio') {
      send({kind: 'check', ...describe(el), checked: el.checked, before: fingerprint()});
      return;
    }
    if (el instanceof HTMLSelectElement) {
      const value = squash(el.selectedOptions[0] && el.selectedOptions[0].text);
      send({kind: 'choose', ...describe(el), value, form: formOf(el), before: fingerprint()});
      return;
    }
    send({kind: 'fill', ...describe(el), value: el.value, form: formOf(el), secret: secret(el), before: fingerprint()});
  }, true);
  const loaded = () => send({kind: 'load', before: fingerprint()});
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', loaded); else loaded();
})()""".replace("__FINGERPRINT__", _FINGERPRINT)

CONTAINER_NOUNS = {"region": "panel", "dialog": "dialog", "alertdialog": "dialog", "menu": "menu", "tabpanel": "tab"}


@dataclass
class RecordedStep:
    """One numbered step: its sentence, and what the words cannot say; the typed values it does not keep."""

    sentence: str
    fields: dict[str, str] = field(default_factory=dict)
    masks: list[str] = field(default_factory=list)
    replaced: list[Replaced] = field(default_factory=list)


@dataclass
class _Done:
    """What the writer did, in order: a step, with the page before and after it when it is a click;
    `step` is None for a change that is no step of its own (a box cleared)."""

    step: RecordedStep | None
    before: str | None = None
    after: str | None = None


def _as_read(event: dict[str, Any]) -> dict[str, Any]:
    """The event with its control's name as a reader reads it: "Client:" is written **Client**."""
    if event.get("name"):
        event["name"] = reader_name(event["name"])
    if event.get("kind") == "choose" and event.get("value"):
        event["value"] = reader_name(event["value"])
    return event


class Recorder:
    """Collects what a writer does in a browser context, in order, across page loads."""

    def __init__(self, on_sandbox: bool):
        self.on_sandbox = on_sandbox
        self.events: list[dict[str, Any]] = []

    async def attach(self, context: BrowserContext) -> None:
        await context.expose_binding(BINDING, lambda _source, event: self.events.append(_as_read(event)))
        await context.add_init_script(RECORDER_SCRIPT)

    def steps(self, final_fingerprint: str | None = None) -> list[RecordedStep]:
        """The recorded steps; `final_fingerprint` is the page as it was at the end, if it is still open."""
        done: list[_Done] = []
        pending_click: dict[str, Any] | None = None
        filling: dict[str, Any] | None = None
        end = {"kind": "end", "before": final_fingerprint}
        for event in [*self.events, end]:
            if pending_click is not None and event["before"] is not None:
                # The page before this event is the page after that click: did the click change it?
                if event["before"] != pending_click["before"]:
                    _clicked(done, pending_click, event["before"])
                pending_click = None
            elif pending_click is not None and event["kind"] == "end":
                _clicked(done, pending_click, None)
                pending_click = None
            if event["kind"] in ("fill", "choose"):
                if filling is not None and filling["form"] != event["form"]:
                    done.append(_Done(self._fill_step(filling)))
                    filling = None
                filling = filling or {"form": event["form"], "fields": {}, "choices": {}, "secret": {}}
                name, value = event["name"], event["value"]
                if event["kind"] == "choose":
                    # What was typed only to narrow the list down is said by the choice.
                    filling["fields"].pop(name, None)
                    filling["choices"][name] = value
                elif filling["choices"].get(name) != value:
                    filling["fields"][name] = value
                    if event.get("secret"):
                        filling["secret"][name] = str(event["secret"])
                continue
            if event["kind"] in ("click", "check", "end") and filling is not None:
                done.append(_Done(self._fill_step(filling)))
                filling = None
            if event["kind"] == "click":
                pending_click = event
            elif event["kind"] == "check":
                # A box ticked is a step; one cleared is none, but it changed the page all the same.
                ticked = RecordedStep(f"Check the **{event['name']}** checkbox") if event.get("checked") else None
                done.append(_Done(ticked))
        return [entry.step for entry in done if entry.step is not None]

    def _fill_step(self, filling: dict[str, Any]) -> RecordedStep:
        names = list(filling["fields"])
        fields, masks, replaced = {}, [], []
        for name in names:
            value = filling["fields"][name]
            if name in filling["secret"]:
                value, note = replaced_value(name, filling["secret"][name], self.on_sandbox)
                masks.append(name)
                replaced.append(note)
            fields[name] = value
        # A choice is said in the words ("choose **Paid** as the **Status**"); only typed values are fields.
        parts = [f"enter the {_listed(names)}"] if names else []
        parts += [f"choose **{value}** as the **{name}**" for name, value in filling["choices"].items()]
        sentence = ", then ".join(parts)
        return RecordedStep(sentence[0].upper() + sentence[1:], fields, masks, replaced)


def _clicked(done: list[_Done], click: dict[str, Any], after: str | None) -> None:
    """A click that changed the page is a step, unless it put the page back as it was before the
    click just kept, with nothing typed or changed between: that pair is a detour, and neither is kept."""
    last = done[-1] if done else None
    if after is not None and last is not None and last.before == after:
        done.pop()
        return
    done.append(_Done(RecordedStep(click_sentence(click)), click["before"], after))


def click_sentence(event: dict[str, Any]) -> str:
    """A click as the walkthrough rules read it, scoped by its container when its name repeats."""
    role, name = event["role"], event["name"]
    if role == "button" and event.get("haspopup") in ("menu", "true"):
        sentence = f"Go to the **{name}** menu"
    elif role == "button":
        sentence = f"Click the **{name}** button"
    elif role == "tab":
        sentence = f"Select the **{name}** tab"
    elif role in ("menuitem", "menuitemcheckbox", "menuitemradio"):
        sentence = f"Select **{name}**"
    elif role in ("option", "radio"):
        sentence = f"Choose **{name}**"
    else:
        sentence = f"Click **{name}**"
    container = event.get("container")
    if event.get("repeated") and container and container["role"] in CONTAINER_NOUNS:
        noun = CONTAINER_NOUNS[container["role"]]
        sentence = f"In the **{container['name']}** {noun}, {sentence[0].lower()}{sentence[1:]}"
    return sentence


def _listed(names: list[str]) -> str:
    bold = [f"**{name}**" for name in names]
    return bold[0] if len(bold) == 1 else ", ".join(bold[:-1]) + " and " + bold[-1]


async def page_fingerprint(page) -> str | None:
    """The page as the recorder compares it, or None when the page is gone."""
    try:
        return await page.evaluate(_FINGERPRINT)
    except Exception:  # noqa: BLE001 - a closed page or browser has no state to compare
        return None
