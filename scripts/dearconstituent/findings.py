"""The common currency of every check: a line and a message about it."""

from __future__ import annotations

from typing import Literal, NamedTuple


class Finding(NamedTuple):
    """What a rule yields: a 1-based line, the field concerned, what must hold, a hint."""

    line: int
    field: str
    message: str
    hint: str = ""
    severity: Literal["error", "warning"] = "error"
