"""new_letter.py: a correctly named, valid letter to paste into; never overwrites."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from dearconstituent.validate import check_archive
from tests.archive import ROOT, TODAY, Archive

SCRIPT = ROOT / "scripts" / "new_letter.py"
FLAGS = (
    "--date",
    "2021-03-14",
    "--signatory",
    "Morwenna Tregarth",
    "--title",
    "Reply on fair rents",
    "--topics",
    "housing",
)


def run(archive: Archive, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--docs", str(archive.docs), *args],
        capture_output=True,
        text=True,
        input=stdin,
        check=False,
    )


def test_creates_a_valid_letter_named_after_date_signatory_and_subject(archive: Archive) -> None:
    result = run(archive, *FLAGS)
    assert result.returncode == 0, result.stderr
    path = archive.docs / "letters/2021/2021-03-14-morwenna-tregarth-reply-on-fair-rents.md"
    assert path.read_text(encoding="utf-8") == (
        "---\ntitle: Reply on fair rents\ndate: 2021-03-14\nsignatory: Morwenna Tregarth\n"
        "constituency: Wexmoor and Lindenholt\ntopics:\n  - housing\n---\n\n"
    )
    report = check_archive(archive.docs, [path], today=TODAY)
    assert report.ok
    assert [(p.severity, p.message) for p in report.problems] == [
        ("warning", "the letter has no text yet")
    ]


def test_a_second_identical_run_refuses(archive: Archive) -> None:
    assert run(archive, *FLAGS).returncode == 0
    path = archive.docs / "letters/2021/2021-03-14-morwenna-tregarth-reply-on-fair-rents.md"
    path.write_text(path.read_text(encoding="utf-8") + "Thank you for writing.\n", encoding="utf-8")
    again = run(archive, *FLAGS)
    assert again.returncode == 1
    assert "already exists; nothing was written" in again.stderr
    assert path.read_text(encoding="utf-8").endswith("Thank you for writing.\n")


def test_the_campaign_names_the_file_and_the_seat_comes_from_the_register(
    archive: Archive,
) -> None:
    result = run(
        archive,
        "--date",
        "2016-05",
        "--signatory",
        "Dr Ifan Callowby",
        "--title",
        "Rents",
        "--topics",
        "housing, immigration",
        "--campaign",
        "fair-rents-now",
        "--source",
        "Scanned paper letter",
    )
    assert result.returncode == 0, result.stderr
    path = archive.docs / "letters/2016/2016-05-dr-ifan-callowby-fair-rents-now.md"
    text = path.read_text(encoding="utf-8")
    assert "constituency: Carrowby North\n" in text
    assert "topics:\n  - housing\n  - immigration\n" in text
    assert "source: Scanned paper letter\n" in text
    assert check_archive(archive.docs, [path], today=TODAY).ok


def test_wrong_values_get_the_validators_hints(archive: Archive) -> None:
    result = run(
        archive,
        "--date",
        "2021-03-14",
        "--signatory",
        "Morwena Tregarth",
        "--title",
        "x",
        "--topics",
        "housing",
    )
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "new_letter.py: error: --signatory: 'Morwena Tregarth' is not in the members register "
        "(did you mean 'Morwenna Tregarth'?)"
    )
    gap = run(
        archive,
        "--date",
        "2019-11-20",
        "--signatory",
        "Morwenna Tregarth",
        "--title",
        "x",
        "--topics",
        "housing",
    )
    assert gap.returncode == 2
    assert "was not an MP in 20 November 2019" in gap.stderr
    topic = run(archive, *FLAGS[:6], "--topics", "housng")
    assert "(did you mean 'housing'?)" in topic.stderr


def test_missing_values_are_required_when_there_is_no_terminal(archive: Archive) -> None:
    result = run(archive, "--date", "2021-03-14")
    assert result.returncode == 2
    assert "--signatory is required" in result.stderr
    assert not (archive.docs / "letters").exists()


def test_it_asks_for_what_is_missing_in_a_terminal(archive: Archive, tmp_path: Path) -> None:
    # A pseudo-terminal makes stdin a TTY, as when staff run the script by hand.
    script = (
        "import os, pty, sys\n"
        "answers = b'Morwena Tregarth\\nMorwenna Tregarth\\nReply on rents\\nhousing\\n'\n"
        "pid, fd = pty.fork()\n"
        "if pid == 0:\n"
        f"    os.execv(sys.executable, [sys.executable, {str(SCRIPT)!r}, '--docs', "
        f"{str(archive.docs)!r}, '--date', '2021-03-14'])\n"
        "os.write(fd, answers)\n"
        "out = b''\n"
        "while True:\n"
        "    try:\n"
        "        chunk = os.read(fd, 1024)\n"
        "    except OSError:\n"
        "        break\n"
        "    if not chunk:\n"
        "        break\n"
        "    out += chunk\n"
        "_, status = os.waitpid(pid, 0)\n"
        "sys.stdout.write(out.decode())\n"
        "sys.exit(os.waitstatus_to_exitcode(status))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stdout
    assert "did you mean 'Morwenna Tregarth'?" in result.stdout
    assert (archive.docs / "letters/2021/2021-03-14-morwenna-tregarth-reply-on-rents.md").exists()
