"""The search index: Pagefind, run over the built site, made reproducible.

Pagefind (PyPI ``pagefind[bin]``, pinned) ships its binary, so indexing
works offline. It splits the index into fragments that a browser fetches
only as a query needs them, instead of one file of every word.

Pagefind writes its filter index and its metadata in hash-map order, which
changes from run to run (Pagefind issue #638: fixed for fragments in 1.3,
not for these). So that the same commit builds the same bytes, the filter
values and the list of filters are sorted afterwards, and the files renamed
after their new content.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import subprocess
import sys
from pathlib import Path
from typing import Any

from . import cbor
from .errors import DearConstituentError

log = logging.getLogger(__name__)

BUNDLE = "pagefind"
"""The folder, under the site, that holds the index and Pagefind's scripts."""
MAGIC = b"pagefind_dcd"
"""What Pagefind puts before the CBOR in its (gzipped) index files."""


class SearchIndexError(DearConstituentError):
    """Pagefind could not index the site."""


def build_search_index(site_dir: Path) -> None:
    """Index the built site at ``site_dir`` into ``site_dir/pagefind``."""
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--output-subdir",
        BUNDLE,
        "--silent",
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    except (OSError, subprocess.SubprocessError) as error:
        raise SearchIndexError(f"Pagefind could not run: {error}") from None
    if result.returncode != 0:
        raise SearchIndexError(
            f"Pagefind failed ({result.returncode}): {(result.stderr or result.stdout).strip()}"
        )


def build_reproducible_search_index(site_dir: Path) -> None:
    """Index the site with Pagefind, then put its files in a stable order."""
    build_search_index(site_dir)
    try:
        make_deterministic(site_dir / BUNDLE)
    except (OSError, KeyError, IndexError, TypeError, ValueError) as error:
        raise SearchIndexError(
            f"Pagefind's output is not in the form this project knows ({error}); "
            "check make_deterministic against the pinned Pagefind version"
        ) from None


def make_deterministic(bundle: Path) -> None:
    """Sort the filter values and filters of every language, renaming files to match."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, details in entry["languages"].items():
        meta_path = bundle / f"pagefind.{details['hash']}.pf_meta"
        meta = _load(meta_path)
        filters = []
        for name, old in meta[3]:
            path = bundle / "filter" / f"{old}.pf_filter"
            content = _load(path)
            content[1].sort(key=lambda value: value[0])
            filters.append([name, _store(content, path, language, 7)])
        meta[3] = sorted(filters)
        meta[4] = sorted(meta[4], key=lambda sort: sort[0])
        details["hash"] = _store(meta, meta_path, language, 13, prefix="pagefind.")
    entry_path.write_text(
        json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )


def _load(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(MAGIC):
        raise ValueError(f"{path.name} does not start with Pagefind's marker")
    return cbor.decode(data[len(MAGIC) :])


def _store(content: Any, old_path: Path, language: str, digits: int, *, prefix: str = "") -> str:
    data = MAGIC + cbor.encode(content)
    name = f"{language}_{hashlib.sha256(data).hexdigest()[:digits]}"
    new_path = old_path.with_name(f"{prefix}{name}{old_path.suffix}")
    old_path.unlink()
    new_path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return name
