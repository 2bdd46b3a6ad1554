"""Building small fictional archives for tests.

Every name here is invented: the MPs, their constituencies and parties.
"""

from __future__ import annotations

import datetime as dt
import os
import textwrap
from collections.abc import Collection
from pathlib import Path

import pytest

from dearconstituent.problems import Problem
from dearconstituent.validate import check_archive

TODAY = dt.date(2026, 11, 26)
ROOT = Path(__file__).resolve().parent.parent
SHARED_LETTERS = ROOT.parent / "shared" / "letters"


def shared_transcript(name: str) -> Path:
    """A real transcript from ../shared/letters, beside the project, where the
    archive's letters come from. The project's CI always has it; GitHub's
    runners cannot, and their workflow sets DC_SHARED_OPTIONAL=1."""
    path = SHARED_LETTERS / name
    if not path.is_file():
        reason = f"{path} is missing: the tests need ../shared beside the project"
        if os.environ.get("DC_SHARED_OPTIONAL") == "1":
            pytest.skip(reason)
        pytest.fail(reason)
    return path


MEMBERS = """\
- name: Morwenna Tregarth
  seats:
    - constituency: Wexmoor and Lindenholt
      party: Civic Party
      from: 2017-06-09
      to: 2019-11-06
    - constituency: Wexmoor and Lindenholt
      party: Commonwealth Party
      from: 2019-12-13
- name: Dr Ifan Callowby
  seats:
    - constituency: Carrowby North
      party: Heritage Party
      from: 2015-05-08
"""

TOPICS = """\
housing:
  title: Housing
  description: Homes, rents and building.
  keywords: [housing, rent]
immigration:
  title: Immigration
  description: Visas, asylum and the Home Office.
"""

CAMPAIGNS = """\
fair-rents-now:
  title: Fair Rents Now
  description: A fictional campaign for rent controls.
  started: 2018-02-01
  organisers: [Tenants Together]
"""

FRONT = {
    "title": "Reply on fair rents",
    "date": "2019-03-14",
    "signatory": "Morwenna Tregarth",
    "constituency": "Wexmoor and Lindenholt",
    "topics": "[housing]",
    "campaign": "fair-rents-now",
}

BODY = """\
::: letterhead
HOUSE OF COMMONS
LONDON SW1A 0AA
:::

::: salutation
Dear Constituent,
:::

Thank you for contacting me about rents in Wexmoor.

I share your concern and will raise it with the Minister.

::: sign-off
Yours sincerely,

::: note
A handwritten signature.
:::

Morwenna Tregarth MP
:::
"""


class Archive:
    """A docs folder with registers and letters, in a temporary directory."""

    def __init__(self, root: Path) -> None:
        self.docs = root / "docs"
        self.data = self.docs / "_data"
        self.data.mkdir(parents=True)
        self.register("members.yml", MEMBERS)
        self.register("topics.yml", TOPICS)
        self.register("campaigns.yml", CAMPAIGNS)
        self.register("allowlist.yml", "[]\n")

    def register(self, name: str, text: str) -> Path:
        path = self.data / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def letter(
        self,
        name: str = "2019/2019-03-14-morwenna-tregarth-fair-rents.md",
        *,
        body: str = BODY,
        omit: Collection[str] = (),
        **fields: str,
    ) -> Path:
        """Write a letter; ``fields`` override the default front matter lines."""
        front = {key: value for key, value in {**FRONT, **fields}.items() if key not in omit}
        lines = ["---", *(f"{key}: {value}" for key, value in front.items()), "---", "", ""]
        return self.raw(name, "\n".join(lines) + body)

    def raw(self, name: str, content: str | bytes) -> Path:
        path = self.docs / "letters" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path


def problems_of(archive: Archive, *paths: Path) -> list[Problem]:
    """Every problem the validator finds in ``paths`` (everything when none are given)."""
    return check_archive(archive.docs, list(paths), today=TODAY).problems


def messages(problems: list[Problem]) -> list[str]:
    """``line: field: message (hint)`` for each problem: what a user reads, minus the path."""
    return [
        f"{problem.line}: {problem.field}: {problem.message} ({problem.hint})"
        for problem in problems
    ]
