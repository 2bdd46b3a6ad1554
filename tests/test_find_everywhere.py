"""scripts/find_everywhere.py: every copy of a text, in the working tree, in history
and in a built site; and nothing once it has been purged."""

from __future__ import annotations

import contextlib
import gzip
import io
import subprocess
import sys
from pathlib import Path

from tests.archive import ROOT

sys.path.insert(0, str(ROOT / "scripts"))

import find_everywhere

PLANTED = "Jo Plantedname of 7 Fictional Row"


def _git(repo: Path, *arguments: str) -> str:
    return subprocess.run(
        [
            "git",
            "-C",
            str(repo),
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.invalid",
            *arguments,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _run(*arguments: str) -> tuple[int, list[str]]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = find_everywhere.main(list(arguments))
    return code, out.getvalue().splitlines()


def _repository(root: Path) -> Path:
    """A repository whose first commit had the text in a letter, and whose second
    took it out: the working tree is clean, history is not."""
    repo = root / "repo"
    letter = repo / "docs/letters/2019/2019-03-14-morwenna-tregarth-fair-rents.md"
    letter.parent.mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main")
    letter.write_text(f"Dear {PLANTED},\n\nThank you for writing.\n", encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "A letter")
    letter.write_text("Dear Constituent,\n\nThank you for writing.\n", encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "Take the name out")
    return repo


def _site(root: Path) -> Path:
    site = root / "site"
    (site / "pagefind/fragment").mkdir(parents=True)
    (site / "letters.json.gz").write_bytes(gzip.compress(f'{{"text": "{PLANTED}"}}'.encode()))
    (site / "pagefind/fragment/en_1.pf_fragment").write_bytes(
        gzip.compress(b"pagefind_dcd" + PLANTED.encode())
    )
    (site / "index.html").write_text("<p>Nothing here</p>", encoding="utf-8")
    return site


def test_the_text_is_found_in_history_and_in_the_site_not_only_in_files(tmp_path: Path) -> None:
    repo, site = _repository(tmp_path), _site(tmp_path)
    first = _git(repo, "rev-list", "--max-parents=0", "HEAD").strip()
    code, lines = _run(PLANTED, "--repo", str(repo), "--site", str(site))
    assert code == 1
    assert lines == [
        f"history: {first}:docs/letters/2019/2019-03-14-morwenna-tregarth-fair-rents.md",
        "site: letters.json.gz",
        "site: pagefind/fragment/en_1.pf_fragment",
    ]


def test_an_untracked_file_in_the_working_tree_is_found(tmp_path: Path) -> None:
    repo = _repository(tmp_path)
    (repo / "notes.txt").write_text(PLANTED, encoding="utf-8")
    code, lines = _run(PLANTED, "--repo", str(repo))
    assert code == 1
    assert "working tree: notes.txt" in lines


def test_after_a_purge_the_text_is_nowhere(tmp_path: Path) -> None:
    repo, site = _repository(tmp_path), _site(tmp_path)
    # The purge: history rewritten without the commit that held the text (here a
    # fresh root commit of the clean tree), the old branch and its reflog gone.
    _git(repo, "checkout", "-q", "--orphan", "clean")
    _git(repo, "commit", "-q", "-m", "The archive, without the withdrawn text")
    _git(repo, "branch", "-q", "-D", "main")
    _git(repo, "reflog", "expire", "--expire=now", "--all")
    _git(repo, "gc", "-q", "--prune=now")
    for path in (site / "letters.json.gz", site / "pagefind/fragment/en_1.pf_fragment"):
        path.unlink()
    code, lines = _run(PLANTED, "--repo", str(repo), "--site", str(site))
    assert (code, lines) == (0, [])
