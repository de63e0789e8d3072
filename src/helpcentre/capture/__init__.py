"""Capture: walk how-to articles' steps through the live product and photograph each step.

The public face: what the commands, verify and the writer tools use. The modules below it are
capture's own, in one direction: `runner` walks articles with `walker`, which does each `step`
(`explicit` for spelt-out actions) and takes its `photograph`; those find controls with `find/`
and read the page with `page/`; `target/` opens, signs in to and resets the product. All of them
stand on the article model and the baselines, and every error is in `errors`.

Names are loaded when first used, so importing one error does not start Playwright.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_FACE = {
    "capture": "runner",
    "walk_articles": "runner",
    "ArticleOutcome": "run_result",
    "CaptureOptions": "run_result",
    "CaptureResult": "run_result",
    "Progress": "run_result",
    "save_failure": "run_result",
    "select_articles": "run_result",
    "WalkSettings": "walk_settings",
    "walk": "walker",
    "BaselinesUnreadable": "errors",
    "CaptureUsageError": "errors",
    "EngineError": "errors",
    "ResetError": "errors",
    "ResetFailed": "errors",
    "StepFailed": "errors",
    "TargetError": "errors",
    "unrestored_changes": "changing_steps",
    "unwritable_folders": "writable",
    "new_page": "target.session",
    "open_browser": "target.session",
    "TargetPool": "target.targets",
    "reset_after": "target.targets",
    "SANDBOX_PORT_ENV": "target.sandbox_port",
    "sign_in_in_a_window": "target.sign_in_by_hand",
}

__all__ = [
    "ArticleOutcome",
    "BaselinesUnreadable",
    "CaptureOptions",
    "CaptureResult",
    "CaptureUsageError",
    "EngineError",
    "Progress",
    "ResetError",
    "ResetFailed",
    "SANDBOX_PORT_ENV",
    "StepFailed",
    "TargetError",
    "TargetPool",
    "WalkSettings",
    "capture",
    "new_page",
    "open_browser",
    "reset_after",
    "save_failure",
    "select_articles",
    "sign_in_in_a_window",
    "unrestored_changes",
    "unwritable_folders",
    "walk",
    "walk_articles",
]

if TYPE_CHECKING:
    from helpcentre.capture.changing_steps import unrestored_changes
    from helpcentre.capture.errors import (
        BaselinesUnreadable,
        CaptureUsageError,
        EngineError,
        ResetError,
        ResetFailed,
        StepFailed,
        TargetError,
    )
    from helpcentre.capture.run_result import (
        ArticleOutcome,
        CaptureOptions,
        CaptureResult,
        Progress,
        save_failure,
        select_articles,
    )
    from helpcentre.capture.runner import capture, walk_articles
    from helpcentre.capture.target.sandbox_port import SANDBOX_PORT_ENV
    from helpcentre.capture.target.session import new_page, open_browser
    from helpcentre.capture.target.sign_in_by_hand import sign_in_in_a_window
    from helpcentre.capture.target.targets import TargetPool, reset_after
    from helpcentre.capture.walk_settings import WalkSettings
    from helpcentre.capture.walker import walk
    from helpcentre.capture.writable import unwritable_folders


def __getattr__(name: str) -> Any:
    module = _FACE.get(name)
    if module is None:
        raise AttributeError(f"module 'helpcentre.capture' has no attribute '{name}'")
    return getattr(import_module(f"helpcentre.capture.{module}"), name)
