"""The field table is the one definition of a letter's front matter: everything that
reads, writes or exports a field agrees with it. Every name here is fictional."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from dearconstituent import exports, letterfile, newletter
from dearconstituent.dates import LetterDate
from dearconstituent.errors import FieldError
from dearconstituent.frontmatter import (
    FIELD_NAMES,
    LETTER_FIELDS,
    REQUIRED,
    SUMMARY_LIMIT,
    TITLE_LIMIT,
)
from dearconstituent.letters import build_letter, read_letter
from dearconstituent.model import Letter
from dearconstituent.registers import load_registers
from dearconstituent.site import build_site
from tests.archive import BODY, TODAY, Archive, messages, problems_of

EVERY_FIELD: dict[str, object] = {
    "title": "Reply on fair rents",
    "date": LetterDate(2019, 3, 14),
    "signatory": "Morwenna Tregarth",
    "constituency": "Wexmoor and Lindenholt",
    "topics": ["housing", "immigration"],
    "campaign": "fair-rents-now",
    "summary": "A reply about rents.",
    "source": "Scanned paper letter",
    "redacted": dt.date(2026, 11, 30),
}
REDACTED_BODY = BODY.replace("rents in Wexmoor.", "rents in Wexmoor, [reference removed].")
"""The body of a letter with every field: one that says it was redacted shows where."""


def written_letter(archive: Archive) -> Path:
    """A letter with every field, written by the tools' own writer."""
    text = letterfile.format_letter(EVERY_FIELD, REDACTED_BODY)
    return archive.raw("2019/2019-03-14-morwenna-tregarth-fair-rents.md", text)


def test_the_table_covers_every_field_the_examples_use() -> None:
    assert set(EVERY_FIELD) == set(FIELD_NAMES)
    assert REQUIRED == ("title", "date", "signatory", "constituency", "topics")


def test_the_writer_lists_the_fields_in_the_tables_order(archive: Archive) -> None:
    text = written_letter(archive).read_text(encoding="utf-8")
    keys = [line.split(":")[0] for line in text.split("---")[1].splitlines() if ":" in line]
    assert tuple(keys) == FIELD_NAMES


def test_the_model_has_every_field_and_reads_each_by_its_parser(archive: Archive) -> None:
    model_fields = {field.name for field in dataclasses.fields(Letter)}
    assert set(FIELD_NAMES) <= model_fields
    letter = build_letter(read_letter(written_letter(archive), archive.docs))
    for field in LETTER_FIELDS:
        value = EVERY_FIELD[field.name]
        if isinstance(value, LetterDate):
            written: object = value.iso()
        elif isinstance(value, dt.date):
            written = value.isoformat()
        else:
            written = value
        assert getattr(letter, field.name) == field.parse(written)


def test_the_validator_knows_exactly_the_tables_fields(archive: Archive) -> None:
    path = written_letter(archive)
    assert problems_of(archive, path) == []
    for name in REQUIRED:
        archive.letter(omit=[name])
        assert f"1: {name}: is required (add '{name}: …' to the front matter)" in messages(
            problems_of(archive)
        )
    archive.letter(language="en")
    assert any(": language: unknown field" in message for message in messages(problems_of(archive)))


def test_the_exports_give_every_field_in_the_tables_order(archive: Archive) -> None:
    assert [name for name in exports.FIELDS if name in FIELD_NAMES] == list(FIELD_NAMES)
    schema = json.loads(exports.letters_schema(site_url=None))
    properties = schema["$defs"]["letter"]["properties"]
    assert list(properties) == list(exports.FIELDS)
    for field in LETTER_FIELDS:
        assert properties[field.name] == dict(field.schema)
    letter = build_letter(read_letter(written_letter(archive), archive.docs))
    registers, _ = load_registers(archive.data)
    site = build_site([letter], registers)
    (view,) = site.letters.values()
    record = exports.letter_record(view, "text", None)
    assert list(record) == list(exports.FIELDS)
    for field in LETTER_FIELDS:
        assert record[field.name] == field.to_json(getattr(letter, field.name))


def test_limits_are_the_tables_for_the_validator_and_new_letter(archive: Archive) -> None:
    long_title = "x" * (TITLE_LIMIT + 1)
    archive.letter(title=long_title)
    expected = f"is {TITLE_LIMIT + 1} characters long; the limit is {TITLE_LIMIT}"
    assert any(expected in message for message in messages(problems_of(archive)))
    with pytest.raises(FieldError, match=expected):
        newletter.check_title(long_title)
    registers, _ = load_registers(archive.data)
    member = registers.members["Morwenna Tregarth"]
    with pytest.raises(FieldError, match=f"the limit is {SUMMARY_LIMIT}"):
        newletter.plan_letter(
            date=LetterDate(2021, 3, 14),
            member=member,
            title="Rents",
            topics=["housing"],
            summary="y" * (SUMMARY_LIMIT + 1),
        )


def test_new_letter_and_the_validator_word_a_problem_alike(archive: Archive) -> None:
    registers, _ = load_registers(archive.data)
    archive.letter(signatory="Morwena Tregarth")
    (problem,) = [p for p in problems_of(archive) if p.field == "signatory"]
    with pytest.raises(FieldError) as raised:
        newletter.check_signatory("Morwena Tregarth", registers)
    assert (raised.value.message, raised.value.hint) == (problem.message, problem.hint)
    archive.letter(date="2027-01-05")
    (problem,) = [p for p in problems_of(archive) if p.field == "date"]
    with pytest.raises(FieldError) as raised:
        newletter.check_date("2027-01-05", today=TODAY)
    assert (raised.value.message, raised.value.hint) == (problem.message, problem.hint)
    member = registers.members["Morwenna Tregarth"]
    archive.letter(date="2019-11-20")
    (problem,) = [p for p in problems_of(archive) if p.field == "constituency"]
    with pytest.raises(FieldError) as raised:
        newletter.plan_letter(
            date=LetterDate(2019, 11, 20),
            member=member,
            title="Rents",
            topics=["housing"],
            constituency="Wexmoor and Lindenholt",
        )
    assert (raised.value.message, raised.value.hint) == (problem.message, problem.hint)
