"""Members with ids and other names, constituencies with boundaries, changes of party:
what the validator, the site and the tools make of them. Every name is fictional but
in the tests that use the repository's own register."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dearconstituent.dates import LetterDate
from dearconstituent.registers import load_registers
from dearconstituent.site import build_site
from dearconstituent.validate import check_archive
from tests.archive import BODY, ROOT, TODAY, Archive, messages, problems_of

MEMBERS = """\
- id: 7001
  name: Morwenna Tregarth
  aliases:
    - Morwenna Tregarth-Pryce
  seats:
    - constituency: Wexmoor and Lindenholt
      party: Civic Party
      from: 2017-06-09
      to: 2019-11-06
    - constituency: Wexmoor and Lindenholt
      party: Civic Party
      from: 2019-12-13
      to: 2024-05-30
    - constituency: Wexmoor and Lindenholt
      party: Civic Party
      from: 2024-07-05
- id: 7002
  name: Ifan Callowby
  seats:
    - constituency: Carrowby North
      party: Heritage Party
      from: 2019-12-13
      to: 2024-05-30
"""
CONSTITUENCIES = """\
- id: 1
  name: Wexmoor and Lindenholt
  ons: E14009001
  from: 2010-04-13
  to: 2024-05-30
- id: 2
  name: Carrowby North
  ons: E14009002
  from: 2010-04-13
  to: 2024-05-30
- id: 3
  name: Wexmoor and Lindenholt
  ons: E14009003
  from: 2024-05-31
  formed_from:
    - id: 1
      name: Wexmoor and Lindenholt
      area: 0.9
    - id: 2
      name: Carrowby North
      area: 0.1
"""
PARLIAMENTS = """\
- number: 57
  from: 2017-06-09
  to: 2019-11-06
- number: 58
  from: 2019-12-13
  to: 2024-05-30
- number: 59
  from: 2024-07-05
"""
CHANGES = """\
- member: 7001
  name: Morwenna Tregarth
  date: 2020-02-18
  party: Independent Group
  source: https://news.example/tregarth-leaves
"""


@pytest.fixture
def parliament(archive: Archive) -> Archive:
    archive.register("members.yml", MEMBERS)
    archive.register("constituencies.yml", CONSTITUENCIES)
    archive.register("parliaments.yml", PARLIAMENTS)
    archive.register("party-changes.yml", CHANGES)
    return archive


def test_the_registers_are_valid(parliament: Archive) -> None:
    assert problems_of(parliament, parliament.data) == []


def test_an_alias_is_not_a_signatory_but_names_the_member(parliament: Archive) -> None:
    parliament.letter(signatory="Morwenna Tregarth-Pryce")
    assert (
        "4: signatory: 'Morwenna Tregarth-Pryce' is another name for Morwenna Tregarth: a "
        "signatory is the name the archive uses (did you mean 'Morwenna Tregarth'?)"
    ) in messages(problems_of(parliament))


def test_the_party_on_the_letters_date_follows_recorded_changes(parliament: Archive) -> None:
    before = parliament.letter()
    after = parliament.letter(
        "2020/2020-03-02-morwenna-tregarth-rents.md",
        body=BODY.replace("rents in Wexmoor", "rents in 2020"),
        date="2020-03-02",
        title="Rents again",
    )
    later = parliament.letter(
        "2024/2024-09-02-morwenna-tregarth-rents.md",
        body=BODY.replace("rents in Wexmoor", "rents in 2024"),
        date="2024-09-02",
        title="Rents later",
    )
    report = check_archive(parliament.docs, today=TODAY)
    assert report.problems == []
    site = build_site(report.letters, report.registers)
    parties = {
        path.rsplit("/", 1)[-1]: view.party
        for path, view in site.letters.items()
        if path.endswith(tuple(p.name for p in (before, after, later)))
    }
    # Elected for the Civic Party; the Independent Group from 18 February 2020
    # to the end of that term; the Civic Party again when re-elected in 2024.
    assert parties == {
        before.name: "Civic Party",
        after.name: "Independent Group",
        later.name: "Civic Party",
    }


def test_a_name_that_stands_for_two_seats_means_the_one_of_the_letters_date(
    parliament: Archive,
) -> None:
    parliament.letter()
    parliament.letter(
        "2024/2024-09-02-morwenna-tregarth-rents.md",
        body=BODY.replace("rents in Wexmoor", "rents in 2024"),
        date="2024-09-02",
        title="Rents later",
    )
    report = check_archive(parliament.docs, today=TODAY)
    site = build_site(report.letters, report.registers)
    links = sorted(view.constituency.url for view in site.letters.values())
    assert links == [
        "constituencies/wexmoor-and-lindenholt-2010/",
        "constituencies/wexmoor-and-lindenholt/",
    ]
    current = site.pages["constituencies/wexmoor-and-lindenholt/index.md"].data
    assert [(p.constituency.title, p.share) for p in current.predecessors] == [  # type: ignore[union-attr]
        ("Wexmoor and Lindenholt", "90.0%"),
        ("Carrowby North", "10.0%"),
    ]
    # A former seat without letters has no page, and is named without a link.
    assert "constituencies/carrowby-north/index.md" not in site.pages
    assert current.predecessors[1].constituency.url == ""  # type: ignore[union-attr]


def test_only_sitting_mps_and_those_with_letters_have_pages(parliament: Archive) -> None:
    report = check_archive(parliament.docs, today=TODAY)
    site = build_site(report.letters, report.registers)
    assert "mps/morwenna-tregarth/index.md" in site.pages
    assert "mps/ifan-callowby/index.md" not in site.pages


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            CHANGES.replace("member: 7001", "member: 7999"),
            "1: member: no member has the id 7999 (use the id in members.yml)",
        ),
        (
            CHANGES.replace("name: Morwenna Tregarth", "name: Ifan Callowby"),
            "2: name: member 7001 is 'Morwenna Tregarth' (correct the name, or the id)",
        ),
        (
            CHANGES.replace("2020-02-18", "2019-11-20"),
            "3: date: Morwenna Tregarth held no seat on 2019-11-20 (a party change falls "
            "within one of the member's terms)",
        ),
        (
            CHANGES.replace("https://news.example/tregarth-leaves", "a newspaper"),
            "5: source: must be the address of a public web page that records it (https://…)",
        ),
    ],
)
def test_a_party_change_must_hold_together(
    parliament: Archive, changes: str, expected: str
) -> None:
    parliament.register("party-changes.yml", changes)
    assert expected in messages(problems_of(parliament, parliament.data / "party-changes.yml"))


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        (
            MEMBERS.replace("    - Morwenna Tregarth-Pryce", "    - Ifan Callowby"),
            "'Ifan Callowby' would name both Morwenna Tregarth and Ifan Callowby",
        ),
        (MEMBERS.replace("id: 7002", "id: 7001"), "the id 7001 is also Morwenna Tregarth's"),
        (
            MEMBERS.replace("Carrowby North", "Carrowby South"),
            "'Carrowby South' is not a constituency of constituencies.yml in force from "
            "2019-12-13 to 2024-05-30",
        ),
    ],
)
def test_members_ids_aliases_and_seats_must_hold_together(
    parliament: Archive, members: str, expected: str
) -> None:
    parliament.register("members.yml", members)
    found = messages(problems_of(parliament, parliament.data / "members.yml"))
    assert any(expected in message for message in found), found


@pytest.mark.parametrize(
    ("parliaments", "expected"),
    [
        (
            PARLIAMENTS.replace("from: 2019-12-13", "from: 2019-11-01"),
            "5: from: Parliament 58 begins before Parliament 57 ends",
        ),
        (PARLIAMENTS.replace("number: 59", "number: fifty"), "7: number:"),
        (PARLIAMENTS + "  until: 2029-01-01\n", "until"),
    ],
)
def test_the_parliaments_follow_one_another(
    parliament: Archive, parliaments: str, expected: str
) -> None:
    parliament.register("parliaments.yml", parliaments)
    found = messages(problems_of(parliament, parliament.data / "parliaments.yml"))
    assert any(expected in message for message in found), found


def test_a_letter_counts_in_the_parliament_of_its_date(parliament: Archive) -> None:
    registers, _ = load_registers(parliament.data)
    assert [p.number for p in registers.parliaments] == [57, 58, 59]
    assert registers.parliament_on(dt.date(2019, 11, 6)).number == 57  # type: ignore[union-attr]
    assert registers.parliament_on(dt.date(2019, 11, 20)) is None  # dissolved
    assert registers.parliament_on(dt.date(2026, 12, 1)).label == "the 2024 Parliament"  # type: ignore[union-attr]


# ---------------------------------------------------------------------------
# The repository's register, through the tools


@pytest.fixture
def real_registers(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs" / "_data", docs / "_data")
    return docs


def run(script: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def test_new_letter_knows_every_mp_and_their_seat_on_the_date(real_registers: Path) -> None:
    result = run(
        "new_letter.py",
        "--docs",
        real_registers,
        "--signatory",
        "Keir Starmer",
        "--date",
        "2023-03-14",
        "--title",
        "Reply on housing",
        "--topics",
        "immigration",
    )
    assert result.returncode == 0, result.stderr
    (written,) = (real_registers / "letters/2023").glob("*.md")
    assert "signatory: Keir Starmer\nconstituency: Holborn and St Pancras\n" in written.read_text()


def test_a_signature_in_another_spelling_is_imported_as_the_archives_name(
    real_registers: Path, tmp_path: Path
) -> None:
    transcript = tmp_path / "letter.txt"
    transcript.write_text(
        "HOUSE OF COMMONS\nLONDON SW1A 0AA\n\n14 March 2022\n\nDear Constituent,\n\n"
        "Thank you for writing to me.\n\nYours sincerely,\n\nThe Rt Hon Elizabeth Truss MP\n",
        encoding="utf-8",
    )
    result = run("import_letter.py", transcript, "--docs", real_registers, "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "signatory: Liz Truss\nconstituency: South West Norfolk\n" in result.stdout
    assert "found   signatory: Liz Truss from line 12: 'The Rt Hon Elizabeth Truss MP'" in (
        result.stderr
    )


def test_the_real_register_gives_a_defectors_party_on_the_day() -> None:
    registers, _ = load_registers(ROOT / "docs/_data")
    wakeford = registers.members["Christian Wakeford"]
    seat = wakeford.seat_for("Bury South", LetterDate(2022, 1, 18))
    assert seat is not None
    assert wakeford.party_on(seat, dt.date(2022, 1, 18)) == "Conservative"
    assert wakeford.party_on(seat, dt.date(2022, 1, 19)) == "Labour"
    assert wakeford.party_changes[0].source.startswith("https://")
