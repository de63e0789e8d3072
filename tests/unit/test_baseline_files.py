"""A baseline that is no picture is replaced by a capture or an accepted verify run, never read."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from helpcentre.capture.baselines import BaselineStore, prepare_images, same_pixels
from helpcentre.capture.walker import StepShot

REF = "billing/example"
LFS_POINTER = b"version https://git-lfs.github.com/spec/v1\noid sha256:4d7a2146\nsize 12345\n"


def _png(colour: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 4), colour).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "committed",
    [pytest.param(LFS_POINTER, id="an LFS pointer"), pytest.param(_png("white")[:-12], id="cut short")],
)
def test_a_committed_baseline_that_is_no_picture_is_replaced(tmp_path, committed):
    store = BaselineStore(tmp_path)
    (tmp_path / REF).mkdir(parents=True)
    (tmp_path / REF / "01.png").write_bytes(committed)
    shot = StepShot(number=1, text="Click **Save**", png=_png("white"), aria='- button "Save"', url="/", highlight=None)

    raw, published = prepare_images(shot.png, 1, None, *store.previous_images(REF, shot))

    assert raw != committed
    assert same_pixels(raw, shot.png)
    assert Image.open(io.BytesIO(published)).size == (8, 4)


def test_a_baseline_linked_from_elsewhere_is_not_read(tmp_path):
    elsewhere = tmp_path / "elsewhere.png"
    elsewhere.write_bytes(_png("white"))
    store = BaselineStore(tmp_path / "screenshots")
    (store.root / REF).mkdir(parents=True)
    (store.root / REF / "01.png").symlink_to(elsewhere)
    shot = StepShot(number=1, text="Click **Save**", png=_png("white"), aria="", url="/", highlight=None)

    assert store.previous_images(REF, shot) == (None, None)
