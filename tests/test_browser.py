"""The built site in a real Chromium: accessibility, keyboard, privacy, search, print.

Every page type is checked with axe-core against WCAG 2.0, 2.1 and 2.2 A and
AA, in the light and the dark colour scheme, with zero violations allowed.
Every request the browser makes must go to the site itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.browser import (
    axe_violations,
    free_port,
    open_all,
    serve,
)
from tests.sitebuild import BuiltSite, configured_site_url

pytestmark = pytest.mark.slow

LETTER = "letters/2019/2019-09-alister-jack-mps-not-border-guards/"
PAGE_TYPES = {
    "home": "",
    "letter": LETTER,
    "mp": "mps/alister-jack/",
    "mp without letters": "mps/keir-starmer/",
    "mps": "mps/",
    "constituency": "constituencies/dumfries-and-galloway-2005/",
    "current constituency": "constituencies/dumfries-and-galloway/",
    "constituencies": "constituencies/",
    "topics list": "topics/",
    "topic": "topics/immigration/",
    "campaign": "campaigns/mps-not-border-guards/",
    "campaigns": "campaigns/",
    "parties": "parties/",
    "party": "parties/conservative/",
    "letters list": "letters/",
    "year": "letters/2019/",
    "about": "about/",
    "privacy": "privacy/",
    "corrections": "corrections/",
    "add a letter": "add-a-letter/",
    "data": "data/",
    "shared texts": "shared-texts/",
    "shared texts of a year": "shared-texts/2019/",
    "search": "search/?q=windrush",
    "404": "no-such-page/",
}
QUERIES = ["Windrush", "Alister Jack", "Dumfries", "immigration", "Border Guards"]


@dataclass
class Site:
    base: str
    requests: list[str] = field(default_factory=list)


PUBLISHED_UNDER = urlsplit(configured_site_url()).path
"""GitHub Pages serves the archive under /dear-constituent/: so do the tests."""


@pytest.fixture(scope="module")
def site(repo_site: BuiltSite) -> Iterator[Site]:
    """The repository's site as `make build` builds it, served under the path its
    site_url has, as GitHub Pages serves it."""
    with serve(repo_site.root, free_port(), under=PUBLISHED_UNDER) as base:
        yield Site(base)


@pytest.fixture(params=["light", "dark"])
def context(
    request: pytest.FixtureRequest, browser: Browser, site: Site
) -> Iterator[BrowserContext]:
    context = browser.new_context(
        color_scheme=request.param, viewport={"width": 1280, "height": 900}
    )
    context.on("request", lambda request: site.requests.append(request.url))
    yield context
    context.close()


def visit(context: BrowserContext, site: Site, path: str) -> Page:
    """Open a page and wait until it is all there: loaded, and a search shown."""
    page = context.new_page()
    page.goto(site.base + path, wait_until="load")
    if "?q=" in path:
        page.wait_for_function(SEARCHED)
    return page


SEARCHED = "() => document.getElementById('dc-search-status').textContent.length > 0"


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_every_page_type_has_no_accessibility_violations(
    context: BrowserContext, site: Site, kind: str
) -> None:
    page = visit(context, site, PAGE_TYPES[kind])
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert scheme in {"default", "slate"}
    violations = axe_violations(page)
    assert violations == [], f"{kind} ({scheme}): {violations}"


@pytest.mark.parametrize(
    ("page", "words", "expected"),
    [
        ("mps/", "starm", ["Keir Starmer"]),
        ("mps/", "KEIR holborn", ["Keir Starmer"]),
        ("constituencies/", "dumfries gallow", ["Dumfries and Galloway", "Dumfries and Galloway"]),
    ],
)
def test_a_long_list_narrows_as_one_types(
    browser: Browser, site: Site, page: str, words: str, expected: list[str]
) -> None:
    tab = browser.new_page()
    tab.goto(site.base + page, wait_until="load")
    box = tab.locator("[data-dc-filter] input")
    box.fill(words)
    shown = tab.eval_on_selector_all(
        ".dc-index tbody tr:not([hidden]) td:first-child",
        "cells => cells.map(cell => cell.textContent.replace(/\\s*\\(.*\\)\\s*$/, '').trim())",
    )
    total = tab.eval_on_selector_all(".dc-index tbody tr", "rows => rows.length")
    assert shown == expected
    assert total > 600
    status = tab.text_content("[data-dc-filter] [role=status]")
    assert status == f"Showing {len(expected)} of {total}."
    box.fill("")
    assert tab.eval_on_selector_all(".dc-index tbody tr[hidden]", "rows => rows.length") == 0
    tab.close()


def test_the_dark_scheme_is_used_when_the_reader_prefers_it(browser: Browser, site: Site) -> None:
    for preference, scheme in (("light", "default"), ("dark", "slate")):
        context = browser.new_context(color_scheme=preference)  # type: ignore[arg-type]
        page = context.new_page()
        page.goto(site.base, wait_until="networkidle")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
        context.close()


def test_the_first_tab_reaches_a_skip_link_to_the_content(browser: Browser, site: Site) -> None:
    page = browser.new_page()
    page.goto(site.base + LETTER, wait_until="networkidle")
    page.keyboard.press("Tab")
    focused = page.evaluate("""() => ({text: document.activeElement.textContent.trim(),
                                        href: document.activeElement.getAttribute('href')})""")
    assert focused["text"] == "Skip to content"
    page.keyboard.press("Enter")
    target = urlsplit(focused["href"]).fragment
    assert target == "dc-main"
    assert page.evaluate("(id) => document.getElementById(id) !== null", target)
    page.close()


@pytest.mark.parametrize("kind", ["home", "letter", "topic", "data", "search", "404"])
def test_every_control_is_reachable_by_keyboard_with_visible_focus(
    browser: Browser, site: Site, kind: str
) -> None:
    keyboard = browser.new_context(viewport={"width": 1280, "height": 900})
    page = visit(keyboard, site, PAGE_TYPES[kind])
    controls = page.evaluate(CONTROLS)
    assert controls > 0
    unseen: set[str] = set(
        page.evaluate(
            "() => [...document.querySelectorAll('[data-dc-control]')]"
            ".map(e => e.dataset.dcControl)"
        )
    )
    invisible: list[str] = []
    for _ in range(controls * 2 + 20):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state["control"]:
            unseen.discard(state["control"])
            if not state["visible"]:
                invisible.append(state["describe"])
        if not unseen:
            break
    missing = page.evaluate(
        "(ids) => ids.map(id => document.querySelector("
        "`[data-dc-control='${id}']`).outerHTML.slice(0, 120))",
        sorted(unseen),
    )
    keyboard.close()
    assert missing == [], f"{kind}: controls never reached by Tab: {missing}"
    assert invisible == [], f"{kind}: focus not visible on {invisible}"


CONTROLS = """() => {
    const selector = 'a[href], button, input:not([type=hidden]), select, textarea, ' +
                     '[tabindex]:not([tabindex="-1"])';
    let count = 0;
    for (const element of document.querySelectorAll(selector)) {
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        const shown = style.visibility !== 'hidden' && style.display !== 'none' &&
                      box.width > 0 && box.height > 0 && !element.closest('[hidden], [inert]') &&
                      !element.disabled && element.tabIndex >= 0;
        if (shown) { element.dataset.dcControl = String(count++); }
    }
    return count;
}"""

FOCUS_STATE = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) { return {control: null}; }
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    const underline = style.textDecorationLine.includes('underline');
    return {control: element.dataset.dcControl || null,
            visible: outline || shadow || underline,
            describe: element.outerHTML.slice(0, 100)};
}"""


def test_no_request_leaves_the_site(browser: Browser, site: Site) -> None:
    requests: list[str] = []
    context = browser.new_context()
    context.on("request", lambda request: requests.append(request.url))
    open_all(context, (site.base + path for path in PAGE_TYPES.values()))
    search_from_the_header(context.new_page(), site, "Windrush")
    context.close()
    foreign = sorted(
        {
            url
            for url in requests + site.requests
            if urlsplit(url).netloc != urlsplit(site.base).netloc
            and urlsplit(url).scheme not in {"data", "blob"}
        }
    )
    assert len(requests) > len(PAGE_TYPES)
    assert any("/pagefind/" in url for url in requests)
    assert foreign == []


def search_from_the_header(page: Page, site: Site, words: str) -> list[str]:
    page.goto(site.base + LETTER, wait_until="networkidle")
    page.fill("#dc-header-q", words)
    page.press("#dc-header-q", "Enter")
    page.wait_for_selector(".dc-result")
    return result_paths(page)


def result_paths(page: Page) -> list[str]:
    links = page.eval_on_selector_all(".dc-result__title a", "as => as.map(a => a.href)")
    return [urlsplit(link).path for link in links]


@pytest.mark.parametrize("query", QUERIES)
def test_the_search_page_finds_the_first_letter(browser: Browser, site: Site, query: str) -> None:
    page = browser.new_page()
    page.goto(site.base + "search/?q=" + query.replace(" ", "+"), wait_until="networkidle")
    page.wait_for_selector(".dc-result")
    assert f"{PUBLISHED_UNDER}{LETTER}" in result_paths(page)
    row = page.text_content(".dc-result__meta") or ""
    assert " ".join(row.split()) == (
        "Alister Jack, Conservative, MP for Dumfries and Galloway · September 2019"
    )
    marks = page.eval_on_selector_all(
        ".dc-result__excerpt mark", "ms => ms.map(m => m.textContent)"
    )
    assert marks
    page.close()


def test_the_header_box_leads_to_the_same_search(browser: Browser, site: Site) -> None:
    page = browser.new_page()
    assert search_from_the_header(page, site, "Windrush") == [f"{PUBLISHED_UNDER}{LETTER}"]
    assert urlsplit(page.url).path == f"{PUBLISHED_UNDER}search/"
    assert urlsplit(page.url).query == "q=Windrush"
    page.close()


def test_the_facets_are_exactly_the_six(browser: Browser, site: Site) -> None:
    page = browser.new_page()
    page.goto(site.base + "search/", wait_until="networkidle")
    facets = page.evaluate(
        """async (url) => {
        const pagefind = await import(url);
        return await pagefind.filters(); }""",
        site.base + "pagefind/pagefind.js",
    )
    assert sorted(facets) == ["campaign", "constituency", "mp", "party", "topic", "year"]
    assert facets["mp"] == {"Alister Jack": 1}
    assert facets["year"] == {"2019": 1}
    page.close()


def test_the_address_is_the_state_both_ways(browser: Browser, site: Site) -> None:
    page = browser.new_page()
    page.goto(
        site.base + "search/?q=windrush&topic=immigration&party=Conservative",
        wait_until="networkidle",
    )
    page.wait_for_selector(".dc-result")
    assert page.input_value("#dc-search-q") == "windrush"
    assert page.input_value("#dc-filter-topic") == "Immigration"
    assert page.input_value("#dc-filter-party") == "Conservative"
    assert page.eval_on_selector_all("#dc-filter-mp option", "os => os.length") == 1
    page.focus("#dc-filter-mp")  # the counts of every facet load when the reader narrows
    page.wait_for_selector("#dc-filter-mp option[value='Alister Jack']", state="attached")
    page.select_option("#dc-filter-mp", "Alister Jack")
    page.wait_for_function("() => location.search.includes('mp=')")
    assert dict(part.split("=") for part in urlsplit(page.url).query.split("&")) == {
        "q": "windrush",
        "topic": "Immigration",
        "party": "Conservative",
        "mp": "Alister+Jack",
    }
    page.fill("#dc-search-q", "home office")
    page.wait_for_function("() => location.search.startsWith('?q=home+office')")
    page.wait_for_function(
        "() => document.getElementById('dc-search-status').textContent.includes('home office')"
    )
    page.select_option("#dc-filter-topic", "")
    page.wait_for_function("() => !location.search.includes('topic=')")
    page.select_option("#dc-search-order", "newest")
    page.wait_for_function("() => location.search.endsWith('sort=newest')")
    page.close()


def test_filters_without_words_lead_to_the_browse_pages(browser: Browser, site: Site) -> None:
    requests: list[str] = []
    page = browser.new_page()
    page.on("request", lambda request: requests.append(request.url))
    page.goto(
        site.base + "search/?topic=Immigration&mp=Alister+Jack&party=Conservative",
        wait_until="networkidle",
    )
    links = page.eval_on_selector_all(
        "#dc-search-browse-links a", "as => as.map(a => [a.textContent, a.href])"
    )
    assert links == [
        ["Everything on Immigration", site.base + "topics/immigration/"],
        ["Every letter from Alister Jack", site.base + "mps/alister-jack/"],
        ["Every letter from Conservative MPs", site.base + "parties/conservative/"],
    ]
    assert page.is_visible("#dc-search-browse")
    assert not [url for url in requests if "/pagefind/" in url and not url.endswith(".js")]
    page.close()


def test_printing_a_letter_prints_just_the_letter(browser: Browser, site: Site) -> None:
    page = browser.new_page()
    page.goto(site.base + LETTER, wait_until="networkidle")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer',
        '.dc-downloads', '.dc-copy'].map(s => document.querySelector(s))
        .filter(e => e).map(e => getComputedStyle(e).display)""")
    assert set(hidden) == {"none"}
    for shown in (".dc-letter-meta", ".dc-letter-paper", "h1"):
        assert (
            page.evaluate(f"getComputedStyle(document.querySelector('{shown}')).display") != "none"
        )
    page.close()


def test_the_citation_is_copied_with_one_click(browser: Browser, site: Site) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site.base + LETTER, wait_until="networkidle")
    page.click("[data-dc-copy]")
    page.wait_for_function("() => document.getElementById('dc-copy-status').textContent.length > 0")
    assert page.text_content("#dc-copy-status") == "Citation copied."
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Alister Jack MP, “A Response to the MP's Not Border Guards Campaign”")
    # The citation gives the letter's permanent address, where the site is published.
    assert copied.endswith(f"{configured_site_url()}{LETTER} (accessed [date]).")
    context.close()


def test_a_letter_is_saved_as_plain_text_from_its_page(browser: Browser, site: Site) -> None:
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(site.base + LETTER, wait_until="load")
    with page.expect_download() as download:
        page.click("[data-dc-save-text]")
    saved = download.value
    assert saved.suggested_filename == "2019-09-alister-jack-mps-not-border-guards.txt"
    text = Path(saved.path()).read_text(encoding="utf-8")
    assert text.startswith(
        "A Response to the MP's Not Border Guards Campaign\n"
        "Letter from Alister Jack MP (Conservative, Dumfries and Galloway), September 2019\n"
        "Topic: Immigration\nCampaign: MPs Not Border Guards\n"
        f"Source: Paper letter, signed by hand (transcript)\n{configured_site_url()}{LETTER}\n\n"
        "HOUSE OF COMMONS\nLONDON SW1A 0AA\n\nSeptember 2019.\n\nDear Constituent,"
    )
    assert "Windrush generation" in text
    assert "Transcriber" not in text.split("-- Transcribed")[0]
    context.close()


def test_a_query_fetches_the_facet_counts_only_to_narrow(browser: Browser, site: Site) -> None:
    requests: list[str] = []
    page = browser.new_page()
    page.on("request", lambda request: requests.append(urlsplit(request.url).path))
    page.goto(site.base + "search/?q=windrush", wait_until="networkidle")
    page.wait_for_selector(".dc-result")
    assert not [path for path in requests if "/pagefind/filter/" in path]
    assert not [path for path in requests if path.endswith("pagefind-worker.js")]
    page.focus("#dc-filter-party")
    page.wait_for_selector("#dc-filter-party option[value='Conservative']", state="attached")
    assert [path for path in requests if "/pagefind/filter/" in path]
    page.close()


def test_results_link_right_when_the_site_lives_under_a_path(browser: Browser, site: Site) -> None:
    # The site is served under /dear-constituent/, as on GitHub Pages: result
    # links must carry that path too.
    assert PUBLISHED_UNDER == "/dear-constituent/"
    page = browser.new_page()
    page.goto(site.base + "search/?q=windrush", wait_until="networkidle")
    page.wait_for_selector(".dc-result")
    assert result_paths(page) == [f"/dear-constituent/{LETTER}"]
    page.close()
