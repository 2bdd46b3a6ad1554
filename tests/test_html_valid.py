"""The built pages are valid HTML, by the Nu Html Checker (vnu, the W3C's checker).

Two sites are built, the repository's own and a fictional demonstration site
large enough for paginated listings and many MP, constituency, topic and
campaign pages, and vnu checks every HTML file of both (``404.html``
included), with the project's stylesheet, in a single run. Any error fails the
test, except those in ``MATERIAL_ERRORS``: errors that stock Material for
MkDocs writes into every page from a place that the project's overrides
cannot reach. Warnings and information messages are not errors and are left out.

vnu is ``vnu.jar`` from the npm package ``vnu-jar`` (pinned in
package-lock.json; ``npm ci`` installs it into node_modules) and runs on Java
17 or newer (``apt-get install default-jre-headless`` on Debian or Ubuntu).
``DC_VNU_JAR`` names another copy of ``vnu.jar``. It needs no network.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.archive import ROOT
from tests.sitebuild import BuiltSite

pytestmark = pytest.mark.slow

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA_MINIMUM = 17
"""vnu.jar 26.x is compiled for Java 17."""


"""As in test_site_scale and test_links: with fewer (a few hundred), no listing
reaches a second page, and the pager's markup would go unchecked."""

STYLESHEET = Path("assets/stylesheets/dear-constituent.css")
"""The project's own stylesheet, as built; Material's minified CSS is not ours."""

CANARY = '<!doctype html><html lang="en"><title>canary</title><p><span id="x"></p></span>'
"""A page with a known error, checked with the sites: proves that vnu ran and
that its report is read (an empty report must mean valid pages, not no check)."""


@dataclass(frozen=True)
class KnownError:
    """An error of Material's own markup, allowed with the reason it stays."""

    message: str
    """A regular expression searched for in vnu's message."""
    extract: str
    """A regular expression searched for in the markup vnu quotes around the error."""
    template: str
    """Material's template that writes the markup."""
    reason: str
    """Why an override in overrides/ cannot remove it."""

    def matches(self, error: dict[str, Any]) -> bool:
        return bool(
            re.search(self.message, error.get("message", ""))
            and re.search(self.extract, error.get("extract", ""))
        )


MATERIAL_ERRORS: tuple[KnownError, ...] = (
    KnownError(
        message=r"^Attribute “autocomplete” is only allowed when the input type is ",
        extract=r'<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox"',
        template=(
            "material/templates/base.html, lines 99–100 (Material 9.8.2): "
            '<input class="md-toggle" data-md-toggle="drawer|search" type="checkbox" '
            'id="__drawer|__search" autocomplete="off">'
        ),
        reason=(
            "HTML allows autocomplete only on text-like inputs, not on checkboxes. Material "
            "sets autocomplete=off on the two hidden toggles of the navigation drawer and the "
            "search so that Firefox does not restore their checked state on reload or Back "
            "(which would reopen them): browsers act on it, so it is not dead markup. Both "
            "inputs are written straight into <body> by base.html, outside every template "
            "block, so no block or partial in overrides/ reaches them. Only a copy of the "
            "whole base.html (which every Material release changes) or rewriting each built "
            "page in the hook could remove them, and either would cost more than this error. "
            "Reported upstream as squidfunk/mkdocs-material#1513 (closed; the attribute is "
            "still there in 9.8.2)."
        ),
    ),
)


def java_command() -> str:
    """The java to run vnu with, or a failure that says what to install."""
    home = os.environ.get("JAVA_HOME")
    candidates = [str(Path(home) / "bin" / "java") if home else None, shutil.which("java")]
    java = next((c for c in candidates if c and Path(c).is_file() and os.access(c, os.X_OK)), None)
    if java is None:
        pytest.fail(
            f"The HTML check needs Java {JAVA_MINIMUM} or newer to run vnu.jar, and found no "
            "`java`. On Debian or Ubuntu: `sudo apt-get install default-jre-headless`; "
            "elsewhere install a JRE and put `java` on PATH (or set JAVA_HOME)."
        )
    result = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
    found = re.search(r'version "(\d+)(?:\.(\d+))?', result.stderr + result.stdout)
    major = int(found.group(1)) if found else 0
    if major == 1 and found and found.group(2):  # "1.8.0_…" is Java 8
        major = int(found.group(2))
    if major < JAVA_MINIMUM:
        pytest.fail(
            f"vnu.jar needs Java {JAVA_MINIMUM} or newer; {java} says: "
            f"{(result.stderr or result.stdout).strip()!r}"
        )
    return java


def vnu_jar() -> Path:
    jar = Path(os.environ.get("DC_VNU_JAR") or VNU_JAR)
    if not jar.is_file():
        pytest.fail(
            f"{jar} is missing: run `npm ci` in the repository (vnu-jar is pinned in "
            "package-lock.json), or set DC_VNU_JAR to a copy of vnu.jar"
        )
    return jar


@dataclass(frozen=True)
class Report:
    sites: dict[str, Path]
    pages: int
    errors: list[dict[str, Any]]
    version: str


@pytest.fixture(scope="module")
def report(
    tmp_path_factory: pytest.TempPathFactory, repo_site: BuiltSite, demo_site: BuiltSite
) -> Report:
    java, jar = java_command(), vnu_jar()
    folder = tmp_path_factory.mktemp("html-valid")
    sites = {"repository site": repo_site.root, "demonstration site": demo_site.root}
    pages = [page for site in sites.values() for page in sorted(site.rglob("*.html"))]
    canary = folder / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    stylesheets = [site / STYLESHEET for site in sites.values()]
    result = subprocess.run(
        [
            java,
            "-jar",
            str(jar),
            "--format",
            "json",
            "--stdout",
            "--errors-only",
            "--exit-zero-always",
            "--no-langdetect",  # it only ever warns, and warnings are not reported
            "--also-check-css",
            *map(str, [*pages, *stylesheets, canary]),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"vnu failed to run:\n{result.stderr}"
    version = subprocess.run(
        [java, "-jar", str(jar), "--version"], capture_output=True, text=True, check=False
    )
    output = json.loads(result.stdout)
    messages: list[dict[str, Any]] = output["messages"]
    errors = [m for m in messages if m.get("type") in {"error", "non-document-error"}]
    canary_url = canary.as_uri().replace("file:///", "file:/")
    if not any(error.get("url") == canary_url for error in errors):
        pytest.fail(f"vnu reported no error in {canary}, which has one: is it checking?\n{result}")
    return Report(
        sites=sites,
        pages=len(pages),
        errors=[error for error in errors if error.get("url") != canary_url],
        version=version.stdout.strip() or "?",
    )


def _where(error: dict[str, Any], sites: dict[str, Path]) -> str:
    url = str(error.get("url", "?"))
    for name, site in sites.items():
        prefix = site.as_uri().replace("file:///", "file:/") + "/"
        if url.startswith(prefix):
            url = f"{name}: {url.removeprefix(prefix)}"
            break
    return f"{url}:{error.get('lastLine', '?')}"


def _markup(error: dict[str, Any]) -> str:
    """The markup vnu points at (its extract's highlighted part), on one line."""
    extract = str(error.get("extract", ""))
    start, length = error.get("hiliteStart"), error.get("hiliteLength")
    if isinstance(start, int) and isinstance(length, int) and length > 0:
        extract = extract[start : start + length]
    return " ".join(extract.split())


def test_no_html_errors_but_stock_materials(report: Report) -> None:
    unexpected: dict[tuple[str, str], list[str]] = defaultdict(list)
    for error in report.errors:
        if not any(known.matches(error) for known in MATERIAL_ERRORS):
            key = (str(error.get("message", "")), _markup(error))
            unexpected[key].append(_where(error, report.sites))
    if unexpected:
        lines = []
        for (message, markup), places in sorted(unexpected.items(), key=lambda item: item[1][0]):
            more = f" and {len(places) - 5} more" if len(places) > 5 else ""
            lines.append(
                f"- {message}\n    markup: {markup}\n"
                f"    on {len(places)} pages: {', '.join(places[:5])}{more}"
            )
        pytest.fail(
            f"vnu {report.version} found {sum(map(len, unexpected.values()))} HTML or CSS "
            f"errors ({len(unexpected)} distinct) in the {report.pages} pages built, that are "
            "not stock Material's (MATERIAL_ERRORS):\n" + "\n".join(lines),
            pytrace=False,
        )


def test_every_allowed_material_error_still_occurs(report: Report) -> None:
    """An allowance that no longer matches (Material fixed it, or an override now
    does) is removed, so that the list says only what is true."""
    unused = [
        known.template
        for known in MATERIAL_ERRORS
        if not any(known.matches(error) for error in report.errors)
    ]
    assert not unused, f"MATERIAL_ERRORS entries that no page has any more: {unused}"
