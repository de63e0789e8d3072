"""The manifest names the browser that made the pictures in Git, not the one that last looked."""

from __future__ import annotations

import io
import json

from PIL import Image

from helpcentre.baselines.shot import StepShot
from helpcentre.baselines.store import BaselineStore

REF = "billing/example"


def _png(colour: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 4), colour).save(buffer, "PNG")
    return buffer.getvalue()


def _write(store: BaselineStore, colour: str, browser: str) -> dict:
    png = _png(colour)
    shot = StepShot(number=1, text="Click **Save**", png=png, aria='- button "Save"', url="/", highlight=None)
    entry = store.write_steps(REF, 7, [shot], [(png, png)], browser=browser)
    manifest = store.manifest()
    manifest.articles[REF] = entry
    store.write_manifest(manifest)
    return entry


def test_a_newer_browser_drawing_the_same_pixels_keeps_the_recorded_build(tmp_path):
    store = BaselineStore(tmp_path)
    _write(store, "white", "Chromium 155.0.7000.1")
    before = store.manifest_path.read_bytes()
    entry = _write(store, "white", "Chromium 156.0.8078.129")
    assert entry.browser == "Chromium 155.0.7000.1"
    assert store.manifest_path.read_bytes() == before


def test_new_pictures_name_the_browser_that_made_them(tmp_path):
    store = BaselineStore(tmp_path)
    _write(store, "white", "Chromium 155.0.7000.1")
    entry = _write(store, "black", "Chromium 156.0.8078.129")
    assert entry.browser == "Chromium 156.0.8078.129"
    assert json.loads(store.manifest_path.read_text())["articles"][REF]["browser"] == "Chromium 156.0.8078.129"
