"""Loading and checking the registers in ``docs/_data/``.

The registers are edited by staff like letters, so they get the same
treatment: every problem is collected and reported with its line, and only
entries that are valid are used to check letters.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .dates import parse_day
from .errors import SourceError
from .fields import require_text, require_text_list
from .findings import Finding
from .memberregister import (
    parse_constituencies,
    parse_corrections,
    parse_members,
    parse_parliaments,
    parse_party_changes,
    with_party_changes,
)
from .model import AllowedItem, Campaign, Registers, Topic
from .privacy import find_personal_data
from .registerfields import field_value, key_findings, list_entries, mapping_entries
from .safety import find_unsafe, might_be_unsafe
from .slugs import slugify
from .source import read_text
from .withdrawals import parse_withdrawals
from .yamlsource import LocatedYaml, load_located

log = logging.getLogger(__name__)

MEMBERS = "members.yml"
CONSTITUENCIES = "constituencies.yml"
PARLIAMENTS = "parliaments.yml"
PARTY_CHANGES = "party-changes.yml"
CORRECTIONS = "register-corrections.yml"
TOPICS = "topics.yml"
CAMPAIGNS = "campaigns.yml"
ALLOWLIST = "allowlist.yml"
WITHDRAWN = "withdrawn.yml"
REGISTER_FILES = (
    MEMBERS,
    CONSTITUENCIES,
    PARLIAMENTS,
    PARTY_CHANGES,
    CORRECTIONS,
    TOPICS,
    CAMPAIGNS,
    ALLOWLIST,
    WITHDRAWN,
)
REQUIRED_FILES = (MEMBERS, TOPICS, CAMPAIGNS)

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
    given = documents[CONSTITUENCIES]
    constituencies = _parse(given, CONSTITUENCIES, found, parse_constituencies, None)
    members = _parse(
        documents[MEMBERS],
        MEMBERS,
        found,
        lambda document: parse_members(document, constituencies),
        {},
    )
    changes = _parse(
        documents[PARTY_CHANGES],
        PARTY_CHANGES,
        found,
        lambda document: parse_party_changes(document, members),
        {},
    )
    _parse(documents[CORRECTIONS], CORRECTIONS, found, parse_corrections, None)
    parliaments = _parse(documents[PARLIAMENTS], PARLIAMENTS, found, parse_parliaments, ())
    topics = _parse(documents[TOPICS], TOPICS, found, parse_topics, {})
    campaigns = _parse(documents[CAMPAIGNS], CAMPAIGNS, found, parse_campaigns, {})
    withdrawals = _parse(
        documents[WITHDRAWN],
        WITHDRAWN,
        found,
        lambda document: parse_withdrawals(document, data_dir.parent),
        (),
    )
    for name in REGISTER_FILES:
        document = documents[name]
        if document is not None and name != ALLOWLIST:
            found.add(name, register_text_findings(document, allowlist))
    registers = Registers(
        members=with_party_changes(members, changes),
        topics=topics,
        campaigns=campaigns,
        allowlist=allowlist,
        constituencies=constituencies or (),
        parliaments=parliaments,
        withdrawals=withdrawals,
    )
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
        document = load_located(read_text(path), index_lines=True)
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


def parse_topics(document: LocatedYaml) -> tuple[dict[str, Topic], list[Finding]]:
    """Topics: ``slug: {title, description, keywords}``."""
    findings: list[Finding] = []
    topics: dict[str, Topic] = {}
    for slug, entry in mapping_entries(document, "topics", findings):
        findings.extend(key_findings(document, (slug,), entry, TOPIC_KEYS))
        title = field_value(document, (slug, "title"), entry, require_text, findings)
        description = field_value(document, (slug, "description"), entry, _paragraph, findings)
        keywords = field_value(
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
    for slug, entry in mapping_entries(document, "campaigns", findings):
        findings.extend(key_findings(document, (slug,), entry, CAMPAIGN_KEYS))
        title = field_value(document, (slug, "title"), entry, require_text, findings)
        description = field_value(document, (slug, "description"), entry, _paragraph, findings)
        started = field_value(
            document, (slug, "started"), entry, parse_day, findings, optional=True
        )
        organisers = field_value(
            document, (slug, "organisers"), entry, require_text_list, findings, optional=True
        )
        keywords = field_value(
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
    for position, entry in list_entries(document, "allowlist", "- text: …", findings):
        findings.extend(key_findings(document, (position,), entry, ALLOWLIST_KEYS))
        text = field_value(document, (position, "text"), entry, require_text, findings)
        reason = field_value(document, (position, "reason"), entry, require_text, findings)
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
        # Lines are looked up only for what is found: most values are clean.
        for found in find_personal_data(text, allowlist=allowed):
            yield Finding(
                document.line(*path) + found.line - 1,
                str(path[-1]) if path else "text",
                f"looks like personal data ({found.kind}: '{found.text}')",
                "registers hold public details only; approve a public one in allowlist.yml",
            )


def _unsafe_strings(document: LocatedYaml) -> Iterator[tuple[int, str, str]]:
    # The register as written is checked in one pass; only YAML escapes ("\x3c")
    # could hide markup from it, so they force the value-by-value check too.
    if "\\" not in document.text and not might_be_unsafe(document.text):
        return
    for path, text in _strings(document.data, ()):
        for unsafe in find_unsafe(text):
            yield document.line(*path) + unsafe.line - 1, unsafe.message, unsafe.hint


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
