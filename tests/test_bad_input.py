"""Input that cannot be a letter at all: a clear message naming the file and line."""

from __future__ import annotations

import pytest

from tests.archive import BODY, FRONT, Archive, messages, problems_of

NAME = "2019/2019-03-14-morwenna-tregarth-fair-rents.md"
GOOD = "---\n" + "".join(f"{key}: {value}\n" for key, value in FRONT.items()) + "---\n\n" + BODY


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b"",
            "1: file: the file is empty (a letter starts with a front matter block between "
            "two '---' lines)",
        ),
        (
            b"\n  \n",
            "1: file: the file is empty (a letter starts with a front matter block "
            "between two '---' lines)",
        ),
        (
            b"---\ntitle: x\n\x00\x01\x02",
            "3: file: the file is binary, not text (letters and "
            "registers are plain UTF-8 text files)",
        ),
        (
            b"---\ntitle: caf\xe9\n---\n",
            "2: file: the file is not valid UTF-8 (byte 0xe9) (save the file with UTF-8 encoding)",
        ),
        (
            b"title: x\n\nDear Constituent,\n",
            "1: file: the file does not start with a front "
            "matter block (the first line must be '---', followed by the fields and another '---')",
        ),
        (
            b"---\ntitle: x\ndate: 2019-03-14\n\nBody\n",
            "1: file: the front matter block is "
            "never closed (add a line '---' after the last field)",
        ),
        (
            b"---\n---\nBody\n",
            "2: file: the front matter block is empty (add the fields: "
            "title, date, signatory, constituency, topics)",
        ),
        (
            b"---\n- title\n- date\n---\n",
            "2: file: the front matter must be a set of "
            "'key: value' fields, not a list (write one 'key: value' per line)",
        ),
        (
            b"---\njust a sentence\n---\n",
            "2: file: the front matter must be a set of "
            "'key: value' fields, not text (write one 'key: value' per line)",
        ),
        (
            b"---\n42\n---\n",
            "2: file: the front matter must be a set of 'key: value' fields, "
            "not the number 42 (write one 'key: value' per line)",
        ),
    ],
)
def test_unreadable_letters_get_one_clear_message(
    archive: Archive, content: bytes, expected: str
) -> None:
    path = archive.raw(NAME, content)
    assert messages(problems_of(archive, path)) == [expected]


@pytest.mark.parametrize(
    ("front_matter", "line"),
    [
        ("title: x\ndate: [2019\n", 4),
        ("title: Re: rents: again\n", 2),
        ("title: 'unclosed\n", 2),
        ("title: x\n  bad: indent\n", 3),
        ("title: *alias\n", 2),
        ("title: !!python/object:os.system echo\n", 2),
    ],
)
def test_malformed_yaml_names_the_line(archive: Archive, front_matter: str, line: int) -> None:
    path = archive.raw(NAME, f"---\n{front_matter}---\nBody\n")
    [problem] = problems_of(archive, path)
    assert (problem.line, problem.field) == (line, "file")
    assert problem.message.startswith("the YAML ")


def test_a_byte_order_mark_and_crlf_line_endings_are_accepted(archive: Archive) -> None:
    path = archive.raw(NAME, "\ufeff" + GOOD.replace("\n", "\r\n"))
    assert problems_of(archive, path) == []


def test_a_wrong_type_names_the_field_and_line(archive: Archive) -> None:
    path = archive.raw(NAME, GOOD.replace("signatory: Morwenna Tregarth", "signatory: [a, b]"))
    assert messages(problems_of(archive, path)) == [
        "4: signatory: must be text, not a list (put the value in quotes)"
    ]


def test_a_non_text_key_is_reported(archive: Archive) -> None:
    path = archive.raw(NAME, GOOD.replace("---\n\n", "2019: x\n---\n\n", 1))
    assert (
        "8: 2019: unknown field (the fields are: title, date, signatory, constituency, "
        "topics, campaign, summary, source, redacted)" in messages(problems_of(archive, path))
    )


def test_yaml_aliases_are_refused(archive: Archive) -> None:
    path = archive.raw(
        NAME, GOOD.replace("title: Reply on fair rents", "title: &t Reply\nsource: *t")
    )
    assert messages(problems_of(archive, path)) == [
        "2: file: YAML anchors and aliases ('&' and '*') are not allowed (write each value out "
        "in full)"
    ]


def test_an_exponential_alias_bomb_is_refused_quickly(archive: Archive) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 9)]
    path = archive.raw(NAME, "---\n" + "\n".join(lines) + "\n---\nBody\n")
    [problem] = problems_of(archive, path)
    assert problem.message == "YAML anchors and aliases ('&' and '*') are not allowed"
