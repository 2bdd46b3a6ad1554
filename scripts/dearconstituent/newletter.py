"""Starting a letter by hand: checking each answer and planning the file.

``new_letter.py`` asks for (or is given) the date, the MP, a title and the
topics; each answer is checked here on its own, with the same did-you-mean
hints as the validator, so that the file it writes is valid from the start.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .dates import LetterDate, parse_letter_date
from .errors import FieldError
from .fields import require_text
from .letterfile import format_letter, letter_name
from .model import Member, Registers
from .registers import seat_gap_description
from .suggest import did_you_mean


@dataclass(frozen=True)
class NewLetter:
    fields: dict[str, object]
    name: str
    date: LetterDate

    def text(self) -> str:
        return format_letter(self.fields, "")


def check_date(text: str, *, today: dt.date) -> LetterDate:
    date = parse_letter_date(text)
    if date.first_day > today:
        raise FieldError(f"{date.iso()} is in the future", hint="use the date on the letter")
    return date


def check_signatory(text: str, registers: Registers) -> Member:
    name = require_text(text)
    if name in registers.members:
        return registers.members[name]
    hint = did_you_mean(name, registers.members) or "add the member to docs/_data/members.yml"
    raise FieldError(f"'{name}' is not in the members register", hint=hint)


def seat_on(member: Member, date: LetterDate, wanted: str | None) -> str:
    """The constituency the member held on ``date`` (``wanted`` when given and right)."""
    seats = member.seats_during(date)
    if not seats:
        raise FieldError(
            f"{member.name} was not an MP in {date.as_written()}: "
            f"{seat_gap_description(member, date.first_day)}",
            hint="check the date and the MP",
        )
    names = [seat.constituency for seat in seats]
    if wanted is None:
        return names[0]
    if wanted in names:
        return wanted
    raise FieldError(
        f"{member.name} held {' and '.join(names)} then, not {wanted}",
        hint=f"did you mean '{names[0]}'?",
    )


def check_topics(items: list[str], registers: Registers) -> list[str]:
    if not items:
        raise FieldError(
            "give at least one topic",
            hint="slugs from docs/_data/topics.yml: " + ", ".join(registers.topics),
        )
    for item in items:
        if item not in registers.topics:
            hint = did_you_mean(item, registers.topics) or (
                "slugs from docs/_data/topics.yml: " + ", ".join(registers.topics)
            )
            raise FieldError(f"'{item}' is not in the topics register", hint=hint)
    return list(dict.fromkeys(items))


def check_campaign(text: str, registers: Registers) -> str:
    if text in registers.campaigns:
        return text
    hint = did_you_mean(text, registers.campaigns) or (
        "slugs from docs/_data/campaigns.yml: " + ", ".join(registers.campaigns)
    )
    raise FieldError(f"'{text}' is not in the campaigns register", hint=hint)


def plan_letter(
    *,
    registers: Registers,
    date: LetterDate,
    member: Member,
    title: str,
    topics: list[str],
    constituency: str | None = None,
    campaign: str | None = None,
    source: str | None = None,
    summary: str | None = None,
) -> NewLetter:
    fields: dict[str, object] = {
        "title": require_text(title, limit=150),
        "date": date,
        "signatory": member.name,
        "constituency": seat_on(member, date, constituency),
        "topics": topics,
        "campaign": campaign,
        "summary": summary,
        "source": source,
    }
    subject = campaign or title
    return NewLetter(fields=fields, name=letter_name(date, member.name, subject), date=date)
