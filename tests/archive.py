"""Building small fictional archives for tests.

Every name here is invented: the MPs, their constituencies and parties.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Collection
from pathlib import Path

from dearconstituent.layout import TRANSCRIPTS_DIR
from dearconstituent.problems import Problem
from dearconstituent.validate import check_archive

TODAY = dt.date(2026, 11, 26)
ROOT = Path(__file__).resolve().parent.parent
FIRST_LETTER = ROOT / "docs/letters/2019/2019-09-alister-jack-mps-not-border-guards.md"
FIRST_TRANSCRIPT = ROOT / "docs/_transcripts/2019/2019-09-alister-jack-mps-not-border-guards.txt"
"""The archive's first real letter and the transcript it was made from, as received."""


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

    def transcript(
        self, content: str | bytes, name: str = "2019/2019-03-14-morwenna-tregarth-fair-rents.txt"
    ) -> Path:
        """Keep a transcript, by default the one of the default letter."""
        return self.raw(name, content, folder=TRANSCRIPTS_DIR)

    def raw(self, name: str, content: str | bytes, *, folder: str = "letters") -> Path:
        path = self.docs / folder / name
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
