"""Reading a plain-text transcription of a letter into a letter file.

Real letters vary; this module knows the common shapes of MPs' replies: a
letterhead, a date line, "Dear Constituent", a subject line, the text, and a
sign-off with the MP's name and seat. It finds what it can, marks up the
body with the letter markup, suggests topics and a campaign from the
registers' keywords, and leaves a placeholder (which the validator refuses)
for anything it cannot find. It never guesses silently: every field says
where it came from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from .dates import MONTHS, LetterDate
from .errors import FieldError
from .letterfile import format_letter, is_placeholder, letter_name, placeholder
from .model import Member, Registers

_MONTH_NUMBERS = {name.casefold(): number for number, name in enumerate(MONTHS, start=1)}
_MONTH_NUMBERS.update({name[:3].casefold(): number for number, name in enumerate(MONTHS, 1)})
_MONTH_NUMBERS["sept"] = 9
_MONTH = "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))
_LABEL = r"(?:date(?:d)?\s*[:.-]?\s*)?"
_DAY_MONTH_YEAR = re.compile(
    rf"^\s*{_LABEL}(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})\.?,?\s+(?P<year>\d{{4}})\.?\s*$",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(
    rf"^\s*{_LABEL}(?P<month>{_MONTH})\.?,?\s+(?P<year>\d{{4}})\.?\s*$", re.IGNORECASE
)
_NUMERIC = re.compile(
    rf"^\s*{_LABEL}(?P<day>\d{{1,2}})[/.-](?P<month>\d{{1,2}})[/.-]"
    rf"(?P<year>\d{{4}})\.?\s*$",
    re.IGNORECASE,
)
_ISO = re.compile(
    rf"^\s*{_LABEL}(?P<year>\d{{4}})-(?P<month>\d{{2}})-(?P<day>\d{{2}})\.?\s*$", re.IGNORECASE
)

_SALUTATION = re.compile(r"^\s*Dear\b", re.IGNORECASE)
_SIGN_OFF = re.compile(
    r"^\s*(?:yours\s+(?:sincerely|faithfully|truly|ever|aye)|with\s+(?:best|kind|warm)\s+"
    r"(?:wishes|regards)|(?:kind|best|warm)\s+(?:regards|wishes)|regards)\b",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(
    r"\bsignature\b|^\s*[\[(](?:signed|signature|sig\.?)[^\])]*[\])]\s*$", re.IGNORECASE
)
_SUBJECT_LABEL = re.compile(r"^\s*(?:re|subject)\s*:\s*(?P<subject>\S.*?)\s*$", re.IGNORECASE)
_RESPONSE = re.compile(r"^\s*(?:a\s+)?response\s+to\s+\S", re.IGNORECASE)
_HONORIFIC = re.compile(
    r"^(?:the\s+)?(?:(?:rt\.?|right)\s+hon(?:\.|ourable)?\s+|hon\.?\s+)?"
    r"(?:(?:dr|mr|mrs|ms|miss|mx|sir|dame|lord|lady|baroness|baron|prof(?:essor)?)\.?\s+)*",
    re.IGNORECASE,
)
_POST_NOMINALS = re.compile(
    r"(?:[\s,]+(?:M\.?P\.?|KC|QC|PC|CBE|OBE|MBE|KBE|DBE|CB|FRS|FRSA|JP|DL|Bt|MSP|MS|MLA))+\.?\s*$"
)
_SEAT_SUFFIX = re.compile(r"\s+\([^)]*\)$")
"""The seat in brackets that tells apart two members of one name."""
_NAME = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,4}$")
_CONSTITUENCY_PATTERNS = (
    re.compile(r"member\s+of\s+parliament\s+for\s+(?P<seat>[^|,;\n]+?)\s*\.?\s*$", re.IGNORECASE),
    re.compile(r"\bMP\s+for\s+(?P<seat>[^|,;\n]+?)\s*\.?\s*$"),
    re.compile(r"^\s*(?P<seat>[A-Z][^|;\n]+?)\s+constituency\s*\.?\s*$", re.IGNORECASE),
)
_LETTERHEAD_WORDS = (
    "house of commons",
    "london",
    "westminster",
    "tel",
    "email",
    "e-mail",
    "www.",
    "@",
)
_ACRONYMS = {
    "uk",
    "eu",
    "nhs",
    "mp",
    "mps",
    "hs2",
    "bbc",
    "vat",
    "hmrc",
    "dwp",
    "pip",
    "send",
    "un",
    "nato",
    "us",
    "usa",
    "ai",
    "co2",
    "gp",
    "gps",
    "a&e",
}


@dataclass
class Draft:
    """A letter file in the making: its fields, its marked-up body, and a log."""

    fields: dict[str, object]
    body: str
    name: str
    found: list[tuple[str, str]] = field(default_factory=list)
    """``(field, what was found and where)`` for every field filled in."""
    missing: list[tuple[str, str]] = field(default_factory=list)
    """``(field, why not)`` for every field left as a placeholder."""

    @property
    def date(self) -> LetterDate | None:
        value = self.fields.get("date")
        return value if isinstance(value, LetterDate) else None

    def text(self) -> str:
        return format_letter(self.fields, self.body)


@dataclass
class _Context:
    """What every field finder needs: the registers, the user's overrides, the log."""

    registers: Registers
    overrides: dict[str, object]
    found: list[tuple[str, str]] = field(default_factory=list)
    missing: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class _Lines:
    """The transcript's lines with the role found for each."""

    lines: list[str]
    date: int | None = None
    salutation: int | None = None
    subject: int | None = None
    sign_off: int | None = None
    signature: set[int] = field(default_factory=set)
    letterhead_end: int = 0


def import_transcript(
    text: str, registers: Registers, *, overrides: dict[str, object] | None = None
) -> Draft:
    """Read a transcription (plain text) into a draft letter."""
    lines = _clean_lines(text)
    roles = _find_roles(lines)
    context = _Context(registers, dict(overrides or {}))
    words = " ".join(lines)

    date = _field_date(roles, context)
    member = _field_signatory(roles, context)
    constituency = _field_constituency(roles, context, member, date)
    if member is None and constituency and date is not None:
        member = _holder(registers, constituency, date)
        if member is not None:
            context.found.append(
                (
                    "signatory",
                    f"{member.name}, who held {constituency} then (from the members register)",
                )
            )
            context.missing[:] = [entry for entry in context.missing if entry[0] != "signatory"]
    title = _field_title(roles, context)
    campaign = _field_campaign(words, context)
    topics = _field_topics(words, context)
    source = context.overrides.get("source") or _source(roles)

    signatory: object = (
        member.name
        if member
        else context.overrides.get("signatory")
        or (placeholder("the MP's name, exactly as in docs/_data/members.yml"))
    )
    fields: dict[str, object] = {
        "title": title,
        "date": date or placeholder("the date printed on the letter, YYYY-MM-DD or YYYY-MM"),
        "signatory": signatory,
        "constituency": constituency or placeholder("the MP's constituency on that date"),
        "topics": topics,
        "campaign": campaign,
        "summary": context.overrides.get("summary"),
        "source": source,
    }
    subject = (
        campaign
        if isinstance(campaign, str)
        else (title if not is_placeholder(title) else "letter")
    )
    name = letter_name(date, member.name if member else "unknown-mp", subject)
    return Draft(
        fields=fields,
        body=_marked_body(roles),
        name=name,
        found=context.found,
        missing=context.missing,
    )


# ---------------------------------------------------------------------------
# Finding the parts of the letter


def _clean_lines(text: str) -> list[str]:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def _find_roles(lines: list[str]) -> _Lines:
    roles = _Lines(lines)
    roles.salutation = _first(lines, lambda line: bool(_SALUTATION.match(line)))
    search_end = roles.salutation + 1 if roles.salutation is not None else min(len(lines), 20)
    roles.date = _first(lines[: search_end + 3], lambda line: parse_date_line(line) is not None)
    start = roles.salutation + 1 if roles.salutation is not None else 0
    roles.sign_off = _first(lines[start:], lambda line: bool(_SIGN_OFF.match(line)))
    if roles.sign_off is not None:
        roles.sign_off += start
        roles.signature = {
            index
            for index in range(roles.sign_off + 1, len(lines))
            if _SIGNATURE.search(lines[index])
        }
    roles.subject = _find_subject(lines, roles)
    specials = [
        index for index in (roles.date, roles.salutation, roles.subject) if index is not None
    ]
    roles.letterhead_end = min(specials) if specials else 0
    return roles


def _find_subject(lines: list[str], roles: _Lines) -> int | None:
    after = roles.salutation if roles.salutation is not None else (roles.date or -1)
    candidates = [
        index
        for index in range(max(after + 1, 0), min(after + 4, len(lines)))
        if lines[index].strip()
    ]
    before = [
        index
        for index in range((roles.date or -1) + 1, roles.salutation or 0)
        if lines[index].strip()
    ]
    for index in before + candidates[:1]:
        if _is_subject(lines[index]):
            return index
    return None


def _is_subject(line: str) -> bool:
    text = line.strip()
    if _SUBJECT_LABEL.match(text) or _RESPONSE.match(text):
        return True
    letters = [character for character in text if character.isalpha()]
    return (
        bool(letters)
        and text.upper() == text
        and len(text.split()) <= 12
        and not any(word in text.casefold() for word in _LETTERHEAD_WORDS)
    )


def _first(lines: Sequence[str], test: Callable[[str], bool]) -> int | None:
    for index, line in enumerate(lines):
        if test(line):
            return index
    return None


# ---------------------------------------------------------------------------
# Fields


def parse_date_line(line: str) -> LetterDate | None:
    """A letter's date line in any of the usual forms, or None."""
    try:
        if match := _DAY_MONTH_YEAR.match(line):
            return _date(match["year"], _MONTH_NUMBERS[match["month"].casefold()], match["day"])
        if match := _MONTH_YEAR.match(line):
            return _date(match["year"], _MONTH_NUMBERS[match["month"].casefold()], None)
        if match := _NUMERIC.match(line) or _ISO.match(line):
            return _date(match["year"], int(match["month"]), match["day"])
    except (FieldError, ValueError, KeyError):
        return None
    return None


def _date(year: str, month: int, day: str | None) -> LetterDate:
    # datetime checks the calendar: 31/02/2021 is no date.
    if day is None:
        dt.date(int(year), month, 1)
        return LetterDate(int(year), month)
    dt.date(int(year), month, int(day))
    return LetterDate(int(year), month, int(day))


def _field_date(roles: _Lines, context: _Context) -> LetterDate | None:
    overrides, found, missing = context.overrides, context.found, context.missing
    if isinstance(overrides.get("date"), LetterDate):
        found.append(("date", "given on the command line"))
        return overrides["date"]  # type: ignore[return-value]
    if roles.date is not None:
        date = parse_date_line(roles.lines[roles.date])
        found.append(
            (
                "date",
                f"{date.iso() if date else '?'} from line {roles.date + 1}: "
                f"{roles.lines[roles.date].strip()!r}",
            )
        )
        return date
    missing.append(("date", "no line holds just a date (e.g. '14 March 2021')"))
    return None


def strip_honorifics(line: str) -> str:
    """``The Rt. Hon. Alister Jack MP`` → ``Alister Jack``."""
    text = _POST_NOMINALS.sub("", line.strip().rstrip(",."))
    return _HONORIFIC.sub("", text).strip()


def _name_candidates(roles: _Lines) -> Iterable[tuple[int, str]]:
    if roles.sign_off is not None:
        for index in range(roles.sign_off + 1, len(roles.lines)):
            if index not in roles.signature:
                yield index, roles.lines[index]
    for index in range(roles.letterhead_end):
        for piece in roles.lines[index].split("|"):
            if re.search(r"\bMP\b", piece):
                yield index, piece


def _field_signatory(roles: _Lines, context: _Context) -> Member | None:
    registers, overrides = context.registers, context.overrides
    found, missing = context.found, context.missing
    wanted = overrides.get("signatory")
    by_bare_name = _members_by_name(registers)
    if isinstance(wanted, str):
        member = registers.members.get(wanted) or by_bare_name.get(wanted.casefold())
        found.append(("signatory", f"{wanted!r} given on the command line"))
        return member
    for index, line in _name_candidates(roles):
        bare = strip_honorifics(line)
        if not _NAME.match(bare):
            continue
        member = by_bare_name.get(bare.casefold())
        if member is not None:
            found.append(("signatory", f"{member.name} from line {index + 1}: {line.strip()!r}"))
            return member
        missing.append(
            (
                "signatory",
                f"{bare!r} (line {index + 1}) is not in the members register; add the member first",
            )
        )
        return None
    missing.append(("signatory", "no name after the sign-off or in the letterhead"))
    return None


def _members_by_name(registers: Registers) -> dict[str, Member]:
    """Each member by every name they go by (their name, aliases, and a name shared
    with another member without its bracketed seat), honorifics off and case folded;
    a name two members go by names neither."""
    found: dict[str, Member] = {}
    shared: set[str] = set()
    for member in registers.members.values():
        names = {member.name, *member.aliases, _SEAT_SUFFIX.sub("", member.name)}
        for name in {strip_honorifics(name).casefold() for name in names}:
            if name in found and found[name] is not member:
                shared.add(name)
            found[name] = member
    return {name: member for name, member in found.items() if name not in shared}


def _field_constituency(
    roles: _Lines, context: _Context, member: Member | None, date: LetterDate | None
) -> str | None:
    registers, overrides = context.registers, context.overrides
    found, missing = context.found, context.missing
    if isinstance(overrides.get("constituency"), str):
        found.append(("constituency", "given on the command line"))
        return str(overrides["constituency"])
    known = {name.casefold(): name for name in registers.constituency_names}
    order = list(range(roles.sign_off or 0, len(roles.lines))) + list(range(roles.letterhead_end))
    for index in order:
        for piece in roles.lines[index].split("|"):
            for pattern in _CONSTITUENCY_PATTERNS:
                if (match := pattern.search(piece)) is None:
                    continue
                seat = match["seat"].strip().rstrip(".")
                name = known.get(seat.casefold(), seat)
                found.append(
                    (
                        "constituency",
                        f"{name} from line {index + 1}: {roles.lines[index].strip()!r}",
                    )
                )
                return name
    if member is not None and date is not None:
        seats = member.seats_during(date)
        if seats:
            found.append(
                (
                    "constituency",
                    f"{seats[0].constituency}, {member.name}'s seat on "
                    "that date (from the members register)",
                )
            )
            return seats[0].constituency
    missing.append(
        ("constituency", "no 'Member of Parliament for …', 'MP for …' or '… constituency' line")
    )
    return None


def _holder(registers: Registers, constituency: str, date: LetterDate) -> Member | None:
    for member in registers.members.values():
        if member.seat_for(constituency, date):
            return member
    return None


def _field_title(roles: _Lines, context: _Context) -> str:
    overrides, found, missing = context.overrides, context.found, context.missing
    if isinstance(overrides.get("title"), str):
        found.append(("title", "given on the command line"))
        return str(overrides["title"])
    if roles.subject is not None:
        line = roles.lines[roles.subject].strip()
        match = _SUBJECT_LABEL.match(line)
        title = (match["subject"] if match else line).rstrip(".")
        if title.upper() == title:
            title = sentence_case(title)
        found.append(("title", f"{title!r} from the subject line {roles.subject + 1}"))
        return title
    missing.append(("title", "no subject line ('Re: …', 'Subject: …', a line in capitals)"))
    return placeholder("a short editorial title")


def sentence_case(text: str) -> str:
    """``FAIR RENTS FOR THE NHS`` → ``Fair rents for the NHS``."""
    words = text.lower().split()
    shaped = [word.upper() if word.strip(".,:;!?'\"()") in _ACRONYMS else word for word in words]
    if shaped and shaped[0].islower():
        shaped[0] = shaped[0][0].upper() + shaped[0][1:]
    return " ".join(shaped)


def _normal(text: str) -> str:
    text = re.sub(r"['’`]", "", text.casefold())
    return " " + " ".join(re.sub(r"[^a-z0-9]+", " ", text).split()) + " "


def _hits(words: str, phrases: Iterable[str]) -> int:
    return sum(words.count(_normal(phrase)) for phrase in phrases if _normal(phrase).strip())


def _field_campaign(words: str, context: _Context) -> str | None:
    registers, overrides, found = context.registers, context.overrides, context.found
    if isinstance(overrides.get("campaign"), str):
        found.append(("campaign", "given on the command line"))
        return str(overrides["campaign"])
    text = _normal(words)
    scores = {
        slug: 3 * _hits(text, [campaign.title]) + _hits(text, campaign.keywords)
        for slug, campaign in registers.campaigns.items()
    }
    best = max(scores, key=lambda slug: (scores[slug], slug), default=None)
    if best is None or scores[best] < 2:
        return None
    found.append(
        (
            "campaign",
            f"{best}, suggested: the text names "
            f"{registers.campaigns[best].title!r} or its keywords",
        )
    )
    return best


def _field_topics(words: str, context: _Context) -> list[str]:
    registers, overrides = context.registers, context.overrides
    found, missing = context.found, context.missing
    wanted = overrides.get("topics")
    if isinstance(wanted, list) and wanted:
        found.append(("topics", "given on the command line"))
        return [str(topic) for topic in wanted]
    text = _normal(words)
    scores = {
        slug: 2 * _hits(text, [topic.title]) + _hits(text, topic.keywords)
        for slug, topic in registers.topics.items()
    }
    ranked = sorted((slug for slug in scores if scores[slug]), key=lambda s: (-scores[s], s))
    if not ranked:
        missing.append(("topics", "no topic's title or keywords appear in the text"))
        return [placeholder("one or more slugs from docs/_data/topics.yml")]
    best = scores[ranked[0]]
    chosen = [slug for slug in ranked if scores[slug] >= max(2, best // 2)][:3] or ranked[:1]
    found.append(("topics", f"{', '.join(chosen)}, suggested from the registers' keywords"))
    return chosen


def _source(roles: _Lines) -> str:
    if roles.signature:
        return "Paper letter, signed by hand (transcript)"
    if any(
        re.search(r"\be-?mail\b", line, re.IGNORECASE)
        for line in roles.lines[: roles.letterhead_end]
    ):
        return "E-mail reply (transcript)"
    return "Transcript"


# ---------------------------------------------------------------------------
# The body in letter markup


def _marked_body(roles: _Lines) -> str:
    lines = roles.lines
    blocks: list[str] = []
    if roles.letterhead_end:
        head = "\n".join(lines[: roles.letterhead_end]).strip("\n")
        if head.strip():
            blocks.append(_fenced("letterhead", head))
    body_end = roles.sign_off if roles.sign_off is not None else len(lines)
    text: list[str] = []
    for index in range(roles.letterhead_end, body_end):
        part = {roles.date: "date", roles.salutation: "salutation", roles.subject: "subject"}.get(
            index
        )
        if part is None:
            text.append(lines[index])
            continue
        _flush(text, blocks)
        blocks.append(_fenced(part, lines[index].strip()))
    _flush(text, blocks)
    if roles.sign_off is not None:
        blocks.append(_fenced("sign-off", _sign_off(roles)))
    return "\n\n".join(blocks) + "\n"


def _sign_off(roles: _Lines) -> str:
    pieces: list[str] = []
    for index in range(roles.sign_off or 0, len(roles.lines)):
        line = roles.lines[index]
        pieces.append(_fenced("note", line.strip()) if index in roles.signature else line)
    return "\n".join(pieces).strip("\n")


def _flush(text: list[str], blocks: list[str]) -> None:
    joined = "\n".join(text).strip("\n")
    if joined.strip():
        blocks.append(joined)
    text.clear()


def _fenced(part: str, text: str) -> str:
    return f"::: {part}\n{text}\n:::"
