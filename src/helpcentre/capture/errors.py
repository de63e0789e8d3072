"""Every error of the engine, under one base that carries its exit code.

The command line maps them in one place (`cli/common.py`): 1 is a walk that stopped at a step,
2 a request, a configuration or a target to fix, 3 baselines that are not pictures. The
problems raised inside a walk (`StepProblem`, `NotResolved`, `FrameLost`) end as a `StepFailed`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from helpcentre.articles.walkthrough import Locator
from helpcentre.baselines.png_files import UnreadableFile
from helpcentre.baselines.shot import StepShot

if TYPE_CHECKING:
    from helpcentre.articles import Article


class EngineError(Exception):
    """An error of capture or verify that stops the command, with the exit code it ends with."""

    exit_code = 2


class CaptureUsageError(EngineError):
    """The request itself is wrong (unknown article, bad shard): exit code 2."""


class TargetError(EngineError):
    """A target cannot be reached or signed in to; a configuration problem, not drift."""


class ResetError(TargetError):
    """A reset that did not succeed: what was run, how it ended and the last lines it printed."""


class SignInRefused(EngineError):
    """Why the sign-in form could not be filled in or was not accepted, in words for the writer."""


class BaselinesUnreadable(EngineError):
    """Baselines that are not whole PNG files: a checkout to repair, not drift; each one named."""

    exit_code = 3

    def __init__(self, files: list[UnreadableFile]):
        self.files = files
        super().__init__("\n".join(file.describe(str(file.path)) for file in files))


class StepProblem(EngineError):
    """A step could not be done: the locator it needed, why, and the override that would settle it."""

    def __init__(
        self,
        reason: str,
        locator: Locator | None = None,
        override: str = "",
        missing: tuple[str, tuple[str, ...]] | None = None,
        meant: tuple[str, str] | None = None,
    ):
        self.reason = reason
        self.locator = locator
        self.override = override
        # (label, roles) when nothing on the page has the name the step needs.
        self.missing = missing
        # (role, name) of the one control whose name the label misspells.
        self.meant = meant
        # The run itself failed here (a frame it could not find again), not the product.
        self.run_error = False
        super().__init__(reason)


class StepFailed(EngineError):
    """A walk stopped at a step. Names the article, the step and the locator."""

    exit_code = 1

    def __init__(
        self,
        article: Article,
        number: int,
        reason: str,
        locator: Locator | None,
        candidates: str,
        screenshot: bytes | None,
    ):
        self.article = article
        self.number = number
        self.reason = reason
        self.locator = locator
        self.candidates = candidates
        self.screenshot = screenshot
        self.shots_before: list[StepShot] = []
        # What the page called things when the step failed, and the name it could not find there.
        self.page_aria = ""
        self.missing: tuple[str, tuple[str, ...]] | None = None
        # (role, name) of the one control whose name the step's label misspells: a typo, not drift.
        self.meant: tuple[str, str] | None = None
        self.run_error = False
        step = article.steps[number - 1].text if number <= len(article.steps) else ""
        self.step_text = step
        super().__init__(self.describe())

    def describe(self) -> str:
        where = f"{self.article.ref}: step {self.number}"
        if self.step_text:
            where += f" ({self.step_text})"
        return f"{where}: {self.what()}"

    def what(self) -> str:
        """Why the step could not be done: the reason, the locator, and what the page offers instead."""
        what = self.reason
        if self.locator is not None:
            what += f": {self.locator.describe()}"
        if self.candidates:
            what += f"; {self.candidates}"
        return what


class ResetFailed(StepFailed):
    """An article that was not walked because its target's data could not be put back.

    It counts as a failure of the run at step 1 (verify reports it as an error, not drift).
    """

    def __init__(self, article: Article, error: ResetError):
        super().__init__(article, 1, str(error), None, "", None)
        self.run_error = True

    def describe(self) -> str:
        return f"{self.article.ref}: {self.reason}"


class NotResolved(EngineError):
    """A label names no control, or several: the message names the candidates and the override.

    `missing` is `(label, roles)` when nothing on the page has the name: what `fix` repairs;
    `meant` the `(role, name)` of the one control whose name the label misspells.
    """

    def __init__(
        self,
        reason: str,
        override: str = "",
        missing: tuple[str, tuple[str, ...]] | None = None,
        meant: tuple[str, str] | None = None,
    ):
        self.reason = reason
        self.override = override
        self.missing = missing
        self.meant = meant
        super().__init__(reason)


class FrameLost(EngineError):
    """The container a step's baseline frames could not be found again: an error of the run."""


def first_line(message: str) -> str:
    """The first line of a browser error: the rest is its call log, no help to a writer."""
    return message.strip().splitlines()[0] if message.strip() else "failed"
