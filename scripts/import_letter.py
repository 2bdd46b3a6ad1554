#!/usr/bin/env python3
"""Turn a plain-text transcription into a letter file: python scripts/import_letter.py FILE

Finds the date, the MP, the constituency, a subject line for the title, and
suggests topics and a campaign from the registers; marks up the letterhead,
salutation and sign-off; turns a described signature into a transcriber's
note. Writes docs/letters/<YYYY>/<name>.md and keeps the transcript, byte for
byte, at docs/_transcripts/<YYYY>/<name>.txt, where the validator checks the
letter against it (never over an existing file); prints what it found and
what it left as a "TODO:" placeholder for you to fill in. Check the result
with `make check` before opening a pull request.

    python scripts/import_letter.py TRANSCRIPT [--dry-run] [--date …] [--signatory …] …

With --dry-run the letter is printed instead of written. Exit status: 0 done,
1 the transcript could not be read or the file exists, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path, PurePosixPath
from typing import TextIO

from dearconstituent.dates import parse_letter_date
from dearconstituent.errors import FieldError, SourceError
from dearconstituent.importer import Draft, import_transcript
from dearconstituent.layout import DATA_DIR, letter_path, transcript_for
from dearconstituent.letterfile import keep_transcript, transcript_in_place, write_new_letter
from dearconstituent.model import Registers
from dearconstituent.privacy import find_personal_data
from dearconstituent.registers import load_registers
from dearconstituent.source import read_text

ROOT = Path(__file__).resolve().parent.parent


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="import_letter.py",
        description="Turn a plain-text transcription into a Dear Constituent letter file.",
    )
    parser.add_argument("transcript", type=Path, help="the transcription, a UTF-8 text file")
    parser.add_argument(
        "--dry-run", action="store_true", help="print the letter file instead of writing it"
    )
    parser.add_argument(
        "--docs", type=Path, default=ROOT / "docs", help="the docs folder (default: %(default)s)"
    )
    given = parser.add_argument_group("fields to use instead of what the transcript says")
    given.add_argument("--date", help="YYYY-MM-DD, or YYYY-MM for a month")
    given.add_argument("--signatory", help="the MP's name as in docs/_data/members.yml")
    given.add_argument("--constituency")
    given.add_argument("--title")
    given.add_argument("--topics", help="topic slugs, separated by commas")
    given.add_argument("--campaign", help="a campaign slug")
    given.add_argument(
        "--source", help='what the transcript was made from, e.g. "Scanned paper letter"'
    )
    given.add_argument("--summary", help="one or two plain sentences (editorial)")
    return parser.parse_args(argv)


def overrides_from(arguments: argparse.Namespace) -> dict[str, object]:
    overrides: dict[str, object] = {}
    for key in ("signatory", "constituency", "title", "campaign", "source", "summary"):
        if getattr(arguments, key):
            overrides[key] = getattr(arguments, key).strip()
    if arguments.topics:
        overrides["topics"] = [
            topic.strip() for topic in arguments.topics.split(",") if topic.strip()
        ]
    if arguments.date:
        overrides["date"] = parse_letter_date(arguments.date)
    return overrides


def report(draft: Draft, *, out: TextIO) -> None:
    for field, how in draft.found:
        print(f"  found   {field}: {how}", file=out)
    for field, why in draft.missing:
        print(f"  MISSING {field}: {why} — left as a TODO placeholder", file=out)


def warn_of_personal_data(transcript: Path, text: str, registers: Registers) -> None:
    """The transcript is published in the repository with the letter: say what in it
    looks like personal data, to be removed from both."""
    for found in find_personal_data(text, allowlist=registers.allowlist):
        print(
            f"  WARNING {transcript}:{found.line}: looks like personal data "
            f"({found.kind}: '{found.text}'): remove it from the transcript and the letter",
        )


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    try:
        overrides = overrides_from(arguments)
    except FieldError as error:
        print(f"import_letter.py: error: --date: {error.message} ({error.hint})", file=sys.stderr)
        return 2
    try:
        text = read_text(arguments.transcript)
    except SourceError as error:
        print(f"{arguments.transcript}:{error.line}: error: {error.message}", file=sys.stderr)
        return 1
    if not text.strip():
        print(f"{arguments.transcript}:1: error: the transcript is empty", file=sys.stderr)
        return 1
    registers, _ = load_registers(arguments.docs / DATA_DIR)
    draft = import_transcript(text, registers, overrides=overrides)
    if arguments.dry_run:
        print(
            f"Would write letters/{draft.date.year if draft.date else 'undated'}/{draft.name}:",
            file=sys.stderr,
        )
        report(draft, out=sys.stderr)
        sys.stdout.write(draft.text())
        return 0
    path = letter_path(arguments.docs, draft.date, draft.name)
    kept = transcript_for(arguments.docs, PurePosixPath(path.relative_to(arguments.docs)))
    try:
        if path.exists():
            raise FileExistsError(path)
        in_place = kept is None or transcript_in_place(arguments.transcript, kept)
    except FileExistsError as error:
        print(
            f"import_letter.py: error: {error.args[0]} already exists; nothing was written "
            "(edit that file, or move it away first)",
            file=sys.stderr,
        )
        return 1
    write_new_letter(path, draft.text())
    print(f"Wrote {path}")
    if kept is not None and not in_place:
        keep_transcript(arguments.transcript, kept)
        print(f"Kept the transcript, as received, at {kept}")
    report(draft, out=sys.stdout)
    warn_of_personal_data(arguments.transcript, text, registers)
    todo = " and fill in the TODO placeholders" if draft.missing else ""
    print(f"Next: read the file against the original{todo}, then run `make check`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
