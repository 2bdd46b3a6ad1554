"""Charts: laid out in Python, drawn by a template, small and accessible."""

from __future__ import annotations

import colorsys
import re
from collections.abc import Sequence
from html.parser import HTMLParser

import jinja2
import pytest

from dearconstituent.charts import HEIGHT, STYLES, Chart, folded, stacked
from tests.archive import ROOT

LIMIT = 10_000
"""The most bytes a chart may take on its page."""
LONG_NAMES = [
    "Social Democratic and Labour Party",
    "Alliance Party of Northern Ireland",
    "Traditional Unionist Voice",
    "Labour and Co-operative",
    "Conservative and Unionist",
    "Other parties",
]


def render(chart: Chart) -> str:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(ROOT / "overrides"), autoescape=True
    )
    return environment.get_template("partials/dc/chart.html").render(chart=chart)


def by_year(series: dict[str, Sequence[int]], years: Sequence[str]) -> Chart:
    return stacked(
        "by-party",
        title="Letters on housing, by party",
        categories=years,
        category_heading="Year",
        series=series,
        what="letters",
    )


def test_each_bar_stacks_the_series_values_of_its_category() -> None:
    chart = by_year(
        {"Civic Party": [3, 0, 1], "Heritage Party": [1, 2, 0]}, ["2019", "2020", "2021"]
    )
    assert [bar.values for bar in chart.bars] == [(3, 1), (0, 2), (1, 0)]
    assert [bar.total for bar in chart.bars] == [4, 2, 1]
    assert [series.total for series in chart.series] == [4, 3]
    # One rectangle per non-zero value, in its series' outline.
    assert [series.path.count("z") for series in chart.series] == [2, 2]
    assert chart.description == (
        "Letters on housing, by party, 2019 to 2021: 7 letters in all, the most (4) in "
        "2019. Civic Party 4; Heritage Party 3."
    )


def test_the_tallest_bar_reaches_the_top_tick() -> None:
    chart = by_year({"Civic Party": [7, 3]}, ["2019", "2020"])
    assert [tick.value for tick in chart.ticks] == [0, 2, 4, 6, 8]
    tops = [float(y) for y in re.findall(r"M[\d.]+ ([\d.]+)h", chart.series[0].path)]
    # 7 of 8: the bar's top is 7/8 of the way up the plot.
    grid = [float(re.findall(r"M[\d.]+ ([\d.]+)H", tick.grid)[0]) for tick in chart.ticks]
    plot_top, baseline = grid[-1], grid[0]
    assert tops[0] == pytest.approx(baseline - 7 / 8 * (baseline - plot_top), abs=0.1)


def test_labels_that_would_collide_are_written_under_one_bar_in_n() -> None:
    months = [f"Mon {year}" for year in range(2000, 2023)]
    chart = by_year({"Civic Party": [1] * len(months)}, months)
    written = [bar.short for bar in chart.bars if bar.short]
    assert 1 < len(written) < len(months)
    assert written[0] == "Mon 2000"
    assert all(bar.label for bar in chart.bars)  # the table keeps every one


def test_rows_across_shorten_long_names_in_the_drawing_only() -> None:
    chart = stacked(
        "coverage",
        title="MPs who sat in the 2019 Parliament, by party",
        categories=LONG_NAMES,
        category_heading="Party",
        series={"With a published letter": [1] * 6, "None published yet": [2] * 6},
        what="MPs",
        across=True,
    )
    assert chart.height > HEIGHT // 2
    assert chart.bars[0].label == "Social Democratic and Labour Party"
    assert chart.bars[0].short.endswith("…")
    assert chart.bars[3].short == "Labour and Co-operative"


def test_series_past_the_styles_are_added_up_as_other() -> None:
    counts = {f"Topic {n}": [n, 1] for n in range(1, 10)}
    kept = folded(counts, other="Other topics")
    assert len(kept) == STYLES
    assert list(kept)[:2] == ["Topic 9", "Topic 8"]
    assert kept["Other topics"] == [1 + 2 + 3 + 4, 4]
    assert folded({"A": [1], "B": [2]}, other="Other") == {"B": [2], "A": [1]}
    with pytest.raises(ValueError, match="at most"):
        by_year({f"S{n}": [1] for n in range(STYLES + 1)}, ["2020"])


def test_every_series_has_its_own_colour_and_pattern_in_bars_and_key() -> None:
    chart = by_year({name: [1, 2] for name in LONG_NAMES}, ["2019", "2020"])
    html = render(chart)
    styles = [series.style for series in chart.series]
    assert styles == list(range(1, STYLES + 1))
    for series in chart.series:
        drawn = (
            f'fill="url(#by-party-s{series.style})"'
            if series.pattern > 1
            else f'class="dc-bar dc-s{series.style}"'
        )
        assert drawn in html
        assert f'<li class="dc-k{series.style}">{series.name} ({series.total})</li>' in html
        if series.pattern > 1:
            assert f'<pattern id="by-party-s{series.style}"' in html


class _Figure(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.cells: list[str] = []
        self._cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._cell = tag in {"td", "th"}

    def handle_data(self, data: str) -> None:
        if self._cell:
            self.cells.append(data)
            self._cell = False


def test_the_drawing_is_labelled_and_its_numbers_are_a_table() -> None:
    chart = by_year({"Civic Party": [3, 0], "Heritage <b>": [1, 2]}, ["2019", "2020"])
    html = render(chart)
    parsed = _Figure()
    parsed.feed(html)
    svg = next(attrs for tag, attrs in parsed.tags if tag == "svg")
    assert svg["role"] == "img"
    assert svg["aria-labelledby"] == "by-party-t by-party-d"
    assert ("title", {"id": "by-party-t"}) in parsed.tags
    assert ("desc", {"id": "by-party-d"}) in parsed.tags
    assert "<b>" not in html  # every name is escaped
    assert parsed.cells == [
        "Year",
        "Civic Party",
        "Heritage <b>",
        "All",
        "2019",
        "3",
        "1",
        "4",
        "2020",
        "0",
        "2",
        "2",
    ]
    assert not any(tag == "script" for tag, _ in parsed.tags)


def test_the_largest_chart_the_site_draws_stays_under_10_kb() -> None:
    # The most bars a chart over time has (23 months; or a year each since 2010),
    # every series present in every bar, four-digit counts and long names.
    months = [f"Sep {2000 + n}" for n in range(23)]
    series = {
        name: [1000 + n * 37 + index for n in range(23)] for index, name in enumerate(LONG_NAMES)
    }
    chart = stacked(
        "letters-per-month",
        title="Letters on Social Democratic and Labour Party policy, by party",
        categories=months,
        category_heading="Month",
        series=series,
        what="letters",
    )
    assert len(render(chart).encode("utf-8")) <= LIMIT


def test_the_same_numbers_give_the_same_bytes() -> None:
    first = by_year({"Civic Party": [3, 1], "Heritage Party": [1, 2]}, ["2019", "2020"])
    again = by_year({"Civic Party": [3, 1], "Heritage Party": [1, 2]}, ["2019", "2020"])
    assert render(first) == render(again)


STYLESHEET = ROOT / "overrides/assets/stylesheets/dear-constituent.css"
PAGE_BACKGROUNDS = {
    "light": (255, 255, 255),
    # Material's slate scheme: hsl(232, 15%, 14%).
    "dark": tuple(round(c * 255) for c in colorsys.hls_to_rgb(232 / 360, 0.14, 0.15)),
}


def _palettes() -> dict[str, dict[int, str]]:
    """The series colours of each scheme: the light ones, then the dark ones (for
    screens only; print keeps the light ones)."""
    css = STYLESHEET.read_text(encoding="utf-8")
    light, dark = css.split('@media screen {\n  [data-md-color-scheme="slate"] {', 1)

    def colours(block: str) -> dict[int, str]:
        found = re.findall(r"--dc-s(\d+): (#[0-9a-f]{6});", block)
        return {int(n): value for n, value in found}

    return {"light": colours(light), "dark": colours(dark.split("}", 1)[0])}


def _luminance(rgb: Sequence[int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(value) for value in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(first: Sequence[int], second: Sequence[int]) -> float:
    high, low = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_series_colour_stands_out_from_the_page(scheme: str) -> None:
    palette = _palettes()[scheme]
    assert sorted(palette) == list(range(1, STYLES + 1))
    for style, colour in palette.items():
        rgb = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
        # WCAG 1.4.11 asks 3:1 of graphical objects; the palette keeps 4.5:1.
        assert _contrast(rgb, PAGE_BACKGROUNDS[scheme]) >= 4.5, (scheme, style, colour)


def test_the_stylesheet_styles_every_series_the_charts_draw() -> None:
    css = STYLESHEET.read_text(encoding="utf-8")
    for style in range(1, STYLES + 1):
        assert f".dc-s{style} {{ fill: var(--dc-s{style}); }}" in css
        assert re.search(rf"\.dc-k{style}\b[^{{]*{{[^}}]*--dc-colour: var\(--dc-s{style}\)", css)
    assert f".dc-s{STYLES + 1} " not in css
