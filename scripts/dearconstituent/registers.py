"""Loading and checking the registers in ``docs/_data/``.

The registers are edited by staff like letters, so they get the same
treatment: every problem is collected and reported with its line, and only
entries that are valid are used to check letters.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .dates import parse_day
from .errors import FieldError, SourceError
from .fields import require_slug, require_text, require_text_list
from .findings import Finding
from .model import AllowedItem, Campaign, Member, Registers, Seat, Topic
from .privacy import find_personal_data
from .safety import find_unsafe
from .slugs import slugify
from .source import read_text
from .suggest import did_you_mean
from .yamlsource import LocatedYaml, load_located

log = logging.getLogger(__name__)

MEMBERS = "members.yml"
TOPICS = "topics.yml"
CAMPAIGNS = "campaigns.yml"
ALLOWLIST = "allowlist.yml"
REGISTER_FILES = (MEMBERS, TOPICS, CAMPAIGNS, ALLOWLIST)
REQUIRED_FILES = (MEMBERS, TOPICS, CAMPAIGNS)

MEMBER_KEYS = {"name": True, "seats": True}
SEAT_KEYS = {"constituency": True, "party": True, "from": True, "to": False}
TOPIC_KEYS = {"title": True, "description": True, "keywords": False}
CAMPAIGN_KEYS = {
    "title": True,
    "description": True,
    "started": False,
    "organisers": False,
    "keywords": False,
}
ALLOWLIST_KEYS = {"text": True, "reason": True}


@dataclass
class RegisterFindings:
    """What was wrong in each register file, keyed by file name."""

    by_file: dict[str, list[Finding]] = field(default_factory=dict)

    def add(self, name: str, findings: Iterable[Finding]) -> None:
        self.by_file.setdefault(name, []).extend(findings)


def load_registers(data_dir: Path) -> tuple[Registers, RegisterFindings]:
    """Read every register; return the valid entries and every problem found."""
    found = RegisterFindings()
    documents: dict[str, LocatedYaml | None] = {}
    for name in REGISTER_FILES:
        documents[name] = _read_register(data_dir / name, name, found)
    allowlist = _parse(documents[ALLOWLIST], ALLOWLIST, found, parse_allowlist, ())
    members = _parse(documents[MEMBERS], MEMBERS, found, parse_members, {})
    topics = _parse(documents[TOPICS], TOPICS, found, parse_topics, {})
    campaigns = _parse(documents[CAMPAIGNS], CAMPAIGNS, found, parse_campaigns, {})
    for name in (MEMBERS, TOPICS, CAMPAIGNS):
        document = documents[name]
        if document is not None:
            found.add(name, register_text_findings(document, allowlist))
    registers = Registers(members=members, topics=topics, campaigns=campaigns, allowlist=allowlist)
    return registers, found


def _read_register(path: Path, name: str, found: RegisterFindings) -> LocatedYaml | None:
    if not path.is_file():
        if name in REQUIRED_FILES:
            found.add(
                name,
                [
                    Finding(
                        1, "file", f"the register {name} is missing", f"create {path.as_posix()}"
                    )
                ],
            )
        return None
    try:
        document = load_located(read_text(path))
    except SourceError as error:
        found.add(name, [Finding(error.line, "file", error.message, error.hint)])
        return None
    found.add(
        name,
        (
            Finding(line, "file", f"'{path_[-1]}' appears twice", "remove or rename one of them")
            for path_, line in document.duplicates
        ),
    )
    return document


def _parse(
    document: LocatedYaml | None,
    name: str,
    found: RegisterFindings,
    parser: Callable[[LocatedYaml], tuple[Any, list[Finding]]],
    empty: Any,
) -> Any:
    if document is None:
        return empty
    value, findings = parser(document)
    found.add(name, findings)
    return value


def parse_members(document: LocatedYaml) -> tuple[dict[str, Member], list[Finding]]:
    """Members: a list of ``name`` + ``seats``; names and their slugs are unique."""
    findings: list[Finding] = []
    members: dict[str, Member] = {}
    positions: dict[str, int] = {}
    slugs: dict[str, str] = {}
    for position, entry in _list_entries(document, "members", "- name: …", findings):
        member = _parse_member(document, position, entry, findings)
        if member is None:
            continue
        line = document.line(position, "name")
        if member.name in members:
            findings.append(
                Finding(
                    line,
                    "name",
                    f"'{member.name}' is listed twice",
                    "give each member one entry, with all their seats",
                )
            )
            continue
        if member.slug in slugs:
            findings.append(
                Finding(
                    line,
                    "name",
                    f"'{member.name}' has the same web address as "
                    f"'{slugs[member.slug]}' ({member.slug})",
                    "names must differ in more than punctuation or case",
                )
            )
            continue
        members[member.name] = member
        positions[member.name] = position
        slugs[member.slug] = member.name
    findings.extend(_shared_seats(document, members, positions))
    return members, findings


def _parse_member(
    document: LocatedYaml, position: int, entry: dict[str, Any], findings: list[Finding]
) -> Member | None:
    findings.extend(_key_findings(document, (position,), entry, MEMBER_KEYS))
    name = _field(document, (position, "name"), entry, require_text, findings)
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
    return Member(name=name, seats=tuple(seats))


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
    findings.extend(_key_findings(document, at, raw, SEAT_KEYS))
    constituency = _field(document, (*at, "constituency"), raw, require_text, findings)
    party = _field(document, (*at, "party"), raw, require_text, findings)
    start = _field(document, (*at, "from"), raw, parse_day, findings)
    end = _field(document, (*at, "to"), raw, parse_day, findings, optional=True)
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


def parse_topics(document: LocatedYaml) -> tuple[dict[str, Topic], list[Finding]]:
    """Topics: ``slug: {title, description, keywords}``."""
    findings: list[Finding] = []
    topics: dict[str, Topic] = {}
    for slug, entry in _mapping_entries(document, "topics", findings):
        findings.extend(_key_findings(document, (slug,), entry, TOPIC_KEYS))
        title = _field(document, (slug, "title"), entry, require_text, findings)
        description = _field(document, (slug, "description"), entry, _paragraph, findings)
        keywords = _field(
            document, (slug, "keywords"), entry, require_text_list, findings, optional=True
        )
        if title is not None and description is not None:
            topics[slug] = Topic(slug, title, description, tuple(keywords or ()))
    findings.extend(_duplicate_titles(document, topics))
    return topics, findings


def parse_campaigns(document: LocatedYaml) -> tuple[dict[str, Campaign], list[Finding]]:
    """Campaigns: ``slug: {title, description, started, organisers, keywords}``."""
    findings: list[Finding] = []
    campaigns: dict[str, Campaign] = {}
    for slug, entry in _mapping_entries(document, "campaigns", findings):
        findings.extend(_key_findings(document, (slug,), entry, CAMPAIGN_KEYS))
        title = _field(document, (slug, "title"), entry, require_text, findings)
        description = _field(document, (slug, "description"), entry, _paragraph, findings)
        started = _field(document, (slug, "started"), entry, parse_day, findings, optional=True)
        organisers = _field(
            document, (slug, "organisers"), entry, require_text_list, findings, optional=True
        )
        keywords = _field(
            document, (slug, "keywords"), entry, require_text_list, findings, optional=True
        )
        if title is not None and description is not None:
            campaigns[slug] = Campaign(
                slug, title, description, started, tuple(organisers or ()), tuple(keywords or ())
            )
    findings.extend(_duplicate_titles(document, campaigns))
    return campaigns, findings


def parse_allowlist(document: LocatedYaml) -> tuple[tuple[AllowedItem, ...], list[Finding]]:
    """Allowlist: a list of ``text`` + ``reason``, one public detail per entry."""
    findings: list[Finding] = []
    items: list[AllowedItem] = []
    for position, entry in _list_entries(document, "allowlist", "- text: …", findings):
        findings.extend(_key_findings(document, (position,), entry, ALLOWLIST_KEYS))
        text = _field(document, (position, "text"), entry, require_text, findings)
        reason = _field(document, (position, "reason"), entry, require_text, findings)
        if text is not None and reason is not None:
            items.append(AllowedItem(text=text, reason=reason))
    findings.extend(
        Finding(line, "text", message, hint) for line, message, hint in _unsafe_strings(document)
    )
    return tuple(items), findings


def register_text_findings(
    document: LocatedYaml, allowlist: Iterable[AllowedItem]
) -> Iterator[Finding]:
    """Register values are plain text and hold no personal data of private people."""
    for line, message, hint in _unsafe_strings(document):
        yield Finding(line, "text", message, hint)
    allowed = tuple(allowlist)
    for path, text in _strings(document.data, ()):
        for found in find_personal_data(text, first_line=document.line(*path), allowlist=allowed):
            yield Finding(
                found.line,
                str(path[-1]) if path else "text",
                f"looks like personal data ({found.kind}: '{found.text}')",
                "registers hold public details only; approve a public one in allowlist.yml",
            )


def _unsafe_strings(document: LocatedYaml) -> Iterator[tuple[int, str, str]]:
    for path, text in _strings(document.data, ()):
        for unsafe in find_unsafe(text, first_line=document.line(*path)):
            yield unsafe.line, unsafe.message, unsafe.hint


def _strings(
    data: object, path: tuple[Hashable, ...]
) -> Iterator[tuple[tuple[Hashable, ...], str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str):
                yield (*path, key), key
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for position, value in enumerate(data):
            yield from _strings(value, (*path, position))


def _list_entries(
    document: LocatedYaml, what: str, example: str, findings: list[Finding]
) -> Iterator[tuple[int, dict[str, Any]]]:
    if document.data is None:
        return
    if not isinstance(document.data, list):
        findings.append(
            Finding(
                document.first_line,
                "file",
                f"the {what} register must be a list of entries",
                f"start each entry with '{example}'",
            )
        )
        return
    for position, entry in enumerate(document.data):
        if isinstance(entry, dict):
            yield position, entry
        else:
            findings.append(
                Finding(
                    document.line(position),
                    "file",
                    f"entry {position + 1} must be a set of fields",
                    f"start it with '{example}'",
                )
            )


def _mapping_entries(
    document: LocatedYaml, what: str, findings: list[Finding]
) -> Iterator[tuple[str, dict[str, Any]]]:
    if document.data is None:
        return
    if not isinstance(document.data, dict):
        findings.append(
            Finding(
                document.first_line,
                "file",
                f"the {what} register must map slugs to entries",
                "write 'my-slug:' then the entry's fields, indented",
            )
        )
        return
    for key, entry in document.data.items():
        line = document.line(key)
        try:
            slug = require_slug(key if isinstance(key, str) else str(key))
        except FieldError as error:
            findings.append(Finding(line, "slug", error.message, error.hint))
            continue
        if isinstance(entry, dict):
            yield slug, entry
        else:
            findings.append(
                Finding(
                    line,
                    slug,
                    "must be a set of fields",
                    "indent 'title:' and 'description:' under the slug",
                )
            )


def _key_findings(
    document: LocatedYaml, at: tuple[Hashable, ...], entry: dict[str, Any], keys: dict[str, bool]
) -> Iterator[Finding]:
    for key in entry:
        if key not in keys:
            hint = did_you_mean(str(key), keys) or f"the fields are: {', '.join(keys)}"
            yield Finding(document.line(*at, key), str(key), "unknown field", hint)
    for key, required in keys.items():
        if required and key not in entry:
            yield Finding(document.line(*at), key, "is required", f"add '{key}: …'")


def _field(
    document: LocatedYaml,
    at: tuple[Hashable, ...],
    entry: dict[str, Any],
    parser: Callable[[Any], Any],
    findings: list[Finding],
    *,
    optional: bool = False,
) -> Any:
    key = at[-1]
    if key not in entry:
        return None
    value = entry[key]
    if optional and value is None:
        return None
    try:
        return parser(value)
    except FieldError as error:
        findings.append(Finding(document.line(*at), str(key), error.message, error.hint))
        return None


def _paragraph(value: object) -> str:
    return require_text(value, multiline=True, limit=600)


def _duplicate_titles(
    document: LocatedYaml, entries: dict[str, Topic] | dict[str, Campaign]
) -> Iterator[Finding]:
    seen: dict[str, str] = {}
    for slug, entry in entries.items():
        key = slugify(entry.title)
        if key in seen:
            yield Finding(
                document.line(slug, "title"),
                "title",
                f"'{entry.title}' is also the title of '{seen[key]}'",
                "titles must tell entries apart",
            )
        else:
            seen[key] = slug


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
