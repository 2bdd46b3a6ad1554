"""Shared-text detection: which letters were sent from the same template.

Every letter here is fictional: invented MPs, seats and policy texts.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import random
import subprocess
import sys
from pathlib import Path, PurePosixPath

import jsonschema
import pytest

from dearconstituent.dates import parse_letter_date
from dearconstituent.exports import templates_schema
from dearconstituent.model import Letter
from dearconstituent.sentencetypes import TextSettings
from dearconstituent.sharedtext import (
    STOCK_PHRASES,
    Settings,
    _Detector,
    find_templates,
    words_of,
)
from tests.archive import ROOT

TEMPLATE = [
    "The Government is committed to a bus network that serves every town and village, "
    "and the Bus Services Improvement Fund has already given local transport authorities "
    "new money to protect routes that would otherwise be lost.",
    "Ministers have also capped single fares so that a journey costs no more than a fixed "
    "amount, which has helped passengers on lower incomes and encouraged people back onto "
    "buses after the pandemic years.",
    "Local authorities now have new powers to franchise their services or to form enhanced "
    "partnerships with operators, and I believe these tools give councils the means to "
    "plan routes around the needs of their communities.",
    "I recognise that some rural routes remain fragile, and the Department for Transport "
    "will publish its assessment of rural connectivity later this year, setting out how "
    "demand responsive services can fill the gaps that fixed routes leave.",
]
"""A policy text as a party might draft it: four paragraphs, about 170 words."""

ADDED = (
    "I travelled on the number twelve service myself last month and saw how much the "
    "route matters to older residents who have no other way to reach the hospital."
)

OTHER_TEXT_SAME_TOPIC = [
    "Buses are a lifeline, and I have argued in the House that funding for routes should "
    "follow passengers rather than operators, so that profitable corridors no longer "
    "subsidise shareholders while villages lose their only service.",
    "My own view is that the fares cap should be made permanent and that councils should "
    "be able to borrow against future fare income to buy their own fleets, as several "
    "European cities have done with considerable success.",
    "I will keep pressing the Secretary of State on both points, and I have written to the "
    "operators in the area to ask why timetables were cut without any consultation.",
]

BOILERPLATE_OPENING = "Thank you for contacting me about bus services."
BOILERPLATE_CLOSING = [
    "Thank you again for taking the time to write to me.",
    "Please do not hesitate to contact me again on this or any other matter.",
]

MPS = [
    ("Morwenna Tregarth", "Wexmoor and Lindenholt"),
    ("Ifan Callowby", "Carrowby North"),
    ("Tamsin Orrel", "Fenwick Vale"),
    ("Bartholomew Quill", "Ashcombe and Rydal Fells"),
    ("Nerys Penhallow", "Tollmouth"),
    ("Crispin Vaunt", "Linden Heath"),
    ("Odile Marchbank", "Saltergate"),
    ("Ewan Strathy", "Kilbrannock"),
]


def letter(
    paragraphs: list[str],
    *,
    mp: int = 0,
    date: str = "2023-05-10",
    path: str | None = None,
    topics: tuple[str, ...] = ("transport",),
    opening: bool = True,
) -> Letter:
    """A fictional letter in the archive's markup, with the usual courtesies around its text."""
    name, seat = MPS[mp]
    own = ([BOILERPLATE_OPENING] if opening else []) + paragraphs + BOILERPLATE_CLOSING
    body = "\n\n".join(
        [
            "::: letterhead\nHOUSE OF COMMONS\nLONDON SW1A 0AA\n:::",
            "::: salutation\nDear Constituent,\n:::",
            *own,
            f"::: sign-off\nYours sincerely,\n\n{name} MP\nMember of Parliament for {seat}\n:::",
        ]
    )
    slug = name.lower().replace(" ", "-")
    return Letter(
        path=PurePosixPath(path or f"letters/{date[:4]}/{date}-{slug}-buses.md"),
        title="Bus services",
        date=parse_letter_date(date),
        signatory=name,
        constituency=seat,
        topics=topics,
        body=body + "\n",
        body_line=9,
    )


def groups_of(letters: list[Letter]) -> list[set[str]]:
    return [set(group.paths) for group in find_templates(letters).groups]


def paths(*letters: Letter) -> set[str]:
    return {item.path.as_posix() for item in letters}


def test_exact_copies_from_different_mps_form_one_group() -> None:
    copies = [letter(TEMPLATE, mp=number, date=f"2023-05-1{number}") for number in range(3)]
    templates = find_templates(copies)
    assert [set(group.paths) for group in templates.groups] == [paths(*copies)]
    group = templates.groups[0]
    assert [member.overlap for member in group.members] == [1.0, 1.0, 1.0]
    assert all(not member.additions and not member.omissions for member in group.members)


def test_detection_leaves_the_cycle_collector_as_it_found_it() -> None:
    letters = [letter(TEMPLATE, mp=0), letter(TEMPLATE, mp=1)]
    assert gc.isenabled()
    find_templates(letters)
    assert gc.isenabled()
    gc.disable()
    try:
        find_templates(letters)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_letter_with_a_sentence_added_stays_in_the_group_and_the_addition_is_named() -> None:
    first = letter(TEMPLATE, mp=0, date="2023-05-10")
    edited = [*TEMPLATE[:2], TEMPLATE[2] + " " + ADDED, *TEMPLATE[3:]]
    second = letter(edited, mp=1, date="2023-05-12")
    templates = find_templates([first, second])
    assert groups_of([first, second]) == [paths(first, second)]
    member = templates.groups[0].member(second.path.as_posix())
    assert member.additions == (ADDED,)
    assert member.omissions == ()
    assert 0.8 < member.overlap < 1.0


def test_a_letter_with_a_paragraph_dropped_stays_in_the_group_and_the_gap_is_named() -> None:
    first = letter(TEMPLATE, mp=0, date="2023-05-10")
    second = letter(TEMPLATE[:1] + TEMPLATE[2:], mp=1, date="2023-05-12")
    templates = find_templates([first, second])
    assert groups_of([first, second]) == [paths(first, second)]
    member = templates.groups[0].member(second.path.as_posix())
    assert member.omissions == (TEMPLATE[1],)
    assert member.overlap == 1.0


def test_light_rewording_keeps_a_letter_in_its_group() -> None:
    reworded = [
        paragraph.replace("believe", "think").replace("fragile", "vulnerable")
        for paragraph in TEMPLATE
    ]
    first, second = letter(TEMPLATE, mp=0), letter(reworded, mp=1, date="2023-06-01")
    assert groups_of([first, second]) == [paths(first, second)]


def test_an_mps_own_name_and_seat_do_not_keep_copies_apart() -> None:
    def personal(mp: int) -> list[str]:
        name, seat = MPS[mp]
        return [f"As the Member of Parliament for {seat}, I, {name}, hear about buses often."]

    copies = [letter(personal(mp) + TEMPLATE, mp=mp, date=f"2023-05-1{mp}") for mp in range(3)]
    templates = find_templates(copies)
    assert [set(group.paths) for group in templates.groups] == [paths(*copies)]
    assert all(member.overlap == 1.0 for member in templates.groups[0].members)


def test_heavy_edits_leave_a_letter_out_of_the_group() -> None:
    # Keeps one paragraph of four, and adds three of its own: most of its text is its own.
    first = letter(TEMPLATE, mp=0)
    heavy = letter(TEMPLATE[:1] + OTHER_TEXT_SAME_TOPIC, mp=1, date="2023-06-01")
    assert groups_of([first, heavy]) == []


def test_letters_sharing_only_courtesies_are_not_grouped() -> None:
    thin = [
        letter(["I will bear your views in mind."], mp=mp, date=f"2023-05-1{mp}") for mp in range(4)
    ]
    assert groups_of(thin) == []


def test_different_texts_on_the_same_topic_stay_apart() -> None:
    first = letter(TEMPLATE, mp=0)
    second = letter(OTHER_TEXT_SAME_TOPIC, mp=1, date="2023-06-01")
    assert groups_of([first, second]) == []


def test_a_paragraph_in_letters_on_many_topics_is_boilerplate() -> None:
    # One MP's standard paragraph about their surgeries, under six letters
    # that are otherwise about different things: they were not sent from
    # one template, and must not be grouped.
    surgeries = (
        "I hold advice surgeries every fortnight in the town hall and the library, and my "
        "caseworkers can be reached by telephone on weekday mornings if you would rather "
        "talk through a problem in person before writing to me again."
    )
    subjects = ["housing", "schools", "farming", "pensions", "policing", "energy"]
    letters = [
        letter(
            [f"On {subject}, my view is set out in my speech of last week.", surgeries],
            mp=0,
            date=f"2023-0{number + 1}-10",
            path=f"letters/2023/2023-0{number + 1}-10-morwenna-tregarth-{subject}.md",
            topics=(subject,),
        )
        for number, subject in enumerate(subjects)
    ]
    assert groups_of(letters) == []
    # Only the discount keeps them apart: counted, the paragraph is most of each
    # letter (though too short to be a text by the site's measure: so is a
    # lower one taken here).
    short = TextSettings(min_words=15)
    assert find_templates(letters, settings=Settings(texts=short)).groups == ()
    counted = Settings(texts=short, spread_letters=len(letters) + 1)
    assert [set(group.paths) for group in find_templates(letters, settings=counted).groups] == [
        paths(*letters)
    ]


def test_a_template_sent_on_one_topic_by_many_is_not_taken_for_boilerplate() -> None:
    copies = [
        letter(TEMPLATE, mp=mp, date=f"2023-05-1{mp}", topics=("transport",)) for mp in range(8)
    ]
    assert groups_of(copies) == [paths(*copies)]


def test_two_templates_on_one_campaign_form_two_groups() -> None:
    first = [letter(TEMPLATE, mp=mp, date=f"2023-05-1{mp}") for mp in range(3)]
    second = [letter(OTHER_TEXT_SAME_TOPIC, mp=mp, date=f"2023-06-1{mp}") for mp in range(3, 6)]
    own = letter(["My own short reply about buses, written on the day."], mp=6)
    found = groups_of([*first, *second, own])
    assert {frozenset(group) for group in found} == {
        frozenset(paths(*first)),
        frozenset(paths(*second)),
    }


def test_the_earliest_letter_represents_its_group_and_members_run_earliest_first() -> None:
    later = letter(TEMPLATE, mp=0, date="2023-07-01")
    earliest = letter(TEMPLATE, mp=1, date="2023-03")
    middle = letter(TEMPLATE, mp=2, date="2023-05-09")
    group = find_templates([later, earliest, middle]).groups[0]
    assert group.representative == earliest.path.as_posix()
    assert group.paths == tuple(item.path.as_posix() for item in (earliest, middle, later))


def test_groups_and_ids_do_not_depend_on_the_order_letters_are_read() -> None:
    letters = [letter(TEMPLATE, mp=mp, date=f"2023-05-1{mp}") for mp in range(4)]
    letters += [letter(OTHER_TEXT_SAME_TOPIC, mp=mp, date=f"2023-06-1{mp}") for mp in range(4, 7)]
    expected = find_templates(letters).groups
    for seed in range(5):
        shuffled = letters[:]
        random.Random(seed).shuffle(shuffled)
        assert find_templates(shuffled).groups == expected


def test_a_group_id_comes_from_its_earliest_letters_words() -> None:
    letters = [letter(TEMPLATE, mp=mp, date=f"2023-05-1{mp}") for mp in range(3)]
    before = find_templates(letters).groups[0].id
    # A later copy joining, or a later copy's file being renamed, keeps the id.
    renamed = letter(TEMPLATE, mp=2, date="2023-05-12", path="letters/2023/renamed-copy.md")
    after = find_templates([*letters[:2], renamed, letter(TEMPLATE, mp=3, date="2024-01-01")])
    assert after.groups[0].id == before
    assert len(before) == 12
    assert int(before, 16) >= 0


def test_group_ids_are_the_same_in_every_process(tmp_path: Path) -> None:
    # Python salts string hashes per process; nothing in detection may depend on them.
    script = (
        "import sys; sys.path[:0] = [sys.argv[1], sys.argv[1] + '/scripts']\n"
        "from tests.test_shared_text import letter, TEMPLATE, OTHER_TEXT_SAME_TOPIC\n"
        "from dearconstituent.sharedtext import find_templates\n"
        "ls = [letter(TEMPLATE, mp=m, date=f'2023-05-1{m}') for m in range(4)]\n"
        "ls += [letter(OTHER_TEXT_SAME_TOPIC, mp=m, date=f'2023-06-1{m}') for m in range(4, 7)]\n"
        "print([(g.id, g.paths) for g in find_templates(ls).groups])\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script, str(ROOT)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("0", "1", "12345")
    }
    assert len(outputs) == 1
    assert outputs.pop().count("letters/2023/") == 7


def test_no_letters_and_one_letter_have_no_groups() -> None:
    assert find_templates([]).groups == ()
    assert find_templates([letter(TEMPLATE)]).groups == ()


def test_a_letter_with_no_words_of_its_own_joins_nothing() -> None:
    empty = [letter([], mp=mp, date=f"2023-05-1{mp}", opening=False) for mp in range(3)]
    assert groups_of(empty) == []


def test_words_are_compared_without_case_punctuation_or_curly_quotes() -> None:
    assert words_of("The Government’s “plan” — IS   working!") == [
        "the",
        "government's",
        "plan",
        "is",
        "working",
    ]


def test_stock_phrases_are_written_as_they_are_compared() -> None:
    for phrase in STOCK_PHRASES:
        assert " ".join(words_of(phrase)) == phrase


def test_settings_change_what_counts_as_shared() -> None:
    # Half the text, with three paragraphs of its own: it uses part of the text.
    first = letter(TEMPLATE, mp=0)
    part = letter(TEMPLATE[:2] + OTHER_TEXT_SAME_TOPIC, mp=1, date="2023-06-01")
    assert groups_of([first, part]) == [paths(first, part)]
    strict = Settings(texts=TextSettings(share=0.5))
    assert find_templates([first, part], settings=strict).groups == ()


def test_the_templates_schema_is_a_valid_schema() -> None:
    schema = json.loads(templates_schema(site_url=None))
    jsonschema.Draft202012Validator.check_schema(schema)


def test_dates_in_the_fixture_are_real() -> None:
    # The fixture builds dates from numbers; make sure they stay calendar dates.
    assert letter(TEMPLATE, date="2023-05-17").date.first_day == dt.date(2023, 5, 17)


def test_control_characters_the_validator_refuses_do_not_upset_detection() -> None:
    # Only a build that bypassed the validator could see these: they must not
    # be taken for detection's own markers.
    marked = [paragraph.replace(" ", "\x01 ", 3).replace(",", "\x00,") for paragraph in TEMPLATE]
    first, second = letter(TEMPLATE, mp=0), letter(marked, mp=1, date="2023-06-01")
    assert groups_of([first, second]) == [paths(first, second)]


def test_the_readme_states_the_detections_own_figures() -> None:
    # The README explains detection in prose; its figures are the settings'.
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    settings = Settings()
    for said in (
        f"when {round(settings.types.similarity * 100)}% of their words are the same",
        f"hold at least {settings.texts.min_words} of its words and "
        f"{round(settings.texts.share * 100)}% of them, or "
        f"{round(settings.texts.partial_share * 100)}% of them when they are of "
        f"{settings.texts.partial_types} or more of the text's sentence types",
        f"carry {settings.texts.template_sentences} or more other sentence types with it",
        f"{settings.texts.texts_apart} or more texts sharing no more than "
        f"{['no', 'one', 'two'][settings.texts.apart_sentences]} other sentence",
        f"unless {['no', 'one', 'two', 'three'][settings.texts.quoted_by]} letters of texts carry",
        f"any word in half the letters of an archive of {settings.common_from}",
    ):
        assert said in readme, said


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ('We agree." The bill passes. ', ["We agree.", "The bill passes."]),
        ("Wow!? Next one", ["Wow!?", "Next one"]),
        ("First line\n\nSecond line", ["First line", "Second line"]),
        ("Ends here. \n\nNew paragraph", ["Ends here.", "New paragraph"]),
        ("Ellipsis... then more", ["Ellipsis...", "then more"]),
        ("No end at 3.5 per cent", ["No end at 3.5 per cent"]),
    ],
)
def test_sentences_end_at_their_marks_and_at_paragraph_ends(
    text: str, sentences: list[str]
) -> None:
    written, _ = _Detector(Settings())._sentences(letter([text], opening=False))
    assert written.split("\x01") == [*sentences, *BOILERPLATE_CLOSING]
