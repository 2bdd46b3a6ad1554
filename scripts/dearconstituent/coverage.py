"""Coverage: of the MPs sitting when letters were sent, how many have a published reply.

The archive knows what was sent to it, not whether an MP replied: every
figure here says "replies published", says what it is out of (the MPs who
sat in the Parliaments the letters are dated in) and is held back when it
rests on too few letters. No MP is ranked, and no list says who "has not
replied".

An MP's party, for these figures, is the party they were elected for in their
latest term within those Parliaments: one party per MP, for the published
replies and for the MPs sitting alike. A letter's own page gives the party
on its date, which a recorded change of party can make another.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import Member, Parliament, Registers

MIN_LETTERS = 5
"""Figures built on fewer letters than this are held back."""


@dataclass(frozen=True)
class PartyCoverage:
    party: str
    replied: int
    """MPs of the party with a published reply."""
    sitting: int
    """MPs of the party who sat in the Parliaments concerned."""


@dataclass(frozen=True)
class Coverage:
    """Published replies from the MPs sitting when a set of letters was sent."""

    letters: int
    parliaments: tuple[Parliament, ...]
    replied: int
    sitting: int
    parties: tuple[PartyCoverage, ...]
    """Most MPs sitting first; parties with no MP sitting are not listed."""

    @property
    def shown(self) -> bool:
        """Whether there are enough letters for the figures to mean something."""
        return self.letters >= MIN_LETTERS and bool(self.parliaments)

    @property
    def minimum(self) -> int:
        return MIN_LETTERS

    def party(self, name: str) -> PartyCoverage:
        """The figures for the party called ``name`` (none of whose MPs sat, if none)."""
        for found in self.parties:
            if found.party == name:
                return found
        return PartyCoverage(name, 0, 0)

    @property
    def during(self) -> str:
        """ "the 2019 Parliament", "the 2017 and 2019 Parliaments"."""
        years = [str(parliament.year) for parliament in self.parliaments]
        if len(years) == 1:
            return f"the {years[0]} Parliament"
        return f"the {', '.join(years[:-1])} and {years[-1]} Parliaments"


Sent = tuple[str, dt.date]
"""A letter as coverage sees it: its signatory and the day it counts for
(:meth:`Member.day_of`)."""


def coverage(letters: Iterable[Sent], registers: Registers) -> Coverage:
    """The coverage of ``letters``: the Parliaments they are dated in, and of the MPs who
    sat in them, how many (of each party) signed one of the letters."""
    count = 0
    parliaments: set[Parliament] = set()
    signed: set[str] = set()
    for signatory, day in letters:
        count += 1
        parliament = registers.parliament_on(day)
        if parliament is not None:
            parliaments.add(parliament)
            signed.add(signatory)
    ordered = tuple(sorted(parliaments, key=lambda parliament: parliament.start))
    parties = sitting_parties(registers.members.values(), ordered)
    sitting = Counter(parties.values())
    replied = Counter(parties[name] for name in signed if name in parties)
    by_party = tuple(
        PartyCoverage(party, replied[party], count)
        for party, count in sorted(sitting.items(), key=lambda item: (-item[1], item[0]))
    )
    return Coverage(
        letters=count,
        parliaments=ordered,
        replied=sum(replied.values()),
        sitting=sum(sitting.values()),
        parties=by_party,
    )


def sitting_parties(members: Iterable[Member], parliaments: Sequence[Parliament]) -> dict[str, str]:
    """Each member who sat in one of ``parliaments`` → the party they were elected for
    in their latest term within them."""
    found: dict[str, str] = {}
    for member in members:
        terms = [seat for seat in member.seats if any(p.sat_in(seat) for p in parliaments)]
        if terms:
            found[member.name] = terms[-1].party
    return found


def parliaments_sat(member: Member, parliaments: Iterable[Parliament]) -> list[Parliament]:
    """The Parliaments in which ``member`` held a seat, oldest first."""
    return [
        parliament
        for parliament in parliaments
        if any(parliament.sat_in(seat) for seat in member.seats)
    ]
