"""One commit, one site: two builds of the same commit are byte-identical.

Each build runs in its own fresh clone, at its own path, started at least two
seconds after the other, under a time zone a day away from the other's and
with a different hash seed, with SOURCE_DATE_EPOCH unset so that the
project's own mechanism (the commit's time, read by the MkDocs hook) is what
is tested. Any leak of the clock, the time zone, the checkout's path, file
times or set ordering into any output file — pages, sitemap and its gzip,
search index, exports, feeds, downloads — shows up as a differing file.

Two builds made on the same day cannot show a leak of the date alone, which is
how MkDocs itself would leak the clock (the sitemap's lastmod, the gzip
header); a third build, of the same tree committed long ago, shows that every
date in the output comes from git.
"""

from __future__ import annotations

import datetime as dt
import difflib
import gzip
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.archive import ROOT

pytestmark = pytest.mark.slow

MIN_GAP = 2.0
"""Seconds between the starts of the two builds."""
LONG_AGO = "2001-02-03T04:05:06+00:00"
"""A commit time no clock reads today."""


@dataclass(frozen=True)
class Conditions:
    tz: str
    hash_seed: str


# POSIX time zone strings need no tz database. UTC−12 and UTC+14 are 26 hours
# apart, so at any moment their calendar dates differ.
FIRST = Conditions(tz="<-12>12", hash_seed="1")
SECOND = Conditions(tz="<+14>-14", hash_seed="2")


def _git(*args: str, cwd: Path = ROOT) -> str:
    result = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
    return result.stdout.strip()


def _head() -> str:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    result = subprocess.run(
        ["git", "rev-parse", "--verify", "HEAD"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"{ROOT} is not a git checkout with a commit")
    return result.stdout.strip()


def clone(commit: str, destination: Path) -> Path:
    """A fresh clone of the repository with ``commit`` checked out (HEAD may be detached in CI)."""
    _git("clone", "--quiet", "--no-checkout", str(ROOT), str(destination))
    _git("checkout", "--quiet", "--detach", commit, cwd=destination)
    assert _git("rev-parse", "HEAD", cwd=destination) == commit
    return destination


def build(checkout: Path, conditions: Conditions) -> Path:
    """``mkdocs build --strict`` inside ``checkout``, as a person or CI would run it."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"SOURCE_DATE_EPOCH", "TZ", "PYTHONHASHSEED"}
    }
    env.update(NO_MKDOCS_2_WARNING="1", TZ=conditions.tz, PYTHONHASHSEED=conditions.hash_seed)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    site = checkout / "site"
    assert (site / "index.html").is_file()
    return site


def files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def describe(name: str, first: bytes, second: bytes) -> str:
    """The first few differing lines of a text file, or the first differing byte."""
    try:
        a, b = first.decode("utf-8"), second.decode("utf-8")
    except UnicodeDecodeError:
        offset = next(
            (i for i, (x, y) in enumerate(zip(first, second, strict=False)) if x != y),
            min(len(first), len(second)),
        )
        return f"{name}: binary, first difference at byte {offset}"
    diff = list(
        difflib.unified_diff(a.splitlines(), b.splitlines(), "first", "second", n=0, lineterm="")
    )
    return f"{name}:\n    " + "\n    ".join(line[:200] for line in diff[2:12])


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], dict[str, bytes]]:
    commit = _head()
    checkout = clone(commit, tmp_path_factory.mktemp("build-a") / "repo")
    started = time.monotonic()
    first = files(build(checkout, FIRST))
    # The second clone is made after the first build, so its files are newer too.
    checkout = clone(commit, tmp_path_factory.mktemp("build-b") / "checkout")
    time.sleep(max(0.0, started + MIN_GAP - time.monotonic()))
    second = files(build(checkout, SECOND))
    return first, second


def test_two_builds_of_a_commit_have_the_same_files(
    builds: tuple[dict[str, bytes], dict[str, bytes]],
) -> None:
    first, second = builds
    assert sorted(first) == sorted(second), "\n".join(
        difflib.unified_diff(sorted(first), sorted(second), "first", "second", lineterm="")
    )


def test_two_builds_of_a_commit_are_byte_identical(
    builds: tuple[dict[str, bytes], dict[str, bytes]],
) -> None:
    first, second = builds
    differing = [
        describe(name, first[name], second[name])
        for name in sorted(first.keys() & second.keys())
        if first[name] != second[name]
    ]
    assert not differing, f"{len(differing)} files differ:\n" + "\n".join(differing)


def test_the_build_covers_every_kind_of_output(
    builds: tuple[dict[str, bytes], dict[str, bytes]],
) -> None:
    # The comparison means something only if these were built at all.
    first, _ = builds
    for name in (
        "404.html",
        "index.html",
        "sitemap.xml",
        "sitemap.xml.gz",
        "pagefind/pagefind-entry.json",
        "letters.json.gz",
        "letters.schema.json",
        "letters.csv",
        "members.json",
        "topics.json",
        "campaigns.json",
        "feed.xml",
        "_headers",
    ):
        assert name in first, name
    assert any(name.startswith("letters/2") and name.endswith("/index.html") for name in first)
    assert any(name.startswith("mps/") and name.endswith("/feed.xml") for name in first)
    assert any(name.startswith("pagefind/fragment/") for name in first)
    assert any(name.startswith("pagefind/index/") for name in first)


def test_the_dates_in_a_build_come_from_git_never_from_the_clock(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # Two builds on one day agree even if the clock leaks in at day
    # granularity, as MkDocs' own dates do (the sitemap's lastmod, the gzip
    # header). So build a commit made long ago, with the same tree: every date
    # in the output must then be a date from git, and the pages git knows no
    # date for must carry the commit's, which no clock reads today.
    checkout = clone(_head(), tmp_path_factory.mktemp("build-old") / "repo")
    env = {**os.environ, "GIT_AUTHOR_DATE": LONG_AGO, "GIT_COMMITTER_DATE": LONG_AGO}
    result = subprocess.run(
        [
            "git",
            "-c",
            "user.name=Reproducibility Test",
            "-c",
            "user.email=test@example.invalid",
            "-c",
            "commit.gpgsign=false",
            "commit",
            "--quiet",
            "--allow-empty",
            "--no-verify",
            "--message=An empty commit made long ago",
        ],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    site = build(checkout, FIRST)
    git_dates = set(_git("log", "--format=%cs", cwd=checkout).split())
    commit_date = LONG_AGO[:10]
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    lastmods = set(re.findall(r"<lastmod>\s*([^<\s]+)\s*</lastmod>", sitemap))
    assert commit_date in lastmods, lastmods
    assert lastmods <= git_dates, lastmods - git_dates
    with gzip.open(site / "sitemap.xml.gz") as compressed:
        assert compressed.read().decode("utf-8") == sitemap
    mtime = int.from_bytes((site / "sitemap.xml.gz").read_bytes()[4:8], "little")
    assert dt.datetime.fromtimestamp(mtime, dt.UTC).date().isoformat() in git_dates
