"""Letter files: reading them, the rules they must satisfy, and the model built from them.

Each rule is a small function whose docstring states what must hold. A rule
receives a :class:`LetterDocument` and a :class:`RuleContext` and yields
:class:`Finding` s; it never raises on bad input.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Any

from .dates import LetterDate, describe_type, parse_letter_date
from .errors import FieldError, SourceError
from .fields import require_slug, require_text, require_text_list
from .findings import Finding
from .layout import LETTERS_DIR, relative_to_docs
from .letterfile import PLACEHOLDER, is_placeholder
from .markup import ParsedBody, parse_body
from .model import Letter, Registers
from .privacy import PersonalData, find_personal_data
from .registers import seat_gap_description
from .safety import find_unsafe, might_be_unsafe
from .slugs import is_slug, slugify
from .source import read_text, split_front_matter
from .suggest import did_you_mean
from .transcripts import Transcript, body_lines, transcript_lines, verbatim_differences
from .yamlsource import LocatedYaml, load_located

REQUIRED = ("title", "date", "signatory", "constituency", "topics")
OPTIONAL = ("campaign", "summary", "source")
FIELDS = REQUIRED + OPTIONAL
TEXT_FIELDS = ("title", "signatory", "constituency", "summary", "source", "campaign")
TITLE_LIMIT = 150
SUMMARY_LIMIT = 400
_YEAR_FOLDER = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class LetterDocument:
    """A letter file split and parsed, before any rule has looked at it."""

    path: Path
    relative: PurePosixPath | None
    """Path below the docs folder, or None when the file lies outside it."""
    meta: dict[str, Any]
    yaml: LocatedYaml
    body: str
    body_line: int
    transcript: Transcript | None = None
    """The transcript the letter was made from, when the archive keeps one."""

    def line(self, key: str) -> int:
        return self.yaml.line(key)

    @cached_property
    def parsed_body(self) -> ParsedBody:
        # Parsed once for the markup rule and again needed for the letter's identity.
        return parse_body(self.body, first_line=self.body_line)


@dataclass(frozen=True)
class RuleContext:
    registers: Registers
    today: dt.date


Rule = Callable[[LetterDocument, RuleContext], Iterator[Finding]]


def read_letter(path: Path, docs_dir: Path) -> LetterDocument:
    """Read and split a letter file; raise :class:`SourceError` if it is no letter at all."""
    split = split_front_matter(read_text(path))
    located = load_located(split.front_matter, first_line=split.front_matter_line)
    if located.data is None:
        raise SourceError(
            "the front matter block is empty",
            line=split.front_matter_line,
            hint="add the fields: " + ", ".join(REQUIRED),
        )
    if not isinstance(located.data, dict):
        raise SourceError(
            f"the front matter must be a set of 'key: value' fields, not "
            f"{describe_type(located.data)}",
            line=split.front_matter_line,
            hint="write one 'key: value' per line",
        )
    return LetterDocument(
        path=path,
        relative=relative_to_docs(path, docs_dir),
        meta=located.data,
        yaml=located,
        body=split.body,
        body_line=split.body_line,
    )


# ---------------------------------------------------------------------------
# Front matter rules


def check_known_fields(doc: LetterDocument, _: RuleContext) -> Iterator[Finding]:
    """Only the documented front matter fields may appear, each once."""
    for key in doc.meta:
        if key not in FIELDS:
            name = str(key)
            hint = did_you_mean(name, FIELDS) or f"the fields are: {', '.join(FIELDS)}"
            if name == "party":
                hint = "party comes from the members register; remove this line"
            yield Finding(doc.line(key), name, "unknown field", hint)
    for path, line in doc.yaml.duplicates:
        yield Finding(line, str(path[-1]), "appears twice", "keep one of them")


def check_required_fields(doc: LetterDocument, _: RuleContext) -> Iterator[Finding]:
    """Every required field is present."""
    for key in REQUIRED:
        if key not in doc.meta:
            yield Finding(1, key, "is required", f"add '{key}: …' to the front matter")


def check_no_placeholders(doc: LetterDocument, _: RuleContext) -> Iterator[Finding]:
    """No value is a placeholder ("TODO: …") left by a tool for a person to fill in."""
    for at, text in _metadata_strings(doc):
        if is_placeholder(text):
            yield Finding(
                doc.yaml.line(*at),
                str(at[0]),
                "still has to be filled in",
                text.strip().removeprefix(PLACEHOLDER).strip(),
            )


def check_title(doc: LetterDocument, _: RuleContext) -> Iterator[Finding]:
    """The title is one line of plain text, at most 150 characters."""
    yield from _parse_field(doc, "title", lambda v: require_text(v, limit=TITLE_LIMIT))


def check_summary(doc: LetterDocument, _: RuleContext) -> Iterator[Finding]:
    """A summary, when given, is one or two plain sentences (at most 400 characters)."""
    yield from _parse_field(
        doc, "summary", lambda v: require_text(v, multiline=True, limit=SUMMARY_LIMIT)
    )


def check_source(doc: LetterDocument, _: RuleContext) -> Iterator[Finding]:
    """A source, when given, is one line of plain text."""
    yield from _parse_field(doc, "source", lambda v: require_text(v, limit=200))


def check_date(doc: LetterDocument, context: RuleContext) -> Iterator[Finding]:
    """The date is a real calendar date (YYYY-MM-DD) or month (YYYY-MM), not in the future."""
    if "date" not in doc.meta or is_placeholder(doc.meta["date"]):
        return
    try:
        date = parse_letter_date(doc.meta["date"])
    except FieldError as error:
        yield Finding(doc.line("date"), "date", error.message, error.hint)
        return
    if date.first_day > context.today:
        yield Finding(
            doc.line("date"),
            "date",
            f"{date.iso()} is in the future",
            "use the date printed on the letter",
        )


def check_signatory(doc: LetterDocument, context: RuleContext) -> Iterator[Finding]:
    """The signatory is named exactly as in the members register."""
    if "signatory" not in doc.meta or is_placeholder(doc.meta["signatory"]):
        return
    try:
        name = require_text(doc.meta["signatory"])
    except FieldError as error:
        yield Finding(doc.line("signatory"), "signatory", error.message, error.hint)
        return
    if name not in context.registers.members:
        hint = did_you_mean(name, context.registers.members) or (
            "add the member to docs/_data/members.yml first"
        )
        yield Finding(
            doc.line("signatory"), "signatory", f"'{name}' is not in the members register", hint
        )


def check_constituency(doc: LetterDocument, context: RuleContext) -> Iterator[Finding]:
    """The constituency is the seat the signatory held on the letter's date."""
    if "constituency" not in doc.meta or is_placeholder(doc.meta["constituency"]):
        return
    try:
        constituency = require_text(doc.meta["constituency"])
    except FieldError as error:
        yield Finding(doc.line("constituency"), "constituency", error.message, error.hint)
        return
    known = context.registers.constituency_names
    if constituency not in known:
        hint = did_you_mean(constituency, sorted(known)) or (
            "check the spelling against members.yml"
        )
        yield Finding(
            doc.line("constituency"),
            "constituency",
            f"'{constituency}' is not a constituency in the members register",
            hint,
        )
        return
    member = context.registers.members.get(_text_or_none(doc.meta.get("signatory")) or "")
    date = _date_or_none(doc.meta.get("date"))
    if member is None or date is None or member.seat_for(constituency, date):
        return
    held = member.seats_during(date)
    if held:
        seats = " and ".join(sorted({seat.constituency for seat in held}))
        yield Finding(
            doc.line("constituency"),
            "constituency",
            f"{member.name} was MP for {seats} in {date.as_written()}, not {constituency}",
            f"did you mean '{held[0].constituency}'?",
        )
    else:
        yield Finding(
            doc.line("constituency"),
            "constituency",
            f"{member.name} was not an MP in {date.as_written()}: "
            f"{seat_gap_description(member, date.first_day)}",
            "check the letter's date and signatory",
        )


def check_topics(doc: LetterDocument, context: RuleContext) -> Iterator[Finding]:
    """Topics are a list of one or more distinct slugs from the topics register."""
    if "topics" not in doc.meta:
        return
    try:
        topics = require_text_list(doc.meta["topics"])
    except FieldError as error:
        yield Finding(doc.line("topics"), "topics", error.message, error.hint)
        return
    register = context.registers.topics
    titles = {topic.title: slug for slug, topic in register.items()}
    for position, topic in enumerate(topics):
        if is_placeholder(topic):
            continue
        if topic in register:
            if topics.index(topic) != position:
                yield Finding(
                    doc.yaml.line("topics", position),
                    "topics",
                    f"'{topic}' is listed twice",
                    "remove one",
                )
            continue
        line = doc.yaml.line("topics", position)
        hint = did_you_mean(topic, register)
        if not hint and (slug := titles.get(topic) or _fold_match(topic, titles)):
            hint = f"did you mean '{slug}'?"
        yield Finding(
            line,
            "topics",
            f"'{topic}' is not in the topics register",
            hint or "use a slug from docs/_data/topics.yml, or add the topic there",
        )


def check_campaign(doc: LetterDocument, context: RuleContext) -> Iterator[Finding]:
    """A campaign, when given, is a slug from the campaigns register."""
    if "campaign" not in doc.meta or is_placeholder(doc.meta["campaign"]):
        return
    try:
        campaign = require_slug(doc.meta["campaign"])
    except FieldError as error:
        yield Finding(doc.line("campaign"), "campaign", error.message, error.hint)
        return
    register = context.registers.campaigns
    if campaign not in register:
        hint = did_you_mean(campaign, register) or (
            "use a slug from docs/_data/campaigns.yml, or add the campaign there"
        )
        yield Finding(
            doc.line("campaign"), "campaign", f"'{campaign}' is not in the campaigns register", hint
        )


def check_metadata_is_plain_text(doc: LetterDocument, _: RuleContext) -> Iterator[Finding]:
    """Front matter values hold no HTML, character references, scripts or links."""
    # The front matter as written is checked first, in one pass; only YAML
    # escapes ("\x3c") could hide markup from that pass, so they force the
    # value-by-value check too.
    if "\\" not in doc.yaml.text and not might_be_unsafe(doc.yaml.text):
        return
    for at, text in _metadata_strings(doc):
        for unsafe in find_unsafe(text):
            yield Finding(
                doc.yaml.line(*at) + unsafe.line - 1, str(at[0]), unsafe.message, unsafe.hint
            )


def check_metadata_privacy(doc: LetterDocument, context: RuleContext) -> Iterator[Finding]:
    """Front matter values hold no personal data of private people."""
    for at, text in _metadata_strings(doc):
        if at == ("date",):
            continue
        for found in find_personal_data(text, allowlist=context.registers.allowlist):
            yield privacy_finding(str(at[0]), found, doc.yaml.line(*at) + found.line - 1)


# ---------------------------------------------------------------------------
# File name rules


def check_location(doc: LetterDocument, _: RuleContext) -> Iterator[Finding]:
    """A letter lives at letters/<YYYY>/<date>-<signatory-slug>-<subject-slug>.md."""
    parts = str(doc.relative).split("/") if doc.relative is not None else []
    if len(parts) != 3 or parts[0] != LETTERS_DIR:
        yield Finding(
            1,
            "file",
            "letters must be in docs/letters/<YYYY>/",
            "move the file into the folder for its year",
        )
        return
    year, name = parts[1], parts[2]
    stem, dot, suffix = name.rpartition(".")
    if not dot or suffix != "md":
        yield Finding(
            1, "file", f"the file name must end in '.md', not '.{suffix}'", "rename the file"
        )
        stem = stem or name
    date = _date_or_none(doc.meta.get("date"))
    if date is None:
        return
    if not _YEAR_FOLDER.match(year) or int(year) != date.year:
        yield Finding(
            doc.line("date"),
            "file",
            f"the letter is dated {date.year} but sits in the folder '{year}'",
            f"move it to docs/letters/{date.year}/",
        )
    yield from _name_findings(doc, stem, date)


def _name_findings(doc: LetterDocument, stem: str, date: LetterDate) -> Iterator[Finding]:
    signatory = _text_or_none(doc.meta.get("signatory"))
    if is_placeholder(signatory):
        signatory = None
    expected = f"{date.iso()}-{slugify(signatory)}-" if signatory else f"{date.iso()}-"
    if stem.startswith(expected) and is_slug(stem[len(expected) :]):
        return
    example = f"{expected}{slugify(_text_or_none(doc.meta.get('title')) or 'subject')}.md"
    if not stem.startswith(f"{date.iso()}-") or (
        stem[len(date.iso()) + 1 : len(date.iso()) + 3].isdigit()
    ):
        yield Finding(
            doc.line("date"),
            "file",
            f"the file name must start with the letter's date '{date.iso()}-'",
            f"rename it to {example}",
        )
        return
    if signatory and not stem.startswith(expected):
        yield Finding(
            doc.line("signatory"),
            "file",
            f"the file name must continue with the signatory's slug '{slugify(signatory)}-'",
            f"rename it to {example}",
        )
        return
    subject = stem[len(expected) :]
    if not is_slug(subject):
        yield Finding(
            1,
            "file",
            "the file name must end with a subject slug (lower-case words and hyphens)",
            f"rename it to {example}",
        )


# ---------------------------------------------------------------------------
# Body rules


def check_body_markup(doc: LetterDocument, _: RuleContext) -> Iterator[Finding]:
    """The letter markup is well formed: known parts, each opened and closed once."""
    yield from doc.parsed_body.findings


def check_body_present(doc: LetterDocument, _: RuleContext) -> Iterator[Finding]:
    """The body holds the letter's text (a warning while a new letter is being filled in)."""
    if not doc.body.strip():
        yield Finding(
            doc.body_line - 1,
            "body",
            "the letter has no text yet",
            "paste the letter's text below the front matter",
            severity="warning",
        )


def check_body_is_plain(doc: LetterDocument, _: RuleContext) -> Iterator[Finding]:
    """The body holds no raw HTML, character references, scripts or attribute lists."""
    for unsafe in find_unsafe(doc.body, first_line=doc.body_line):
        yield Finding(unsafe.line, "body", unsafe.message, unsafe.hint)


def check_body_privacy(doc: LetterDocument, context: RuleContext) -> Iterator[Finding]:
    """The body holds no personal data of private people."""
    for found in find_personal_data(
        doc.body, first_line=doc.body_line, allowlist=context.registers.allowlist
    ):
        yield privacy_finding("body", found, found.line)


def check_verbatim(doc: LetterDocument, _: RuleContext) -> Iterator[Finding]:
    """A letter with a transcript says exactly what it says: every line of the
    transcript, in order, with only part fences and transcriber's notes added."""
    if doc.transcript is None:
        return
    yield from verbatim_differences(
        body_lines(doc.body, doc.parsed_body.fences, first_line=doc.body_line),
        transcript_lines(doc.transcript.text),
        shown=doc.transcript.shown,
    )


LETTER_RULES: tuple[Rule, ...] = (
    check_known_fields,
    check_required_fields,
    check_no_placeholders,
    check_title,
    check_date,
    check_signatory,
    check_constituency,
    check_topics,
    check_campaign,
    check_summary,
    check_source,
    check_metadata_is_plain_text,
    check_metadata_privacy,
    check_location,
    check_body_present,
    check_body_markup,
    check_body_is_plain,
    check_body_privacy,
    check_verbatim,
)


def check_letter(doc: LetterDocument, context: RuleContext) -> list[Finding]:
    """Every finding of every letter rule, sorted by line."""
    findings = [finding for rule in LETTER_RULES for finding in rule(doc, context)]
    return sorted(findings, key=lambda finding: finding.line)


def build_letter(doc: LetterDocument) -> Letter:
    """The model of a letter that passed every rule."""
    meta = doc.meta
    if doc.relative is None:
        raise SourceError("the letter is outside the docs folder")
    try:
        return Letter(
            path=doc.relative,
            title=require_text(meta["title"]),
            date=parse_letter_date(meta["date"]),
            signatory=require_text(meta["signatory"]),
            constituency=require_text(meta["constituency"]),
            topics=tuple(require_text_list(meta["topics"])),
            body=doc.body,
            body_line=doc.body_line,
            campaign=_text_or_none(meta.get("campaign")),
            summary=_text_or_none(meta.get("summary")),
            source=_text_or_none(meta.get("source")),
        )
    except (FieldError, KeyError) as error:
        raise SourceError(f"the letter is not valid: {error}") from None


# ---------------------------------------------------------------------------
# Helpers


def _parse_field(
    doc: LetterDocument, key: str, parser: Callable[[object], object]
) -> Iterator[Finding]:
    if key not in doc.meta or is_placeholder(doc.meta[key]):
        return
    try:
        parser(doc.meta[key])
    except FieldError as error:
        yield Finding(doc.line(key), key, error.message, error.hint)


def _metadata_strings(doc: LetterDocument) -> Iterator[tuple[tuple[object, ...], str]]:
    """Every text in the front matter (unknown keys included), with where it is."""
    for key, value in doc.meta.items():
        if isinstance(key, str) and key not in FIELDS:
            yield (key,), key
        if isinstance(value, str):
            yield (key,), value
        elif isinstance(value, list):
            for position, item in enumerate(value):
                if isinstance(item, str):
                    yield (key, position), item


def privacy_finding(field: str, found: PersonalData, line: int) -> Finding:
    return Finding(
        line,
        field,
        f"looks like personal data ({found.kind}: '{found.text}')",
        f"remove it, or write '{found.replacement}' in its place; if it is a public detail, "
        "approve it in docs/_data/allowlist.yml",
    )


def _text_or_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _date_or_none(value: object) -> LetterDate | None:
    try:
        return parse_letter_date(value)
    except FieldError:
        return None


def _fold_match(word: str, titles: dict[str, str]) -> str | None:
    folded = {title.casefold(): slug for title, slug in titles.items()}
    return folded.get(word.casefold())
