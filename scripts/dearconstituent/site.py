"""The site's structure: the letter pages and every page generated at build time.

:func:`build_site` turns valid letters and the registers into a :class:`Site`:
a view of each letter, and the generated pages (listings by year, MP,
constituency, topic and campaign, their indexes, the search page, the
shared-text pages), each with typed data (:mod:`.views`). Shared texts are
found later, in the background; :func:`with_shared_texts` merges them in.
Everything here is plain data: no HTML, no MkDocs.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

from . import urls
from .coverage import parliaments_sat
from .dates import written_day
from .figures import by_party, by_topic, coverage_figures, recent, texts_chart, timeline
from .issueform import Form
from .model import Campaign, Constituency, Letter, Member, Registers, Seat, Topic, Withdrawal
from .sharedsite import SharedTexts, arrange
from .sharedtext import Templates
from .views import (
    CampaignEntry,
    CampaignPage,
    CampaignReply,
    CampaignsIndex,
    ConstituenciesIndex,
    ConstituencyEntry,
    ConstituencyPage,
    CorrectionCount,
    Counted,
    Counts,
    CoverageFigures,
    Facet,
    GeneratedPage,
    Home,
    LetterRow,
    LettersIndex,
    LetterView,
    Link,
    Listing,
    MemberEntry,
    MemberPage,
    MembersIndex,
    PageLink,
    Pagination,
    PartiesIndex,
    PartyEntry,
    PartyPage,
    Predecessor,
    PreparePage,
    SearchPage,
    SeatTerm,
    Tenure,
    TopicEntry,
    TopicPage,
    TopicsIndex,
    WithdrawnPage,
    YearEntry,
    YearPage,
    campaign_link,
    constituency_link,
    letter_view,
    member_link,
    seat_of,
    topic_link,
)
from .withdrawals import REASONS

PAGE_SIZE = 100
"""Rows per listing page: long listings are split into pages of this many."""
LATEST = 10
"""Letters shown on the home page and per year on the letters index."""
FACETS = (
    Facet("topic", "Topic"),
    Facet("mp", "MP"),
    Facet("party", "Party"),
    Facet("constituency", "Constituency"),
    Facet("campaign", "Campaign"),
    Facet("year", "Year"),
)
"""Search's facets: their names are the data-pagefind-filter names on letter pages."""

L = TypeVar("L", bound=Listing)


@dataclass(frozen=True)
class Followed:
    """A page with an Atom feed of its newest letters."""

    url: str
    title: str


@dataclass(frozen=True)
class Site:
    """The letters and the generated pages of one build."""

    letters: Mapping[str, LetterView]
    """Letter views by source path, e.g. ``letters/2019/….md``, newest first."""
    pages: Mapping[str, GeneratedPage]
    """Generated pages by source path, e.g. ``mps/alister-jack/index.md``."""
    home: Home
    followed: tuple[Followed, ...]
    """The pages that have a feed, besides the whole archive's."""
    browse: Mapping[str, Mapping[str, str]]
    """For each search facet, each value's browse page:
    ``{"topic": {"Housing": "topics/housing/"}}``."""
    shared: SharedTexts = field(default_factory=SharedTexts)
    corrections: tuple[CorrectionCount, ...] = ()
    """Letters withdrawn (by reason) and redacted, counted by year, newest first, for
    the Corrections page."""
    as_of: dt.date | None = None
    """The day the archive's figures run to (:func:`_as_of`); None with no letters."""


def build_site(
    letters: Sequence[Letter],
    registers: Registers,
    *,
    last_updated: Mapping[str, dt.date] | None = None,
    submission: Submission | None = None,
) -> Site:
    """The whole site for ``letters`` (already valid against ``registers``), with the
    shared-text pages in place but empty until :func:`with_shared_texts`; with
    ``submission``, the page that prepares a letter for the issue form."""
    dates = last_updated or {}
    views = [
        letter_view(letter, registers, dates.get(letter.path.as_posix()))
        for letter in sorted(letters, key=Letter.sort_key, reverse=True)
    ]
    by_path = {view.letter.path.as_posix(): view for view in views}
    shared = arrange(by_path, Templates())
    as_of = _as_of(views)
    paged = _Pages(views, registers, as_of=written_day(as_of) if as_of else "")
    pages = [
        *_letter_listings(views),
        *_members(paged),
        *_constituencies(paged),
        *_parties(paged),
        *_topics(paged),
        *_campaigns(paged),
        _search_page(),
        *shared.pages,
        *([_prepare_page(submission)] if submission else []),
        *(_withdrawn_page(item) for item in registers.withdrawals if _gone(item, by_path)),
    ]
    return Site(
        letters=by_path,
        pages={page.src_uri: page for page in pages},
        home=_home(paged),
        followed=tuple(
            Followed(page.url, page.title)
            for page in pages
            if isinstance(page.data, (MemberPage, TopicPage, CampaignPage))
            and page.data.pagination.number == 1
        ),
        browse=_browse(views),
        shared=shared,
        corrections=_correction_counts(registers.withdrawals, letters),
        as_of=as_of,
    )


def with_shared_texts(site: Site, shared: SharedTexts) -> Site:
    """``site`` with ``shared`` in it: the shared-text pages filled in, and each
    campaign's replies arranged by the text they were sent from."""
    pages = dict(site.pages)
    pages.update((page.src_uri, page) for page in shared.pages)
    for uri, page in site.pages.items():
        if isinstance(page.data, CampaignPage) and page.data.pagination.number == 1:
            texts = shared.campaigns.get(page.data.campaign.slug)
            every = [*texts.texts, *([texts.own_words] if texts.own_words else [])] if texts else []
            data = replace(
                page.data,
                texts=texts.texts if texts else (),
                own_words=texts.own_words if texts else None,
                texts_chart=texts_chart("texts-by-party", every),
            )
            pages[uri] = replace(page, data=data)
    return replace(site, pages=pages, shared=shared)


# ---------------------------------------------------------------------------
# Listings


def paginate(
    first: str,
    rows: Sequence[LetterRow],
    *,
    template: str,
    title: str,
    description: str,
    data: L,
) -> Iterator[GeneratedPage]:
    """The pages of a listing: ``first`` (``topics/housing/``) and, past PAGE_SIZE rows,
    ``first/page/N/``, each with its rows and where it stands."""
    chunks = [rows[start : start + PAGE_SIZE] for start in range(0, len(rows), PAGE_SIZE)] or [()]
    addresses = [urls.page(first, number) for number in range(1, len(chunks) + 1)]
    every = tuple(PageLink(number, url) for number, url in enumerate(addresses, start=1))
    for number, (chunk, url) in enumerate(zip(chunks, addresses, strict=True), start=1):
        pagination = Pagination(
            number=number,
            count=len(chunks),
            total=len(rows),
            previous=addresses[number - 2] if number > 1 else None,
            next=addresses[number] if number < len(chunks) else None,
            pages=every,
        )
        yield GeneratedPage(
            url=url,
            template=template,
            title=title if number == 1 else f"{title} (page {number} of {len(chunks)})",
            description=description,
            data=replace(data, rows=tuple(chunk), pagination=pagination),
        )


def _rows(views: Iterable[LetterView]) -> tuple[LetterRow, ...]:
    return tuple(view.row for view in views)


def _letter_listings(views: list[LetterView]) -> Iterator[GeneratedPage]:
    by_year = _group(views, lambda view: view.letter.date.year)
    years = tuple(
        YearEntry(year, urls.year(year), len(items), _rows(items[:LATEST]))
        for year, items in sorted(by_year.items(), reverse=True)
    )
    yield GeneratedPage(
        url=urls.LETTERS,
        template="dc/letters.html",
        title="Letters",
        description=f"All {len(views)} letters in the archive, newest first, by year.",
        data=LettersIndex(years=years, total=len(views)),
    )
    all_years = tuple(entry.year for entry in years)
    for year, items in by_year.items():
        yield from paginate(
            urls.year(year),
            _rows(items),
            template="dc/year.html",
            title=f"Letters from {year}",
            description=f"The {len(items)} letters dated {year}, newest first.",
            data=YearPage(year=year, all_years=all_years),
        )


class _Pages:
    """Which MPs and constituencies have a page: every sitting MP and every current
    constituency, and any other with a letter. Links to the others are text."""

    def __init__(self, views: list[LetterView], registers: Registers, *, as_of: str) -> None:
        self.views = views
        self.registers = registers
        self.as_of = as_of
        self.by_member = _group(views, lambda view: view.letter.signatory)
        self.by_campaign = _group(
            (view for view in views if view.letter.campaign),
            lambda view: view.letter.campaign or "",
        )
        self._replies: dict[tuple[str, str], LetterView] = {}
        for view in views:
            if view.letter.campaign:
                self._replies.setdefault((view.letter.signatory, view.letter.campaign), view)
        self.campaign_coverage = {
            slug: coverage_figures("coverage", letters, registers, as_of=as_of, noun="reply")
            for slug, letters in self.by_campaign.items()
        }
        self.by_seat = _group(views, lambda view: view.constituency.url)
        self.members = [
            member
            for member in sorted(registers.members.values(), key=_surname_key)
            if member.sitting or member.name in self.by_member
        ]
        self._member_names = {member.name for member in self.members}
        self.constituencies = [
            seat
            for seat in registers.constituencies
            if seat.current or urls.constituency(seat.slug) in self.by_seat
        ]
        self._seat_slugs = {seat.slug for seat in self.constituencies}
        self._terms: dict[str, list[tuple[Member, Seat]]] = {}
        for member in registers.members.values():
            for seat in member.seats:
                self._terms.setdefault(seat.constituency, []).append((member, seat))

    def member(self, member: Member) -> Link:
        return member_link(member, page=member.name in self._member_names)

    def coverage(self, views: Iterable[LetterView]) -> CoverageFigures:
        return coverage_figures("coverage", views, self.registers, as_of=self.as_of)

    def campaigns_while_sitting(self, member: Member) -> tuple[CampaignReply, ...]:
        """The campaigns with letters dated in a Parliament the member sat in, latest
        first, each with the member's reply if the archive has one."""
        found = []
        for slug, letters in self.by_campaign.items():
            sat = parliaments_sat(member, self.campaign_coverage[slug].coverage.parliaments)
            if sat:
                reply = self._replies.get((member.name, slug))
                link = campaign_link(self.registers.campaigns[slug])
                found.append((letters[0].letter.sort_key(), link, reply))
        found.sort(key=lambda item: (item[0], item[1].title), reverse=True)
        return tuple(
            CampaignReply(link, Link(reply.title, reply.url) if reply else None)
            for _, link, reply in found
        )

    def seat(self, constituency: Constituency) -> Link:
        return constituency_link(constituency, page=constituency.slug in self._seat_slugs)

    def seat_of(self, term: Seat) -> Link:
        """The constituency of a term, with the boundaries in force when it began."""
        return self.seat(seat_of(self.registers, term.constituency, term.start))

    def holders(self, constituency: Constituency) -> list[tuple[Member, Seat]]:
        """Who held ``constituency``, latest first."""
        found = [
            (member, seat)
            for member, seat in self._terms.get(constituency.name, ())
            if constituency.in_force(seat.start)
        ]
        return sorted(found, key=lambda pair: pair[1].start, reverse=True)


def _members(pages: _Pages) -> Iterator[GeneratedPage]:
    entries = []
    for member in pages.members:
        letters = pages.by_member.get(member.name, [])
        latest = member.seats[-1]
        party = member.party_on(latest, latest.end or dt.date.max)
        link = pages.member(member)
        entries.append(
            MemberEntry(
                mp=link,
                party=party,
                constituency=pages.seat_of(latest),
                serving=member.sitting,
                count=len(letters),
            )
        )
        yield from paginate(
            link.url,
            _rows(letters),
            template="dc/mp.html",
            title=member.name,
            description=f"Letters from {member.name}, MP for {latest.constituency} "
            f"({party}): {_count(len(letters), 'letter')} in the archive.",
            data=MemberPage(
                member=member,
                seats=tuple(_term(member, seat, pages) for seat in reversed(member.seats)),
                feed=urls.feed(link.url),
                party=party,
                parliament=urls.parliament_member(member.id) if member.id else "",
                chart=timeline(
                    "letters-by-topic",
                    letters,
                    title=f"Letters from {member.name}, by topic",
                    by=by_topic,
                    other="Other topics",
                ),
                campaigns=pages.campaigns_while_sitting(member),
            ),
        )
    serving = sum(entry.serving for entry in entries)
    yield GeneratedPage(
        url=urls.MPS,
        template="dc/mps.html",
        title="MPs",
        description=f"The {serving} MPs sitting today, and "
        f"{_count(len(entries) - serving, 'former MP')} whose letters are in the archive.",
        data=MembersIndex(rows=tuple(entries)),
    )


def _constituencies(pages: _Pages) -> Iterator[GeneratedPage]:
    entries = []
    successors = _successors(pages.registers)
    for constituency in sorted(
        pages.constituencies, key=lambda seat: (seat.name, seat.end is not None)
    ):
        holders = pages.holders(constituency)
        link = pages.seat(constituency)
        letters = pages.by_seat.get(link.url, [])
        latest = holders[0] if holders else None
        entries.append(
            ConstituencyEntry(
                constituency=link,
                mp=pages.member(latest[0]) if latest else Link("", ""),
                party=latest[0].party_on(latest[1], latest[1].end or dt.date.max) if latest else "",
                count=len(letters),
                until=_written_day(constituency.end),
            )
        )
        yield from paginate(
            link.url,
            _rows(letters),
            template="dc/constituency.html",
            title=constituency.name
            if constituency.current
            else f"{constituency.name} ({_years(constituency)})",
            description=f"Letters from the MPs for {constituency.name}: "
            f"{_count(len(letters), 'letter')} in the archive.",
            data=ConstituencyPage(
                name=constituency.name,
                holders=tuple(_term(member, seat, pages, mp=True) for member, seat in holders),
                start=_written_day(constituency.start),
                end=_written_day(constituency.end),
                predecessors=tuple(_predecessors(constituency, pages)),
                successors=tuple(
                    pages.seat(seat) for seat in successors.get(constituency.id or 0, ())
                ),
            ),
        )
    current = sum(1 for entry in entries if entry.until is None)
    yield GeneratedPage(
        url=urls.CONSTITUENCIES,
        template="dc/constituencies.html",
        title="Constituencies",
        description=f"The {current} constituencies of the House of Commons today, and "
        f"{_count(len(entries) - current, 'former constituency', 'former constituencies')} "
        "with letters in the archive.",
        data=ConstituenciesIndex(rows=tuple(entries)),
    )


def _predecessors(constituency: Constituency, pages: _Pages) -> Iterator[Predecessor]:
    by_id = pages.registers.constituency_by_id
    for source in constituency.formed_from:
        seat = by_id[source.id]
        share = f"{source.share * 100:.1f}%" if source.share >= 0.0005 else "under 0.1%"
        yield Predecessor(pages.seat(seat), share, tuple(_tenures(pages.holders(seat), pages)))


def _tenures(holders: list[tuple[Member, Seat]], pages: _Pages) -> Iterator[Tenure]:
    """Terms (latest first) run together where one MP held the seat for one party."""
    runs: list[tuple[Member, str, int, int | None]] = []
    for member, seat in holders:
        party = member.party_on(seat, seat.end or dt.date.max)
        end = seat.end.year if seat.end else None
        if runs and runs[-1][0] is member and runs[-1][1] == party:
            runs[-1] = (member, party, seat.start.year, runs[-1][3])
        else:
            runs.append((member, party, seat.start.year, end))
    for member, party, start, last in runs:
        yield Tenure(pages.member(member), party, f"{start}–{last or ''}")


def _successors(registers: Registers) -> dict[int, list[Constituency]]:
    found: dict[int, list[Constituency]] = {}
    for seat in registers.constituencies:
        for source in seat.formed_from:
            found.setdefault(source.id, []).append(seat)
    return {key: sorted(seats, key=lambda seat: seat.name) for key, seats in found.items()}


def _years(constituency: Constituency) -> str:
    start = constituency.start.year if constituency.start else ""
    end = constituency.end.year if constituency.end else ""
    return f"{start}–{end}"


def _topics(pages: _Pages) -> Iterator[GeneratedPage]:
    by_topic: dict[str, list[LetterView]] = {}
    for view in pages.views:
        for slug in view.letter.topics:
            by_topic.setdefault(slug, []).append(view)
    entries = []
    topics = sorted(pages.registers.topics.values(), key=lambda topic: topic.title.casefold())
    for topic in topics:
        letters = by_topic.get(topic.slug, [])
        link = topic_link(topic)
        entries.append(TopicEntry(topic=link, description=topic.description, count=len(letters)))
        yield from paginate(
            link.url,
            _rows(letters),
            template="dc/topic.html",
            title=topic.title,
            description=topic.description,
            data=TopicPage(
                topic=topic,
                feed=urls.feed(link.url),
                coverage=pages.coverage(letters),
                chart=timeline(
                    "letters-by-party",
                    letters,
                    title=f"Letters on {topic.title}, by party",
                    by=by_party,
                    other="Other parties",
                ),
            ),
        )
    yield GeneratedPage(
        url=urls.TOPICS,
        template="dc/topics.html",
        title="Topics",
        description="Every topic in the archive, with how many letters each has.",
        data=TopicsIndex(rows=tuple(entries)),
    )


def _campaigns(pages: _Pages) -> Iterator[GeneratedPage]:
    entries = []
    registers = pages.registers
    for campaign in sorted(
        registers.campaigns.values(), key=lambda campaign: campaign.title.casefold()
    ):
        letters = pages.by_campaign.get(campaign.slug, [])
        link = campaign_link(campaign)
        mps = len({view.letter.signatory for view in letters})
        started = _written_day(campaign.started)
        entries.append(
            CampaignEntry(
                campaign=link,
                description=campaign.description,
                started=started,
                count=len(letters),
                mps=mps,
            )
        )
        yield from paginate(
            link.url,
            _rows(letters),
            template="dc/campaign.html",
            title=campaign.title,
            description=campaign.description,
            data=CampaignPage(
                campaign=campaign,
                started=started,
                mps=mps,
                feed=urls.feed(link.url),
                coverage=pages.campaign_coverage.get(campaign.slug) or pages.coverage(()),
            ),
        )
    yield GeneratedPage(
        url=urls.CAMPAIGNS,
        template="dc/campaigns.html",
        title="Campaigns",
        description="Campaigns that asked people to write to their MP, and the replies.",
        data=CampaignsIndex(rows=tuple(entries)),
    )


def _parties(pages: _Pages) -> Iterator[GeneratedPage]:
    """A page for each party with a letter or a sitting MP; a letter counts for its
    MP's party on its date."""
    registers = pages.registers
    by_party = _group(pages.views, lambda view: view.party)
    sitting: dict[str, int] = {}
    for member in registers.members.values():
        if member.sitting:
            party = member.party_on(member.seats[-1], dt.date.max)
            sitting[party] = sitting.get(party, 0) + 1
    entries = []
    for party in sorted(set(by_party) | set(sitting), key=str.casefold):
        letters = by_party.get(party, [])
        link = Link(party, urls.party(party))
        entries.append(
            PartyEntry(
                party=link,
                letters=len(letters),
                mps=len({view.letter.signatory for view in letters}),
                sitting=sitting.get(party, 0),
            )
        )
        figures = pages.coverage(letters)
        yield from paginate(
            link.url,
            _rows(letters),
            template="dc/party.html",
            title=party,
            description=f"Letters from {party} MPs: {_count(len(letters), 'letter')} "
            "in the archive, with their topics and campaigns.",
            data=PartyPage(
                party=party,
                coverage=replace(figures, party=figures.coverage.party(party)),
                topics=_tally(
                    (
                        pages.registers.topics[slug]
                        for view in letters
                        for slug in view.letter.topics
                    ),
                    topic_link,
                ),
                campaigns=_tally(
                    (
                        registers.campaigns[view.letter.campaign]
                        for view in letters
                        if view.letter.campaign
                    ),
                    campaign_link,
                ),
                chart=timeline(
                    "letters-by-topic",
                    letters,
                    title=f"Letters from {party} MPs, by topic",
                    by=by_topic,
                    other="Other topics",
                ),
            ),
        )
    yield GeneratedPage(
        url=urls.PARTIES,
        template="dc/parties.html",
        title="Parties",
        description="The letters of each party's MPs, with their topics and campaigns.",
        data=PartiesIndex(rows=tuple(entries)),
    )


T = TypeVar("T", Topic, Campaign)


def _tally(items: Iterable[T], link: Callable[[T], Link]) -> tuple[Counted, ...]:
    """Each item's link and how often it came, most first."""
    counts: dict[str, int] = {}
    found: dict[str, T] = {}
    for item in items:
        counts[item.slug] = counts.get(item.slug, 0) + 1
        found[item.slug] = item
    ranked = sorted(counts, key=lambda slug: (-counts[slug], found[slug].title.casefold()))
    return tuple(Counted(link(found[slug]), counts[slug]) for slug in ranked)


@dataclass(frozen=True)
class Submission:
    """Where letters are sent from the browser: the issue form, and the repository."""

    form: Form
    repo_url: str


def _prepare_page(submission: Submission) -> GeneratedPage:
    return GeneratedPage(
        url=urls.PREPARE,
        template="dc/prepare.html",
        title="Prepare your letter",
        description="Check a letter for personal details in your own browser, then send it "
        "to the archive through GitHub.",
        data=PreparePage(
            data=urls.PREPARE_DATA,
            issue_url=urls.new_issue(submission.repo_url),
            form=submission.form,
        ),
    )


def _withdrawn_page(withdrawal: Withdrawal) -> GeneratedPage:
    """The notice at a withdrawn letter's address: when and why, nothing of the letter."""
    day = written_day(withdrawal.withdrawn)
    return GeneratedPage(
        url=urls.letter(withdrawal.path),
        template="dc/withdrawn.html",
        title="Letter withdrawn",
        description=f"The letter that was here was withdrawn from the archive on {day}.",
        data=WithdrawnPage(
            withdrawn=day,
            withdrawn_iso=withdrawal.withdrawn.isoformat(),
            reason=REASONS[withdrawal.reason],
            note=withdrawal.note,
            corrections=urls.CORRECTIONS,
        ),
    )


REDACTED = "Redacted: a part replaced with [removed]"
CORRECTION_KINDS = (*(f"Withdrawn: {reason}" for reason in REASONS.values()), REDACTED)
"""What the Corrections page counts, in its order: each reason for withdrawing a
letter (as :data:`REASONS` words it), then redactions."""


def _correction_counts(
    withdrawals: Iterable[Withdrawal], letters: Iterable[Letter]
) -> tuple[CorrectionCount, ...]:
    kind = dict(zip(REASONS, CORRECTION_KINDS, strict=False))
    counts = Counter(
        [(item.withdrawn.year, kind[item.reason]) for item in withdrawals]
        + [(letter.redacted.year, REDACTED) for letter in letters if letter.redacted]
    )
    return tuple(
        CorrectionCount(year, what, counts[year, what])
        for year, what in sorted(counts, key=lambda key: (-key[0], CORRECTION_KINDS.index(key[1])))
    )


def _gone(withdrawal: Withdrawal, letters: Mapping[str, LetterView]) -> bool:
    # A withdrawn letter whose file is still there is an error the validator
    # reports; until it is fixed, its page stays, and there is no notice.
    return withdrawal.path.as_posix() not in letters


def _search_page() -> GeneratedPage:
    return GeneratedPage(
        url=urls.SEARCH,
        template="dc/search.html",
        title="Search",
        description="Search the words of every letter, and narrow by topic, MP, party, "
        "constituency, campaign and year.",
        data=SearchPage(facets=FACETS, browse=urls.BROWSE_MAP),
    )


def _browse(views: Iterable[LetterView]) -> dict[str, dict[str, str]]:
    """Each facet value a letter can have, and the page that lists every letter with it.

    The values are the ones letter pages give search (data-pagefind-filter):
    a topic's or campaign's title, an MP's or constituency's name, a year.
    """
    browse: dict[str, dict[str, str]] = {
        "topic": {},
        "mp": {},
        "party": {},
        "constituency": {},
        "campaign": {},
        "year": {},
    }
    for view in views:
        browse["topic"].update((topic.title, topic.url) for topic in view.topics)
        browse["mp"][view.mp.title] = view.mp.url
        if view.party_url:
            browse["party"][view.party] = view.party_url
        browse["constituency"][view.constituency.title] = view.constituency.url
        if view.campaign:
            browse["campaign"][view.campaign.title] = view.campaign.url
        browse["year"][str(view.letter.date.year)] = urls.year(view.letter.date.year)
    return {facet: dict(sorted(values.items())) for facet, values in browse.items()}


def _home(pages: _Pages) -> Home:
    registers = pages.registers
    views = pages.views
    newest = registers.parliaments[-1] if registers.parliaments else None
    return Home(
        counts=Counts(
            letters=len(views),
            mps=sum(member.sitting for member in registers.members.values()),
            constituencies=sum(seat.current for seat in registers.constituencies),
            topics=len(registers.topics),
            campaigns=len(registers.campaigns),
        ),
        latest=_rows(views[:LATEST]),
        topics=tuple(
            topic_link(topic)
            for topic in sorted(registers.topics.values(), key=lambda topic: topic.title.casefold())
        ),
        campaigns=tuple(
            campaign_link(campaign)
            for campaign in sorted(registers.campaigns.values(), key=lambda c: c.title.casefold())
        ),
        chart=recent(
            "letters-per-month",
            views,
            title="Letters per month",
            by=by_party,
            other="Other parties",
        ),
        coverage=pages.coverage(view for view in views if newest and newest.covers(view.day))
        if newest
        else None,
        parliament=newest.label if newest else "",
    )


def _as_of(views: Iterable[LetterView]) -> dt.date | None:
    """The day the archive's figures run to: its newest letter or change to one (from
    git), never the clock."""
    return max(
        (day for view in views for day in (view.day, view.last_updated) if day), default=None
    )


# ---------------------------------------------------------------------------
# Helpers


K = TypeVar("K")


def _group(
    views: Iterable[LetterView], key: Callable[[LetterView], K]
) -> dict[K, list[LetterView]]:
    groups: dict[K, list[LetterView]] = {}
    for view in views:
        groups.setdefault(key(view), []).append(view)
    return groups


def _term(member: Member, seat: Seat, pages: _Pages, *, mp: bool = False) -> SeatTerm:
    """A term as a seats table shows it: the party is the one at the term's end."""
    return SeatTerm(
        constituency=pages.seat_of(seat),
        party=member.party_on(seat, seat.end or dt.date.max),
        start=written_day(seat.start),
        end=_written_day(seat.end),
        start_iso=seat.start.isoformat(),
        mp=pages.member(member) if mp else None,
    )


def _written_day(day: dt.date | None) -> str | None:
    return written_day(day) if day else None


def _surname_key(member: Member) -> tuple[str, str]:
    return (member.name.split()[-1].casefold(), member.name.casefold())


def _count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number} {noun if number == 1 else plural or noun + 's'}"
