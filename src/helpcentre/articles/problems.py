"""Problems found in a help centre, reported as `path:line:col: HC### field: message (see ADDRESS)`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from helpcentre.guide import guide_address

# The writers' guide's page with a heading, and so an anchor, per code: `## HC100` is `#hc100`.
LINT_CODES_PAGE = "reference/lint-codes"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing a writer must fix, located precisely enough to jump to it."""

    path: str
    line: int
    code: str
    field: str
    message: str
    column: int = 1
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        # Editors and CI annotations jump to `path:line:col:`; the code is stable, the message may
        # improve; the code's page in the guide says what is wrong and how to fix it.
        where = f"{self.path}:{self.line}:{self.column}: {self.code}"
        said = f"{where} {self.field}: {self.message}" if self.field else f"{where} {self.message}"
        return f"{said} (see {code_address(self.code)})"

    def as_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": str(self.severity),
            "field": self.field,
            "message": self.message,
            "help": code_address(self.code),
        }


def code_address(code: str) -> str:
    """Where the writers' guide explains `code` (`HC104`), as a linter links its rules."""
    return guide_address(LINT_CODES_PAGE, code.lower())


class ArticleError(Exception):
    """Raised with every problem found, so that all of them are reported at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


# Stable codes: a code keeps its meaning for good; the writers' guide lists them all.
YAML_SYNTAX = "HC100"
SCHEMA = "HC101"
UNKNOWN_KEY = "HC102"
DUPLICATE_ID = "HC103"
UNKNOWN_RELATED = "HC104"
UNKNOWN_CATEGORY = "HC105"
DUPLICATE_KEY = "HC106"
NO_FRONT_MATTER = "HC107"
DUPLICATE_SLUG = "HC108"
REDIRECT_CLASH = "HC109"
STEP_COUNT = "HC110"
UNKNOWN_TARGET = "HC111"
LABEL_NOT_IN_WALKTHROUGH = "HC112"
STEP_NOT_UNDERSTOOD = "HC113"
UNQUOTED_VALUE = "HC114"
CHECK_ALREADY_HELD = "HC115"
NOT_UTF8 = "HC116"
YAML_ALIAS = "HC117"
PLACEHOLDER_VALUE = "HC118"
BROKEN_LINK = "HC120"
BROKEN_ANCHOR = "HC121"
INTERNAL_LINK = "HC122"
MISSING_IMAGE = "HC130"
IMAGE_WITHOUT_ALT = "HC131"
OUTSIDE_PROJECT = "HC132"
SCREENSHOT_NOT_PNG = "HC133"
TITLE_TOO_LONG = "HC140"
NO_SUMMARY = "HC141"
PLACEHOLDER_SENTENCE = "HC142"
RAW_SCRIPT = "HC150"
UNSAFE_HTML = "HC151"
UNREFERENCED_SCREENSHOT = "HC160"
MISSING_SCREENSHOT = "HC161"
LABEL_NOT_CAPTURED = "HC162"
STALE_OVERRIDE = "HC163"
