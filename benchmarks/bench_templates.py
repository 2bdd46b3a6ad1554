#!/usr/bin/env python3
"""Shared-text benchmark: accuracy against known template families, and speed.

    python benchmarks/bench_templates.py [--sizes 2000 10000] [--repeat 3] [--seed 0]

For each size, generates fictional letters (benchmarks/corpus.py) in which
70% of the letters belong to template families (a base text sent by several
MPs, each copy with light edits of its own) and the rest are one-off letters
that share only the usual courtesies ("Thank you for contacting me about",
"Yours sincerely") and the topic's vocabulary with any other. Then runs the
project's detection (dearconstituent.sharedtext.find_templates) on the
letters as the validator loads them, and prints:

* pairwise precision and recall: of the pairs of letters put in one group,
  the share that are truly of one family; of the pairs truly of one family,
  the share put in one group;
* one-off letters wrongly put in a group, and families split or merged;
* detection time (best of --repeat, wall clock, one process), not counting
  reading and validating the letters.

Goals: precision at least 0.95 and recall at least 0.90 on 2,000 letters;
detection of 10,000 letters in under 15 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT)]

from benchmarks.corpus import LAST_DAY, generate_corpus  # noqa: E402
from dearconstituent.sharedtext import Templates, find_templates  # noqa: E402
from dearconstituent.validate import check_archive  # noqa: E402

SCRATCH = "/dev/shm" if Path("/dev/shm").is_dir() and os.access("/dev/shm", os.W_OK) else None


@dataclass(frozen=True)
class Accuracy:
    precision: float
    recall: float
    true_pairs: int
    found_pairs: int
    families: int
    one_offs: int
    groups: int
    one_offs_grouped: int
    families_split: int
    groups_merging_families: int


def pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    return {pair for group in groups for pair in itertools.combinations(sorted(group), 2)}


def accuracy(templates: Templates, families: Mapping[str, str | None]) -> Accuracy:
    """Pairwise precision and recall of ``templates`` against the corpus's known families."""
    truth: dict[str, set[str]] = defaultdict(set)
    for path, family in families.items():
        if family is not None:
            truth[family].add(path)
    found = [set(group.paths) for group in templates.groups]
    expected, got = pairs(truth.values()), pairs(found)
    correct = len(expected & got)
    family_of = {path: family for family, members in truth.items() for path in members}
    grouped = {path for group in found for path in group}
    return Accuracy(
        precision=correct / len(got) if got else 1.0,
        recall=correct / len(expected) if expected else 1.0,
        true_pairs=len(expected),
        found_pairs=len(got),
        families=len(truth),
        one_offs=sum(family is None for family in families.values()),
        groups=len(found),
        one_offs_grouped=sum(1 for path in grouped if families.get(path) is None),
        families_split=sum(
            1 for members in truth.values() if not any(members <= group for group in found)
        ),
        groups_merging_families=sum(
            1 for group in found if len({family_of.get(path) for path in group}) > 1
        ),
    )


def measure(size: int, *, seed: int, repeat: int) -> tuple[Accuracy, float]:
    with tempfile.TemporaryDirectory(prefix="dc-templates-", dir=SCRATCH) as folder:
        corpus = generate_corpus(Path(folder), letters=size, seed=seed)
        report = check_archive(corpus.docs_dir, today=LAST_DAY + dt.timedelta(days=1), jobs=2)
        if not report.ok:
            raise SystemExit(f"the generated corpus is invalid: {report.errors[:3]}")
    best = float("inf")
    templates = Templates()
    for _ in range(repeat):
        start = time.perf_counter()
        templates = find_templates(report.letters, parallel=True)
        best = min(best, time.perf_counter() - start)
    return accuracy(templates, corpus.families), best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    arguments = parser.parse_args()
    print(
        f"{'letters':>8} {'families':>8} {'one-offs':>8} {'groups':>6} {'precision':>9} "
        f"{'recall':>7} {'pairs':>7} {'found':>7} {'one-offs grouped':>16} "
        f"{'split':>5} {'merged':>6} {'detection':>9}"
    )
    for size in arguments.sizes:
        result, seconds = measure(size, seed=arguments.seed, repeat=arguments.repeat)
        print(
            f"{size:>8} {result.families:>8} {result.one_offs:>8} {result.groups:>6} "
            f"{result.precision:>9.4f} {result.recall:>7.4f} {result.true_pairs:>7} "
            f"{result.found_pairs:>7} {result.one_offs_grouped:>16} "
            f"{result.families_split:>5} {result.groups_merging_families:>6} "
            f"{seconds:>8.2f}s"
        )


if __name__ == "__main__":
    main()
