"""The pages with coverage figures and charts, in a real Chromium, on the fictional
demonstration site (the repository's few letters are too few to draw anything).

axe-core finds no WCAG 2.0-2.2 A/AA violation on any of them in either colour
scheme; with JavaScript off the charts are drawn and their numbers open; on a
390-pixel phone nothing runs off the side.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext

from tests.browser import axe_violations, free_port, serve
from tests.sitebuild import BuiltSite

pytestmark = pytest.mark.slow


def _first(demo: BuiltSite, folder: str) -> str:
    """The address of the first page in a folder of the demonstration site."""
    found = sorted(path.parent.name for path in (demo.root / folder).glob("*/index.html"))
    return f"{folder}/{found[0]}/"


def _mp_with_a_chart(demo: BuiltSite) -> str:
    for path in sorted((demo.root / "mps").glob("*/index.html")):
        if 'class="dc-chart"' in path.read_text(encoding="utf-8"):
            return f"mps/{path.parent.name}/"
    raise AssertionError("no MP page has a chart")


@pytest.fixture(scope="module")
def pages(demo_site: BuiltSite) -> dict[str, str]:
    return {
        "home": "",
        "topic": "topics/housing/",
        "campaign": _first(demo_site, "campaigns"),
        "mp": _mp_with_a_chart(demo_site),
        "parties": "parties/",
        "party": "parties/civic-party/",
    }


@pytest.fixture(scope="module")
def base(demo_site: BuiltSite) -> Iterator[str]:
    with serve(demo_site.root, free_port()) as address:
        yield address


@pytest.mark.parametrize("kind", ["home", "topic", "campaign", "mp", "parties", "party"])
def test_the_pages_with_figures_have_no_accessibility_violations(
    schemed: BrowserContext, base: str, pages: dict[str, str], kind: str
) -> None:
    page = schemed.new_page()
    page.goto(base + pages[kind], wait_until="load")
    if kind != "parties":
        assert page.locator("figure.dc-chart").count() >= 1
    # Open every table of numbers, so that axe checks them too.
    for summary in page.locator("details.dc-chart__numbers > summary").all():
        summary.click()
    violations = axe_violations(page)
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert violations == [], f"{kind} ({scheme}): {violations}"


def test_charts_are_drawn_and_their_numbers_open_without_javascript(
    browser: Browser, base: str, pages: dict[str, str]
) -> None:
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    try:
        for kind in ("home", "topic", "campaign", "mp", "party"):
            page = context.new_page()
            page.goto(base + pages[kind], wait_until="load")
            chart = page.locator("figure.dc-chart").first
            box = chart.locator("svg").first.bounding_box()
            assert box is not None and box["width"] > 200 and box["height"] > 80, kind
            # The bars are filled: a colour, or a pattern drawn in one.
            assert chart.locator("path.dc-bar").count() >= 1, kind
            table = chart.locator("table")
            assert not table.is_visible()
            chart.locator("summary").click()
            assert table.is_visible(), kind
            assert table.locator("tbody tr").count() >= 1
    finally:
        context.close()


def test_on_a_phone_the_charts_fit_the_screen(
    browser: Browser, base: str, pages: dict[str, str]
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        for kind in ("home", "topic", "campaign", "mp", "party"):
            page = context.new_page()
            page.goto(base + pages[kind], wait_until="load")
            for chart in page.locator("figure.dc-chart svg").all():
                box = chart.bounding_box()
                assert box is not None
                assert box["x"] >= 0 and box["x"] + box["width"] <= 390, kind
                # 12-unit labels in a 400-unit drawing stay at least 10 pixels tall.
                assert box["width"] / 400 * 12 >= 10, kind
    finally:
        context.close()
