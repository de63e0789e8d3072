"""Personal data is painted over in every picture, on any product, with no mask configured.

A help centre is public, and a product's test or staging data is often real people's. What a
reader or a screen reader would take for a person's details is marked on the page and painted
over like a mask, in captures, in the pictures of a failed step, and in record's drafts:

- a field whose type, `autocomplete` or name (its label, `aria-label`, placeholder) says it holds
  an email, a phone number, a birth date, an address, a card or account number or a person's
  name, and any field whose value looks like one of those;
- text that looks like an email, a phone number, a card or account number or a street address;
- the value beside a label that names such data ("Date of birth", "Email:"), in a description
  list, a table row or the element after the label;
- the cells of a "Name", "Client" or "Patient" column.

A target lets a field show with `unmask` (the same locators as `masks`); its own masks add to
these. Verify ignores what is painted over in both pictures, as for any mask.
"""

from __future__ import annotations

import re

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Locator, Page

from helpcentre.capture.page.masked_text import ELEMENT_TEXT
from helpcentre.capture.page.visible_parts import SHOWN_RECTS

PERSONAL_ATTRIBUTE = "data-helpcentre-personal"
_GONE = re.compile(
    r"context was destroyed|Target (page, context or browser )?(has been )?closed|navigat", re.IGNORECASE
)
UNMASK_ATTRIBUTE = "data-helpcentre-unmask"

# A field's or a label's name that says it holds a person's data ("Email", "Name on card", "DOB").
PERSONAL_NAME = (
    r"\b(e-?mail|phone|mobile|cell|telephone|tel|fax|birth|dob|birthday|born|address|street|city|zip|postal"
    r"|post ?code|card ?(number|no)|name on card|cvc|cvv|security code|expir\w*|account (number|no)|routing"
    r"|iban|sort code|ssn|social security|name)(e?s)?\b"
)
# Names that are not a person's: "Practice name", "File name".
NOT_A_PERSON = (
    r"\b(company|practice|business|organi[sz]ation|product|file|service|plan|group|role|team|display|user"
    r"|item|template|category|tag|report|field|site|domain|server|host|app|package|project|page|event|table"
    r"|column|model|brand|street name)\b"
)
PERSONAL_AUTOCOMPLETE = (
    r"\b(name|given-name|family-name|additional-name|nickname|email|tel|tel-[a-z-]+|bday|bday-[a-z]+"
    r"|street-address|address-line[123]|address-level[1234]|postal-code|cc-[a-z-]+)\b"
)
# A column of people: "Name", "Client name", "Patients", "Assignee".
NAME_COLUMN = (
    r"^(full |first |last |client |patient |customer |contact |member )?names?$"
    r"|^(clients?|patients?|customers?|contacts?|members?|assignees?|assigned to|owners?|authors?|requesters?"
    r"|reporters?|requested by|created by|employees?|people|persons?|therapists?|clinicians?|providers?)$"
)
# Text that is a person's data wherever it is: an email, a phone number, a card or account
# number (or its last digits after dots), a street address.
PERSONAL_TEXT = [
    r"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.\p{L}{2,}",
    r"(\+\d{1,3}[\s.-]?)?(\(\d{2,4}\)[\s.-]?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b",
    r"\b\d(?:[ -]?\d){11,18}\b|[•*xX]{2,}[\s-]?\d{4}\b",
    r"\b\d{1,6}\s+(?:\p{Lu}[\p{L}'.-]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive"
    r"|Dr|Court|Ct|Way|Place|Pl|Terrace|Circle|Cir|Highway|Hwy|Parkway|Pkwy|Square|Sq)\b\.?",
]

_MARK = """([attribute, unmaskAttribute, rules]) => {
  const LABEL = new RegExp(rules.name, 'i');
  const NOT_A_PERSON = new RegExp(rules.notAPerson, 'i');
  const AUTOCOMPLETE = new RegExp(rules.autocomplete);
  const NAME_COLUMN = new RegExp(rules.nameColumn, 'i');
  const PATTERNS = rules.text.map(source => new RegExp(source, 'u'));
  const FIELDS = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';
  const NO_DATA = /^(hidden|submit|button|reset|checkbox|radio|file|image|range|color|password)$/;
  let marked = 0;
  // What the target lets show is never painted, though an earlier picture marked it.
  const unmasked = '[' + unmaskAttribute + ']';
  const marks = '[' + attribute + ']';
  for (const element of document.querySelectorAll(unmasked + marks + ', ' + unmasked + ' ' + marks))
    element.removeAttribute(attribute);

  const shown = element => !element.checkVisibility || element.checkVisibility();
  const allowed = element => !element.closest('[' + unmaskAttribute + ']');
  const mark = element => {
    if (element && allowed(element) && !element.hasAttribute(attribute)) {
      element.setAttribute(attribute, '');
      marked += 1;
    }
  };
  const looksPersonal = text => PATTERNS.some(pattern => pattern.test(text));
  const namesPersonal = text => {
    const words = text.replace(/[:*]/g, ' ').replace(/\\s+/g, ' ').trim();
    return words.length > 0 && words.length <= 40 && LABEL.test(words) && !NOT_A_PERSON.test(words);
  };
  const fieldName = field => {
    const parts = [field.getAttribute('aria-label'), field.getAttribute('placeholder'), field.getAttribute('name'),
      field.id, field.getAttribute('title')];
    for (const label of field.labels || []) parts.push(label.innerText);
    for (const id of (field.getAttribute('aria-labelledby') || '').split(/\\s+/)) {
      const label = id && document.getElementById(id);
      if (label) parts.push(label.innerText);
    }
    return parts.filter(Boolean).join(' ').replace(/[_-]+/g, ' ');
  };
  const fieldValue = field => {
    if (field.localName === 'select') return [...field.selectedOptions].map(option => option.label).join(' ');
    if (field.localName === 'input' || field.localName === 'textarea') return field.value || '';
    return field.innerText || '';
  };

  for (const field of document.querySelectorAll(FIELDS)) {
    if (field.localName === 'input' && NO_DATA.test(field.type)) continue;
    const value = fieldValue(field).trim();
    if (!value || !shown(field)) continue;
    const typed = field.localName === 'input' && (field.type === 'email' || field.type === 'tel');
    if (typed || AUTOCOMPLETE.test(field.getAttribute('autocomplete') || '') || namesPersonal(fieldName(field))
        || looksPersonal(value))
      mark(field);
  }

  // A label and its value: a description list, a table row, or the element after the label.
  const valueOf = label => {
    if (label.localName === 'dt') return label.nextElementSibling;
    const cell = label.closest('th, td, [role=rowheader]');
    if (cell && cell.parentElement) {
      const cells = [...cell.parentElement.children];
      return cells[cells.indexOf(cell) + 1] || null;
    }
    return label.nextElementSibling;
  };
  for (const label of document.querySelectorAll('dt, th, [role=rowheader], label, strong, b, span, div, p')) {
    if (label.children.length > 1 || label.closest(FIELDS)) continue;
    const text = (label.innerText || '').trim();
    if (!namesPersonal(text) || text.split(/\\s+/).length > 5 || !shown(label)) continue;
    if (label.localName === 'label' && label.control) continue;
    if (label.closest('thead') || label.getAttribute('role') === 'columnheader') continue;
    const value = valueOf(label);
    if (value && !value.matches(FIELDS) && (value.innerText || '').trim() && !namesPersonal(value.innerText.trim()))
      mark(value);
    else if (!value && /:\\s*$/.test(label.innerText || '') && label.nextSibling && label.nextSibling.nodeType === 3)
      wrap(label.nextSibling, 0, label.nextSibling.data.length);
  }

  // The cells of a column of people, or of their details ("Name", "Date of birth", "Phone").
  for (const header of document.querySelectorAll('th, [role=columnheader]')) {
    const text = (header.innerText || '').trim();
    if (!(NAME_COLUMN.test(text) || namesPersonal(text)) || !shown(header)) continue;
    const row = header.parentElement;
    const table = header.closest('table, [role=table], [role=grid], [role=treegrid]');
    if (!row || !table || header.getAttribute('scope') === 'row') continue;
    const at = [...row.children].indexOf(header);
    for (const other of table.querySelectorAll('tr, [role=row]')) {
      if (other === row || other.closest('thead')) continue;
      const cell = other.children[at];
      if (cell && cell.getAttribute('role') !== 'columnheader' && cell.getAttribute('scope') !== 'col') mark(cell);
    }
  }

  // Text that looks like personal data: its element when the text is most of it, else the text alone.
  function wrap(node, start, end) {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    const span = document.createElement('span');
    range.surroundContents(span);
    mark(span);
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, noscript, template, [' + attribute + ']') || parent.closest(FIELDS))
      continue;
    for (const pattern of PATTERNS) {
      const match = pattern.exec(node.data);
      if (match) {
        found.push([node, match.index, match.index + match[0].length]);
        break;
      }
    }
  }
  for (const [node, start, end] of found) {
    const parent = node.parentElement;
    const whole = (parent.innerText || '').trim();
    if (!allowed(parent)) continue;
    if (end - start >= whole.length * 0.6 && parent.children.length === 0) mark(parent);
    else wrap(node, start, end);
  }

  // A detail masked in one place is masked wherever else the page shows it: the contact's name
  // in a field is the same name on the card line.
  const details = new Set();
  for (const element of document.querySelectorAll('[' + attribute + ']')) {
    const value = (element.matches(FIELDS) ? fieldValue(element) : element.innerText || '').trim();
    if (value.length >= 4 && !value.includes('\\n')) details.add(value);
  }
  const again = [];
  const everywhere = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (everywhere.nextNode()) {
    const node = everywhere.currentNode;
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, noscript, template, [' + attribute + ']') || parent.closest(FIELDS))
      continue;
    for (const detail of details) {
      const at = node.data.indexOf(detail);
      if (at >= 0) {
        again.push([node, at, at + detail.length]);
        break;
      }
    }
  }
  for (const [node, start, end] of again) {
    if (allowed(node.parentElement)) wrap(node, start, end);
  }
  return document.querySelectorAll('[' + attribute + ']').length;
}"""

_RULES = {
    "name": PERSONAL_NAME,
    "notAPerson": NOT_A_PERSON,
    "autocomplete": PERSONAL_AUTOCOMPLETE,
    "nameColumn": NAME_COLUMN,
    "text": PERSONAL_TEXT,
}
_MARK_UNMASKED = "(elements, name) => elements.forEach(element => element.setAttribute(name, ''))"

# What shows of the marked elements (visible_parts.py), and all they say.
_RECTS_AND_TEXT = (
    """attribute => {
  const marked = [...document.querySelectorAll('[' + attribute + ']')]
    .filter(element => element.checkVisibility ? element.checkVisibility() : true);
  return [
    marked.flatMap("""
    + SHOWN_RECTS
    + """),
    marked.map("""
    + ELEMENT_TEXT
    + """),
  ];
}"""
)


async def mark_personal_data(page: Page, unmask: list[Locator] | None = None) -> int:
    """Mark what looks like a person's data on the page, except inside `unmask`; how many elements are marked."""
    try:
        for locator in unmask or []:
            await locator.evaluate_all(_MARK_UNMASKED, UNMASK_ATTRIBUTE)
        return int(await page.evaluate(_MARK, [PERSONAL_ATTRIBUTE, UNMASK_ATTRIBUTE, _RULES]))
    except PlaywrightError as error:
        # The page navigated or closed meanwhile: the next picture marks it again. Any other
        # error would publish what should be painted over, so it stops the walk.
        if _GONE.search(str(error)):
            return 0
        raise


async def personal_rects_and_text(page: Page) -> tuple[list[list[float]], list[str]]:
    """The shown rectangles (x, y, width, height) of the marked elements, or of what shows of them,
    and the text they show."""
    try:
        rects, texts = await page.evaluate(_RECTS_AND_TEXT, PERSONAL_ATTRIBUTE)
    except PlaywrightError:
        return [], []
    return [[float(value) for value in rect] for rect in rects], [str(text) for text in texts]
