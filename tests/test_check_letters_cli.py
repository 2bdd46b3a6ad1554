"""The command line: output formats, exit codes, and never touching a file."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.archive import ROOT, Archive

SCRIPT = ROOT / "scripts" / "check_letters.py"


def run(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def snapshot(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_the_repository_passes() -> None:
    result = run()
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("All ")
    assert result.stdout.rstrip().endswith("files are valid.")


def test_problems_are_printed_as_path_line_field_message(archive: Archive) -> None:
    archive.letter(signatory="Morwena Tregarth")
    result = run("--docs", archive.docs, cwd=archive.docs.parent)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "docs/letters/2019/2019-03-14-morwenna-tregarth-fair-rents.md:4: error: signatory: "
        "'Morwena Tregarth' is not in the members register (did you mean 'Morwenna Tregarth'?)",
        "docs/letters/2019/2019-03-14-morwenna-tregarth-fair-rents.md:4: error: file: the file "
        "name must continue with the signatory's slug 'morwena-tregarth-' (rename it to "
        "2019-03-14-morwena-tregarth-reply-on-fair-rents.md)",
        "Found 2 errors in 1 of 5 files.",
    ]
    assert result.stderr == ""


def test_github_format_prints_annotations(archive: Archive) -> None:
    archive.letter(topics="[housng]")
    result = run("--docs", archive.docs, "--format", "github", cwd=archive.docs.parent)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=docs/letters/2019/2019-03-14-morwenna-tregarth-fair-rents.md,line=6,"
        "title=Dear Constituent%3A topics::topics: 'housng' is not in the topics register "
        "(did you mean 'housing'?)"
    ]


def test_json_format_is_a_machine_readable_list(archive: Archive) -> None:
    archive.letter(topics="[housng]")
    result = run("--docs", archive.docs, "--format", "json", cwd=archive.docs.parent)
    assert result.returncode == 1
    assert json.loads(result.stdout) == [
        {
            "path": "docs/letters/2019/2019-03-14-morwenna-tregarth-fair-rents.md",
            "line": 6,
            "field": "topics",
            "message": "'housng' is not in the topics register",
            "hint": "did you mean 'housing'?",
            "severity": "error",
        }
    ]


def test_json_format_prints_an_empty_list_when_clean(archive: Archive) -> None:
    archive.letter()
    result = run("--docs", archive.docs, "--format", "json")
    assert (result.returncode, json.loads(result.stdout)) == (0, [])


def test_a_warning_alone_exits_zero(archive: Archive) -> None:
    archive.letter(body="")
    result = run("--docs", archive.docs, cwd=archive.docs.parent)
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == "All 5 files are valid (1 warning)."


@pytest.mark.parametrize(
    "args",
    [("--format", "xml"), ("--no-such-flag",), ("does/not/exist.md",), ("--docs", "/nowhere")],
)
def test_usage_errors_exit_two(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_bad_files_never_cause_a_traceback_or_a_change(archive: Archive) -> None:
    contents: list[bytes] = [
        b"",
        b"\x00\xff\xfe",
        b"\xff\xfe---\n",
        b"---\n",
        b"---\n: : :\n---\n",
        b"---\n[1, 2]\n---\n",
        b"---\ntitle: !!binary aGk=\n---\n",
        b"---\ndate: 2019-02-30\n---\n",
        b"---\ntopics: {a: b}\n---\n",
        b"---\n? [a]\n: b\n---\n",
        b"---\n&a [*a]\n---\n",
        "---\ntitle: \u202e\n---\n".encode(),
        b"---\ntitle: x\n---\n::: \n:::\n:::\n",
    ]
    for number, content in enumerate(contents):
        archive.raw(f"2019/bad-{number}.md", content)
    archive.register("members.yml", "- name: [a\n")
    before = snapshot(archive.docs)
    result = run("--docs", archive.docs)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(archive.docs) == before
    reported = {line.split(":", 1)[0] for line in result.stdout.splitlines()[:-1]}
    assert len(reported) == len(contents) + 1


def test_checking_the_repository_changes_nothing() -> None:
    before = snapshot(ROOT / "docs")
    assert run().returncode == 0
    assert snapshot(ROOT / "docs") == before


def test_control_characters_in_a_file_cannot_forge_output(archive: Archive) -> None:
    archive.letter(**{'"x\\nAll 5 files are valid.\\n\\x1b[31m"': "1"})
    result = run("--docs", archive.docs, cwd=archive.docs.parent)
    assert result.returncode == 1
    assert "\x1b" not in result.stdout
    assert "All 5 files are valid." not in result.stdout.splitlines()
    assert "x\\nAll 5 files are valid.\\n\\x1b[31m: unknown field" in result.stdout
