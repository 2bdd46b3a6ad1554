#!/usr/bin/env python3
"""Register benchmark: what a register of every MP since 2010 costs the checks and the build.

    python benchmarks/bench_register.py [--letters 3000] [--repeat 3]

1. ``check_letters.py`` on the repository: one letter, the full register
   (1,457 members, 1,300 constituencies), as a contributor runs it; best of
   --repeat, wall clock, in a fresh process. Goal: at most 1 second.
2. The register's share of a build: a fictional archive of --letters letters,
   built with the register its generator writes, then again with that register
   padded with fictional members until it is the size of Parliament's
   (1,457 members). Two figures: what reading and checking the register costs
   the build (timed in-process; goal: at most 10% of the build), and what the
   whole difference between the two builds is, which adds the pages of every
   sitting MP and constituency that has no letter (the padding has no
   boundaries, so every one of its seats counts as current: more pages than
   Parliament's register gives).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from random import Random
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT)]

from benchmarks.bench_build import SCRATCH, timed_build  # noqa: E402
from benchmarks.corpus import generate_corpus, make_members, members_yaml  # noqa: E402
from dearconstituent.registers import load_registers  # noqa: E402
from dearconstituent.sandbox import copy_pages, write_config  # noqa: E402
from dearconstituent.slugs import slugify  # noqa: E402

PARLIAMENT_SIZE = 1457
"""Members elected since 2010, as in the repository's register."""


def check_repository(repeat: int) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "check_letters.py")],
            check=True,
            env=env,
            capture_output=True,
        )
        best = min(best, time.perf_counter() - start)
    return best


def pad_register(docs: Path, size: int) -> tuple[int, int, int]:
    """Add fictional members, in seats of their own, until the register has ``size``."""
    path = docs / "_data" / "members.yml"
    registers, _ = load_registers(docs / "_data")
    names = {slugify(name) for name in registers.members}
    seats = {slugify(seat.name) for seat in registers.constituencies}
    extra: list[Any] = []
    for member in make_members(Random("dear-constituent-bench-register"), size * 2):
        if len(registers.members) + len(extra) >= size:
            break
        if slugify(member.name) in names or any(
            slugify(term.constituency) in seats for term in member.terms
        ):
            continue
        extra.append(member)
    text = path.read_text(encoding="utf-8")
    padding = members_yaml(extra).split("\n", 1)[1]
    path.write_text(text + padding, encoding="utf-8")
    padded, findings = load_registers(docs / "_data")
    if any(findings.by_file.values()):
        raise SystemExit(f"the padded register is invalid: {findings.by_file}")
    sitting = sum(member.sitting for member in padded.members.values())
    return len(padded.members), sitting, len(padded.constituencies)


def build_share(letters: int, repeat: int) -> None:
    with tempfile.TemporaryDirectory(prefix="dc-register-", dir=SCRATCH) as folder:
        root = Path(folder)
        corpus = generate_corpus(root, letters=letters)
        copy_pages(corpus.docs_dir)
        config = write_config(root, docs=corpus.docs_dir, site=root / "site")
        before, _ = load_registers(corpus.docs_dir / "_data")
        small = min(timed_build(config) for _ in range(repeat))
        small_pages = len(list((root / "site").rglob("index.html")))
        members, sitting, seats = pad_register(corpus.docs_dir, PARLIAMENT_SIZE)
        large = min(timed_build(config) for _ in range(repeat))
        large_pages = len(list((root / "site").rglob("index.html")))
        reading = min(_timed(lambda: load_registers(corpus.docs_dir / "_data")) for _ in range(3))
    print(
        f"{letters} letters, generator's register ({len(before.members)} members, "
        f"{sum(m.sitting for m in before.members.values())} sitting): "
        f"{small:.2f} s, {small_pages} pages"
    )
    print(
        f"{letters} letters, register of Parliament's size ({members} members, {sitting} "
        f"sitting, {seats} constituencies): {large:.2f} s, {large_pages} pages"
    )
    print(
        f"reading and checking that register: {reading:.2f} s = {reading / large:.1%} of the "
        "build (goal: at most 10%)"
    )
    print(
        f"the whole difference, with {large_pages - small_pages} more pages: "
        f"{large - small:.2f} s = {(large - small) / large:.1%} of the build"
    )


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--letters", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    registers, _ = load_registers(ROOT / "docs" / "_data")
    start = time.perf_counter()
    load_registers(ROOT / "docs" / "_data")
    loading = time.perf_counter() - start
    print(
        f"repository register: {len(registers.members)} members, "
        f"{len(registers.constituencies)} constituencies, loaded and checked in {loading:.2f} s"
    )
    print(
        f"check_letters.py on the repository: {check_repository(arguments.repeat):.2f} s "
        f"(best of {arguments.repeat}; goal: at most 1 s)"
    )
    build_share(arguments.letters, arguments.repeat)


if __name__ == "__main__":
    main()
