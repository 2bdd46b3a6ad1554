#!/usr/bin/env python3
"""Make a letter file from a "Send us a letter" issue: python scripts/letter_from_issue.py

    python scripts/letter_from_issue.py --body BODY.md --issue 42 --comment COMMENT.md

Reads the issue's body as GitHub writes a submitted form, and makes the letter
file as import_letter.py would from the same text (the form's answers stand
in for its options). If the answers hold anything that looks like personal
data, nothing is written: the comment lists the kinds of data and where they
are (never the data) and asks the submitter to edit the issue. Otherwise the
letter and its transcript are written under --docs, checked with the
validator, and the comment says what was made and what the validator found.

The issue's text is only ever read as data. --outputs FILE appends
``result=written|refused|invalid``, ``path=…`` and ``title=…`` lines for a
GitHub workflow. Exit status: 0 written, 3 refused (personal data), 1 not a
filled-in form or the letter exists, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path, PurePosixPath

from dearconstituent.issueform import FORM, FormError, parse_answers, read_form
from dearconstituent.issueletter import Submission, make_submission
from dearconstituent.layout import DATA_DIR, letter_path, transcript_for
from dearconstituent.letterfile import write_new_letter
from dearconstituent.problems import Problem
from dearconstituent.registers import load_registers
from dearconstituent.source import read_text
from dearconstituent.validate import check_archive

ROOT = Path(__file__).resolve().parent.parent
WRITTEN, REFUSED, INVALID = 0, 3, 1
PRIVACY_PAGE = "https://dear-constituent.github.io/dear-constituent/privacy/"
HISTORY_HELP = (
    "https://docs.github.com/en/communities/moderating-comments-and-conversations/"
    "tracking-changes-in-a-comment#deleting-sensitive-information-from-a-comments-history"
)


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="letter_from_issue.py", description="Make a letter file from a letter issue."
    )
    parser.add_argument("--body", type=Path, required=True, help="the issue's body, as a file")
    parser.add_argument("--issue", type=int, required=True, help="the issue's number")
    parser.add_argument("--comment", type=Path, help="write the comment to post here")
    parser.add_argument("--outputs", type=Path, help="append key=value lines here")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs")
    parser.add_argument("--form", type=Path, default=ROOT / FORM)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    form = read_form(arguments.form)
    try:
        answers = parse_answers(read_text(arguments.body), form)
    except FormError as error:
        return finish(arguments, INVALID, not_a_form(str(error)), {"result": "invalid"})
    registers, _ = load_registers(arguments.docs / DATA_DIR)
    submission = make_submission(answers, registers, issue=arguments.issue)
    if submission.draft is None:
        return finish(arguments, REFUSED, refusal(submission), {"result": "refused"})
    draft = submission.draft
    path = letter_path(arguments.docs, draft.date, draft.name)
    if path.exists():
        message = f"`{relative(path, arguments.docs)}` is already in the archive."
        return finish(arguments, INVALID, message, {"result": "invalid"})
    write_new_letter(path, draft.text())
    kept = transcript_for(arguments.docs, PurePosixPath(path.relative_to(arguments.docs)))
    if kept is not None:
        kept.parent.mkdir(parents=True, exist_ok=True)
        kept.write_text(submission.transcript, encoding="utf-8")
    problems = check_archive(arguments.docs, [path]).problems
    outputs = {
        "result": "written",
        "path": relative(path, arguments.docs),
        "title": one_line(str(draft.fields.get("title", ""))),
    }
    return finish(arguments, WRITTEN, made(submission, outputs["path"], problems), outputs)


def finish(
    arguments: argparse.Namespace, status: int, comment: str, outputs: dict[str, str]
) -> int:
    print(comment)
    if arguments.comment:
        arguments.comment.write_text(comment + "\n", encoding="utf-8")
    if arguments.outputs:
        with arguments.outputs.open("a", encoding="utf-8") as file:
            for key, value in outputs.items():
                file.write(f"{key}={value}\n")
    return status


def one_line(text: str) -> str:
    """``text`` safe as one output line: no line breaks or other control characters."""
    return "".join(character for character in " ".join(text.split()) if character.isprintable())


def relative(path: Path, docs: Path) -> str:
    return f"docs/{path.relative_to(docs).as_posix()}"


def not_a_form(message: str) -> str:
    return (
        "This issue is not a filled-in letter form, so no letter was made from it: "
        f"{message}. Please edit the issue to fill in those answers."
    )


def refusal(submission: Submission) -> str:
    lines = [
        "**Thank you. Before this letter can be published, some personal data must be "
        "taken out.** Nothing has been added to the archive.",
        "",
        "The archive's checks found what looks like:",
        "",
        *[f"- {flag.described}" for flag in submission.flags],
        "",
        "Please edit the issue (the ··· menu, then *Edit*) and replace each one: "
        "`[name removed]`, `[address removed]`, `[phone removed]`, `[e-mail removed]` or "
        "`[reference removed]`. The letter will be made again when you save.",
        "",
        "*For maintainers:* the issue's edit history still holds the first version. "
        f"Delete that revision ([how]({HISTORY_HELP})) once the submitter has edited it, "
        f"as the [Privacy page]({PRIVACY_PAGE}) promises.",
    ]
    return "\n".join(lines)


def made(submission: Submission, path: str, problems: list[Problem]) -> str:
    draft = submission.draft
    lines = [f"Thank you! This issue has been made into `{path}`, to be checked by a maintainer."]
    if draft is not None and draft.missing:
        lines += ["", "Left for a maintainer to fill in:", ""]
        lines += [f"- {field}: {why}" for field, why in draft.missing]
    if submission.notes:
        lines += ["", "Notes for the maintainer:", ""]
        lines += [f"- {note}" for note in submission.notes]
    if problems:
        lines += ["", "What the archive's checks found:", ""]
        lines += [f"- line {problem.line}: {found(problem)}" for problem in problems]
    else:
        lines += ["", "The archive's checks found nothing to fix."]
    return "\n".join(lines)


def found(problem: Problem) -> str:
    hint = f" ({problem.hint})" if problem.hint else ""
    return f"{problem.field}: {problem.message}{hint}"


if __name__ == "__main__":
    sys.exit(main())
