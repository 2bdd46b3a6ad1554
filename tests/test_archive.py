"""The archive as a whole: duplicates, and the published first letter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from benchmarks.corpus import generate_corpus
from dearconstituent.markup import letter_words
from dearconstituent.validate import PARALLEL_FROM, check_archive, display_path
from tests.archive import (
    BODY,
    FIRST_LETTER,
    FIRST_TRANSCRIPT,
    ROOT,
    TODAY,
    Archive,
    messages,
    problems_of,
)


def test_the_same_text_is_not_published_twice(archive: Archive) -> None:
    archive.letter()
    copy = archive.letter(
        "2019/2019-03-14-morwenna-tregarth-rents-again.md",
        title="Rents again",
        body=BODY.replace("Constituent,", "Constituent,\n"),
    )
    assert messages(problems_of(archive, copy)) == [
        "1: file: this letter is already published (same text): "
        + _shown(archive, "2019/2019-03-14-morwenna-tregarth-fair-rents.md")
        + " (remove the copy, or correct the existing file instead)"
    ]


def test_the_same_signatory_date_and_title_is_not_published_twice(archive: Archive) -> None:
    archive.letter()
    other = archive.letter(
        "2019/2019-03-14-morwenna-tregarth-fair-rents-2.md",
        body="::: salutation\nDear Constituent,\n:::\n\nA different text.\n",
    )
    result = messages(problems_of(archive))
    assert result == [
        "1: file: this letter is already published (same signatory, date and title): "
        + _shown(archive, "2019/2019-03-14-morwenna-tregarth-fair-rents.md")
        + " (remove the copy, or correct the existing file instead)"
    ]
    assert other.exists()


def test_different_letters_are_not_duplicates(archive: Archive) -> None:
    archive.letter()
    archive.letter(
        "2019/2019-03-14-morwenna-tregarth-homes.md",
        title="Homes",
        body="::: salutation\nDear Constituent,\n:::\n\nOn homes.\n",
    )
    assert problems_of(archive) == []


def test_the_report_carries_the_valid_letters_in_date_order(archive: Archive) -> None:
    archive.letter()
    archive.letter(
        "2018/2018-05-morwenna-tregarth-homes.md", title="Homes", date="2018-05", body="On homes.\n"
    )
    report = check_archive(archive.docs, today=TODAY)
    assert [letter.path.name for letter in report.letters] == [
        "2018-05-morwenna-tregarth-homes.md",
        "2019-03-14-morwenna-tregarth-fair-rents.md",
    ]
    assert report.letters[0].date.as_written() == "May 2018"
    assert report.letters[1].date.as_written() == "14 March 2019"


def test_the_repository_is_valid() -> None:
    report = check_archive(ROOT / "docs")
    assert report.problems == []
    assert len(report.letters) >= 1


def test_the_first_letter_has_the_agreed_metadata() -> None:
    report = check_archive(ROOT / "docs", [FIRST_LETTER])
    [letter] = report.letters
    assert (letter.date.iso(), letter.date.precision) == ("2019-09", "month")
    assert letter.signatory == "Alister Jack"
    assert letter.constituency == "Dumfries and Galloway"
    assert letter.campaign == "mps-not-border-guards"
    assert "immigration" in letter.topics
    member = report.registers.members["Alister Jack"]
    seat = member.seat_for("Dumfries and Galloway", letter.date)
    assert seat is not None
    assert seat.party == "Conservative"
    assert (seat.start, seat.end) == (dt.date(2017, 6, 9), dt.date(2019, 11, 6))
    campaign = report.registers.campaigns["mps-not-border-guards"]
    assert campaign.started == dt.date(2018, 6, 19)
    assert campaign.organisers == ("Global Justice Now", "Migrants Organise")


def test_the_first_letter_is_verbatim() -> None:
    """Every line of the transcript is in the body, in order; only the signature is a note."""
    signature = "A handwritten signature in black ink, appearing to read 'Alister Jack'."
    transcript = FIRST_TRANSCRIPT.read_text(encoding="utf-8")
    expected = transcript.strip("\n").replace(f"{signature}\n\n", "")
    report = check_archive(ROOT / "docs", [FIRST_LETTER])
    assert report.problems == []
    body = report.letters[0].body
    assert letter_words(body) == expected
    assert f"::: note\n{signature}\n:::" in body


def test_the_validator_checks_the_first_letter_against_its_transcript(tmp_path: Path) -> None:
    """The real letter passes against the transcript the project keeps; the same
    letter with one word changed fails, at that line."""
    archive = Archive(tmp_path)
    for name in ("members.yml", "topics.yml", "campaigns.yml", "allowlist.yml"):
        archive.register(name, (ROOT / "docs/_data" / name).read_text(encoding="utf-8"))
    name = f"2019/{FIRST_LETTER.name}"
    letter = archive.raw(name, FIRST_LETTER.read_bytes())
    archive.transcript(FIRST_TRANSCRIPT.read_bytes(), f"2019/{FIRST_TRANSCRIPT.name}")
    assert problems_of(archive, letter) == []
    text = FIRST_LETTER.read_text(encoding="utf-8")
    archive.raw(name, text.replace("clear criminality", "obvious criminality"))
    line = text[: text.index("clear criminality")].count("\n") + 1
    found = messages(problems_of(archive, letter))
    assert len(found) == 1
    assert found[0].startswith(f"{line}: body: this line differs from line 24 of ")
    assert found[0].endswith(
        ", from character 106: the transcript has "
        "'…ort what appeared to them to be clear criminality - including ac…', the letter has "
        "'…ort what appeared to them to be obvious criminality - including …' "
        "(copy the line exactly as the transcript has it, the writer's slips included)"
    )


def _shown(archive: Archive, name: str) -> str:
    return display_path(archive.docs / "letters" / name)


@pytest.mark.slow
def test_checking_in_parallel_finds_exactly_what_one_process_finds(tmp_path: Path) -> None:
    corpus = generate_corpus(tmp_path, letters=PARALLEL_FROM + 50, seed=3)
    broken = corpus.letters[7]
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("topics:", "topic:"), encoding="utf-8"
    )
    copy = corpus.letters[400].with_name(corpus.letters[400].stem + "-copy.md")
    copy.write_bytes(corpus.letters[400].read_bytes())
    serial = check_archive(corpus.docs_dir, today=TODAY, jobs=1)
    parallel = check_archive(corpus.docs_dir, today=TODAY, jobs=2)
    assert len(serial.problems) >= 3
    assert parallel.problems == serial.problems
    assert parallel.letters == serial.letters
    assert parallel.files_checked == serial.files_checked
