"""Slugs: the lower-case, hyphenated names used in URLs and file names."""

from __future__ import annotations

import functools
import re
import unicodedata

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = re.compile(r"['\u2019\u2018`]")


@functools.lru_cache(maxsize=4096)
def slugify(text: str) -> str:
    """``"The MP's Not Border Guards"`` → ``"the-mps-not-border-guards"``."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    folded = _APOSTROPHES.sub("", folded.lower().replace("&", " and "))
    return _NOT_ALNUM.sub("-", folded).strip("-")


def is_slug(text: str) -> bool:
    return bool(SLUG.match(text))
