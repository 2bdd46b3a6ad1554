"""Writing letter files: front matter in the project's house style, and file names.

Shared by ``import_letter.py`` and ``new_letter.py`` so that a letter made by
either reads like one typed by hand: fields in the field table's order
(:mod:`.frontmatter`), values unquoted where YAML allows, lists one item per
line.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import yaml

from .dates import LetterDate
from .frontmatter import FIELD_NAMES
from .slugs import slugify

PLACEHOLDER = "TODO:"
"""Starts every value a tool could not fill in; the validator refuses it."""
SUBJECT_WORDS = 6


def placeholder(what: str) -> str:
    """A value that says what to fill in, and that the validator will not accept."""
    return f"{PLACEHOLDER} {what}"


def is_placeholder(value: object) -> bool:
    return isinstance(value, str) and value.strip().startswith(PLACEHOLDER)


def format_letter(fields: Mapping[str, object], body: str) -> str:
    """The whole file: front matter between ``---`` lines, a blank line, the body."""
    lines = ["---"]
    for key in FIELD_NAMES:
        value = fields.get(key)
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            lines.append(f"{key}:")
            lines.extend(f"  - {yaml_scalar(item)}" for item in value)
        elif key == "date" and isinstance(value, LetterDate):
            lines.append(f"date: {value.iso()}")
        else:
            lines.append(f"{key}: {yaml_scalar(value)}")
    lines.append("---")
    text = "\n".join(lines) + "\n"
    return text + ("\n" + body.strip("\n") + "\n" if body.strip() else "\n")


def yaml_scalar(value: object) -> str:
    """A value as one YAML scalar, in the house style: plain, quoted only where needed."""
    # safe_dump quotes exactly when a plain scalar would be misread (a colon
    # and space, a leading special character, "yes"); otherwise it stays plain.
    dumped = yaml.safe_dump(str(value), allow_unicode=True, width=10_000)
    return dumped.removesuffix("\n...\n").removesuffix("\n")


def letter_name(date: LetterDate | None, signatory: str, subject: str) -> str:
    """``2019-09-alister-jack-mps-not-border-guards.md``."""
    words = slugify(subject).split("-")[:SUBJECT_WORDS]
    stem = "-".join(
        part
        for part in (date.iso() if date else "undated", slugify(signatory), "-".join(words))
        if part
    )
    return f"{stem}.md"


def write_new_letter(path: Path, text: str) -> None:
    """Write a letter file, refusing to replace an existing one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def transcript_in_place(source: Path, target: Path) -> bool:
    """Whether ``target`` already holds exactly the transcript ``source``.

    Raises :class:`FileExistsError` when it holds something else: a transcript
    is kept as received and never replaced.
    """
    if not target.exists():
        return False
    if target.read_bytes() == source.read_bytes():
        return True
    raise FileExistsError(target)


def keep_transcript(source: Path, target: Path) -> None:
    """Copy a transcript, byte for byte, to where the archive keeps it; never replace one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("xb") as handle:
        handle.write(source.read_bytes())
