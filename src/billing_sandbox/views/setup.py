"""The Setup menu's simple pages: company information, intake documents, catalog of services."""

from __future__ import annotations

from flask import Blueprint, render_template

from billing_sandbox.store import practice
from billing_sandbox.views.shared import connection

blueprint = Blueprint("setup", __name__, url_prefix="/setup")

INTAKE_DOCUMENTS = (
    ("Client Information Form", "All new clients", "Required"),
    ("Consent for Treatment", "All new clients", "Required"),
    ("Notice of Privacy Practices", "All new clients", "Required"),
    ("Telehealth Informed Consent", "Telehealth clients", "Required"),
    ("Release of Information", "On request", "Optional"),
)

# Current Procedural Terminology codes a counselling practice bills; fees are the demo practice's.
SERVICES = (
    ("90791", "Psychiatric diagnostic evaluation", "60 min", 18000),
    ("90832", "Psychotherapy, 30 minutes", "30 min", 9000),
    ("90834", "Psychotherapy, 45 minutes", "45 min", 13000),
    ("90837", "Psychotherapy, 60 minutes", "60 min", 16000),
    ("90847", "Family psychotherapy with client present", "50 min", 15000),
)


@blueprint.get("")
def index() -> str:
    """Where the Setup button leads when JavaScript is off: the menu's items as a page."""
    return render_template("setup/index.html")


@blueprint.get("/company-information")
def company_information() -> str:
    return render_template("setup/company_information.html", practice=practice(connection()))


@blueprint.get("/intake-documents")
def intake_documents() -> str:
    return render_template("setup/intake_documents.html", documents=INTAKE_DOCUMENTS)


@blueprint.get("/catalog-of-services")
def catalog_of_services() -> str:
    return render_template("setup/catalog_of_services.html", services=SERVICES)
