"""The archive as data: JSON and CSV exports, the schema, Atom feeds, citations."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import jsonschema
import pytest

from dearconstituent.exports import FIELDS, letter_records
from dearconstituent.gitdates import last_changed
from dearconstituent.publish import letter_texts
from dearconstituent.sharedsite import arrange
from dearconstituent.sharedtext import find_templates
from dearconstituent.site import build_site, with_shared_texts
from dearconstituent.validate import check_archive
from tests.archive import ROOT
from tests.sitebuild import BASE, BuiltSite, mkdocs_build

pytestmark = pytest.mark.slow

ATOM = "{http://www.w3.org/2005/Atom}"
LETTER = "letters/2019/2019-09-alister-jack-mps-not-border-guards/"
SLUG = "2019-09-alister-jack-mps-not-border-guards"
EXPORTS = (
    "letters.json.gz",
    "letters.schema.json",
    "letters.csv",
    "members.json",
    "topics.json",
    "campaigns.json",
    "templates.json",
    "templates.schema.json",
    "coverage.json",
    "coverage.schema.json",
    "feed.xml",
)
FEEDS = (
    "feed.xml",
    "topics/immigration/feed.xml",
    "mps/alister-jack/feed.xml",
    "campaigns/mps-not-border-guards/feed.xml",
)


@pytest.fixture
def site(repo_site: BuiltSite) -> BuiltSite:
    return repo_site


@pytest.fixture(scope="module")
def expected() -> list[dict[str, Any]]:
    """The records, as the project's own code loads the letters."""
    report = check_archive(ROOT / "docs")
    site = build_site(report.letters, report.registers, last_updated=last_changed(ROOT / "docs"))
    site = with_shared_texts(site, arrange(site.letters, find_templates(report.letters)))
    site_url = os.environ.get("DC_SITE_URL", "https://dear-constituent.github.io/dear-constituent/")
    return letter_records(site, texts=letter_texts(site), site_url=site_url)


def test_letters_json_has_one_record_per_letter_as_loaded(
    site: BuiltSite, expected: list[dict[str, Any]]
) -> None:
    data = site.json("letters.json.gz")
    assert isinstance(data, dict)
    assert data["count"] == len(expected) == len(list((ROOT / "docs/letters").rglob("*.md")))
    assert data["letters"] == expected
    assert data["licence"]["name"] == "CC BY 4.0"


def test_letters_json_is_gzip_with_nothing_in_its_header_that_changes(site: BuiltSite) -> None:
    # RFC 1952: magic, deflate, no flags (so no file name), a zero time: the
    # same letters give the same bytes, and any gzip reader opens it.
    raw = (site.root / "letters.json.gz").read_bytes()
    assert raw[:4] == b"\x1f\x8b\x08\x00"
    assert raw[4:8] == b"\x00\x00\x00\x00"
    text = gzip.decompress(raw).decode("utf-8")
    assert json.loads(text)["count"] >= 1
    assert not (site.root / "letters.json").exists()


def test_the_data_page_names_every_download_as_it_is_published(site: BuiltSite) -> None:
    page = site.html("data/")
    for name in EXPORTS:
        assert f'href="../{name}"' in page, name
    assert ">letters.json.gz</a>" in page


def test_letters_json_validates_against_its_schema(site: BuiltSite) -> None:
    schema = site.json("letters.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    validator.validate(site.json("letters.json.gz"))
    broken = site.json("letters.json.gz")
    assert isinstance(broken, dict)
    broken["letters"][0]["date_precision"] = "year"
    assert not validator.is_valid(broken)


def test_letters_csv_parses_into_the_same_records(
    site: BuiltSite, expected: list[dict[str, Any]]
) -> None:
    raw = (site.root / "letters.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    # Every field but the text, which is in letters.json.
    assert list(rows[0]) == [name for name in FIELDS if name != "text"]
    assert [_typed(row) for row in rows] == [
        {name: value for name, value in record.items() if name != "text"} for record in expected
    ]


def _typed(row: dict[str, str]) -> dict[str, Any]:
    record: dict[str, Any] = {key: value or None for key, value in row.items()}
    record["topics"] = row["topics"].split("; ")
    record["words"] = int(row["words"])
    record["member_id"] = int(row["member_id"]) if row["member_id"] else None
    record["party"] = row["party"]
    return record


def test_the_first_letter_in_every_export(site: BuiltSite) -> None:
    data = site.json("letters.json.gz")
    assert isinstance(data, dict)
    [letter] = [item for item in data["letters"] if item["url"].endswith(LETTER)]
    assert (letter["date"], letter["date_precision"], letter["party"]) == (
        "2019-09",
        "month",
        "Conservative",
    )
    assert letter["text"].startswith("HOUSE OF COMMONS\nLONDON SW1A 0AA\n\nSeptember 2019.")
    assert letter["text"].endswith(
        "The Rt. Hon. Alister Jack MP\nDumfries and Galloway constituency."
    )
    assert "handwritten signature" not in letter["text"]
    rows = list(
        csv.DictReader(
            io.StringIO((site.root / "letters.csv").read_bytes().decode("utf-8-sig"), newline="")
        )
    )
    [row] = [row for row in rows if row["url"].endswith(LETTER)]
    assert (row["date"], row["date_precision"], row["party"], row["words"]) == (
        "2019-09",
        "month",
        "Conservative",
        str(letter["words"]),
    )
    assert "text" not in row
    for feed in FEEDS:
        entries = ET.parse(site.root / feed).getroot().findall(f"{ATOM}entry")
        [entry] = [item for item in entries if item.findtext(f"{ATOM}id", "").endswith(LETTER)]
        # The whole archive's feed has each letter in full; the others its summary.
        full = letter["text"] if feed == "feed.xml" else None
        assert entry.findtext(f"{ATOM}content") == full
        assert entry.findtext(f"{ATOM}published") == "2019-09-01T00:00:00+00:00"


@pytest.mark.parametrize("feed", FEEDS)
def test_each_feed_is_valid_atom_with_the_required_elements(site: BuiltSite, feed: str) -> None:
    root = ET.parse(site.root / feed).getroot()
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert root.findtext(f"{ATOM}{name}")
    links = {link.get("rel"): link.get("href", "") for link in root.findall(f"{ATOM}link")}
    assert links["self"].endswith(feed)
    entries = root.findall(f"{ATOM}entry")
    assert entries
    full = feed == "feed.xml"
    assert root.findtext(f"{ATOM}subtitle", "").endswith(
        "each in full." if full else "the letter in full is on its page."
    )
    for entry in entries:
        for name in ("id", "title", "updated", "published", "summary"):
            assert entry.findtext(f"{ATOM}{name}"), name
        assert (entry.find(f"{ATOM}content") is not None) == full
        assert entry.findtext(f"{ATOM}id", "").startswith("tag:dear-constituent.github.io,2026:")
        assert entry.findtext(f"{ATOM}author/{ATOM}name")
        assert entry.findall(f"{ATOM}category")
        assert entry.findtext(f"{ATOM}updated", "").endswith("+00:00")
    dates = [entry.findtext(f"{ATOM}published", "") for entry in entries]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize(
    ("page", "feed"),
    [
        ("mps/alister-jack/", "mps/alister-jack/feed.xml"),
        ("topics/immigration/", "topics/immigration/feed.xml"),
        ("campaigns/mps-not-border-guards/", "campaigns/mps-not-border-guards/feed.xml"),
        ("", "feed.xml"),
    ],
)
def test_pages_with_a_feed_announce_it_and_link_to_it(
    site: BuiltSite, page: str, feed: str
) -> None:
    elements = site.elements(page)
    alternates = [
        urljoin(BASE + page, attrs["href"])
        for tag, attrs in elements.tags
        if tag == "link" and attrs.get("type") == "application/atom+xml"
    ]
    assert BASE + feed in alternates
    assert feed in site.links(page)
    assert "Follow new letters" in site.html(page)


def test_the_letter_page_has_a_citation_and_downloads(site: BuiltSite) -> None:
    page = site.html(LETTER)
    assert (
        "Alister Jack MP, “A Response to the MP&#39;s Not Border Guards Campaign”, letter "
        "to constituents, September 2019. Dear Constituent, https://"
    ) in page
    assert "(accessed [date])" in page
    assert 'data-dc-copy="dc-citation"' in page
    # The Markdown source is the repository's file; the plain text is made by the
    # page (tests/test_browser.py); neither is a file of the site's.
    assert (
        'href="https://github.com/dear-constituent/dear-constituent/blob/main/docs/letters/'
        f'2019/{SLUG}.md"'
    ) in page
    assert f'data-dc-save-text="{SLUG}.txt"' in page
    assert not list((site.root / LETTER).glob(f"{SLUG}.*"))


def test_the_data_page_links_every_export(site: BuiltSite) -> None:
    links = site.links("data/")
    for name in EXPORTS:
        assert name in links
        assert (site.root / name).is_file()
    assert "data/" in site.links("")


def test_two_builds_give_byte_identical_exports(site: BuiltSite, tmp_path: Path) -> None:
    again = tmp_path / "site"
    result = mkdocs_build(ROOT / "mkdocs.yml", again)
    assert result.returncode == 0, result.stderr
    data_files = [
        path.relative_to(site.root)
        for path in site.files()
        if path.suffix in {".json", ".csv", ".xml", ".txt"} or path.name.endswith(".md")
    ]
    assert len(data_files) >= len(EXPORTS) + 3
    for relative in data_files:
        assert (again / relative).read_bytes() == (site.root / relative).read_bytes(), relative
