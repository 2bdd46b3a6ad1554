"""import_letter.py: fictional transcripts in every layout it promises to read."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from dearconstituent.dates import LetterDate
from dearconstituent.importer import Draft, import_transcript, parse_date_line, strip_honorifics
from dearconstituent.markup import fence_spans
from dearconstituent.registers import load_registers
from dearconstituent.transcripts import body_lines, transcript_lines, verbatim_differences
from dearconstituent.validate import check_archive
from tests.archive import FIRST_LETTER, FIRST_TRANSCRIPT, MEMBERS, ROOT, TODAY, Archive

TRANSCRIPTS = Path(__file__).parent / "fixtures" / "transcripts"
SCRIPT = ROOT / "scripts" / "import_letter.py"

MORE_MEMBERS = """\
- name: Gideon Ashgrove
  seats:
    - constituency: Upper Wexham
      party: Heritage Party
      from: 2015-05-08
- name: Philippa Marrowby
  seats:
    - constituency: Lower Brackfield
      party: Civic Party
      from: 2019-12-13
"""

TOPICS = """\
housing:
  title: Housing
  description: Homes, rents and building.
  keywords: [housing, rents, rent, tenants, homes]
immigration:
  title: Immigration
  description: Visas, asylum and the Home Office.
  keywords: [asylum, visa, Home Office, migrants]
health:
  title: Health
  description: The NHS.
  keywords: [NHS, hospital]
"""

CAMPAIGNS = """\
fair-rents-now:
  title: Fair Rents Now
  description: A fictional campaign for rent controls.
  started: 2018-02-01
  keywords: [Fair Rents Now, rent controls]
"""


@pytest.fixture
def staff(archive: Archive) -> Archive:
    archive.register("members.yml", MEMBERS + MORE_MEMBERS)
    archive.register("topics.yml", TOPICS)
    archive.register("campaigns.yml", CAMPAIGNS)
    return archive


def draft_of(staff: Archive, name: str) -> Draft:
    registers, findings = load_registers(staff.data)
    assert not any(findings.by_file.values()), findings.by_file
    return import_transcript((TRANSCRIPTS / name).read_text(encoding="utf-8"), registers)


@pytest.mark.parametrize(
    ("name", "date", "signatory", "constituency", "title"),
    [
        (
            "day-month-year.txt",
            LetterDate(2021, 3, 14),
            "Morwenna Tregarth",
            "Wexmoor and Lindenholt",
            "Fair rents for private tenants",
        ),
        (
            "ordinal.txt",
            LetterDate(2021, 3, 14),
            "Dr Ifan Callowby",
            "Carrowby North",
            "TODO: a short editorial title",
        ),
        (
            "numeric-letterhead.txt",
            LetterDate(2022, 11, 9),
            "Gideon Ashgrove",
            "Upper Wexham",
            "Asylum accommodation in Upper Wexham",
        ),
        (
            "iso-capitals.txt",
            LetterDate(2024, 1, 19),
            "Philippa Marrowby",
            "Lower Brackfield",
            "Housing and the NHS",
        ),
        (
            "labelled-date.txt",
            LetterDate(2023, 2, 2),
            "Morwenna Tregarth",
            "Wexmoor and Lindenholt",
            "TODO: a short editorial title",
        ),
        (
            "month-only.txt",
            LetterDate(2019, 9),
            "Morwenna Tregarth",
            "Wexmoor and Lindenholt",
            "A Response to the Fair Rents Now Campaign",
        ),
    ],
)
def test_each_layout_gives_date_signatory_and_constituency(
    staff: Archive, name: str, date: LetterDate, signatory: str, constituency: str, title: str
) -> None:
    draft = draft_of(staff, name)
    assert draft.fields["date"] == date
    assert draft.fields["signatory"] == signatory
    assert draft.fields["constituency"] == constituency
    assert draft.fields["title"] == title


def test_the_constituency_falls_back_to_the_register(staff: Archive) -> None:
    draft = draft_of(staff, "labelled-date.txt")
    assert (
        "constituency",
        "Wexmoor and Lindenholt, Morwenna Tregarth's seat on that date (from the members register)",
    ) in draft.found


def test_topics_and_campaign_are_suggested_from_register_keywords(staff: Archive) -> None:
    rents = draft_of(staff, "day-month-year.txt")
    assert rents.fields["topics"] == ["housing"]
    assert rents.fields["campaign"] == "fair-rents-now"
    asylum = draft_of(staff, "numeric-letterhead.txt")
    assert asylum.fields["topics"] == ["immigration"]
    assert asylum.fields["campaign"] is None
    # "NHS" twice scores Health 2, against Housing's 6: under half, so left out.
    nhs = draft_of(staff, "iso-capitals.txt")
    assert nhs.fields["topics"] == ["housing"]


def test_the_body_is_marked_up_and_verbatim(staff: Archive) -> None:
    draft = draft_of(staff, "iso-capitals.txt")
    assert draft.body == (
        "::: letterhead\nHOUSE OF COMMONS\nLONDON SW1A 0AA\n:::\n\n"
        "::: date\n2024-01-19\n:::\n\n"
        "::: salutation\nDear Constituent,\n:::\n\n"
        "::: subject\nHOUSING AND THE NHS\n:::\n\n"
        "Thank you for contacting me about housing for NHS staff.\n\n"
        "::: sign-off\nYours faithfully,\n\n"
        "::: note\nA handwritten signature, appearing to read 'Philippa'.\n:::\n\n"
        "Dame Philippa Marrowby MP\nLower Brackfield constituency\n:::\n"
    )
    assert draft.fields["source"] == "Paper letter, signed by hand (transcript)"


def test_a_one_line_letterhead_stays_a_letterhead(staff: Archive) -> None:
    draft = draft_of(staff, "numeric-letterhead.txt")
    assert draft.body.startswith(
        "::: letterhead\nSir Gideon Ashgrove MP | Member of Parliament for Upper Wexham | "
        "House of Commons\n:::\n\n::: date\n09/11/2022\n:::"
    )
    assert "::: subject\nSubject: Asylum accommodation in Upper Wexham\n:::" in draft.body


def test_what_cannot_be_found_is_a_placeholder_the_validator_refuses(staff: Archive) -> None:
    draft = draft_of(staff, "nothing-to-find.txt")
    assert {field for field, _ in draft.missing} == {
        "date",
        "signatory",
        "constituency",
        "title",
        "topics",
    }
    path = staff.raw("undated/" + draft.name, draft.text())
    problems = check_archive(staff.docs, [path], today=TODAY).problems
    unfilled = {
        problem.field for problem in problems if problem.message == "still has to be filled in"
    }
    assert unfilled == {"title", "date", "signatory", "constituency", "topics"}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("September 2019.", LetterDate(2019, 9)),
        ("14 March 2021", LetterDate(2021, 3, 14)),
        ("14th March 2021", LetterDate(2021, 3, 14)),
        ("1st Sept 2020", LetterDate(2020, 9, 1)),
        ("Monday, 3rd of May 2021", LetterDate(2021, 5, 3)),
        ("09/11/2022", LetterDate(2022, 11, 9)),
        ("2024-01-19", LetterDate(2024, 1, 19)),
        ("Date: 2 February 2023", LetterDate(2023, 2, 2)),
        ("31/02/2021", None),
        ("Thank you for your letter of 14 March 2021.", None),
        ("", None),
    ],
)
def test_date_lines(line: str, expected: LetterDate | None) -> None:
    assert parse_date_line(line) == expected


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("The Rt. Hon. Alister Jack MP", "Alister Jack"),
        ("Rt Hon Ifan Callowby", "Ifan Callowby"),
        ("Dr Morwenna Tregarth MP", "Morwenna Tregarth"),
        ("Sir Gideon Ashgrove", "Gideon Ashgrove"),
        ("Dame Philippa Marrowby DBE MP", "Philippa Marrowby"),
        ("Morwenna Tregarth M.P.", "Morwenna Tregarth"),
    ],
)
def test_honorifics_are_dropped_from_names(line: str, name: str) -> None:
    assert strip_honorifics(line) == name


def run(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def test_the_first_transcript_reproduces_the_published_letter() -> None:
    result = run(FIRST_TRANSCRIPT, "--dry-run")
    assert result.returncode == 0, result.stderr
    assert result.stdout == FIRST_LETTER.read_text(encoding="utf-8")


def test_the_command_writes_once_and_never_overwrites(staff: Archive) -> None:
    transcript = TRANSCRIPTS / "day-month-year.txt"
    first = run(transcript, "--docs", staff.docs)
    assert first.returncode == 0, first.stderr
    written = staff.docs / "letters/2021/2021-03-14-morwenna-tregarth-fair-rents-now.md"
    assert written.exists()
    assert check_archive(staff.docs, [written], today=TODAY).problems == []
    before = hashlib.sha256(written.read_bytes()).hexdigest()
    second = run(transcript, "--docs", staff.docs)
    assert second.returncode == 1
    assert "already exists; nothing was written" in second.stderr
    assert hashlib.sha256(written.read_bytes()).hexdigest() == before


def test_the_command_keeps_the_transcript_beside_the_letter(staff: Archive) -> None:
    transcript = TRANSCRIPTS / "day-month-year.txt"
    result = run(transcript, "--docs", staff.docs)
    assert result.returncode == 0, result.stderr
    letter = staff.docs / "letters/2021/2021-03-14-morwenna-tregarth-fair-rents-now.md"
    kept = staff.docs / "_transcripts/2021/2021-03-14-morwenna-tregarth-fair-rents-now.txt"
    assert f"Kept the transcript, as received, at {kept}" in result.stdout
    assert kept.read_bytes() == transcript.read_bytes()
    # The letter is checked against it: a changed word in the letter is caught.
    assert check_archive(staff.docs, [kept], today=TODAY).problems == []
    letter.write_text(
        letter.read_text(encoding="utf-8").replace("faster than", "quicker than"), "utf-8"
    )
    assert [p.field for p in check_archive(staff.docs, today=TODAY).problems] == ["body"]


def test_importing_the_kept_transcript_again_leaves_it_as_it_is(staff: Archive) -> None:
    first = run(TRANSCRIPTS / "day-month-year.txt", "--docs", staff.docs)
    assert first.returncode == 0, first.stderr
    letter = staff.docs / "letters/2021/2021-03-14-morwenna-tregarth-fair-rents-now.md"
    kept = staff.docs / "_transcripts/2021/2021-03-14-morwenna-tregarth-fair-rents-now.txt"
    letter.unlink()
    again = run(kept, "--docs", staff.docs)
    assert again.returncode == 0, again.stderr
    assert "Kept the transcript" not in again.stdout
    assert kept.read_bytes() == (TRANSCRIPTS / "day-month-year.txt").read_bytes()


def test_a_different_transcript_already_kept_is_never_replaced(staff: Archive) -> None:
    kept = staff.transcript(
        "Another text.\n", "2021/2021-03-14-morwenna-tregarth-fair-rents-now.txt"
    )
    result = run(TRANSCRIPTS / "day-month-year.txt", "--docs", staff.docs)
    assert result.returncode == 1
    assert f"{kept} already exists; nothing was written" in result.stderr
    assert kept.read_text(encoding="utf-8") == "Another text.\n"
    assert not (staff.docs / "letters/2021").exists()


def test_personal_data_in_the_transcript_is_pointed_out(staff: Archive, tmp_path: Path) -> None:
    transcript = tmp_path / "letter.txt"
    text = (TRANSCRIPTS / "day-month-year.txt").read_text(encoding="utf-8")
    transcript.write_text(text.replace("Dear Constituent,", "Dear Mrs Pennock,"), "utf-8")
    result = run(transcript, "--docs", staff.docs)
    assert result.returncode == 0, result.stderr
    line = text[: text.index("Dear Constituent,")].count("\n") + 1
    assert (
        f"WARNING {transcript}:{line}: looks like personal data (salutation naming a person: "
        "'Dear Mrs Pennock'): remove it from the transcript and the letter"
    ) in result.stdout


@pytest.mark.parametrize("name", sorted(path.name for path in TRANSCRIPTS.glob("*.txt")))
def test_every_imported_letter_is_verbatim(staff: Archive, name: str) -> None:
    """What the importer makes passes the verbatim rule against its transcript."""
    text = (TRANSCRIPTS / name).read_text(encoding="utf-8")
    draft = import_transcript(text, load_registers(staff.data)[0])
    letter = body_lines(draft.body, fence_spans(draft.body), first_line=1)
    assert list(verbatim_differences(letter, transcript_lines(text), shown=name)) == []


def test_options_override_what_the_transcript_says(staff: Archive) -> None:
    result = run(
        TRANSCRIPTS / "ordinal.txt",
        "--docs",
        staff.docs,
        "--dry-run",
        "--title",
        "Housing targets",
        "--topics",
        "housing",
        "--source",
        "Scanned paper letter",
    )
    assert result.returncode == 0, result.stderr
    assert "title: Housing targets\n" in result.stdout
    assert "topics:\n  - housing\n" in result.stdout
    assert "source: Scanned paper letter\n" in result.stdout


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\x01binary",
        b"\xff\xfe\xfa",
        b"\n\n\n",
        b"Dear\n",
        b"::: note\n",
        b"Yours sincerely,\n",
    ],
)
def test_odd_input_never_gives_a_traceback(staff: Archive, tmp_path: Path, content: bytes) -> None:
    transcript = tmp_path / "odd.txt"
    transcript.write_bytes(content)
    result = run(transcript, "--docs", staff.docs, "--dry-run")
    assert result.returncode in {0, 1}
    assert "Traceback" not in result.stderr


def test_a_bad_date_option_is_a_usage_error(staff: Archive) -> None:
    result = run(TRANSCRIPTS / "ordinal.txt", "--docs", staff.docs, "--date", "14/03/2021")
    assert result.returncode == 2
    assert "--date: '14/03/2021' is not a date" in result.stderr
