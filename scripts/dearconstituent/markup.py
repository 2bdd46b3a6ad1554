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
from collections.abc import Iterator
from dataclasses import dataclass, field

from .findings import Finding
from .suggest import did_you_mean

PARTS = ("letterhead", "date", "salutation", "subject", "sign-off", "note")
NOTE = "note"
_FENCE = re.compile(r"^\s*:{3,}\s*(?P<name>.*?)\s*$")
_FOREIGN_BLOCK = re.compile(r"^\s*(?:/{3,}|!{3}|\?{3}\+?)(?=\s|$)")


@dataclass
class Block:
    """One fenced part of a letter, with the body lines it spans."""

    part: str
    open_line: int
    close_line: int | None = None
    children: list[Block] = field(default_factory=list)


@dataclass
class ParsedBody:
    blocks: list[Block]
    findings: list[Finding]


def parse_body(body: str, *, first_line: int = 1) -> ParsedBody:
    """Find the fenced parts of a body and everything wrong with the fences."""
    blocks: list[Block] = []
    findings: list[Finding] = []
    stack: list[Block] = []
    seen: set[str] = set()
    for offset, line in enumerate(body.split("\n")):
        number = first_line + offset
        if _FOREIGN_BLOCK.match(line):
            findings.append(_foreign_block(number, line))
            continue
        match = _FENCE.match(line)
        if not match:
            continue
        findings.extend(_fence_shape(number, line))
        name = match.group("name")
        if not name:
            if stack:
                stack.pop().close_line = number
            else:
                findings.append(
                    Finding(
                        number,
                        "body",
                        "':::' closes a part that was never opened",
                        "remove the line, or open the part with '::: <part>' above it",
                    )
                )
            continue
        block = Block(name, number)
        findings.extend(_opening_problems(block, stack, seen))
        (stack[-1].children if stack else blocks).append(block)
        stack.append(block)
        seen.add(name)
    findings.extend(
        Finding(
            block.open_line,
            "body",
            f"the part '{block.part}' is never closed",
            "add a line ':::' after its last line",
        )
        for block in stack
    )
    findings.extend(_empty_parts(body, first_line, blocks))
    return ParsedBody(blocks, findings)


def _fence_shape(number: int, line: str) -> Iterator[Finding]:
    if not line.lstrip().startswith(":::") or line.lstrip().startswith("::::"):
        yield Finding(
            number,
            "body",
            "a part fence must be exactly ':::' at the start of the line",
            "write '::: <part>' to open and ':::' to close",
        )


def _opening_problems(block: Block, stack: list[Block], seen: set[str]) -> Iterator[Finding]:
    if block.part not in PARTS:
        hint = did_you_mean(block.part, PARTS) or f"the parts are: {', '.join(PARTS)}"
        yield Finding(block.open_line, "body", f"unknown letter part '{block.part}'", hint)
        return
    if stack and block.part != NOTE:
        yield Finding(
            block.open_line,
            "body",
            f"the part '{block.part}' cannot be inside '{stack[-1].part}'",
            f"close '{stack[-1].part}' with ':::' first; only a note may sit inside another part",
        )
    if stack and stack[-1].part == NOTE:
        yield Finding(
            block.open_line,
            "body",
            "a note cannot contain another part",
            "close the note with ':::' first",
        )
    if block.part != NOTE and block.part in seen:
        yield Finding(
            block.open_line,
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


def _empty_parts(body: str, first_line: int, blocks: list[Block]) -> Iterator[Finding]:
    lines = body.split("\n")
    for block in _walk(blocks):
        if block.close_line is None:
            continue
        inner = lines[block.open_line - first_line + 1 : block.close_line - first_line]
        if not any(line.strip() for line in inner):
            yield Finding(
                block.open_line,
                "body",
                f"the part '{block.part}' is empty",
                "put the letter's text between the fences, or remove them",
            )


def _walk(blocks: list[Block]) -> Iterator[Block]:
    for block in blocks:
        yield block
        yield from _walk(block.children)


def is_fence(line: str) -> bool:
    return bool(_FENCE.match(line))


def letter_words(body: str) -> str:
    """The writer's words only: fences and transcriber's notes removed.

    Blank-line structure is kept (paragraphs stay paragraphs), with runs of
    blank lines collapsed, and leading and trailing blank lines dropped.
    """
    kept: list[str] = []
    depth_in_note = 0
    stack: list[str] = []
    for line in body.split("\n"):
        match = _FENCE.match(line)
        if match:
            name = match.group("name")
            if name:
                stack.append(name)
                depth_in_note += name == NOTE
            elif stack:
                depth_in_note -= stack.pop() == NOTE
            continue
        if depth_in_note:
            continue
        if line.strip() or (kept and kept[-1].strip()):
            kept.append(line.rstrip())
    return "\n".join(kept).strip("\n")
