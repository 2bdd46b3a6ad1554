"""Charts drawn at build time: bar charts laid out here, drawn as SVG by a template.

A chart is plain data: its categories (years, months, parties), its series
(parties, topics, texts, "with a published reply") and, for each series, the
outline of its part of every bar, already in the drawing's coordinates, so
that the template (``partials/dc/chart.html``) only writes one path per
series and the labels. No script draws anything in the browser, nothing is
fetched from elsewhere, and the same numbers give the same bytes.

Series are told apart by colour *and* pattern (solid, stripes, dots, cross
hatching) in the same order in the bars and in the key, and every chart
comes with a sentence saying what it shows and a table of its numbers.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

WIDTH = 400
"""The drawing's width in its own units. It is scaled to the page (at most 30rem
wide), so that its 12-unit text (the stylesheet's) stays readable on a phone."""
HEIGHT = 200
TOP = 10
BOTTOM = 24
"""Room under the bars for the category labels."""
LEFT = 34
"""Room left of the bars for the axis labels."""
RIGHT = 6
STYLES = 6
"""Distinct series styles (a colour and a pattern each): charts keep to this many
series, folding the smallest into one "other" series. More would be hard to tell
apart, and would make a chart heavier than its 10 KB."""
PATTERNS = 4
"""Solid, stripes, dots, cross hatching: style ``n`` has pattern ``(n - 1) % 4 + 1``."""
CHARACTER = 7
"""About how wide one character of a label is, in the drawing's units."""


@dataclass(frozen=True)
class Series:
    name: str
    style: int
    """Which of the STYLES draws it (1-based)."""
    values: tuple[int, ...]
    path: str
    """The outline of its segment of every bar, as SVG path data."""

    @property
    def pattern(self) -> int:
        """1 (solid) to PATTERNS."""
        return (self.style - 1) % PATTERNS + 1

    @property
    def total(self) -> int:
        return sum(self.values)


@dataclass(frozen=True)
class Bar:
    label: str
    """The category, as the table gives it."""
    short: str
    """The category as the drawing writes it (shortened when long), or empty."""
    label_x: str
    label_y: str
    total: int
    values: tuple[int, ...]
    """One per series, in the series' order."""


@dataclass(frozen=True)
class Tick:
    value: int
    grid: str
    """The grid line, as SVG path data."""
    x: str
    y: str


@dataclass(frozen=True)
class Chart:
    id: str
    """Unique on its page: the drawing's ids start with it."""
    title: str
    description: str
    """What the chart shows, in words: its text alternative."""
    category_heading: str
    series: tuple[Series, ...]
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    height: int
    across: bool
    """Bars run across (a row per category, labelled on the left) rather than up."""
    width: int = WIDTH

    @property
    def patterned(self) -> tuple[Series, ...]:
        """The series drawn with a pattern, which the drawing defines."""
        return tuple(item for item in self.series if item.pattern > 1)

    @property
    def label_anchor(self) -> str:
        return "end" if self.across else "middle"

    @property
    def tick_anchor(self) -> str:
        return "middle" if self.across else "end"


def stacked(
    chart_id: str,
    *,
    title: str,
    categories: Sequence[str],
    category_heading: str,
    series: Mapping[str, Sequence[int]],
    what: str,
    across: bool = False,
) -> Chart:
    """A bar per category, each a stack of the series' values in that category.

    ``series`` maps each series' name to one value per category, in the order
    the series are to be stacked (first at the base) and listed in the key;
    at most STYLES of them. ``what`` names what is counted ("letters"), for
    the text alternative. Bars stand up from a time axis, or with ``across``
    run across from a column of names (parties), one row each.
    """
    if len(series) > STYLES:
        raise ValueError(f"a chart has at most {STYLES} series, not {len(series)}")
    names = list(series)
    columns = [tuple(series[name][column] for name in names) for column in range(len(categories))]
    totals = [sum(column) for column in columns]
    layout = _Across(categories) if across else _Up(categories)
    scale, ticks = layout.scale(max(totals, default=0))
    outlines: list[list[str]] = [[] for _ in names]
    for position, column in enumerate(columns):
        base = 0.0
        for index, value in enumerate(column):
            if value:
                outlines[index].append(layout.segment(position, base, value * scale))
                base += value * scale
    drawn = tuple(
        Series(name, index + 1, tuple(series[name]), "".join(outlines[index]))
        for index, name in enumerate(names)
    )
    return Chart(
        id=chart_id,
        title=title,
        description=_describe(title, categories, totals, drawn, what),
        category_heading=category_heading,
        series=drawn,
        bars=tuple(
            layout.bar(position, label, totals[position], columns[position])
            for position, label in enumerate(categories)
        ),
        ticks=ticks,
        height=layout.height,
        across=across,
    )


class _Up:
    """Columns standing on a time axis; labels under them, one in n if they would
    not fit under each."""

    def __init__(self, categories: Sequence[str]) -> None:
        self.height = HEIGHT
        self.step = (WIDTH - LEFT - RIGHT) / max(1, len(categories))
        widest = max((len(label) for label in categories), default=1) * CHARACTER + 4
        self.every = max(1, math.ceil(widest / self.step))

    def scale(self, largest: int) -> tuple[float, tuple[Tick, ...]]:
        length = HEIGHT - BOTTOM - TOP
        scale, values = _axis(largest, length)
        ticks = []
        for value in values:
            y = HEIGHT - BOTTOM - value * scale
            ticks.append(Tick(value, f"M{LEFT} {_n(y)}H{WIDTH}", str(LEFT - 4), _n(y + 4)))
        return scale, tuple(ticks)

    def segment(self, position: int, base: float, length: float) -> str:
        x = LEFT + position * self.step + self.step * 0.15
        width = _n(self.step * 0.7)
        top = HEIGHT - BOTTOM - base - length
        return f"M{_n(x)} {_n(top)}h{width}v{_n(length)}h-{width}z"

    def bar(self, position: int, label: str, total: int, values: tuple[int, ...]) -> Bar:
        shown = label if position % self.every == 0 else ""
        centre = _n(LEFT + position * self.step + self.step / 2)
        return Bar(label, shown, centre, str(HEIGHT - BOTTOM + 15), total, values)


ROW = 22
"""A row's height when bars run across."""
NAME_ROOM = 170
"""The widest a row's name may be, in the drawing's units; longer ones are shortened."""


class _Across:
    """Rows running across from a column of names, the axis along the bottom."""

    def __init__(self, categories: Sequence[str]) -> None:
        self.height = TOP + ROW * max(1, len(categories)) + BOTTOM
        widest = max((len(label) for label in categories), default=1) * CHARACTER + 8
        self.left = min(NAME_ROOM, math.ceil(widest))
        self.characters = int((NAME_ROOM - 8) / CHARACTER)

    def scale(self, largest: int) -> tuple[float, tuple[Tick, ...]]:
        length = WIDTH - RIGHT - 10 - self.left
        scale, values = _axis(largest, length)
        bottom = self.height - BOTTOM
        ticks = []
        for value in values:
            x = _n(self.left + value * scale)
            ticks.append(Tick(value, f"M{x} {TOP}V{bottom}", x, str(bottom + 15)))
        return scale, tuple(ticks)

    def segment(self, position: int, base: float, length: float) -> str:
        y = TOP + position * ROW + ROW * 0.15
        thickness = _n(ROW * 0.7)
        return f"M{_n(self.left + base)} {_n(y)}h{_n(length)}v{thickness}h-{_n(length)}z"

    def bar(self, position: int, label: str, total: int, values: tuple[int, ...]) -> Bar:
        short = label if len(label) <= self.characters else label[: self.characters - 1] + "…"
        y = _n(TOP + position * ROW + ROW / 2 + 4)
        return Bar(label, short, str(self.left - 4), y, total, values)


def folded(
    counts: Mapping[str, Sequence[int]], *, keep: int = STYLES - 1, other: str
) -> dict[str, list[int]]:
    """``counts`` with all but the ``keep`` largest series (by total) added up as
    ``other``, largest first and ``other`` last; unchanged when they fit."""
    ranked = sorted(counts, key=lambda name: (-sum(counts[name]), name))
    if len(ranked) <= keep + 1:
        return {name: list(counts[name]) for name in ranked}
    kept = {name: list(counts[name]) for name in ranked[:keep]}
    rest = [counts[name] for name in ranked[keep:]]
    kept[other] = [sum(values) for values in zip(*rest, strict=True)]
    return kept


def _axis(largest: int, length: float) -> tuple[float, range]:
    """Units per count along an axis ``length`` long, and the values to mark on it:
    0 and up to four round steps."""
    top = max(1, largest)
    step = _nice(top / 4)
    ceiling = step * math.ceil(top / step)
    return length / ceiling, range(0, ceiling + 1, step)


def _nice(rough: float) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50… at least ``rough``."""
    power = 1
    while True:
        for factor in (1, 2, 5):
            if factor * power >= rough:
                return factor * power
        power *= 10


def _n(value: float) -> str:
    """A coordinate to one decimal place, without a trailing ".0"."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _describe(
    title: str,
    categories: Sequence[str],
    totals: Sequence[int],
    series: Sequence[Series],
    what: str,
) -> str:
    if not categories or not any(totals):
        return f"{title}: none yet."
    peak = max(range(len(totals)), key=lambda column: (totals[column], -column))
    parts = "; ".join(f"{item.name} {item.total}" for item in series if item.total)
    span = categories[0] if len(categories) == 1 else f"{categories[0]} to {categories[-1]}"
    return (
        f"{title}, {span}: {sum(totals)} {what} in all, the most ({totals[peak]}) in "
        f"{categories[peak]}. {parts}."
    )
