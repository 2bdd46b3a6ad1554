"""A fictional archive full of hostile content, and a build that lets it through.

Every value a pull request could set carries a script, an event handler, a
``javascript:`` link or a tag that closes ``<title>``. The validator refuses
all of it; ``forced_report`` bypasses the validator so that tests can check
what the build itself does with such values.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dearconstituent.letters import build_letter, read_letter
from dearconstituent.registers import load_registers
from dearconstituent.validate import Report, letter_files

SCRIPT = "<script>alert('dc-xss')</script>"
IMG = "<img src=x onerror=alert('dc-xss')>"
CLOSE_TITLE = "</title><script>alert('dc-xss')</script>"

MEMBERS = f"""\
- name: "Ann {IMG} Other"
  seats:
    - constituency: "Wexmoor {SCRIPT}"
      party: "Civic {CLOSE_TITLE} Party"
      from: 2017-06-09
"""

TOPICS = f"""\
hostile:
  title: "Topic {SCRIPT}"
  description: "Described {IMG} here &lt;script&gt;alert('dc-xss')&lt;/script&gt;"
"""

CAMPAIGNS = f"""\
evil-campaign:
  title: "Campaign {CLOSE_TITLE}"
  description: "A campaign {IMG}"
  started: 2018-01-01
  organisers: ["Org {SCRIPT}"]
"""

LETTER = f"""\
---
title: "{CLOSE_TITLE}"
date: 2019-03-14
signatory: "Ann {IMG} Other"
constituency: "Wexmoor {SCRIPT}"
topics: [hostile]
campaign: evil-campaign
summary: "{IMG} &lt;img src=x onerror=alert('dc-xss')&gt;"
source: "javascript:alert('dc-xss')"
template: ../../evil.html
hide: [navigation]
---

::: letterhead
{SCRIPT}
:::

::: salutation
Dear Constituent,
:::

{IMG}

[Click me](javascript:alert('dc-xss'))

[Data](data:text/html;base64,PHNjcmlwdD5hbGVydCgnZGMteHNzJyk8L3NjcmlwdD4=)

A paragraph {{: onclick="alert('dc-xss')" }}

&lt;script&gt;alert('dc-xss')&lt;/script&gt;

/// html | script
alert('dc-xss')
///

!!! note "<b onmouseover=alert('dc-xss')>x</b>"
    Text

::: sign-off
Yours sincerely,
::: note
{SCRIPT}
:::
:::
"""


def write_hostile_archive(docs: Path) -> Path:
    """Write the registers and one letter; return the letter's path."""
    data = docs / "_data"
    data.mkdir(parents=True)
    (data / "members.yml").write_text(MEMBERS, encoding="utf-8")
    (data / "topics.yml").write_text(TOPICS, encoding="utf-8")
    (data / "campaigns.yml").write_text(CAMPAIGNS, encoding="utf-8")
    (data / "allowlist.yml").write_text("[]\n", encoding="utf-8")
    letter = docs / "letters" / "2019" / "2019-03-14-ann-other-hostile.md"
    letter.parent.mkdir(parents=True)
    letter.write_text(LETTER, encoding="utf-8")
    return letter


def forced_report(docs_dir: Path, paths: object = (), **_: object) -> Report:
    """What check_archive would return if every letter were valid: the validator bypassed."""
    del paths
    registers, _findings = load_registers(docs_dir / "_data")
    letters = [build_letter(read_letter(path, docs_dir)) for path in letter_files(docs_dir)]
    return Report(problems=[], files_checked=len(letters), letters=letters, registers=registers)


TODAY = dt.date(2026, 11, 26)
