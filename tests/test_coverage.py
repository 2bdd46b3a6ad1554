"""Coverage: of the MPs who sat when letters were sent, how many have one published.

Every member, seat and party here is fictional.
"""

from __future__ import annotations

import datetime as dt
import re

import jinja2
import pytest

from dearconstituent.coverage import MIN_LETTERS, coverage, parliaments_sat
from dearconstituent.dates import LetterDate
from dearconstituent.model import Member, Parliament, PartyChange, Registers, Seat
from dearconstituent.views import CoverageFigures
from tests.archive import ROOT

D = dt.date
P57 = Parliament(57, D(2017, 6, 9), D(2019, 11, 6))
P58 = Parliament(58, D(2019, 12, 13), D(2024, 5, 30))
P59 = Parliament(59, D(2024, 7, 5))


def seat(constituency: str, party: str, start: dt.date, end: dt.date | None) -> Seat:
    return Seat(constituency=constituency, party=party, start=start, end=end)


MEMBERS = (
    # Sat through all three Parliaments; left the Civic Party in 2020.
    Member(
        "Morwenna Tregarth",
        (
            seat("Wexmoor", "Civic Party", P57.start, P57.end),
            seat("Wexmoor", "Civic Party", P58.start, P58.end),
            seat("Wexmoor", "Civic Party", P59.start, None),
        ),
        party_changes=(PartyChange(D(2020, 2, 18), "Independent Group", "https://example.org/"),),
    ),
    # Lost in 2024.
    Member(
        "Ifan Callowby",
        (
            seat("Carrowby North", "Heritage Party", P57.start, P57.end),
            seat("Carrowby North", "Heritage Party", P58.start, P58.end),
        ),
    ),
    # Won Carrowby North in 2024.
    Member("Sela Brindmoor", (seat("Carrowby North", "Civic Party", P59.start, None),)),
    # Sat in 2019 for one party, re-elected in 2024 for another.
    Member(
        "Dafydd Orrel",
        (
            seat("Lindenholt", "Heritage Party", P58.start, P58.end),
            seat("Lindenholt", "Civic Party", P59.start, None),
        ),
    ),
    # Left at a by-election in 2021; his successor sat from the day after.
    Member("Tomas Vell", (seat("Upper Fenwick", "Heritage Party", P58.start, D(2021, 3, 3)),)),
    Member(
        "Anwen Hale",
        (
            seat("Upper Fenwick", "Civic Party", D(2021, 3, 5), P58.end),
            seat("Upper Fenwick", "Civic Party", P59.start, None),
        ),
    ),
)
REGISTERS = Registers(
    members={member.name: member for member in MEMBERS}, parliaments=(P57, P58, P59)
)


def sent(*letters: tuple[str, str]) -> list[tuple[str, dt.date]]:
    return [(name, dt.date.fromisoformat(day)) for name, day in letters]


def test_it_counts_the_mps_who_sat_in_the_parliament_the_letters_are_dated_in() -> None:
    found = coverage(sent(("Ifan Callowby", "2020-05-01"), ("Anwen Hale", "2022-01-10")), REGISTERS)
    assert found.parliaments == (P58,)
    assert found.during == "the 2019 Parliament"
    # Everyone who sat in the 2019 Parliament, the by-election's loser and winner alike.
    assert (found.replied, found.sitting) == (2, 5)
    assert {(p.party, p.replied, p.sitting) for p in found.parties} == {
        ("Heritage Party", 1, 3),
        ("Civic Party", 1, 2),
    }


def test_letters_in_several_parliaments_count_everyone_who_sat_in_any() -> None:
    found = coverage(
        sent(("Ifan Callowby", "2018-01-01"), ("Sela Brindmoor", "2025-01-01")), REGISTERS
    )
    assert found.parliaments == (P57, P59)
    assert found.during == "the 2017 and 2024 Parliaments"
    # Morwenna, Ifan (2017) and Morwenna, Sela, Dafydd, Anwen (2024).
    assert (found.replied, found.sitting) == (2, 5)


def test_an_mp_counts_once_for_the_party_of_their_latest_election_then() -> None:
    in_2019 = coverage(sent(("Dafydd Orrel", "2020-01-01")), REGISTERS)
    assert in_2019.party("Heritage Party").replied == 1
    across = coverage(sent(("Dafydd Orrel", "2020-01-01"), ("Anwen Hale", "2025-01-01")), REGISTERS)
    assert across.party("Civic Party").replied == 2
    assert across.party("Heritage Party").replied == 0
    # A defection within a term does not move an MP: Morwenna counts for the Civic Party.
    assert across.party("Independent Group").sitting == 0


def test_figures_are_held_back_until_there_are_enough_letters() -> None:
    letters = sent(*[("Ifan Callowby", "2020-05-01")] * (MIN_LETTERS - 1))
    assert not coverage(letters, REGISTERS).shown
    assert coverage([*letters, *sent(("Anwen Hale", "2022-01-10"))], REGISTERS).shown
    assert coverage([], REGISTERS).parliaments == ()


def test_a_parliament_is_named_for_its_general_election() -> None:
    assert P58.label == "the 2019 Parliament"
    assert REGISTERS.parliament_on(D(2019, 11, 20)) is None  # dissolved
    assert parliaments_sat(REGISTERS.members["Sela Brindmoor"], (P57, P58, P59)) == [P59]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (LetterDate(2024, 7, 1), D(2024, 7, 1)),
        # Dated by its month: the first day of it the member held the seat.
        (LetterDate(2024, 7), D(2024, 7, 5)),
        (LetterDate(2024, 8), D(2024, 8, 1)),
    ],
)
def test_a_letter_counts_on_its_day_or_the_first_day_of_its_month_in_the_seat(
    written: LetterDate, expected: dt.date
) -> None:
    assert REGISTERS.members["Sela Brindmoor"].day_of("Carrowby North", written) == expected


def render_figures(figures: CoverageFigures, *args: str) -> str:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(ROOT / "overrides"), autoescape=True
    )
    module = environment.get_template("partials/dc/figures.html").module
    html = str(module.coverage(figures, *args))  # type: ignore[attr-defined]
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_a_page_says_what_its_figure_is_out_of_and_when_it_runs_to() -> None:
    letters = sent(*[("Ifan Callowby", "2020-05-01")] * 4, ("Anwen Hale", "2022-01-10"))
    found = coverage(letters, REGISTERS)
    text = render_figures(CoverageFigures(found, "3 March 2026", None), "reply", "replies")
    assert (
        "2 of the 5 MPs who sat in the 2019 Parliament have a reply published here: "
        "5 replies in the archive up to 3 March 2026."
    ) in text
    assert "Heritage Party 1 3" in text  # the table by party
    party = CoverageFigures(found, "3 March 2026", None, found.party("Civic Party"))
    assert "1 of the 2 Civic Party MPs who sat" in render_figures(party)
    nobody = CoverageFigures(found, "3 March 2026", None, found.party("Independent Group"))
    assert "No MP was elected for Independent Group in the 2019 Parliament" in (
        render_figures(nobody)
    )


def test_a_page_with_too_few_letters_holds_its_figure_back() -> None:
    found = coverage(sent(("Ifan Callowby", "2020-05-01")), REGISTERS)
    text = render_figures(CoverageFigures(found, "3 March 2026", None))
    assert f"is shown from {MIN_LETTERS} letters on; there is 1 so far." in text
    assert " of the " not in text
