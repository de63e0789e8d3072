"""Results of a verify run with every step status, and the images it names, drawn with Pillow."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFont

from helpcentre.verify.results import VerifyResults

CARD_GUIDE = "billing/change-card-or-bank-info"
REQUESTS_GUIDE = "billing/change-requests"
INVOICES_GUIDE = "billing/invoice-history"
RECEIPTS_GUIDE = "clients/email-payment-receipts-to-multiple-emails"
BASICS_GUIDE = "getting-started/therasoft-basics"
TERMS_GUIDE = "getting-started/terms-of-use"

HOSTILE_TITLE = "Therasoft Basics <script>alert(1)</script>"
HOSTILE_MESSAGE = "not found: button '<img src=x onerror=alert(2)>'; buttons here: 'Close'"

ARIA_EXPECTED = '- heading "Therasoft Billing" [level=1]\n- button "Card Details"\n- button "Close"\n'
ARIA_ACTUAL = '- heading "Therasoft Billing" [level=1]\n- button "Payment Details"\n- button "Close"\n- text: "</script><b>bold</b>"\n'
ARIA_DIFF = (
    "--- expected\n"
    "+++ actual\n"
    "@@ -1,3 +1,4 @@\n"
    ' - heading "Therasoft Billing" [level=1]\n'
    '-- button "Card Details"\n'
    '+- button "Payment Details"\n'
    ' - button "Close"\n'
    '+- text: "</script><b>bold</b>"\n'
)


def billing_page(button: str, *, accent: str = "#0969da", width: int = 480, height: int = 300) -> Image.Image:
    """A stand-in screenshot of the billing page: a top bar, a heading and one button."""
    image = Image.new("RGB", (width, height), "#ffffff")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=16)
    draw.rectangle((0, 0, width, 44), fill="#1f2a44")
    draw.text((16, 13), "Therasoft", fill="#ffffff", font=font)
    draw.text((24, 70), "Therasoft Billing", fill="#1f2328", font=ImageFont.load_default(size=22))
    draw.rectangle((24, 110, width - 24, 111), fill="#d0d7de")
    draw.text((24, 126), "Monthly invoice paid by card ending 4242", fill="#57606a", font=font)
    draw.rounded_rectangle((24, 170, 184, 210), radius=6, fill=accent)
    draw.text((40, 181), button, fill="#ffffff", font=font)
    draw.rounded_rectangle((196, 170, 276, 210), radius=6, outline="#d0d7de", width=2)
    draw.text((214, 181), "Close", fill="#1f2328", font=font)
    return image


def diff_image(expected: Image.Image, actual: Image.Image) -> Image.Image:
    """Changed pixels in red over a faded expected, the way Playwright draws a diff."""
    changed = ImageChops.difference(expected, actual).convert("L").point(lambda value: 255 if value else 0)
    faded = Image.blend(expected, Image.new("RGB", expected.size, "#ffffff"), 0.7)
    faded.paste(Image.new("RGB", expected.size, "#e5243b"), mask=changed)
    return faded


def failure_screenshot() -> Image.Image:
    image = billing_page("Payment Details")
    ImageDraw.Draw(image).rectangle((0, 0, image.width - 1, image.height - 1), outline="#cf222e", width=4)
    return image


def step(number: int, text: str, status: str, **fields) -> dict:
    return {
        "step": number,
        "text": text,
        "status": status,
        "message": fields.pop("message", ""),
        "pixels": fields.pop("pixels", None),
        "text_labels": fields.pop("text_labels", None),
        "aria": fields.pop("aria", None),
        "files": fields.pop("files", {}),
        **({"repair": fields.pop("repair")} if "repair" in fields else {}),
    }


def files(ref: str, number: int, *roles: str) -> dict:
    names = {"expected": "expected", "actual": "actual", "diff": "diff", "failure": "failed"}
    return {role: f"{ref}/{number:02d}.{names[role]}.png" for role in roles}


def every_status_results() -> dict:
    """Four articles to review (three with drift, one only new) and two where every step matches."""
    articles = [
        {
            "ref": CARD_GUIDE,
            "id": 101,
            "title": "How to change the card or bank info for your Therasoft monthly invoice",
            "path": f"docs/{CARD_GUIDE}.md",
            "steps": [
                step(1, "Go to the **Setup** menu", "ok", files=files(CARD_GUIDE, 1, "expected", "actual")),
                step(2, "Select **Therasoft Billing**", "ok"),
                step(
                    3,
                    "Click the **Card Details** button",
                    "flow",
                    message="not found: button 'Card Details'; buttons here: 'Payment Details', 'Close'",
                    files=files(CARD_GUIDE, 3, "expected", "failure"),
                    repair=[{"from": "Card Details", "to": "Payment Details"}],
                ),
                step(4, "Add/Edit your card or bank info", "not_reached", message="step 3 could not be done"),
                step(5, "Verify the status is **Active**", "not_reached"),
            ],
        },
        {
            "ref": BASICS_GUIDE,
            "id": 201,
            "title": HOSTILE_TITLE,
            "path": f"docs/{BASICS_GUIDE}.md",
            "steps": [step(1, "Open the **Dashboard**", "ok"), step(2, "Open **Help**", "ok")],
        },
        {
            "ref": RECEIPTS_GUIDE,
            "id": 301,
            "title": "Email Payment Receipts to multiple emails",
            "path": f"docs/{RECEIPTS_GUIDE}.md",
            "steps": [
                step(
                    1,
                    "Open **Clients**",
                    "new",
                    message="no baseline yet; accept it with verify --update",
                    files=files(RECEIPTS_GUIDE, 1, "actual"),
                ),
                step(2, "Choose a client", "ok"),
            ],
        },
        {
            "ref": REQUESTS_GUIDE,
            "id": 102,
            "title": "Change requests",
            "path": f"docs/{REQUESTS_GUIDE}.md",
            "steps": [
                step(1, "Go to the **Setup** menu", "ok"),
                step(
                    2,
                    "Select **Therasoft Billing**",
                    "pixels",
                    message="screenshot differs: 1,234 pixels (0.12%)",
                    pixels={
                        "mismatched": 1234,
                        "total": 1024000,
                        "ratio": 0.0012,
                        "max_diff_pixels": 0,
                        "max_diff_ratio": 0.0,
                        "threshold": 0.1,
                    },
                    files=files(REQUESTS_GUIDE, 2, "expected", "actual", "diff"),
                ),
                step(
                    3,
                    "Click **Card Details**",
                    "structure",
                    message="ARIA snapshot differs",
                    aria={
                        "expected": ARIA_EXPECTED,
                        "actual": ARIA_ACTUAL,
                        "diff": ARIA_DIFF,
                        "summary": "renamed: button 'Card Details' is now 'Payment Details'; it touches **Card Details**",
                    },
                    files=files(REQUESTS_GUIDE, 3, "expected", "actual"),
                ),
                step(
                    4,
                    "Press **Card Details** then **Close**",
                    "text",
                    message=HOSTILE_MESSAGE,
                    text_labels={"expected": ["Card Details", "Close"], "missing": ["Card Details"]},
                    files=files(REQUESTS_GUIDE, 4, "expected", "actual"),
                ),
            ],
        },
        {
            "ref": INVOICES_GUIDE,
            "id": 103,
            "title": "Invoice history",
            "path": f"docs/{INVOICES_GUIDE}.md",
            "steps": [
                step(
                    1,
                    "Open **Invoices**",
                    "pixels",
                    message="screenshot differs",
                    pixels={
                        "mismatched": 10,
                        "total": 144000,
                        "ratio": 0.0000694,
                        "max_diff_pixels": 5,
                        "max_diff_ratio": 0.00001,
                        "threshold": 0.2,
                    },
                    files=files(INVOICES_GUIDE, 1, "expected", "actual", "diff"),
                )
            ],
        },
        {
            "ref": TERMS_GUIDE,
            "id": 202,
            "title": "Therasoft Terms of Use & BAA",
            "path": f"docs/{TERMS_GUIDE}.md",
            "steps": [step(1, "Open **Terms**", "ok")],
        },
    ]
    # As results.json holds them, but for what follows from the steps (the summary, each article's status).
    return {
        "version": 1,
        "started_at": "2026-11-26T20:40:00+00:00",
        "seconds": 23.4,
        "target": "sandbox",
        "browser": "Chromium 156.0.8078.108",
        "articles": articles,
    }


def write_images(results: VerifyResults, report_dir: Path) -> None:
    """Every image the results name, so the report has real PNGs to show."""
    expected = billing_page("Card Details")
    actual = billing_page("Payment Details", accent="#1a7f37")
    pictures = {
        "expected": expected,
        "actual": actual,
        "diff": diff_image(expected, actual),
        "failure": failure_screenshot(),
    }
    for _, each in results.steps():
        for role, relative_path in each.files.items():
            path = report_dir / relative_path
            path.parent.mkdir(parents=True, exist_ok=True)
            pictures[role].save(path)
