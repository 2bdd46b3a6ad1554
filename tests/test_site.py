"""The built site: letter pages, generated pages, links both ways, search, sharing."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from dearconstituent.layout import SOURCE_DIRS, TRANSCRIPTS_DIR
from tests.archive import ROOT
from tests.sitebuild import BuiltSite

pytestmark = pytest.mark.slow

LETTER = "letters/2019/2019-09-alister-jack-mps-not-border-guards/"
MP = "mps/alister-jack/"
SEAT = "constituencies/dumfries-and-galloway-2005/"
"""The letter's seat: Dumfries and Galloway within its 2005–2024 boundaries (the seat
of that name since 2024 has the plain address)."""
TOPIC = "topics/immigration/"
CAMPAIGN = "campaigns/mps-not-border-guards/"


@pytest.fixture
def site(repo_site: BuiltSite) -> BuiltSite:
    return repo_site


def test_the_letter_page_shows_all_its_metadata(site: BuiltSite) -> None:
    page = site.html(LETTER)
    panel = page[page.index('class="dc-letter-meta"') : page.index('class="dc-letter-paper"')]
    for text in (
        "Alister Jack",
        "Conservative",
        "Dumfries and Galloway",
        "September 2019",
        "Immigration",
        "MPs Not Border Guards",
        "Paper letter, signed by hand",
    ):
        assert text in panel
    assert "A Response to the MP&#39;s Not Border Guards Campaign" in page


def test_the_letter_links_to_its_mp_seat_topic_and_campaign(site: BuiltSite) -> None:
    assert {MP, SEAT, TOPIC, CAMPAIGN} <= site.links(LETTER)


@pytest.mark.parametrize("url", [MP, SEAT, TOPIC, CAMPAIGN, "letters/", "letters/2019/", ""])
def test_every_page_about_the_letter_links_back_to_it(site: BuiltSite, url: str) -> None:
    assert LETTER in site.links(url)


def test_the_body_is_verbatim_with_the_note_marked_as_editorial(site: BuiltSite) -> None:
    page = site.html(LETTER)
    paper = page[page.index('class="dc-letter-paper"') :]
    assert "profoundly affect peoples&#39; lives" in paper
    assert "MP&#39;s Not Border Guards Campaign" in paper
    note = re.search(r'<aside class="transcriber-note"[^>]*>(.*?)</aside>', paper, re.S)
    assert note is not None
    assert "Transcriber&#39;s note (editorial, not part of the letter)" in note.group(1) or (
        "Transcriber's note (editorial, not part of the letter)" in note.group(1)
    )
    assert "appearing to read &#39;Alister Jack&#39;" in note.group(1)
    assert '<div class="letter-part letter-letterhead">' in paper
    assert "HOUSE OF COMMONS<br>\nLONDON SW1A 0AA" in paper
    sign_off = paper[paper.index('<div class="letter-part letter-sign-off">') :]
    assert sign_off.index("Yours sincerely,") < sign_off.index("<aside")
    assert sign_off.index("</aside>") < sign_off.index("The Rt. Hon. Alister Jack MP<br>")


def test_the_mp_page_lists_seats_with_party_and_dates(site: BuiltSite) -> None:
    page = site.html(MP)
    assert "Dumfries and Galloway" in page
    assert "Conservative" in page
    assert "9 June 2017" in page
    assert "6 November 2019" in page
    assert "13 December 2019" in page


def test_the_campaign_page_shows_organisers_and_start(site: BuiltSite) -> None:
    page = site.html(CAMPAIGN)
    assert "Global Justice Now, Migrants Organise" in page
    assert "19 June 2018" in page


def test_letters_are_not_in_the_navigation(site: BuiltSite) -> None:
    nav_links = [
        attrs.get("href", "")
        for tag, attrs in site.elements("").tags
        if tag == "a" and "md-nav__link" in attrs.get("class", "")
    ]
    assert nav_links
    assert not any("2019-09-alister-jack" in href for href in nav_links)


def test_search_indexes_the_letter_with_its_facets_and_fields(site: BuiltSite) -> None:
    page = site.html(LETTER)
    panel = page[page.index('class="dc-letter-meta"') : page.index('class="dc-letter-paper"')]
    for facet, value in (
        ("mp", "Alister Jack"),
        ("party", "Conservative"),
        ("constituency", "Dumfries and Galloway"),
        ("topic", "Immigration"),
        ("campaign", "MPs Not Border Guards"),
        ("year", "2019"),
    ):
        assert re.search(rf'data-pagefind-filter="{facet}"[^>]*>{value}<', panel), facet
    for field in ("mp", "party", "constituency", "date"):
        assert f'data-pagefind-meta="{field}"' in panel
    assert 'data-pagefind-sort="date[datetime]"' in panel
    entry = site.json("pagefind/pagefind-entry.json")
    assert entry["version"] == "1.5.2"
    # The letter and the site's own pages: About, Privacy, Corrections, Add a letter, Data.
    assert entry["languages"]["en-gb"]["page_count"] == 6
    assert not (site.root / "search" / "search_index.json").exists()
    assert not list(site.root.parent.glob(".dc-search-*"))


def test_sharing_metadata_is_present(site: BuiltSite) -> None:
    elements = site.elements(LETTER)
    metas = {
        attrs.get("property") or attrs.get("name"): attrs.get("content", "")
        for tag, attrs in elements.tags
        if tag == "meta"
    }
    assert metas["description"].startswith("Alister Jack (Conservative, Dumfries and Galloway)")
    assert metas["og:type"] == "article"
    assert metas["og:url"].endswith(LETTER)
    canonical = [
        attrs["href"]
        for tag, attrs in elements.tags
        if tag == "link" and attrs.get("rel") == "canonical"
    ]
    assert canonical and canonical[0].endswith(LETTER)
    [data] = [json.loads(script) for script in elements.scripts if '"@context"' in script]
    assert data["@type"] == "Message"
    assert data["dateSent"] == "2019-09"
    assert data["sender"]["name"] == "Alister Jack"
    assert data["sender"]["jobTitle"] == "Member of Parliament for Dumfries and Galloway"
    assert data["sender"]["affiliation"]["name"] == "Conservative"
    assert data["about"] == [{"@type": "Thing", "name": "Immigration"}]


def test_the_sitemap_lists_letters_and_generated_pages(site: BuiltSite) -> None:
    sitemap = (site.root / "sitemap.xml").read_text(encoding="utf-8")
    for url in (LETTER, MP, SEAT, TOPIC, CAMPAIGN, "letters/2019/"):
        assert f"{url}</loc>" in sitemap


def test_every_letter_has_an_edit_link_and_a_permalink(site: BuiltSite) -> None:
    elements = site.elements(LETTER)
    hrefs = {attrs.get("href", "") for tag, attrs in elements.tags if tag == "a"}
    assert any(
        href.endswith("/edit/main/docs/letters/2019/2019-09-alister-jack-mps-not-border-guards.md")
        for href in hrefs
    )
    assert any(attrs.get("rel") == "bookmark" for tag, attrs in elements.tags if tag == "a")


def test_last_updated_comes_from_git_not_the_clock(site: BuiltSite) -> None:
    page = site.html(LETTER)
    match = re.search(r'<dt>Last updated</dt><dd><time datetime="(\d{4}-\d{2}-\d{2})">', page)
    assert match is not None
    git_date = subprocess.run(
        [
            "git",
            "log",
            "-1",
            "--format=%cs",
            "--",
            "docs/letters/2019/2019-09-alister-jack-mps-not-border-guards.md",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    ).stdout.strip()
    assert match.group(1) == git_date


def test_no_page_loads_anything_from_another_site(site: BuiltSite) -> None:
    for path in site.files():
        if path.suffix != ".html":
            continue
        parser = BuiltSite(site.root)
        elements = parser.elements(str(path.relative_to(site.root)))
        for tag, attrs in elements.tags:
            source = (
                attrs.get("src")
                if tag in {"script", "img", "iframe"}
                else (
                    attrs.get("href") if tag == "link" and attrs.get("rel") != "canonical" else None
                )
            )
            assert not source or not re.match(r"(https?:)?//", source), (path, tag, source)


def test_a_letter_page_is_small(site: BuiltSite) -> None:
    size = len((site.root / LETTER / "index.html").read_bytes())
    assert size < 60_000


def test_the_contributing_guide_is_published_as_add_a_letter(site: BuiltSite) -> None:
    page = site.html("add-a-letter/")
    for text in (
        "With only a browser",
        "Create new file",
        "Create pull request",
        "What the check messages mean",
        "import_letter.py",
    ):
        assert text in page
    assert "add-a-letter/" in site.links("")
    assert "add-a-letter/" in site.links("about/")


def test_the_archive_sources_are_not_published(site: BuiltSite) -> None:
    """Registers and transcripts are read by the build, never copied into the site."""
    published = {path.relative_to(site.root).parts[0] for path in site.files()}
    assert published.isdisjoint(SOURCE_DIRS)
    assert (ROOT / "docs" / TRANSCRIPTS_DIR).is_dir()
    assert not any(path.suffix == ".yml" for path in site.files())


def test_every_sitting_mp_and_every_current_seat_has_a_page(site: BuiltSite) -> None:
    """650 sitting MPs and 650 seats today, with or without letters, and the former
    MP and seat of the one letter; no other former MP or seat."""
    mps = [path for path in (site.root / "mps").iterdir() if path.is_dir()]
    seats = [path for path in (site.root / "constituencies").iterdir() if path.is_dir()]
    assert len(mps) == 650 + 1
    assert len(seats) == 650 + 1
    page = site.html("mps/keir-starmer/")
    assert "No letters from Keir Starmer have been published yet." in page
    assert 'href="https://members.parliament.uk/member/4514/career"' in page
    assert "Open Parliament Licence v3.0" in page
    current = site.html("constituencies/dumfries-and-galloway/")
    assert "Dumfriesshire, Clydesdale and Tweeddale</a> (2.0%)" in current or (
        "Dumfriesshire, Clydesdale and Tweeddale (2.0%)" in current
    )
    assert "constituencies/dumfries-and-galloway-2005/" in site.links(
        "constituencies/dumfries-and-galloway/"
    )


def test_the_lists_work_without_javascript(site: BuiltSite) -> None:
    """The filter box is hidden until the script shows it: without it, the whole list."""
    page = site.html("mps/")
    assert '<div class="dc-filter" data-dc-filter="dc-mps" hidden>' in page
    assert page.count("<tr>") > 650
