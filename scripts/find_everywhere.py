#!/usr/bin/env python3
"""Find every copy of a text the archive must lose: python scripts/find_everywhere.py TEXT

    python scripts/find_everywhere.py "Jo Bloggs" [--repo .] [--site site]

Looks in the working tree, in every file of every commit reachable from any
ref (branches, tags, pull-request refs fetched into the clone), and in a built
site (its pages, feeds, search index and data files, gzipped ones included).
Prints one line per place found, ``working tree: docs/…``, ``history:
<commit>:<path>``, ``site: <path>``, and exits 1 if the text is anywhere, 0 if
it is nowhere: run it after a purge to check. See CONTRIBUTING, "Withdrawing
a letter".
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dearconstituent.findtext import (
    HistoryError,
    in_files,
    in_history,
    in_worktree,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("text", help="the text to look for, exactly (case matters)")
    parser.add_argument("--repo", type=Path, default=Path(), help="the repository (default: .)")
    parser.add_argument("--site", type=Path, help="a built site to search too")
    arguments = parser.parse_args(argv)
    if not arguments.text.strip():
        parser.error("give the text to look for")
    found = 0
    try:
        for path in in_worktree(arguments.repo, arguments.text):
            print(f"working tree: {path}")
            found += 1
        for place in in_history(arguments.repo, arguments.text):
            print(f"history: {place}")
            found += 1
    except HistoryError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if arguments.site is not None:
        for path in in_files(arguments.site, arguments.text):
            print(f"site: {path}")
            found += 1
    print(f"{found} place(s) hold the text" if found else "the text is nowhere", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
