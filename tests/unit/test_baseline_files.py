"""A baseline that is no picture is replaced by a capture or an accepted verify run, never read."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from helpcentre.baselines.image_work import prepare_images, same_pixels
from helpcentre.baselines.manifest import Manifest
from helpcentre.baselines.publish import PUBLISHED_STYLE, published_copy
from helpcentre.baselines.shot import StepShot
from helpcentre.baselines.store import BaselineStore

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
    assert same_pixels(published, published_copy(shot.png, 1, None))


def test_a_baseline_linked_from_elsewhere_is_not_read(tmp_path):
    elsewhere = tmp_path / "elsewhere.png"
    elsewhere.write_bytes(_png("white"))
    store = BaselineStore(tmp_path / "screenshots")
    (store.root / REF).mkdir(parents=True)
    (store.root / REF / "01.png").symlink_to(elsewhere)
    shot = StepShot(number=1, text="Click **Save**", png=_png("white"), aria="", url="/", highlight=None)

    assert store.previous_images(REF, shot) == (None, None)


def test_a_published_copy_of_another_style_is_drawn_again(tmp_path):
    store = BaselineStore(tmp_path)
    shot = StepShot(number=1, text="Click **Save**", png=_png("white"), aria="", url="/", highlight=None)
    raw, published = prepare_images(shot.png, 1, None, None, None)
    store.write_manifest(Manifest({REF: store.write_steps(REF, 1, [shot], [(raw, published)], browser="C")}))
    assert store.manifest().articles[REF].steps[0].published_style == PUBLISHED_STYLE
    assert store.previous_images(REF, shot) == (raw, published), "drawn alike: the committed copy is kept"

    # A copy committed before a restyle (an older style, or none recorded) is drawn again.
    for style in (PUBLISHED_STYLE - 1, None):
        manifest = store.manifest()
        manifest.articles[REF].steps[0].published_style = style
        store.write_manifest(manifest)
        assert store.previous_images(REF, shot) == (raw, None), f"style {style}"
