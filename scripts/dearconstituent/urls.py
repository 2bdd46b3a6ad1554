"""Every address on the site, built in one place: nothing else formats a URL.

Addresses are site-relative, with MkDocs' directory URLs
(``mps/alister-jack/``). Templates make them relative to the page showing
them (MkDocs' ``url`` filter, over the names below, which reach templates as
``dc_urls``); the data exports make them absolute with :func:`absolute`.
The search page's script gets the browse pages' addresses from the build
(:data:`BROWSE_MAP`), never by re-making slugs itself.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from .slugs import slugify

HOME = ""
LETTERS = "letters/"
MPS = "mps/"
CONSTITUENCIES = "constituencies/"
TOPICS = "topics/"
CAMPAIGNS = "campaigns/"
PARTIES = "parties/"
SHARED_TEXTS = "shared-texts/"
SEARCH = "search/"
ABOUT = "about/"
DATA = "data/"
ADD_A_LETTER = "add-a-letter/"
PREPARE = f"{ADD_A_LETTER}prepare/"
"""The page that checks a letter in the reader's browser before it is sent."""
PREPARE_DATA = f"{PREPARE}prepare.json"
"""What that page checks with: the personal-data rules and the register of MPs."""
PRIVACY = "privacy/"
CORRECTIONS = "corrections/"
SEARCH_BUNDLE = "pagefind/"
"""Pagefind's index and scripts."""
PAGEFIND_SCRIPT = f"{SEARCH_BUNDLE}pagefind.js"
BROWSE_MAP = f"{SEARCH}browse.json"
"""Each search facet's values and the browse page that lists everything with that value."""

FEED = "feed.xml"
"""The whole archive's Atom feed; every followed page has one of the same name."""
LETTERS_JSON = "letters.json.gz"
"""Every letter with its text: JSON, gzip-compressed, since the words of 10,000
letters were 35 MB of JSON, a tenth of the site (templated letters compress
about tenfold)."""
LETTERS_SCHEMA = "letters.schema.json"
LETTERS_CSV = "letters.csv"
MEMBERS_JSON = "members.json"
TOPICS_JSON = "topics.json"
CAMPAIGNS_JSON = "campaigns.json"
COVERAGE_JSON = "coverage.json"
COVERAGE_SCHEMA = "coverage.schema.json"
TEMPLATES_JSON = "templates.json"
TEMPLATES_SCHEMA = "templates.schema.json"

ICON_STYLESHEET = "assets/stylesheets/icons.css"
"""The style sheet that draws the theme's icons, written by the build (``icons.py``)."""
PALETTE_SCRIPT = "assets/javascripts/palette.js"
"""Applies the reader's saved light or dark theme (Material's inline script, as a file)."""
SCOPE_SCRIPT = "assets/javascripts/scope.js"
"""Material's storage helpers, scoped to the site's root (Material's inline script, as a
file that finds the root from its own address)."""

SHARED_TEXT_ANCHOR = "shared-text"
"""The id of a letter page's shared-text section."""
PAGE_SOURCE = "index.md"
"""What a page's address ends with as a source file: ``mps/index.md`` is ``mps/``."""


def letter(path: PurePosixPath) -> str:
    """A letter's page, from its source path: ``letters/2019/<name>/``."""
    return f"{path.parent.as_posix()}/{path.stem}/"


def member(name: str) -> str:
    return f"{MPS}{slugify(name)}/"


def constituency(slug: str) -> str:
    """A constituency's page, from its slug (which tells apart seats that share a name)."""
    return f"{CONSTITUENCIES}{slug}/"


def parliament_member(member_id: int) -> str:
    """A member's career on Parliament's own website."""
    return f"https://members.parliament.uk/member/{member_id}/career"


def topic(slug: str) -> str:
    return f"{TOPICS}{slug}/"


def campaign(slug: str) -> str:
    return f"{CAMPAIGNS}{slug}/"


def party(name: str) -> str:
    return f"{PARTIES}{slugify(name)}/"


def year(year: int) -> str:
    """Every letter of a year."""
    return f"{LETTERS}{year}/"


def shared_texts_year(year: int) -> str:
    """The shared texts first seen in a year."""
    return f"{SHARED_TEXTS}{year}/"


def shared_text(letter_page: str) -> str:
    """A shared text in full: its earliest letter's shared-text section."""
    return f"{letter_page}#{SHARED_TEXT_ANCHOR}"


def page(first: str, number: int) -> str:
    """Page ``number`` of a listing whose first page is ``first``."""
    return first if number == 1 else f"{first}page/{number}/"


def feed(page_url: str) -> str:
    """The Atom feed that follows the page at ``page_url``."""
    return f"{page_url}{FEED}"


def repository_view(edit_url: str) -> str:
    """A file's page in the repository, from the address that edits it: the letter's
    Markdown source, offered on its page (``…/edit/main/…`` → ``…/blob/main/…``)."""
    return edit_url.replace("/edit/", "/blob/", 1)


def new_issue(repo_url: str) -> str:
    """The repository's page for opening an issue (its forms take their answers as
    query parameters)."""
    return f"{repo_url.rstrip('/')}/issues/new"


def source(url: str) -> str:
    """The source file MkDocs gives a generated page at ``url``: ``mps/index.md``."""
    return f"{url}{PAGE_SOURCE}"


def absolute(site_url: str | None, url: str) -> str:
    """``url`` under ``site_url`` when there is one, else site-relative with a leading '/'."""
    return (site_url.rstrip("/") + "/" if site_url else "/") + url
