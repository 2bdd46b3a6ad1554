#!/usr/bin/env python3
"""Derive the members and constituencies registers from Parliament's election results.

    python scripts/update_members.py PATH [--docs docs]

PATH is a checkout of github.com/ukparliament/psephology, or its db/data
folder, or the same files laid out the same way. Writes
docs/_data/members.yml, constituencies.yml and parliaments.yml, applying the
hand-kept corrections in docs/_data/register-corrections.yml (which it
never writes; nor party-changes.yml). Running it again on the same data
gives the same bytes. Exit status: 0 written, 1 the data or the corrections
could not be read or do not add up, 2 usage error.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

from dearconstituent.layout import DATA_DIR
from dearconstituent.memberregister import parse_corrections
from dearconstituent.problems import Problem
from dearconstituent.psephology import (
    PsephologyError,
    check_general_elections,
    constituencies,
    members,
    parliaments,
    read_results,
)
from dearconstituent.registerfile import constituencies_yaml, members_yaml, parliaments_yaml
from dearconstituent.registers import CONSTITUENCIES, CORRECTIONS, MEMBERS, PARLIAMENTS
from dearconstituent.source import read_text
from dearconstituent.yamlsource import load_located

ROOT = Path(__file__).resolve().parent.parent
_COMMIT = re.compile(r"commit `?([0-9a-f]{40})`?")


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="update_members.py", description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path, help="a psephology checkout, or its db/data folder")
    parser.add_argument(
        "--docs", type=Path, default=ROOT / "docs", help="the docs folder (default: %(default)s)"
    )
    parser.add_argument(
        "--commit", help="the psephology commit the files come from (default: found in PATH)"
    )
    return parser.parse_args(argv)


def commit_of(path: Path) -> str:
    """The psephology commit of a checkout, or as a copy's README gives it."""
    if (path / ".git").exists():
        result = subprocess.run(
            ["git", "-C", str(path), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode == 0 and result.stdout.strip():
            return result.stdout.strip()
    readme = path / "README.md"
    found = _COMMIT.search(readme.read_text(encoding="utf-8")) if readme.is_file() else None
    return found.group(1) if found else "unknown"


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    if not arguments.path.is_dir():
        print(f"update_members.py: error: no such folder: {arguments.path}", file=sys.stderr)
        return 2
    data = arguments.docs / DATA_DIR
    corrections_path = data / CORRECTIONS
    corrections, problems = parse_corrections(load_located(read_text(corrections_path)))
    for finding in problems:
        shown = Problem(str(corrections_path), *finding)
        print(shown.as_text(), file=sys.stderr)
    if problems:
        return 1
    try:
        results = read_results(arguments.path)
    except PsephologyError as error:
        print(f"update_members.py: error: {error}", file=sys.stderr)
        return 1
    records = members(results, corrections)
    mismatches = list(check_general_elections(results, records))
    for mismatch in mismatches:
        print(f"update_members.py: error: {mismatch}", file=sys.stderr)
    if mismatches:
        return 1
    commit = arguments.commit or commit_of(arguments.path)
    (data / MEMBERS).write_text(members_yaml(records, commit=commit), encoding="utf-8")
    seats = constituencies(results)
    (data / CONSTITUENCIES).write_text(constituencies_yaml(seats, commit=commit), encoding="utf-8")
    periods = parliaments(results, corrections)
    (data / PARLIAMENTS).write_text(parliaments_yaml(periods, commit=commit), encoding="utf-8")
    sitting = sum(1 for record in records if record.terms[-1].end is None)
    print(
        f"Wrote {len(records)} members ({sitting} sitting) to {data / MEMBERS} and "
        f"{len(seats)} constituencies to {data / CONSTITUENCIES}, from psephology {commit[:12]}."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
