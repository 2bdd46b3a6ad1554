"""Every link in the built site resolves: pages, assets, feeds, downloads and fragments.

Two sites are checked: the repository's own, and a fictional demonstration
site large enough to have paginated listings and many MPs, constituencies,
topics and campaigns. Every reference in every HTML file (``404.html``
included) that points into the site — relative, root-relative or absolute
under ``site_url`` — must name a file that was built, and a fragment must name
an element of the target page. Links leaving the site are not fetched, but
must use https.
"""

from __future__ import annotations

import csv
import gzip
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import SplitResult, unquote, urljoin, urlsplit

import pytest

from tests.sitebuild import BuiltSite, configured_site_url

pytestmark = pytest.mark.slow

"""Enough fictional letters for listings past one page (PAGE_SIZE rows): with a
few hundred, no listing reaches a second page."""

URL_ATTRIBUTES = frozenset(
    {"href", "xlink:href", "src", "action", "formaction", "poster", "cite", "data", "manifest"}
)
SRCSET_ATTRIBUTES = frozenset({"srcset", "imagesrcset"})
META_URLS = frozenset({"og:url", "og:image", "og:audio", "og:video", "twitter:image"})
NOT_FETCHED = frozenset({"mailto", "tel"})
"""Schemes that leave the web: checked for nothing but their presence."""


@dataclass
class Reference:
    page: str
    """The referring file, relative to the site's root."""
    where: str
    """``tag[attribute]`` or ``json-ld``: where on the page the reference was found."""
    value: str


@dataclass
class Page:
    """What a link checker needs of one HTML file: its references and its anchors."""

    references: list[Reference] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)


class _PageParser(HTMLParser):
    def __init__(self, name: str) -> None:
        super().__init__(convert_charrefs=True)
        self.name = name
        self.page = Page()
        self._json_ld: str | None = None

    def _refer(self, where: str, value: str) -> None:
        self.page.references.append(Reference(self.name, where, value))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in ("id", "name") if tag in {"a", "map"} else ("id",):
            if values.get(name):
                self.page.anchors.add(values[name])
        for name, value in values.items():
            if name in URL_ATTRIBUTES:
                self._refer(f"{tag}[{name}]", value)
            elif name in SRCSET_ATTRIBUTES:
                for candidate in value.split(","):
                    if candidate.strip():
                        self._refer(f"{tag}[{name}]", candidate.split()[0])
        meta = values.get("property") or values.get("name")
        if tag == "meta" and meta in META_URLS:
            self._refer(f"meta[{meta}]", values.get("content", ""))
        if tag == "script" and values.get("type") == "application/ld+json":
            self._json_ld = ""

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._json_ld is not None:
            for value in _json_strings(json.loads(self._json_ld)):
                if value.startswith(("http://", "https://", "/")):
                    self._refer("json-ld", value)
            self._json_ld = None

    def handle_data(self, data: str) -> None:
        if self._json_ld is not None:
            self._json_ld += data


def _json_strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def _xml_addresses(path: Path) -> Iterator[tuple[str, str]]:
    """The sitemap's <loc>s; a feed's link hrefs, category schemes and author URIs."""
    for element in ET.parse(path).getroot().iter():
        for attribute in ("href", "scheme"):
            if attribute in element.attrib:
                yield f"xml[{attribute}]", element.attrib[attribute]
        tag = element.tag.rpartition("}")[2]
        if tag in {"loc", "uri"} and element.text:
            yield f"xml<{tag}>", element.text


def _json_addresses(path: Path) -> Iterator[tuple[str, str]]:
    content = path.read_bytes()
    if path.suffix == ".gz":
        content = gzip.decompress(content)
    for value in _json_strings(json.loads(content)):
        yield "json", value


def _csv_addresses(path: Path) -> Iterator[tuple[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as rows:
        for row in csv.reader(rows):
            for value in row:
                yield "csv", value


class Site:
    """A built site, its pages parsed once, and the rules for resolving a URL in it."""

    def __init__(self, root: Path, site_url: str) -> None:
        self.root = root
        self.site_url = site_url
        self.base = urlsplit(site_url)
        self._pages: dict[str, Page] = {}

    @cached_property
    def html_files(self) -> list[str]:
        return sorted(path.relative_to(self.root).as_posix() for path in self.root.rglob("*.html"))

    def page(self, name: str) -> Page:
        if name not in self._pages:
            parser = _PageParser(name)
            parser.feed((self.root / name).read_text(encoding="utf-8"))
            parser.close()
            self._pages[name] = parser.page
        return self._pages[name]

    def url_of(self, name: str) -> str:
        """The address a browser shows for the file ``name``."""
        if name == "index.html" or name.endswith("/index.html"):
            name = name.removesuffix("index.html")
        return self.site_url + name

    def is_internal(self, url: SplitResult) -> bool:
        return (url.scheme, url.netloc) == (self.base.scheme, self.base.netloc) and (
            url.path + "/"
        ).startswith(self.base.path)

    def file_for(self, url: SplitResult) -> str:
        """The file a server answers an internal ``url`` with, relative to the root."""
        relative = unquote(url.path)[len(self.base.path) :]
        if relative == "" or relative.endswith("/"):
            return relative + "index.html"
        if (self.root / relative).is_dir():
            return relative + "/index.html"
        return relative

    def problems(self) -> Iterator[str]:
        """Every broken internal reference, broken fragment and insecure external link."""
        for name in self.html_files:
            page_url = self.url_of(name)
            for reference in self.page(name).references:
                problem = self._check(page_url, reference)
                if problem:
                    yield f"{reference.page}: {reference.where}={reference.value!r}: {problem}"

    def _check(self, page_url: str, reference: Reference) -> str | None:
        value = reference.value.strip()
        if value != reference.value:
            return "the URL has surrounding whitespace"
        url = urlsplit(urljoin(page_url, value))
        if url.scheme in NOT_FETCHED:
            return None
        if url.scheme not in {"http", "https"}:
            return f"unexpected scheme {url.scheme!r}"
        if not self.is_internal(url):
            if url.netloc == self.base.netloc and url.scheme == self.base.scheme:
                return f"leaves the site's path {self.base.path!r} on its own host"
            if url.scheme != "https":
                return "an external link must use https"
            return None
        target = self.file_for(url)
        if not (self.root / target).is_file():
            return f"no such file {target!r}"
        fragment = unquote(url.fragment)
        if fragment and target.endswith(".html") and fragment not in self.page(target).anchors:
            return f"{target!r} has no element with id {fragment!r}"
        return None

    def data_references(self) -> Iterator[Reference]:
        """Every address under ``site_url`` in the sitemap, the feeds and the exports."""
        readers = {
            ".xml": _xml_addresses,
            ".json": _json_addresses,
            ".json.gz": _json_addresses,
            ".csv": _csv_addresses,
        }
        for path in sorted(self.root.rglob("*")):
            reader = readers.get("".join(path.suffixes[-2:])) or readers.get(path.suffix)
            if reader is None:
                continue
            name = path.relative_to(self.root).as_posix()
            for where, value in reader(path):
                if where.startswith("xml") or value.startswith(self.site_url):
                    yield Reference(name, where, value)

    def data_problems(self) -> Iterator[str]:
        for reference in self.data_references():
            problem = self._check(self.site_url, reference)
            if problem:
                yield f"{reference.page}: {reference.where}={reference.value!r}: {problem}"


def _report(problems: list[str]) -> str:
    return f"{len(problems)} broken references:\n" + "\n".join(problems)


@pytest.fixture(scope="module")
def site_url() -> str:
    return configured_site_url()


@pytest.fixture(scope="module")
def repo(repo_site: BuiltSite, site_url: str) -> Site:
    return Site(repo_site.root, site_url)


@pytest.fixture(scope="module")
def demo(demo_site: BuiltSite, site_url: str) -> Site:
    return Site(demo_site.root, site_url)


@pytest.fixture(params=["repo", "demo"])
def site(request: pytest.FixtureRequest) -> Site:
    built = request.getfixturevalue(request.param)
    assert isinstance(built, Site)
    return built


def test_every_reference_in_every_page_resolves(site: Site) -> None:
    problems = list(site.problems())
    assert not problems, _report(problems)


def test_every_address_in_the_sitemap_feeds_and_exports_resolves(site: Site) -> None:
    where = {(Path(ref.page).name, ref.where) for ref in site.data_references()}
    for expected in (
        ("sitemap.xml", "xml<loc>"),
        ("feed.xml", "xml[href]"),
        ("feed.xml", "xml<uri>"),
        ("letters.json.gz", "json"),
        ("members.json", "json"),
        ("letters.csv", "csv"),
    ):
        assert expected in where, expected
    problems = list(site.data_problems())
    assert not problems, _report(problems)


def test_the_checker_saw_every_kind_of_page(repo: Site, demo: Site) -> None:
    # A link checker that reads nothing finds nothing broken: make sure the
    # pages it walked include the ones most likely to be wrong.
    for site in (repo, demo):
        names = set(site.html_files)
        assert "404.html" in names
        assert {"index.html", "letters/index.html", "mps/index.html"} <= names
        assert any(name.startswith("letters/2") and name.count("/") == 3 for name in names)
        for name in names:
            assert site.page(name).references, name
        where = {ref.where for name in names for ref in site.page(name).references}
        assert {"a[href]", "link[href]", "script[src]"} <= where
    assert any("/page/" in name for name in demo.html_files)
    assert len([name for name in demo.html_files if name.startswith("mps/")]) > 10


def test_the_404_page_links_from_the_sites_root(repo: Site) -> None:
    # The 404 page is served at any depth, so its links cannot be relative.
    relative = [
        reference.value
        for reference in repo.page("404.html").references
        if not urlsplit(reference.value).scheme
        and not reference.value.startswith(("#", repo.base.path))
    ]
    assert not relative


@pytest.mark.parametrize(
    ("page", "value", "problem"),
    [
        ("about/index.html", "../data/", None),
        ("about/index.html", "../nowhere/", "no such file 'nowhere/index.html'"),
        ("about/index.html", "../data/#licence", None),
        ("about/index.html", "../data/#nothing-here", "'data/index.html' has no element"),
        ("404.html", "/dear-constituent/about/", None),
        ("404.html", "/elsewhere/", "leaves the site's path"),
        ("index.html", "http://example.org/", "must use https"),
        ("index.html", "https://example.org/", None),
        ("index.html", "mailto:someone@example.org", None),
        ("index.html", "javascript:alert(1)", "unexpected scheme"),
        ("index.html", "letters", None),
        ("index.html", "https://dear-constituent.github.io/dear-constituent/feed.xml", None),
        ("index.html", "https://dear-constituent.github.io/dear-constituent/feed.xm", "no such"),
    ],
)
def test_the_checker_tells_good_links_from_broken_ones(
    tmp_path: Path, page: str, value: str, problem: str | None
) -> None:
    root = tmp_path / "site"
    for name, text in {
        "index.html": "<p>home</p>",
        "404.html": "<p>lost</p>",
        "about/index.html": "<p>about</p>",
        "data/index.html": '<h2 id="licence">Licence</h2>',
        "letters/index.html": "<p>letters</p>",
        "feed.xml": "<feed/>",
    }.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    site = Site(root, "https://dear-constituent.github.io/dear-constituent/")
    found = site._check(site.url_of(page), Reference(page, "a[href]", value))
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found
