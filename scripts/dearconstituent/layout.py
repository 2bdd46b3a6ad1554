"""Where things live in the archive's source folder (``docs/``): one place for every path.

::

    docs/letters/<YYYY>/<date>-<signatory>-<subject>.md     a letter
    docs/_transcripts/<YYYY>/<the same name>.txt            its transcript, when there is one
    docs/_data/<register>.yml                               the registers

Folders starting with an underscore are the archive's sources, never
published as pages.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from .dates import LetterDate

LETTERS_DIR = "letters"
DATA_DIR = "_data"
TRANSCRIPTS_DIR = "_transcripts"
LETTER_SUFFIX = ".md"
TRANSCRIPT_SUFFIX = ".txt"
UNDATED = "undated"
"""The year folder a tool uses when it could not find a letter's date."""
SOURCE_DIRS = (DATA_DIR, TRANSCRIPTS_DIR)
"""Folders of ``docs/`` that hold the archive's sources and are never published."""
DOCS = "docs"
"""The docs folder's name in the repository, as the data exports give paths."""
SOURCE_PATH_PATTERN = rf"^{DOCS}/{LETTERS_DIR}/\d{{4}}/[a-z0-9-]+\{LETTER_SUFFIX}$"
"""What :func:`source_path` gives for a valid letter, as a regular expression."""


def source_path(letter: PurePosixPath) -> str:
    """A letter's file in the repository, from its path below ``docs/``."""
    return f"{DOCS}/{letter.as_posix()}"


def letter_path(docs_dir: Path, date: LetterDate | None, name: str) -> Path:
    """Where a letter lives: ``docs/letters/<YYYY>/<name>``."""
    return docs_dir / LETTERS_DIR / _year_folder(date) / name


def transcript_for(docs_dir: Path, letter: PurePosixPath) -> Path | None:
    """Where the transcript of the letter at ``letter`` (below ``docs/``) is kept."""
    stem = _stem_in(letter, LETTERS_DIR, LETTER_SUFFIX)
    if stem is None:
        return None
    return docs_dir / TRANSCRIPTS_DIR / letter.parts[1] / f"{stem}{TRANSCRIPT_SUFFIX}"


def letter_for(docs_dir: Path, transcript: PurePosixPath) -> Path | None:
    """The letter of the transcript at ``transcript`` (below ``docs/``), or None when
    the transcript is not where a transcript can be."""
    stem = _stem_in(transcript, TRANSCRIPTS_DIR, TRANSCRIPT_SUFFIX)
    if stem is None:
        return None
    return docs_dir / LETTERS_DIR / transcript.parts[1] / f"{stem}{LETTER_SUFFIX}"


def is_below(folder: Path, path: Path) -> bool:
    """Whether ``path`` lies somewhere inside ``folder``."""
    return os.path.abspath(path).startswith(os.path.abspath(folder) + os.sep)


def relative_to_docs(path: Path, docs_dir: Path) -> PurePosixPath | None:
    """``path`` below the docs folder, or None when it lies outside it."""
    prefix = f"{docs_dir}{os.sep}"
    if str(path).startswith(prefix) and ".." not in path.parts:
        return PurePosixPath(str(path)[len(prefix) :].replace(os.sep, "/"))
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(docs_dir))
    if relative.startswith(os.pardir):
        return None
    return PurePosixPath(Path(relative).as_posix())


def _stem_in(path: PurePosixPath, folder: str, suffix: str) -> str | None:
    parts = path.parts
    if len(parts) != 3 or parts[0] != folder or not parts[2].endswith(suffix):
        return None
    return parts[2].removesuffix(suffix) or None


def _year_folder(date: LetterDate | None) -> str:
    return str(date.year) if date else UNDATED
