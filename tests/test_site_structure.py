"""The site's structure, shared texts, feeds and data files, built in memory: no MkDocs.

A small fictional archive: MPs, seats, topics and a campaign whose slugs are
not their titles' slugs, and letters made in memory.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import PurePosixPath

import pytest

from dearconstituent import urls
from dearconstituent.dates import parse_letter_date
from dearconstituent.feeds import ENTRIES, atom, site_feeds
from dearconstituent.model import Campaign, Letter, Member, Registers, Seat, Topic
from dearconstituent.publish import data_files, letter_texts
from dearconstituent.sharedsite import arrange
from dearconstituent.sharedtext import Templates, find_templates
from dearconstituent.site import PAGE_SIZE, Site, build_site, with_shared_texts
from dearconstituent.views import (
    CampaignPage,
    ConstituencyPage,
    MemberPage,
    PartiesIndex,
    PartyPage,
    SearchPage,
    SharedTextsIndex,
    SharedTextsYear,
    TopicPage,
    YearPage,
)
from tests.test_shared_text import OTHER_TEXT_SAME_TOPIC, TEMPLATE
from tests.test_shared_text import letter as shared_letter

ATOM = "{http://www.w3.org/2005/Atom}"
REGISTERS = Registers(
    members={
        "Morwenna Tregarth": Member(
            "Morwenna Tregarth",
            (
                Seat(
                    "Wexmoor and Lindenholt",
                    "Civic Party",
                    dt.date(2017, 6, 9),
                    dt.date(2019, 11, 6),
                ),
                Seat("Wexmoor and Lindenholt", "Commonwealth Party", dt.date(2019, 12, 13)),
            ),
        ),
        "Ifan Callowby": Member(
            "Ifan Callowby", (Seat("Carrowby North", "Heritage Party", dt.date(2015, 5, 8)),)
        ),
        "Tamsin Orrel": Member(
            "Tamsin Orrel", (Seat("Fenwick Vale", "Civic Party", dt.date(2015, 5, 8)),)
        ),
    },
    topics={
        "nhs": Topic("nhs", "Health and the NHS", "Hospitals, surgeries and waiting lists."),
        "transport": Topic("transport", "Roads, Rail & Buses", "Getting about."),
    },
    campaigns={
        "save-our-buses": Campaign(
            "save-our-buses", "Keep the Number 9 Running", "A fictional campaign for a bus."
        )
    },
)


def letter(
    signatory: str,
    constituency: str,
    date: str,
    name: str,
    *,
    topics: tuple[str, ...] = ("nhs",),
    campaign: str | None = None,
    body: str = "Thank you for writing to me.\n",
) -> Letter:
    return Letter(
        path=PurePosixPath(f"letters/{date[:4]}/{name}.md"),
        title=f"Reply {name}",
        date=parse_letter_date(date),
        signatory=signatory,
        constituency=constituency,
        topics=topics,
        body=body,
        body_line=9,
        campaign=campaign,
    )


LETTERS = [
    letter("Morwenna Tregarth", "Wexmoor and Lindenholt", "2019-03-14", "2019-03-14-a"),
    letter("Morwenna Tregarth", "Wexmoor and Lindenholt", "2021-05", "2021-05-b"),
    letter(
        "Ifan Callowby",
        "Carrowby North",
        "2021-06-01",
        "2021-06-01-c",
        topics=("transport", "nhs"),
        campaign="save-our-buses",
    ),
]


@pytest.fixture
def site() -> Site:
    return build_site(LETTERS, REGISTERS)


def test_every_page_of_the_archive_is_there(site: Site) -> None:
    assert set(site.pages) == {
        "letters/index.md",
        "letters/2019/index.md",
        "letters/2021/index.md",
        "mps/index.md",
        "mps/morwenna-tregarth/index.md",
        "mps/ifan-callowby/index.md",
        "mps/tamsin-orrel/index.md",
        "constituencies/index.md",
        "constituencies/wexmoor-and-lindenholt/index.md",
        "constituencies/carrowby-north/index.md",
        "constituencies/fenwick-vale/index.md",
        "topics/index.md",
        "topics/nhs/index.md",
        "topics/transport/index.md",
        "campaigns/index.md",
        "campaigns/save-our-buses/index.md",
        "parties/index.md",
        "parties/civic-party/index.md",
        "parties/commonwealth-party/index.md",
        "parties/heritage-party/index.md",
        "search/index.md",
        "shared-texts/index.md",
        "shared-texts/2021/index.md",
        "shared-texts/2019/index.md",
    }
    assert list(site.letters) == [
        "letters/2021/2021-06-01-c.md",
        "letters/2021/2021-05-b.md",
        "letters/2019/2019-03-14-a.md",
    ]


def test_each_page_has_its_kind_of_data(site: Site) -> None:
    kinds = {
        "mps/ifan-callowby/index.md": MemberPage,
        "constituencies/fenwick-vale/index.md": ConstituencyPage,
        "topics/nhs/index.md": TopicPage,
        "campaigns/save-our-buses/index.md": CampaignPage,
        "parties/index.md": PartiesIndex,
        "parties/heritage-party/index.md": PartyPage,
        "letters/2021/index.md": YearPage,
        "search/index.md": SearchPage,
        "shared-texts/index.md": SharedTextsIndex,
        "shared-texts/2019/index.md": SharedTextsYear,
    }
    for uri, kind in kinds.items():
        assert isinstance(site.pages[uri].data, kind), uri
    topic = site.pages["topics/nhs/index.md"].data
    assert isinstance(topic, TopicPage)
    assert [row.url for row in topic.rows] == [
        "letters/2021/2021-06-01-c/",
        "letters/2021/2021-05-b/",
        "letters/2019/2019-03-14-a/",
    ]
    assert topic.feed == "topics/nhs/feed.xml"


def test_a_party_page_lists_its_mps_letters_by_the_party_on_their_date(site: Site) -> None:
    pages = {
        slug: site.pages[f"parties/{slug}/index.md"].data
        for slug in ("civic-party", "commonwealth-party", "heritage-party")
    }
    rows = {
        slug: [row.url for row in data.rows]
        for slug, data in pages.items()
        if isinstance(data, PartyPage)
    }
    # Morwenna Tregarth sat for the Civic Party until 2019, then the Commonwealth Party.
    assert rows == {
        "civic-party": ["letters/2019/2019-03-14-a/"],
        "commonwealth-party": ["letters/2021/2021-05-b/"],
        "heritage-party": ["letters/2021/2021-06-01-c/"],
    }
    index = site.pages["parties/index.md"].data
    assert isinstance(index, PartiesIndex)
    assert [(row.party.title, row.letters, row.mps, row.sitting) for row in index.rows] == [
        ("Civic Party", 1, 1, 1),
        ("Commonwealth Party", 1, 1, 1),
        ("Heritage Party", 1, 1, 1),
    ]
    heritage = pages["heritage-party"]
    assert isinstance(heritage, PartyPage)
    assert [(item.link.url, item.count) for item in heritage.topics] == [
        ("topics/nhs/", 1),
        ("topics/transport/", 1),
    ]
    assert site.browse["party"] == {
        "Civic Party": "parties/civic-party/",
        "Commonwealth Party": "parties/commonwealth-party/",
        "Heritage Party": "parties/heritage-party/",
    }


def test_a_letter_view_shows_the_party_of_its_date(site: Site) -> None:
    old = site.letters["letters/2019/2019-03-14-a.md"]
    new = site.letters["letters/2021/2021-05-b.md"]
    assert (old.party, new.party) == ("Civic Party", "Commonwealth Party")
    assert old.mp.url == "mps/morwenna-tregarth/"
    assert old.constituency.url == "constituencies/wexmoor-and-lindenholt/"
    assert [topic.url for topic in site.letters["letters/2021/2021-06-01-c.md"].topics] == [
        "topics/transport/",
        "topics/nhs/",
    ]
    assert urls.repository_view(
        "https://github.com/o/r/edit/main/docs/letters/2019/2019-03-14-a.md"
    ) == ("https://github.com/o/r/blob/main/docs/letters/2019/2019-03-14-a.md")


def test_long_listings_run_over_pages() -> None:
    many = [
        letter("Tamsin Orrel", "Fenwick Vale", f"2020-{1 + n // 28:02d}-{1 + n % 28:02d}", f"x{n}")
        for n in range(2 * PAGE_SIZE + 1)
    ]
    site = build_site(many, REGISTERS)
    pages = [site.pages[urls.source(urls.page("mps/tamsin-orrel/", n))] for n in (1, 2, 3)]
    assert [page.url for page in pages] == [
        "mps/tamsin-orrel/",
        "mps/tamsin-orrel/page/2/",
        "mps/tamsin-orrel/page/3/",
    ]
    assert [page.title for page in pages] == [
        "Tamsin Orrel",
        "Tamsin Orrel (page 2 of 3)",
        "Tamsin Orrel (page 3 of 3)",
    ]
    data = [page.data for page in pages]
    assert all(isinstance(item, MemberPage) for item in data)
    assert [len(item.rows) for item in data if isinstance(item, MemberPage)] == [100, 100, 1]
    second = data[1]
    assert isinstance(second, MemberPage)
    assert (second.pagination.previous, second.pagination.next) == (
        "mps/tamsin-orrel/",
        "mps/tamsin-orrel/page/3/",
    )
    assert second.pagination.total == 2 * PAGE_SIZE + 1
    assert [link.url for link in second.pagination.pages] == [page.url for page in pages]
    # Only the first page of a listing has a feed.
    assert [page.url for page in site.followed if page.url.startswith("mps/tamsin")] == [
        "mps/tamsin-orrel/"
    ]


def test_the_browse_map_leads_each_facet_value_to_its_page(site: Site) -> None:
    """Facet values are titles and names; pages are at slugs (the search page's 404)."""
    assert site.browse["topic"] == {
        "Health and the NHS": "topics/nhs/",
        "Roads, Rail & Buses": "topics/transport/",
    }
    assert site.browse["campaign"] == {"Keep the Number 9 Running": "campaigns/save-our-buses/"}
    assert site.browse["mp"]["Ifan Callowby"] == "mps/ifan-callowby/"
    assert site.browse["year"] == {"2019": "letters/2019/", "2021": "letters/2021/"}
    search = site.pages["search/index.md"].data
    assert isinstance(search, SearchPage)
    assert search.browse == urls.BROWSE_MAP


def shared_site() -> tuple[Site, Templates]:
    letters = [
        replace(shared_letter(TEMPLATE, mp=0, date="2023-03-01"), campaign="save-our-buses"),
        replace(shared_letter(TEMPLATE, mp=1, date="2023-03-20"), campaign="save-our-buses"),
        replace(shared_letter(TEMPLATE, mp=2, date="2022-11-02"), campaign="save-our-buses"),
        replace(shared_letter(OTHER_TEXT_SAME_TOPIC, mp=0, date="2023-04-01"), campaign=None),
    ]
    members = {
        name: Member(name, (Seat(seat, "Civic Party", dt.date(2019, 12, 13)),))
        for name, seat in {(item.signatory, item.constituency) for item in letters}
    }
    registers = replace(REGISTERS, members=members)
    return build_site(letters, registers), find_templates(letters)


def test_shared_texts_are_merged_in_as_a_value() -> None:
    site, templates = shared_site()
    empty = site.pages["shared-texts/index.md"].data
    assert isinstance(empty, SharedTextsIndex) and empty.groups == 0
    merged = with_shared_texts(site, arrange(site.letters, templates))
    assert site.shared.letters == {}  # the site it was given is untouched
    overview = merged.pages["shared-texts/index.md"].data
    assert isinstance(overview, SharedTextsIndex)
    assert (overview.groups, overview.letters) == (1, 3)
    (group,) = templates.groups
    earliest = urls.letter(PurePosixPath(group.representative))
    assert group.representative.startswith("letters/2022/")
    assert overview.largest[0].url == urls.shared_text(earliest)
    year = merged.pages["shared-texts/2022/index.md"]
    assert isinstance(year.data, SharedTextsYear) and len(year.data.rows) == 1
    assert year.description.endswith("first seen in 2022: 1.")
    campaign = merged.pages["campaigns/save-our-buses/index.md"].data
    assert isinstance(campaign, CampaignPage)
    assert [(text.label, len(text.rows), text.url) for text in campaign.texts] == [
        ("Text A", 3, urls.shared_text(earliest))
    ]
    assert campaign.own_words is None
    shared = merged.shared.letters[group.representative]
    assert (shared.is_earliest, shared.others, len(shared.members)) == (True, 2, 3)


def test_feeds_follow_every_mp_topic_and_campaign(site: Site) -> None:
    feeds = {feed.path: feed for feed in site_feeds(site, "Archive")}
    assert set(feeds) == {
        "feed.xml",
        "mps/morwenna-tregarth/feed.xml",
        "mps/ifan-callowby/feed.xml",
        "mps/tamsin-orrel/feed.xml",
        "topics/nhs/feed.xml",
        "topics/transport/feed.xml",
        "campaigns/save-our-buses/feed.xml",
    }
    assert feeds["mps/tamsin-orrel/feed.xml"].letters == []
    assert feeds["topics/nhs/feed.xml"].title == "Archive: Health and the NHS"
    texts = letter_texts(site)
    xml = atom(
        feeds["campaigns/save-our-buses/feed.xml"],
        texts=texts,
        site_url="https://archive.example/",
        updated_default=dt.date(2026, 1, 1),
    )
    root = ET.fromstring(xml)
    (entry,) = root.findall(f"{ATOM}entry")
    categories = [
        (category.get("term"), category.get("label"))
        for category in entry.findall(f"{ATOM}category")
    ]
    assert categories == [("transport", "Roads, Rail & Buses"), ("nhs", "Health and the NHS")]
    assert (
        entry.findtext(f"{ATOM}id")
        == "tag:dear-constituent.github.io,2026:letters/2021/2021-06-01-c/"
    )
    assert ENTRIES == 50


def test_the_data_files(site: Site) -> None:
    files = dict(
        data_files(
            site,
            REGISTERS,
            site_name="Archive",
            site_url=None,
            texts=letter_texts(site),
        )
    )
    assert {
        urls.LETTERS_JSON,
        urls.LETTERS_SCHEMA,
        urls.LETTERS_CSV,
        urls.MEMBERS_JSON,
        urls.TOPICS_JSON,
        urls.CAMPAIGNS_JSON,
        urls.TEMPLATES_JSON,
        urls.TEMPLATES_SCHEMA,
        urls.BROWSE_MAP,
        urls.FEED,
    } <= set(files)
    # A letter's page offers its Markdown source in the repository, and its plain
    # text from the page itself: no file of its own.
    assert not [name for name in files if name.startswith("letters/20")]
    records = json.loads(gzip.decompress(files[urls.LETTERS_JSON]))
    assert records["count"] == 3
    assert [record["url"] for record in records["letters"]] == [
        "/letters/2019/2019-03-14-a/",
        "/letters/2021/2021-05-b/",
        "/letters/2021/2021-06-01-c/",
    ]
    topics = json.loads(files[urls.TOPICS_JSON])["topics"]
    assert [(topic["slug"], topic["url"], topic["letters"]) for topic in topics] == [
        ("nhs", "/topics/nhs/", 3),
        ("transport", "/topics/transport/", 1),
    ]
    assert json.loads(files[urls.BROWSE_MAP]) == site.browse
