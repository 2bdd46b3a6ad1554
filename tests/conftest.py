from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Playwright, sync_playwright

from tests.archive import ROOT, Archive
from tests.browser import CHROMIUM_ARGS, PolicyViolations, chromium_path
from tests.sitebuild import BuiltSite, build_demo, mkdocs_build


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    return Archive(tmp_path)


# The sites several modules read, built once per test session. Tests only read
# them: a test that changes a site builds its own.


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The repository's own site, as `make build` builds it."""
    folder = tmp_path_factory.mktemp("repo-site") / "site"
    result = mkdocs_build(ROOT / "mkdocs.yml", folder)
    assert result.returncode == 0, result.stderr
    return BuiltSite(folder)


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The fictional demonstration site, as `make demo` builds it, with 1,200 letters."""
    return build_demo(tmp_path_factory.mktemp("demo") / "site")


# A real Chromium, for the modules that drive one (tests/browser.py says which).


@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Chromium; when the module's tests are done, no page may have reported a breach
    of its Content Security Policy (the site's own scripts must all be allowed)."""
    browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    violations = PolicyViolations(browser)
    yield browser
    browser.close()
    assert not violations.reported, "Content Security Policy violations:\n" + "\n".join(
        violations.reported
    )


@pytest.fixture(params=["light", "dark"])
def schemed(request: pytest.FixtureRequest, browser: Browser) -> Iterator[BrowserContext]:
    """A desktop-sized browser context in the light colour scheme, then the dark one."""
    context = browser.new_context(
        color_scheme=request.param, viewport={"width": 1280, "height": 900}
    )
    yield context
    context.close()
