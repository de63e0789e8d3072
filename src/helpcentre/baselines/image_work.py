"""A step shot's image work: the optimised raw shot and its published copy.

Kept apart from the walker so that the processes doing it import only Pillow and oxipng.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import threading

import oxipng
from PIL import Image

from helpcentre.baselines.publish import published_copy
from helpcentre.baselines.shot import Box

# Screenshots of flat UI compress best unfiltered or with Paeth; trying only these two gives
# the same bytes as oxipng's default set of filters in about 60% of the time.
_FILTERS = [oxipng.RowFilter.NoOp, oxipng.RowFilter.Paeth]


def optimise(png: bytes) -> bytes:
    return oxipng.optimize_from_memory(png, level=2, filter=_FILTERS, strip=oxipng.StripChunks.safe())


def same_pixels(first_png: bytes, second_png: bytes) -> bool:
    """Whether two PNGs hold the same image, however each was compressed."""
    first, second = Image.open(io.BytesIO(first_png)), Image.open(io.BytesIO(second_png))
    if first.size != second.size:
        return False
    return first.convert("RGBA").tobytes() == second.convert("RGBA").tobytes()


def prepare_images(
    png: bytes, number: int, highlight: Box | None, previous_raw: bytes | None, previous_published: bytes | None
) -> tuple[bytes, bytes]:
    """The optimised raw shot and its published copy.

    An unchanged shot keeps its committed bytes, so a re-capture changes nothing in Git.
    Runs in a worker process: oxipng holds the GIL while it works.
    """
    if previous_raw is not None and same_pixels(png, previous_raw):
        raw = previous_raw
    else:
        raw = optimise(png)
        previous_published = None
    if previous_published is not None:
        return raw, previous_published
    return raw, optimise(published_copy(png, number, highlight))


def end_with_parent() -> None:
    """Run as an image worker starts: the worker ends as soon as the capture that spawned it ends.

    A capture killed with SIGKILL cannot stop its workers. Each waits here on the pipe its
    parent holds open, which the system closes however the parent ends; once the workers are
    gone, multiprocessing's resource tracker sees its own pipe close and ends too.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def wait_for_parent() -> None:
        parent.join()
        os._exit(1)

    threading.Thread(target=wait_for_parent, name="end-with-parent", daemon=True).start()


def ready() -> bool:
    """Nothing: a first job that makes a new worker process import this module while walks start."""
    return True
