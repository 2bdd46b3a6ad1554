"""The body: letter markup, no raw HTML or scripts, no personal data."""

from __future__ import annotations

import pytest

from dearconstituent.markup import letter_words
from tests.archive import BODY, Archive, messages, problems_of
from tests.privacy_cases import FOUND, NOT_PERSONAL

# The body starts on line 10 of a letter written by Archive.letter with default fields.
FIRST_BODY_LINE = 10


def body_findings(archive: Archive, body: str, **fields: str) -> list[str]:
    path = archive.letter(body=body, **fields)
    return messages(problems_of(archive, path))


def test_the_default_body_is_valid(archive: Archive) -> None:
    assert body_findings(archive, BODY) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "::: letterhed\nHOUSE OF COMMONS\n:::\n",
            "10: body: unknown letter part 'letterhed' (did you mean 'letterhead'?)",
        ),
        (
            "::: salutation\nDear Constituent,\n",
            "10: body: the part 'salutation' is never closed "
            "(add a line ':::' after its last line)",
        ),
        (
            "Thank you.\n:::\n",
            "11: body: ':::' closes a part that was never opened (remove the line, or open the "
            "part with '::: <part>' above it)",
        ),
        (
            "::: letterhead\nHOUSE OF COMMONS\n::: subject\nRe: rents\n:::\n:::\n",
            "12: body: the part 'subject' cannot be inside 'letterhead' (close 'letterhead' with "
            "':::' first; only a note may sit inside another part)",
        ),
        (
            "::: subject\nRe: rents\n:::\n\n::: subject\nRe: homes\n:::\n",
            "14: body: the part 'subject' appears twice (a letter has one of each part; merge "
            "them or remove one)",
        ),
        (
            "::: note\n\n:::\n",
            "10: body: the part 'note' is empty (put the letter's text between the fences, or "
            "remove them)",
        ),
        (
            "/// html | script\nalert(1)\n///\n",
            "10: body: block markup '/// html | s' is not part of the letter markup (use "
            "'::: <part>' … ':::' (parts: letterhead, date, salutation, subject, sign-off, note))",
        ),
        (
            '!!! note "Hi"\n    Text\n',
            "10: body: block markup '!!! note \"Hi' is not part of the letter markup (use "
            "'::: <part>' … ':::' (parts: letterhead, date, salutation, subject, sign-off, note))",
        ),
        (
            ":::: note\nText\n::::\n",
            "10: body: a part fence must be exactly ':::' at the start of the line (write "
            "'::: <part>' to open and ':::' to close)",
        ),
    ],
)
def test_letter_markup_is_well_formed(archive: Archive, body: str, expected: str) -> None:
    assert expected in body_findings(archive, body)


def test_a_note_may_sit_inside_another_part_but_not_hold_one(archive: Archive) -> None:
    assert body_findings(archive, "::: sign-off\nYours,\n::: note\nSigned.\n:::\n:::\n") == []
    assert "12: body: a note cannot contain another part (close the note with ':::' first)" in (
        body_findings(
            archive,
            "::: note\nA\n::: note\nB\n:::\n:::\n",
            name="2019/2019-03-14-morwenna-tregarth-b.md",
        )
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("<script>alert(1)</script>", "raw HTML is not allowed ('<script')"),
        ("Text <img src=x onerror=alert(1)>", "raw HTML is not allowed ('<img')"),
        ("</title><script>", "raw HTML is not allowed ('</title')"),
        ("<!-- hidden -->", "raw HTML is not allowed ('<!')"),
        ("Fish &amp; chips", "HTML character references are not allowed ('&amp;')"),
        ("[click](javascript:alert(1))", "script and data links are not allowed"),
        ("[click](JaVaScRiPt&#58;alert(1))", "script and data links are not allowed"),
        ("[click](data:text/html;base64,PHNjcmlwdD4=)", "script and data links are not allowed"),
        ("[ref]: javascript:alert(1)", "script and data links are not allowed"),
        ('A paragraph {: onclick="alert(1)" }', "Markdown attribute lists are not allowed"),
        ("Hidden\u202etext", "invisible or private-use character U+202E is not allowed"),
        ("Marker\ue000text", "invisible or private-use character U+E000 is not allowed"),
    ],
)
def test_the_body_holds_no_markup_or_scripts(archive: Archive, line: str, message: str) -> None:
    result = body_findings(archive, f"Thank you.\n\n{line}\n")
    assert any(item.startswith(f"12: body: {message}") for item in result), result


def test_ordinary_prose_is_not_mistaken_for_markup(archive: Archive) -> None:
    prose = (
        "The figures are 3 < 4 and 5 > 2; fish & chips; the data: latest.\n\n"
        "See https://www.gov.uk/guidance for more.\n\n"
        "1. First point.\n2. Second point.\n"
    )
    assert body_findings(archive, prose) == []


@pytest.mark.parametrize(("line", "kind", "text"), FOUND)
def test_personal_data_is_refused(archive: Archive, line: str, kind: str, text: str) -> None:
    result = body_findings(archive, f"Thank you.\n\n{line}\n")
    assert any(
        item.startswith(
            f"12: body: looks like personal data ({kind}: '{text}') (remove it, or write '"
        )
        and item.endswith(
            "in its place; if it is a public detail, approve it in docs/_data/allowlist.yml)"
        )
        for item in result
    ), result


@pytest.mark.parametrize("line", NOT_PERSONAL)
def test_public_details_of_parliament_are_allowed(archive: Archive, line: str) -> None:
    assert body_findings(archive, f"Thank you.\n\n{line}\n") == []


def test_the_allowlist_approves_a_public_detail(archive: Archive) -> None:
    body = "Thank you.\n\nThe Wexmoor Helpline is on 0800 123 4567, free.\n"
    assert body_findings(archive, body) != []
    archive.register(
        "allowlist.yml",
        "- text: 0800 123 4567\n  reason: The fictional helpline publishes this number.\n",
    )
    assert body_findings(archive, body) == []


def test_personal_data_in_front_matter_is_refused(archive: Archive) -> None:
    result = body_findings(archive, BODY, summary="Reply to jo@example.com")
    assert result == [
        "8: summary: looks like personal data (e-mail address: 'jo@example.com') (remove it, "
        "or write '[e-mail removed]' in its place; if it is a public detail, approve it in "
        "docs/_data/allowlist.yml)"
    ]


@pytest.mark.parametrize("field", ["title", "summary", "source", "signatory", "constituency"])
def test_html_in_every_front_matter_field_is_refused(archive: Archive, field: str) -> None:
    value = "'<script>alert(1)</script>'"
    result = body_findings(archive, BODY, **{field: value})
    assert any(f"{field}: raw HTML is not allowed ('<script')" in item for item in result), result


def test_html_in_a_topic_is_refused(archive: Archive) -> None:
    result = body_findings(archive, BODY, topics="['<b>housing</b>']")
    assert any("topics: raw HTML is not allowed ('<b')" in item for item in result), result


def test_letter_words_drop_fences_and_notes() -> None:
    assert letter_words(BODY) == (
        "HOUSE OF COMMONS\nLONDON SW1A 0AA\n\nDear Constituent,\n\n"
        "Thank you for contacting me about rents in Wexmoor.\n\n"
        "I share your concern and will raise it with the Minister.\n\n"
        "Yours sincerely,\n\nMorwenna Tregarth MP"
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Dear Sir,  \n\n\n\nThank you.\t\n", "Dear Sir,\n\nThank you."),
        ("One.\n \n\nTwo. ", "One.\n\nTwo."),
        ("\n\nPlain text\nthat needs no tidying.\n", "Plain text\nthat needs no tidying."),
    ],
)
def test_letter_words_drop_trailing_spaces_and_runs_of_blank_lines(
    body: str, expected: str
) -> None:
    assert letter_words(body) == expected
