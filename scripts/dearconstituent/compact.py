"""Pages without the indentation their templates give them.

Material's templates and the project's indent their HTML for people reading
the templates; in the built page a fifth of a letter page's bytes were that
indentation and the blank lines between tags. Outside the elements where
white space is the content (``pre``, ``textarea``), every run of line breaks
and the spaces around them becomes one line break: the page renders the same,
since no element of the site's keeps white space but those, and a script or a
style sheet means the same with its lines unindented. The same page gives the
same bytes.
"""

from __future__ import annotations

import re

_KEPT = re.compile(r"<(pre|textarea)\b.*?</\1\s*>", re.S | re.I)


def compact_html(html: str) -> str:
    """``html`` with each run of line breaks and indentation outside the kept
    elements written as one line break."""
    if "<pre" not in html and "<textarea" not in html:
        return _unindented(html)
    pieces = []
    last = 0
    for kept in _KEPT.finditer(html):
        pieces.append(_unindented(html[last : kept.start()]))
        pieces.append(kept.group())
        last = kept.end()
    pieces.append(_unindented(html[last:]))
    return "".join(pieces)


def _unindented(text: str) -> str:
    # str methods, not a regular expression: a tenth of the time, on every page.
    lines = (line.strip(" \t") for line in text.split("\n"))
    joined = "\n".join(line for line in lines if line)
    # Keep a break at either end, where the text meets a kept element.
    start = "\n" if text[:1] in {" ", "\t", "\n"} and joined else ""
    end = "\n" if text[-1:] in {" ", "\t", "\n"} and joined else ""
    return start + joined + end
