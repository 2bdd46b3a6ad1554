"""letter_from_issue.py: an issue form, as GitHub writes it, into a letter file.

The fixtures (tests/fixtures/issues/) are fictional submissions laid out as
GitHub writes a submitted issue form: ``### <label>`` headings, CRLF line
ends, ``_No response_`` for an optional field left empty, the letter in a
``text`` code fence.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dearconstituent.dates import LetterDate
from dearconstituent.issueform import FORM, FormError, checked, parse_answers, read_form
from dearconstituent.issueletter import answer_date, campaign_slug, title
from dearconstituent.registers import load_registers
from tests.archive import MEMBERS, ROOT, Archive
from tests.test_import_letter import CAMPAIGNS, MORE_MEMBERS, TOPICS

ISSUES = Path(__file__).parent / "fixtures" / "issues"
SCRIPT = ROOT / "scripts" / "letter_from_issue.py"
IMPORT = ROOT / "scripts" / "import_letter.py"


@pytest.fixture
def staff(archive: Archive) -> Archive:
    archive.register("members.yml", MEMBERS + MORE_MEMBERS)
    archive.register("topics.yml", TOPICS)
    archive.register("campaigns.yml", CAMPAIGNS)
    return archive


def run(script: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(script), *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def from_issue(staff: Archive, name: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return run(
        SCRIPT,
        "--body",
        ISSUES / name,
        "--issue",
        "42",
        "--docs",
        staff.docs,
        "--comment",
        tmp_path / "comment.md",
        "--outputs",
        tmp_path / "outputs.txt",
    )


def outputs(tmp_path: Path) -> dict[str, str]:
    lines = (tmp_path / "outputs.txt").read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines)


def test_the_form_is_read_from_the_repositorys_issue_template() -> None:
    form = read_form(ROOT / FORM)
    assert form.template == "letter.yml"
    assert [field.id for field in form.fields] == [
        "mp",
        "constituency",
        "date",
        "subject",
        "campaign",
        "source",
        "text",
        "confirm",
    ]
    assert form.field("text").render == "text"
    assert "letter" in form.labels


def test_the_answers_are_read_as_github_writes_them() -> None:
    form = read_form(ROOT / FORM)
    answers = parse_answers((ISSUES / "clean.md").read_text(encoding="utf-8"), form)
    assert answers["mp"] == "Morwenna Tregarth"
    assert answers["date"] == "14 March 2021"
    assert answers["campaign"] == "Fair Rents Now"
    assert answers["source"] == "Paper letter"
    text = answers["text"] or ""
    assert text.startswith("Dr Morwenna Tregarth MP\nHouse of Commons")
    assert text.endswith("Member of Parliament for Wexmoor and Lindenholt")
    assert "\r" not in text and "```" not in text
    assert len(checked(answers["confirm"])) == 4
    empty = parse_answers((ISSUES / "month-no-campaign.md").read_text(encoding="utf-8"), form)
    assert empty["campaign"] is None


def test_a_body_that_is_not_the_form_is_refused_with_what_is_missing() -> None:
    form = read_form(ROOT / FORM)
    with pytest.raises(FormError, match="'MP's name', 'Constituency'"):
        parse_answers((ISSUES / "not-a-form.md").read_text(encoding="utf-8"), form)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("14 March 2021", LetterDate(2021, 3, 14)),
        ("2021-03-14", LetterDate(2021, 3, 14)),
        ("March 2021", LetterDate(2021, 3)),
        ("14/03/2021", LetterDate(2021, 3, 14)),
        ("sometime last spring", None),
        ("31 February 2021", None),
    ],
)
def test_the_date_answer_is_read_in_the_usual_forms(
    answer: str, expected: LetterDate | None
) -> None:
    assert answer_date(answer) == expected


def test_the_campaign_and_title_answers(staff: Archive) -> None:
    registers, _ = load_registers(staff.data)
    assert campaign_slug("fair rents now", registers) == "fair-rents-now"
    assert campaign_slug("Fair-Rents-Now", registers) == "fair-rents-now"
    assert campaign_slug("Rents Fair Never", registers) is None
    assert title("  fair rents   for tenants ") == "Fair rents for tenants"


@pytest.mark.parametrize("name", ["clean.md", "month-no-campaign.md"])
def test_an_issue_makes_the_letter_import_letter_makes_from_the_same_text(
    staff: Archive, tmp_path: Path, name: str
) -> None:
    result = from_issue(staff, name, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    made = outputs(tmp_path)
    assert made["result"] == "written"
    letter = staff.docs.parent / made["path"]
    # The same text through import_letter.py, the answers as its options.
    form = read_form(ROOT / FORM)
    answers = parse_answers((ISSUES / name).read_text(encoding="utf-8"), form)
    other = Archive(tmp_path / "other")
    other.register("members.yml", MEMBERS + MORE_MEMBERS)
    other.register("topics.yml", TOPICS)
    other.register("campaigns.yml", CAMPAIGNS)
    transcript = tmp_path / "transcript.txt"
    transcript.write_text((answers["text"] or "") + "\n", encoding="utf-8")
    options = [
        f"--signatory={answers['mp']}",
        f"--constituency={answers['constituency']}",
        f"--date={answer_date(answers['date']).iso()}",  # type: ignore[union-attr]
        f"--title={title(answers['subject'] or '')}",
        f"--source={answers['source']} (issue #42)",
    ]
    if answers["campaign"]:
        options.append("--campaign=fair-rents-now")
    imported = run(IMPORT, transcript, "--docs", other.docs, *options)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    twin = other.docs / letter.relative_to(staff.docs)
    assert letter.read_bytes() == twin.read_bytes()
    kept = staff.docs / "_transcripts" / letter.relative_to(staff.docs / "letters")
    assert kept.with_suffix(".txt").read_bytes() == transcript.read_bytes()
    comment = (tmp_path / "comment.md").read_text(encoding="utf-8")
    assert f"`{made['path']}`" in comment
    assert "The archive's checks found nothing to fix." in comment


def test_personal_data_stops_the_letter_and_is_never_repeated(
    staff: Archive, tmp_path: Path
) -> None:
    result = from_issue(staff, "personal-data.md", tmp_path)
    assert result.returncode == 3
    assert outputs(tmp_path) == {"result": "refused"}
    comment = (tmp_path / "comment.md").read_text(encoding="utf-8")
    for kind_and_place in (
        "a postcode in line 8 of the letter",
        "a salutation naming a person in line 10 of the letter",
        "a case or reference number in line 14 of the letter",
        "a UK phone number in line 19 of the letter",
    ):
        assert kind_and_place in comment, comment
    for secret in ("Bloggs", "WX1 2AB", "MT/2021/0345", "07700 900123", "Mill Lane"):
        assert secret not in comment
        assert secret not in result.stdout + result.stderr
    assert "Delete that revision" in comment
    assert not list((staff.docs / "letters").rglob("*.md"))


def test_an_issue_that_is_not_a_form_makes_nothing(staff: Archive, tmp_path: Path) -> None:
    result = from_issue(staff, "not-a-form.md", tmp_path)
    assert result.returncode == 1
    assert outputs(tmp_path) == {"result": "invalid"}
    assert "these answers are missing" in (tmp_path / "comment.md").read_text(encoding="utf-8")
