"""Checking the whole archive: registers, each letter, and letters against each other."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import SourceError
from .findings import Finding
from .letters import LetterDocument, RuleContext, build_letter, check_letter, read_letter
from .markup import letter_words
from .model import Letter, Registers
from .problems import Problem
from .registers import REGISTER_FILES, load_registers

log = logging.getLogger(__name__)

DATA_DIR = "_data"
LETTERS_DIR = "letters"


@dataclass
class Report:
    """The outcome of a check: every problem, and the letters that passed."""

    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0
    letters: list[Letter] = field(default_factory=list)
    registers: Registers = field(default_factory=Registers)

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors


def check_archive(
    docs_dir: Path, paths: Sequence[Path] = (), *, today: dt.date | None = None
) -> Report:
    """Check the letters and registers under ``docs_dir``, or only ``paths`` among them.

    Registers are always loaded, because letters are checked against them;
    their own problems are reported when they are among ``paths`` (or no
    paths are given), or when a register cannot be read at all.
    """
    today = today or dt.date.today()
    data_dir = docs_dir / DATA_DIR
    registers, register_findings = load_registers(data_dir)
    report = Report(registers=registers)
    wanted_registers, letter_paths = _select(docs_dir, paths)
    for name in REGISTER_FILES:
        findings = register_findings.by_file.get(name, [])
        unreadable = any(finding.field == "file" for finding in findings)
        if name in wanted_registers or (findings and unreadable):
            report.problems.extend(_problems(data_dir / name, findings))
        if name in wanted_registers and (data_dir / name).is_file():
            report.files_checked += 1
    context = RuleContext(registers=registers, today=today)
    documents = []
    for path in letter_paths:
        report.files_checked += 1
        document = _check_one(path, docs_dir, context, report)
        if document is not None:
            documents.append(document)
    report.problems.extend(_duplicate_problems(documents, docs_dir, letter_paths))
    failed = {problem.path for problem in report.errors}
    report.letters = sorted(
        (build_letter(doc) for doc in documents if display_path(doc.path) not in failed),
        key=Letter.sort_key,
    )
    report.problems.sort(key=lambda problem: (problem.path, problem.line))
    return report


def _select(docs_dir: Path, paths: Sequence[Path]) -> tuple[set[str], list[Path]]:
    if not paths:
        return set(REGISTER_FILES), letter_files(docs_dir)
    registers: set[str] = set()
    letters: list[Path] = []
    data_dir = (docs_dir / DATA_DIR).resolve()
    for path in paths:
        if path.is_dir():
            if path.resolve() == data_dir:
                registers.update(REGISTER_FILES)
            else:
                letters.extend(sorted(p for p in path.rglob("*.md") if p.is_file()))
        elif path.resolve().parent == data_dir and path.name in REGISTER_FILES:
            registers.add(path.name)
        else:
            letters.append(path)
    return registers, letters


def letter_files(docs_dir: Path) -> list[Path]:
    """Every letter file in the archive, in a stable order."""
    root = docs_dir / LETTERS_DIR
    if not root.is_dir():
        return []
    return sorted(
        path for path in root.rglob("*") if path.is_file() and not path.name.startswith(".")
    )


def _check_one(
    path: Path, docs_dir: Path, context: RuleContext, report: Report
) -> LetterDocument | None:
    try:
        document = read_letter(path, docs_dir)
    except SourceError as error:
        report.problems.append(
            Problem(display_path(path), error.line, "file", error.message, error.hint)
        )
        return None
    report.problems.extend(_problems(path, check_letter(document, context)))
    return document


def _duplicate_problems(
    documents: list[LetterDocument], docs_dir: Path, checked: Iterable[Path]
) -> Iterator[Problem]:
    """The same letter is not published twice: same text, or same signatory, date and title."""
    checked_set = {path.resolve() for path in checked}
    others = [path for path in letter_files(docs_dir) if path.resolve() not in checked_set]
    pool = documents + list(_read_quietly(others, docs_dir))
    # The earlier-named file is "the original": "x.md" before "x-2.md".
    pool.sort(key=lambda doc: (doc.path.parent.as_posix(), doc.path.stem))
    first_by_key: dict[tuple[str, str], LetterDocument] = {}
    for doc in pool:
        for kind, key in _identity_keys(doc):
            first = first_by_key.setdefault((kind, key), doc)
            if first is not doc and doc.path.resolve() in checked_set:
                yield Problem(
                    display_path(doc.path),
                    1,
                    "file",
                    f"this letter is already published ({kind}): {display_path(first.path)}",
                    "remove the copy, or correct the existing file instead",
                )
                break


def _identity_keys(doc: LetterDocument) -> Iterator[tuple[str, str]]:
    words = _normal_text(letter_words(doc.body))
    if words:
        yield "same text", hashlib.sha256(words.encode()).hexdigest()
    meta = doc.meta
    parts = [meta.get("signatory"), meta.get("date"), meta.get("title")]
    if all(isinstance(part, str) and part.strip() for part in parts):
        yield (
            "same signatory, date and title",
            "\x1f".join(_normal_text(str(part)) for part in parts),
        )


def _normal_text(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _read_quietly(paths: Iterable[Path], docs_dir: Path) -> Iterator[LetterDocument]:
    for path in paths:
        try:
            yield read_letter(path, docs_dir)
        except SourceError:
            # Unreadable neighbours are reported when they themselves are checked.
            continue


def _problems(path: Path, findings: Iterable[Finding]) -> Iterator[Problem]:
    shown = display_path(path)
    for finding in findings:
        yield Problem(
            shown, finding.line, finding.field, finding.message, finding.hint, finding.severity
        )


def display_path(path: Path) -> str:
    """The path as the user should see it: relative to the working folder when possible."""
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:
        return path.as_posix()
