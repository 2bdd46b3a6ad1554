"""The registers of Parliament: members, constituencies and party changes, read and checked.

``members.yml`` and ``constituencies.yml`` are derived from Parliament's
election results by ``scripts/update_members.py`` (see :mod:`.psephology`);
``party-changes.yml`` and ``register-corrections.yml`` are kept by hand.
A small archive (the tests', the demo's) may have a members register alone:
its constituencies are then the names its seats give, without boundaries.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Hashable, Iterator, Mapping
from dataclasses import replace
from typing import Any

from .dates import parse_day
from .errors import FieldError
from .fields import require_text, require_text_list
from .findings import Finding
from .model import (
    Constituency,
    Member,
    Parliament,
    PartyChange,
    Predecessor,
    Seat,
    with_slugs,
)
from .psephology import Corrections
from .registerfields import field_value, key_findings, list_entries
from .yamlsource import LocatedYaml

MEMBER_KEYS = {"id": False, "name": True, "aliases": False, "seats": True}
SEAT_KEYS = {"constituency": True, "party": True, "from": True, "to": False}
CONSTITUENCY_KEYS = {
    "id": True,
    "name": True,
    "ons": False,
    "from": True,
    "to": False,
    "formed_from": False,
}
PREDECESSOR_KEYS = {"id": True, "name": True, "area": True}
PARLIAMENT_KEYS = {"number": True, "from": True, "to": False}
PARTY_CHANGE_KEYS = {"member": True, "name": True, "date": True, "party": True, "source": True}
CORRECTION_SECTIONS = {"dissolutions": False, "names": False, "aliases": False}
CORRECTION_KEYS = {
    "dissolutions": {"parliament": True, "date": True, "source": True, "note": False},
    "names": {"id": True, "name": True, "source": True},
    "aliases": {"id": True, "aliases": True, "source": True},
}


def parse_members(
    document: LocatedYaml, constituencies: tuple[Constituency, ...] | None = None
) -> tuple[dict[str, Member], list[Finding]]:
    """Members: a list of ``id``, ``name``, ``aliases`` and ``seats``. Names, ids and
    aliases are unique; with ``constituencies``, every seat is one of them."""
    findings: list[Finding] = []
    members: dict[str, Member] = {}
    positions: dict[str, int] = {}
    slugs: dict[str, str] = {}
    ids: dict[int, str] = {}
    for position, entry in list_entries(document, "members", "- name: …", findings):
        member = _parse_member(document, position, entry, findings)
        if member is None:
            continue
        problem = _clash(member, members, slugs, ids)
        if problem is not None:
            findings.append(Finding(document.line(position, "name"), "name", *problem))
            continue
        members[member.name] = member
        positions[member.name] = position
        slugs[member.slug] = member.name
        if member.id is not None:
            ids[member.id] = member.name
    findings.extend(_alias_clashes(document, members, positions))
    findings.extend(_shared_seats(document, members, positions))
    if constituencies is not None:
        findings.extend(_unknown_seats(document, members, positions, constituencies))
    return members, findings


def _clash(
    member: Member, members: Mapping[str, Member], slugs: Mapping[str, str], ids: Mapping[int, str]
) -> tuple[str, str] | None:
    if member.name in members:
        return (
            f"'{member.name}' is listed twice",
            "give each member one entry, with all their seats",
        )
    if member.slug in slugs:
        return (
            f"'{member.name}' has the same web address as '{slugs[member.slug]}' ({member.slug})",
            "names must differ in more than punctuation or case: add the seat in brackets",
        )
    if member.id is not None and member.id in ids:
        return (f"the id {member.id} is also {ids[member.id]}'s", "each member has their own id")
    return None


def _parse_member(
    document: LocatedYaml, position: int, entry: dict[str, Any], findings: list[Finding]
) -> Member | None:
    findings.extend(key_findings(document, (position,), entry, MEMBER_KEYS))
    name = field_value(document, (position, "name"), entry, require_text, findings)
    member_id = field_value(document, (position, "id"), entry, _member_id, findings, optional=True)
    aliases = field_value(
        document, (position, "aliases"), entry, require_text_list, findings, optional=True
    )
    raw_seats = entry.get("seats")
    if "seats" in entry and (not isinstance(raw_seats, list) or not raw_seats):
        findings.append(
            Finding(
                document.line(position, "seats"),
                "seats",
                "must be a list of one or more seats",
                "one '- constituency: …' entry per continuous term",
            )
        )
        return None
    seats: list[Seat] = []
    for index, raw in enumerate(raw_seats or []):
        seat = _parse_seat(document, (position, "seats", index), raw, findings)
        if seat is not None:
            seats.append(seat)
    if name is None or not seats or len(seats) != len(raw_seats or []):
        return None
    seats.sort(key=lambda seat: seat.start)
    findings.extend(_overlapping_terms(document, position, name, seats))
    return Member(
        name=name,
        seats=tuple(seats),
        id=member_id,
        aliases=tuple(alias for alias in aliases or () if alias != name),
    )


def _member_id(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise FieldError(
            "must be a whole number: Parliament's member id", hint="for example 'id: 4619'"
        )
    return value


def _parse_seat(
    document: LocatedYaml, at: tuple[Hashable, ...], raw: object, findings: list[Finding]
) -> Seat | None:
    if not isinstance(raw, dict):
        findings.append(
            Finding(
                document.line(*at),
                "seats",
                "each seat must be a set of fields",
                "constituency, party, from and (when it ended) to",
            )
        )
        return None
    findings.extend(key_findings(document, at, raw, SEAT_KEYS))
    constituency = field_value(document, (*at, "constituency"), raw, require_text, findings)
    party = field_value(document, (*at, "party"), raw, require_text, findings)
    start = field_value(document, (*at, "from"), raw, parse_day, findings)
    end = field_value(document, (*at, "to"), raw, parse_day, findings, optional=True)
    if constituency is None or party is None or start is None:
        return None
    if end is not None and end < start:
        findings.append(
            Finding(
                document.line(*at, "to"),
                "to",
                f"the term ends ({end}) before it starts ({start})",
                "check the dates",
            )
        )
        return None
    return Seat(constituency=constituency, party=party, start=start, end=end)


def _overlapping_terms(
    document: LocatedYaml, position: int, name: str, seats: list[Seat]
) -> Iterator[Finding]:
    for earlier, later in itertools.pairwise(seats):
        if earlier.end is None or later.start <= earlier.end:
            yield Finding(
                document.line(position, "seats"),
                "seats",
                f"{name}'s terms overlap (from {earlier.start} and from {later.start})",
                "every term but the last needs a 'to' date before the next 'from'",
            )


def _alias_clashes(
    document: LocatedYaml, members: Mapping[str, Member], positions: Mapping[str, int]
) -> Iterator[Finding]:
    """An alias names one member: not another member, nor another member's alias."""
    owners: dict[str, str] = {}
    for member in members.values():
        for alias in member.aliases:
            other = alias if alias in members else owners.get(alias)
            if other is not None and other != member.name:
                yield Finding(
                    document.line(positions[member.name], "aliases"),
                    "aliases",
                    f"'{alias}' would name both {member.name} and {other}",
                    "an alias must name one member: remove it from one of them",
                )
            owners.setdefault(alias, member.name)


def _shared_seats(
    document: LocatedYaml, members: dict[str, Member], positions: dict[str, int]
) -> Iterator[Finding]:
    """No constituency has two MPs on the same day."""
    by_seat: dict[str, list[tuple[Member, Seat]]] = {}
    for member in members.values():
        for seat in member.seats:
            by_seat.setdefault(seat.constituency, []).append((member, seat))
    for constituency, terms in sorted(by_seat.items()):
        terms.sort(key=lambda pair: pair[1].start)
        for (first, one), (second, other) in itertools.pairwise(terms):
            if first is not second and (one.end is None or other.start <= one.end):
                yield Finding(
                    document.line(positions[second.name], "name"),
                    "seats",
                    f"{second.name} and {first.name} both hold {constituency} on {other.start}",
                    f"give {first.name}'s term a 'to' date before {other.start}",
                )


def _unknown_seats(
    document: LocatedYaml,
    members: Mapping[str, Member],
    positions: Mapping[str, int],
    constituencies: tuple[Constituency, ...],
) -> Iterator[Finding]:
    """Every term is in a constituency of constituencies.yml, in force for all of it."""
    by_name: dict[str, list[Constituency]] = {}
    for constituency in constituencies:
        by_name.setdefault(constituency.name, []).append(constituency)
    for member in members.values():
        for index, term in enumerate(member.seats):
            known = by_name.get(term.constituency, [])
            last = term.end or term.start
            if not any(c.in_force(term.start) and c.in_force(last) for c in known):
                yield Finding(
                    document.line(positions[member.name], "seats", index, "constituency"),
                    "constituency",
                    f"'{term.constituency}' is not a constituency of constituencies.yml in force "
                    f"from {term.start} to {term.end or 'today'}",
                    "use the constituency's name as it was at that election",
                )


# ---------------------------------------------------------------------------
# Constituencies


def parse_constituencies(document: LocatedYaml) -> tuple[tuple[Constituency, ...], list[Finding]]:
    """Constituencies: a list of ``id``, ``name``, ``ons``, ``from``, ``to`` and, for a
    seat made from others, ``formed_from`` (each ``id``, ``name`` and ``area``)."""
    findings: list[Finding] = []
    found: dict[int, Constituency] = {}
    raw_predecessors: dict[int, tuple[int, list[dict[str, Any]]]] = {}
    for position, entry in list_entries(document, "constituencies", "- id: …", findings):
        findings.extend(key_findings(document, (position,), entry, CONSTITUENCY_KEYS))
        seat_id = field_value(document, (position, "id"), entry, _member_id, findings)
        name = field_value(document, (position, "name"), entry, require_text, findings)
        ons = field_value(document, (position, "ons"), entry, require_text, findings, optional=True)
        start = field_value(document, (position, "from"), entry, parse_day, findings)
        end = field_value(document, (position, "to"), entry, parse_day, findings, optional=True)
        if seat_id is None or name is None or start is None:
            continue
        if seat_id in found:
            findings.append(
                Finding(
                    document.line(position, "id"), "id", f"the id {seat_id} is listed twice", ""
                )
            )
            continue
        found[seat_id] = Constituency(name, "", start, end, id=seat_id, ons=ons)
        if isinstance(entry.get("formed_from"), list):
            raw_predecessors[seat_id] = (position, entry["formed_from"])
    for seat_id, (position, entries) in raw_predecessors.items():
        predecessors = tuple(_predecessors(document, position, entries, found, findings))
        found[seat_id] = replace(found[seat_id], formed_from=predecessors)
    ordered = sorted(found.values(), key=lambda seat: (seat.start or dt.date.min, seat.name))
    return with_slugs(ordered), findings


def _predecessors(
    document: LocatedYaml,
    position: int,
    entries: list[Any],
    found: Mapping[int, Constituency],
    findings: list[Finding],
) -> Iterator[Predecessor]:
    for index, entry in enumerate(entries):
        at = (position, "formed_from", index)
        if not isinstance(entry, dict):
            findings.append(Finding(document.line(*at), "formed_from", "must be a set of fields"))
            continue
        findings.extend(key_findings(document, at, entry, PREDECESSOR_KEYS))
        seat_id = field_value(document, (*at, "id"), entry, _member_id, findings)
        name = field_value(document, (*at, "name"), entry, require_text, findings)
        share = field_value(document, (*at, "area"), entry, _share, findings)
        if seat_id is None or name is None or share is None:
            continue
        source = found.get(seat_id)
        if source is None or source.name != name:
            findings.append(
                Finding(
                    document.line(*at, "id"),
                    "formed_from",
                    f"there is no constituency {seat_id} called '{name}'",
                    "name a constituency of this register by its id and name",
                )
            )
            continue
        yield Predecessor(seat_id, name, share)


def _share(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
        raise FieldError("must be a share of the area, above 0 and at most 1", hint="e.g. 0.9280")
    return float(value)


# ---------------------------------------------------------------------------
# Parliaments


def parse_parliaments(document: LocatedYaml) -> tuple[tuple[Parliament, ...], list[Finding]]:
    """Parliaments: a list of ``number``, ``from`` (the day after the general election)
    and ``to`` (the dissolution; none for the sitting Parliament), one after another."""
    findings: list[Finding] = []
    found: list[Parliament] = []
    for position, entry in list_entries(document, "parliaments", "- number: …", findings):
        findings.extend(key_findings(document, (position,), entry, PARLIAMENT_KEYS))
        number = field_value(document, (position, "number"), entry, _member_id, findings)
        start = field_value(document, (position, "from"), entry, parse_day, findings)
        end = field_value(document, (position, "to"), entry, parse_day, findings, optional=True)
        if number is None or start is None:
            continue
        if found and (found[-1].end is None or start <= found[-1].end):
            findings.append(
                Finding(
                    document.line(position, "from"),
                    "from",
                    f"Parliament {number} begins before Parliament {found[-1].number} ends",
                    "list the Parliaments in order, each after the last one's dissolution",
                )
            )
            continue
        found.append(Parliament(number, start, end))
    return tuple(found), findings


# ---------------------------------------------------------------------------
# Party changes


def parse_party_changes(
    document: LocatedYaml, members: Mapping[str, Member]
) -> tuple[dict[str, tuple[PartyChange, ...]], list[Finding]]:
    """Party changes: a list of ``member`` (id), ``name``, ``date``, ``party`` and
    ``source``; each falls within one of the member's terms."""
    findings: list[Finding] = []
    by_id = {member.id: member for member in members.values() if member.id is not None}
    changes: dict[str, list[PartyChange]] = {}
    for position, entry in list_entries(document, "party changes", "- member: …", findings):
        findings.extend(key_findings(document, (position,), entry, PARTY_CHANGE_KEYS))
        values = {
            "member": field_value(document, (position, "member"), entry, _member_id, findings),
            "name": field_value(document, (position, "name"), entry, require_text, findings),
            "date": field_value(document, (position, "date"), entry, parse_day, findings),
            "party": field_value(document, (position, "party"), entry, require_text, findings),
            "source": field_value(document, (position, "source"), entry, _source, findings),
        }
        if any(value is None for value in values.values()):
            continue
        problem = _change_problem(values, by_id)
        if problem is not None:
            findings.append(Finding(document.line(position, problem[0]), *problem))
            continue
        member = by_id[values["member"]]
        change = PartyChange(values["date"], values["party"], values["source"])
        if any(other.date == change.date for other in changes.get(member.name, [])):
            findings.append(
                Finding(
                    document.line(position, "date"),
                    "date",
                    f"{member.name} has two changes on {change.date}",
                    "keep one",
                )
            )
            continue
        changes.setdefault(member.name, []).append(change)
    return {
        name: tuple(sorted(items, key=lambda change: change.date))
        for name, items in changes.items()
    }, findings


def _change_problem(
    values: Mapping[str, Any], by_id: Mapping[int, Member]
) -> tuple[str, str, str] | None:
    member = by_id.get(values["member"])
    if member is None:
        return ("member", f"no member has the id {values['member']}", "use the id in members.yml")
    if member.name != values["name"]:
        return ("name", f"member {member.id} is '{member.name}'", "correct the name, or the id")
    if not any(seat.covers(values["date"]) for seat in member.seats):
        return (
            "date",
            f"{member.name} held no seat on {values['date']}",
            "a party change falls within one of the member's terms",
        )
    return None


def _source(value: object) -> str:
    text = require_text(value)
    if not text.startswith("https://") or " " in text:
        raise FieldError(
            "must be the address of a public web page that records it", hint="https://…"
        )
    return text


def with_party_changes(
    members: Mapping[str, Member], changes: Mapping[str, tuple[PartyChange, ...]]
) -> dict[str, Member]:
    return {
        name: replace(member, party_changes=changes[name]) if name in changes else member
        for name, member in members.items()
    }


# ---------------------------------------------------------------------------
# Corrections to Parliament's data


def parse_corrections(document: LocatedYaml) -> tuple[Corrections, list[Finding]]:
    """Corrections: ``dissolutions``, ``names`` and ``aliases``, each entry with a source."""
    findings: list[Finding] = []
    data = document.data if isinstance(document.data, dict) else {}
    if document.data is not None and not isinstance(document.data, dict):
        findings.append(
            Finding(
                document.first_line, "file", "must have the sections dissolutions, names, aliases"
            )
        )
    findings.extend(key_findings(document, (), data, CORRECTION_SECTIONS))
    sections: dict[str, list[dict[str, Any]]] = {}
    for section, keys in CORRECTION_KEYS.items():
        sections[section] = []
        raw = data.get(section) or []
        if not isinstance(raw, list):
            findings.append(Finding(document.line(section), section, "must be a list of entries"))
            continue
        for position, entry in enumerate(raw):
            at = (section, position)
            if not isinstance(entry, dict):
                findings.append(Finding(document.line(*at), section, "must be a set of fields"))
                continue
            findings.extend(key_findings(document, at, entry, keys))
            parsers = {
                "parliament": _member_id,
                "date": parse_day,
                "source": _source,
                "id": _member_id,
                "name": require_text,
                "aliases": require_text_list,
                "note": require_text,
            }
            values = {
                key: field_value(document, (*at, key), entry, parsers[key], findings, optional=True)
                for key in keys
            }
            if all(values[key] is not None for key, required in keys.items() if required):
                sections[section].append(values)
    corrections = Corrections(
        dissolutions={entry["parliament"]: entry["date"] for entry in sections["dissolutions"]},
        names={entry["id"]: entry["name"] for entry in sections["names"]},
        aliases={entry["id"]: tuple(entry["aliases"]) for entry in sections["aliases"]},
    )
    return corrections, findings


def seat_gap_description(member: Member, day: dt.date) -> str:
    """Why ``member`` held no seat around ``day``: before, between or after their terms."""
    if day < member.seats[0].start:
        return f"they were first elected on {member.seats[0].start}"
    for earlier, later in itertools.pairwise(member.seats):
        if earlier.end is not None and earlier.end < day < later.start:
            return (
                f"they were between terms, one ending on {earlier.end} and the next "
                f"beginning on {later.start}; a dissolution leaves every seat empty"
            )
    return f"they left Parliament on {member.seats[-1].end}"
