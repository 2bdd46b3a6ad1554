#!/usr/bin/env python3
"""Start a new letter file: python scripts/new_letter.py --date … --signatory … --title … --topics …

Creates docs/letters/<YYYY>/<date>-<signatory>-<subject>.md with its front
matter filled in (the constituency from the members register) and an empty
body to paste the letter into. Asks for anything missing when run in a
terminal. Never replaces an existing file.

Exit status: 0 created, 1 the file exists, 2 a value is wrong or missing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from dearconstituent.errors import FieldError
from dearconstituent.layout import DATA_DIR, letter_path
from dearconstituent.letterfile import write_new_letter
from dearconstituent.newletter import (
    check_campaign,
    check_date,
    check_signatory,
    check_title,
    check_topics,
    plan_letter,
)
from dearconstituent.registers import load_registers

ROOT = Path(__file__).resolve().parent.parent
T = TypeVar("T")


class AnswerError(Exception):
    """A value is missing or wrong and cannot be asked for again."""


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="new_letter.py", description="Start a new Dear Constituent letter file."
    )
    parser.add_argument("--date", help="the date on the letter: YYYY-MM-DD, or YYYY-MM")
    parser.add_argument("--signatory", help="the MP's name as in docs/_data/members.yml")
    parser.add_argument("--title", help="a short editorial title")
    parser.add_argument("--topics", help="topic slugs, separated by commas")
    parser.add_argument("--campaign", help="a campaign slug (optional)")
    parser.add_argument("--constituency", help="only if the MP held two seats that month")
    parser.add_argument("--source", help='e.g. "Scanned paper letter" (optional)')
    parser.add_argument("--summary", help="one or two plain sentences (optional)")
    parser.add_argument(
        "--docs", type=Path, default=ROOT / "docs", help="the docs folder (default: %(default)s)"
    )
    return parser.parse_args(argv)


def obtain(
    flag: str, given: str | None, question: str, check: Callable[[str], T], *, interactive: bool
) -> T:
    """Check ``given``; in a terminal, ask (again) until the answer passes the check."""
    answer = given
    while True:
        if answer is None:
            if not interactive:
                raise AnswerError(f"--{flag} is required")
            answer = input(f"{question}: ").strip()
        try:
            return check(answer)
        except FieldError as error:
            message = f"--{flag}: {error.message}" + (f" ({error.hint})" if error.hint else "")
            if not interactive:
                raise AnswerError(message) from None
            print(message, file=sys.stderr)
            answer = None


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    interactive = sys.stdin.isatty()
    registers, _ = load_registers(arguments.docs / DATA_DIR)
    today = dt.date.today()

    def topics(text: str) -> list[str]:
        return check_topics([item.strip() for item in text.split(",") if item.strip()], registers)

    try:
        date = obtain(
            "date",
            arguments.date,
            "Date on the letter (YYYY-MM-DD or YYYY-MM)",
            lambda text: check_date(text, today=today),
            interactive=interactive,
        )
        member = obtain(
            "signatory",
            arguments.signatory,
            "The MP's name",
            lambda text: check_signatory(text, registers),
            interactive=interactive,
        )
        title = obtain(
            "title",
            arguments.title,
            "A short title",
            check_title,
            interactive=interactive,
        )
        chosen = obtain(
            "topics",
            arguments.topics,
            f"Topics, separated by commas ({', '.join(registers.topics)})",
            topics,
            interactive=interactive,
        )
        campaign = (
            obtain(
                "campaign",
                arguments.campaign,
                "Campaign",
                lambda text: check_campaign(text, registers),
                interactive=interactive,
            )
            if arguments.campaign
            else None
        )
        letter = plan_letter(
            date=date,
            member=member,
            title=title,
            topics=chosen,
            constituency=arguments.constituency,
            campaign=campaign,
            source=arguments.source,
            summary=arguments.summary,
        )
    except (AnswerError, FieldError) as error:
        message = str(error) if isinstance(error, AnswerError) else error.message
        print(f"new_letter.py: error: {message}", file=sys.stderr)
        return 2
    path = letter_path(arguments.docs, letter.date, letter.name)
    try:
        write_new_letter(path, letter.text())
    except FileExistsError:
        print(f"new_letter.py: error: {path} already exists; nothing was written", file=sys.stderr)
        return 1
    print(f"Created {path}")
    print(
        "Next: paste the letter's text below the front matter, exactly as written, then "
        "run `make check`."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
