"""The letter markup: how a transcription marks the parts of a letter.

A letter body is the verbatim text of the letter in Markdown. Its parts are
fenced with ``::: <part>`` and ``:::`` lines, so that the words stay exactly
as the writer sent them and the site can still style a letterhead, a
salutation or a sign-off, and set a transcriber's note apart::

    ::: letterhead
    HOUSE OF COMMONS
    LONDON SW1A 0AA
    :::

    ::: sign-off
    Yours sincerely,

    ::: note
    A handwritten signature, appearing to read 'Alister Jack'.
    :::
    :::

Only ``note`` holds editorial words (never the writer's); it may sit inside
another part. Every other part appears at most once and never nests.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from .findings import Finding
from .suggest import did_you_mean

PARTS = ("letterhead", "date", "salutation", "subject", "sign-off", "note")
NOTE = "note"
_FENCE = re.compile(r"^\s*:{3,}\s*(?P<name>.*?)\s*$")
_FOREIGN_BLOCK = re.compile(r"^\s*(?:/{3,}|!{3}|\?{3}\+?)(?=\s|$)")
_MARKERS = (":::", "///", "!!!", "???")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)
_BLANK_RUN = re.compile(r"\n{3,}")


class _Open(NamedTuple):
    part: str
    line: int
    inner_start: int


@dataclass
class ParsedBody:
    findings: list[Finding]
    fences: list[tuple[int, int, str]] = field(default_factory=list)
    """Every well-formed fence line, in order, as ``(start, end, part or "")``."""


def parse_body(body: str, *, first_line: int = 1) -> ParsedBody:
    """Find the fences of a body and everything wrong with them."""
    findings: list[Finding] = []
    fences: list[tuple[int, int, str]] = []
    stack: list[_Open] = []
    seen: set[str] = set()
    number, position = first_line, 0
    for start in sorted(_marker_line_starts(body, _MARKERS)):
        number += body.count("\n", position, start)
        position = start
        end = body.find("\n", start)
        end = len(body) if end < 0 else end
        line = body[start:end]
        match = _FENCE.match(line)
        if match is None:
            if _FOREIGN_BLOCK.match(line):
                findings.append(_foreign_block(number, line))
            continue
        if line.lstrip()[3:4] == ":":
            findings.append(_bad_fence(number))
        name = match.group("name")
        fences.append((start, end + 1, name))
        if name:
            opened = _Open(name, number, end + 1)
            if name not in PARTS or stack or name in seen:
                findings.extend(_opening_problems(opened, stack, seen))
            stack.append(opened)
            seen.add(name)
        elif stack:
            opened = stack.pop()
            if not body[opened.inner_start : start].strip():
                findings.append(_empty_part(opened))
        else:
            findings.append(
                Finding(
                    number,
                    "body",
                    "':::' closes a part that was never opened",
                    "remove the line, or open the part with '::: <part>' above it",
                )
            )
    findings.extend(
        Finding(
            opened.line,
            "body",
            f"the part '{opened.part}' is never closed",
            "add a line ':::' after its last line",
        )
        for opened in stack
    )
    return ParsedBody(findings, fences)


def _marker_line_starts(body: str, markers: tuple[str, ...]) -> set[int]:
    starts: set[int] = set()
    for marker in markers:
        found = body.find(marker)
        while found >= 0:
            line_start = body.rfind("\n", 0, found) + 1
            if not body[line_start:found].strip(" \t"):
                starts.add(line_start)
            found = body.find(marker, found + len(marker))
    return starts


def _bad_fence(number: int) -> Finding:
    return Finding(
        number,
        "body",
        "a part fence must be exactly ':::' at the start of the line",
        "write '::: <part>' to open and ':::' to close",
    )


def _opening_problems(block: _Open, stack: list[_Open], seen: set[str]) -> Iterator[Finding]:
    if block.part not in PARTS:
        hint = did_you_mean(block.part, PARTS) or f"the parts are: {', '.join(PARTS)}"
        yield Finding(block.line, "body", f"unknown letter part '{block.part}'", hint)
        return
    if stack and block.part != NOTE:
        yield Finding(
            block.line,
            "body",
            f"the part '{block.part}' cannot be inside '{stack[-1].part}'",
            f"close '{stack[-1].part}' with ':::' first; only a note may sit inside another part",
        )
    if stack and stack[-1].part == NOTE:
        yield Finding(
            block.line,
            "body",
            "a note cannot contain another part",
            "close the note with ':::' first",
        )
    if block.part != NOTE and block.part in seen:
        yield Finding(
            block.line,
            "body",
            f"the part '{block.part}' appears twice",
            "a letter has one of each part; merge them or remove one",
        )


def _foreign_block(number: int, line: str) -> Finding:
    return Finding(
        number,
        "body",
        f"block markup '{line.strip()[:12]}' is not part of the letter markup",
        "use '::: <part>' … ':::' (parts: " + ", ".join(PARTS) + ")",
    )


def _empty_part(block: _Open) -> Finding:
    return Finding(
        block.line,
        "body",
        f"the part '{block.part}' is empty",
        "put the letter's text between the fences, or remove them",
    )


def is_fence(line: str) -> bool:
    return bool(_FENCE.match(line))


def letter_words(body: str) -> str:
    """The writer's words only: fences and transcriber's notes removed.

    Blank-line structure is kept (paragraphs stay paragraphs), with runs of
    blank lines collapsed, and leading and trailing blank lines dropped.
    """
    return _tidy(writer_text(body))


def writer_text(body: str, fences: list[tuple[int, int, str]] | None = None) -> str:
    """The writer's words, fences and notes removed, spacing left as it is.

    ``fences`` saves a second scan when the body was already parsed.
    """
    return _outside(body, skip=lambda stack: NOTE in stack, fences=fences)


def main_text(body: str) -> str:
    """The letter's own paragraphs: everything outside the fenced parts."""
    return _tidy(_outside(body, skip=bool))


def _outside(
    body: str,
    *,
    skip: Callable[[list[str]], bool],
    fences: list[tuple[int, int, str]] | None = None,
) -> str:
    """The body without its fence lines, and without the text of parts ``skip`` names."""
    pieces: list[str] = []
    stack: list[str] = []
    position = 0
    for start, end, name in _fences(body) if fences is None else fences:
        if not skip(stack):
            pieces.append(body[position:start])
        position = end
        if name:
            stack.append(name)
        elif stack:
            stack.pop()
    if not skip(stack):
        pieces.append(body[position:])
    return "".join(pieces)


def fence_spans(body: str) -> list[tuple[int, int, str]]:
    """Every fence line as ``(start, start of the next line, part or "")``, in order."""
    return _fences(body)


def _fences(body: str) -> list[tuple[int, int, str]]:
    fences = []
    for start in sorted(_marker_line_starts(body, (":::",))):
        end = body.find("\n", start)
        end = len(body) if end < 0 else end
        match = _FENCE.match(body[start:end])
        if match is not None:
            fences.append((start, end + 1, match.group("name")))
    return fences


def _tidy(text: str) -> str:
    # Each pattern tries every space (or line end) of the text; most letters need
    # neither, and a look for the pieces they match is ten times quicker.
    if text.endswith((" ", "\t")) or " \n" in text or "\t\n" in text:
        text = _TRAILING_SPACE.sub("", text)
    if "\n\n\n" in text:
        text = _BLANK_RUN.sub("\n\n", text)
    return text.strip("\n")
