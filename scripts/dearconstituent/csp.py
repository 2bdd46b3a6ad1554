"""The Content Security Policy: a third wall against injected script.

The validator refuses markup in letters and registers, and the build escapes
every value; if one day either fails (a template that forgets to escape, a
dependency that starts passing text through raw), the policy still keeps an
injected script from running. A static site cannot send headers on GitHub
Pages, so each page carries its policy in a ``<meta http-equiv>`` element,
with the SHA-256 hashes of exactly the inline scripts that page has: scripts
come from the site itself or are those bytes, nothing else. Hashes are taken
from the page as written, so the policy follows any change to an inline
script, and the same page gives the same bytes.

``<script type="application/json">`` and ``application/ld+json`` are data
blocks: browsers never run them, and a policy does not govern them.

Hosts that read a ``_headers`` file (Netlify, Cloudflare Pages) get the same
policy as a real header, with what a ``<meta>`` element cannot carry:
``frame-ancestors`` and ``X-Content-Type-Options``.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable

from .errors import DearConstituentError

REFERRER_POLICY = "strict-origin-when-cross-origin"
"""Other sites (GitHub, Parliament) learn that a reader came from this site, never
from which letter; the site's own pages see the whole address."""

POLICY: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("default-src", ("'none'",)),
    # Pagefind's search runs as WebAssembly, which Chromium compiles only with
    # 'wasm-unsafe-eval' (it allows WebAssembly, not JavaScript's eval). Every
    # page needs it: instant navigation keeps the first page's policy.
    ("script-src", ("'self'", "'wasm-unsafe-eval'")),
    ("style-src", ("'self'",)),
    # Material draws some icons from data: URLs in its style sheet.
    ("img-src", ("'self'", "data:")),
    ("font-src", ("'self'",)),
    # Instant navigation, Pagefind's index and the pages' data files.
    ("connect-src", ("'self'",)),
    # Pagefind searches in a worker of its own.
    ("worker-src", ("'self'",)),
    ("manifest-src", ("'self'",)),
    ("base-uri", ("'none'",)),
    # The search forms; the letter form's "Continue on GitHub" is a link.
    ("form-action", ("'self'",)),
    ("object-src", ("'none'",)),
)
"""Every directive, with the sources it allows; inline scripts' hashes are added to
``script-src``."""

HEADER_ONLY: tuple[tuple[str, tuple[str, ...]], ...] = (("frame-ancestors", ("'none'",)),)
"""Directives that browsers ignore in a ``<meta>`` element."""

HEADERS_FILE = "_headers"

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_RUN = frozenset(
    {
        "",
        "module",
        "text/javascript",
        "application/javascript",
        "application/ecmascript",
        "application/x-javascript",
        "text/ecmascript",
    }
)
"""``type`` values that make a script run (HTML's JavaScript MIME types, abridged to
those in use, and modules); any other is a data block."""

_HEAD = re.compile(r"<head\b[^>]*>(\s*<meta charset=[^>]*>)?", re.I)


class PolicyError(DearConstituentError):
    """A page has nowhere to put its policy."""


def inline_scripts(page: str) -> list[str]:
    """The text of every inline script of ``page`` that a browser would run."""
    scripts = []
    for match in _SCRIPT.finditer(page):
        attributes = _attributes(match.group(1))
        if "src" in attributes:
            continue
        if attributes.get("type", "").strip().lower() in _RUN:
            scripts.append(match.group(2))
    return scripts


def script_hash(script: str) -> str:
    """The policy's source expression for one inline script: ``'sha256-…'``."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(hashes: Iterable[str], *, header: bool = False) -> str:
    """The policy allowing the inline scripts with ``hashes``; as a header, with the
    directives only a header can carry."""
    directives = POLICY + HEADER_ONLY if header else POLICY
    allowed = sorted(set(hashes))
    parts = []
    for name, sources in directives:
        parts.append(" ".join((name, *sources, *(allowed if name == "script-src" else ()))))
    return "; ".join(parts)


def with_policy(page: str) -> tuple[str, list[str]]:
    """``page`` with its policy and referrer policy at the start of its ``<head>``
    (after the character set, which must come first), and the hashes it allows."""
    hashes = sorted({script_hash(script) for script in inline_scripts(page)})
    head = _HEAD.search(page)
    if head is None:
        raise PolicyError("the page has no <head> to carry its Content Security Policy")
    # The policy is made of constants and base64: nothing in it needs escaping but
    # for form's sake.
    content = html.escape(policy(hashes), quote=False)
    elements = (
        f'\n<meta http-equiv="Content-Security-Policy" content="{content}">'
        f'\n<meta name="referrer" content="{REFERRER_POLICY}">'
    )
    return page[: head.end()] + elements + page[head.end() :], hashes


def headers_file(hashes: Iterable[str]) -> str:
    """``_headers`` for hosts that read one: every page's policy as a real header
    (with every page's inline-script hashes), and the headers a page cannot set."""
    lines = [
        "# The site's security headers, for hosts that read this file (Netlify,",
        "# Cloudflare Pages). Written by the build: see dearconstituent/csp.py.",
        "/*",
        f"  Content-Security-Policy: {policy(hashes, header=True)}",
        f"  Referrer-Policy: {REFERRER_POLICY}",
        "  X-Content-Type-Options: nosniff",
    ]
    return "\n".join(lines) + "\n"


def _attributes(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(text):
        name = match.group(1).lower()
        value = next((group for group in match.group(2, 3, 4) if group is not None), "")
        found.setdefault(name, html.unescape(value))
    return found
