"""The security corpus, value by value: every field a pull request can set
refuses scripts, event handlers, javascript: links and tags that close <title>."""

from __future__ import annotations

import pytest

from tests.archive import CAMPAIGNS, MEMBERS, TOPICS, Archive, problems_of

PAYLOADS = {
    "script": "<script>alert(1)</script>",
    "event handler": "<img src=x onerror=alert(1)>",
    "closing title": "</title><script>alert(1)</script>",
    "javascript link": "[click](javascript:alert(1))",
    "encoded javascript link": "[click](javascript&#58;alert(1))",
}
FIELDS = ("title", "date", "signatory", "constituency", "campaign", "summary", "source")


@pytest.mark.parametrize("payload", list(PAYLOADS))
@pytest.mark.parametrize("field", FIELDS)
def test_each_front_matter_field_refuses_each_payload(
    archive: Archive, field: str, payload: str
) -> None:
    value = '"' + PAYLOADS[payload].replace('"', '\\"') + '"'
    problems = problems_of(archive, archive.letter(**{field: value}))
    assert any(problem.field == field for problem in problems), problems
    assert all(problem.severity == "error" for problem in problems)


@pytest.mark.parametrize("payload", list(PAYLOADS))
def test_a_topic_in_the_list_refuses_each_payload(archive: Archive, payload: str) -> None:
    value = '["' + PAYLOADS[payload].replace('"', '\\"') + '"]'
    problems = problems_of(archive, archive.letter(topics=value))
    assert any(problem.field == "topics" for problem in problems), problems


@pytest.mark.parametrize("payload", list(PAYLOADS))
def test_the_body_refuses_each_payload(archive: Archive, payload: str) -> None:
    problems = problems_of(archive, archive.letter(body=f"Thank you.\n\n{PAYLOADS[payload]}\n"))
    assert [problem.field for problem in problems] and all(
        problem.field == "body" for problem in problems
    ), problems


REGISTER_VALUES = {
    "members.yml": [
        ("- name: Ann Other\n", '- name: "Ann {payload}"\n'),
        ("      party: Civic Party\n", '      party: "Civic {payload}"\n'),
    ],
    "topics.yml": [
        ("  title: Housing\n", '  title: "Housing {payload}"\n'),
        ("  description: Homes, rents and building.\n", '  description: "Homes {payload}"\n'),
    ],
    "campaigns.yml": [
        ("  title: Fair Rents Now\n", '  title: "Fair {payload}"\n'),
        ("  organisers: [Tenants Together]\n", '  organisers: ["Tenants {payload}"]\n'),
    ],
}


@pytest.mark.parametrize("payload", list(PAYLOADS))
@pytest.mark.parametrize(
    ("register", "index"),
    [
        (register, index)
        for register, edits in REGISTER_VALUES.items()
        for index in range(len(edits))
    ],
)
def test_register_entries_refuse_each_payload(
    archive: Archive, register: str, index: int, payload: str
) -> None:
    text = {
        "members.yml": MEMBERS + "- name: Ann Other\n  seats:\n    - constituency: Upper "
        "Wexham\n      party: Civic Party\n      from: 2015-05-08\n",
        "topics.yml": TOPICS,
        "campaigns.yml": CAMPAIGNS,
    }[register]
    old, new = REGISTER_VALUES[register][index]
    assert old in text
    hostile = PAYLOADS[payload].replace('"', '\\"')
    path = archive.register(register, text.replace(old, new.format(payload=hostile), 1))
    problems = problems_of(archive, path)
    assert problems, f"{register}: {payload} accepted"
    assert all(problem.path.endswith(register) for problem in problems)
