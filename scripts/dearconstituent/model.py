"""The archive's data model: letters and the registers they refer to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePosixPath

from .dates import LetterDate
from .slugs import slugify


@dataclass(frozen=True)
class Seat:
    """One continuous term of one member for one constituency."""

    constituency: str
    party: str
    start: dt.date
    end: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def overlaps(self, first: dt.date, last: dt.date) -> bool:
        """Whether the member held this seat on some day from ``first`` to ``last``."""
        return self.start <= last and (self.end is None or first <= self.end)


@dataclass(frozen=True)
class Member:
    """A Member of Parliament, with every seat they have held."""

    name: str
    seats: tuple[Seat, ...]

    @property
    def slug(self) -> str:
        return slugify(self.name)

    def seats_during(self, date: LetterDate) -> list[Seat]:
        """The seats held on the letter's date (on some day of it, for a month)."""
        return [seat for seat in self.seats if seat.overlaps(date.first_day, date.last_day)]

    def seat_for(self, constituency: str, date: LetterDate) -> Seat | None:
        """The term in which this member held ``constituency`` on ``date``, if any."""
        for seat in self.seats_during(date):
            if seat.constituency == constituency:
                return seat
        return None


@dataclass(frozen=True)
class Topic:
    slug: str
    title: str
    description: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Campaign:
    slug: str
    title: str
    description: str
    started: dt.date | None = None
    organisers: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class AllowedItem:
    """A public detail (a helpline, an office address) staff approved for publication."""

    text: str
    reason: str


@dataclass(frozen=True)
class Registers:
    """Everything letters refer to by name or slug."""

    members: Mapping[str, Member] = field(default_factory=dict)
    topics: Mapping[str, Topic] = field(default_factory=dict)
    campaigns: Mapping[str, Campaign] = field(default_factory=dict)
    allowlist: tuple[AllowedItem, ...] = ()

    @cached_property
    def constituencies(self) -> dict[str, str]:
        """Constituency slug → name, for every seat in the members register."""
        names = {seat.constituency for member in self.members.values() for seat in member.seats}
        return {slugify(name): name for name in sorted(names)}

    @cached_property
    def constituency_names(self) -> frozenset[str]:
        return frozenset(self.constituencies.values())


@dataclass(frozen=True)
class Letter:
    """One published letter: validated front matter plus the verbatim body."""

    path: PurePosixPath
    """Path relative to the docs folder, e.g. ``letters/2019/2019-09-….md``."""
    title: str
    date: LetterDate
    signatory: str
    constituency: str
    topics: tuple[str, ...]
    body: str
    body_line: int
    campaign: str | None = None
    summary: str | None = None
    source: str | None = None

    def sort_key(self) -> tuple[tuple[int, int, int], str]:
        return (self.date.sort_key(), self.path.as_posix())
