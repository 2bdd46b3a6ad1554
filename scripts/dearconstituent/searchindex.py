"""The search index: Pagefind, run over the built site, made reproducible.

Pagefind (PyPI ``pagefind[bin]``, pinned) ships its binary, so indexing
works offline. It splits the index into fragments that a browser fetches
only as a query needs them, instead of one file of every word.

Pagefind writes its filter index and its metadata in hash-map order, which
changes from run to run (Pagefind issue #638: fixed for fragments in 1.3,
not for these; 1.5.2, pinned, still does it: three runs over the same pages
gave three sets of filter files). So that the same commit builds the same
bytes, the filter values and the list of filters are sorted afterwards, and
the files renamed after their new content. The files are CBOR, read and
written with ``cbor2`` (pinned), whose shortest-form encoding is Pagefind's:
a file decoded and encoded again is the same bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import logging
import re
import shutil
import subprocess
import sys
import tempfile
import weakref
from pathlib import Path
from typing import Any

import cbor2

from .errors import DearConstituentError

log = logging.getLogger(__name__)

MAGIC = b"pagefind_dcd"
"""What Pagefind puts before the CBOR in its (gzipped) index files."""


class SearchIndexError(DearConstituentError):
    """Pagefind could not index the site."""


class SearchDocuments:
    """The pages to index, written as they are rendered, indexed while the site builds.

    Each page worth searching is written here as a small document holding
    just what search should see (the letter, its title and metadata, with
    Pagefind's attributes). Pagefind indexes that folder in a process of its
    own, started once every page's content exists, so it works on the other
    core while the site's templates are rendered; ``finish`` waits for it.
    """

    def __init__(self, beside: Path) -> None:
        # Beside the site rather than in the system's temporary folder, which
        # can be a much slower disk: a thousand small files show the difference.
        beside.mkdir(parents=True, exist_ok=True)
        self.folder = Path(tempfile.mkdtemp(prefix=".dc-search-", dir=beside))
        self._process: subprocess.Popen[str] | None = None
        self._output: Path | None = None
        # A build that fails half-way never calls finish(): the documents go
        # when this object does, or when the process exits.
        self._cleanup = weakref.finalize(self, shutil.rmtree, self.folder, True)

    def add(self, url: str, html: str) -> None:
        """Add the document for the page at site-relative ``url`` (``letters/…/``)."""
        path = self.folder / url / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")

    def start(self, output: Path) -> None:
        """Start indexing into ``output`` (the site's ``pagefind`` folder)."""
        self._output = output
        command = [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(self.folder),
            "--output-path",
            str(output),
        ]
        try:
            self._process = subprocess.Popen(
                command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
            )
        except OSError as error:
            self.close()
            raise SearchIndexError(f"Pagefind could not run: {error}") from None

    def finish(self) -> str:
        """Wait for the index, make its files reproducible, clean up; say what was indexed."""
        try:
            if self._process is None or self._output is None:
                raise SearchIndexError("the search index was never started")
            output, _ = self._process.communicate(timeout=600)
            if self._process.returncode != 0:
                raise SearchIndexError(
                    f"Pagefind failed ({self._process.returncode}): {output.strip()}"
                )
            make_reproducible(self._output)
        finally:
            self.close()
        return summary(output)

    def close(self) -> None:
        """Stop Pagefind if it still runs, and remove the documents."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._cleanup()


def summary(output: str) -> str:
    """``1005 pages indexed for search in 0.9 s``, from Pagefind's own report."""
    pages = re.search(r"Indexed (\d+) pages?", output)
    seconds = re.search(r"Finished in ([\d.]+) seconds", output)
    return (
        f"{pages.group(1) if pages else '?'} pages indexed for search in "
        f"{float(seconds.group(1)) if seconds else float('nan'):.2f} s"
    )


def make_reproducible(bundle: Path) -> None:
    """Put Pagefind's output in a stable order, or say that its form is unknown."""
    try:
        make_deterministic(bundle)
    except (OSError, KeyError, IndexError, TypeError, ValueError, cbor2.CBORError) as error:
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
    return decode_cbor(data[len(MAGIC) :])


def decode_cbor(data: bytes) -> Any:
    """The one CBOR value ``data`` holds; anything after it means an unknown form."""
    stream = io.BytesIO(data)
    value = cbor2.load(stream)
    if stream.tell() != len(data):
        raise ValueError(f"{len(data) - stream.tell()} bytes follow the CBOR value")
    return value


def _store(content: Any, old_path: Path, language: str, digits: int, *, prefix: str = "") -> str:
    data = MAGIC + cbor2.dumps(content)
    name = f"{language}_{hashlib.sha256(data).hexdigest()[:digits]}"
    new_path = old_path.with_name(f"{prefix}{name}{old_path.suffix}")
    old_path.unlink()
    new_path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return name
