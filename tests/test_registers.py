"""The registers: well formed, no duplicates, plain text, consistent terms."""

from __future__ import annotations

import pytest

from tests.archive import MEMBERS, Archive, messages, problems_of

ANN = "- name: Ann Other\n  seats:\n    - constituency: Upper Wexham\n"


def register_findings(archive: Archive, name: str, text: str) -> list[str]:
    path = archive.register(name, text)
    return messages(problems_of(archive, path))


def test_the_default_registers_are_valid(archive: Archive) -> None:
    assert problems_of(archive, archive.data) == []


def test_a_missing_register_is_reported(archive: Archive) -> None:
    (archive.data / "topics.yml").unlink()
    result = messages(problems_of(archive, archive.data))
    assert result[0].startswith("1: file: the register topics.yml is missing (create ")


def test_malformed_register_yaml_names_the_line(archive: Archive) -> None:
    assert register_findings(archive, "topics.yml", "housing:\n  title: [Housing\n")[0].startswith(
        "3: file: the YAML is malformed"
    )


def test_an_unreadable_register_is_reported_even_when_checking_a_letter(
    archive: Archive,
) -> None:
    archive.register("topics.yml", "housing:\n  title: [Housing\n")
    letter = archive.letter()
    assert any("topics.yml" in problem.path for problem in problems_of(archive, letter))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            MEMBERS + "- name: Morwenna Tregarth\n  seats:\n    - constituency: Elsewhere\n"
            "      party: Civic Party\n      from: 2010-05-07\n      to: 2015-03-30\n",
            "15: name: 'Morwenna Tregarth' is listed twice (give each member one entry, with all "
            "their seats)",
        ),
        (
            MEMBERS + "- name: MORWENNA TREGARTH\n  seats:\n    - constituency: Elsewhere\n"
            "      party: Civic Party\n      from: 2010-05-07\n      to: 2015-03-30\n",
            "15: name: 'MORWENNA TREGARTH' has the same web address as 'Morwenna Tregarth' "
            "(morwenna-tregarth) (names must differ in more than punctuation or case: add the "
            "seat in brackets)",
        ),
        (
            ANN + "      party: Civic Party\n      from: 2019-12-13\n      to: 2017-06-09\n",
            "6: to: the term ends (2017-06-09) before it starts (2019-12-13) (check the dates)",
        ),
        (
            ANN + "      party: Civic Party\n"
            "      from: 2015-05-08\n    - constituency: Upper Wexham\n      party: Civic Party\n"
            "      from: 2017-06-09\n",
            "2: seats: Ann Other's terms overlap (from 2015-05-08 and from 2017-06-09) (every term "
            "but the last needs a 'to' date before the next 'from')",
        ),
        (
            ANN + "      party: Civic Party\n      form: 2015-05-08\n",
            "5: form: unknown field (did you mean 'from'?)",
        ),
        (
            "- name: Ann Other\n  seats: []\n",
            "2: seats: must be a list of one or more seats (one '- constituency: …' entry per "
            "continuous term)",
        ),
        (
            ANN + "      party: Civic Party\n      from: 2015-02-30\n",
            "5: from: '2015-02-30' is not a real calendar date (check the month and day)",
        ),
        (
            "name: Ann Other\n",
            "1: file: the members register must be a list of entries (start each entry with "
            "'- name: …')",
        ),
        ("- Ann Other\n", "1: file: entry 1 must be a set of fields (start it with '- name: …')"),
        (
            "- name: <b>Ann</b>\n  seats:\n    - constituency: Upper Wexham\n      party: Civic\n"
            "      from: 2015-05-08\n",
            "1: text: raw HTML is not allowed ('<b') (letters are plain text and Markdown; remove "
            "the tag, or write the words 'less than' instead of '<')",
        ),
    ],
)
def test_members_register_rules(archive: Archive, text: str, expected: str) -> None:
    assert expected in register_findings(archive, "members.yml", text)


def test_two_members_cannot_hold_one_seat_on_the_same_day(archive: Archive) -> None:
    text = MEMBERS + (
        "- name: Ann Other\n  seats:\n    - constituency: Carrowby North\n"
        "      party: Civic Party\n      from: 2019-12-13\n"
    )
    assert (
        "15: seats: Ann Other and Dr Ifan Callowby both hold Carrowby North on 2019-12-13 "
        "(give Dr Ifan Callowby's term a 'to' date before 2019-12-13)"
    ) in register_findings(archive, "members.yml", text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "housing:\n  title: Housing\n  description: A.\nhousing:\n  title: Homes\n"
            "  description: B.\n",
            "4: file: 'housing' appears twice (remove or rename one of them)",
        ),
        (
            "Housing Policy:\n  title: Housing\n  description: A.\n",
            "1: slug: 'Housing Policy' is not a slug (lower-case words joined by hyphens) "
            "(did you mean 'housing-policy'?)",
        ),
        ("housing:\n  title: Housing\n", "1: description: is required (add 'description: …')"),
        (
            "housing:\n  title: Housing\n  descripton: A.\n",
            "3: descripton: unknown field (did you mean 'description'?)",
        ),
        (
            "housing: Housing\n",
            "1: housing: must be a set of fields (indent 'title:' and 'description:' under the "
            "slug)",
        ),
        (
            "- housing\n",
            "1: file: the topics register must map slugs to entries (write "
            "'my-slug:' then the entry's fields, indented)",
        ),
        (
            "housing:\n  title: Housing\n  description: A.\nhomes:\n  title: housing\n"
            "  description: B.\n",
            "5: title: 'housing' is also the title of 'housing' (titles must tell entries apart)",
        ),
        (
            "housing:\n  title: Housing\n  description: Call 07700 900123.\n",
            "3: description: looks like personal data (UK phone number: '07700 900123') "
            "(registers hold public details only; approve a public one in allowlist.yml)",
        ),
        (
            'housing:\n  title: Housing\n  description: "A <script>x</script>"\n',
            "3: text: raw HTML is not allowed ('<script') (letters are plain text and Markdown; "
            "remove the tag, or write the words 'less than' instead of '<')",
        ),
    ],
)
def test_topics_register_rules(archive: Archive, text: str, expected: str) -> None:
    assert expected in register_findings(archive, "topics.yml", text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "fair-rents:\n  title: Fair Rents\n  description: A.\n  started: June 2018\n",
            "4: started: 'June 2018' is not a date in the form YYYY-MM-DD (for example 2019-12-13)",
        ),
        (
            "fair-rents:\n  title: Fair Rents\n  description: A.\n  organisers: Tenants\n",
            "4: organisers: must be a list, not text (write it as [Tenants], or one '- item' per "
            "line)",
        ),
        (
            "fair-rents:\n  title: Fair Rents\n  description: A.\n  organizers: [Tenants]\n",
            "4: organizers: unknown field (did you mean 'organisers'?)",
        ),
    ],
)
def test_campaigns_register_rules(archive: Archive, text: str, expected: str) -> None:
    assert expected in register_findings(archive, "campaigns.yml", text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- text: 0800 123 4567\n", "1: reason: is required (add 'reason: …')"),
        (
            '- text: "<img src=x>"\n  reason: x\n',
            "1: text: raw HTML is not allowed ('<img') (letters are plain text and Markdown; "
            "remove the tag, or write the words 'less than' instead of '<')",
        ),
    ],
)
def test_allowlist_rules(archive: Archive, text: str, expected: str) -> None:
    assert expected in register_findings(archive, "allowlist.yml", text)


def test_the_allowlist_is_optional(archive: Archive) -> None:
    (archive.data / "allowlist.yml").unlink()
    assert problems_of(archive) == []
