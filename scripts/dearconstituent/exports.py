"""The archive as data: JSON (the letters' gzipped) and CSV, for everyone who analyses it.

Everything here is deterministic: records in a fixed order, keys in a fixed
order, no build times. The same commit gives the same bytes.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from . import urls
from .coverage import MIN_LETTERS
from .frontmatter import DATE_PATTERN, LETTER_FIELDS
from .layout import SOURCE_PATH_PATTERN, source_path
from .model import Registers, Seat
from .privacy import detector_data
from .sharedsite import group_url
from .sharedtext import Settings, TemplateGroup
from .site import Site
from .urls import absolute
from .views import CampaignPage, CoverageFigures, LetterView, PartyPage, TopicPage
from .withdrawals import REASONS

LICENCE = {
    "name": "CC BY 4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/",
    "attribution": "Dear Constituent (https://github.com/dear-constituent/dear-constituent)",
    "scope": "The transcriptions, the letters' metadata and the topics and campaigns "
    "registers. Facts about MPs and constituencies come from Parliament's data under the Open "
    "Parliament Licence v3.0 (see members.json). Each letter's words remain its writer's; "
    "they are published and reproduced here as public statements by Members of Parliament.",
}

_LEADING = ("url", "path")
_AFTER_FIELD = {
    "date": ("date_precision",),
    "signatory": ("member_id", "party"),
    "summary": ("text", "words"),
}
_TRAILING = (
    "last_updated",
    "template_group",
    "template_size",
    "template_overlap",
    "template_uses",
    "template_same_text",
)
FIELDS = (
    *_LEADING,
    *(name for field in LETTER_FIELDS for name in (field.name, *_AFTER_FIELD.get(field.name, ()))),
    *_TRAILING,
)
"""A record's keys in order: the letter's fields (from the field table), each followed by
what the archive works out from it, between the record's addresses and its history."""
CSV_FIELDS = tuple(name for name in FIELDS if name != "text")
"""letters.csv's columns: every field but the letter's text, which is in letters.json.gz.
A spreadsheet of 10,000 letters' metadata opens in a moment; with their words it
was 30 MB, and the text cells broke some spreadsheets' limits."""
LIST_SEPARATOR = "; "
PARLIAMENT_SOURCE = {
    "name": "House of Commons election results since 2010",
    "url": "https://github.com/ukparliament/psephology",
    "licence": "Open Parliament Licence v3.0",
    "licence_url": "https://www.parliament.uk/site-information/copyright-parliament/"
    "open-parliament-licence/",
    "attribution": "Contains Parliamentary information licensed under the Open Parliament "
    "Licence v3.0.",
    "scope": "Members' ids, names, seats, parties and term dates, and constituencies. Changes "
    "of party within a term are the archive's, each with its source.",
}


def letter_records(
    site: Site, *, texts: Mapping[str, str], site_url: str | None
) -> list[dict[str, Any]]:
    """One record per letter, oldest first; ``texts`` maps source path → plain text."""
    views = sorted(site.letters.values(), key=lambda view: view.letter.sort_key())
    return [
        letter_record(
            view,
            texts[view.letter.path.as_posix()],
            site_url,
            group=site.shared.templates.group_of(view.letter.path.as_posix()),
        )
        for view in views
    ]


def letter_record(
    view: LetterView, text: str, site_url: str | None, *, group: TemplateGroup | None = None
) -> dict[str, Any]:
    letter = view.letter
    member = group.member(letter.path.as_posix()) if group else None
    values = {
        field.name: None if value is None else field.to_json(value)
        for field in LETTER_FIELDS
        for value in [getattr(letter, field.name)]
    }
    derived = {
        "url": absolute(site_url, view.url),
        "path": source_path(letter.path),
        "date_precision": letter.date.precision,
        "member_id": view.member_id,
        "party": view.party,
        "text": text,
        "words": len(text.split()),
        "last_updated": view.last_updated.isoformat() if view.last_updated else None,
        "template_group": group.id if group else None,
        "template_size": group.size if group else None,
        "template_overlap": round(member.overlap * 100) if member else None,
        "template_uses": round(member.uses * 100) if member else None,
        "template_same_text": member.same_text if member else None,
    }
    return {name: values[name] if name in values else derived[name] for name in FIELDS}


def letters_json(
    records: Sequence[Mapping[str, Any]], withdrawn: Sequence[Mapping[str, Any]] = ()
) -> str:
    """The letters, and the letters withdrawn from the archive (:func:`withdrawn_records`)."""
    document = {
        "count": len(records),
        "licence": LICENCE,
        "letters": list(records),
        "withdrawn": list(withdrawn),
    }
    return _json(document)


def withdrawn_records(registers: Registers, *, site_url: str | None) -> list[dict[str, Any]]:
    """Each withdrawn letter, oldest withdrawal first: where it was, when and why, so
    that anyone holding an old copy of the data can remove it."""
    return [
        {
            "url": absolute(site_url, urls.letter(item.path)),
            "path": source_path(item.path),
            "withdrawn": item.withdrawn.isoformat(),
            "reason": item.reason,
            "note": item.note,
        }
        for item in registers.withdrawals
    ]


def compressed(content: bytes) -> bytes:
    """``content`` gzipped, with no file name and no time in its header, so that the
    same content always gives the same bytes."""
    return gzip.compress(content, compresslevel=9, mtime=0)


def letters_csv(records: Sequence[Mapping[str, Any]]) -> bytes:
    """RFC 4180 CSV (CRLF line ends, quotes where needed), UTF-8 with a BOM for Excel:
    every record's CSV_FIELDS."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CSV_FIELDS)
    for record in records:
        writer.writerow([_cell(record[name]) for name in CSV_FIELDS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(item) for item in value)
    return str(value)


def members_json(registers: Registers, site: Site, *, site_url: str | None) -> str:
    """Every member of the register: their id, names, seats (with the constituency's
    id) and changes of party. A page's address is null where the site has no page."""
    counts = _count_by(site, lambda view: [view.letter.signatory])
    members = [
        {
            "id": member.id,
            "name": member.name,
            "aliases": list(member.aliases),
            "slug": member.slug,
            "url": _page(site, site_url, urls.member(member.name)),
            "parliament_url": urls.parliament_member(member.id) if member.id else None,
            "letters": counts.get(member.name, 0),
            "seats": [_seat_record(registers, site, site_url, seat) for seat in member.seats],
            "party_changes": [
                {"date": change.date.isoformat(), "party": change.party, "source": change.source}
                for change in member.party_changes
            ],
        }
        for member in sorted(registers.members.values(), key=lambda member: member.slug)
    ]
    document = {
        "count": len(members),
        "licence": LICENCE,
        "source": PARLIAMENT_SOURCE,
        "members": members,
    }
    return _json(document)


def _seat_record(
    registers: Registers, site: Site, site_url: str | None, seat: Seat
) -> dict[str, Any]:
    constituency = registers.constituency(seat.constituency, seat.start)
    return {
        "constituency": seat.constituency,
        "constituency_id": constituency.id if constituency else None,
        "constituency_url": _page(site, site_url, urls.constituency(constituency.slug))
        if constituency
        else None,
        "party": seat.party,
        "from": seat.start.isoformat(),
        "to": seat.end.isoformat() if seat.end else None,
    }


def _page(site: Site, site_url: str | None, url: str) -> str | None:
    """``url`` made absolute when the site has a page there, else None."""
    return absolute(site_url, url) if urls.source(url) in site.pages else None


def topics_json(registers: Registers, site: Site, *, site_url: str | None) -> str:
    counts = _count_by(site, lambda view: list(view.letter.topics))
    topics = [
        {
            "slug": topic.slug,
            "title": topic.title,
            "description": topic.description,
            "keywords": list(topic.keywords),
            "letters": counts.get(topic.slug, 0),
            "url": absolute(site_url, urls.topic(topic.slug)),
            "feed": absolute(site_url, urls.feed(urls.topic(topic.slug))),
        }
        for topic in sorted(registers.topics.values(), key=lambda topic: topic.slug)
    ]
    return _json({"count": len(topics), "licence": LICENCE, "topics": topics})


def campaigns_json(registers: Registers, site: Site, *, site_url: str | None) -> str:
    counts = _count_by(site, lambda view: [view.letter.campaign] if view.letter.campaign else [])
    campaigns = [
        {
            "slug": campaign.slug,
            "title": campaign.title,
            "description": campaign.description,
            "started": campaign.started.isoformat() if campaign.started else None,
            "organisers": list(campaign.organisers),
            "keywords": list(campaign.keywords),
            "letters": counts.get(campaign.slug, 0),
            "url": absolute(site_url, urls.campaign(campaign.slug)),
            "feed": absolute(site_url, urls.feed(urls.campaign(campaign.slug))),
        }
        for campaign in sorted(registers.campaigns.values(), key=lambda campaign: campaign.slug)
    ]
    return _json({"count": len(campaigns), "licence": LICENCE, "campaigns": campaigns})


def coverage_json(registers: Registers, site: Site, *, site_url: str | None) -> str:
    """The coverage figures the pages show, for the newest Parliament and for each
    topic, campaign and party, with the Parliaments they count in. Figures built on
    fewer than ``minimum_letters`` letters are held back (null), as on the pages."""
    document = {
        "as_of": site.as_of.isoformat() if site.as_of else None,
        "minimum_letters": MIN_LETTERS,
        "licence": LICENCE,
        "source": PARLIAMENT_SOURCE,
        "parliaments": [
            {
                "number": parliament.number,
                "name": parliament.label,
                "from": parliament.start.isoformat(),
                "to": parliament.end.isoformat() if parliament.end else None,
            }
            for parliament in registers.parliaments
        ],
        "newest_parliament": _figures(site.home.coverage) if site.home.coverage else None,
        "topics": [
            {"slug": page.topic.slug, "title": page.topic.title, "url": absolute(site_url, url)}
            | _figures(page.coverage)
            for url, page in _first_pages(site, TopicPage)
            if page.coverage
        ],
        "campaigns": [
            {
                "slug": page.campaign.slug,
                "title": page.campaign.title,
                "url": absolute(site_url, url),
            }
            | _figures(page.coverage)
            for url, page in _first_pages(site, CampaignPage)
            if page.coverage
        ],
        "parties": [
            {"party": page.party, "url": absolute(site_url, url)} | _figures(page.coverage)
            for url, page in _first_pages(site, PartyPage)
        ],
    }
    return _json(document)


P = TypeVar("P", TopicPage, CampaignPage, PartyPage)


def _first_pages(site: Site, kind: type[P]) -> list[tuple[str, P]]:
    """The first page of each listing of a kind, by address."""
    found = [
        (page.url, page.data)
        for page in site.pages.values()
        if isinstance(page.data, kind) and page.data.pagination.number == 1
    ]
    return sorted(found, key=lambda item: item[0])


def _figures(figures: CoverageFigures) -> dict[str, Any]:
    found = figures.coverage
    shown = found.shown
    by_party = [figures.party] if figures.party else list(found.parties)
    subject = figures.party or found
    return {
        "letters": found.letters,
        "parliaments": [parliament.number for parliament in found.parliaments],
        "shown": shown,
        "mps_with_letters": subject.replied if shown else None,
        "mps_sitting": subject.sitting if shown else None,
        "by_party": [
            {"party": row.party, "mps_with_letters": row.replied, "mps_sitting": row.sitting}
            for row in by_party
        ]
        if shown
        else [],
    }


def prepare_json(registers: Registers) -> str:
    """What the "Prepare your letter" page checks a letter with, in the reader's
    browser: the personal-data rules (with the allowlist), every member's names and
    seats (for the MP's name, and the constituency on the letter's date), and the
    campaigns' titles."""
    members = [
        [
            member.name,
            list(member.aliases),
            [_seat_row(seat) for seat in member.seats],
        ]
        for member in sorted(registers.members.values(), key=lambda member: member.slug)
    ]
    document = {
        "rules": detector_data(registers.allowlist),
        "members": members,
        "campaigns": sorted(campaign.title for campaign in registers.campaigns.values()),
    }
    return _json(document, compact=True)


def _seat_row(seat: Seat) -> list[str]:
    return [seat.constituency, seat.start.isoformat(), seat.end.isoformat() if seat.end else ""]


def templates_json(site: Site, *, site_url: str | None) -> str:
    """Every template group: its letters (earliest first), MPs, parties and earliest date."""
    templates = []
    for group in site.shared.templates.groups:
        views = [site.letters[path] for path in group.paths]
        earliest = views[0]
        templates.append(
            {
                "id": group.id,
                "url": absolute(site_url, group_url(group)),
                "size": group.size,
                "mps": len({view.letter.signatory for view in views}),
                "parties": sorted({view.party for view in views}),
                "earliest_date": earliest.letter.date.iso(),
                "representative": {
                    "path": source_path(earliest.letter.path),
                    "url": absolute(site_url, earliest.url),
                    "title": earliest.title,
                    "signatory": earliest.letter.signatory,
                },
                "members": [
                    {
                        "path": source_path(view.letter.path),
                        "url": absolute(site_url, view.url),
                        "date": view.letter.date.iso(),
                        "signatory": view.letter.signatory,
                        "party": view.party,
                        "constituency": view.letter.constituency,
                        "campaign": view.letter.campaign,
                        "overlap": round(member.overlap * 100),
                        "uses": round(member.uses * 100),
                        "same_text": member.same_text,
                    }
                    for view, member in zip(views, group.members, strict=True)
                ],
            }
        )
    return _json({"count": len(templates), "licence": LICENCE, "templates": templates})


def browse_json(site: Site) -> str:
    """For the search page: each facet value and the page listing everything with it."""
    return _json(site.browse)


def _count_by(site: Site, keys: Any) -> dict[str, int]:
    counts: dict[str, int] = {}
    for view in site.letters.values():
        for key in keys(view):
            counts[key] = counts.get(key, 0) + 1
    return counts


def _json(document: object, *, compact: bool = False) -> str:
    # <, > and & as \u escapes: the same data, but inert even if a page ever
    # embeds the JSON in a script element (defence in depth).
    if compact:
        text = json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"
    else:
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


_DERIVED_SCHEMA: dict[str, dict[str, Any]] = {
    "url": {"type": "string", "minLength": 1, "description": "The letter's page on the site."},
    "path": {
        "type": "string",
        "minLength": 1,
        "pattern": SOURCE_PATH_PATTERN,
        "description": "The letter's source file in the repository.",
    },
    "date_precision": {"enum": ["day", "month"]},
    "member_id": {
        "type": ["integer", "null"],
        "description": "The MP's Parliament member id (MNIS id), as in members.json; null "
        "for a member the archive knows only by name.",
    },
    "party": {"type": "string", "description": "The MP's party on the letter's date."},
    "text": {
        "type": "string",
        "description": "The letter's words as plain text, without markup or transcriber's notes.",
    },
    "words": {"type": "integer", "minimum": 0},
    "last_updated": {
        "type": ["string", "null"],
        "format": "date",
        "description": "When the letter's file last changed (git).",
    },
    "template_group": {
        "type": ["string", "null"],
        "pattern": "^[0-9a-f]{12}$",
        "description": "The shared text this letter was sent from, as in "
        "templates.json; null when no other letter shares its text.",
    },
    "template_size": {
        "type": ["integer", "null"],
        "minimum": 2,
        "description": "How many letters share that text, this one included.",
    },
    "template_overlap": {
        "type": ["integer", "null"],
        "minimum": 0,
        "maximum": 100,
        "description": "Per cent of this letter's own text that another letter "
        "of its group also has.",
    },
    "template_uses": {
        "type": ["integer", "null"],
        "minimum": 0,
        "maximum": 100,
        "description": "Per cent of the shared text's sentences (those that at least "
        f"{round(Settings().texts.core * 100)}% of its letters, and two or more, have) "
        "that this letter has.",
    },
    "template_same_text": {
        "type": ["boolean", "null"],
        "description": "True when the letter was sent from the same text (most of it "
        "is the text, and it has most of the text's sentences); false when it uses "
        "part of the text; null when no other letter shares its text.",
    },
}


def letters_schema(*, site_url: str | None) -> str:
    """A JSON Schema (draft 2020-12) that letters.json.gz, decompressed, validates against."""
    table = {field.name: dict(field.schema) for field in LETTER_FIELDS}
    record = {
        "type": "object",
        "additionalProperties": False,
        "required": list(FIELDS),
        "properties": {name: table.get(name) or _DERIVED_SCHEMA[name] for name in FIELDS},
    }
    withdrawn = {
        "type": "object",
        "additionalProperties": False,
        "required": ["url", "path", "withdrawn", "reason", "note"],
        "properties": {
            "url": {"type": "string", "format": "uri"},
            "path": {"type": "string", "pattern": SOURCE_PATH_PATTERN},
            "withdrawn": {"type": "string", "format": "date"},
            "reason": {"enum": list(REASONS)},
            "note": {"type": ["string", "null"]},
        },
    }
    return _collection_schema(
        site_url=site_url,
        schema=urls.LETTERS_SCHEMA,
        name="letters",
        title="Dear Constituent: letters",
        items={"$ref": "#/$defs/letter"},
        definitions={"letter": record, "withdrawn": withdrawn},
        extra={"withdrawn": {"type": "array", "items": {"$ref": "#/$defs/withdrawn"}}},
    )


def templates_schema(*, site_url: str | None) -> str:
    """A JSON Schema (draft 2020-12) that templates.json validates against."""
    text = {"type": "string", "minLength": 1}
    date = {"type": "string", "pattern": DATE_PATTERN}
    letter_path = {"type": "string", "pattern": SOURCE_PATH_PATTERN}
    member = {
        "type": "object",
        "additionalProperties": False,
        "required": [
            "path",
            "url",
            "date",
            "signatory",
            "party",
            "constituency",
            "campaign",
            "overlap",
            "uses",
            "same_text",
        ],
        "properties": {
            "path": letter_path,
            "url": text,
            "date": {**date, "description": "The letter's date, as in letters.json.gz."},
            "signatory": text,
            "party": {"type": "string"},
            "constituency": text,
            "campaign": {"type": ["string", "null"]},
            "overlap": {
                "type": "integer",
                "minimum": 0,
                "maximum": 100,
                "description": "Per cent of the letter's own text that another member has.",
            },
            "uses": {
                "type": "integer",
                "minimum": 0,
                "maximum": 100,
                "description": "Per cent of the text's sentences that the letter has.",
            },
            "same_text": {
                "type": "boolean",
                "description": "Sent from the same text (true) or using part of it (false).",
            },
        },
    }
    template = {
        "type": "object",
        "additionalProperties": False,
        "required": [
            "id",
            "url",
            "size",
            "mps",
            "parties",
            "earliest_date",
            "representative",
            "members",
        ],
        "properties": {
            "id": {"type": "string", "pattern": "^[0-9a-f]{12}$"},
            "url": {
                **text,
                "description": "Where the text is shown in full: its earliest letter's "
                "page, at #shared-text.",
            },
            "size": {"type": "integer", "minimum": 2, "description": "Letters in the group."},
            "mps": {"type": "integer", "minimum": 1, "description": "MPs who sent them."},
            "parties": {"type": "array", "items": {"type": "string"}},
            "earliest_date": {**date, "description": "The earliest known copy's date."},
            "representative": {
                "type": "object",
                "additionalProperties": False,
                "required": ["path", "url", "title", "signatory"],
                "properties": {
                    "path": letter_path,
                    "url": text,
                    "title": text,
                    "signatory": text,
                },
                "description": "The earliest known copy (by date, then path).",
            },
            "members": {
                "type": "array",
                "minItems": 2,
                "items": {"$ref": "#/$defs/member"},
                "description": "Every letter of the group, earliest first.",
            },
        },
    }
    return _collection_schema(
        site_url=site_url,
        schema=urls.TEMPLATES_SCHEMA,
        name="templates",
        title="Dear Constituent: shared texts (template groups)",
        items={"$ref": "#/$defs/template"},
        definitions={"template": template, "member": member},
    )


def coverage_schema(*, site_url: str | None) -> str:
    """A JSON Schema (draft 2020-12) that coverage.json validates against."""
    count = {"type": "integer", "minimum": 0}
    held_back = {"type": ["integer", "null"], "minimum": 0}
    party = {
        "type": "object",
        "additionalProperties": False,
        "required": ["party", "mps_with_letters", "mps_sitting"],
        "properties": {
            "party": {"type": "string"},
            "mps_with_letters": count,
            "mps_sitting": count,
        },
    }
    figures = {
        "letters": {**count, "description": "The letters counted."},
        "parliaments": {
            "type": "array",
            "items": {"type": "integer"},
            "description": "The Parliaments the letters are dated in, by number: the "
            "figures count the MPs who sat in them.",
        },
        "shown": {
            "type": "boolean",
            "description": "False when there are fewer than minimum_letters letters: the "
            "figures are then held back (null), as on the site.",
        },
        "mps_with_letters": {
            **held_back,
            "description": "MPs who sat then and signed one of the letters.",
        },
        "mps_sitting": {**held_back, "description": "MPs who sat in those Parliaments."},
        "by_party": {
            "type": "array",
            "items": {"$ref": "#/$defs/party"},
            "description": "The same by party: the party each MP was last elected for in "
            "those Parliaments (for a party, that party's row alone).",
        },
    }
    required = list(figures)
    text = {"type": "string", "minLength": 1}

    def entry(*names: str) -> dict[str, Any]:
        return {
            "type": "object",
            "additionalProperties": False,
            "required": [*names, "url", *required],
            "properties": {**dict.fromkeys(names, text), "url": text, **figures},
        }

    coverage = {
        "type": "object",
        "additionalProperties": False,
        "required": required,
        "properties": figures,
    }
    parliament = {
        "type": "object",
        "additionalProperties": False,
        "required": ["number", "name", "from", "to"],
        "properties": {
            "number": {"type": "integer"},
            "name": text,
            "from": {"type": "string", "format": "date"},
            "to": {"type": ["string", "null"], "format": "date"},
        },
    }
    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": absolute(site_url, urls.COVERAGE_SCHEMA),
        "title": "Dear Constituent: coverage (MPs with a published letter, of those sitting)",
        "type": "object",
        "additionalProperties": False,
        "required": [
            "as_of",
            "minimum_letters",
            "licence",
            "source",
            "parliaments",
            "newest_parliament",
            "topics",
            "campaigns",
            "parties",
        ],
        "properties": {
            "as_of": {
                "type": ["string", "null"],
                "format": "date",
                "description": "The newest letter's date or change (git): the figures' cut-off.",
            },
            "minimum_letters": count,
            "licence": {"type": "object"},
            "source": {"type": "object"},
            "parliaments": {"type": "array", "items": parliament},
            "newest_parliament": {"oneOf": [coverage, {"type": "null"}]},
            "topics": {"type": "array", "items": entry("slug", "title")},
            "campaigns": {"type": "array", "items": entry("slug", "title")},
            "parties": {"type": "array", "items": entry("party")},
        },
        "$defs": {"party": party},
    }
    return _json(document)


def _collection_schema(
    *,
    site_url: str | None,
    schema: str,
    name: str,
    title: str,
    items: Mapping[str, Any],
    definitions: Mapping[str, Any],
    extra: Mapping[str, Any] | None = None,
) -> str:
    """The schema of an export: ``count``, ``licence``, a list called ``name``, and the
    ``extra`` properties (all required)."""
    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": absolute(site_url, schema),
        "title": title,
        "type": "object",
        "additionalProperties": False,
        "required": ["count", "licence", name, *(extra or {})],
        "properties": {
            "count": {"type": "integer", "minimum": 0},
            "licence": {
                "type": "object",
                "required": ["name", "url", "attribution", "scope"],
                "properties": {key: {"type": "string"} for key in LICENCE},
            },
            name: {"type": "array", "items": dict(items)},
            **(extra or {}),
        },
        "$defs": dict(definitions),
    }
    return _json(document)
