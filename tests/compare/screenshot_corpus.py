"""Screenshot pairs that differ the ways real ones do, rendered in Chromium, plus committed baselines."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser

PROJECT_ROOT = Path(__file__).resolve().parents[2]

# Every pair is compared under each of these (threshold, includeAA) option sets.
OPTION_SETS = [(threshold, include_aa) for threshold in (0, 0.05, 0.1, 0.3) for include_aa in (False, True)]

# A small payment-method card; each rendered pair changes one thing from BASE.
CARD_PAGE = """<!doctype html>
<html><head><style>
  html, body {{ margin: 0; background: {background}; font-family: "DejaVu Sans", sans-serif; }}
  .card {{ position: absolute; top: 24px; left: {left}; width: 360px; padding: 20px; border-radius: 14px;
           border: 1px solid #d0d7de; background: rgba(255, 255, 255, 0.85); transform: rotate({turn}); }}
  h1 {{ font-size: 20px; margin: 0 0 8px; color: #1f2328; }}
  p {{ font-size: {size}; color: #444; margin: 0 0 16px; }}
  button {{ background: {accent}; color: white; border: 0; border-radius: 8px; padding: 8px 14px; font-size: 14px; }}
  .badge {{ position: absolute; top: 40px; left: 460px; width: 72px; height: 72px; border-radius: 50%;
            background: rgba(37, 99, 235, {fill}); }}
</style></head>
<body>
  <div class="card">
    <h1>Payment method</h1>
    <p>Visa ending in 4242 &middot; Expires 08/28</p>
    <button>{label}</button>
  </div>
  <div class="badge"></div>
</body></html>
"""
BASE = {
    "background": "#ffffff",
    "left": "24px",
    "turn": "0deg",
    "size": "15px",
    "accent": "#2563eb",
    "label": "Update card",
    "fill": "0.35",
}
TRANSPARENT = {**BASE, "background": "transparent"}  # shot with omit_background: an RGBA PNG

# name: (expected variant, actual variant)
RENDERED_PAIRS = {
    "identical": (BASE, BASE),
    "text-edit": (BASE, {**BASE, "label": "Update cards"}),
    "one-pixel-shift": (BASE, {**BASE, "left": "25px"}),
    "colour-change": (BASE, {**BASE, "accent": "#1e40af"}),
    "font-size-change": (BASE, {**BASE, "size": "15.5px"}),
    "rotated-edges": ({**BASE, "turn": "1deg"}, {**BASE, "turn": "1.25deg"}),
    "transparency": (TRANSPARENT, {**TRANSPARENT, "fill": "0.5", "label": "Remove card"}),
}
# The card-change guide's committed baselines: the raw shot against the published one, which adds
# the drawn step highlight.
GUIDE = PROJECT_ROOT / "screenshots" / "billing" / "change-card-or-bank-info"
BASELINE_PAIRS = {
    "baseline-03-highlight": (GUIDE / "03.png", GUIDE / "03.published.png"),
    "baseline-05-highlight": (GUIDE / "05.png", GUIDE / "05.published.png"),
}
PAIR_NAMES = [*RENDERED_PAIRS, *BASELINE_PAIRS]


def render_pairs(browser: Browser, folder: Path) -> dict[str, tuple[Path, Path]]:
    """Every pair of RENDERED_PAIRS as two PNGs in `folder`, shot in `browser`, by name."""
    page = browser.new_page(viewport={"width": 640, "height": 200}, device_scale_factor=1)
    pairs: dict[str, tuple[Path, Path]] = {}
    try:
        for name, variants in RENDERED_PAIRS.items():
            shots = []
            for side, variant in zip(("expected", "actual"), variants, strict=True):
                page.set_content(CARD_PAGE.format(**variant))
                page.evaluate("document.fonts.ready.then(() => undefined)")
                path = folder / f"{name}.{side}.png"
                transparent = variant["background"] == "transparent"
                page.screenshot(path=path, animations="disabled", caret="hide", omit_background=transparent)
                shots.append(path)
            pairs[name] = (shots[0], shots[1])
    finally:
        page.close()
    return pairs
