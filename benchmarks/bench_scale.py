#!/usr/bin/env python3
"""Scale benchmark: what the site costs per letter, on disk, in memory and in time.

    python benchmarks/bench_scale.py [--sizes 1000 3000 10000] [--seed 0]

For each size, generates a fictional archive (benchmarks/corpus.py) in memory
(/dev/shm where there is one), builds it once with ``mkdocs build`` in a
fresh process, and prints:

* the build's wall-clock time;
* its peak memory: the largest resident set of the build's process and of
  any process it started (the shared-text search it forks, Pagefind), as
  the kernel counts them (``ru_maxrss``);
* the site's bytes and files, in all and per letter, and where the bytes go
  (letter pages, listing pages, feeds, data files, search index…).

Goals (issue 16), at 10,000 letters: at most 20 KB and 2.5 files per letter,
at most 500 MB of memory, at most 30 s; 10,000 letters at most 10.5x the
time of 1,000. Projections to 50,000 and 100,000 letters are printed from the
largest size's bytes per letter; ``--sizes 50000`` builds that many once.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT)]

from benchmarks.corpus import generate_corpus  # noqa: E402
from dearconstituent.sandbox import copy_pages, write_config  # noqa: E402

SCRATCH = "/dev/shm" if Path("/dev/shm").is_dir() and os.access("/dev/shm", os.W_OK) else None
GITHUB_PAGES_LIMIT = 1_000_000_000
"""GitHub Pages publishes sites of at most 1 GB."""

# Runs ``mkdocs build`` in this process, then prints the peak resident memory of
# this process and of the largest process it waited for, in kilobytes.
_MEASURED_BUILD = """
import resource, sys
from mkdocs.__main__ import cli
try:
    cli(["build", "-q", "-f", sys.argv[1]])
except SystemExit as exit:
    if exit.code:
        raise
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(own, children, file=sys.stderr)
"""


def kind_of(path: Path) -> str:
    """Where a file of the site belongs, for the table of where the bytes go."""
    parts = path.parts
    if parts[0] == "pagefind":
        return "search index (Pagefind)"
    if parts[0] == "assets":
        return "theme assets"
    if path.name == "feed.xml":
        return "Atom feeds"
    if len(parts) == 1:
        return "data files and root pages"
    if parts[0] == "letters" and len(parts) == 4 and parts[1].isdigit():
        return "letter pages" if path.suffix == ".html" else "letter downloads"
    if parts[0] in {"mps", "constituencies"}:
        return "MP and constituency pages"
    return "other listing pages"


@dataclass(frozen=True)
class Result:
    letters: int
    seconds: float
    own_mb: float
    """Peak resident memory of the build's own process."""
    children_mb: float
    """Peak resident memory of the largest process the build started."""
    bytes: int
    files: int
    by_kind: dict[str, int]

    @property
    def memory_mb(self) -> float:
        return max(self.own_mb, self.children_mb)


def measure(size: int, seed: int) -> Result:
    with tempfile.TemporaryDirectory(prefix="dc-scale-", dir=SCRATCH) as folder:
        root = Path(folder)
        corpus = generate_corpus(root, letters=size, seed=seed)
        copy_pages(corpus.docs_dir)
        site = root / "site"
        config = write_config(root, docs=corpus.docs_dir, site=site)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-c", _MEASURED_BUILD, str(config)],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        seconds = time.perf_counter() - start
        own, children = (int(value) for value in result.stderr.split()[-2:])
        files = [path for path in site.rglob("*") if path.is_file()]
        by_kind: Counter[str] = Counter()
        for path in files:
            by_kind[kind_of(path.relative_to(site))] += path.stat().st_size
    return Result(
        letters=size,
        seconds=seconds,
        own_mb=own / 1024,
        children_mb=children / 1024,
        bytes=sum(by_kind.values()),
        files=len(files),
        by_kind=dict(by_kind.most_common()),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000, 10000])
    parser.add_argument("--seed", type=int, default=0)
    arguments = parser.parse_args()
    results = [measure(size, arguments.seed) for size in arguments.sizes]
    print(
        f"{'letters':>8} {'build':>8} {'memory':>9} {'(build / child)':>16} "
        f"{'site':>9} {'files':>7} {'KB/letter':>10} {'files/letter':>13}"
    )
    for r in results:
        print(
            f"{r.letters:>8} {r.seconds:>7.1f}s {r.memory_mb:>7.0f}MB "
            f"{r.own_mb:>7.0f} / {r.children_mb:<6.0f} {r.bytes / 1e6:>7.1f}MB {r.files:>7} "
            f"{r.bytes / r.letters / 1000:>9.1f} {r.files / r.letters:>12.2f}"
        )
    largest = results[-1]
    print(f"\nwhere the bytes go at {largest.letters} letters:")
    for kind, size in largest.by_kind.items():
        share = size / largest.letters / 1000
        print(f"  {kind:<28} {size / 1e6:>8.1f} MB {share:>7.2f} KB/letter")
    per_letter = largest.bytes / largest.letters
    for projected in (50_000, 100_000):
        estimate = per_letter * projected
        fits = "fits" if estimate <= GITHUB_PAGES_LIMIT else "does not fit"
        print(f"projected {projected:>7} letters: {estimate / 1e9:.2f} GB ({fits} in 1 GB)")
    if len(results) > 1:
        first = results[0]
        ratio = largest.seconds / first.seconds
        print(
            f"time {first.letters} -> {largest.letters}: {ratio:.2f}x "
            f"for {largest.letters / first.letters:.1f}x the letters"
        )


if __name__ == "__main__":
    main()
