"""Finding every copy of a piece of text that must leave the archive.

When a letter is withdrawn for personal data, deleting its file is not
enough: the text is still in every commit that held it, in the built site's
pages, in the search index's fragments and in the data files (both gzipped),
and in the feeds. These functions look in all of those places, so that a
maintainer can purge and then check that nothing is left
(``scripts/find_everywhere.py``).
"""

from __future__ import annotations

import gzip
import logging
import subprocess
import zlib
from collections.abc import Iterator
from pathlib import Path

from .errors import DearConstituentError

log = logging.getLogger(__name__)

_BATCH = 200
"""Commits per ``git grep``: enough to be quick, few enough for any command line."""


class HistoryError(DearConstituentError):
    """git could not be asked about the repository's history."""


def in_files(root: Path, text: str) -> Iterator[str]:
    """The files below ``root`` (posix, relative) that contain ``text``, reading gzipped
    files (Pagefind's index, ``letters.json.gz``, the sitemap's copy) decompressed."""
    needle = text.encode("utf-8")
    for path in sorted(root.rglob("*")):
        if path.is_file() and needle in _content(path):
            yield path.relative_to(root).as_posix()


def in_worktree(repo: Path, text: str) -> Iterator[str]:
    """The files of ``repo``'s working tree, tracked or not (but not ignored, like a
    virtual environment), that contain ``text``."""
    needle = text.encode("utf-8")
    listed = _git(repo, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    for path in dict.fromkeys(name for name in listed.split("\0") if name):
        if (repo / path).is_file() and needle in _content(repo / path):
            yield path


def in_history(repo: Path, text: str) -> Iterator[str]:
    """``<commit>:<path>`` for every file of every commit reachable from any branch,
    tag or other ref of ``repo`` that contains ``text``."""
    commits = _git(repo, "rev-list", "--all").split()
    for start in range(0, len(commits), _BATCH):
        batch = commits[start : start + _BATCH]
        output = _git(repo, "grep", "-l", "-F", "-z", "-e", text, *batch, found_is_optional=True)
        yield from (line for line in output.split("\0") if line)


def _content(path: Path) -> bytes:
    content = path.read_bytes()
    if content[:2] == b"\x1f\x8b":
        try:
            return gzip.decompress(content)
        except (OSError, EOFError, zlib.error):
            log.warning("%s looks gzipped but is not; searched as it is", path)
    return content


def _git(repo: Path, *arguments: str, found_is_optional: bool = False) -> str:
    try:
        result = subprocess.run(
            ["git", "-C", str(repo), *arguments],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError as error:
        raise HistoryError(f"git could not run: {error}") from None
    # git grep exits 1 when it finds nothing: that is an answer, not a failure.
    if result.returncode == 0 or (found_is_optional and result.returncode == 1):
        return result.stdout
    raise HistoryError(f"git {arguments[0]} failed in {repo}: {result.stderr.strip()}")
