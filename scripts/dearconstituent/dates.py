"""Letter dates: a full day, or only a month when that is all the letter gives."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Literal

from .errors import FieldError

Precision = Literal["day", "month"]

# English month names, fixed: the site is en-GB whatever the build machine's locale.
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


@dataclass(frozen=True, order=True)
class LetterDate:
    """The date printed on a letter, as precise as the letter is."""

    year: int
    month: int
    day: int | None = None

    @property
    def precision(self) -> Precision:
        return "month" if self.day is None else "day"

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        if self.day is not None:
            return dt.date(self.year, self.month, self.day)
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def iso(self) -> str:
        """``YYYY-MM`` or ``YYYY-MM-DD``: the form used in front matter and file names."""
        month = f"{self.year:04d}-{self.month:02d}"
        return month if self.day is None else f"{month}-{self.day:02d}"

    def as_written(self) -> str:
        """``September 2019`` or ``14 March 2021``: the date as a reader expects it."""
        month = f"{MONTHS[self.month - 1]} {self.year}"
        return month if self.day is None else f"{self.day} {month}"

    def sort_key(self) -> tuple[int, int, int]:
        # A month-only date sorts after every day of that month: "September 2019"
        # is the latest a letter of that month can be.
        return (self.year, self.month, self.day if self.day is not None else 32)


def written_day(day: dt.date) -> str:
    """``9 June 2017``: a register date as a reader expects it."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def parse_letter_date(value: object) -> LetterDate:
    """Read a front matter ``date``: ``YYYY-MM-DD`` or ``YYYY-MM``, a real date."""
    return _parse_letter_date(_date_text(value))


@functools.lru_cache(maxsize=8192)
def _parse_letter_date(text: str) -> LetterDate:
    if match := _DAY.match(text):
        year, month, day = (int(part) for part in match.groups())
        _require_calendar_date(year, month, day, text)
        return LetterDate(year, month, day)
    if match := _MONTH.match(text):
        year, month = (int(part) for part in match.groups())
        _require_calendar_date(year, month, 1, text)
        return LetterDate(year, month)
    raise FieldError(
        f"'{text}' is not a date in the form YYYY-MM-DD or YYYY-MM",
        hint="for example 2021-03-14, or 2019-09 when the letter gives only a month",
    )


def parse_day(value: object) -> dt.date:
    """Read a register date, which is always a full ``YYYY-MM-DD`` day."""
    text = _date_text(value)
    match = _DAY.match(text)
    if not match:
        raise FieldError(
            f"'{text}' is not a date in the form YYYY-MM-DD", hint="for example 2019-12-13"
        )
    year, month, day = (int(part) for part in match.groups())
    _require_calendar_date(year, month, day, text)
    return dt.date(year, month, day)


def _date_text(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise FieldError(
            f"must be a date, not {describe_type(value)}", hint="write it as YYYY-MM-DD"
        )
    return str(value).strip()


def _require_calendar_date(year: int, month: int, day: int, text: str) -> None:
    try:
        dt.date(year, month, day)
    except ValueError:
        raise FieldError(
            f"'{text}' is not a real calendar date", hint="check the month and day"
        ) from None


def describe_type(value: object) -> str:
    """Name a YAML value's type the way a non-programmer would."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    return type(value).__name__
