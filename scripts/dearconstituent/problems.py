"""Problems found by the validator, and the ways of printing them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing that must be fixed in one file.

    ``field`` names the front matter key or register entry concerned, or a
    pseudo-field such as ``body``, ``file`` or ``front matter``.
    """

    path: str
    line: int
    field: str
    message: str
    hint: str = ""
    severity: Severity = "error"

    def as_text(self) -> str:
        hint = f" ({_shown(self.hint)})" if self.hint else ""
        return (
            f"{_shown(self.path)}:{self.line}: {self.severity}: {_shown(self.field)}: "
            f"{_shown(self.message)}{hint}"
        )

    def as_github(self) -> str:
        text = f"{_shown(self.field)}: {_shown(self.message)}" + (
            f" ({_shown(self.hint)})" if self.hint else ""
        )
        return (
            f"::{self.severity} file={_escape_property(self.path)},line={self.line},"
            f"title={_escape_property('Dear Constituent: ' + self.field)}::{_escape_data(text)}"
        )


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _shown(text: str) -> str:
    # A field name or value from a hostile file must not forge output lines
    # or send terminal escape codes: control characters are shown escaped.
    return _CONTROL.sub(lambda match: repr(match.group())[1:-1], text)


def _escape_data(text: str) -> str:
    # GitHub workflow commands treat %, CR and LF specially in messages.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_problems(problems: Iterable[Problem], *, style: str) -> str:
    """Render problems as ``text`` lines, GitHub annotations, or a JSON list."""
    items = list(problems)
    if style == "json":
        return json.dumps([asdict(p) for p in items], indent=2, ensure_ascii=False)
    if style == "github":
        return "\n".join(p.as_github() for p in items)
    return "\n".join(p.as_text() for p in items)


def summary_line(problems: list[Problem], *, files_checked: int) -> str:
    """One closing sentence: how many errors and warnings, in how many of the files."""
    noun = "file" if files_checked == 1 else "files"
    errors = sum(problem.severity == "error" for problem in problems)
    warnings = len(problems) - errors
    counted = _count(warnings, "warning")
    if not errors:
        suffix = f" ({counted})" if warnings else ""
        return f"All {files_checked} {noun} are valid{suffix}."
    bad_files = len({problem.path for problem in problems if problem.severity == "error"})
    also = f" and {counted}" if warnings else ""
    return f"Found {_count(errors, 'error')}{also} in {bad_files} of {files_checked} {noun}."


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
