#!/usr/bin/env python3
"""Check letters and registers: python scripts/check_letters.py [PATH ...]

With no PATH, checks every letter in docs/letters/ and every register in
docs/_data/. Prints one line per problem as ``path:line: error: field:
message (hint)`` and a summary. Exit status: 0 when everything is valid,
1 when anything is invalid, 2 on a usage error. Never modifies a file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dearconstituent.cli import add_archive_options
from dearconstituent.problems import format_problems, summary_line
from dearconstituent.validate import check_archive

ROOT = Path(__file__).resolve().parent.parent


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="check_letters.py",
        description="Check letters and registers for Dear Constituent.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="letter files, folders of letters, or register files (default: everything)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "github", "json"),
        default="text",
        help="text lines (default), GitHub annotations, or JSON",
    )
    add_archive_options(parser, docs=ROOT / "docs")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    missing = [path for path in arguments.paths if not path.exists()]
    if missing or not arguments.docs.is_dir():
        for path in missing or [arguments.docs]:
            print(f"check_letters.py: error: no such file or folder: {path}", file=sys.stderr)
        return 2
    report = check_archive(
        arguments.docs, arguments.paths, jobs=max(1, arguments.jobs), models=False
    )
    output = format_problems(report.problems, style=arguments.format)
    if output:
        print(output)
    if arguments.format != "json":
        print(
            summary_line(report.problems, files_checked=report.files_checked),
            file=sys.stderr if arguments.format == "github" else sys.stdout,
        )
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
