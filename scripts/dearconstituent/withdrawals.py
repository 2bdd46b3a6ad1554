"""The register of withdrawn letters (``docs/_data/withdrawn.yml``).

A letter taken out of the archive is deleted, and an entry here says where it
was, when it was withdrawn and why, so that its address keeps a notice
instead of a 404, the exports tell anyone holding an old copy to purge it,
and the Corrections page can count withdrawals in public::

    - letter: docs/letters/2019/2019-09-14-ann-example-fair-rents.md
      withdrawn: 2026-11-30
      reason: not-a-standard-reply
      note: The office told us this was a reply to one constituent.   # optional, public
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from .dates import parse_day
from .errors import FieldError
from .fields import require_text
from .findings import Finding
from .layout import DOCS, SOURCE_PATH_PATTERN, transcript_for
from .model import Withdrawal
from .registerfields import field_value, key_findings, list_entries
from .suggest import did_you_mean
from .yamlsource import LocatedYaml

REASONS: dict[str, str] = {
    "not-a-standard-reply": "it was a reply to one person, not a standard reply",
    "personal-data": "it held personal data that could not be taken out",
    "writers-request": "at its writer's request",
    "not-authentic": "it was found not to be authentic",
    "legal": "for legal reasons",
}
"""Why a letter can be withdrawn: the register's key, and the reason as a notice gives it."""

KEYS = {"letter": True, "withdrawn": True, "reason": True, "note": False}
NOTE_LIMIT = 500
_PATH = re.compile(SOURCE_PATH_PATTERN)


def parse_withdrawals(
    document: LocatedYaml, docs_dir: Path
) -> tuple[tuple[Withdrawal, ...], list[Finding]]:
    """The register's entries, oldest withdrawal first; the letter's file (and its
    transcript) must be gone from ``docs_dir``."""
    findings: list[Finding] = []
    found: dict[PurePosixPath, Withdrawal] = {}
    entries = list_entries(document, "withdrawn", "- letter: docs/letters/…", findings)
    for position, entry in entries:
        findings.extend(key_findings(document, (position,), entry, KEYS))
        path = field_value(document, (position, "letter"), entry, _letter, findings)
        day = field_value(document, (position, "withdrawn"), entry, parse_day, findings)
        reason = field_value(document, (position, "reason"), entry, _reason, findings)
        note = field_value(document, (position, "note"), entry, _note, findings, optional=True)
        if path is None or day is None or reason is None:
            continue
        line = document.line(position, "letter")
        if path in found:
            findings.append(Finding(line, "letter", "is withdrawn twice", "keep one entry"))
            continue
        findings.extend(_still_there(docs_dir, path, line))
        found[path] = Withdrawal(path, day, reason, note)
    ordered = sorted(found.values(), key=lambda item: (item.withdrawn, item.path.as_posix()))
    return tuple(ordered), findings


def _letter(value: object) -> PurePosixPath:
    text = require_text(value)
    if not _PATH.match(text):
        raise FieldError(
            f"'{text}' is not a letter's file",
            hint=f"give its path in the repository: {DOCS}/letters/<YYYY>/<name>.md",
        )
    return PurePosixPath(text).relative_to(DOCS)


def _reason(value: object) -> str:
    text = require_text(value)
    if text not in REASONS:
        hint = did_you_mean(text, REASONS) or f"the reasons are: {', '.join(REASONS)}"
        raise FieldError(f"'{text}' is not a reason for withdrawing a letter", hint=hint)
    return text


def _note(value: object) -> str:
    return require_text(value, multiline=True, limit=NOTE_LIMIT)


def _still_there(docs_dir: Path, letter: PurePosixPath, line: int) -> Iterator[Finding]:
    if (docs_dir / letter).exists():
        yield Finding(
            line,
            "letter",
            "is withdrawn, but its file is still in the archive",
            f"delete {DOCS}/{letter.as_posix()}",
        )
    transcript = transcript_for(docs_dir, letter)
    if transcript is not None and transcript.exists():
        yield Finding(
            line,
            "letter",
            "is withdrawn, but its transcript is still in the archive",
            f"delete {DOCS}/{transcript.relative_to(docs_dir).as_posix()}",
        )
