"""Screenshot comparison that counts exactly as pixelmatch 7 does, vectorised with numpy.

    from helpcentre.compare import compare_images
    result = compare_images(baseline_png, fresh_png, threshold=0.1)
    result.mismatched, result.total, result.diff_png

No MkDocs, CLI or browser imports: the verify engine and the `helpcentre compare` command share it.
"""

from helpcentre.compare.comparison import (
    AA_COLOR,
    DEFAULT_THRESHOLD,
    DIFF_ALPHA,
    DIFF_COLOR,
    Box,
    Comparison,
    ImageSizeMismatch,
    compare_images,
)
from helpcentre.compare.images import UnreadableImage, decode_png

__all__ = [
    "AA_COLOR",
    "DEFAULT_THRESHOLD",
    "DIFF_ALPHA",
    "DIFF_COLOR",
    "Box",
    "Comparison",
    "ImageSizeMismatch",
    "UnreadableImage",
    "compare_images",
    "decode_png",
]
