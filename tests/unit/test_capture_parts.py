"""The capture engine's pieces that need no browser."""

import io

import pytest
from PIL import Image

from helpcentre import atomic
from helpcentre.capture.layout import png_dimensions, step_files
from helpcentre.capture.locate import named_in_snapshot
from helpcentre.capture.publish import published_copy
from helpcentre.capture.runner import CaptureUsageError, select_articles
from helpcentre.capture.walker import Box
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


def test_the_published_copy_draws_a_box_and_a_badge_inside_the_image():
    raw = blank_png()
    published = Image.open(io.BytesIO(published_copy(raw, 4, Box(60, 40, 50, 30)))).convert("RGB")
    assert published.size == (200, 120)
    assert published.getpixel((60 - 4, 60)) != (255, 255, 255), "the left edge of the box"
    assert published.getpixel((150, 100)) == (255, 255, 255), "away from the box nothing changes"
    corner = Image.open(io.BytesIO(published_copy(raw, 1, Box(0, 0, 20, 20)))).convert("RGB")
    assert corner.getpixel((6, 16)) == (232, 89, 12), "a badge pushed off the edge is kept inside"


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
