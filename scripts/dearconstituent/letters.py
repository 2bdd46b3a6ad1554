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

from .dates import LetterDate, describe_type
from .errors import FieldError, SourceError
from .findings import Finding
from .frontmatter import (
    FIELD_NAMES,
    FIELDS,
    LETTER_FIELDS,
    REQUIRED,
    known_constituency,
    not_in_future,
    parse_fields,
    registered_campaign,
    registered_member,
    registered_topic,
    seat_held,
)
from .layout import LETTERS_DIR, relative_to_docs
from .letterfile import PLACEHOLDER, is_placeholder
from .markup import ParsedBody, parse_body
from .model import Letter, Registers
from .privacy import REMOVED, REMOVED_MARK, PersonalData, find_personal_data
from .safety import find_unsafe, might_be_unsafe
from .slugs import is_slug, slugify
from .source import read_text, split_front_matter
from .suggest import did_you_mean
from .transcripts import Transcript, body_lines, transcript_lines, verbatim_differences
from .yamlsource import LocatedYaml, load_located

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
            hint = did_you_mean(name, FIELD_NAMES) or f"the fields are: {', '.join(FIELD_NAMES)}"
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


def check_field_forms(doc: LetterDocument, _: RuleContext) -> Iterator[Finding]:
    """Each field has the form its entry in the field table requires: one line of text
    within its length, a real date (YYYY-MM-DD or YYYY-MM), a list of texts, a slug."""
    for field in LETTER_FIELDS:
        if field.name not in doc.meta or is_placeholder(doc.meta[field.name]):
            continue
        try:
            field.parse(doc.meta[field.name])
        except FieldError as error:
            yield Finding(doc.line(field.name), field.name, error.message, error.hint)


def check_date(doc: LetterDocument, context: RuleContext) -> Iterator[Finding]:
    """The date is not in the future."""
    yield from _checked(doc, "date", lambda date: not_in_future(date, today=context.today))


def check_signatory(doc: LetterDocument, context: RuleContext) -> Iterator[Finding]:
    """The signatory is named exactly as in the members register."""
    yield from _checked(doc, "signatory", lambda name: registered_member(name, context.registers))


def check_constituency(doc: LetterDocument, context: RuleContext) -> Iterator[Finding]:
    """The constituency is the seat the signatory held on the letter's date."""
    registers = context.registers
    member = registers.members.get(_value(doc, "signatory") or "")
    date = _value(doc, "date")

    def check(name: str) -> None:
        known_constituency(name, registers)
        if member is not None and date is not None:
            seat_held(member, date, name)

    yield from _checked(doc, "constituency", check)


def check_topics(doc: LetterDocument, context: RuleContext) -> Iterator[Finding]:
    """Topics are distinct slugs from the topics register."""
    topics = _value(doc, "topics") or ()
    for position, topic in enumerate(topics):
        if is_placeholder(topic):
            continue
        line = doc.yaml.line("topics", position)
        try:
            registered_topic(topic, context.registers)
        except FieldError as error:
            yield Finding(line, "topics", error.message, error.hint)
            continue
        if topics.index(topic) != position:
            yield Finding(line, "topics", f"'{topic}' is listed twice", "remove one")


def check_campaign(doc: LetterDocument, context: RuleContext) -> Iterator[Finding]:
    """A campaign, when given, is a slug from the campaigns register."""
    yield from _checked(doc, "campaign", lambda slug: registered_campaign(slug, context.registers))


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
    date = _value(doc, "date")
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
    signatory = _value(doc, "signatory")
    expected = f"{date.iso()}-{slugify(signatory)}-" if signatory else f"{date.iso()}-"
    if stem.startswith(expected) and is_slug(stem[len(expected) :]):
        return
    example = f"{expected}{slugify(_value(doc, 'title') or 'subject')}.md"
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


def check_redacted(doc: LetterDocument, _: RuleContext) -> Iterator[Finding]:
    """A letter said to be redacted shows where: a [removed] mark is in its body, and the day
    of the redaction is not before the letter's."""
    day = _value(doc, "redacted")
    if day is None:
        return
    if not REMOVED_MARK.search(doc.body):
        yield Finding(
            doc.line("redacted"),
            "redacted",
            f"says a part was removed, but the letter has no '{REMOVED}'",
            f"replace what was taken out with {REMOVED}, or remove this field",
        )
    date = _value(doc, "date")
    if date is not None and day < date.first_day:
        yield Finding(
            doc.line("redacted"),
            "redacted",
            f"{day.isoformat()} is before the letter's date",
            "give the day the part was removed from the published letter",
        )


LETTER_RULES: tuple[Rule, ...] = (
    check_known_fields,
    check_required_fields,
    check_no_placeholders,
    check_field_forms,
    check_date,
    check_signatory,
    check_constituency,
    check_topics,
    check_campaign,
    check_redacted,
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
    if doc.relative is None:
        raise SourceError("the letter is outside the docs folder")
    try:
        values = parse_fields(doc.meta)
        return Letter(path=doc.relative, body=doc.body, body_line=doc.body_line, **values)
    except (FieldError, TypeError) as error:
        raise SourceError(f"the letter is not valid: {error}") from None


# ---------------------------------------------------------------------------
# Helpers


def _value(doc: LetterDocument, name: str) -> Any:
    """The field's value as its parser reads it, or None when it is absent, a
    placeholder or not of the right form (which check_field_forms reports)."""
    value = doc.meta.get(name)
    if value is None or is_placeholder(value):
        return None
    try:
        return FIELDS[name].parse(value)
    except FieldError:
        return None


def _checked(doc: LetterDocument, name: str, check: Callable[[Any], object]) -> Iterator[Finding]:
    """What ``check`` finds wrong with the field's value, when it has the right form."""
    value = _value(doc, name)
    if value is None:
        return
    try:
        check(value)
    except FieldError as error:
        yield Finding(doc.line(name), name, error.message, error.hint)


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
