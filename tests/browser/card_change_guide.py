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
# What each step's picture shows, as its alt text says it (capture recorded the frame and controls).
PICTURES = [
    "The Main navigation, with the Setup button highlighted.",
    "The Setup menu with its button, with the Therasoft Billing menu item highlighted.",
    "The Payment Method region, with the Card Details button highlighted.",
    "The Card Details dialog, with the Name on card field, the Card number field, the Expiry (MM/YY) field"
    " and the CVC field highlighted.",
    "The Payment Method region, with the text Active highlighted.",
]
