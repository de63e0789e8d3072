"""Problems found in articles, reported as `path:line: field: message`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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
        where = f"{self.path}:{self.line}:"
        return f"{where} {self.field}: {self.message}" if self.field else f"{where} {self.message}"


class ArticleError(Exception):
    """Raised with every problem found, so that all of them are reported at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


# Stable codes; the writers' guide documents them.
YAML_SYNTAX = "HC100"
SCHEMA = "HC101"
UNKNOWN_KEY = "HC102"
DUPLICATE_ID = "HC103"
UNKNOWN_RELATED = "HC104"
UNKNOWN_CATEGORY = "HC105"
DUPLICATE_KEY = "HC106"
NO_FRONT_MATTER = "HC107"
STEP_COUNT = "HC110"
UNKNOWN_TARGET = "HC111"
