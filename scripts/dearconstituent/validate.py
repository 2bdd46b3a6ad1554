"""Checking the whole archive: registers, each letter, and letters against each other."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import logging
import multiprocessing as mp
import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from .errors import SourceError
from .findings import Finding
from .layout import (
    DATA_DIR,
    LETTERS_DIR,
    TRANSCRIPTS_DIR,
    is_below,
    letter_for,
    relative_to_docs,
    transcript_for,
)
from .letters import (
    LetterDocument,
    RuleContext,
    build_letter,
    check_letter,
    privacy_finding,
    read_letter,
)
from .markup import writer_text
from .model import AllowedItem, Letter, Registers
from .privacy import find_personal_data
from .problems import Problem
from .registers import REGISTER_FILES, load_registers
from .source import read_text
from .suggest import did_you_mean
from .transcripts import Transcript, misplaced, without_letter

log = logging.getLogger(__name__)

PARALLEL_FROM = 1000
"""Fewer letters than this are checked in one process: starting more costs more."""
_WHITESPACE = b" \t\n\r\f\v"


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
    docs_dir: Path,
    paths: Sequence[Path] = (),
    *,
    today: dt.date | None = None,
    jobs: int = 1,
    models: bool = True,
) -> Report:
    """Check the letters and registers under ``docs_dir``, or only ``paths`` among them.

    Registers are always loaded, because letters are checked against them;
    their own problems are reported when they are among ``paths`` (or no
    paths are given), or when a register cannot be read at all. With ``jobs``
    above 1, a large archive is checked by that many processes at once. With
    ``models`` false, only problems are wanted and ``Report.letters`` stays
    empty (the command line needs no letters, and saves building them).
    """
    today = today or dt.date.today()
    data_dir = docs_dir / DATA_DIR
    registers, register_findings = load_registers(data_dir)
    report = Report(registers=registers)
    wanted_registers, letter_paths, transcripts = _select(docs_dir, paths)
    for name in REGISTER_FILES:
        findings = register_findings.by_file.get(name, [])
        unreadable = any(finding.field == "file" for finding in findings)
        if name in wanted_registers or (findings and unreadable):
            report.problems.extend(_problems(data_dir / name, findings))
        if name in wanted_registers and (data_dir / name).is_file():
            report.files_checked += 1
    letter_paths = _with_letters_of(docs_dir, transcripts, letter_paths)
    for transcript in transcripts:
        report.files_checked += 1
        report.problems.extend(_placement_problems(docs_dir, transcript, registers))
    context = RuleContext(registers=registers, today=today)
    identities: list[Identity] = []
    letters: list[tuple[Path, Letter]] = []
    for outcome in _check_letters(letter_paths, docs_dir, context, jobs=jobs, models=models):
        report.files_checked += 1
        report.problems.extend(outcome.problems)
        if outcome.identity is not None:
            identities.append(outcome.identity)
        if outcome.letter is not None:
            letters.append((outcome.path, outcome.letter))
    if paths:
        identities.extend(_identities_of_others(docs_dir, letter_paths))
    duplicates = list(_duplicate_problems(identities, checked=letter_paths))
    report.problems.extend(duplicates)
    copies = {problem.path for problem in duplicates}
    report.letters = sorted(
        (letter for path, letter in letters if not copies or display_path(path) not in copies),
        key=Letter.sort_key,
    )
    report.problems.sort(key=lambda problem: (problem.path, problem.line))
    return report


class Outcome(NamedTuple):
    """What checking one letter file gave: its problems, identity and model."""

    path: Path
    problems: list[Problem]
    identity: Identity | None
    letter: Letter | None


def _check_letters(
    paths: list[Path], docs_dir: Path, context: RuleContext, *, jobs: int, models: bool
) -> Iterator[Outcome]:
    """Check each letter, in order; in ``jobs`` processes when there are enough letters."""
    if jobs > 1 and len(paths) >= PARALLEL_FROM and "fork" in mp.get_all_start_methods():
        chunks = [paths[start::jobs] for start in range(jobs)]
        with ProcessPoolExecutor(jobs, mp_context=mp.get_context("fork")) as pool:
            done = list(
                pool.map(_check_chunk, chunks, [docs_dir] * jobs, [context] * jobs, [models] * jobs)
            )
        # Chunks were dealt out like cards; deal the outcomes back in order.
        for round_ in itertools.zip_longest(*done):
            yield from (outcome for outcome in round_ if outcome is not None)
        return
    yield from _check_chunk(paths, docs_dir, context, models)


def _check_chunk(
    paths: list[Path], docs_dir: Path, context: RuleContext, models: bool
) -> list[Outcome]:
    # Each document is checked, reduced to its identity and its model, and
    # dropped: keeping 10,000 parsed documents alive costs more in garbage
    # collection than all the rules together.
    outcomes = []
    for path in paths:
        document, problems = _check_one(path, docs_dir, context)
        if document is None:
            outcomes.append(Outcome(path, problems, None, None))
            continue
        valid = not any(problem.severity == "error" for problem in problems)
        letter = build_letter(document) if valid and models else None
        outcomes.append(Outcome(path, problems, identity_of(document), letter))
    return outcomes


def _select(docs_dir: Path, paths: Sequence[Path]) -> tuple[set[str], list[Path], list[Path]]:
    """The registers, letters and transcripts to check: everything when no paths are given."""
    if not paths:
        return set(REGISTER_FILES), letter_files(docs_dir), transcript_files(docs_dir)
    registers: set[str] = set()
    letters: list[Path] = []
    transcripts: list[Path] = []
    data_dir = (docs_dir / DATA_DIR).resolve()
    transcripts_dir = docs_dir / TRANSCRIPTS_DIR
    for path in paths:
        if path.is_dir():
            if path.resolve() == data_dir:
                registers.update(REGISTER_FILES)
            elif path.resolve() == transcripts_dir.resolve() or is_below(transcripts_dir, path):
                transcripts.extend(sorted(p for p in path.rglob("*") if p.is_file()))
            else:
                letters.extend(sorted(p for p in path.rglob("*.md") if p.is_file()))
        elif path.resolve().parent == data_dir and path.name in REGISTER_FILES:
            registers.add(path.name)
        elif is_below(transcripts_dir, path):
            transcripts.append(path)
        else:
            letters.append(path)
    return registers, letters, transcripts


def _with_letters_of(docs_dir: Path, transcripts: list[Path], letters: list[Path]) -> list[Path]:
    """``letters``, and the letter of each transcript among ``transcripts``, each once:
    a changed transcript is checked by checking its letter against it."""
    wanted = {os.path.abspath(path) for path in letters}
    added = []
    for transcript in transcripts:
        letter = _letter_of(docs_dir, transcript)
        if letter is not None and letter.is_file() and os.path.abspath(letter) not in wanted:
            wanted.add(os.path.abspath(letter))
            added.append(letter)
    return letters + added


def _letter_of(docs_dir: Path, transcript: Path) -> Path | None:
    relative = relative_to_docs(transcript, docs_dir)
    return None if relative is None else letter_for(docs_dir, relative)


def _placement_problems(docs_dir: Path, transcript: Path, registers: Registers) -> list[Problem]:
    """A transcript is named after its letter; one with no letter is reported, with
    its own problems, since no letter's check reads it."""
    letter = _letter_of(docs_dir, transcript)
    if letter is None:
        shown = relative_to_docs(transcript, docs_dir) or PurePosixPath(transcript.name)
        return list(_problems(transcript, [misplaced(shown)]))
    if letter.is_file():
        return []
    # Named as transcripts, so that the hint reads as the name to give this file.
    others = [path.with_suffix(transcript.suffix).name for path in letter.parent.glob("*.md")]
    finding = without_letter(letter, did_you_mean(transcript.name, sorted(others)))
    text, own = _read_transcript(transcript)
    if text is not None:
        own += _transcript_privacy(transcript, text, registers.allowlist)
    return [*_problems(transcript, [finding]), *own]


def letter_files(docs_dir: Path) -> list[Path]:
    """Every letter file in the archive, in a stable order."""
    return [Path(path) for path in sorted(_files_below(str(docs_dir / LETTERS_DIR)))]


def transcript_files(docs_dir: Path) -> list[Path]:
    """Every file among the transcripts, in a stable order."""
    return [Path(path) for path in sorted(_files_below(str(docs_dir / TRANSCRIPTS_DIR)))]


def _files_below(folder: str) -> Iterator[str]:
    # scandir knows each entry's type without a stat call: listing 10,000
    # letters costs a fraction of what Path.rglob does.
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _files_below(entry.path)
        elif entry.is_file():
            yield entry.path


def _check_one(
    path: Path, docs_dir: Path, context: RuleContext
) -> tuple[LetterDocument | None, list[Problem]]:
    try:
        document = read_letter(path, docs_dir)
    except SourceError as error:
        return None, [Problem(display_path(path), error.line, "file", error.message, error.hint)]
    location = transcript_for(docs_dir, document.relative) if document.relative else None
    if location is None or not location.is_file():
        return document, list(_problems(path, check_letter(document, context)))
    transcript, problems = _read_transcript(location)
    document = replace(document, transcript=transcript)
    findings = check_letter(document, context)
    # A clean body that says exactly what its transcript says has shown the
    # privacy rules every line of the transcript (no detector crosses a line),
    # so the transcript is scanned on its own only when the body has problems.
    if transcript is not None and any(finding.field == "body" for finding in findings):
        problems += _transcript_privacy(location, transcript, context.registers.allowlist)
    return document, [*_problems(path, findings), *problems]


def _read_transcript(path: Path) -> tuple[Transcript | None, list[Problem]]:
    try:
        text = read_text(path)
    except SourceError as error:
        return None, [
            Problem(display_path(path), error.line, "transcript", error.message, error.hint)
        ]
    return Transcript(display_path(path), text), []


def _transcript_privacy(
    path: Path, transcript: Transcript, allowlist: tuple[AllowedItem, ...]
) -> list[Problem]:
    """A transcript is public in the repository: it holds no personal data either."""
    findings = [
        privacy_finding("transcript", found, found.line)
        for found in find_personal_data(transcript.text, allowlist=allowlist)
    ]
    return list(_problems(path, findings))


class Identity(NamedTuple):
    """What makes a letter the same letter: its text, and its signatory, date and title."""

    path: Path
    keys: tuple[tuple[str, str], ...]


def identity_of(doc: LetterDocument) -> Identity:
    # Case and spacing do not make a letter different; on bytes, dropping the
    # whitespace and lower-casing are single fast passes.
    words = writer_text(doc.body, doc.parsed_body.fences).encode().lower()
    keys = []
    if words := words.translate(None, _WHITESPACE):
        keys.append(("same text", hashlib.sha256(words).hexdigest()))
    meta = doc.meta
    parts = [meta.get("signatory"), meta.get("date"), meta.get("title")]
    if all(isinstance(part, str) and part.strip() for part in parts):
        keys.append(
            (
                "same signatory, date and title",
                "\x1f".join(_normal_text(str(part)) for part in parts),
            )
        )
    return Identity(doc.path, tuple(keys))


def _identities_of_others(docs_dir: Path, checked: Iterable[Path]) -> Iterator[Identity]:
    checked_set = {os.path.abspath(path) for path in checked}
    for path in letter_files(docs_dir):
        if os.path.abspath(path) in checked_set:
            continue
        try:
            yield identity_of(read_letter(path, docs_dir))
        except SourceError:
            # An unreadable neighbour is reported when it is itself checked.
            continue


def _duplicate_problems(
    identities: list[Identity], *, checked: Iterable[Path]
) -> Iterator[Problem]:
    """The same letter is not published twice: same text, or same signatory, date and title."""
    checked_set = {os.path.abspath(path) for path in checked}
    # The earlier-named file is "the original": "x.md" before "x-2.md".
    pool = sorted(identities, key=lambda item: (item.path.parent.as_posix(), item.path.stem))
    first_by_key: dict[tuple[str, str], Path] = {}
    for identity in pool:
        for kind, key in identity.keys:
            first = first_by_key.setdefault((kind, key), identity.path)
            if first is not identity.path and os.path.abspath(identity.path) in checked_set:
                yield Problem(
                    display_path(identity.path),
                    1,
                    "file",
                    f"this letter is already published ({kind}): {display_path(first)}",
                    "remove the copy, or correct the existing file instead",
                )
                break


def _normal_text(text: str) -> str:
    """Case and spacing do not make a letter different."""
    return " ".join(text.lower().split())


def _problems(path: Path, findings: Iterable[Finding]) -> Iterator[Problem]:
    shown = ""
    for finding in findings:
        shown = shown or display_path(path)
        yield Problem(
            shown, finding.line, finding.field, finding.message, finding.hint, finding.severity
        )


def display_path(path: Path) -> str:
    """The path as the user should see it: relative to the working folder when possible."""
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:
        return path.as_posix()
