"""The figures and charts pages show, worked out from their letters: plain data.

Every chart counts letters (or MPs) the archive has, over time or by party;
each is held back, like the coverage figures, when it would rest on fewer
than :data:`~.coverage.MIN_LETTERS` letters. Series beyond the chart's
styles are added up as one "other" series, so that no two look alike.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .charts import Chart, folded, stacked
from .coverage import MIN_LETTERS, Coverage, coverage
from .dates import MONTHS
from .model import Registers
from .views import CampaignText, CoverageFigures, LetterView

MONTHLY_UNDER = 24
"""Letters spanning fewer months than this are counted by month, others by year."""
RECENT_MONTHS = 12
"""The home page counts the letters of this many months, to the newest letter's."""
COVERAGE_ROWS = 8
"""Parties a coverage chart shows in rows of their own; past one more, the smallest
share a row."""

Grouping = Callable[[LetterView], str]


def by_party(view: LetterView) -> str:
    return view.party


def by_topic(view: LetterView) -> str:
    """A letter's first topic: each letter counts once."""
    return view.topics[0].title


def timeline(
    chart_id: str, views: Sequence[LetterView], *, title: str, by: Grouping, other: str
) -> Chart | None:
    """Letters per year, or per month when they span under MONTHLY_UNDER months,
    stacked by ``by``; None when there are too few letters."""
    if len(views) < MIN_LETTERS:
        return None
    first = min(_month(view) for view in views)
    last = max(_month(view) for view in views)
    if last - first < MONTHLY_UNDER:
        periods = _Periods(range(first, last + 1), _month, _month_label, "Month")
    else:
        periods = _Periods(range(first // 12, last // 12 + 1), _year, str, "Year")
    return _over(chart_id, views, periods, title=title, by=by, other=other)


def recent(
    chart_id: str, views: Sequence[LetterView], *, title: str, by: Grouping, other: str
) -> Chart | None:
    """Letters per month over the RECENT_MONTHS to the newest letter's month, stacked
    by ``by``; None when there are too few letters in them."""
    if not views:
        return None
    last = max(_month(view) for view in views)
    months = range(last - RECENT_MONTHS + 1, last + 1)
    within = [view for view in views if _month(view) in months]
    if len(within) < MIN_LETTERS:
        return None
    periods = _Periods(months, _month, _month_label, "Month")
    heading = f"{title}: the {RECENT_MONTHS} months to {_month_label(last)}"
    return _over(chart_id, within, periods, title=heading, by=by, other=other)


def coverage_figures(
    chart_id: str,
    views: Iterable[LetterView],
    registers: Registers,
    *,
    as_of: str,
    noun: str = "letter",
) -> CoverageFigures:
    """The coverage of ``views``, with its chart when it is shown; ``noun`` is what
    the letters are ("reply", for a campaign's)."""
    found = coverage(((view.letter.signatory, view.day) for view in views), registers)
    chart = coverage_chart(chart_id, found, noun=noun) if found.shown else None
    return CoverageFigures(coverage=found, as_of=as_of, chart=chart)


def coverage_chart(chart_id: str, found: Coverage, *, noun: str = "letter") -> Chart:
    """For each party, its MPs who sat then: with a published letter, and without."""
    folds = len(found.parties) > COVERAGE_ROWS + 1
    shown = list(found.parties[:COVERAGE_ROWS] if folds else found.parties)
    rest = found.parties[COVERAGE_ROWS:] if folds else ()
    names = [party.party for party in shown]
    replied = [party.replied for party in shown]
    without = [party.sitting - party.replied for party in shown]
    if rest:
        names.append("Other parties")
        replied.append(sum(party.replied for party in rest))
        without.append(sum(party.sitting - party.replied for party in rest))
    return stacked(
        chart_id,
        title=f"MPs who sat in {found.during}, by party",
        categories=names,
        category_heading="Party",
        series={f"With a published {noun}": replied, "None published yet": without},
        what="MPs",
        across=True,
    )


def texts_chart(chart_id: str, texts: Sequence[CampaignText]) -> Chart | None:
    """A campaign's replies by the party that sent them (on the letter's date) and the
    text they were sent from; None when there are too few replies."""
    rows = Counter((text.label, row.party) for text in texts for row in text.rows)
    if rows.total() < MIN_LETTERS:
        return None
    parties = Counter[str]()
    for (_, party), count in rows.items():
        parties[party] += count
    names = sorted(parties, key=lambda party: (-parties[party], party))
    counts = {text.label: [rows[(text.label, party)] for party in names] for text in texts}
    return stacked(
        chart_id,
        title="Which text each party's MPs replied with",
        categories=names,
        category_heading="Party",
        series=folded(counts, other="Other texts"),
        what="replies",
        across=True,
    )


@dataclass(frozen=True)
class _Periods:
    """The bars of a chart over time: consecutive years or months."""

    keys: range
    key: Callable[[LetterView], int]
    label: Callable[[int], str]
    heading: str


def _over(
    chart_id: str,
    views: Sequence[LetterView],
    periods: _Periods,
    *,
    title: str,
    by: Grouping,
    other: str,
) -> Chart:
    counts: dict[str, list[int]] = {}
    for view in views:
        position = periods.key(view) - periods.keys.start
        counts.setdefault(by(view), [0] * len(periods.keys))[position] += 1
    return stacked(
        chart_id,
        title=title,
        categories=[periods.label(value) for value in periods.keys],
        category_heading=periods.heading,
        series=folded(counts, other=other),
        what="letters",
    )


def _month(view: LetterView) -> int:
    """Months since the year 0: consecutive months are consecutive numbers."""
    return view.letter.date.year * 12 + view.letter.date.month - 1


def _year(view: LetterView) -> int:
    return view.letter.date.year


def _month_label(month: int) -> str:
    return f"{MONTHS[month % 12][:3]} {month // 12}"
