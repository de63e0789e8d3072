"""Test-only switches that make the sandbox drift from what the articles describe.

Set at start-up with SANDBOX_DRIFT, a comma-separated list of the names below, so that the
tests can prove `helpcentre verify` catches each kind of change on the right article and step.
"""

from __future__ import annotations

import os

DRIFTS = {
    "rename-button": "the Card Details button reads Payment Details",
    "move-menu-item": "Therasoft Billing moves to the top of the Setup menu",
    "change-colour": "the Confirm Pre-payment button turns purple",
    "remove-field": "the Phone field leaves the Billing Contact dialog",
    "change-label": "the client Registration page is labelled in capitals, REGISTRATION",
}


class DriftError(ValueError):
    pass


def drifts_from_environment() -> frozenset[str]:
    names = {name.strip() for name in os.environ.get("SANDBOX_DRIFT", "").split(",") if name.strip()}
    unknown = sorted(names - DRIFTS.keys())
    if unknown:
        raise DriftError(f"SANDBOX_DRIFT: unknown drift {', '.join(unknown)}; known: {', '.join(DRIFTS)}")
    return frozenset(names)
