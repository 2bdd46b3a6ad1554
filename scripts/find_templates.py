#!/usr/bin/env python3
"""Print the shared texts among the letters: python scripts/find_templates.py [--json]

Finds the letters sent from the same text, or using part of it (template
groups), as the site build does, without building the site. Prints each
group, largest first, with its letters earliest first: each one's date, the
share of its words that are shared, whether it is the same text or uses part
of it (with the share of the text's sentences it has), its MP and file.
With --json, prints the document the site publishes as templates.json (with
site-relative URLs). Letters with problems are left out, with a warning: run
check_letters.py to see them. Exit status: 0 when the groups were printed, 2
on a usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dearconstituent.cli import add_archive_options
from dearconstituent.exports import templates_json
from dearconstituent.gitdates import last_changed
from dearconstituent.layout import source_path
from dearconstituent.sharedsite import arrange, party_counts
from dearconstituent.sharedtext import TemplateGroup, find_templates
from dearconstituent.site import Site, build_site, with_shared_texts
from dearconstituent.validate import check_archive

ROOT = Path(__file__).resolve().parent.parent


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="find_templates.py",
        description="Print the shared texts (template groups) among the letters.",
    )
    parser.add_argument("--json", action="store_true", help="print templates.json instead")
    add_archive_options(parser, docs=ROOT / "docs")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    if not arguments.docs.is_dir():
        print(f"find_templates.py: error: no such folder: {arguments.docs}", file=sys.stderr)
        return 2
    report = check_archive(arguments.docs, jobs=max(1, arguments.jobs))
    invalid = {problem.path for problem in report.errors}
    if invalid:
        print(
            f"find_templates.py: warning: {len(invalid)} file(s) with problems left out; "
            "run scripts/check_letters.py to see them",
            file=sys.stderr,
        )
    site = build_site(report.letters, report.registers, last_updated=last_changed(arguments.docs))
    templates = find_templates(report.letters, parallel=arguments.jobs > 1)
    site = with_shared_texts(site, arrange(site.letters, templates))
    if arguments.json:
        sys.stdout.write(templates_json(site, site_url=None))
    else:
        print(describe(site, letters=len(report.letters)))
    return 0


def describe(site: Site, *, letters: int) -> str:
    """The groups as text: a summary line, then each group with its letters."""
    groups = site.shared.templates.groups
    sharing = sum(group.size for group in groups)
    if not groups:
        return f"No shared texts: no two of the {_count(letters, 'letter')} share a text."
    lines = [
        f"{_count(len(groups), 'shared text')} among {_count(letters, 'letter')} "
        f"({sharing} of them share a text with another letter)."
    ]
    for group in groups:
        lines += ["", *group_lines(site, group)]
    return "\n".join(lines)


def group_lines(site: Site, group: TemplateGroup) -> list[str]:
    views = [site.letters[path] for path in group.paths]
    shared = site.shared.letters[group.representative]
    mps = len({view.letter.signatory for view in views})
    parties = ", ".join(f"{item.party} {item.mps}" for item in party_counts(views))
    lines = [
        f"Text {group.id}: {_count(group.size, 'letter')} from {_count(mps, 'MP')}, "
        f"first known {shared.earliest.date}",
        f"  {parties}",
    ]
    for view, member in zip(views, group.members, strict=True):
        how = "same text" if member.same_text else f"part ({round(member.uses * 100)}%)"
        lines.append(
            f"  {view.date_iso:<10}  {round(member.overlap * 100):>3}%  {how:<10}  "
            f"{view.mp.title} ({view.party}, {view.constituency.title})  "
            f"{source_path(view.letter.path)}"
        )
    return lines


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


if __name__ == "__main__":
    sys.exit(main())
