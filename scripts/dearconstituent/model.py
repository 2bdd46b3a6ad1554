"""The archive's data model: letters and the registers they refer to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
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
class Parliament:
    """A Parliament: from the day after its general election to its dissolution."""

    number: int
    start: dt.date
    end: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def sat_in(self, seat: Seat) -> bool:
        """Whether ``seat`` was held on some day of this Parliament."""
        return seat.overlaps(self.start, self.end or dt.date.max)

    @property
    def year(self) -> int:
        """The year of its general election, which names it: "the 2019 Parliament"."""
        return (self.start - dt.timedelta(days=1)).year

    @property
    def label(self) -> str:
        return f"the {self.year} Parliament"


@dataclass(frozen=True)
class PartyChange:
    """A member's change of party within a term (a defection, a whip removed or restored)."""

    date: dt.date
    party: str
    source: str
    """A public web page that records it."""


@dataclass(frozen=True)
class Member:
    """A Member of Parliament, with every seat they have held."""

    name: str
    seats: tuple[Seat, ...]
    id: int | None = None
    """Parliament's member id (MNIS id), when the member came from its data."""
    aliases: tuple[str, ...] = ()
    """Other names the member's letters are signed with; never used as a signatory."""
    party_changes: tuple[PartyChange, ...] = ()

    @property
    def slug(self) -> str:
        return slugify(self.name)

    @property
    def sitting(self) -> bool:
        """Whether the member holds a seat today: their last term has not ended."""
        return self.seats[-1].end is None

    def seats_during(self, date: LetterDate) -> list[Seat]:
        """The seats held on the letter's date (on some day of it, for a month)."""
        return [seat for seat in self.seats if seat.overlaps(date.first_day, date.last_day)]

    def seat_for(self, constituency: str, date: LetterDate) -> Seat | None:
        """The term in which this member held ``constituency`` on ``date``, if any."""
        for seat in self.seats_during(date):
            if seat.constituency == constituency:
                return seat
        return None

    def day_of(self, constituency: str, date: LetterDate) -> dt.date:
        """The day a letter of this member's dated ``date`` counts for: that day, or
        for a letter dated by its month, the first day of it they held the seat."""
        seat = self.seat_for(constituency, date)
        return max(date.first_day, seat.start) if seat else date.first_day

    def party_on(self, seat: Seat, day: dt.date) -> str:
        """The member's party on ``day`` of ``seat``: the party they were elected for,
        unless a recorded change within the term says otherwise."""
        party = seat.party
        for change in self.party_changes:
            if seat.start <= change.date <= day and seat.covers(change.date):
                party = change.party
        return party


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
class Predecessor:
    """A seat a constituency was formed from, and the share of its area that seat gave."""

    id: int
    name: str
    share: float


@dataclass(frozen=True)
class Constituency:
    """A constituency: a name with a set of boundaries, in force from one date to another.

    A name can stand for two constituencies (``Aldershot`` before and after
    the 2024 boundaries); a letter's date tells which it means.
    """

    name: str
    slug: str
    start: dt.date | None = None
    end: dt.date | None = None
    id: int | None = None
    """Parliament's id for the constituency, when it came from its data."""
    ons: str | None = None
    formed_from: tuple[Predecessor, ...] = ()

    @property
    def current(self) -> bool:
        return self.end is None

    def in_force(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Withdrawal:
    """A letter taken out of the archive: where it was, when and why."""

    path: PurePosixPath
    """Its former file below ``docs/``: ``letters/2019/<name>.md``."""
    withdrawn: dt.date
    reason: str
    """A key of :data:`dearconstituent.withdrawals.REASONS`."""
    note: str | None = None
    """A public note, editorial."""


@dataclass(frozen=True)
class Registers:
    """Everything letters refer to by name or slug."""

    members: Mapping[str, Member] = field(default_factory=dict)
    topics: Mapping[str, Topic] = field(default_factory=dict)
    campaigns: Mapping[str, Campaign] = field(default_factory=dict)
    allowlist: tuple[AllowedItem, ...] = ()
    constituencies: tuple[Constituency, ...] = ()
    """Every constituency, oldest boundaries first; when none are given, one per
    name the members' seats give, without boundaries."""
    parliaments: tuple[Parliament, ...] = ()
    """The Parliaments the register covers, oldest first (none when not given)."""
    withdrawals: tuple[Withdrawal, ...] = ()
    """Letters taken out of the archive, oldest withdrawal first."""

    def __post_init__(self) -> None:
        if not self.constituencies and self.members:
            object.__setattr__(self, "constituencies", constituencies_of(self.members))

    @cached_property
    def constituency_names(self) -> frozenset[str]:
        return frozenset(seat.name for seat in self.constituencies)

    @cached_property
    def aliases(self) -> dict[str, str]:
        """Every alias → the name of the member it belongs to."""
        return {alias: member.name for member in self.members.values() for alias in member.aliases}

    def parliament_on(self, day: dt.date) -> Parliament | None:
        for parliament in self.parliaments:
            if parliament.covers(day):
                return parliament
        return None

    def find_member(self, name: str) -> Member | None:
        """The member with ``name`` as their name or one of their aliases."""
        found = self.members.get(name)
        if found is None and name in self.aliases:
            found = self.members[self.aliases[name]]
        return found

    @cached_property
    def _by_name(self) -> dict[str, list[Constituency]]:
        found: dict[str, list[Constituency]] = {}
        for seat in self.constituencies:
            found.setdefault(seat.name, []).append(seat)
        return found

    def constituency(self, name: str, day: dt.date) -> Constituency | None:
        """The constituency called ``name`` on ``day``."""
        for seat in self._by_name.get(name, ()):
            if seat.in_force(day):
                return seat
        return None

    @cached_property
    def constituency_by_id(self) -> dict[int, Constituency]:
        return {seat.id: seat for seat in self.constituencies if seat.id is not None}


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
    redacted: dt.date | None = None
    """The day a part of the letter was replaced with [removed] after publication."""

    def sort_key(self) -> tuple[tuple[int, int, int], str]:
        return (self.date.sort_key(), self.path.as_posix())


def with_slugs(constituencies: list[Constituency]) -> tuple[Constituency, ...]:
    """Each constituency with its web address: its name's slug, and where a name stands
    for several, the current one keeps it and the others add the year they began."""
    by_slug: dict[str, list[Constituency]] = {}
    for seat in constituencies:
        by_slug.setdefault(slugify(seat.name), []).append(seat)
    slugs = {}
    for slug, seats in by_slug.items():
        for seat in seats:
            unique = len(seats) == 1 or seat.current or seat.start is None
            slugs[id(seat)] = slug if unique else f"{slug}-{seat.start.year if seat.start else ''}"
    return tuple(replace(seat, slug=slugs[id(seat)]) for seat in constituencies)


def constituencies_of(members: Mapping[str, Member]) -> tuple[Constituency, ...]:
    """Without a constituencies register: one constituency per seat name, unbounded."""
    names = sorted({seat.constituency for member in members.values() for seat in member.seats})
    return with_slugs([Constituency(name, "") for name in names])
