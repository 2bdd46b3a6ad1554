#!/usr/bin/env python3
"""Validator benchmark: validating N fictional letters against merely parsing them.

    python benchmarks/bench_validate.py [--letters 10000] [--repeat 3]

Generates the corpus in a temporary folder, then times (best of --repeat):

* the baseline: read every letter file, split off its front matter and parse
  it with PyYAML's safe loader (the C one when PyYAML has it, as the
  validator uses);
* the validator: ``check_archive`` over the same folder, every rule
  included, as ``check_letters.py`` runs it (one process per core) and in a
  single process.

Prints the times and their ratios to the baseline. The goal is a ratio of at
most 4 for the validator as shipped. For context it also times
``yaml.safe_load``, the pure-Python loader the baseline could have used.

Then it keeps a transcript beside every letter (the letter's lines without
its fences, as an importer's input would be) and times the validator again:
the cost of checking every letter against its transcript, word for word.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT)]

from benchmarks.corpus import generate_corpus  # noqa: E402
from dearconstituent.layout import relative_to_docs, transcript_for  # noqa: E402
from dearconstituent.markup import is_fence  # noqa: E402
from dearconstituent.source import read_text, split_front_matter  # noqa: E402
from dearconstituent.validate import check_archive, letter_files  # noqa: E402

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
JOBS = os.cpu_count() or 1


def parse_only(docs: Path) -> int:
    """The baseline: read and YAML-parse every letter, nothing else."""
    parsed = 0
    for path in letter_files(docs):
        split = split_front_matter(read_text(path))
        yaml.load(split.front_matter, Loader=SAFE_LOADER)
        parsed += 1
    return parsed


def parse_only_pure(docs: Path) -> int:
    """Reading and parsing with plain ``yaml.safe_load``, for context."""
    for path in letter_files(docs):
        yaml.safe_load(split_front_matter(read_text(path)).front_matter)
    return 0


def validate(docs: Path, jobs: int) -> int:
    """What check_letters.py does: every rule, problems only."""
    report = check_archive(docs, jobs=jobs, models=False)
    if report.problems:
        raise SystemExit(f"the fictional corpus is invalid: {report.problems[0].as_text()}")
    return report.files_checked


def keep_transcripts(docs: Path) -> int:
    """Write a transcript for every letter: its body's lines, fences left out."""
    kept = 0
    for path in letter_files(docs):
        relative = relative_to_docs(path, docs)
        target = transcript_for(docs, relative) if relative else None
        if target is None:
            continue
        body = split_front_matter(read_text(path)).body
        target.parent.mkdir(parents=True, exist_ok=True)
        lines = (line for line in body.split("\n") if not is_fence(line))
        target.write_text("\n".join(lines), encoding="utf-8")
        kept += 1
    return kept


def best_time(action: Callable[[], int], repeat: int) -> tuple[float, int]:
    timings = []
    result = 0
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        timings.append(time.perf_counter() - start)
    return min(timings), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--letters", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dc-bench-") as folder:
        start = time.perf_counter()
        corpus = generate_corpus(Path(folder), letters=arguments.letters)
        generated = time.perf_counter() - start
        baseline, parsed = best_time(lambda: parse_only(corpus.docs_dir), arguments.repeat)
        pure, _ = best_time(lambda: parse_only_pure(corpus.docs_dir), 1)
        serial, valid = best_time(lambda: validate(corpus.docs_dir, 1), arguments.repeat)
        shipped, _ = best_time(lambda: validate(corpus.docs_dir, JOBS), arguments.repeat)
        kept = keep_transcripts(corpus.docs_dir)
        verbatim, checked = best_time(lambda: validate(corpus.docs_dir, JOBS), arguments.repeat)
    print(
        f"letters:                      {arguments.letters} "
        f"({valid} files checked, {parsed} parsed)"
    )
    print(f"cores:                        {JOBS}")
    print(f"generate corpus:              {generated:.2f} s")
    print(
        f"read + parse ({SAFE_LOADER.__name__}):  {baseline:.2f} s (best of {arguments.repeat})"
        "  <- baseline"
    )
    print(f"read + parse (yaml.safe_load): {pure:.2f} s (once, for context)")
    print(
        f"validate, {JOBS} processes:         {shipped:.2f} s = {shipped / baseline:.2f}x "
        "baseline (goal: at most 4x)"
    )
    print(f"validate, 1 process:          {serial:.2f} s = {serial / baseline:.2f}x baseline")
    print(
        f"validate with {kept} transcripts, {JOBS} processes: {verbatim:.2f} s = "
        f"{verbatim / baseline:.2f}x baseline ({checked} files checked)"
    )


if __name__ == "__main__":
    main()
