"""The register from Parliament's election results: importing a small cut of the real
files (tests/fixtures/psephology), and the register the project commits."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

from dearconstituent.psephology import (
    Corrections,
    MemberRecord,
    Term,
    check_general_elections,
    members,
    read_results,
)
from dearconstituent.registers import load_registers
from dearconstituent.validate import check_archive
from tests.archive import ROOT, TODAY, Archive

CUT = Path(__file__).parent / "fixtures" / "psephology"
SCRIPT = ROOT / "scripts" / "update_members.py"
CORRECTIONS = Corrections(dissolutions={57: dt.date(2019, 11, 6)})
GENERAL_ELECTIONS = {
    55: dt.date(2010, 5, 6),
    56: dt.date(2015, 5, 7),
    57: dt.date(2017, 6, 8),
    58: dt.date(2019, 12, 12),
    59: dt.date(2024, 7, 4),
}


@pytest.fixture(scope="module")
def records() -> dict[int, MemberRecord]:
    return {record.id: record for record in members(read_results(CUT), CORRECTIONS)}


def test_the_parliaments_since_2010_are_read_and_earlier_ones_left_out() -> None:
    results = read_results(CUT)
    assert {number: p.polling_day for number, p in results.parliaments.items()} == (
        GENERAL_ELECTIONS
    )
    assert results.parliaments[59].dissolution is None
    # The periods file dates the 2019 dissolution a day early; the correction fixes it.
    assert results.parliaments[57].dissolution == dt.date(2019, 11, 5)


def test_alister_jacks_terms_are_what_the_register_has_always_said(
    records: dict[int, MemberRecord],
) -> None:
    jack = records[4619]
    assert jack.name == "Alister Jack"
    assert jack.terms == (
        Term("Dumfries and Galloway", "Conservative", dt.date(2017, 6, 9), dt.date(2019, 11, 6)),
        Term("Dumfries and Galloway", "Conservative", dt.date(2019, 12, 13), dt.date(2024, 5, 30)),
    )


def test_a_member_is_one_id_whatever_the_spelling_of_their_name(
    records: dict[int, MemberRecord],
) -> None:
    truss = records[4097]
    # "Elizabeth" in 2010–2019, "Liz" at her latest election (2024, which she lost).
    assert (truss.name, truss.aliases) == ("Liz Truss", ("Elizabeth Truss",))
    assert len(truss.terms) == 4
    johnson = records[4039]
    assert {johnson.name, *johnson.aliases} == {"Jo Johnson", "Joseph Johnson"}


def test_members_who_share_a_name_are_told_apart_by_their_seat(
    records: dict[int, MemberRecord],
) -> None:
    assert records[401].name == "Mike Wood (Batley and Spen)"
    assert records[4384].name == "Mike Wood (Kingswinford and South Staffordshire)"
    assert "Mike Wood" not in records[401].aliases + records[4384].aliases


def test_a_by_election_ends_the_previous_term_the_day_before(
    records: dict[int, MemberRecord],
) -> None:
    batley = sorted(
        (term.start, term.end, record.name)
        for record in records.values()
        for term in record.terms
        if term.constituency == "Batley and Spen"
    )
    # 2016 and 2021 by-elections, on 20 October 2016 and 1 July 2021.
    assert [(start, end) for start, end, _ in batley] == [
        (dt.date(2010, 5, 7), dt.date(2015, 3, 30)),
        (dt.date(2015, 5, 8), dt.date(2016, 10, 19)),
        (dt.date(2016, 10, 21), dt.date(2017, 5, 3)),
        (dt.date(2017, 6, 9), dt.date(2019, 11, 6)),
        (dt.date(2019, 12, 13), dt.date(2021, 6, 30)),
        (dt.date(2021, 7, 2), dt.date(2024, 5, 30)),
    ]


def test_on_the_day_after_each_general_election_its_winners_hold_its_seats(
    records: dict[int, MemberRecord],
) -> None:
    results = read_results(CUT)
    assert list(check_general_elections(results, list(records.values()))) == []
    broken = [
        *records.values(),
        MemberRecord(1, "Nobody", (), (Term("Orpington", "X", dt.date(2010, 5, 7), None),)),
    ]
    assert list(check_general_elections(results, broken)) != []


def test_a_2024_seat_knows_the_seats_it_was_formed_from() -> None:
    results = read_results(CUT)
    seats = {(seat.name, seat.start.year): seat for seat in results.constituencies.values()}
    current = seats[("Dumfries and Galloway", 2024)]
    assert [
        (results.constituencies[i].name, round(share, 3)) for i, share in current.formed_from
    ] == [
        ("Dumfries and Galloway", 0.98),
        ("Dumfriesshire, Clydesdale and Tweeddale", 0.02),
    ]
    # A revised Scottish code still finds its predecessor; an unchanged code is two seats.
    ayr = seats[("Ayr, Carrick and Cumnock", 2024)]
    assert [results.constituencies[i].start.year for i, _ in ayr.formed_from] == [2005]
    assert seats[("Orkney and Shetland", 2005)].id != seats[("Orkney and Shetland", 2024)].id


def update(docs: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(CUT), "--docs", str(docs), *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_script_writes_registers_the_validator_accepts(archive: Archive) -> None:
    shutil.copy(ROOT / "docs/_data/register-corrections.yml", archive.data)
    result = update(archive.docs)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Wrote ")
    written = {
        name: (archive.data / name).read_bytes()
        for name in ("members.yml", "constituencies.yml", "parliaments.yml")
    }
    assert b"commit 774c93e64c4d69a5094d0518aef68060c4d74df0" in written["members.yml"]
    assert b"Open Parliament Licence v3.0" in written["constituencies.yml"]
    assert b"- number: 57\n  from: 2017-06-09\n  to: 2019-11-06\n" in written["parliaments.yml"]
    assert written["parliaments.yml"].endswith(b"- number: 59\n  from: 2024-07-05\n")
    # The fixture's letters are fictional: check the registers alone.
    report = check_archive(archive.docs, [archive.data], today=TODAY)
    assert report.problems == []
    again = update(archive.docs)
    assert again.returncode == 0, again.stderr
    assert {name: (archive.data / name).read_bytes() for name in written} == written


def test_the_script_keeps_the_hand_made_corrections(archive: Archive) -> None:
    archive.register(
        "register-corrections.yml",
        "dissolutions:\n  - parliament: 57\n    date: 2019-11-06\n"
        "    source: https://www.parliament.uk/\n"
        "names:\n  - id: 4097\n    name: Mary Elizabeth Truss\n    source: https://example.org/\n"
        "aliases:\n  - id: 4619\n    aliases: [Sir Alister Jack]\n    source: https://example.org/\n",
    )
    assert update(archive.docs).returncode == 0
    entries = {
        entry["id"]: entry for entry in yaml.safe_load((archive.data / "members.yml").read_text())
    }
    assert entries[4097]["name"] == "Mary Elizabeth Truss"
    assert "Liz Truss" in entries[4097]["aliases"]
    assert entries[4619]["aliases"] == ["Sir Alister Jack"]
    assert entries[4619]["seats"][0]["to"] == dt.date(2019, 11, 6)


def test_the_script_refuses_corrections_without_a_source(archive: Archive) -> None:
    archive.register(
        "register-corrections.yml",
        "dissolutions:\n  - parliament: 57\n    date: 2019-11-06\n",
    )
    result = update(archive.docs)
    assert result.returncode == 1
    assert "register-corrections.yml:2: error: source: is required (add 'source: …')" in (
        result.stderr
    )
    assert not (archive.data / "constituencies.yml").exists()
    assert not (archive.data / "parliaments.yml").exists()


# ---------------------------------------------------------------------------
# The committed register


@pytest.fixture(scope="module")
def committed() -> list[dict[str, object]]:
    data = yaml.safe_load((ROOT / "docs/_data/members.yml").read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


def test_the_committed_register_has_one_member_per_id(committed: list[dict[str, object]]) -> None:
    ids = Counter(entry["id"] for entry in committed)
    assert len(ids) == len(committed) > 1400
    assert max(ids.values()) == 1


def test_on_the_day_after_each_general_election_650_seats_have_one_mp_each() -> None:
    registers, findings = load_registers(ROOT / "docs/_data")
    assert not any(findings.by_file.values())
    for polling_day in GENERAL_ELECTIONS.values():
        day = polling_day + dt.timedelta(days=1)
        held = Counter(
            seat.constituency
            for member in registers.members.values()
            for seat in member.seats
            if seat.covers(day)
        )
        assert len(held) == 650, polling_day
        assert set(held.values()) == {1}, polling_day
    assert sum(member.sitting for member in registers.members.values()) == 650
    assert sum(seat.current for seat in registers.constituencies) == 650
