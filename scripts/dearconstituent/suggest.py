"""Did-you-mean hints for near misses."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(word: str, candidates: Iterable[str], *, cutoff: float = 0.75) -> str:
    """``"did you mean 'constituency'?"``, or an empty string when nothing is close."""
    pool = list(candidates)
    by_fold = {candidate.casefold(): candidate for candidate in pool}
    if word.casefold() in by_fold:
        return f"did you mean '{by_fold[word.casefold()]}'?"
    matches = difflib.get_close_matches(word, pool, n=1, cutoff=cutoff)
    return f"did you mean '{matches[0]}'?" if matches else ""
