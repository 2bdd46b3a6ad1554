"""Property-based tests: whatever a file holds, the validator answers with a message.

For random bytes, random YAML front matter, random bodies full of fences and
markup, and random registers, ``check_letters.py`` must exit 0 or 1, let no
exception escape (a traceback is never an answer), agree with itself (exit 1
exactly when it printed an error), and leave every file as it was.

Each example gets a fresh fictional archive in its own temporary folder: a
function-scoped fixture would be shared by every example Hypothesis runs.
The examples are the same on every run; DC_PROPERTY_EXAMPLES=5000 hunts
further with new random examples each time.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import check_letters
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dearconstituent.registers import REGISTER_FILES
from tests.archive import BODY, FRONT, Archive

HUNT = os.environ.get("DC_PROPERTY_EXAMPLES")
"""Set, a longer hunt with fresh random examples each run; unset, the same few
examples every run, so that the suite passes or fails the same way every time."""
SETTINGS = settings(
    max_examples=int(HUNT) if HUNT else 120,
    derandomize=not HUNT,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)
LETTER_NAME = "2019/2019-03-14-morwenna-tregarth-fair-rents.md"
FIELDS = ("title", "date", "signatory", "constituency", "topics", "campaign", "summary", "source")
REGISTER_KEYS = (
    "name",
    "seats",
    "constituency",
    "party",
    "from",
    "to",
    "title",
    "description",
    "keywords",
    "started",
    "organisers",
    "text",
    "reason",
)
VALID: dict[str, Any] = {
    "title": "Reply on fair rents",
    "date": "2019-03-14",
    "signatory": "Morwenna Tregarth",
    "constituency": "Wexmoor and Lindenholt",
    "topics": ["housing"],
    "campaign": "fair-rents-now",
    "summary": "A reply about rents.",
    "source": "Scanned paper letter",
}
NAMES = (
    LETTER_NAME,
    "2019/2019-03-14-morwenna-tregarth-another.md",
    "2019/2019-03-morwenna-tregarth-x.md",
    "2020/2019-03-14-morwenna-tregarth-misfiled.md",
    "2019/notes.md",
    "2019/2019-03-14-.md",
    "undated.md",
    "2019/über-straße.md",
    "2019/sub/deeper/2019-03-14-morwenna-tregarth-deep.md",
)
MALFORMED = (
    ": : :",
    "[1, 2",
    "{a: b",
    "title: 'unterminated",
    'title: "unterminated',
    "- a\nb: c",
    "&a [*a]",
    "a: &x 1\nb: *x",
    "*undefined",
    "!!python/object:os.system {}",
    "!!python/name:os.system",
    "title: !!binary aGk=",
    "title: !!set {a, b}",
    "title: !!omap [a: 1]",
    "title: !custom x",
    "date: !!timestamp 2019-13-45",
    "date: !!int x",
    "date: !!float x",
    "date: 2019-02-30",
    "date: 0000-00-00",
    "date: 99999-01-01",
    "date: 1e400",
    "date: -2019-03-14",
    "date: 2019-03-14T25:61:00",
    "date: 2019-W11",
    "date: [2019, 3, 14]",
    "date: {year: 2019}",
    "date: 20190314",
    "topics: [~, !!null , '']",
    "topics: {a: b}",
    "topics: housing",
    "topics: [[housing]]",
    "title: x\ntitle: y",
    "<<: {title: x}",
    "<<: *x",
    "? [a]\n: b",
    "? {a: b}\n: c",
    "\ttitle: x",
    "title:x",
    "%YAML 1.1\n---",
    "%TAG ! tag:example.org,2002:\n---",
    "---",
    "...",
    "--- |\n  text",
    "title: |\n  a\n   b",
    "title: >-\n  folded",
    "title: \u202e\u200b\ufeff",
    "title: \x85\u2028\u2029",
    "title: " + "x" * 5000,
    "title: '" + "''" * 200 + "'",
    "null: ~\ntrue: false\n1: 2",
    "title: .nan\ndate: .inf",
    "- - - -",
    "{",
    "}",
    "#",
    "'",
    '"\\x"',
    '"\\ud800"',
    "a: b: c",
    "title: [a, {b: [c, {d: e}]}]",
)
TOKENS = (
    "::: note",
    "::: letterhead",
    "::: salutation",
    "::: sign-off",
    "::: subject",
    "::: date",
    "::: nonsense",
    ":::",
    "::::",
    "::: ",
    "<",
    ">",
    "&",
    "&amp;",
    "&#60;",
    "{:",
    "}",
    "{: .x }",
    "Dear Constituent,",
    "Dear Mrs Patel,",
    "Dear ",
    "Yours sincerely,",
    "[link](",
    ")",
    "](javascript:x)",
    "![img](",
    "```",
    "`",
    "    ",
    "\t",
    "#",
    "---",
    "*",
    "_",
    "|",
    "!!! note",
    "/// html | div",
    "///",
    "SW1A 0AA",
    "020 7219 3000",
    "07700 900123",
    "someone@example.org",
    "AB 12 34 56 C",
    "http://",
    "https://example.org",
    "\\",
    "\r\n",
    "\r",
    "\u2028",
    "\ufeff",
    "\u202e",
    "\ue000",
)

# ---------------------------------------------------------------------------
# Strategies

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=40)
    | st.dates()
    | st.datetimes()
    | st.sampled_from(list(VALID.values())[:4])
)
keys = st.sampled_from(FIELDS + REGISTER_KEYS) | st.text(max_size=12) | st.integers() | st.none()
yaml_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=4),
    max_leaves=12,
)


@st.composite
def dumped(draw: st.DrawFn, value: Any) -> str:
    """``value`` as YAML, in one of the styles safe_dump can write."""
    text: str = yaml.safe_dump(
        value,
        sort_keys=False,
        allow_unicode=draw(st.booleans()),
        default_flow_style=draw(st.sampled_from([False, True, None])),
        width=draw(st.sampled_from([20, 80, 10**6])),
    )
    return text


@st.composite
def front_matter_values(draw: st.DrawFn) -> Any:
    """A mapping of the letter's fields, each valid, missing or random; or any YAML value."""
    if draw(st.integers(0, 4)) == 0:
        return draw(yaml_values)
    fields: dict[Any, Any] = {}
    for name in FIELDS:
        kind = draw(st.sampled_from(["valid", "valid", "absent", "random"]))
        if kind == "valid":
            fields[name] = VALID[name]
        elif kind == "random":
            fields[name] = draw(yaml_values)
    fields.update(draw(st.dictionaries(keys, yaml_values, max_size=2)))
    return fields


@st.composite
def front_matter_texts(draw: st.DrawFn) -> str:
    """YAML for the front matter: dumped values, hand-made malformed fragments, or both."""
    kind = draw(st.sampled_from(["dumped", "malformed", "spliced"]))
    if kind == "malformed":
        return draw(st.sampled_from(MALFORMED))
    text = draw(dumped(draw(front_matter_values())))
    if kind == "spliced":
        lines = text.split("\n")
        at = draw(st.integers(0, len(lines)))
        lines.insert(at, draw(st.sampled_from(MALFORMED)))
        text = "\n".join(lines)
    return text


bodies = st.lists(
    st.tuples(
        st.sampled_from(TOKENS) | st.integers(-(10**12), 10**12).map(str) | st.text(max_size=12),
        st.sampled_from(["", " ", "\n", "\n\n"]),
    ),
    max_size=40,
).map(lambda parts: "".join(token + separator for token, separator in parts))


@st.composite
def letter_texts(draw: st.DrawFn) -> str:
    """A whole letter file: front matter, fences in any state, and a body."""
    front = draw(front_matter_texts())
    opening = draw(st.sampled_from(["---\n", "---\n", "--- \n", "---", "", "\ufeff---\n"]))
    closing = draw(st.sampled_from(["\n---\n", "\n---\n", "---\n", "\n--- \n", "\n", "\n...\n"]))
    body = draw(st.sampled_from([BODY, "", "\n"]) | bodies)
    text = opening + front + closing + "\n" + body
    return text.replace("\n", "\r\n") if draw(st.booleans()) else text


@st.composite
def spliced_letters(draw: st.DrawFn) -> bytes:
    """A valid letter's bytes with random bytes written over or into it."""
    front = "".join(f"{key}: {value}\n" for key, value in FRONT.items())
    data = f"---\n{front}---\n\n{BODY}".encode()
    at = draw(st.integers(0, len(data)))
    noise = draw(st.binary(min_size=1, max_size=16))
    if draw(st.booleans()):
        return data[:at] + noise + data[at:]
    return data[:at] + noise + data[at + len(noise) :]


def _text_or(values: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return values | yaml_values


@st.composite
def register_values(draw: st.DrawFn, name: str) -> Any:
    """A register's structure, its entries plausible or random, or any YAML value."""
    if draw(st.integers(0, 3)) == 0:
        return draw(yaml_values)
    days = st.dates().map(str) | st.sampled_from(["2017-06-09", "2019-11-06", "2019-12-13"])
    words = st.sampled_from(["Morwenna Tregarth", "Civic Party", "Wexmoor", "housing"])
    if name == "members.yml":
        seat = st.fixed_dictionaries(
            {
                "constituency": _text_or(words),
                "party": _text_or(words),
                "from": _text_or(days),
            },
            optional={"to": _text_or(days), "extra": yaml_values},
        )
        member = st.fixed_dictionaries(
            {"name": _text_or(words), "seats": st.lists(seat, max_size=3) | yaml_values}
        )
        return draw(st.lists(member, max_size=4))
    if name == "allowlist.yml":
        entry = st.fixed_dictionaries({"text": _text_or(words), "reason": _text_or(words)})
        return draw(st.lists(entry, max_size=4))
    numbers = st.integers(-2, 5000) | yaml_values
    if name == "constituencies.yml":
        predecessor = st.fixed_dictionaries(
            {"id": numbers, "name": _text_or(words), "area": st.floats() | yaml_values}
        )
        entry = st.fixed_dictionaries(
            {"id": numbers, "name": _text_or(words), "from": _text_or(days)},
            optional={
                "to": _text_or(days),
                "ons": _text_or(words),
                "formed_from": st.lists(predecessor, max_size=2) | yaml_values,
            },
        )
        return draw(st.lists(entry, max_size=4))
    if name == "party-changes.yml":
        sources = st.sampled_from(["https://example.org/news", "http://x", ""]) | st.text()
        entry = st.fixed_dictionaries(
            {
                "member": numbers,
                "name": _text_or(words),
                "date": _text_or(days),
                "party": _text_or(words),
                "source": sources,
            }
        )
        return draw(st.lists(entry, max_size=3))
    if name == "parliaments.yml":
        entry = st.fixed_dictionaries(
            {"number": numbers, "from": _text_or(days)}, optional={"to": _text_or(days)}
        )
        return draw(st.lists(entry, max_size=3))
    if name == "withdrawn.yml":
        letters = st.sampled_from(
            ["docs/letters/2019/2019-03-14-morwenna-tregarth-fair-rents.md", "letters/x.md", ""]
        )
        reasons = st.sampled_from(["legal", "personal-data", "legall", ""]) | st.text()
        entry = st.fixed_dictionaries(
            {"letter": _text_or(letters), "withdrawn": _text_or(days), "reason": reasons},
            optional={"note": _text_or(words)},
        )
        return draw(st.lists(entry, max_size=3))
    if name == "register-corrections.yml":
        entry = st.fixed_dictionaries(
            {"parliament": numbers, "date": _text_or(days), "source": _text_or(words)}
        )
        return draw(
            st.fixed_dictionaries(
                {}, optional={"dissolutions": st.lists(entry, max_size=2) | yaml_values}
            )
        )
    entry = st.fixed_dictionaries(
        {"title": _text_or(words), "description": _text_or(words)},
        optional={
            "keywords": st.lists(_text_or(words), max_size=3),
            "started": _text_or(days),
            "organisers": st.lists(_text_or(words), max_size=3),
        },
    )
    slugs = st.sampled_from(["housing", "fair-rents-now", "Bad Slug", ""]) | st.text(max_size=10)
    return draw(st.dictionaries(slugs | keys, entry | yaml_values, max_size=4))


@st.composite
def register_contents(draw: st.DrawFn, name: str) -> str | bytes:
    kind = draw(st.sampled_from(["structured", "structured", "yaml", "malformed", "bytes"]))
    if kind == "bytes":
        return draw(st.binary(max_size=500))
    if kind == "malformed":
        return draw(st.sampled_from(MALFORMED))
    value = draw(register_values(name) if kind == "structured" else yaml_values)
    text: str = draw(dumped(value))
    return text


# ---------------------------------------------------------------------------
# The check


def snapshot(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def check(archive: Archive, *paths: Path) -> tuple[int, str]:
    """Run check_letters.py's main() in this process; return its exit code and output."""
    before = snapshot(archive.docs)
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = check_letters.main(
            ["--docs", str(archive.docs), "--jobs", "1", *(str(path) for path in paths)]
        )
    output = stdout.getvalue() + stderr.getvalue()
    assert code in {0, 1}, output
    assert "Traceback" not in output
    lines = stdout.getvalue().splitlines()
    assert lines, "nothing was printed"
    errors = [line for line in lines[:-1] if ": error: " in line]
    assert (code == 1) == bool(errors), output
    assert lines[-1].startswith("Found " if errors else "All "), output
    assert snapshot(archive.docs) == before, "the validator changed a file"
    return code, output


def with_archive(test: Callable[[Archive], object]) -> None:
    """Run ``test`` on a fresh fictional archive in its own temporary folder."""
    with tempfile.TemporaryDirectory(prefix="dc-property-") as folder:
        test(Archive(Path(folder)))


# ---------------------------------------------------------------------------
# Properties


@SETTINGS
@given(content=st.binary(max_size=2000) | spliced_letters(), name=st.sampled_from(NAMES))
def test_any_bytes_as_a_letter_get_a_message(content: bytes, name: str) -> None:
    def run(archive: Archive) -> None:
        archive.letter()
        check(archive, archive.raw(name, content))
        check(archive)

    with_archive(run)


@SETTINGS
@given(text=letter_texts(), name=st.sampled_from(NAMES))
def test_any_front_matter_gets_a_message(text: str, name: str) -> None:
    def run(archive: Archive) -> None:
        check(archive, archive.raw(name, text))

    with_archive(run)


@SETTINGS
@given(front=front_matter_values(), body=bodies)
def test_any_front_matter_value_with_any_body_gets_a_message(front: Any, body: str) -> None:
    text = "---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True) + "---\n\n" + body

    def run(archive: Archive) -> None:
        archive.letter()
        check(archive, archive.raw("2019/2019-03-14-morwenna-tregarth-random.md", text))

    with_archive(run)


@SETTINGS
@given(body=bodies)
def test_any_body_gets_a_message(body: str) -> None:
    def run(archive: Archive) -> None:
        letter = archive.letter(body=body)
        code, output = check(archive, letter)
        # The letter alone, or the whole archive around it: the same verdict.
        assert check(archive)[0] == code, output

    with_archive(run)


TRANSCRIPT_NAMES = (
    LETTER_NAME.removesuffix(".md") + ".txt",
    "2019/2019-03-14-morwenna-tregarth-no-letter.txt",
    "2019/notes.md",
    "loose.txt",
)


@SETTINGS
@given(
    content=st.binary(max_size=1000) | bodies.map(str.encode),
    body=bodies,
    name=st.sampled_from(TRANSCRIPT_NAMES),
)
def test_any_transcript_with_any_letter_gets_a_message(
    content: bytes, body: str, name: str
) -> None:
    def run(archive: Archive) -> None:
        letter = archive.letter(body=body)
        transcript = archive.transcript(content, name)
        code, output = check(archive, transcript)
        # The transcript alone checks its letter: the same verdict as both, or everything.
        assert check(archive, letter, transcript)[0] == code, output
        assert check(archive)[0] == code, output

    with_archive(run)


@SETTINGS
@given(data=st.data(), name=st.sampled_from(REGISTER_FILES))
def test_any_register_gets_a_message(data: st.DataObject, name: str) -> None:
    content = data.draw(register_contents(name), label="content")
    scope = data.draw(st.sampled_from(["register", "register and letter", "everything"]))

    def run(archive: Archive) -> None:
        letter = archive.letter()
        path = archive.data / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        if scope == "register":
            check(archive, path)
        elif scope == "register and letter":
            check(archive, path, letter)
        else:
            check(archive)

    with_archive(run)


def test_the_valid_archive_passes(tmp_path: Path) -> None:
    # The properties above would hold for a validator that refused everything;
    # the untouched fictional archive must pass.
    archive = Archive(tmp_path)
    letter = archive.letter()
    assert check(archive)[0] == 0
    assert check(archive, letter)[0] == 0
    registers = [archive.data / name for name in REGISTER_FILES]
    assert check(archive, *(path for path in registers if path.exists()))[0] == 0


WRONGLY_TAGGED = ("!!bool x", "!!timestamp x", "!!int ''", "!!float ''")
"""Values with an explicit tag they do not fit: PyYAML's constructors raise
KeyError, AttributeError and IndexError, which load_located turns into a
message (found by the properties above)."""


@pytest.mark.parametrize("where", ["letter", "register"])
@pytest.mark.parametrize("value", WRONGLY_TAGGED)
def test_a_wrongly_tagged_value_gets_a_message(tmp_path: Path, where: str, value: str) -> None:
    archive = Archive(tmp_path)
    letter = archive.letter()
    if where == "letter":
        code, output = check(archive, archive.letter(title=value))
    else:
        register = archive.register("members.yml", f"- name: {value}\n  seats: []\n")
        code, output = check(archive, register, letter)
    assert code == 1
    assert "a value tagged with '!!' is not of that type" in output


DEPTH = 990
"""Nesting that libyaml still accepts (its limit is 1000) but that is deeper
than Python's recursion limit allows a recursive walk to go: refused with a
message before any walk."""


@pytest.mark.parametrize("where", ["letter", "register"])
def test_deeply_nested_yaml_gets_a_message(tmp_path: Path, where: str) -> None:
    nested = "[" * DEPTH + "]" * DEPTH
    archive = Archive(tmp_path)
    letter = archive.letter()
    if where == "letter":
        code, output = check(
            archive, archive.raw(LETTER_NAME, f"---\ntitle: {nested}\n---\n\n{BODY}")
        )
    else:
        register = archive.register("members.yml", f"- name: x\n  seats: {nested}\n")
        code, output = check(archive, register, letter)
    assert code == 1
    assert "the YAML is nested more than 50 levels deep" in output
