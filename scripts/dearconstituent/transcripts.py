"""Transcripts: the text each letter was made from, and the rule that the letter is verbatim.

A letter made from a transcript keeps it beside the archive, verbatim as
received, linked by name::

    docs/letters/2019/2019-09-alister-jack-mps-not-border-guards.md
    docs/_transcripts/2019/2019-09-alister-jack-mps-not-border-guards.txt

The letter must then say exactly what the transcript says: every line of the
transcript is in the body, in order, and the only additions are the part
fences and transcriber's notes (a described signature in the transcript
becomes a note). Spacing at either end of a line and blank lines are layout,
not words, and are not compared.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from .findings import Finding
from .layout import LETTER_SUFFIX, LETTERS_DIR, TRANSCRIPT_SUFFIX, TRANSCRIPTS_DIR
from .markup import NOTE

_EXCERPT = 32
"""Characters shown on either side of the first difference in a line."""


class Line(NamedTuple):
    """One line of words: its 1-based number in its file, its text, and
    whether it is editorial (inside a transcriber's note)."""

    number: int
    text: str
    editorial: bool = False


@dataclass(frozen=True)
class Transcript:
    """A transcript as read, with its path as the user should see it."""

    shown: str
    text: str


def misplaced(relative: PurePosixPath) -> Finding:
    """A file in the transcripts folder that cannot belong to any letter."""
    return Finding(
        1,
        "transcript",
        f"a transcript must be at docs/{TRANSCRIPTS_DIR}/<YYYY>/<the letter's name>"
        f"{TRANSCRIPT_SUFFIX}, not docs/{relative.as_posix()}",
        f"name it after its letter: docs/{LETTERS_DIR}/2019/2019-09-mp-subject{LETTER_SUFFIX} "
        f"has docs/{TRANSCRIPTS_DIR}/2019/2019-09-mp-subject{TRANSCRIPT_SUFFIX}",
    )


def without_letter(letter: Path, suggestion: str) -> Finding:
    """A transcript whose letter does not exist; ``suggestion`` is a did-you-mean or ''."""
    hint = (
        f"rename it after its letter: {suggestion}"
        if suggestion
        else "add its letter, rename it after its letter, or remove it"
    )
    return Finding(
        1,
        "transcript",
        f"this transcript has no letter: there is no docs/{LETTERS_DIR}/{letter.parent.name}/"
        f"{letter.name}",
        hint,
    )


# ---------------------------------------------------------------------------
# The verbatim rule


def body_lines(body: str, fences: Sequence[tuple[int, int, str]], *, first_line: int) -> list[Line]:
    """The body's lines of words: fences and blank lines left out, notes marked editorial."""
    fence_at = {start: name for start, _, name in fences}
    lines: list[Line] = []
    stack: list[str] = []
    offset = 0
    for number, text in enumerate(body.split("\n"), start=first_line):
        name = fence_at.get(offset)
        offset += len(text) + 1
        if name is None:
            if text.strip():
                lines.append(Line(number, text.strip(), NOTE in stack))
        elif name:
            stack.append(name)
        elif stack:
            stack.pop()
    return lines


def transcript_lines(text: str) -> list[Line]:
    """The transcript's lines of words, blank lines left out."""
    return [
        Line(number, line.strip())
        for number, line in enumerate(text.split("\n"), start=1)
        if line.strip()
    ]


def verbatim_differences(
    letter: Sequence[Line], transcript: Sequence[Line], *, shown: str
) -> Iterator[Finding]:
    """The first place where the letter stops saying what its transcript says.

    Walks both in step. A line of a transcriber's note may match the
    transcript's line (a described signature) or be an addition; any other
    line must be the transcript's next line. Only the first difference is
    reported: everything after it would follow from it.
    """
    at = 0
    for index, line in enumerate(letter):
        expected = transcript[at] if at < len(transcript) else None
        if expected is not None and line.text == expected.text:
            at += 1
            continue
        if line.editorial:
            continue
        yield _difference(letter[index:], transcript[at:], shown=shown)
        return
    if at < len(transcript):
        missing = transcript[at]
        yield Finding(
            letter[-1].number if letter else 1,
            "body",
            f"the letter ends before the transcript does: line {missing.number} of {shown} "
            f"is missing: '{_beginning(missing.text)}'",
            "copy the rest of the transcript into the letter, word for word",
        )


def _difference(letter: Sequence[Line], transcript: Sequence[Line], *, shown: str) -> Finding:
    """What is wrong where ``letter[0]``, a line of the writer's, is not ``transcript[0]``."""
    line = letter[0]
    if not transcript:
        return Finding(
            line.number,
            "body",
            f"this line is not in the transcript ({shown} ends before it): "
            f"'{_beginning(line.text)}'",
            "remove it, or put editorial words in a transcriber's note ('::: note')",
        )
    expected = transcript[0]
    if any(item.text == line.text for item in transcript[1:]):
        return Finding(
            line.number,
            "body",
            f"line {expected.number} of {shown} is missing before this line: "
            f"'{_beginning(expected.text)}'",
            "copy the transcript's line into the letter, word for word",
        )
    if any(item.text == expected.text for item in letter[1:]):
        return Finding(
            line.number,
            "body",
            f"this line is not in the transcript ({shown}): '{_beginning(line.text)}'",
            "remove it, or put editorial words in a transcriber's note ('::: note')",
        )
    column = _first_difference(line.text, expected.text)
    return Finding(
        line.number,
        "body",
        f"this line differs from line {expected.number} of {shown}, from character "
        f"{column + 1}: the transcript has '{_excerpt(expected.text, column)}', "
        f"the letter has '{_excerpt(line.text, column)}'",
        "copy the line exactly as the transcript has it, the writer's slips included",
    )


def _first_difference(one: str, other: str) -> int:
    for index, (a, b) in enumerate(zip(one, other, strict=False)):
        if a != b:
            return index
    return min(len(one), len(other))


def _excerpt(text: str, column: int) -> str:
    start = max(0, column - _EXCERPT)
    end = column + _EXCERPT
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def _beginning(text: str) -> str:
    return text if len(text) <= 2 * _EXCERPT else text[: 2 * _EXCERPT] + "…"
