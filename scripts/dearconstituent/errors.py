"""The package's exception hierarchy."""

from __future__ import annotations


class DearConstituentError(Exception):
    """Base class for every error this package raises on purpose."""


class SourceError(DearConstituentError):
    """A file cannot be read as a letter or register at all.

    Carries the 1-based line where the problem was found, so that callers can
    report ``path:line`` without knowing how the file was parsed.
    """

    def __init__(self, message: str, *, line: int = 1, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.hint = hint


class FieldError(DearConstituentError):
    """A single value is not what its field requires."""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
