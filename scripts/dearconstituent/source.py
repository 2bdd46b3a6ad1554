"""Reading files as text and splitting a letter into front matter and body.

Everything here is tolerant of what editors and browsers produce (a UTF-8
byte order mark, CRLF line endings) and strict about everything else: any
input that cannot be a letter raises :class:`SourceError` naming the line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import SourceError

BOM = "\ufeff"
FENCE = "---"


@dataclass(frozen=True)
class SplitLetter:
    """A letter file cut into its YAML front matter and its Markdown body."""

    front_matter: str
    front_matter_line: int
    """Line number of the first line inside the front matter block."""
    body: str
    body_line: int
    """Line number of the first line of the body."""


def read_text(path: Path) -> str:
    """Read a file as UTF-8 text, normalised to ``\\n`` line endings and no BOM."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SourceError(f"cannot read the file: {error.strerror or error}") from None
    return decode_text(data)


def decode_text(data: bytes) -> str:
    """Decode bytes as UTF-8 text, refusing binary data with a clear message."""
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise SourceError(
            "the file is binary, not text",
            line=line,
            hint="letters and registers are plain UTF-8 text files",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceError(
            f"the file is not valid UTF-8 (byte 0x{data[error.start]:02x})",
            line=line,
            hint="save the file with UTF-8 encoding",
        ) from None
    text = text.removeprefix(BOM)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def split_front_matter(text: str) -> SplitLetter:
    """Cut a letter into the block between the ``---`` lines and the body after it."""
    if not text.strip():
        raise SourceError(
            "the file is empty",
            hint="a letter starts with a front matter block between two '---' lines",
        )
    first_end = text.find("\n")
    first = text if first_end < 0 else text[:first_end]
    if first.rstrip() != FENCE:
        raise SourceError(
            "the file does not start with a front matter block",
            hint="the first line must be '---', followed by the fields and another '---'",
        )
    closing = _closing_fence(text, first_end)
    if closing is not None:
        start, end = closing
        return SplitLetter(
            front_matter=text[first_end + 1 : start].removesuffix("\n"),
            front_matter_line=2,
            body=text[end + 1 :],
            body_line=text.count("\n", 0, start) + 2,
        )
    raise SourceError(
        "the front matter block is never closed",
        hint="add a line '---' after the last field",
    )


def _closing_fence(text: str, first_end: int) -> tuple[int, int] | None:
    """Start and end offsets of the line that closes the front matter, if any."""
    if first_end < 0:
        return None
    start = first_end + 1
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if text[start:end].rstrip() == FENCE:
            return start, end
        if end == len(text):
            return None
        start = end + 1
    return None
