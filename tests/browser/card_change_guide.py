"""The card-change guide as customers read it: what the print and PDF tests look for."""

GUIDE = "billing/change-card-or-bank-info/"
TITLE = "How to change the card or bank info for your Therasoft monthly invoice"
STEPS = [
    "Go to the Setup menu",
    "Select Therasoft Billing",
    "Click the Card Details button",
    "Add/Edit your card or bank info",
    "Verify the status is Active",
]
