#!/usr/bin/env python3
"""Build benchmark: the project's site against a bare Material build of the same Markdown.

    python benchmarks/bench_build.py [--sizes 1000 3000] [--repeat 2]

For each size, generates fictional letters in a temporary folder and times
(best of --repeat, taken in turns, wall clock, ``mkdocs build`` in a fresh
process):

* the project's build: the real configuration, hook, templates and pages,
  with validation, generated listing pages and letter rendering;
* a bare build: Material with no hook, no overrides, no extensions, and
  letters kept out of the navigation (``nav: [index.md]``) as the project
  does — a bare build that listed every letter in the navigation would grow
  quadratically and make the comparison meaningless.

The corpus and both sites live in memory (/dev/shm) where there is one.
Prints build times, their ratio, the growth from the smallest to the largest
size, page counts, the median letter page size, the sizes of the browse pages
that show figures and charts (home, topic, campaign, MP, party) and the whole
site's. Goals: the project's
build within 1.5x the bare one, 3,000 letters within 3.6x the time of 1,000,
a letter page under 60 KB.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT)]

from benchmarks.corpus import generate_corpus  # noqa: E402
from dearconstituent.sandbox import copy_pages, write_config  # noqa: E402

# Builds write thousands of files; on a virtual machine's disk, write-back
# makes timings swing by a second or more. In memory, when there is a tmpfs,
# the comparison measures the builds' own work.
SCRATCH = "/dev/shm" if Path("/dev/shm").is_dir() and os.access("/dev/shm", os.W_OK) else None


def bare_config(root: Path, docs: Path, site: Path) -> Path:
    config = {
        "site_name": "Bare Material",
        "docs_dir": str(docs),
        "site_dir": str(site),
        "theme": {"name": "material", "font": False},
        "nav": ["index.md"],
        # Pages that ask for one of the project's own templates (the Data and
        # Corrections pages), which a bare build does not have; one page each.
        "exclude_docs": "".join(f"/{name}\n" for name in ["_data/", *_templated_pages(docs)]),
        "validation": {"nav": {"omitted_files": "ignore"}},
    }
    path = root / "bare.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def _templated_pages(docs: Path) -> list[str]:
    """The pages at the docs' root whose front matter names a template of the project's."""
    return sorted(
        path.name
        for path in docs.glob("*.md")
        if re.search(r"^template: dc/", path.read_text(encoding="utf-8"), re.MULTILINE)
    )


def timed_build(config: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)]
    subprocess.run(command, check=True, env=env)
    return time.perf_counter() - start


def best_times(configs: list[Path], repeat: int) -> list[float]:
    """Best of ``repeat`` for each config, the builds taken in turns so that a
    slow spell of the machine (disk write-back, say) hits them alike."""
    best = [float("inf")] * len(configs)
    for _ in range(repeat):
        for position, config in enumerate(configs):
            best[position] = min(best[position], timed_build(config))
    return best


def letter_pages(site: Path) -> list[Path]:
    return list((site / "letters").glob("[0-9]*/[0-9]*-*/index.html"))


BROWSE_PAGES = {
    "home": "index.html",
    "topic": "topics/*/index.html",
    "campaign": "campaigns/*/index.html",
    "MP": "mps/*/index.html",
    "party": "parties/*/index.html",
}
"""The pages that show figures and charts (the first page of each listing)."""


def browse_sizes(site: Path) -> dict[str, list[int]]:
    """Bytes of each browse page, by kind (kinds the build has no page of are left out)."""
    found = {
        kind: [len(path.read_bytes()) for path in site.glob(pattern)]
        for kind, pattern in BROWSE_PAGES.items()
    }
    return {kind: sizes for kind, sizes in found.items() if sizes}


def site_bytes(site: Path) -> int:
    return sum(path.stat().st_size for path in site.rglob("*") if path.is_file())


def measure(size: int, repeat: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="dc-build-", dir=SCRATCH) as folder:
        root = Path(folder)
        corpus = generate_corpus(root, letters=size)
        copy_pages(corpus.docs_dir)
        project = write_config(root, docs=corpus.docs_dir, site=root / "site")
        bare = bare_config(root, corpus.docs_dir, root / "bare-site")
        project_time, bare_time = best_times([project, bare], repeat)
        sizes = [len(path.read_bytes()) for path in letter_pages(root / "site")]
        bare_sizes = [len(path.read_bytes()) for path in letter_pages(root / "bare-site")]
        pages = len(list((root / "site").rglob("index.html")))
        bare_pages = len(list((root / "bare-site").rglob("index.html")))
        browse = browse_sizes(root / "site")
        total = site_bytes(root / "site")
    return {
        "browse": browse,
        "total": total,
        "project": project_time,
        "bare": bare_time,
        "median": statistics.median(sizes),
        "largest": max(sizes),
        "bare_median": statistics.median(bare_sizes),
        "pages": pages,
        "bare_pages": bare_pages,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000])
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    results = {size: measure(size, arguments.repeat) for size in arguments.sizes}
    print(
        f"{'letters':>8} {'project':>9} {'bare':>8} {'ratio':>6} {'pages':>7} "
        f"{'bare pages':>10} {'median page':>12} {'largest':>9} {'bare median':>12}"
    )
    for size, r in results.items():
        print(
            f"{size:>8} {r['project']:>8.2f}s {r['bare']:>7.2f}s {r['project'] / r['bare']:>5.2f}x "
            f"{r['pages']:>7} {r['bare_pages']:>10} {r['median'] / 1000:>10.1f}KB "
            f"{r['largest'] / 1000:>7.1f}KB {r['bare_median'] / 1000:>10.1f}KB"
        )
    print(f"\n{'letters':>8} {'page':>9} {'count':>6} {'median':>9} {'largest':>9}")
    for size, r in results.items():
        for kind, sizes in r["browse"].items():
            print(
                f"{size:>8} {kind:>9} {len(sizes):>6} {statistics.median(sizes) / 1000:>7.1f}KB "
                f"{max(sizes) / 1000:>7.1f}KB"
            )
        print(f"{size:>8} {'whole site':>9} {'':>6} {r['total'] / 1e6:>7.1f}MB")
    first, last = arguments.sizes[0], arguments.sizes[-1]
    if last != first:
        growth = results[last]["project"] / results[first]["project"]
        bare_growth = results[last]["bare"] / results[first]["bare"]
        print(
            f"growth {first} -> {last}: project {growth:.2f}x, bare {bare_growth:.2f}x "
            f"(goal for 1,000 -> 3,000: at most 3.6x)"
        )


if __name__ == "__main__":
    main()
