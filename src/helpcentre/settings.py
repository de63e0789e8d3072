"""The help centre's settings: the `helpcentre` block of mkdocs.yml, one schema for every reader.

The MkDocs plugin, lint, capture and verify all validate that block with these models,
so the site layer can change without the settings changing meaning.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from helpcentre.articles.model import Category
from helpcentre.articles.walkthrough import Locator

_STRICT = ConfigDict(extra="forbid")


class CategorySettings(BaseModel):
    model_config = _STRICT

    key: str = Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str = Field(min_length=1)
    description: str = ""
    icon: str = "material/folder-outline"

    def to_category(self) -> Category:
        return Category(self.key, self.title, self.description, self.icon)


class ContactSettings(BaseModel):
    model_config = _STRICT

    title: str = "Still need help?"
    text: str = "Contact our billing department"
    url: str = Field(min_length=1)


class HomeSettings(BaseModel):
    model_config = _STRICT

    title: str = "How can we help?"
    lead: str = "Search the help centre or browse by topic."
    # The query the search box offers as an example: "Search for answers, for example: change card".
    example: str = Field(default="change card", min_length=1)


class Viewport(BaseModel):
    model_config = _STRICT

    width: int = Field(default=1280, ge=200, le=4000)
    height: int = Field(default=800, ge=200, le=4000)


class LoginForm(BaseModel):
    """Where and how to sign in: the login page and the names of its fields and buttons, as a
    reader reads them (a trailing colon or a required-field mark never decides a match).

    A sign-in over two pages (the username, Next, then the password) needs nothing more when
    its first page has one button to go on with; `next` names it when there are more.
    """

    model_config = _STRICT

    # As in a link: `/login` is on the URL's origin, `login/` is under the URL.
    path: str = "/login"
    username_label: str = "Email"
    password_label: str = "Password"
    submit: str = "Log in"
    next: str | None = None


class LoginSettings(LoginForm):
    """How to sign in to a live app: with credentials from the environment, never from Git, or
    (SSO, MFA) with the session a writer saved by hand with `helpcentre login TARGET`."""

    username_env: str | None = Field(default=None, min_length=1)
    password_env: str | None = Field(default=None, min_length=1)
    saved: bool = False

    @model_validator(mode="after")
    def _one_way_in(self) -> LoginSettings:
        if self.saved and (self.username_env or self.password_env):
            raise ValueError(
                "saved: true signs in with the session saved by helpcentre login; drop username_env and password_env"
            )
        if not self.saved and not (self.username_env and self.password_env):
            raise ValueError(
                "set username_env and password_env (the variables holding the test account's credentials),"
                " or saved: true to use a session saved with helpcentre login"
            )
        return self


class FromEnvironment(BaseModel):
    """A value read from an environment variable when it is used: `{env: RESET_TOKEN}`, never the secret itself."""

    model_config = _STRICT

    env: str = Field(min_length=1)


class ResetRequest(BaseModel):
    """An HTTP request that puts a live target's data back; `path` is read as a link on the target is."""

    model_config = _STRICT

    method: Literal["GET", "POST", "PUT", "PATCH", "DELETE"] = "POST"
    # `/test/reset` from the target's origin, `test/reset` from its URL.
    path: str = Field(min_length=1)
    headers: dict[str, str | FromEnvironment] = {}

    @field_validator("headers", mode="before")
    @classmethod
    def _text_or_environment(cls, headers: object) -> object:
        # One message for a value of neither form, rather than one for each form it is not.
        for name, value in headers.items() if isinstance(headers, dict) else ():
            from_environment = isinstance(value, dict) and list(value) == ["env"] and isinstance(value["env"], str)
            if not (isinstance(value, str) or (from_environment and value["env"])):
                raise ValueError(f"{name}: a header's value is text, or {{env: NAME}} to read it from the environment")
        return headers

    @field_validator("path")
    @classmethod
    def _on_the_target(cls, value: str) -> str:
        if "://" in value or value.startswith("//"):
            raise ValueError(f"'{value}' is not a path on the target; give one such as /test/reset")
        return value


class ResetSettings(BaseModel):
    """How to put a live target's data back before each walk: a command, or an HTTP request."""

    model_config = _STRICT

    # Run from the project root, with HELPCENTRE_TARGET and HELPCENTRE_ARTICLE set.
    command: list[str] | None = Field(default=None, min_length=1)
    request: ResetRequest | None = None
    # Seconds a reset may take before it is stopped and the article fails.
    timeout: float = Field(default=120, gt=0, le=3600)

    @model_validator(mode="after")
    def _one_way(self) -> ResetSettings:
        if (self.command is None) == (self.request is None):
            raise ValueError("give the reset a command or a request, exactly one of them")
        return self


class TargetSettings(BaseModel):
    """An app that walkthroughs run against: the bundled sandbox, or a live URL."""

    model_config = _STRICT

    sandbox: bool = False
    # How the site names this target: "Screenshots verified against <title> on <date>".
    title: str = "the product"
    url: str | None = None
    login: LoginSettings | None = None
    masks: list[Locator] = []
    # What looks like a person's data is masked on every target; these fields and texts may show.
    unmask: list[Locator] = []
    viewport: Viewport = Viewport()
    device_scale_factor: float = Field(default=1, gt=0, le=4)
    # The browser's clock during a walk, so dates on screen never change between captures.
    clock: str = "2026-11-15T10:00:00Z"
    timezone: str = "America/New_York"
    locale: str = "en-US"
    # How a live target's data is put back before each article's walk, and after explain and record.
    reset: ResetSettings | None = None
    # Articles walked on a live target at once: 1 unless the product gives each walk data of its own.
    parallel: int = Field(default=1, ge=1, le=64)

    @model_validator(mode="after")
    def _sandbox_resets_itself(self) -> TargetSettings:
        if self.sandbox and self.reset is not None:
            raise ValueError("the sandbox gives each walk fresh data of its own: remove reset")
        return self

    @model_validator(mode="after")
    def _reachable(self) -> TargetSettings:
        if not self.sandbox and not self.url:
            raise ValueError("a target needs a url, or sandbox: true")
        return self


class ToleranceSettings(BaseModel):
    """How much a screenshot may differ from its baseline before verify calls it drift."""

    model_config = _STRICT

    threshold: float = Field(default=0.1, ge=0, le=1)
    include_aa: bool = False
    # Chromium rounds an edge on a fractional position to either pixel from one load of a page to
    # the next: a patch drawn this many pixels over, all of it by one offset, is not a change.
    edge_shift: int = Field(default=1, ge=0, le=2)
    # Unset, no pixel may differ. Both set, the stricter wins, as in Playwright.
    max_diff_pixels: int | None = Field(default=None, ge=0)
    max_diff_ratio: float | None = Field(default=None, ge=0, le=1)


class NavigationSettings(BaseModel):
    """How much of a category each page lists, so a page weighs the same in a category of 10 or 500."""

    model_config = _STRICT

    # The sidebar lists the articles of the category being read up to this many; a larger
    # category shows this many neighbours of the page and a link to the whole category.
    sidebar_articles: int = Field(default=15, ge=3, le=200)
    # A category page lists this many articles, then links to its next page (page/2/, ...).
    articles_per_page: int = Field(default=50, ge=5, le=1000)


class PdfSettings(BaseModel):
    """Each article as a PDF, written by `helpcentre pdf` and linked from the article as a download."""

    model_config = _STRICT

    # Off unless asked for: the build cannot print the PDFs itself (Chromium prints the built
    # pages afterwards), so a site built without `helpcentre pdf` would link to missing files.
    enabled: bool = False
    # The folder in the site: an article's PDF is <dir>/<article path>.pdf, an address that
    # stays the same from build to build.
    dir: str = "pdf"

    @field_validator("dir")
    @classmethod
    def _inside_the_site(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*", value):
            raise ValueError(
                f"'{value}' is not a folder inside the site; use letters, digits, - and _, "
                "with / between folders: pdf, downloads/guides"
            )
        return value

    def path_for(self, ref: str) -> str:
        """The site-relative path of the PDF of the article at `ref` (`billing/change-requests`)."""
        return f"{self.dir}/{ref}.pdf"


class FeedbackSettings(BaseModel):
    """Where the "Was this article helpful?" widget posts its votes; with no endpoint, no widget."""

    model_config = _STRICT

    # `helpcentre feedback serve` implements it. An empty value, as `!ENV` gives for
    # HELPCENTRE_FEEDBACK_URL="", means no endpoint: a published site can switch it off.
    endpoint: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _blank_endpoint_is_none(cls, data: object) -> object:
        if isinstance(data, dict) and isinstance(data.get("endpoint"), str):
            return {**data, "endpoint": data["endpoint"].strip() or None}
        return data

    @model_validator(mode="after")
    def _endpoint_is_reachable_from_a_page(self) -> FeedbackSettings:
        if self.endpoint is not None and not self.endpoint.startswith(("http://", "https://", "/")):
            raise ValueError(
                f"endpoint must be an http:// or https:// URL, or a path on the site such as /feedback;"
                f" not {self.endpoint!r}"
            )
        return self


MAX_SYNONYM_CHARACTERS = 100


class SearchSettings(BaseModel):
    """What the site's search knows beyond the articles' words, and where it reports queries."""

    model_config = _STRICT

    # `payment method: [card on file, credit card]`: a query with any of these phrases also
    # finds the articles that use the others. Read at query time, so adding one needs no rewrite.
    synonyms: dict[str, list[str]] = {}
    # Where the search box reports settled queries (`helpcentre feedback serve`'s /v1/searches);
    # empty or unset: nothing is reported.
    report: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _blank_report_is_none(cls, data: object) -> object:
        if isinstance(data, dict) and isinstance(data.get("report"), str):
            return {**data, "report": data["report"].strip() or None}
        return data

    @field_validator("synonyms")
    @classmethod
    def _synonyms_are_phrases(cls, synonyms: dict[str, list[str]]) -> dict[str, list[str]]:
        for phrase, others in synonyms.items():
            for text in (phrase, *others):
                if not text.strip():
                    raise ValueError(f"{phrase!r}: a synonym must be a word or phrase, not empty")
                if len(text) > MAX_SYNONYM_CHARACTERS:
                    raise ValueError(f"{text[:40]!r}…: a synonym is at most {MAX_SYNONYM_CHARACTERS} characters")
            if not others:
                raise ValueError(f"{phrase!r}: list the words or phrases that mean the same, such as [card on file]")
        return synonyms

    @model_validator(mode="after")
    def _report_is_reachable_from_a_page(self) -> SearchSettings:
        if self.report is not None and not self.report.startswith(("http://", "https://", "/")):
            raise ValueError(
                f"report must be an http:// or https:// URL, or a path on the site such as /searches;"
                f" not {self.report!r}"
            )
        return self


class HelpCentreSettings(BaseModel):
    model_config = _STRICT

    enabled: bool = True
    categories: list[CategorySettings] = Field(min_length=1)
    contact: ContactSettings
    home: HomeSettings = HomeSettings()
    feedback: FeedbackSettings = FeedbackSettings()
    # Markdown files that are pages of their own rather than articles.
    pages_not_articles: list[str] = ["index.md"]
    search: SearchSettings = SearchSettings()
    navigation: NavigationSettings = NavigationSettings()
    screenshots_dir: str = "screenshots"
    # When each article last verified clean: written by capture and verify, read by the build.
    # Outside Git, so verifying never dirties the baselines (see helpcentre.last_verified).
    verification_record: str = "reports/verification.json"
    targets: dict[str, TargetSettings] = {}
    verify: ToleranceSettings = ToleranceSettings()
    pdf: PdfSettings = PdfSettings()

    @property
    def category_list(self) -> list[Category]:
        return [item.to_category() for item in self.categories]
