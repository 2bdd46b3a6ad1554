"""Coverage and charts on the fictional demonstration site.

The figures the pages show and coverage.json holds are recomputed here from
the other exports alone (letters.json, members.json and the Parliaments'
dates), by a method written independently of the archive's code: they must
agree exactly.
"""

from __future__ import annotations

import calendar
import datetime as dt
import html
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.archive import ROOT
from tests.sitebuild import BuiltSite

pytestmark = pytest.mark.slow

CHART_LIMIT = 10_000
FIGURE = re.compile(r'<figure class="dc-chart".*?</figure>', re.S)
MIN_LETTERS = 5
"""As the Data page documents it (coverage.json's minimum_letters is checked against it)."""


@dataclass(frozen=True)
class Expected:
    letters: int
    parliaments: list[int]
    mps_with_letters: int
    mps_sitting: int
    by_party: dict[str, tuple[int, int]]


class Recount:
    """Coverage, worked out from the exports alone."""

    def __init__(self, site: BuiltSite) -> None:
        data = site.json("coverage.json")
        self.parliaments = [
            (p["number"], _day(p["from"]), _day(p["to"]) if p["to"] else dt.date.max)
            for p in data["parliaments"]
        ]
        self.members = {m["name"]: m for m in site.json("members.json")["members"]}
        self.letters = site.json("letters.json.gz")["letters"]

    def day(self, letter: dict[str, Any]) -> dt.date:
        """A letter's day; for a month, the first day of it the MP held the seat."""
        if letter["date_precision"] == "day":
            return _day(letter["date"])
        year, month = map(int, letter["date"].split("-"))
        first = dt.date(year, month, 1)
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        starts = [
            _day(seat["from"])
            for seat in self.members[letter["signatory"]]["seats"]
            if seat["constituency"] == letter["constituency"]
            and _day(seat["from"]) <= last
            and (seat["to"] is None or _day(seat["to"]) >= first)
        ]
        return max([first, *starts])

    def parliament(self, day: dt.date) -> int | None:
        return next((n for n, start, end in self.parliaments if start <= day <= end), None)

    def of(self, letters: Iterable[dict[str, Any]]) -> Expected:
        letters = list(letters)
        dated = [(letter["signatory"], self.parliament(self.day(letter))) for letter in letters]
        numbers = sorted({number for _, number in dated if number is not None})
        periods = [(start, end) for n, start, end in self.parliaments if n in numbers]
        party: dict[str, str] = {}
        for name, member in self.members.items():
            for seat in member["seats"]:
                start = _day(seat["from"])
                end = _day(seat["to"]) if seat["to"] else dt.date.max
                if any(start <= p_end and end >= p_start for p_start, p_end in periods):
                    party[name] = seat["party"]  # seats are oldest first: the latest wins
        signed = {name for name, number in dated if number is not None}
        sitting = Counter(party.values())
        replied = Counter(party[name] for name in signed)
        return Expected(
            letters=len(letters),
            parliaments=numbers,
            mps_with_letters=sum(replied.values()),
            mps_sitting=len(party),
            by_party={name: (replied[name], count) for name, count in sitting.items()},
        )


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@pytest.fixture(scope="module")
def demo(demo_site: BuiltSite) -> BuiltSite:
    return demo_site


@pytest.fixture(scope="module")
def recount(demo: BuiltSite) -> Recount:
    return Recount(demo)


@pytest.fixture(scope="module")
def published(demo: BuiltSite) -> dict[str, Any]:
    data: dict[str, Any] = demo.json("coverage.json")
    return data


def _compare(entry: dict[str, Any], expected: Expected, party: str | None = None) -> None:
    assert entry["letters"] == expected.letters
    assert entry["parliaments"] == expected.parliaments
    assert entry["shown"] == (expected.letters >= MIN_LETTERS)
    if not entry["shown"]:
        assert entry["mps_with_letters"] is None
        return
    rows = {
        row["party"]: (row["mps_with_letters"], row["mps_sitting"]) for row in entry["by_party"]
    }
    if party is None:
        assert (entry["mps_with_letters"], entry["mps_sitting"]) == (
            expected.mps_with_letters,
            expected.mps_sitting,
        )
        assert rows == expected.by_party
    else:
        figures = expected.by_party.get(party, (0, 0))
        assert rows == {party: figures}
        assert (entry["mps_with_letters"], entry["mps_sitting"]) == figures


def test_the_coverage_export_validates_against_its_schema(demo: BuiltSite) -> None:
    schema = demo.json("coverage.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    checker = jsonschema.FormatChecker()
    jsonschema.Draft202012Validator(schema, format_checker=checker).validate(
        demo.json("coverage.json")
    )


def test_every_topic_and_campaign_figure_equals_an_independent_recount(
    published: dict[str, Any], recount: Recount
) -> None:
    assert published["minimum_letters"] == MIN_LETTERS
    for entry in published["topics"]:
        _compare(entry, recount.of(x for x in recount.letters if entry["slug"] in x["topics"]))
    for entry in published["campaigns"]:
        _compare(entry, recount.of(x for x in recount.letters if x["campaign"] == entry["slug"]))
    assert len(published["topics"]) > 5
    assert len(published["campaigns"]) > 5
    assert any(entry["shown"] for entry in published["campaigns"])


def test_every_party_figure_counts_letters_by_the_party_on_their_date(
    published: dict[str, Any], recount: Recount
) -> None:
    parties = {entry["party"]: entry for entry in published["parties"]}
    assert set(parties) >= {letter["party"] for letter in recount.letters}
    assert sum(entry["letters"] for entry in parties.values()) == len(recount.letters)
    for name, entry in parties.items():
        _compare(entry, recount.of(x for x in recount.letters if x["party"] == name), name)


def test_the_newest_parliaments_figure_and_cut_off(
    published: dict[str, Any], recount: Recount
) -> None:
    newest = recount.parliaments[-1][0]
    letters = [x for x in recount.letters if recount.parliament(recount.day(x)) == newest]
    _compare(published["newest_parliament"], recount.of(letters))
    newest_day = max(
        [recount.day(x) for x in recount.letters]
        + [_day(x["last_updated"]) for x in recount.letters if x["last_updated"]]
    )
    assert published["as_of"] == newest_day.isoformat()


def _text(page: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", page)))


def test_each_page_shows_the_figures_with_what_they_are_out_of(
    demo: BuiltSite, published: dict[str, Any]
) -> None:
    as_of = dt.date.fromisoformat(published["as_of"])
    written = f"{as_of.day} {as_of:%B} {as_of.year}"
    entries = [
        *[(f"topics/{entry['slug']}/", entry) for entry in published["topics"]],
        *[(f"campaigns/{entry['slug']}/", entry) for entry in published["campaigns"]],
        *[(entry["url"].split("/dear-constituent/")[1], entry) for entry in published["parties"]],
        ("", published["newest_parliament"]),
    ]
    for url, entry in entries:
        text = _text(demo.html(url))
        if entry["shown"]:
            figure = f"{entry['mps_with_letters']} of the {entry['mps_sitting']}"
            assert figure in text, url
            assert f"up to {written}" in text, url
            assert "who sat in the " in text, url
        else:
            assert f"is shown from {MIN_LETTERS} " in text, url


def test_each_mp_page_lists_the_campaigns_that_ran_while_they_sat(
    demo: BuiltSite, recount: Recount
) -> None:
    campaigns: dict[str, list[dict[str, Any]]] = {}
    for letter in recount.letters:
        if letter["campaign"]:
            campaigns.setdefault(letter["campaign"], []).append(letter)
    titles = {c["slug"]: c["title"] for c in demo.json("campaigns.json")["campaigns"]}
    checked = 0
    for name, member in recount.members.items():
        if not member["url"]:
            continue
        sat = {
            number
            for seat in member["seats"]
            for number, start, end in recount.parliaments
            if _day(seat["from"]) <= end and (seat["to"] is None or _day(seat["to"]) >= start)
        }
        ran = {
            slug
            for slug, letters in campaigns.items()
            if sat & set(recount.of(letters).parliaments)
        }
        replied = {slug for slug in ran if any(x["signatory"] == name for x in campaigns[slug])}
        page = demo.html(member["url"].split("/dear-constituent/")[1])
        section = page.split('id="campaigns"')[1].split("<h2")[0] if ran else ""
        assert ('id="campaigns"' in page) == bool(ran), name
        for slug in ran:
            assert html.escape(titles[slug]) in section, (name, slug)
        assert section.count("their reply</a>") == len(replied), name
        if ran - replied:
            waiting = section.split("No reply published yet to:")[1]
            assert "Have their reply?" in waiting
            assert all(html.escape(titles[slug]) in waiting for slug in ran - replied)
        checked += bool(ran)
    assert checked > 10


def test_the_pages_that_have_charts_show_them_and_each_is_small(demo: BuiltSite) -> None:
    expected = {
        "": 2,  # letters per month, and the newest Parliament's coverage
        "topics/housing/": 2,
        "parties/civic-party/": 1,
    }
    for url, count in expected.items():
        assert len(FIGURE.findall(demo.html(url))) == count, url
    sizes = []
    for path in demo.root.rglob("index.html"):
        for figure in FIGURE.findall(path.read_text(encoding="utf-8")):
            sizes.append(len(figure.encode("utf-8")))
            assert 'role="img"' in figure
            assert "<table" in figure
            assert "<script" not in figure
            assert "http" not in figure.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert len(sizes) > 50
    assert max(sizes) <= CHART_LIMIT


def test_the_same_archive_builds_the_same_charts(tmp_path: Path) -> None:
    """Two builds of one fictional archive, with different hash seeds, give the same
    pages and data, byte for byte."""
    builds = []
    for seed in ("1", "2"):
        site = tmp_path / f"site-{seed}"
        result = subprocess.run(
            [
                sys.executable,
                str(ROOT / "scripts/demo.py"),
                "--letters",
                "300",
                "--build",
                str(site),
            ],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": seed},
        )
        assert result.returncode == 0, result.stderr
        builds.append(site)
    pages = sorted(
        path.relative_to(builds[0])
        for path in builds[0].rglob("*")
        if path.suffix in {".html", ".json"}
    )
    assert any(FIGURE.search((builds[0] / page).read_text()) for page in pages)
    # The demonstration's withdrawn letter: its notice is reproducible too.
    assert Path("letters/2021/2021-06-01-an-example-of-a-withdrawn-letter/index.html") in pages
    for page in pages:
        assert (builds[0] / page).read_bytes() == (builds[1] / page).read_bytes(), page
