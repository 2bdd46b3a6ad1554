"""Markup that must never reach the site from a letter or a register.

MkDocs and Material copy front matter into pages unescaped and Markdown
passes raw HTML through, so anything that could become markup or a script is
refused here, in text from outsiders' pull requests. The build escapes as
well; this is the first of two walls, not the only one.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import NamedTuple

_TAG = re.compile(r"<\s*(?:/\s*)?[A-Za-z][^\s>/]*|<!|<\?")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_SCRIPT_SCHEME = re.compile(r"(?:java|vb|live)script\s*:", re.IGNORECASE)
# ``data:`` is ordinary English ("the data: ...") except where a link target starts.
_LINK_DATA_SCHEME = re.compile(r"(?:\]\(\s*<?|\]:\s*<?|\(\s*)\s*data\s*:", re.IGNORECASE)
_ATTRIBUTE_LIST = re.compile(r"\{\s*[:#.]|\{[^}\n]*\b[A-Za-z_-]+\s*=")
_INVISIBLE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ue000-\uf8ff]"
)


class Unsafe(NamedTuple):
    line: int
    message: str
    hint: str


def find_unsafe(text: str, *, first_line: int = 1) -> Iterator[Unsafe]:
    """Yield every raw HTML tag, character reference, script link or attribute list."""
    if not might_be_unsafe(text):
        return
    for offset, line in enumerate(text.split("\n")):
        yield from _unsafe_in_line(line, first_line + offset)


def might_be_unsafe(text: str) -> bool:
    # One scan of the whole text per pattern; almost every letter is clean, and
    # only one that is not pays for the line-by-line pass that names the lines.
    if "<" in text or "&" in text:
        return True
    # isprintable() is one fast pass; only text that fails it (a tab, a
    # non-breaking space…) needs the slower search for invisible characters.
    if not text.replace("\n", "").isprintable() and _INVISIBLE.search(text):
        return True
    lowered = text.lower()
    return bool(
        ("script" in lowered and _SCRIPT_SCHEME.search(text))
        or ("data" in lowered and _LINK_DATA_SCHEME.search(text))
        or ("{" in text and _ATTRIBUTE_LIST.search(text))
    )


def _unsafe_in_line(line: str, number: int) -> Iterator[Unsafe]:
    if match := _TAG.search(line):
        yield Unsafe(
            number,
            f"raw HTML is not allowed ('{_clip(match.group())}')",
            "letters are plain text and Markdown; remove the tag, or write "
            "the words 'less than' instead of '<'",
        )
    if match := _ENTITY.search(line):
        yield Unsafe(
            number,
            f"HTML character references are not allowed ('{match.group()}')",
            f"type the character itself: '{html.unescape(match.group())}'",
        )
    decoded = _INVISIBLE.sub("", html.unescape(line))
    if _SCRIPT_SCHEME.search(decoded) or _LINK_DATA_SCHEME.search(decoded):
        yield Unsafe(
            number,
            "script and data links are not allowed",
            "links may only point to http:// or https:// addresses",
        )
    if match := _INVISIBLE.search(line):
        yield Unsafe(
            number,
            f"invisible or private-use character U+{ord(match.group()):04X} is not allowed",
            "retype the line; such characters can hide or reorder text",
        )
    if match := _ATTRIBUTE_LIST.search(line):
        yield Unsafe(
            number,
            f"Markdown attribute lists are not allowed ('{_clip(match.group())}')",
            "remove the '{…}' markup; the site styles letters itself",
        )


def _clip(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
