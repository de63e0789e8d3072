"""`helpcentre compare`: count the pixels two screenshots differ by, as pixelmatch does."""

from __future__ import annotations

import json
from pathlib import Path

import click

from helpcentre.cli import cli
from helpcentre.cli.common import UsageProblem


@cli.command()
@click.argument("expected", type=click.Path(path_type=Path))
@click.argument("actual", type=click.Path(path_type=Path))
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1),
    default=0.1,
    show_default=True,
    help="How different two colours may be and still match (0 to 1, pixelmatch's threshold).",
)
@click.option("--include-aa", is_flag=True, help="Count anti-aliased pixels as different too (pixelmatch's includeAA).")
@click.option(
    "--edge-shift",
    type=click.IntRange(0, 2),
    default=0,
    show_default=True,
    help="Do not count a patch drawn this many pixels over, all of it by one offset (verify's edge_shift).",
)
@click.option(
    "--diff",
    "diff_path",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="OUT.png",
    help="Write pixelmatch's diff image: differences red, anti-aliasing yellow.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def compare(
    expected: Path,
    actual: Path,
    threshold: float,
    include_aa: bool,
    edge_shift: int,
    diff_path: Path | None,
    as_json: bool,
) -> None:
    """Compare two PNG screenshots of the same size pixel by pixel. Exits 0 when no pixel
    differs, 1 when some do, 2 when an image cannot be read or the sizes differ."""
    from helpcentre.atomic import write_bytes
    from helpcentre.compare import ImageSizeMismatch, compare_images

    expected_image, actual_image = read_png(expected), read_png(actual)
    try:
        result = compare_images(
            expected_image,
            actual_image,
            threshold=threshold,
            include_aa=include_aa,
            edge_shift=edge_shift,
            diff_output=diff_path is not None,
        )
    except ImageSizeMismatch as error:
        (width1, height1), (width2, height2) = error.expected_size, error.actual_size
        raise UsageProblem(
            f"the images differ in size: {expected} is {width1}x{height1}, {actual} is {width2}x{height2}"
        ) from None

    if diff_path is not None and result.diff_png is not None:
        write_bytes(diff_path, result.diff_png)
        click.echo(f"diff image: {diff_path}", err=True)
    if as_json:
        summary = {
            "mismatched": result.mismatched,
            "total": result.total,
            "ratio": result.ratio,
            "width": result.width,
            "height": result.height,
            "anti_aliased": result.anti_aliased,
            "shifted": result.shifted,
            "threshold": threshold,
            "include_aa": include_aa,
            "edge_shift": edge_shift,
            "diff": str(diff_path) if diff_path is not None else None,
        }
        click.echo(json.dumps(summary))
    else:
        click.echo(
            f"{result.mismatched} of {result.total} pixels differ ({percentage(result.mismatched, result.total)})"
        )
    if not result.matches:
        raise SystemExit(1)


def read_png(path: Path):
    """The decoded image; an unreadable file is a usage error naming it."""
    from helpcentre.compare import UnreadableImage, decode_png

    try:
        return decode_png(path.read_bytes())
    except OSError as error:
        raise UsageProblem(f"cannot read {path}: {error.strerror or error}") from None
    except UnreadableImage as error:
        raise UsageProblem(f"cannot read {path}: {error}") from None


def percentage(part: int, whole: int) -> str:
    """Two decimals, but never a misleading 0.00% (or 100.00%) for a count that is not 0 (or all)."""
    if 0 < part and part * 10_000 < whole:
        return "<0.01%"
    if part < whole and part * 10_000 > whole * 9_999:
        return ">99.99%"
    return f"{100 * part / whole:.2f}%" if whole else "0.00%"
