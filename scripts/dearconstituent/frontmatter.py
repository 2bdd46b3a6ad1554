"""A letter's front matter: every field declared once, with the checks its values get.

Each field says whether a letter must have it, how its value is read (a
parser that raises :class:`FieldError` saying what must hold), and what it
is in the data exports (its JSON value and JSON Schema). The table's order
is the order a letter file lists them. The validator's rules, the letter
model, the file writer, ``new_letter.py`` and the exports all derive from
:data:`LETTER_FIELDS`; tests fail when one of them disagrees with it.

Below the table are the checks of a value against the registers and the
calendar, shared by the validator (which adds the line) and ``new_letter.py``
(which asks again): one wording for each problem, wherever it is found.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from .dates import LetterDate, parse_day, parse_letter_date
from .errors import FieldError
from .fields import require_slug, require_text, require_text_list
from .memberregister import seat_gap_description
from .model import Member, Registers
from .suggest import did_you_mean

TITLE_LIMIT = 150
SUMMARY_LIMIT = 400
SOURCE_LIMIT = 200
DATE_PATTERN = r"^\d{4}-\d{2}(-\d{2})?$"

_TEXT: Mapping[str, Any] = {"type": "string", "minLength": 1}
_OPTIONAL_TEXT: Mapping[str, Any] = {"type": ["string", "null"]}


def _same(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class LetterField:
    """One front matter field of a letter."""

    name: str
    required: bool
    parse: Callable[[object], Any]
    """Reads the YAML value into the model's value; raises FieldError saying what must hold."""
    schema: Mapping[str, Any]
    """The JSON Schema of the field's value in letters.json.gz."""
    to_json: Callable[[Any], Any] = field(default=_same)
    """The model's value as it goes into letters.json.gz."""


def _topics(value: object) -> tuple[str, ...]:
    return tuple(require_text_list(value))


def _date_json(date: LetterDate) -> str:
    return date.iso()


def _day_json(day: dt.date) -> str:
    return day.isoformat()


LETTER_FIELDS: tuple[LetterField, ...] = (
    LetterField(
        "title",
        required=True,
        parse=partial(require_text, limit=TITLE_LIMIT),
        schema={**_TEXT, "description": "Editorial title."},
    ),
    LetterField(
        "date",
        required=True,
        parse=parse_letter_date,
        schema={
            "type": "string",
            "pattern": DATE_PATTERN,
            "description": "The date printed on the letter: YYYY-MM-DD, or YYYY-MM "
            "when the letter gives only a month.",
        },
        to_json=_date_json,
    ),
    LetterField(
        "signatory",
        required=True,
        parse=require_text,
        schema={**_TEXT, "description": "The MP, as named in members.json."},
    ),
    LetterField(
        "constituency",
        required=True,
        parse=require_text,
        schema={**_TEXT, "description": "The MP's seat on the letter's date."},
    ),
    LetterField(
        "topics",
        required=True,
        parse=_topics,
        schema={
            "type": "array",
            "minItems": 1,
            "items": {"type": "string"},
            "description": "Topic slugs, as in topics.json.",
        },
        to_json=list,
    ),
    LetterField(
        "campaign",
        required=False,
        parse=require_slug,
        schema={**_OPTIONAL_TEXT, "description": "Campaign slug, as in campaigns.json."},
    ),
    LetterField(
        "summary",
        required=False,
        parse=partial(require_text, multiline=True, limit=SUMMARY_LIMIT),
        schema={**_OPTIONAL_TEXT, "description": "Editorial summary."},
    ),
    LetterField(
        "source",
        required=False,
        parse=partial(require_text, limit=SOURCE_LIMIT),
        schema={**_OPTIONAL_TEXT, "description": "What the transcription was made from."},
    ),
    LetterField(
        "redacted",
        required=False,
        parse=parse_day,
        schema={
            "type": ["string", "null"],
            "format": "date",
            "description": "The day a part of the published letter was replaced with "
            "[removed] (a name, a reference), when one was.",
        },
        to_json=_day_json,
    ),
)
FIELDS: Mapping[str, LetterField] = {field.name: field for field in LETTER_FIELDS}
FIELD_NAMES = tuple(FIELDS)
REQUIRED = tuple(field.name for field in LETTER_FIELDS if field.required)


def parse_fields(values: Mapping[str, object]) -> dict[str, Any]:
    """Every field present in ``values``, read by its parser (FieldError on the first bad one)."""
    return {
        field.name: field.parse(values[field.name])
        for field in LETTER_FIELDS
        if field.name in values
    }


# ---------------------------------------------------------------------------
# Values against the calendar and the registers


def not_in_future(date: LetterDate, *, today: dt.date) -> LetterDate:
    if date.first_day > today:
        raise FieldError(
            f"{date.iso()} is in the future", hint="use the date printed on the letter"
        )
    return date


def registered_member(name: str, registers: Registers) -> Member:
    """The member named exactly ``name`` in the members register."""
    member = registers.members.get(name)
    if member is not None:
        return member
    if name in registers.aliases:
        archive_name = registers.aliases[name]
        raise FieldError(
            f"'{name}' is another name for {archive_name}: a signatory is the name the "
            "archive uses",
            hint=f"did you mean '{archive_name}'?",
        )
    hint = did_you_mean(name, registers.members) or "add the member to docs/_data/members.yml first"
    raise FieldError(f"'{name}' is not in the members register", hint=hint)


def known_constituency(name: str, registers: Registers) -> str:
    """A constituency some member of the register has held."""
    if name in registers.constituency_names:
        return name
    hint = did_you_mean(name, sorted(registers.constituency_names)) or (
        "check the spelling against members.yml"
    )
    raise FieldError(f"'{name}' is not a constituency in the members register", hint=hint)


def seat_held(member: Member, date: LetterDate, constituency: str | None = None) -> str:
    """The constituency ``member`` held on ``date``: ``constituency`` when given and right."""
    held = member.seats_during(date)
    if not held:
        raise FieldError(
            f"{member.name} was not an MP in {date.as_written()}: "
            f"{seat_gap_description(member, date.first_day)}",
            hint="check the letter's date and signatory",
        )
    if constituency is None:
        return held[0].constituency
    if member.seat_for(constituency, date) is not None:
        return constituency
    seats = " and ".join(sorted({seat.constituency for seat in held}))
    raise FieldError(
        f"{member.name} was MP for {seats} in {date.as_written()}, not {constituency}",
        hint=f"did you mean '{held[0].constituency}'?",
    )


def registered_topic(slug: str, registers: Registers) -> str:
    """A slug of the topics register (a topic's title gets its slug as a hint)."""
    register = registers.topics
    if slug in register:
        return slug
    titles = {topic.title.casefold(): topic.slug for topic in register.values()}
    hint = did_you_mean(slug, register)
    if not hint and (found := titles.get(slug.casefold())):
        hint = f"did you mean '{found}'?"
    raise FieldError(
        f"'{slug}' is not in the topics register",
        hint=hint or "use a slug from docs/_data/topics.yml, or add the topic there",
    )


def registered_campaign(slug: str, registers: Registers) -> str:
    if slug in registers.campaigns:
        return slug
    hint = did_you_mean(slug, registers.campaigns) or (
        "use a slug from docs/_data/campaigns.yml, or add the campaign there"
    )
    raise FieldError(f"'{slug}' is not in the campaigns register", hint=hint)
