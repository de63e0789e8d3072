"""Step screenshots on article pages: each published shot directly under its numbered step.

A picture too wide for a phone to read gets a crop a phone can (`helpcentre.step_pictures`),
served to narrow screens by a <picture> source; the lightbox still opens the whole picture.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from helpcentre.articles import Article, HelpCentre
from helpcentre.articles.steps import NUMBERED_ITEM
from helpcentre.baselines.manifest import StepBaseline, manifest_if_readable
from helpcentre.baselines.paths import step_files
from helpcentre.baselines.png_files import png_dimensions, unreadable
from helpcentre.baselines.step_pictures import PhoneCrop, alt_text, phone_crop
from helpcentre.mkdocs_plugin.checks import ScreenshotsNotPictures


@dataclass(frozen=True)
class StepImage:
    src_uri: str
    width: int
    height: int
    alt: str = ""
    phone: PhoneCrop | None = None


def add_step_images(
    files: Files, config: MkDocsConfig, centre: HelpCentre, screenshots_dir: Path
) -> dict[str, dict[int, StepImage]]:
    """Publish each declared step's screenshot from screenshots/ (lint reports the missing ones)."""
    images: dict[str, dict[int, StepImage]] = {}
    recorded = _recorded_steps(screenshots_dir)
    for article in centre.articles:
        walkthrough = article.meta.walkthrough
        if walkthrough is None:
            continue
        found: dict[int, StepImage] = {}
        for number in range(1, len(article.steps) + 1):
            relative = step_files(article.ref, number).published
            path = screenshots_dir / relative
            if not path.is_file():
                continue
            # Lint has said so already (HC133) and stopped the build; a file changed since is named too.
            problem = unreadable(path, article.ref)
            if problem is not None:
                raise ScreenshotsNotPictures(problem.describe(f"{screenshots_dir.name}/{relative}"))
            with path.open("rb") as stream:
                width, height = png_dimensions(stream.read(24))
            src_uri = f"{screenshots_dir.name}/{relative}"
            files.append(File.generated(config, src_uri, abs_src_path=str(path)))
            step = recorded.get((article.ref, number))
            crop = _phone_crop(screenshots_dir / step_files(article.ref, number).raw, step) if step else None
            if crop is not None:
                files.append(File.generated(config, phone_uri(src_uri), content=crop.png))
            found[number] = StepImage(src_uri, width, height, alt_text(step), crop)
        images[article.ref] = found
    return images


def place_under_steps(markdown: str, article: Article, images: dict[int, StepImage]) -> str:
    """Insert each step's image as the last block of its list item."""
    if not images:
        return markdown
    lines = markdown.split("\n")
    starts = _step_starts(lines, article)
    if not starts or not all(0 <= start < len(lines) and NUMBERED_ITEM.match(lines[start]) for start in starts):
        return markdown
    page_dir = posixpath.dirname(str(article.src_path))
    # From the last step up, so earlier line numbers stay valid.
    for index in reversed(range(len(article.steps))):
        image = images.get(index + 1)
        if image is None:
            continue
        end = starts[index + 1] if index + 1 < len(starts) else _end_of_item(lines, starts[index])
        while end > starts[index] + 1 and not lines[end - 1].strip():
            end -= 1
        alt = image.alt.replace("[", "(").replace("]", ")")
        link = posixpath.relpath(image.src_uri, page_dir or ".")
        block = [
            "",
            f'    ![{alt}]({link}){{ width="{image.width}" height="{image.height}" loading="lazy" .hc-step-shot }}',
            "",
        ]
        lines[end:end] = block
    return "\n".join(lines)


def _step_starts(lines: list[str], article: Article) -> list[int]:
    """Where each step starts in the page's Markdown, which MkDocs may have trimmed at the top."""
    expected = [step.line - article.front_matter.body_line for step in article.steps]
    if not expected:
        return []
    first = article.steps[0].text.split(" ", 1)[0]
    for index, line in enumerate(lines):
        if NUMBERED_ITEM.match(line) and line.split(" ", 1)[1].startswith(first):
            shift = index - expected[0]
            return [start + shift for start in expected]
    return []


def _end_of_item(lines: list[str], start: int) -> int:
    """The line after the last line of the list item starting at `start`."""
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end].startswith((" ", "\t"))):
        end += 1
    return end


def phone_uri(src_uri: str) -> str:
    """Where a published picture's phone crop is served: `…/03.published.png` → `…/03.phone.png`."""
    return re.sub(r"\.published\.png$", ".phone.png", src_uri)


def with_phone_sources(html: str, images: dict[int, StepImage]) -> str:
    """Each step picture that has a phone crop, as a <picture> whose narrow-screen source is the crop."""
    for image in images.values():
        if image.phone is None:
            continue
        name = re.escape(posixpath.basename(image.src_uri))
        tag = re.compile(rf'<img\b[^>]*\bsrc="(?P<src>[^"]*/{name})"[^>]*>')

        def sourced(found: re.Match[str], crop: PhoneCrop = image.phone) -> str:
            source = (
                f'<source media="screen and (max-width: {crop.up_to_px}px)" srcset="{phone_uri(found["src"])}"'
                f' width="{crop.width}" height="{crop.height}">'
            )
            return f"<picture>{source}{found[0]}</picture>"

        html = tag.sub(sourced, html, count=1)
    return html


def _recorded_steps(screenshots_dir: Path) -> dict[tuple[str, int], StepBaseline]:
    """What capture recorded of each step beside its picture; nothing when the record is unreadable (lint says so)."""
    manifest = manifest_if_readable(screenshots_dir)
    return {(ref, step.step): step for ref, entry in manifest.articles.items() for step in entry.steps}


def _phone_crop(raw: Path, step: StepBaseline) -> PhoneCrop | None:
    if not step.width or not raw.is_file():
        return None
    try:
        return phone_crop(raw.read_bytes(), step)
    except (OSError, ValueError, KeyError, TypeError):
        # A record that does not fit its picture: the whole picture is served, as before crops.
        return None
