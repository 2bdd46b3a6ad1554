"""Dates from git: when each file last changed, and when the checkout's commit was made.

The site shows "last updated" from git so that the same commit always builds
the same bytes; the clock is never read. Outside a git checkout (a temporary
demo copy, say) there are simply no dates.
"""

from __future__ import annotations

import datetime as dt
import logging
import subprocess
from pathlib import Path

log = logging.getLogger(__name__)

_RECORD = "\x1e"


def last_changed(folder: Path) -> dict[str, dt.date]:
    """Path (relative to ``folder``, posix) → date of the last commit that touched it.

    One ``git log`` over the whole folder, newest first, so the cost is one
    pass over history rather than one process per file.
    """
    output = _git(
        folder,
        "log",
        f"--format={_RECORD}%cs",
        "--name-only",
        "--no-renames",
        "--relative",
        "--",
        ".",
    )
    dates: dict[str, dt.date] = {}
    for record in output.split(_RECORD)[1:]:
        lines = record.strip("\n").split("\n")
        day = dt.date.fromisoformat(lines[0])
        for name in lines[1:]:
            if name:
                dates.setdefault(name, day)
    return dates


def commit_timestamp(folder: Path) -> int | None:
    """The commit time of HEAD in seconds since the epoch, or None outside git."""
    output = _git(folder, "log", "-1", "--format=%ct").strip()
    return int(output) if output.isdigit() else None


def _git(folder: Path, *args: str) -> str:
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
    except (OSError, subprocess.SubprocessError) as error:
        log.info("git is not available (%s): pages will show no last-updated dates", error)
        return ""
    if result.returncode != 0:
        log.info(
            "not a git checkout (%s): pages will show no last-updated dates",
            result.stderr.strip().splitlines()[:1],
        )
        return ""
    return result.stdout
