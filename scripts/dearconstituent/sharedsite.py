"""Shared texts on the site: what letter, campaign and shared-text pages show.

:mod:`.sharedtext` finds the template groups; this module turns them into
plain data for templates, as :mod:`.site` does for everything else:

* a notice on each letter of a group, and below the letter what is shared,
  what the letter adds and what it leaves out;
* the group itself on its earliest letter's page (the oldest known copy of
  the text): every letter sent from it, with each one's overlap;
* ``shared-texts/``, an overview with the largest texts, and
  ``shared-texts/<year>/``, the texts first seen in each year;
* on each campaign page, its replies arranged by the text they were sent from.

Which pages exist depends only on the letters (one year page per year that
has letters), not on the groups: so the build can create the pages before
detection has finished and fill them in when it has (see the MkDocs hook).
"""

from __future__ import annotations

import string
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .sharedtext import TemplateGroup, Templates
from .site import CAMPAIGN_TEMPLATE, GeneratedPage, LetterRow, LetterView, Link, Site

__all__ = [
    "INDEX_URL",
    "LARGEST_SHOWN",
    "OTHERS_SHOWN",
    "CampaignText",
    "Member",
    "PartyCount",
    "SharedText",
    "add_shared_texts",
    "campaign_texts",
    "group_url",
    "party_counts",
]

INDEX_URL = "shared-texts/"
OTHERS_SHOWN = 5
"""Other letters a letter page names; the earliest copy's page lists them all."""
LARGEST_SHOWN = 20
"""Texts the overview lists; the year pages list every one."""
ANCHOR = "shared-text"
"""The id of the shared-text section of a letter page."""


@dataclass(frozen=True)
class PartyCount:
    party: str
    mps: int


@dataclass(frozen=True)
class Member:
    """A letter of a group, as the earliest copy's page lists it."""

    row: LetterRow
    overlap: int
    """Per cent of its own text that another letter of the group also has."""


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
    earliest: LetterRow
    """The earliest known copy of the text."""
    latest: LetterRow
    is_earliest: bool
    shown: tuple[LetterRow, ...]
    """Up to OTHERS_SHOWN other letters, earliest first."""
    members: tuple[Member, ...]
    """Every letter of the group, for the earliest copy's page; empty on the others."""
    campaigns: tuple[Link, ...]
    additions: tuple[str, ...]
    omissions: tuple[str, ...]


@dataclass(frozen=True)
class CampaignText:
    """One text among a campaign's replies, or (``url`` None) the replies in MPs' own words."""

    label: str
    url: str | None
    rows: tuple[LetterRow, ...]

    @property
    def mps(self) -> int:
        return len({row.mp.title for row in self.rows})


def group_url(site: Site, group: TemplateGroup) -> str:
    """Where a group is shown in full: its earliest letter's shared-text section."""
    return f"{site.letters[group.representative].url}#{ANCHOR}"


def add_shared_texts(site: Site, templates: Templates) -> None:
    """Put the shared texts into ``site``, replacing what an earlier call put there.

    Called with no groups (``Templates()``), it adds the overview and year
    pages, empty: the pages a later call with the real groups fills in.
    """
    site.templates = templates
    site.shared.clear()
    entries = []
    for group in templates.groups:
        views = [site.letters[path] for path in group.paths]
        for view in views:
            site.shared[view.letter.path.as_posix()] = shared_text(site, group, view, views)
        entries.append(_index_entry(site, group, views))
    _add_index_pages(site, entries)
    _arrange_campaigns(site, templates)


def shared_text(
    site: Site, group: TemplateGroup, view: LetterView, views: Sequence[LetterView]
) -> SharedText:
    path = view.letter.path.as_posix()
    member = group.member(path)
    others = [other for other in views if other is not view]
    is_earliest = views[0] is view
    return SharedText(
        id=group.id,
        url=group_url(site, group),
        size=group.size,
        others=len(others),
        mps=len({other.letter.signatory for other in others}),
        parties=party_counts(others),
        overlap=round(member.overlap * 100),
        earliest=views[0].row,
        latest=_latest(views).row,
        is_earliest=is_earliest,
        shown=tuple(other.row for other in others[:OTHERS_SHOWN]),
        members=_members(group, views) if is_earliest else (),
        campaigns=_campaigns(views) if is_earliest else (),
        additions=member.additions,
        omissions=member.omissions,
    )


def party_counts(views: Iterable[LetterView]) -> tuple[PartyCount, ...]:
    """How many MPs of each party sent ``views``, most first (an MP counts once per party)."""
    counts = Counter(party for _, party in {(view.mp.title, view.party) for view in views})
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return tuple(PartyCount(party or "No party recorded", mps) for party, mps in ordered)


def campaign_texts(
    site: Site, views: Sequence[LetterView], templates: Templates
) -> tuple[tuple[CampaignText, ...], CampaignText | None]:
    """A campaign's replies by text: each shared text (most letters first), then own words."""
    by_group: dict[str, list[LetterView]] = {}
    own: list[LetterView] = []
    groups: dict[str, TemplateGroup] = {}
    for view in views:
        group = templates.group_of(view.letter.path.as_posix())
        if group is None:
            own.append(view)
        else:
            groups[group.id] = group
            by_group.setdefault(group.id, []).append(view)
    ordered = sorted(
        by_group.items(), key=lambda item: (-len(item[1]), _earliest_key(item[1]), item[0])
    )
    texts = tuple(
        CampaignText(_label(number), group_url(site, groups[key]), _rows_earliest_first(members))
        for number, (key, members) in enumerate(ordered)
    )
    own_words = CampaignText("Own words", None, _rows_earliest_first(own)) if own else None
    return texts, own_words


def _add_index_pages(site: Site, entries: list[dict[str, Any]]) -> None:
    years = sorted({view.letter.date.year for view in site.letters.values()}, reverse=True)
    by_year: dict[int, list[dict[str, Any]]] = {year: [] for year in years}
    for entry in entries:
        by_year[entry["year"]].append(entry)
    letters = sum(entry["size"] for entry in entries)
    site.add(
        GeneratedPage(
            src_uri=f"{INDEX_URL}index.md",
            template="dc/shared-texts.html",
            title="Shared texts",
            description="Letters that MPs sent from the same text: each text, how many MPs "
            "sent it, from which parties, and when it was first seen.",
            data={
                "groups": len(entries),
                "letters": letters,
                "largest": entries[:LARGEST_SHOWN],
                "years": [
                    {"year": year, "url": f"{INDEX_URL}{year}/", "count": len(by_year[year])}
                    for year in years
                ],
            },
        )
    )
    for year in years:
        site.add(
            GeneratedPage(
                src_uri=f"{INDEX_URL}{year}/index.md",
                template="dc/shared-texts-year.html",
                title=f"Shared texts first seen in {year}",
                description=f"The texts that more than one letter shares, first seen in {year}: "
                f"{len(by_year[year])}.",
                data={"year": year, "rows": by_year[year], "all_years": years},
            )
        )


def _arrange_campaigns(site: Site, templates: Templates) -> None:
    by_campaign: dict[str, list[LetterView]] = {}
    for view in site.letters.values():
        if view.letter.campaign:
            by_campaign.setdefault(view.letter.campaign, []).append(view)
    for uri, page in list(site.pages.items()):
        if page.template != CAMPAIGN_TEMPLATE or page.data["pagination"]["number"] != 1:
            continue
        views = by_campaign.get(page.data["campaign"].slug, [])
        texts, own_words = campaign_texts(site, views, templates)
        site.pages[uri] = replace(page, data={**page.data, "texts": texts, "own_words": own_words})


def _index_entry(site: Site, group: TemplateGroup, views: Sequence[LetterView]) -> dict[str, Any]:
    return {
        "url": group_url(site, group),
        "id": group.id,
        "year": views[0].letter.date.year,
        "earliest": views[0].row,
        "latest": _latest(views).row,
        "size": group.size,
        "mps": len({view.letter.signatory for view in views}),
        "parties": party_counts(views),
        "campaigns": _campaigns(views),
    }


def _members(group: TemplateGroup, views: Sequence[LetterView]) -> tuple[Member, ...]:
    return tuple(
        Member(view.row, round(member.overlap * 100))
        for view, member in zip(views, group.members, strict=True)
    )


def _latest(views: Sequence[LetterView]) -> LetterView:
    return max(views, key=lambda view: view.letter.sort_key())


def _campaigns(views: Iterable[LetterView]) -> tuple[Link, ...]:
    found = {view.campaign for view in views if view.campaign is not None}
    return tuple(sorted(found, key=lambda link: link.title.casefold()))


def _label(number: int) -> str:
    letters = string.ascii_uppercase
    return f"Text {letters[number]}" if number < len(letters) else f"Text {number + 1}"


def _earliest_key(views: Sequence[LetterView]) -> tuple[tuple[int, int, int], str]:
    return min(view.letter.sort_key() for view in views)


def _rows_earliest_first(views: Iterable[LetterView]) -> tuple[LetterRow, ...]:
    return tuple(view.row for view in sorted(views, key=lambda view: view.letter.sort_key()))
