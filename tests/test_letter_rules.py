"""Each letter rule, with a letter that passes it and letters that fail it."""

from __future__ import annotations

import pytest

from tests.archive import BODY, Archive, messages, problems_of


def found(archive: Archive, **kwargs: object) -> list[str]:
    path = archive.letter(**kwargs)  # type: ignore[arg-type]
    return messages(problems_of(archive, path))


def test_a_correct_letter_has_no_problems(archive: Archive) -> None:
    assert found(archive) == []


def test_unknown_field_suggests_the_near_miss(archive: Archive) -> None:
    result = found(archive, omit=("constituency",), consituency="Wexmoor and Lindenholt")
    assert "7: consituency: unknown field (did you mean 'constituency'?)" in result
    assert "1: constituency: is required (add 'constituency: …' to the front matter)" in result


def test_party_is_never_typed_into_a_letter(archive: Archive) -> None:
    result = found(archive, party="Civic Party")
    assert result == [
        "8: party: unknown field (party comes from the members register; remove this line)"
    ]


@pytest.mark.parametrize("field", ["title", "date", "signatory", "constituency", "topics"])
def test_every_required_field_is_required(archive: Archive, field: str) -> None:
    assert f"1: {field}: is required (add '{field}: …' to the front matter)" in found(
        archive, omit=(field,)
    )


def test_a_field_given_twice_is_reported(archive: Archive) -> None:
    path = archive.raw(
        "2019/2019-03-14-morwenna-tregarth-fair-rents.md",
        "---\ntitle: A\ntitle: B\ndate: 2019-03-14\nsignatory: Morwenna Tregarth\n"
        "constituency: Wexmoor and Lindenholt\ntopics: [housing]\n---\n" + BODY,
    )
    assert "3: title: appears twice (keep one of them)" in messages(problems_of(archive, path))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("''", "2: title: must not be empty (fill it in or remove it)"),
        ("2019", "2: title: must be text, not the number 2019 (put the value in quotes)"),
        ("yes", "2: title: must be text, not the yes/no value true (put the value in quotes)"),
        ("[a, b]", "2: title: must be text, not a list (put the value in quotes)"),
        ("x" * 151, "2: title: is 151 characters long; the limit is 150 (shorten it)"),
    ],
)
def test_title_is_one_line_of_plain_text(archive: Archive, value: str, expected: str) -> None:
    assert found(archive, title=value) == [expected]


def test_a_month_date_is_accepted(archive: Archive) -> None:
    assert found(archive, name="2019/2019-03-morwenna-tregarth-fair-rents.md", date="2019-03") == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "2019-02-30",
            "3: date: '2019-02-30' is not a real calendar date (check the month and day)",
        ),
        ("2019-13", "3: date: '2019-13' is not a real calendar date (check the month and day)"),
        (
            "14/03/2019",
            "3: date: '14/03/2019' is not a date in the form YYYY-MM-DD or YYYY-MM "
            "(for example 2021-03-14, or 2019-09 when the letter gives only a month)",
        ),
        ("", "3: date: must be a date, not empty (write it as YYYY-MM-DD)"),
    ],
)
def test_date_is_a_real_calendar_date(archive: Archive, value: str, expected: str) -> None:
    assert expected in found(archive, date=value)


def test_date_is_not_in_the_future(archive: Archive) -> None:
    result = found(
        archive, name="2027/2027-01-05-morwenna-tregarth-fair-rents.md", date="2027-01-05"
    )
    assert "3: date: 2027-01-05 is in the future (use the date printed on the letter)" in result


def test_signatory_must_be_in_the_register_with_a_suggestion(archive: Archive) -> None:
    result = found(
        archive, name="2019/2019-03-14-morwena-tregarth-fair-rents.md", signatory="Morwena Tregarth"
    )
    assert result == [
        "4: signatory: 'Morwena Tregarth' is not in the members register "
        "(did you mean 'Morwenna Tregarth'?)"
    ]


def test_constituency_must_exist_with_a_suggestion(archive: Archive) -> None:
    result = found(archive, constituency="Wexmoor & Lindenholt")
    assert result == [
        "5: constituency: 'Wexmoor & Lindenholt' is not a constituency in the members "
        "register (did you mean 'Wexmoor and Lindenholt'?)"
    ]


def test_constituency_must_be_the_seat_held_on_that_date(archive: Archive) -> None:
    result = found(archive, constituency="Carrowby North")
    assert result == [
        "5: constituency: Morwenna Tregarth was MP for Wexmoor and Lindenholt in "
        "14 March 2019, not Carrowby North (did you mean 'Wexmoor and Lindenholt'?)"
    ]


def test_a_letter_dated_between_dissolution_and_election_is_an_error(archive: Archive) -> None:
    result = found(
        archive, name="2019/2019-11-20-morwenna-tregarth-fair-rents.md", date="2019-11-20"
    )
    assert result == [
        "5: constituency: Morwenna Tregarth was not an MP in 20 November 2019: they were "
        "between terms, one ending on 2019-11-06 and the next beginning on 2019-12-13; a "
        "dissolution leaves every seat empty (check the letter's date and signatory)"
    ]


def test_a_month_date_needs_the_seat_on_some_day_of_the_month(archive: Archive) -> None:
    # Parliament was dissolved on 6 November 2019: the first days of the month count.
    assert found(archive, name="2019/2019-11-morwenna-tregarth-fair-rents.md", date="2019-11") == []


def test_a_letter_before_first_election_is_an_error(archive: Archive) -> None:
    result = found(
        archive, name="2016/2016-01-05-morwenna-tregarth-fair-rents.md", date="2016-01-05"
    )
    assert any("they were first elected on 2017-06-09" in line for line in result)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "housing",
            "6: topics: must be a list, not text (write it as [housing], or one '- item' per line)",
        ),
        ("[]", "6: topics: must list at least one item (add an item)"),
        ("[housng]", "6: topics: 'housng' is not in the topics register (did you mean 'housing'?)"),
        (
            "[Immigration]",
            "6: topics: 'Immigration' is not in the topics register (did you mean 'immigration'?)",
        ),
        ("[housing, housing]", "6: topics: 'housing' is listed twice (remove one)"),
        (
            "[weather]",
            "6: topics: 'weather' is not in the topics register (use a slug from "
            "docs/_data/topics.yml, or add the topic there)",
        ),
    ],
)
def test_topics_are_known_slugs(archive: Archive, value: str, expected: str) -> None:
    assert found(archive, topics=value) == [expected]


def test_campaign_is_a_known_slug(archive: Archive) -> None:
    assert found(archive, campaign="fair-rent-now") == [
        "7: campaign: 'fair-rent-now' is not in the campaigns register "
        "(did you mean 'fair-rents-now'?)"
    ]
    assert found(
        archive, name="2019/2019-03-14-morwenna-tregarth-b.md", campaign="'Fair Rents Now'"
    ) == [
        "7: campaign: 'Fair Rents Now' is not a slug (lower-case words joined by hyphens) "
        "(did you mean 'fair-rents-now'?)"
    ]


def test_campaign_is_optional(archive: Archive) -> None:
    assert found(archive, omit=("campaign",)) == []


def test_summary_and_source_are_plain_text(archive: Archive) -> None:
    assert found(archive, summary="A short summary.", source="Scanned paper letter") == []
    result = found(archive, name="2019/2019-03-14-morwenna-tregarth-b.md", summary="x" * 401)
    assert result == ["8: summary: is 401 characters long; the limit is 400 (shorten it)"]


def test_file_must_sit_in_its_year_folder(archive: Archive) -> None:
    result = found(archive, name="2020/2019-03-14-morwenna-tregarth-fair-rents.md")
    assert result == [
        "3: file: the letter is dated 2019 but sits in the folder '2020' "
        "(move it to docs/letters/2019/)"
    ]


def test_file_name_must_start_with_the_date(archive: Archive) -> None:
    result = found(archive, name="2019/2019-03-15-morwenna-tregarth-fair-rents.md")
    assert result == [
        "3: file: the file name must start with the letter's date '2019-03-14-' (rename it "
        "to 2019-03-14-morwenna-tregarth-reply-on-fair-rents.md)"
    ]


def test_a_day_in_the_name_of_a_month_letter_is_caught(archive: Archive) -> None:
    result = found(archive, name="2019/2019-03-14-morwenna-tregarth-fair-rents.md", date="2019-03")
    assert result == [
        "3: file: the file name must start with the letter's date '2019-03-' (rename it "
        "to 2019-03-morwenna-tregarth-reply-on-fair-rents.md)"
    ]


def test_file_name_continues_with_the_signatory(archive: Archive) -> None:
    result = found(archive, name="2019/2019-03-14-ifan-callowby-fair-rents.md")
    assert result == [
        "4: file: the file name must continue with the signatory's slug "
        "'morwenna-tregarth-' (rename it to 2019-03-14-morwenna-tregarth-reply-on-fair-rents.md)"
    ]


def test_file_name_ends_with_a_subject_slug(archive: Archive) -> None:
    result = found(archive, name="2019/2019-03-14-morwenna-tregarth-Fair_Rents.md")
    assert result[0].startswith("1: file: the file name must end with a subject slug")


def test_letters_outside_the_letters_folder_are_refused(archive: Archive) -> None:
    path = archive.docs / "stray.md"
    path.write_text(archive.letter().read_text(encoding="utf-8"), encoding="utf-8")
    assert (
        "1: file: letters must be in docs/letters/<YYYY>/ (move the file into the folder "
        "for its year)" in messages(problems_of(archive, path))
    )


def test_an_empty_body_is_a_warning_not_an_error(archive: Archive) -> None:
    path = archive.letter(body="")
    problems = problems_of(archive, path)
    assert [(p.severity, p.field, p.message) for p in problems] == [
        ("warning", "body", "the letter has no text yet")
    ]
