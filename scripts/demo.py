#!/usr/bin/env python3
"""Serve the site with a few hundred fictional letters: python scripts/demo.py

Builds a temporary copy of the site — the real configuration, templates and
pages, with fictional registers and letters from the benchmark's generator —
and serves it on http://127.0.0.1:8000 with a "fictional demonstration data"
banner on every page. Nothing is written into docs/.

    python scripts/demo.py [--letters 300] [--seed 0] [--build DIR]

With --build DIR, builds the demonstration site into DIR instead of serving it.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from benchmarks.corpus import generate_corpus  # noqa: E402
from dearconstituent.sandbox import copy_pages, write_config  # noqa: E402

WITHDRAWN = """\
# A fictional letter, withdrawn: the demonstration shows the notice at its address.
- letter: docs/letters/2021/2021-06-01-an-example-of-a-withdrawn-letter.md
  withdrawn: 2025-12-01
  reason: not-a-standard-reply
  note: An example. The office told us this was a reply to one constituent.
"""


def prepare(folder: Path, *, letters: int, seed: int, site: Path) -> Path:
    """Write the fictional archive and its configuration; return the config's path."""
    corpus = generate_corpus(folder, letters=letters, seed=seed)
    copy_pages(corpus.docs_dir)
    (corpus.docs_dir / "_data" / "withdrawn.yml").write_text(WITHDRAWN, encoding="utf-8")
    return write_config(folder, docs=corpus.docs_dir, site=site, extra={"demo": True})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--letters", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--build", type=Path, metavar="DIR", help="build into DIR instead of serving"
    )
    parser.add_argument("--dev-addr", default="127.0.0.1:8000")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dear-constituent-demo-") as folder:
        root = Path(folder)
        site = arguments.build.resolve() if arguments.build else root / "site"
        config = prepare(root, letters=arguments.letters, seed=arguments.seed, site=site)
        print(f"Fictional demonstration archive: {arguments.letters} letters in {root}")
        command = (
            ["build", "--strict"]
            if arguments.build
            else ["serve", "--dev-addr", arguments.dev_addr]
        )
        return subprocess.call([sys.executable, "-m", "mkdocs", *command, "-f", str(config)])


if __name__ == "__main__":
    sys.exit(main())
