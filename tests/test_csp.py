"""The Content Security Policy every page carries: which scripts it allows, and where."""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dearconstituent.csp import (
    HEADERS_FILE,
    POLICY,
    REFERRER_POLICY,
    PolicyError,
    headers_file,
    inline_scripts,
    policy,
    script_hash,
    with_policy,
)
from tests.sitebuild import BuiltSite

PAGE = """<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>A page</title>
<script>var first = 1;</script>
<script type="application/ld+json">{"@type": "Message"}</script>
<script id="__config" type="application/json">{"base": "."}</script>
<script src="assets/javascripts/site.js"></script>
</head>
<body>
<script type="module">import "./x.js";</script>
<script type=text/javascript>var second = 2;</script>
</body>
</html>
"""


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def test_the_scripts_a_browser_runs_are_found_and_data_blocks_are_not() -> None:
    assert inline_scripts(PAGE) == ["var first = 1;", 'import "./x.js";', "var second = 2;"]


def test_a_hash_is_the_base64_sha256_of_the_scripts_exact_text() -> None:
    # The value a browser computes for <script>alert('Hello, world.');</script>
    # (the example of the CSP Level 3 specification).
    assert script_hash("alert('Hello, world.');") == (
        "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    )


def test_the_policy_allows_scripts_from_the_site_and_those_hashes_only() -> None:
    hashes = [script_hash("b"), script_hash("a"), script_hash("a")]
    text = policy(hashes)
    directives = dict(part.split(" ", 1) for part in text.split("; "))
    assert directives["script-src"] == " ".join(
        ["'self'", "'wasm-unsafe-eval'", *sorted({script_hash("a"), script_hash("b")})]
    )
    assert directives["default-src"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'none'"
    assert directives["form-action"] == "'self'"
    assert "'unsafe-inline'" not in text
    assert "'unsafe-eval'" not in text
    # frame-ancestors means nothing in a <meta> element; a header carries it.
    assert "frame-ancestors" not in text
    assert "frame-ancestors 'none'" in policy(hashes, header=True)


def test_a_page_gets_its_policy_first_in_its_head_after_the_character_set() -> None:
    page, hashes = with_policy(PAGE)
    assert hashes == sorted(
        {_sha256("var first = 1;"), _sha256('import "./x.js";'), _sha256("var second = 2;")}
    )
    head = page.split("<head>\n", 1)[1]
    charset, csp, referrer = head.splitlines()[:3]
    assert charset == '<meta charset="utf-8">'
    assert csp == f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
    assert referrer == f'<meta name="referrer" content="{REFERRER_POLICY}">'
    assert with_policy(PAGE) == (page, hashes)


def test_a_page_without_a_head_is_refused() -> None:
    with pytest.raises(PolicyError, match="no <head>"):
        with_policy("<p>No head here</p>")


def test_the_headers_file_carries_what_a_meta_element_cannot() -> None:
    text = headers_file([script_hash("a")])
    lines = text.splitlines()
    assert "/*" in lines
    assert f"  Content-Security-Policy: {policy([script_hash('a')], header=True)}" in lines
    assert "  X-Content-Type-Options: nosniff" in lines
    assert f"  Referrer-Policy: {REFERRER_POLICY}" in lines


class _Scripts(HTMLParser):
    """A page's policy and its inline scripts, read the way a browser's parser reads
    them (not with the build's own code)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.policies: list[str] = []
        self.referrers: list[str] = []
        self.first_in_head: list[str] = []
        self.scripts: list[str] = []
        self._script: list[str] | None = None
        self._in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "head":
            self._in_head = True
        elif self._in_head and len(self.first_in_head) < 3:
            self.first_in_head.append(tag + ":" + " ".join(sorted(values)))
        if tag == "meta" and values.get("http-equiv", "").lower() == "content-security-policy":
            self.policies.append(values["content"])
        if tag == "meta" and values.get("name") == "referrer":
            self.referrers.append(values["content"])
        runs = values.get("type", "").strip().lower() in {"", "module", "text/javascript"}
        if tag == "script" and "src" not in values and runs:
            self._script = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self._in_head = False
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)


def _check_every_page(site: BuiltSite) -> set[str]:
    pages = [path for path in site.files() if path.suffix == ".html"]
    assert len(pages) > 10
    allowed: set[str] = set()
    for path in pages:
        parsed = _Scripts()
        parsed.feed(path.read_text(encoding="utf-8"))
        assert len(parsed.policies) == 1, path
        assert parsed.referrers == [REFERRER_POLICY], path
        # Before anything that could load or run: right after the character set.
        assert parsed.first_in_head == [
            "meta:charset",
            "meta:content http-equiv",
            "meta:content name",
        ]
        directives = dict(part.split(" ", 1) for part in parsed.policies[0].split("; "))
        assert set(directives) == {name for name, _ in POLICY}, path
        sources = directives["script-src"].split()
        expected = {_sha256(script) for script in parsed.scripts}
        assert set(sources) == {"'self'", "'wasm-unsafe-eval'", *expected}, path
        allowed |= expected
    return allowed


@pytest.mark.slow
@pytest.mark.parametrize("which", ["repo_site", "demo_site"])
def test_every_built_page_allows_exactly_its_own_inline_scripts(
    which: str, request: pytest.FixtureRequest
) -> None:
    site: BuiltSite = request.getfixturevalue(which)
    allowed = _check_every_page(site)
    # The headers file allows what the pages do, all of it and no more.
    headers = Path(site.root / HEADERS_FILE).read_text(encoding="utf-8")
    [line] = [line for line in headers.splitlines() if "Content-Security-Policy:" in line]
    assert line.split(": ", 1)[1] == policy(allowed, header=True)
