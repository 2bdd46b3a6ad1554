"""The site's structure: what each letter page shows and which pages are generated.

Everything here is plain data for templates: no HTML, no MkDocs. URLs are
site-relative with directory URLs (``mps/alister-jack/``); the template layer
makes them relative to the page that shows them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .dates import written_day
from .markup import main_text
from .model import Campaign, Letter, Member, Registers, Seat, Topic
from .sharedtext import Templates
from .slugs import slugify

if TYPE_CHECKING:
    from .sharedsite import SharedText

PAGE_SIZE = 100
CAMPAIGN_TEMPLATE = "dc/campaign.html"
"""Rows per listing page: long listings are split into pages of this many."""
LATEST = 10
"""Letters shown on the home page and per year on the letters index."""
DESCRIPTION_LIMIT = 160
FACETS = (
    ("topic", "Topic"),
    ("mp", "MP"),
    ("party", "Party"),
    ("constituency", "Constituency"),
    ("campaign", "Campaign"),
    ("year", "Year"),
)
"""Search's facets: their names are the data-pagefind-filter names on letter pages."""


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class LetterRow:
    """One compact line of a listing: date, title, MP, party, constituency."""

    url: str
    title: str
    date: str
    date_iso: str
    year: int
    mp: Link
    party: str
    constituency: Link


@dataclass(frozen=True)
class LetterView:
    """Everything a letter page shows about its letter."""

    letter: Letter
    url: str
    title: str
    date: str
    date_iso: str
    date_precision: str
    mp: Link
    party: str
    constituency: Link
    topics: tuple[Link, ...]
    campaign: Link | None
    summary: str | None
    source: str | None
    description: str
    last_updated: dt.date | None
    row: LetterRow

    @property
    def last_updated_written(self) -> str | None:
        return written_day(self.last_updated) if self.last_updated else None


@dataclass(frozen=True)
class GeneratedPage:
    """A page made at build time: where it goes, its template and its data."""

    src_uri: str
    template: str
    title: str
    description: str
    data: Mapping[str, Any]

    @property
    def url(self) -> str:
        return self.src_uri.removesuffix("index.md")


@dataclass
class Site:
    """The letters and the generated pages of one build."""

    letters: dict[str, LetterView] = field(default_factory=dict)
    """Letter views by source path, e.g. ``letters/2019/….md``."""
    pages: dict[str, GeneratedPage] = field(default_factory=dict)
    """Generated pages by source path, e.g. ``mps/alister-jack/index.md``."""
    home: Mapping[str, Any] = field(default_factory=dict)
    templates: Templates = field(default_factory=Templates)
    """The template groups among the letters (see :mod:`.sharedsite`)."""
    shared: dict[str, SharedText] = field(default_factory=dict)
    """What each letter page says about its shared text, by source path."""

    def add(self, page: GeneratedPage) -> None:
        self.pages[page.src_uri] = page


def build_site(
    letters: Sequence[Letter],
    registers: Registers,
    *,
    last_updated: Mapping[str, dt.date] | None = None,
) -> Site:
    """The whole site for ``letters`` (already valid against ``registers``)."""
    dates = last_updated or {}
    views = [
        letter_view(letter, registers, dates.get(letter.path.as_posix()))
        for letter in sorted(letters, key=Letter.sort_key, reverse=True)
    ]
    site = Site(letters={view.letter.path.as_posix(): view for view in views})
    _add_letter_listings(site, views)
    _add_members(site, views, registers)
    _add_constituencies(site, views, registers)
    _add_topics(site, views, registers)
    _add_campaigns(site, views, registers)
    site.home = _home(views, registers)
    site.add(
        GeneratedPage(
            src_uri="search/index.md",
            template="dc/search.html",
            title="Search",
            description="Search the words of every letter, and narrow by topic, MP, party, "
            "constituency, campaign and year.",
            data={"facets": [{"name": name, "label": label} for name, label in FACETS]},
        )
    )
    return site


def letter_view(letter: Letter, registers: Registers, last_updated: dt.date | None) -> LetterView:
    member = registers.members[letter.signatory]
    seat = member.seat_for(letter.constituency, letter.date)
    party = seat.party if seat else ""
    mp = Link(member.name, member_url(member))
    constituency = Link(letter.constituency, constituency_url(letter.constituency))
    url = letter.url
    row = LetterRow(
        url=url,
        title=letter.title,
        date=letter.date.as_written(),
        date_iso=letter.date.iso(),
        year=letter.date.year,
        mp=mp,
        party=party,
        constituency=constituency,
    )
    return LetterView(
        letter=letter,
        url=url,
        title=letter.title,
        date=letter.date.as_written(),
        date_iso=letter.date.iso(),
        date_precision=letter.date.precision,
        mp=mp,
        party=party,
        constituency=constituency,
        topics=tuple(_topic_link(registers.topics[slug]) for slug in letter.topics),
        campaign=_campaign_link(registers.campaigns[letter.campaign]) if letter.campaign else None,
        summary=letter.summary,
        source=letter.source,
        description=describe_letter(letter, party),
        last_updated=last_updated,
        row=row,
    )


def describe_letter(letter: Letter, party: str) -> str:
    """A meta description: the summary, or who wrote when and the letter's first words."""
    if letter.summary:
        return _clip(" ".join(letter.summary.split()))
    who = f"{letter.signatory} ({party}, {letter.constituency}), {letter.date.as_written()}: "
    return _clip(who + " ".join(main_text(letter.body).split()))


def letter_jsonld(view: LetterView, *, url: str | None, site_name: str) -> dict[str, Any]:
    """schema.org data for a letter: a Message sent by the MP, a Person with a seat."""
    sender: dict[str, Any] = {
        "@type": "Person",
        "name": view.mp.title,
        "jobTitle": f"Member of Parliament for {view.constituency.title}",
    }
    if view.party:
        sender["affiliation"] = {"@type": "Organization", "name": view.party}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Message",
        "name": view.title,
        "headline": view.title,
        "description": view.description,
        "dateSent": view.date_iso,
        "datePublished": view.date_iso,
        "sender": sender,
        "author": sender,
        "about": [{"@type": "Thing", "name": topic.title} for topic in view.topics],
        "inLanguage": "en-GB",
        "isPartOf": {"@type": "WebSite", "name": site_name},
    }
    if view.last_updated:
        data["dateModified"] = view.last_updated.isoformat()
    if url:
        data["url"] = url
        data["mainEntityOfPage"] = url
    return data


def member_url(member: Member) -> str:
    return f"mps/{member.slug}/"


def constituency_url(name: str) -> str:
    return f"constituencies/{slugify(name)}/"


def _topic_link(topic: Topic) -> Link:
    return Link(topic.title, f"topics/{topic.slug}/")


def _campaign_link(campaign: Campaign) -> Link:
    return Link(campaign.title, f"campaigns/{campaign.slug}/")


# ---------------------------------------------------------------------------
# Listings


def paginate(
    site: Site,
    base: str,
    rows: Sequence[Any],
    *,
    template: str,
    title: str,
    description: str,
    data: Mapping[str, Any],
) -> None:
    """Add ``base`` (``topics/housing/``) and, past PAGE_SIZE rows, ``base/page/N/``."""
    chunks = [rows[start : start + PAGE_SIZE] for start in range(0, len(rows), PAGE_SIZE)] or [[]]
    urls = [base] + [f"{base}page/{number}/" for number in range(2, len(chunks) + 1)]
    for number, (chunk, url) in enumerate(zip(chunks, urls, strict=True), start=1):
        pagination = {
            "number": number,
            "count": len(chunks),
            "total": len(rows),
            "previous": urls[number - 2] if number > 1 else None,
            "next": urls[number] if number < len(chunks) else None,
            "pages": [{"number": n, "url": u} for n, u in enumerate(urls, start=1)],
        }
        page_title = title if number == 1 else f"{title} (page {number} of {len(chunks)})"
        site.add(
            GeneratedPage(
                src_uri=f"{url}index.md",
                template=template,
                title=page_title,
                description=description,
                data={**data, "rows": list(chunk), "pagination": pagination},
            )
        )


def _rows(views: Iterable[LetterView]) -> list[LetterRow]:
    return [view.row for view in views]


def _add_letter_listings(site: Site, views: list[LetterView]) -> None:
    by_year = _group(views, lambda view: view.letter.date.year)
    years = [
        {
            "year": year,
            "url": f"letters/{year}/",
            "count": len(items),
            "rows": _rows(items[:LATEST]),
        }
        for year, items in sorted(by_year.items(), reverse=True)
    ]
    site.add(
        GeneratedPage(
            src_uri="letters/index.md",
            template="dc/letters.html",
            title="Letters",
            description=f"All {len(views)} letters in the archive, newest first, by year.",
            data={"years": years, "total": len(views)},
        )
    )
    for year, items in by_year.items():
        paginate(
            site,
            f"letters/{year}/",
            _rows(items),
            template="dc/year.html",
            title=f"Letters from {year}",
            description=f"The {len(items)} letters dated {year}, newest first.",
            data={"year": year, "all_years": [entry["year"] for entry in years]},
        )


def _add_members(site: Site, views: list[LetterView], registers: Registers) -> None:
    by_member = _group(views, lambda view: view.letter.signatory)
    entries = []
    for member in sorted(registers.members.values(), key=_surname_key):
        letters = by_member.get(member.name, [])
        latest = member.seats[-1]
        entries.append(
            {
                "mp": Link(member.name, member_url(member)),
                "party": latest.party,
                "constituency": Link(latest.constituency, constituency_url(latest.constituency)),
                "serving": latest.end is None,
                "count": len(letters),
            }
        )
        seats = [_seat_entry(seat) for seat in reversed(member.seats)]
        paginate(
            site,
            member_url(member),
            _rows(letters),
            template="dc/mp.html",
            title=member.name,
            description=f"Letters from {member.name}, MP for {latest.constituency} "
            f"({latest.party}): {_count(len(letters), 'letter')} in the archive.",
            data={"member": member, "seats": seats, "feed": f"{member_url(member)}feed.xml"},
        )
    site.add(
        GeneratedPage(
            src_uri="mps/index.md",
            template="dc/mps.html",
            title="MPs",
            description=f"The {len(entries)} MPs whose letters are in the archive.",
            data={"rows": entries},
        )
    )


def _add_constituencies(site: Site, views: list[LetterView], registers: Registers) -> None:
    by_seat = _group(views, lambda view: view.letter.constituency)
    holders: dict[str, list[tuple[Member, Seat]]] = {}
    for member in registers.members.values():
        for seat in member.seats:
            holders.setdefault(seat.constituency, []).append((member, seat))
    entries = []
    for name in sorted(holders):
        terms = sorted(holders[name], key=lambda pair: pair[1].start, reverse=True)
        letters = by_seat.get(name, [])
        entries.append(
            {
                "constituency": Link(name, constituency_url(name)),
                "mp": Link(terms[0][0].name, member_url(terms[0][0])),
                "party": terms[0][1].party,
                "count": len(letters),
            }
        )
        paginate(
            site,
            constituency_url(name),
            _rows(letters),
            template="dc/constituency.html",
            title=name,
            description=f"Letters from the MPs for {name}: "
            f"{_count(len(letters), 'letter')} in the archive.",
            data={
                "name": name,
                "holders": [
                    {"mp": Link(member.name, member_url(member)), **_seat_entry(seat)}
                    for member, seat in terms
                ],
            },
        )
    site.add(
        GeneratedPage(
            src_uri="constituencies/index.md",
            template="dc/constituencies.html",
            title="Constituencies",
            description=f"The {len(entries)} constituencies whose MPs' letters are in the archive.",
            data={"rows": entries},
        )
    )


def _add_topics(site: Site, views: list[LetterView], registers: Registers) -> None:
    by_topic: dict[str, list[LetterView]] = {}
    for view in views:
        for slug in view.letter.topics:
            by_topic.setdefault(slug, []).append(view)
    entries = []
    for topic in sorted(registers.topics.values(), key=lambda topic: topic.title.casefold()):
        letters = by_topic.get(topic.slug, [])
        link = _topic_link(topic)
        entries.append({"topic": link, "description": topic.description, "count": len(letters)})
        paginate(
            site,
            link.url,
            _rows(letters),
            template="dc/topic.html",
            title=topic.title,
            description=topic.description,
            data={"topic": topic, "feed": f"{link.url}feed.xml"},
        )
    site.add(
        GeneratedPage(
            src_uri="topics/index.md",
            template="dc/topics.html",
            title="Topics",
            description="Every topic in the archive, with how many letters each has.",
            data={"rows": entries},
        )
    )


def _add_campaigns(site: Site, views: list[LetterView], registers: Registers) -> None:
    by_campaign = _group(views, lambda view: view.letter.campaign or "")
    entries = []
    for campaign in sorted(
        registers.campaigns.values(), key=lambda campaign: campaign.title.casefold()
    ):
        letters = by_campaign.get(campaign.slug, [])
        link = _campaign_link(campaign)
        entries.append(
            {
                "campaign": link,
                "description": campaign.description,
                "started": _written_day(campaign.started),
                "count": len(letters),
                "mps": len({view.letter.signatory for view in letters}),
            }
        )
        paginate(
            site,
            link.url,
            _rows(letters),
            template=CAMPAIGN_TEMPLATE,
            title=campaign.title,
            description=campaign.description,
            data={
                "campaign": campaign,
                "started": _written_day(campaign.started),
                "mps": len({view.letter.signatory for view in letters}),
                "feed": f"{link.url}feed.xml",
            },
        )
    site.add(
        GeneratedPage(
            src_uri="campaigns/index.md",
            template="dc/campaigns.html",
            title="Campaigns",
            description="Campaigns that asked people to write to their MP, and the replies.",
            data={"rows": entries},
        )
    )


def _home(views: list[LetterView], registers: Registers) -> dict[str, Any]:
    constituencies = {
        seat.constituency for member in registers.members.values() for seat in member.seats
    }
    return {
        "counts": {
            "letters": len(views),
            "mps": len(registers.members),
            "constituencies": len(constituencies),
            "topics": len(registers.topics),
            "campaigns": len(registers.campaigns),
        },
        "latest": _rows(views[:LATEST]),
        "topics": [
            _topic_link(topic)
            for topic in sorted(registers.topics.values(), key=lambda topic: topic.title.casefold())
        ],
        "campaigns": [
            _campaign_link(campaign)
            for campaign in sorted(registers.campaigns.values(), key=lambda c: c.title.casefold())
        ],
    }


# ---------------------------------------------------------------------------
# Helpers


def _group(
    views: Iterable[LetterView], key: Callable[[LetterView], Any]
) -> dict[Any, list[LetterView]]:
    groups: dict[Any, list[LetterView]] = {}
    for view in views:
        groups.setdefault(key(view), []).append(view)
    return groups


def _seat_entry(seat: Seat) -> dict[str, Any]:
    return {
        "constituency": Link(seat.constituency, constituency_url(seat.constituency)),
        "party": seat.party,
        "start": _written_day(seat.start),
        "end": _written_day(seat.end),
        "start_iso": seat.start.isoformat(),
    }


def _written_day(day: dt.date | None) -> str | None:
    return written_day(day) if day else None


def _surname_key(member: Member) -> tuple[str, str]:
    return (member.name.split()[-1].casefold(), member.name.casefold())


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _clip(text: str) -> str:
    if len(text) <= DESCRIPTION_LIMIT:
        return text
    cut = text[: DESCRIPTION_LIMIT - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"
