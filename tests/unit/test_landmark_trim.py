"""A frame that cuts a landmark is trimmed off it, or takes all of it: the geometry, without a browser."""

from __future__ import annotations

from helpcentre.capture.page.landmarks import keep_landmarks_whole

VIEWPORT = (1280, 800)


def edges(left: float, top: float, right: float, bottom: float) -> dict:
    return {"left": left, "top": top, "right": right, "bottom": bottom}


SIDEBAR = edges(0, 56, 200, 800)
HEADER = edges(0, 0, 1280, 56)


def test_a_sliver_of_a_sidebar_is_trimmed_off():
    # A region 8 px right of the sidebar, padded by 16: the frame took 8 px of the sidebar.
    core = edges(208, 80, 600, 300)
    assert keep_landmarks_whole((192, 64, 616, 316), core, [SIDEBAR], *VIEWPORT) == (200, 64, 616, 316)


def test_the_foot_of_a_bar_above_is_trimmed_off():
    breadcrumbs = edges(200, 56, 1280, 96)
    core = edges(208, 100, 600, 300)
    assert keep_landmarks_whole((192, 84, 616, 316), core, [SIDEBAR, HEADER, breadcrumbs], *VIEWPORT) == (
        200,
        96,
        616,
        316,
    )


def test_a_landmark_under_what_the_step_touched_is_taken_whole():
    # A popup drawn over the sidebar: trimming the sidebar off would cut the popup, so the frame takes it all.
    core = edges(150, 300, 400, 420)
    assert keep_landmarks_whole((134, 284, 416, 436), core, [SIDEBAR], *VIEWPORT) == (0, 56, 416, 800)


def test_a_landmark_shown_whole_or_not_at_all_is_left_alone():
    core = edges(300, 300, 500, 400)
    whole = edges(600, 300, 700, 350)
    apart = edges(900, 0, 1280, 800)
    assert keep_landmarks_whole((284, 284, 716, 416), core, [whole, apart], *VIEWPORT) == (284, 284, 716, 416)


def test_the_side_that_loses_least_is_trimmed():
    # A tight button near the top-left, framed with the page around it: the header crosses the
    # whole frame (trimmed off the top), the sidebar only its left part (trimmed off the left).
    core = edges(216, 64, 296, 96)
    trimmed = keep_landmarks_whole((56, 0, 456, 192), core, [HEADER, SIDEBAR], *VIEWPORT)
    assert trimmed == (200, 56, 456, 192)
