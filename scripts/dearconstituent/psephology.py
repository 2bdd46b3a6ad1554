"""Parliament's election results since 2010, turned into the members and constituencies registers.

The House of Commons publishes the results of every general election and
by-election since 2010 in ``ukparliament/psephology`` (``db/data/``, Open
Parliament Licence v3.0). This module reads those files (a checkout, or the
same files laid out as in its ``db/data`` folder) and works out:

* every constituency in force at an election since 2010, by Parliament's id
  for it (one per name and set of boundaries), with its official name, the
  dates its boundaries were in force, and for a 2024 seat the seats it was
  formed from, with the share of its area each gave;
* every member elected since 2010, one per Parliament member id (MNIS id),
  with each term in a seat: from the day after polling day to the
  dissolution, or to the day before the by-election that next filled the
  seat when the member left early; the party is the one they were elected for;
* the name the archive uses for each member (the one from their latest
  election, won or lost) and the other spellings the results use.

Hand-kept corrections (:class:`Corrections`) are applied on top, so that a
new run keeps them. Nothing here reads or writes the registers' files.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import DearConstituentError
from .model import Parliament as Period
from .slugs import slugify

FIRST_PARLIAMENT = 55
"""The Parliament elected in 2010: the first whose results are here."""
SINCE = dt.date(2010, 5, 6)
"""Polling day of the 2010 general election."""
PARTY_SPELLINGS = {
    "Sinn Fein": "Sinn Féin",
    "Green": "Green Party",
    "Social Democratic & Labour Party": "Social Democratic and Labour Party",
}
"""One spelling for each party the results spell two ways."""
# Parliaments 55 to 58's general-election files have no header row: their
# columns are those of 59's file of the same name, less the last for candidacies.
_HEADERLESS_BEFORE = 59
_OVERLAP_COLUMNS = ("key", "from", "from name", "to", "to name", "r1", "r2", "g1", "g2", "p1", "p2")
_PERIOD_COLUMNS = ("number", "polling", "meeting", "opening", "dissolution")

Contest = tuple[str, dt.date, int, str]
"""A contest's winner: (ONS code, polling day, member id, party)."""


class PsephologyError(DearConstituentError):
    """The results cannot be read, or do not add up."""


@dataclass(frozen=True)
class Parliament:
    number: int
    polling_day: dt.date
    dissolution: dt.date | None


@dataclass(frozen=True)
class Constituency:
    id: int
    """Parliament's id for the constituency: one per name and set of boundaries."""
    ons: str
    """The ONS code, which a seat whose boundaries did not change keeps in the next set."""
    name: str
    start: dt.date
    end: dt.date | None
    formed_from: tuple[tuple[int, float], ...] = ()
    """For a seat created in 2024: (id, share of this seat's area) of each seat it was
    formed from, largest share first."""

    def in_force(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Candidacy:
    member: int
    name: str
    day: dt.date


@dataclass(frozen=True)
class Win:
    """A member elected for a seat at a general election or a by-election."""

    member: int
    seat: int
    """The constituency's id."""
    party: str
    day: dt.date
    parliament: int


@dataclass(frozen=True)
class Results:
    parliaments: Mapping[int, Parliament]
    constituencies: Mapping[int, Constituency]
    wins: tuple[Win, ...]
    candidacies: tuple[Candidacy, ...]


@dataclass(frozen=True)
class Term:
    constituency: str
    party: str
    start: dt.date
    end: dt.date | None


@dataclass(frozen=True)
class MemberRecord:
    id: int
    name: str
    aliases: tuple[str, ...]
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class Corrections:
    """What staff correct in Parliament's data, kept by hand, each with a source."""

    dissolutions: Mapping[int, dt.date] = field(default_factory=dict)
    """Parliament number → the day it was dissolved, where the data has another."""
    names: Mapping[int, str] = field(default_factory=dict)
    """Member id → the name the archive uses, where the latest election's is not it."""
    aliases: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    """Member id → other names letters are signed with."""


# ---------------------------------------------------------------------------
# Reading the files


def read_results(folder: Path) -> Results:
    """Read a psephology ``db/data`` folder (or a checkout, which holds one)."""
    if (folder / "db" / "data").is_dir():
        folder = folder / "db" / "data"
    parliaments = _parliaments(folder / "parliament_periods.csv")
    constituencies = _constituencies(folder)
    seats = _SeatFinder(constituencies.values())
    wins: list[Win] = []
    candidacies: list[Candidacy] = []
    for number in sorted(parliaments):
        base = folder / "results-by-parliament" / str(number)
        general = _general_election(base / "general-election", parliaments[number], number)
        by_elections = _by_elections(base / "by-elections")
        for ons, day, member, party in [*general[0], *by_elections[0]]:
            wins.append(Win(member, seats.find(ons, day).id, party, day, number))
        candidacies.extend([*general[1], *by_elections[1]])
    return Results(parliaments, constituencies, tuple(wins), tuple(candidacies))


class _SeatFinder:
    """The constituency with an ONS code that was in force on a day."""

    def __init__(self, constituencies: Iterable[Constituency]) -> None:
        self._by_code: dict[str, list[Constituency]] = defaultdict(list)
        for seat in constituencies:
            self._by_code[seat.ons].append(seat)

    def find(self, ons: str, day: dt.date) -> Constituency:
        for seat in self._by_code.get(ons, ()):
            if seat.in_force(day):
                return seat
        raise PsephologyError(f"no constituency {ons} was in force on {day}")


def _rows(path: Path, header: Sequence[str] | None = None) -> list[dict[str, str]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise PsephologyError(f"cannot read {path}: {error.strerror or error}") from None
    rows = [row for row in csv.reader(io.StringIO(text)) if row]
    if header is None:
        if not rows:
            return []
        header, rows = [name.strip() for name in rows[0]], rows[1:]
    return [dict(zip(header, (cell.strip() for cell in row), strict=False)) for row in rows]


def _header(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8-sig")
    return [name.strip() for name in next(csv.reader(io.StringIO(text)))]


def _day(text: str) -> dt.date:
    """``06/05/2010`` or ``06/05/2010 00:00`` → a date."""
    try:
        day, month, year = text.split(maxsplit=1)[0].split("/")
        return dt.date(int(year), int(month), int(day))
    except (ValueError, IndexError):
        raise PsephologyError(f"'{text}' is not a date in the form dd/mm/yyyy") from None


def _parliaments(path: Path) -> dict[int, Parliament]:
    # Columns: number, polling day (for early Parliaments, a description), first
    # meeting, state opening, dissolution (empty for the sitting Parliament), …
    parliaments = {}
    for row in _rows(path, header=_PERIOD_COLUMNS):
        number = int(row["number"])
        if number < FIRST_PARLIAMENT:
            continue
        dissolution = _day(row["dissolution"]) if row.get("dissolution") else None
        parliaments[number] = Parliament(number, _day(row["polling"]), dissolution)
    return parliaments


def _constituencies(folder: Path) -> dict[int, Constituency]:
    """The constituencies in force at any election since 2010, by Parliament's id."""
    found = {}
    for row in _rows(folder / "constituencies" / "1997-2024.csv"):
        end = _day(row["EndDate"]) if row.get("EndDate") else None
        if not row.get("ONSCode") or (end is not None and end < SINCE):
            continue
        seat = Constituency(
            id=int(row["Constituency_Id"]),
            ons=row["ONSCode"],
            name=row["Name"],
            start=_day(row["StartDate"]),
            end=end,
        )
        found[seat.id] = seat
    return _with_overlaps(found, folder)


def _with_overlaps(found: dict[int, Constituency], folder: Path) -> dict[int, Constituency]:
    """Each 2024 seat with the seats it was formed from and the share of its area each gave.

    The overlaps file names each pair by ONS code: the old seat's, and the new
    seat's before a few Scottish seats' codes were revised (the revisions file
    maps that code to the new one). Its columns: a key, the old code and name,
    the new code and name, then for each of residential, geographical and
    population, the share of the old seat that went to the new and the share of
    the new that came from the old.
    """
    revised = {
        row["old"]: row["new"]
        for row in _rows(folder / "revised_constituency_ids.csv", header=("old", "name", "new"))
    }
    old = {seat.ons: seat for seat in found.values() if seat.end is not None}
    new = {seat.ons: seat for seat in found.values() if seat.end is None}
    shares: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for row in _rows(folder / "constituency-area-overlaps.csv", header=_OVERLAP_COLUMNS):
        to = new.get(revised.get(row["to"], row["to"]))
        source = old.get(row["from"])
        if to is None or source is None:
            raise PsephologyError(f"an overlap of seats not in the list: {row['key']}")
        shares[to.id].append((source.id, float(row["g2"])))
    return {
        key: replace(seat, formed_from=tuple(sorted(shares[key], key=lambda s: (-s[1], s[0]))))
        if key in shares
        else seat
        for key, seat in found.items()
    }


def _general_election(
    folder: Path, parliament: Parliament, number: int
) -> tuple[list[Contest], list[Candidacy]]:
    path = folder / "candidacies.csv"
    if number < _HEADERLESS_BEFORE:
        latest = folder.parent.parent / str(_HEADERLESS_BEFORE) / "general-election"
        rows = _rows(path, header=_header(latest / "candidacies.csv")[:-1])
    else:
        rows = _rows(path)
    return _contests(rows, lambda _: parliament.polling_day)


def _by_elections(folder: Path) -> tuple[list[Contest], list[Candidacy]]:
    path = folder / "candidacies.csv"
    if not path.is_file():
        return [], []
    return _contests(_rows(path), lambda row: _day(row["Election date"]))


def _contests(
    rows: list[dict[str, str]], day_of: Callable[[Mapping[str, str]], dt.date]
) -> tuple[list[Contest], list[Candidacy]]:
    """The winner of each contest (most votes), and every candidacy of a member."""
    contests: dict[tuple[str, dt.date], list[dict[str, str]]] = defaultdict(list)
    candidacies = []
    for row in rows:
        day = day_of(row)
        contests[(_ons(row), day)].append(row)
        if row.get("Member MNIS ID"):
            name = " ".join(f"{row['Candidate first name']} {row['Candidate surname']}".split())
            candidacies.append(Candidacy(int(row["Member MNIS ID"]), name, day))
    wins = []
    for (ons, day), entries in sorted(contests.items()):
        winner = max(entries, key=lambda row: int(row["Votes"] or 0))
        if not winner.get("Member MNIS ID"):
            raise PsephologyError(f"the winner in {ons} on {day} has no member id")
        party = PARTY_SPELLINGS.get(winner["Party name"], winner["Party name"])
        wins.append((ons, day, int(winner["Member MNIS ID"]), party))
    return wins, candidacies


def _ons(row: Mapping[str, str]) -> str:
    # One of the by-election files calls the column "ONS ID2".
    return row.get("ONS ID") or row.get("ONS ID2") or ""


# ---------------------------------------------------------------------------
# The registers


def members(results: Results, corrections: Corrections | None = None) -> list[MemberRecord]:
    """Every member elected since 2010, with their terms, by member id."""
    corrections = corrections or Corrections()
    terms = _terms(results, corrections)
    names = _names(results.candidacies, corrections)
    records = [
        MemberRecord(member, *names[member], tuple(terms[member])) for member in sorted(terms)
    ]
    return _disambiguated(records)


def parliaments(results: Results, corrections: Corrections | None = None) -> list[Period]:
    """Each Parliament since 2010, from the day after its general election to its
    dissolution (as corrected)."""
    corrections = corrections or Corrections()
    return [
        Period(
            number,
            parliament.polling_day + dt.timedelta(days=1),
            corrections.dissolutions.get(number, parliament.dissolution),
        )
        for number, parliament in sorted(results.parliaments.items())
    ]


def constituencies(results: Results) -> list[Constituency]:
    """Every constituency in force at an election since 2010, oldest boundaries first."""
    return sorted(
        results.constituencies.values(), key=lambda seat: (seat.start, seat.name, seat.id)
    )


def _terms(results: Results, corrections: Corrections) -> dict[int, list[Term]]:
    """Each member's terms: a seat is held from the day after its election to the
    dissolution, or to the day before the by-election that next filled it."""
    by_seat: dict[tuple[int, int], list[Win]] = defaultdict(list)
    for win in results.wins:
        by_seat[(win.parliament, win.seat)].append(win)
    terms: dict[int, list[Term]] = defaultdict(list)
    one_day = dt.timedelta(days=1)
    for (number, seat), wins in by_seat.items():
        dissolution = corrections.dissolutions.get(number, results.parliaments[number].dissolution)
        name = results.constituencies[seat].name
        wins.sort(key=lambda win: win.day)
        for win, following in zip(wins, [*wins[1:], None], strict=True):
            end = following.day - one_day if following else dissolution
            terms[win.member].append(Term(name, win.party, win.day + one_day, end))
    for items in terms.values():
        items.sort(key=lambda term: term.start)
    return terms


def _names(
    candidacies: Iterable[Candidacy], corrections: Corrections
) -> dict[int, tuple[str, tuple[str, ...]]]:
    """Member id → (the archive's name, the other spellings): the name is the one from
    their latest election, unless corrected; case-only variants are not aliases."""
    spellings: dict[int, list[Candidacy]] = defaultdict(list)
    for candidacy in candidacies:
        spellings[candidacy.member].append(candidacy)
    names = {}
    for member, items in spellings.items():
        items.sort(key=lambda item: (item.day, item.name))
        name = corrections.names.get(member, items[-1].name)
        others = [item.name for item in items] + list(corrections.aliases.get(member, ()))
        seen = {name.casefold()}
        aliases = []
        for other in others:
            if other.casefold() not in seen:
                seen.add(other.casefold())
                aliases.append(other)
        names[member] = (name, tuple(sorted(aliases)))
    return names


def _disambiguated(records: list[MemberRecord]) -> list[MemberRecord]:
    """Members who share a name (or its web address) are told apart by their latest
    seat: 'Mike Wood (Batley and Spen)'. The shared name is an alias of neither."""
    by_slug: dict[str, list[MemberRecord]] = defaultdict(list)
    for record in records:
        by_slug[slugify(record.name)].append(record)
    renamed = {}
    for shared in by_slug.values():
        if len(shared) < 2:
            continue
        for record in shared:
            renamed[record.id] = replace(
                record,
                name=f"{record.name} ({record.terms[-1].constituency})",
                aliases=tuple(a for a in record.aliases if slugify(a) != slugify(record.name)),
            )
    return [renamed.get(record.id, record) for record in records]


def check_general_elections(results: Results, records: Sequence[MemberRecord]) -> Iterator[str]:
    """Problems with ``records`` against the results: on the day after each general
    election, its winners, and no one else, hold its seats."""
    for number, parliament in sorted(results.parliaments.items()):
        day = parliament.polling_day + dt.timedelta(days=1)
        winners = {
            (win.member, results.constituencies[win.seat].name)
            for win in results.wins
            if win.parliament == number and win.day == parliament.polling_day
        }
        holding = {
            (record.id, term.constituency)
            for record in records
            for term in record.terms
            if term.start <= day and (term.end is None or day <= term.end)
        }
        if winners != holding:
            yield (
                f"Parliament {number}: {len(holding ^ winners)} seat(s) differ on {day} "
                "between the register and the winners"
            )
