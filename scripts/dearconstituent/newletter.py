"""Starting a letter by hand: checking each answer and planning the file.

``new_letter.py`` asks for (or is given) the date, the MP, a title and the
topics; each answer is checked here on its own, by the field table's parsers
and the same register checks as the validator (:mod:`.frontmatter`), so that
the file it writes is valid from the start.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .dates import LetterDate
from .frontmatter import (
    FIELDS,
    not_in_future,
    parse_fields,
    registered_campaign,
    registered_member,
    registered_topic,
    seat_held,
)
from .letterfile import format_letter, letter_name
from .model import Member, Registers


@dataclass(frozen=True)
class NewLetter:
    fields: dict[str, object]
    name: str
    date: LetterDate

    def text(self) -> str:
        return format_letter(self.fields, "")


def check_date(text: str, *, today: dt.date) -> LetterDate:
    date: LetterDate = FIELDS["date"].parse(text)
    return not_in_future(date, today=today)


def check_signatory(text: str, registers: Registers) -> Member:
    """The member named ``text``, by the name the archive uses or another of theirs."""
    name: str = FIELDS["signatory"].parse(text)
    return registers.find_member(name) or registered_member(name, registers)


def check_title(text: str) -> str:
    title: str = FIELDS["title"].parse(text)
    return title


def check_topics(items: list[str], registers: Registers) -> list[str]:
    topics: tuple[str, ...] = FIELDS["topics"].parse(items)
    return list(dict.fromkeys(registered_topic(topic, registers) for topic in topics))


def check_campaign(text: str, registers: Registers) -> str:
    return registered_campaign(FIELDS["campaign"].parse(text), registers)


def plan_letter(
    *,
    date: LetterDate,
    member: Member,
    title: str,
    topics: list[str],
    constituency: str | None = None,
    campaign: str | None = None,
    source: str | None = None,
    summary: str | None = None,
) -> NewLetter:
    given = {"title": title, "source": source, "summary": summary}
    fields: dict[str, object] = {
        **parse_fields({key: value for key, value in given.items() if value is not None}),
        "date": date,
        "signatory": member.name,
        "constituency": seat_held(member, date, constituency),
        "topics": topics,
        "campaign": campaign,
    }
    subject = campaign or title
    return NewLetter(fields=fields, name=letter_name(date, member.name, subject), date=date)
