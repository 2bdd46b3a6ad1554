"""Writing the registers derived from Parliament's data, in the house style, always the same way.

Entries in a fixed order (members by id, constituencies by the date their
boundaries came in, then name), keys in a fixed order, values quoted only
where YAML needs it: the same data gives the same bytes, and a newer copy of
the data changes only the lines it changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .letterfile import yaml_scalar
from .model import Parliament
from .psephology import Constituency, MemberRecord

LICENCE_NOTICE = (
    "Contains Parliamentary information licensed under the Open Parliament Licence v3.0."
)
"""The attribution statement the Open Parliament Licence asks for."""
DATA_SOURCE = "https://github.com/ukparliament/psephology"


def _provenance(what: str, commit: str) -> list[str]:
    return [
        f"# {what}",
        "# Derived by scripts/update_members.py from the House of Commons' election results",
        f"# ({DATA_SOURCE}, db/data, commit {commit}).",
        f"# {LICENCE_NOTICE}",
        "#",
        "# Do not edit by hand: run the script again. Corrections to Parliament's data go in",
        "# register-corrections.yml and changes of party in party-changes.yml, which the",
        "# script reads but never writes.",
    ]


def members_yaml(records: Iterable[MemberRecord], *, commit: str) -> str:
    lines = _provenance(
        "Members of Parliament elected since 2010: one per Parliament member id, every term.",
        commit,
    )
    for record in records:
        lines += [f"- id: {record.id}", f"  name: {yaml_scalar(record.name)}"]
        if record.aliases:
            lines.append("  aliases:")
            lines += [f"    - {yaml_scalar(alias)}" for alias in record.aliases]
        lines.append("  seats:")
        for term in record.terms:
            lines += [
                f"    - constituency: {yaml_scalar(term.constituency)}",
                f"      party: {yaml_scalar(term.party)}",
                f"      from: {term.start.isoformat()}",
            ]
            if term.end is not None:
                lines.append(f"      to: {term.end.isoformat()}")
    return "\n".join(lines) + "\n"


def constituencies_yaml(seats: Sequence[Constituency], *, commit: str) -> str:
    names = {seat.id: seat.name for seat in seats}
    lines = _provenance(
        "Constituencies in force at an election since 2010: one per name and set of boundaries.",
        commit,
    )
    for seat in seats:
        lines += [
            f"- id: {seat.id}",
            f"  name: {yaml_scalar(seat.name)}",
            f"  ons: {seat.ons}",
            f"  from: {seat.start.isoformat()}",
        ]
        if seat.end is not None:
            lines.append(f"  to: {seat.end.isoformat()}")
        if seat.formed_from:
            lines.append("  formed_from:")
            for source, share in seat.formed_from:
                lines += [
                    f"    - id: {source}",
                    f"      name: {yaml_scalar(names[source])}",
                    f"      area: {share:.6f}",
                ]
    return "\n".join(lines) + "\n"


def parliaments_yaml(parliaments: Iterable[Parliament], *, commit: str) -> str:
    lines = _provenance(
        "Parliaments since 2010: from the day after the general election to the dissolution.",
        commit,
    )
    for parliament in parliaments:
        lines += [f"- number: {parliament.number}", f"  from: {parliament.start.isoformat()}"]
        if parliament.end is not None:
            lines.append(f"  to: {parliament.end.isoformat()}")
    return "\n".join(lines) + "\n"
