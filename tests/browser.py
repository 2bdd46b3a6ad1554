"""Driving a real Chromium over the built site, served on 127.0.0.1.

Playwright for Python drives the system's Chromium (``executable_path``), so
nothing is downloaded at test time: Debian and Ubuntu's ``apt-get install
chromium`` provides ``/usr/bin/chromium``. ``DC_CHROMIUM`` names another
binary. axe-core comes from npm (``npm ci``, pinned in package-lock.json).

The pages carry a Content Security Policy that refuses ``eval``: give
``wait_for_function`` a function (``"() => …"``), which Playwright runs
through the DevTools protocol, not an expression, which it would ``eval`` in
the page.
"""

from __future__ import annotations

import http.server
import os
import shutil
import socket
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page

from tests.archive import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_path() -> str:
    """The system's Chromium, or a failure that says what to install."""
    candidates = [
        os.environ.get("DC_CHROMIUM"),
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        shutil.which("google-chrome"),
        "/snap/bin/chromium",
    ]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    pytest.fail(
        "The browser tests need Chromium and found none. On Debian or Ubuntu: "
        "`sudo apt-get install chromium`; elsewhere install Chromium or Chrome and set "
        "DC_CHROMIUM to its path. (`playwright install` is not needed.)"
    )


class PolicyViolations:
    """Every Content Security Policy violation that Chromium reports in the pages of
    ``browser`` (it logs each to the page's console): in normal use, none."""

    def __init__(self, browser: Browser) -> None:
        self.reported: list[str] = []
        new_context, new_page = browser.new_context, browser.new_page

        def watched_context(*args: Any, **kwargs: Any) -> BrowserContext:
            context = new_context(*args, **kwargs)
            context.on("console", self._console)
            return context

        def watched_page(*args: Any, **kwargs: Any) -> Page:
            page = new_page(*args, **kwargs)
            page.on("console", self._console)
            return page

        browser.new_context = watched_context  # type: ignore[method-assign]
        browser.new_page = watched_page  # type: ignore[method-assign]

    def _console(self, message: ConsoleMessage) -> None:
        if "content security policy" in message.text.lower():
            self.reported.append(f"{message.location.get('url')}: {message.text}")


def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci` in the repository (pinned axe-core)")
    return AXE.read_text(encoding="utf-8")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, with the site's own 404 page for anything missing, like GitHub Pages;
    under ``prefix`` (``/dear-constituent/``) when the site lives under a path."""

    prefix = "/"

    def log_message(self, format: str, *args: object) -> None:
        del format, args

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(str(self.directory)) / "\u2400-outside-the-site")
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(str(self.directory)) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextmanager
def serve(folder: Path, port: int, *, under: str = "/") -> Iterator[str]:
    """Serve ``folder`` at http://127.0.0.1:<port><under> while the block runs."""
    handler = type("Handler", (_Handler,), {"prefix": under})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), partial(handler, directory=str(folder))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}{under}"
    finally:
        server.shutdown()
        server.server_close()


def open_all(context: BrowserContext, urls: Iterable[str]) -> list[Page]:
    """Open every address in a tab of its own, all loading at once, and wait until each
    has gone quiet on the network (no request for half a second): the same as opening
    them one by one and waiting on each, in the time of the slowest."""
    pages = []
    for url in urls:
        page = context.new_page()
        page.goto(url, wait_until="commit")
        pages.append(page)
    for page in pages:
        page.wait_for_load_state("networkidle")
    return pages


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.0, 2.1 and 2.2 A and AA violations on ``page``, as plain data."""
    # Evaluated through the DevTools protocol, which the pages' Content Security
    # Policy does not govern: an inline <script> of axe would be refused.
    page.evaluate(axe_source() + "\n;undefined")
    result: list[dict[str, Any]] = page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {
                runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ") + " :: " + n.failureSummary)}));
        }""",
        WCAG_TAGS,
    )
    return result
