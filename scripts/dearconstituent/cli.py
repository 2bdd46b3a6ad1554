"""What the command-line scripts share: the options that choose an archive."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

__all__ = ["add_archive_options"]


def add_archive_options(parser: argparse.ArgumentParser, *, docs: Path) -> None:
    """Add ``--jobs`` and ``--docs`` (the folder holding letters/ and _data/)."""
    parser.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="processes to read a large archive with (default: one per core)",
    )
    parser.add_argument(
        "--docs",
        type=Path,
        default=docs,
        help="the docs folder holding letters/ and _data/ (default: %(default)s)",
    )
