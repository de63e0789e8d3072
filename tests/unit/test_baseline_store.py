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


def test_each_step_records_its_override_as_written_and_a_step_without_one_records_nothing(tmp_path):
    store = BaselineStore(tmp_path)
    png = _png("white")
    shots = [
        StepShot(number=number, text=text, png=png, aria="", url="/", highlight=None)
        for number, text in ((1, "Click **Edit**"), (2, "Enter the **Phone**"))
    ]
    overrides = {2: {"fields": {"Phone": "(503) 555-0199"}}}
    entry = store.write_steps(REF, 7, shots, [(png, png)] * 2, browser="Chromium 1", overrides=overrides)
    assert [step.override for step in entry.steps] == [None, {"fields": {"Phone": "(503) 555-0199"}}]
    recorded = [step.as_json() for step in entry.steps]
    assert "override" not in recorded[0], "a manifest written before overrides were recorded reads the same"
    assert recorded[1]["override"] == {"fields": {"Phone": "(503) 555-0199"}}
