"""From a submitted issue form to a letter file, or to a refusal that says why.

The letter is made as ``scripts/import_letter.py`` makes it from the same
text, with the form's answers standing in for its command-line options (the
MP, the constituency, the date, the subject as the title, the campaign, where
the letter came from). Before anything is written, the answers are checked
for personal data with the validator's own rules: a submission with any is
refused, and the refusal names only the kinds of data and where they are,
never the data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .dates import LetterDate, parse_letter_date
from .errors import FieldError
from .importer import Draft, import_transcript, parse_date_line
from .issueform import Answers
from .model import Registers
from .privacy import find_personal_data

TEXT = "text"
"""The id of the form's field for the letter itself."""
CHECKED_FIELDS = ("mp", "constituency", "date", "subject", "campaign", TEXT)
"""The answers that are published, and so are checked for personal data."""
WHERE = {
    "mp": "the MP's name",
    "constituency": "the constituency",
    "date": "the date",
    "subject": "the subject",
    "campaign": "the campaign",
}


@dataclass(frozen=True)
class Flag:
    """Personal data found in a submission: its kind and where, never the data."""

    kind: str
    where: str

    @property
    def described(self) -> str:
        """ "an e-mail address in line 3 of the letter": never the data itself."""
        article = "an" if self.kind[:1].lower() in "aeio" else "a"
        return f"{article} {self.kind} in {self.where}"


@dataclass
class Submission:
    """What a submission becomes: a draft letter, or the personal data that stops it."""

    draft: Draft | None
    flags: list[Flag] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What the maintainer reviewing the letter should know (an unknown campaign)."""
    transcript: str = ""


def overrides(answers: Answers, registers: Registers, *, issue: int) -> dict[str, object]:
    """The import options the answers amount to, as import_letter.py takes them."""
    given: dict[str, object] = {"source": f"{answers.get('source') or 'Other'} (issue #{issue})"}
    if answers.get("mp"):
        given["signatory"] = str(answers["mp"]).strip()
    if answers.get("constituency"):
        given["constituency"] = str(answers["constituency"]).strip()
    if (date := answer_date(answers.get("date"))) is not None:
        given["date"] = date
    if answers.get("subject"):
        given["title"] = title(str(answers["subject"]))
    if (slug := campaign_slug(answers.get("campaign"), registers)) is not None:
        given["campaign"] = slug
    return given


def make_submission(answers: Answers, registers: Registers, *, issue: int) -> Submission:
    """The letter a submission makes, unless it holds personal data."""
    flags = list(personal_data(answers, registers))
    if flags:
        return Submission(draft=None, flags=flags)
    text = str(answers.get(TEXT) or "")
    given = overrides(answers, registers, issue=issue)
    notes = []
    if answers.get("campaign") and "campaign" not in given:
        notes.append(
            "The campaign named in the issue is not in docs/_data/campaigns.yml: add it "
            "there, or set the letter's campaign to one that is."
        )
    if answers.get("date") and "date" not in given:
        notes.append(
            "The date in the issue is not one the archive reads (12 September 2019, "
            "September 2019, 2019-09-12): the date was taken from the letter, if it has one."
        )
    draft = import_transcript(text, registers, overrides=given)
    return Submission(draft=draft, notes=notes, transcript=_as_received(text))


def personal_data(answers: Answers, registers: Registers) -> Iterator[Flag]:
    for field_id in CHECKED_FIELDS:
        value = answers.get(field_id)
        if not value:
            continue
        for found in find_personal_data(value, allowlist=registers.allowlist):
            where = f"line {found.line} of the letter" if field_id == TEXT else WHERE[field_id]
            yield Flag(found.kind, where)


def answer_date(answer: str | None) -> LetterDate | None:
    """The date as the form's answer gives it: 2019-09-12, 12 September 2019, September 2019,
    12/09/2019; None for anything else ("sometime last spring")."""
    if not answer:
        return None
    text = answer.strip()
    try:
        return parse_letter_date(text)
    except FieldError:
        return parse_date_line(text)


def title(subject: str) -> str:
    """The subject as a title: one line, its first letter a capital."""
    text = " ".join(subject.split())
    return text[:1].upper() + text[1:]


def campaign_slug(answer: str | None, registers: Registers) -> str | None:
    """The campaign the answer names, by its title or slug, whatever the case; None if
    it names none in the register."""
    if not answer:
        return None
    wanted = _key(answer)
    for slug, campaign in registers.campaigns.items():
        if wanted in {_key(slug), _key(campaign.title)}:
            return slug
    return None


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.casefold()).strip()


def _as_received(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"
