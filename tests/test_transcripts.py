"""Transcripts kept beside the archive, and the rule that a letter says exactly what its
transcript says. Every letter, MP and place here is fictional."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from dearconstituent.layout import letter_for, transcript_for
from dearconstituent.transcripts import Line, verbatim_differences
from dearconstituent.validate import check_archive, display_path
from tests.archive import BODY, TODAY, Archive, messages, problems_of

TRANSCRIPT = """\
HOUSE OF COMMONS
LONDON SW1A 0AA

Dear Constituent,

Thank you for contacting me about rents in Wexmoor.

I share your concern and will raise it with the Minister.

Yours sincerely,

A handwritten signature.

Morwenna Tregarth MP
"""
"""What the default letter of tests.archive was made from: its signature line became a note."""

KEPT = "2019/2019-03-14-morwenna-tregarth-fair-rents.txt"
BODY_START = 10
"""The default letter's first body line, after six fields, the fences and a blank line."""


def body_line(text: str, body: str = BODY) -> int:
    """The file line of the line holding ``text`` in a letter with ``body``."""
    return BODY_START + body[: body.index(text)].count("\n")


def shown(archive: Archive, name: str = KEPT) -> str:
    return display_path(archive.docs / "_transcripts" / name)


@pytest.fixture
def kept(archive: Archive) -> Path:
    archive.letter()
    return archive.transcript(TRANSCRIPT)


def test_a_letter_that_says_what_its_transcript_says_is_valid(archive: Archive, kept: Path) -> None:
    assert problems_of(archive) == []
    assert check_archive(archive.docs, today=TODAY).files_checked == 4 + 2


def test_one_changed_word_is_named_with_both_versions(archive: Archive, kept: Path) -> None:
    archive.letter(body=BODY.replace("raise it with", "raise this with"))
    assert messages(problems_of(archive)) == [
        f"{body_line('I share')}: body: this line differs from line 8 of {shown(archive)}, "
        "from character 37: the transcript has '…are your concern and will raise it with "
        "the Minister.', the letter has '…are your concern and will raise this with the "
        "Minister.' "
        "(copy the line exactly as the transcript has it, the writer's slips included)"
    ]


def test_a_corrected_slip_is_a_difference(archive: Archive) -> None:
    """Verbatim means the writer's slips too: "peoples'" must not become "people's"."""
    archive.letter(body=BODY.replace("rents in Wexmoor", "peoples' rents"))
    archive.transcript(TRANSCRIPT.replace("rents in Wexmoor", "peoples' rents"))
    assert problems_of(archive) == []
    archive.letter(body=BODY.replace("rents in Wexmoor", "people's rents"))
    assert [problem.line for problem in problems_of(archive)] == [body_line("Thank you")]


def test_a_line_left_out_is_named(archive: Archive, kept: Path) -> None:
    body = BODY.replace("I share your concern and will raise it with the Minister.\n", "")
    archive.letter(body=body)
    assert messages(problems_of(archive)) == [
        f"{body_line('Yours', body)}: body: line 8 of {shown(archive)} "
        "is missing before this line: "
        "'I share your concern and will raise it with the Minister.' "
        "(copy the transcript's line into the letter, word for word)"
    ]


def test_an_added_line_is_named(archive: Archive, kept: Path) -> None:
    body = BODY.replace("I share", "I am a busy MP.\n\nI share")
    archive.letter(body=body)
    assert messages(problems_of(archive)) == [
        f"{body_line('I am', body)}: body: this line is not in the transcript ({shown(archive)}): "
        "'I am a busy MP.' "
        "(remove it, or put editorial words in a transcriber's note ('::: note'))"
    ]


def test_a_letter_that_stops_early_is_named(archive: Archive, kept: Path) -> None:
    archive.transcript(TRANSCRIPT + "\nPS: the surgery is on Fridays.\n")
    problems = messages(problems_of(archive))
    assert problems == [
        f"{body_line('Morwenna Tregarth MP')}: body: the letter ends before the transcript does: "
        f"line 16 of {shown(archive)} is missing: 'PS: the surgery is on Fridays.' "
        "(copy the rest of the transcript into the letter, word for word)"
    ]


def test_a_letter_that_goes_on_after_the_transcript_is_named(archive: Archive) -> None:
    archive.letter()
    archive.transcript(TRANSCRIPT.replace("\nMorwenna Tregarth MP\n", ""))
    assert messages(problems_of(archive)) == [
        f"{body_line('Morwenna Tregarth MP')}: body: this line is not in the transcript "
        f"({shown(archive)} ends before it): 'Morwenna Tregarth MP' "
        "(remove it, or put editorial words in a transcriber's note ('::: note'))"
    ]


def test_transcribers_notes_and_fences_are_the_only_additions(archive: Archive, kept: Path) -> None:
    """A note the transcript lacks is editorial and allowed; a described signature in the
    transcript may be a note; the same words outside a note are not allowed."""
    added_note = BODY.replace(
        "Dear Constituent,\n:::", "Dear Constituent,\n\n::: note\nStamped 'RECEIVED'.\n:::\n:::"
    )
    archive.letter(body=added_note)
    assert problems_of(archive) == []
    unmarked = BODY.replace("::: note\nA handwritten signature.\n:::", "A handwritten signature.")
    archive.letter(body=unmarked)
    assert problems_of(archive) == []
    archive.letter(body=BODY.replace("Dear Constituent,\n:::", "Dear Constituent,\nStamped.\n:::"))
    assert [problem.message[:40] for problem in problems_of(archive)] == [
        "this line is not in the transcript (" + shown(archive)[:4]
    ]


def test_layout_is_not_compared(archive: Archive) -> None:
    """Blank lines, spacing at either end of a line, CRLF and a byte order mark are layout."""
    archive.letter()
    spaced = "\n\n" + TRANSCRIPT.replace("Dear Constituent,\n", "   Dear Constituent,   \n\n\n")
    archive.transcript(("\ufeff" + spaced.replace("\n", "\r\n")).encode())
    assert problems_of(archive) == []


def test_spacing_inside_a_line_is_compared(archive: Archive, kept: Path) -> None:
    archive.letter(body=BODY.replace("rents in Wexmoor", "rents  in Wexmoor"))
    assert [problem.line for problem in problems_of(archive)] == [body_line("Thank you")]


def test_a_letter_without_a_transcript_is_not_compared(archive: Archive) -> None:
    archive.letter()
    archive.transcript(TRANSCRIPT, "2019/2019-03-14-morwenna-tregarth-other.txt")
    assert [problem.field for problem in problems_of(archive)] == ["transcript"]
    assert problems_of(archive, archive.docs / "letters") == []


def test_a_transcript_without_its_letter_is_reported_with_the_nearest_name(
    archive: Archive, kept: Path
) -> None:
    stray = archive.transcript(TRANSCRIPT, "2019/2019-03-14-morwenna-tregarth-fair-rent.txt")
    assert messages(problems_of(archive)) == [
        "1: transcript: this transcript has no letter: there is no "
        "docs/letters/2019/2019-03-14-morwenna-tregarth-fair-rent.md "
        "(rename it after its letter: did you mean "
        "'2019-03-14-morwenna-tregarth-fair-rents.txt'?)"
    ]
    assert problems_of(archive)[0].path == display_path(stray)


def test_a_transcript_in_the_wrong_place_is_reported(archive: Archive, kept: Path) -> None:
    archive.transcript(TRANSCRIPT, "fair-rents.txt")
    archive.transcript(TRANSCRIPT, "2019/2019-03-14-morwenna-tregarth-fair-rents.md")
    problems = problems_of(archive)
    assert [
        (problem.path.rsplit("_transcripts/", 1)[1], problem.message) for problem in problems
    ] == [
        (
            "2019/2019-03-14-morwenna-tregarth-fair-rents.md",
            "a transcript must be at docs/_transcripts/<YYYY>/<the letter's name>.txt, "
            "not docs/_transcripts/2019/2019-03-14-morwenna-tregarth-fair-rents.md",
        ),
        (
            "fair-rents.txt",
            "a transcript must be at docs/_transcripts/<YYYY>/<the letter's name>.txt, "
            "not docs/_transcripts/fair-rents.txt",
        ),
    ]


def test_checking_a_transcript_checks_its_letter_against_it(archive: Archive, kept: Path) -> None:
    letter = archive.letter(body=BODY.replace("rents in Wexmoor", "rent in Wexmoor"))
    report = check_archive(archive.docs, [kept], today=TODAY)
    assert [problem.path for problem in report.problems] == [display_path(letter)]
    assert report.files_checked == 2
    folder = check_archive(archive.docs, [archive.docs / "_transcripts"], today=TODAY)
    assert folder.problems == report.problems


def test_personal_data_in_a_transcript_is_reported_there(archive: Archive) -> None:
    """The transcript is public in the repository: the same gate applies to it."""
    archive.letter(body=BODY.replace("Dear Constituent,", "Dear [name removed],"))
    kept = archive.transcript(TRANSCRIPT.replace("Dear Constituent,", "Dear Mrs Pennock,"))
    problems = problems_of(archive)
    assert (problems[0].path, problems[0].line, problems[0].field, problems[0].message) == (
        display_path(kept),
        4,
        "transcript",
        "looks like personal data (salutation naming a person: 'Dear Mrs Pennock')",
    )
    # … and the letter, which differs from it, is named too.
    assert [problem.field for problem in problems[1:]] == ["body"]


def test_a_transcript_that_is_not_text_is_reported(archive: Archive) -> None:
    archive.letter()
    kept = archive.transcript(b"HOUSE OF COMMONS\n\x00\x01")
    problems = problems_of(archive)
    assert [(problem.path, problem.line, problem.message) for problem in problems] == [
        (display_path(kept), 2, "the file is binary, not text")
    ]


def test_a_letter_and_its_transcript_find_each_other(tmp_path: Path) -> None:
    letter = PurePosixPath("letters/2019/2019-09-mp-subject.md")
    transcript = transcript_for(tmp_path, letter)
    assert transcript == tmp_path / "_transcripts/2019/2019-09-mp-subject.txt"
    assert letter_for(tmp_path, PurePosixPath("_transcripts/2019/2019-09-mp-subject.txt")) == (
        tmp_path / letter
    )
    assert transcript_for(tmp_path, PurePosixPath("about.md")) is None
    assert letter_for(tmp_path, PurePosixPath("_transcripts/notes.txt")) is None


def test_only_the_first_difference_is_reported() -> None:
    letter = [Line(1, "one"), Line(2, "too"), Line(3, "tree")]
    transcript = [Line(1, "one"), Line(2, "two"), Line(3, "three")]
    found = list(verbatim_differences(letter, transcript, shown="t.txt"))
    assert [(item.line, item.message[:42]) for item in found] == [
        (2, "this line differs from line 2 of t.txt, fr")
    ]
