"""The Content Security Policy in a real Chromium: an injected script is refused, and
the site's own scripts all still run.

The injection is made after the build, into the HTML, the way a template that
forgot to escape a value would let it through. Every other browser test runs
under the policy too: the ``browser`` fixture fails a module whose pages
reported any violation.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Playwright

from tests.browser import CHROMIUM_ARGS, PolicyViolations, chromium_path, free_port, serve
from tests.sitebuild import BuiltSite, configured_site_url

pytestmark = pytest.mark.slow

UNDER = urlsplit(configured_site_url()).path
"""Served under the path GitHub Pages serves the archive at, as the other browser tests."""
LETTER = "letters/2019/2019-09-alister-jack-mps-not-border-guards/"
INJECTED = (
    '<script>window.dcInjected = "the injected script ran";</script>'
    '<img src="no-such-image.png" alt="" onerror="window.dcHandler = \'the handler ran\'">'
)
# Listens before any of the page's own scripts, through the DevTools protocol,
# which the page's policy does not govern.
LISTEN = """
window.dcViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.dcViolations.push(event.effectiveDirective + " " + event.blockedURI);
});
"""


@pytest.fixture(scope="module")
def injected(repo_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The repository's site with a script and an event handler let into a letter's
    body, served; yields the letter's address."""
    root = tmp_path_factory.mktemp("injected") / "site"
    shutil.copytree(repo_site.root, root)
    page = root / LETTER / "index.html"
    html = page.read_text(encoding="utf-8")
    marker = '<h1 id="dc-main">'
    assert marker in html
    page.write_text(html.replace(marker, INJECTED + marker, 1), encoding="utf-8")
    with serve(root, free_port(), under=UNDER) as base:
        yield base + LETTER


@pytest.fixture(scope="module")
def unwatched(playwright: Playwright) -> Iterator[Browser]:
    """A Chromium of this module's own: the violations here are the point, so they must
    not fail the watch that the ``browser`` fixture keeps."""
    browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


def _open(browser: Browser, url: str) -> Page:
    page = browser.new_page()
    page.add_init_script(LISTEN)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page


def test_an_injected_script_and_handler_do_not_run_and_are_reported(
    unwatched: Browser, injected: str
) -> None:
    console = PolicyViolations(unwatched)
    page = _open(unwatched, injected)
    assert page.evaluate("window.dcInjected") is None
    assert page.evaluate("window.dcHandler") is None
    violations = page.evaluate("window.dcViolations")
    assert "script-src-elem inline" in violations
    assert "script-src-attr inline" in violations
    # The console says so too, which is how every other browser test is watched.
    assert len(console.reported) == 2, console.reported
    # The page's own scripts still ran: Material's, and the site's (which shows
    # the copy button it hides from readers without JavaScript).
    assert page.get_attribute("body", "data-md-color-scheme")
    assert page.locator("[data-dc-copy]").is_visible()


def test_without_the_injection_the_same_page_reports_nothing(
    unwatched: Browser, repo_site: BuiltSite
) -> None:
    with serve(repo_site.root, free_port(), under=UNDER) as base:
        page = _open(unwatched, base + LETTER)
        assert page.evaluate("window.dcViolations") == []


def test_a_reader_moving_around_the_site_breaks_no_policy(
    browser: Browser, repo_site: BuiltSite
) -> None:
    # Instant navigation keeps the first page's policy and adds each next page's:
    # a script allowed by one page but not another would be refused here.
    with serve(repo_site.root, free_port(), under=UNDER) as base:
        page = _open(browser, base)
        page.locator("label[for='__palette_1']").click()
        assert page.get_attribute("body", "data-md-color-scheme") == "slate"
        for name in ("Letters", "MPs", "Topics", "Shared texts", "Home"):
            page.locator(".md-nav--primary .md-nav__link", has_text=name).first.click()
            page.wait_for_load_state("networkidle")
        page.goto(base + "search/?q=windrush")
        page.wait_for_selector("#dc-search-results .dc-result", timeout=10_000)
        page.goto(base + LETTER)
        # The theme chosen on the first page is remembered on a page loaded afresh.
        assert page.get_attribute("body", "data-md-color-scheme") == "slate"
        page.locator("[data-dc-copy]").click()
        assert page.evaluate("window.dcViolations") == []
