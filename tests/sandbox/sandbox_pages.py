"""Use the sandbox the way a person does: open pages, read their text and fields, submit their forms."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from billing_sandbox import DEMO_EMAIL, DEMO_PASSWORD

_NOT_SHOWN = {"script", "style", "title"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    text_parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join("".join(self.text_parts).split())


class _Index(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._open: list[Element] = []
        self._skip = 0
        self.text_parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._boundary()
        element = Element(tag, dict(attrs))
        self.elements.append(element)
        if tag in _NOT_SHOWN:
            self._skip += 1
        if tag not in _VOID:
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        self._boundary()
        if tag in _NOT_SHOWN:
            self._skip -= 1
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index].tag == tag:
                del self._open[index:]
                break

    def _boundary(self) -> None:
        # Table cells, list items and paragraphs read as separate words; our inline markup never
        # splits a word, so a space at every tag boundary is close enough to what is shown.
        self.handle_data(" ")

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.text_parts.append(data)
        for element in self._open:
            element.text_parts.append(data)


class Page:
    """A parsed HTML page: `text` is what is shown, `by_id` and `find` reach single elements."""

    def __init__(self, html: str):
        index = _Index()
        index.feed(html)
        self.elements = index.elements
        self.text = " ".join(" ".join(index.text_parts).split())

    def by_id(self, element_id: str) -> Element:
        for element in self.elements:
            if element.attrs.get("id") == element_id:
                return element
        raise AssertionError(f"no element with id={element_id!r} on the page")

    def find(self, tag: str, **attrs: str) -> list[Element]:
        wanted = {name.replace("_", "-"): value for name, value in attrs.items()}
        return [e for e in self.elements if e.tag == tag and all(e.attrs.get(k) == v for k, v in wanted.items())]

    def field_error(self, input_id: str) -> str:
        """The error a person reads for a field, checked to be tied to the field (aria-invalid, aria-describedby)."""
        field_element = self.by_id(input_id)
        assert field_element.attrs.get("aria-invalid") == "true", f"{input_id} is not marked aria-invalid"
        described = (field_element.attrs.get("aria-describedby") or "").split()
        error_id = f"{input_id}-error"
        assert error_id in described, f"{input_id} is not described by {error_id}: {described}"
        return self.by_id(error_id).text

    def has_field_errors(self) -> bool:
        return any(e.attrs.get("aria-invalid") == "true" for e in self.elements)

    def csrf_token(self) -> str:
        tokens = [e.attrs["value"] for e in self.find("input", name="csrf_token")]
        assert tokens, "the page has no form with a CSRF token"
        return tokens[0]

    def notices(self) -> list[str]:
        return [e.text for e in self.elements if "notice" in (e.attrs.get("class") or "").split()]


class Visitor:
    """A person at the sandbox: opens pages and submits their forms (with the form's CSRF token)."""

    def __init__(self, client: FlaskClient):
        self.client = client

    def open(self, path: str) -> Page:
        response = self.client.get(path)
        assert response.status_code == 200, f"GET {path}: {response.status_code}"
        return Page(response.text)

    def submit(self, form_page: str, action: str, fields: dict[str, str], follow: bool = True) -> TestResponse:
        """Submit a form found on `form_page` to `action`, as the browser would."""
        token = self.open(form_page).csrf_token()
        return self.client.post(action, data={"csrf_token": token, **fields}, follow_redirects=follow)

    def log_in(self) -> TestResponse:
        return self.submit("/login", "/login", {"email": DEMO_EMAIL, "password": DEMO_PASSWORD, "next": "/"})
