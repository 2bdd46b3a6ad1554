"""What pages show: plain, typed data for the templates, with no HTML and no MkDocs.

A letter page shows a :class:`LetterView`; every generated page (a listing,
an index, the search page) is a :class:`GeneratedPage` whose ``data`` is one
of the page data classes below, so that each template's data has a declared
shape. Addresses come from :mod:`.urls`; the template layer makes them
relative to the page that shows them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from . import urls
from .charts import Chart
from .coverage import Coverage, PartyCoverage
from .dates import written_day
from .issueform import Form
from .markup import main_text
from .model import Campaign, Constituency, Letter, Member, Registers, Topic

DESCRIPTION_LIMIT = 160


@dataclass(frozen=True)
class Link:
    """A name and its page; ``url`` is empty for a name with no page (a former MP with
    no letter, say), which templates show as text."""

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
    """Everything a letter page shows about its letter.

    The letter's own fields are read from ``letter`` (``view.letter.source``);
    the view adds what the archive works out: links, the party at the date,
    the date as written, a description, the downloads.
    """

    letter: Letter
    url: str
    date: str
    date_iso: str
    date_precision: str
    day: dt.date
    """The day it counts for in figures (for a letter dated by its month, the first
    day of it its MP held the seat)."""
    mp: Link
    member_id: int | None
    party: str
    """The MP's party on the letter's date."""
    constituency: Link
    topics: tuple[Link, ...]
    campaign: Link | None
    description: str
    last_updated: dt.date | None
    row: LetterRow

    @property
    def title(self) -> str:
        return self.letter.title

    @property
    def summary(self) -> str | None:
        return self.letter.summary

    @property
    def source(self) -> str | None:
        return self.letter.source

    @property
    def party_url(self) -> str:
        """The party's page, or empty for a letter with no party."""
        return urls.party(self.party) if self.party else ""

    @property
    def last_updated_written(self) -> str | None:
        return written_day(self.last_updated) if self.last_updated else None

    @property
    def redacted_written(self) -> str | None:
        """The day a part was removed from the published letter, as a reader reads it."""
        return written_day(self.letter.redacted) if self.letter.redacted else None


def letter_view(letter: Letter, registers: Registers, last_updated: dt.date | None) -> LetterView:
    member = registers.members[letter.signatory]
    seat = member.seat_for(letter.constituency, letter.date)
    day = member.day_of(letter.constituency, letter.date)
    party = member.party_on(seat, day) if seat else ""
    mp = member_link(member)
    constituency = constituency_link(seat_of(registers, letter.constituency, day))
    url = urls.letter(letter.path)
    return LetterView(
        letter=letter,
        url=url,
        date=letter.date.as_written(),
        date_iso=letter.date.iso(),
        date_precision=letter.date.precision,
        day=day,
        mp=mp,
        member_id=member.id,
        party=party,
        constituency=constituency,
        topics=tuple(topic_link(registers.topics[slug]) for slug in letter.topics),
        campaign=campaign_link(registers.campaigns[letter.campaign]) if letter.campaign else None,
        description=describe_letter(letter, party),
        last_updated=last_updated,
        row=LetterRow(
            url=url,
            title=letter.title,
            date=letter.date.as_written(),
            date_iso=letter.date.iso(),
            year=letter.date.year,
            mp=mp,
            party=party,
            constituency=constituency,
        ),
    )


def member_link(member: Member, *, page: bool = True) -> Link:
    return Link(member.name, urls.member(member.name) if page else "")


def constituency_link(constituency: Constituency, *, page: bool = True) -> Link:
    return Link(constituency.name, urls.constituency(constituency.slug) if page else "")


def seat_of(registers: Registers, name: str, day: dt.date) -> Constituency:
    """The constituency called ``name`` on ``day`` (a valid letter's always exists)."""
    found = registers.constituency(name, day)
    if found is None:
        raise KeyError(f"no constituency called {name!r} on {day}")
    return found


def topic_link(topic: Topic) -> Link:
    return Link(topic.title, urls.topic(topic.slug))


def campaign_link(campaign: Campaign) -> Link:
    return Link(campaign.title, urls.campaign(campaign.slug))


def describe_letter(letter: Letter, party: str) -> str:
    """A meta description: the summary, or who wrote when and the letter's first words."""
    if letter.summary:
        return _clip(" ".join(letter.summary.split()))
    who = f"{letter.signatory} ({party}, {letter.constituency}), {letter.date.as_written()}: "
    return _clip(who + " ".join(main_text(letter.body).split()))


def letter_jsonld(view: LetterView, *, url: str | None) -> dict[str, Any]:
    """schema.org data for a letter: a Message sent by the MP, a Person with a seat.

    Only what the page's other tags do not say already: its description,
    language and site name are in the head's meta tags, once.
    """
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
        "headline": view.title,
        "dateSent": view.date_iso,
        "sender": sender,
        "about": [{"@type": "Thing", "name": topic.title} for topic in view.topics],
    }
    if view.last_updated:
        data["dateModified"] = view.last_updated.isoformat()
    if url:
        data["mainEntityOfPage"] = url
    return data


def _clip(text: str) -> str:
    if len(text) <= DESCRIPTION_LIMIT:
        return text
    cut = text[: DESCRIPTION_LIMIT - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


# ---------------------------------------------------------------------------
# Listings


@dataclass(frozen=True)
class PageLink:
    number: int
    url: str


@dataclass(frozen=True)
class Pagination:
    """Where a page of a long listing stands among its pages."""

    number: int
    count: int
    total: int
    """Rows in the whole listing."""
    previous: str | None
    next: str | None
    pages: tuple[PageLink, ...]


NO_PAGINATION = Pagination(1, 1, 0, None, None, ())


@dataclass(frozen=True)
class SeatTerm:
    """One term in a seat: an MP's seat (``mp`` None) or a constituency's MP."""

    constituency: Link
    party: str
    start: str
    end: str | None
    start_iso: str
    mp: Link | None = None


# ---------------------------------------------------------------------------
# Shared texts


@dataclass(frozen=True)
class PartyCount:
    party: str
    mps: int


@dataclass(frozen=True)
class SharedMember:
    """A letter of a group, as the earliest copy's page lists it."""

    row: LetterRow
    overlap: int
    """Per cent of its own text that another letter of the group also has."""
    uses: int
    """Per cent of the text's sentences it has."""
    same_text: bool
    """Sent from the same text, rather than using part of it."""


@dataclass(frozen=True)
class SharedText:
    """What a letter page says about the text it shares with other letters."""

    id: str
    url: str
    """The group: the shared-text section of its earliest letter's page."""
    size: int
    others: int
    """Letters in the group besides this one."""
    mps: int
    """MPs who sent those other letters (this letter's MP too, if they sent it again)."""
    parties: tuple[PartyCount, ...]
    """Those MPs' parties on their letters' dates, most MPs first."""
    overlap: int
    """Per cent of this letter's own text that another letter of the group has."""
    uses: int
    """Per cent of the text's sentences this letter has."""
    same_text: bool
    """Sent from the same text (most of it is the text), rather than using part of it."""
    earliest: LetterRow
    """The earliest known copy of the text."""
    latest: LetterRow
    is_earliest: bool
    shown: tuple[LetterRow, ...]
    """Up to OTHERS_SHOWN other letters, earliest first."""
    members: tuple[SharedMember, ...]
    """Every letter of the group, for the earliest copy's page; empty on the others."""
    campaigns: tuple[Link, ...]
    additions: tuple[str, ...]
    omissions: tuple[str, ...]


@dataclass(frozen=True)
class TextEntry:
    """A shared text as the shared-text pages list it."""

    url: str
    id: str
    year: int
    earliest: LetterRow
    latest: LetterRow
    size: int
    mps: int
    parties: tuple[PartyCount, ...]
    campaigns: tuple[Link, ...]


@dataclass(frozen=True)
class CampaignText:
    """One text among a campaign's replies, or (``url`` None) the replies in MPs' own words."""

    label: str
    url: str | None
    rows: tuple[LetterRow, ...]
    parts: frozenset[str] = frozenset()
    """The addresses of the replies that use only part of the text."""

    @property
    def mps(self) -> int:
        return len({row.mp.title for row in self.rows})


# ---------------------------------------------------------------------------
# Coverage


@dataclass(frozen=True)
class CoverageFigures:
    """Coverage as a page shows it: the figures, their chart (when they are shown) and
    the day the archive's letters run to."""

    coverage: Coverage
    as_of: str
    chart: Chart | None
    party: PartyCoverage | None = None
    """On a party's page, that party's figures, which it shows alone."""


@dataclass(frozen=True)
class CampaignReply:
    """A campaign that ran while an MP sat, and their reply if one is published."""

    campaign: Link
    reply: Link | None


@dataclass(frozen=True)
class Counted:
    link: Link
    count: int


# ---------------------------------------------------------------------------
# Page data: one class per kind of generated page


@dataclass(frozen=True)
class YearEntry:
    year: int
    url: str
    count: int
    rows: tuple[LetterRow, ...]


@dataclass(frozen=True)
class LettersIndex:
    years: tuple[YearEntry, ...]
    total: int


@dataclass(frozen=True)
class YearPage:
    year: int
    all_years: tuple[int, ...]
    rows: tuple[LetterRow, ...] = ()
    pagination: Pagination = NO_PAGINATION


@dataclass(frozen=True)
class MemberEntry:
    mp: Link
    party: str
    constituency: Link
    serving: bool
    count: int


@dataclass(frozen=True)
class MembersIndex:
    rows: tuple[MemberEntry, ...]


@dataclass(frozen=True)
class MemberPage:
    member: Member
    seats: tuple[SeatTerm, ...]
    feed: str
    party: str
    """The member's party at the end of their latest term (or today, when sitting)."""
    parliament: str
    """The member's page on Parliament's website, or empty when not known."""
    chart: Chart | None = None
    campaigns: tuple[CampaignReply, ...] = ()
    """The campaigns with letters dated while they sat, latest first."""
    rows: tuple[LetterRow, ...] = ()
    pagination: Pagination = NO_PAGINATION


@dataclass(frozen=True)
class ConstituencyEntry:
    constituency: Link
    mp: Link
    party: str
    count: int
    until: str | None = None
    """For a seat abolished or redrawn, the day its boundaries ended."""


@dataclass(frozen=True)
class ConstituenciesIndex:
    rows: tuple[ConstituencyEntry, ...]


@dataclass(frozen=True)
class Tenure:
    """An MP's years in a seat, for one party, their consecutive terms run together."""

    mp: Link
    party: str
    years: str
    """"2010–2024"."""


@dataclass(frozen=True)
class Predecessor:
    """A seat a constituency was formed from: the share of its area it gave, and its MPs."""

    constituency: Link
    share: str
    """Per cent of the new seat's area, as shown: "92.8%", or "under 0.1%"."""
    holders: tuple[Tenure, ...]
    """Latest first."""


@dataclass(frozen=True)
class ConstituencyPage:
    name: str
    holders: tuple[SeatTerm, ...]
    start: str | None = None
    """When its boundaries came in, when they are known."""
    end: str | None = None
    predecessors: tuple[Predecessor, ...] = ()
    successors: tuple[Link, ...] = ()
    """For a seat whose boundaries ended: the seats formed from it."""
    rows: tuple[LetterRow, ...] = ()
    pagination: Pagination = NO_PAGINATION


@dataclass(frozen=True)
class TopicEntry:
    topic: Link
    description: str
    count: int


@dataclass(frozen=True)
class TopicsIndex:
    rows: tuple[TopicEntry, ...]


@dataclass(frozen=True)
class TopicPage:
    topic: Topic
    feed: str
    coverage: CoverageFigures | None = None
    chart: Chart | None = None
    rows: tuple[LetterRow, ...] = ()
    pagination: Pagination = NO_PAGINATION


@dataclass(frozen=True)
class CampaignEntry:
    campaign: Link
    description: str
    started: str | None
    count: int
    mps: int


@dataclass(frozen=True)
class CampaignsIndex:
    rows: tuple[CampaignEntry, ...]


@dataclass(frozen=True)
class CampaignPage:
    campaign: Campaign
    started: str | None
    mps: int
    feed: str
    coverage: CoverageFigures | None = None
    rows: tuple[LetterRow, ...] = ()
    pagination: Pagination = NO_PAGINATION
    texts: tuple[CampaignText, ...] = ()
    """The replies by the text they were sent from (on the first page only)."""
    own_words: CampaignText | None = None
    texts_chart: Chart | None = None


@dataclass(frozen=True)
class PartyEntry:
    party: Link
    letters: int
    """Letters signed by its MPs, the party counted on each letter's date."""
    mps: int
    """MPs who signed those letters."""
    sitting: int
    """MPs of the party sitting now."""


@dataclass(frozen=True)
class PartiesIndex:
    rows: tuple[PartyEntry, ...]


@dataclass(frozen=True)
class PartyPage:
    party: str
    coverage: CoverageFigures
    topics: tuple[Counted, ...]
    campaigns: tuple[Counted, ...]
    chart: Chart | None = None
    rows: tuple[LetterRow, ...] = ()
    pagination: Pagination = NO_PAGINATION


@dataclass(frozen=True)
class PreparePage:
    data: str
    """The rules and register the page's script checks with (urls.PREPARE_DATA)."""
    issue_url: str
    form: Form
    """The issue form the page fills in."""


@dataclass(frozen=True)
class Facet:
    name: str
    label: str


@dataclass(frozen=True)
class SearchPage:
    facets: tuple[Facet, ...]
    browse: str
    """The map from each facet value to the page that lists everything with it."""


@dataclass(frozen=True)
class WithdrawnPage:
    """The notice left at a withdrawn letter's address."""

    withdrawn: str
    """The day, as a reader reads it: "30 November 2026"."""
    withdrawn_iso: str
    reason: str
    """Why, as the notice words it (:data:`dearconstituent.withdrawals.REASONS`)."""
    note: str | None
    corrections: str
    """The Corrections page, which says how withdrawals are made and counts them."""


@dataclass(frozen=True)
class CorrectionCount:
    """How many letters were withdrawn in a year for one reason, or redacted."""

    year: int
    what: str
    """"Withdrawn: <the reason, as the notices word it>", or "Redacted: …"."""
    count: int


@dataclass(frozen=True)
class YearCount:
    year: int
    url: str
    count: int


@dataclass(frozen=True)
class SharedTextsIndex:
    groups: int
    letters: int
    largest: tuple[TextEntry, ...]
    years: tuple[YearCount, ...]
    method: DetectionMethod


@dataclass(frozen=True)
class DetectionMethod:
    """The figures of shared-text detection, as the Shared texts page explains it."""

    similarity: int
    """Per cent of their words two sentences must have in common to be one sentence."""
    min_words: int
    """Words of a letter (not counting the commonest) that must be a text's sentences…"""
    share: int
    """…and the per cent of the letter's own words they must be."""
    partial_share: int
    partial_types: int
    """The lesser per cent that will do when they are this many of the text's sentences."""
    same_text: int
    """Per cent of a letter's words, and of the text's sentences, for "the same text"."""
    core: int
    """Per cent of a text's letters that must carry a sentence for it to be the text's."""
    second_source: int
    """Per cent of the words a letter has of a text that, shared with one letter outside
    it, show the letter quotes a second source."""


@dataclass(frozen=True)
class SharedTextsYear:
    year: int
    rows: tuple[TextEntry, ...]
    all_years: tuple[int, ...]


@dataclass(frozen=True)
class Counts:
    letters: int
    mps: int
    constituencies: int
    topics: int
    campaigns: int


@dataclass(frozen=True)
class Home:
    counts: Counts
    latest: tuple[LetterRow, ...]
    topics: tuple[Link, ...]
    campaigns: tuple[Link, ...]
    chart: Chart | None = None
    coverage: CoverageFigures | None = None
    """The coverage of the newest Parliament."""
    parliament: str = ""
    """The newest Parliament: "the 2024 Parliament"."""


PageData = (
    LettersIndex
    | YearPage
    | MembersIndex
    | MemberPage
    | ConstituenciesIndex
    | ConstituencyPage
    | TopicsIndex
    | TopicPage
    | CampaignsIndex
    | CampaignPage
    | PartiesIndex
    | PartyPage
    | PreparePage
    | SearchPage
    | WithdrawnPage
    | SharedTextsIndex
    | SharedTextsYear
)
Listing = YearPage | MemberPage | ConstituencyPage | TopicPage | CampaignPage | PartyPage
"""The page data of listings that run over several pages."""


@dataclass(frozen=True)
class GeneratedPage:
    """A page made at build time: where it goes, its template and its data."""

    url: str
    template: str
    title: str
    description: str
    data: PageData

    @property
    def src_uri(self) -> str:
        return urls.source(self.url)
