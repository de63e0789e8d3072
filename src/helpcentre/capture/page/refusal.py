"""Whether an action succeeded in the product: "ok" means ok.

After an action, a step fails when the page marks a field invalid (`aria-invalid="true"`),
shows an alert that was not there before (`role=alert` or `alertdialog`) and reads or is
marked as an error (`notices.py`: "Saved" in a toast is no refusal), a navigation answered
with an HTTP error, or the page went to another origin than the target's. A refused save must
never be photographed as a finished step.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from playwright.async_api import Page, Response

from helpcentre.capture.page.notices import ALERT_NOTICE, Notice, refuses
from helpcentre.capture.page.origin_guard import guard_of

_STATE_SCRIPT = """() => {
  const noticeOf = ALERT_NOTICE;
  const shown = el => el.checkVisibility ? el.checkVisibility() : el.offsetParent !== null;
  const text = el => (el.innerText || el.textContent || '').replace(/\\s+/g, ' ').trim();
  const labelOf = el => {
    if (el.labels && el.labels.length) return text(el.labels[0]);
    return el.getAttribute('aria-label') || el.getAttribute('name') || el.id || el.tagName.toLowerCase();
  };
  const messageOf = el => (el.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean)
    .map(id => document.getElementById(id)).filter(node => node && node.classList && !node.classList.contains('hint'))
    .map(text).filter(Boolean).join(' ');
  const invalid = [...document.querySelectorAll('[aria-invalid="true"]')].filter(shown)
    .map(el => ({label: labelOf(el), message: messageOf(el)}));
  const alerts = [...document.querySelectorAll('[role~="alert"], [role~="alertdialog"]')].filter(shown)
    .map(noticeOf).filter(notice => notice.text);
  // The document and its count of changes (the page's watch, quiet.py): what the page read before
  // the action is still good after it when neither moved.
  const watch = window[Symbol.for('helpcentre.pageWatch')];
  return {invalid, alerts, epoch: watch ? watch.document + ':' + watch.mutations : null};
}""".replace("ALERT_NOTICE", ALERT_NOTICE)


@dataclass
class PageState:
    invalid: list[dict[str, str]] = field(default_factory=list)
    alerts: list[Notice] = field(default_factory=list)
    epoch: str | None = None

    def same_document_as(self, other: PageState) -> bool:
        """Whether the page showed one document, unchanged, at both times (a typed value aside)."""
        return self.epoch is not None and self.epoch == other.epoch


async def page_state(page: Page) -> PageState:
    found = await page.evaluate(_STATE_SCRIPT)
    return PageState(found["invalid"], [Notice.read(alert) for alert in found["alerts"]], found.get("epoch"))


class NavigationWatch:
    """Remembers a main-frame navigation that answered 400 or more since it was last cleared,
    and, for good, one that left the target at `base_url` (see `origin_guard`)."""

    def __init__(self, page: Page, base_url: str | None = None):
        self.page = page
        self._answered: str | None = None
        page.on("response", self._on_response)
        self._guard = guard_of(page) if base_url is not None else None
        if self._guard is not None and base_url is not None:
            self._guard.stay_on(base_url)

    @property
    def error(self) -> str | None:
        return self.left_target or self._answered

    @property
    def left_target(self) -> str | None:
        """Why the walk cannot go on: the page went to another origin than the target's."""
        return self._guard.error if self._guard is not None else None

    def _on_response(self, response: Response) -> None:
        request = response.request
        if request.is_navigation_request() and request.frame == self.page.main_frame and response.status >= 400:
            self._answered = (
                f"the page answered HTTP {response.status} ({response.status_text or 'error'}) at {response.url}"
            )

    def clear(self) -> None:
        self._answered = None


async def refusal(
    page: Page, before: PageState, watch: NavigationWatch, expected: tuple[str, ...] = ()
) -> tuple[str | None, PageState]:
    """Why the product refused the last action, or None when it took it; and the page's state after it.

    `expected` is what the step's words check for: a notice showing it is no refusal.
    """
    after = await page_state(page)
    return refused_because(before, after, watch, expected), after


def refused_because(
    before: PageState, after: PageState, watch: NavigationWatch, expected: tuple[str, ...] = ()
) -> str | None:
    """Why the product refused an action, from the page's state before and after it."""
    reasons = [watch.error] if watch.error is not None else []
    seen = {alert.text for alert in before.alerts}
    new_alerts = [alert for alert in after.alerts if alert.text not in seen and refuses(alert, expected)]
    if new_alerts:
        reasons.append("the product showed an alert: " + "; ".join(f"'{alert.text}'" for alert in new_alerts))
    if after.invalid:
        fields = ", ".join(
            f"'{item['label']}'" + (f" ({item['message']})" if item["message"] else "") for item in after.invalid
        )
        reasons.append(f"it marked {fields} invalid")
    return "; ".join(reasons) or None
