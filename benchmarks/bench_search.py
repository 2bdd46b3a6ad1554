#!/usr/bin/env python3
"""Search benchmark: Pagefind on the project's site against Material's built-in search.

    python benchmarks/bench_search.py [--sizes 1000 3000 10000] [--word housing --topic Housing]

For each size, generates fictional letters, builds the project's site (with
Pagefind) and a bare Material site of the same Markdown (with Material's
search), serves each on 127.0.0.1 and measures in Chromium with a cold cache
(a fresh browser context per query):

* Pagefind: the time it takes to index the site (as the build reports it;
  it runs while the pages are rendered); for a one-word query and for
  the word with a topic filter, the bytes of search files fetched until the
  first result shows and once the page is idle (the facet counts included),
  and the time from navigation to the first result;
* Material: the size of search_index.json (raw and gzipped) and the time
  from navigation to the first result for the same word.

Goals (issue "Search that scales"): at 3,000 and 10,000 letters a one-word
query fetches at most 300 KB of search files, a word and a topic 350 KB.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT)]

from playwright.sync_api import Browser, sync_playwright  # noqa: E402

from benchmarks.bench_build import SCRATCH, bare_config  # noqa: E402
from benchmarks.corpus import generate_corpus  # noqa: E402
from dearconstituent.sandbox import copy_pages, write_config  # noqa: E402
from tests.browser import CHROMIUM_ARGS, chromium_path, free_port, serve  # noqa: E402

KB = 1000


def build(config: Path, env: dict[str, str]) -> str:
    """Build; return the build's log (the hook reports Pagefind's indexing time)."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
    )
    return result.stdout + result.stderr


def index_time(log: str) -> float:
    """Pagefind's own time, as the build reports it: it runs beside the rendering."""
    match = re.search(r"Pagefind: \d+ pages indexed for search in ([\d.]+) s", log)
    if match is None:
        raise SystemExit("the build did not report Pagefind's indexing time")
    return float(match.group(1))


def pagefind_query(browser: Browser, url: str) -> dict[str, float]:
    context = browser.new_context()
    sizes: dict[str, int] = {}

    def measure(response: object) -> None:
        target = response.url  # type: ignore[attr-defined]
        if "/pagefind/" in target:
            sizes[target] = len(response.body())  # type: ignore[attr-defined]

    page = context.new_page()
    page.on("response", measure)
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(".dc-result")
    first = time.perf_counter() - start
    at_first = sum(sizes.values())
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    total = sum(sizes.values())
    context.close()
    return {"first_s": first, "first_kb": at_first / KB, "total_kb": total / KB}


def material_query(browser: Browser, base: str, word: str) -> float:
    context = browser.new_context()
    page = context.new_page()
    start = time.perf_counter()
    page.goto(base)
    page.keyboard.press("/")
    page.keyboard.type(word)
    page.wait_for_selector(".md-search-result__item", timeout=120_000)
    elapsed = time.perf_counter() - start
    context.close()
    return elapsed


def measure(size: int, word: str, topic: str, browser: Browser) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="dc-search-", dir=SCRATCH) as folder:
        root = Path(folder)
        corpus = generate_corpus(root, letters=size)
        copy_pages(corpus.docs_dir)
        port = free_port()
        base = f"http://127.0.0.1:{port}/"
        project = write_config(root, docs=corpus.docs_dir, site=root / "site")
        indexing = index_time(build(project, {"DC_SITE_URL": base}))
        bare = bare_config(root, corpus.docs_dir, root / "bare-site")
        build(bare, {})
        index = (root / "bare-site" / "search" / "search_index.json").read_bytes()
        with serve(root / "site", port) as url:
            one = pagefind_query(browser, f"{url}search/?q={word}")
            filtered = pagefind_query(browser, f"{url}search/?q={word}&topic={topic}")
        bare_port = free_port()
        with serve(root / "bare-site", bare_port) as url:
            material = material_query(browser, url, word)
    return {
        "index_s": indexing,
        "one_first_kb": one["first_kb"],
        "one_total_kb": one["total_kb"],
        "one_first_s": one["first_s"],
        "topic_first_kb": filtered["first_kb"],
        "topic_total_kb": filtered["total_kb"],
        "topic_first_s": filtered["first_s"],
        "material_mb": len(index) / 1e6,
        "material_gz_mb": len(gzip.compress(index)) / 1e6,
        "material_first_s": material,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000, 10000])
    parser.add_argument("--word", default="housing")
    parser.add_argument("--topic", default="Housing")
    arguments = parser.parse_args()
    rows = []
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for size in arguments.sizes:
            rows.append((size, measure(size, arguments.word, arguments.topic, browser)))
        browser.close()
    print(f"query: {arguments.word!r}; with filter topic={arguments.topic!r}")
    print(
        f"{'letters':>8} {'index':>7} | {'1 word: KB at 1st':>17} {'KB idle':>8} "
        f"{'1st result':>10} | {'+topic: KB at 1st':>17} {'KB idle':>8} {'1st result':>10} "
        f"| {'Material index':>14} {'gzip':>7} {'1st result':>10}"
    )
    for size, r in rows:
        print(
            f"{size:>8} {r['index_s']:>6.2f}s | {r['one_first_kb']:>17.1f} "
            f"{r['one_total_kb']:>8.1f} {r['one_first_s']:>9.2f}s | "
            f"{r['topic_first_kb']:>17.1f} {r['topic_total_kb']:>8.1f} "
            f"{r['topic_first_s']:>9.2f}s | {r['material_mb']:>11.2f} MB "
            f"{r['material_gz_mb']:>4.2f} MB {r['material_first_s']:>9.2f}s"
        )


if __name__ == "__main__":
    main()
