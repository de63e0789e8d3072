"""The capture engine's pieces that need no browser."""

import io

import pytest
from PIL import Image, ImageDraw

from helpcentre import atomic
from helpcentre.baselines.paths import step_files
from helpcentre.baselines.png_files import png_dimensions
from helpcentre.baselines.publish import HIGHLIGHT_COLOUR, published_copy, shot_offset
from helpcentre.baselines.shot import Box
from helpcentre.capture import CaptureUsageError, select_articles
from helpcentre.capture.find.locate import named_in_snapshot
from helpcentre.project import load_project


def blank_png(width: int = 200, height: int = 120) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(output, format="PNG")
    return output.getvalue()


def test_step_files_live_under_the_article_path():
    files = step_files("billing/change-card-or-bank-info", 3)
    assert files.raw == "billing/change-card-or-bank-info/03.png"
    assert files.published == "billing/change-card-or-bank-info/03.published.png"
    assert files.aria == "billing/change-card-or-bank-info/03.aria.yml"
    assert png_dimensions(blank_png(321, 123)) == (321, 123)
    with pytest.raises(ValueError):
        png_dimensions(b"GIF89a" + bytes(30))


def _published(raw: bytes, number: int, box: Box | None) -> Image.Image:
    return Image.open(io.BytesIO(published_copy(raw, number, box))).convert("RGB")


def test_the_published_copy_sets_the_shot_in_a_margin_with_the_badge_above_it():
    raw = blank_png()
    published = _published(raw, 4, Box(60, 40, 50, 30))
    left, top = shot_offset()
    assert published.size == (200 + 2 * left, 120 + top + left)
    assert published.getpixel((left + 60 - 4, top + 60)) == HIGHLIGHT_COLOUR[:3], "the left edge of the box"
    assert published.getpixel((left + 150, top + 100)) == (255, 255, 255), "away from the box nothing changes"
    badge = [xy for xy in _all(published) if published.getpixel(xy) == HIGHLIGHT_COLOUR[:3] and xy[1] < top - 8]
    assert badge, "the badge is drawn above the shot"
    assert {x for x, _ in badge} <= set(range(left + 60 - 4, left + 60 - 4 + 29)), "above the box it points at"


def test_the_badge_never_covers_what_the_shot_shows():
    # A tight frame: the heading's first letter touches the shot's top-left corner.
    shot = Image.new("RGB", (200, 120), "white")
    ImageDraw.Draw(shot).rectangle((0, 0, 20, 20), fill=(20, 20, 20))
    raw = io.BytesIO()
    shot.save(raw, format="PNG")
    published = _published(raw.getvalue(), 1, Box(120, 60, 40, 20))
    left, top = shot_offset()
    assert published.crop((left, top, left + 21, top + 21)).getcolors() == [(21 * 21, (20, 20, 20))]


def test_the_highlight_is_kept_inside_the_picture():
    published = _published(blank_png(), 1, Box(180, -10, 60, 40))
    left, top = shot_offset()
    # The box is cut at the shot's edges, and its outline drawn whole around what is left of it.
    assert published.getpixel((left + 200 + 4 - 1, top + 15)) == HIGHLIGHT_COLOUR[:3], "right side, in the margin"
    assert published.getpixel((left + 180 - 4, top + 15)) == HIGHLIGHT_COLOUR[:3], "left side"
    assert published.getpixel((left + 190, top - 4)) == HIGHLIGHT_COLOUR[:3], "top side, in the margin"
    assert published.getpixel((left + 190, top + 30 + 4 - 1)) == HIGHLIGHT_COLOUR[:3], "bottom side"
    assert _published(blank_png(), 1, Box(300, 300, 10, 10)).getpixel((left + 100, top + 60)) == (255, 255, 255)


def _all(image: Image.Image):
    return ((x, y) for y in range(image.height) for x in range(image.width))


def test_candidates_come_from_the_aria_snapshot_in_page_order():
    snapshot = '- banner:\n  - button "Setup"\n- dialog "Card Details":\n  - button "Close"\n  - button "Setup"\n'
    assert named_in_snapshot(snapshot, ("button",)) == ["Setup", "Close"]


def test_articles_are_chosen_by_path_or_id_and_sharded_deterministically(project_root):
    centre, _ = load_project(project_root / "mkdocs.yml").load_help_centre()
    chosen = select_articles(centre, ["101", "billing/change-requests"], None)
    assert [article.ref for article in chosen] == ["billing/change-card-or-bank-info", "billing/change-requests"]
    everything = [article.ref for article in select_articles(centre, [], None)]
    assert len(everything) == 7
    shards = [[a.ref for a in select_articles(centre, [], (index, 3))] for index in (1, 2, 3)]
    assert sorted(sum(shards, [])) == sorted(everything)
    assert shards == [[a.ref for a in select_articles(centre, [], (index, 3))] for index in (1, 2, 3)]
    with pytest.raises(CaptureUsageError, match="no article 'nope'"):
        select_articles(centre, ["nope"], None)


def test_a_directory_swap_replaces_the_whole_folder(tmp_path):
    target = tmp_path / "article"
    target.mkdir()
    (target / "01.png").write_bytes(b"old")
    (target / "09.png").write_bytes(b"stale")
    staged = atomic.staging_directory(target)
    (staged / "01.png").write_bytes(b"new")
    atomic.replace_directory(target, staged)
    assert sorted(path.name for path in target.iterdir()) == ["01.png"]
    assert (target / "01.png").read_bytes() == b"new"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["article"]


def test_an_atomic_write_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "deep" / "manifest.json"
    atomic.write_text(path, "{}\n")
    atomic.write_text(path, '{"a": 1}\n')
    assert path.read_text() == '{"a": 1}\n'
    assert [p.name for p in path.parent.iterdir()] == ["manifest.json"]
