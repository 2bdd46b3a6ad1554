"""Shared texts on the site: what letter, campaign and shared-text pages show.

:mod:`.sharedtext` finds the template groups; :func:`arrange` turns them
into one value, :class:`SharedTexts`, of plain data for templates:

* a notice on each letter of a group, and below the letter what is shared,
  what the letter adds and what it leaves out;
* the group itself on its earliest letter's page (the oldest known copy of
  the text): every letter sent from it, with each one's overlap;
* ``shared-texts/``, an overview with the largest texts, and
  ``shared-texts/<year>/``, the texts first seen in each year;
* on each campaign page, its replies arranged by the text they were sent from.

Which pages exist depends only on the letters (one year page per year that
has letters), not on the groups: so the build can create the pages before
detection has finished, and merge the value in when it has
(:func:`.site.with_shared_texts`).
"""

from __future__ import annotations

import string
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from . import urls
from .sharedtext import Settings, TemplateGroup, Templates
from .views import (
    CampaignText,
    DetectionMethod,
    GeneratedPage,
    LetterRow,
    LetterView,
    Link,
    PartyCount,
    SharedMember,
    SharedText,
    SharedTextsIndex,
    SharedTextsYear,
    TextEntry,
    YearCount,
)

__all__ = [
    "LARGEST_SHOWN",
    "OTHERS_SHOWN",
    "CampaignTexts",
    "SharedTexts",
    "arrange",
    "detection_method",
    "group_url",
    "party_counts",
]

OTHERS_SHOWN = 5
"""Other letters a letter page names; the earliest copy's page lists them all."""
LARGEST_SHOWN = 20
"""Texts the overview lists; the year pages list every one."""


@dataclass(frozen=True)
class CampaignTexts:
    """A campaign's replies by text: each shared text (most letters first), then own words."""

    texts: tuple[CampaignText, ...]
    own_words: CampaignText | None


@dataclass(frozen=True)
class SharedTexts:
    """Everything the site shows about shared texts, for one set of groups."""

    templates: Templates = field(default_factory=Templates)
    letters: Mapping[str, SharedText] = field(default_factory=dict)
    """What each letter page says about its shared text, by source path."""
    pages: tuple[GeneratedPage, ...] = ()
    """The overview and a page per year with letters."""
    campaigns: Mapping[str, CampaignTexts] = field(default_factory=dict)
    """Each campaign's replies by text, by campaign slug."""


def arrange(views: Mapping[str, LetterView], templates: Templates) -> SharedTexts:
    """The shared texts among ``views`` (by source path), as the site shows them.

    With no groups (``Templates()``), the overview and year pages exist, empty.
    """
    letters: dict[str, SharedText] = {}
    entries = []
    for group in templates.groups:
        members = [views[path] for path in group.paths]
        for view in members:
            letters[view.letter.path.as_posix()] = shared_text(group, view, members)
        entries.append(_entry(group, members))
    return SharedTexts(
        templates=templates,
        letters=letters,
        pages=_pages(views.values(), entries),
        campaigns=_campaign_texts(views.values(), templates),
    )


def shared_text(group: TemplateGroup, view: LetterView, views: Sequence[LetterView]) -> SharedText:
    member = group.member(view.letter.path.as_posix())
    others = [other for other in views if other is not view]
    is_earliest = views[0] is view
    return SharedText(
        id=group.id,
        url=group_url(group),
        size=group.size,
        others=len(others),
        mps=len({other.letter.signatory for other in others}),
        parties=party_counts(others),
        overlap=round(member.overlap * 100),
        uses=round(member.uses * 100),
        same_text=member.same_text,
        earliest=views[0].row,
        latest=_latest(views).row,
        is_earliest=is_earliest,
        shown=tuple(other.row for other in others[:OTHERS_SHOWN]),
        members=_members(group, views) if is_earliest else (),
        campaigns=_campaigns(views) if is_earliest else (),
        additions=member.additions,
        omissions=member.omissions,
    )


def detection_method(settings: Settings) -> DetectionMethod:
    """What the Shared texts page says of how texts are found: the settings' own figures."""
    return DetectionMethod(
        similarity=round(settings.types.similarity * 100),
        min_words=settings.texts.min_words,
        share=round(settings.texts.share * 100),
        partial_share=round(settings.texts.partial_share * 100),
        partial_types=settings.texts.partial_types,
        same_text=round(settings.same_text * 100),
        core=round(settings.texts.core * 100),
        second_source=round(settings.texts.second_source * 100),
    )


def party_counts(views: Iterable[LetterView]) -> tuple[PartyCount, ...]:
    """How many MPs of each party sent ``views``, most first (an MP counts once per party)."""
    counts = Counter(party for _, party in {(view.mp.title, view.party) for view in views})
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return tuple(PartyCount(party or "No party recorded", mps) for party, mps in ordered)


def _campaign_texts(views: Iterable[LetterView], templates: Templates) -> dict[str, CampaignTexts]:
    by_campaign: dict[str, list[LetterView]] = {}
    for view in views:
        if view.letter.campaign:
            by_campaign.setdefault(view.letter.campaign, []).append(view)
    return {slug: _texts_of(members, templates) for slug, members in sorted(by_campaign.items())}


def _texts_of(views: Sequence[LetterView], templates: Templates) -> CampaignTexts:
    by_group: dict[str, list[LetterView]] = {}
    groups: dict[str, TemplateGroup] = {}
    own: list[LetterView] = []
    for view in views:
        group = templates.group_of(view.letter.path.as_posix())
        if group is None:
            own.append(view)
            continue
        groups[group.id] = group
        by_group.setdefault(group.id, []).append(view)
    ordered = sorted(
        by_group.items(), key=lambda item: (-len(item[1]), _earliest_key(item[1]), item[0])
    )
    texts = tuple(
        CampaignText(
            _label(number),
            group_url(groups[key]),
            _rows_earliest_first(rows),
            frozenset(
                view.url
                for view in rows
                if not groups[key].member(view.letter.path.as_posix()).same_text
            ),
        )
        for number, (key, rows) in enumerate(ordered)
    )
    own_words = CampaignText("Own words", None, _rows_earliest_first(own)) if own else None
    return CampaignTexts(texts, own_words)


def group_url(group: TemplateGroup) -> str:
    """Where a group is shown in full: its earliest letter's shared-text section."""
    return urls.shared_text(urls.letter(PurePosixPath(group.representative)))


def _pages(views: Iterable[LetterView], entries: list[TextEntry]) -> tuple[GeneratedPage, ...]:
    years = sorted({view.letter.date.year for view in views}, reverse=True)
    by_year: dict[int, list[TextEntry]] = {year: [] for year in years}
    for entry in entries:
        by_year[entry.year].append(entry)
    overview = GeneratedPage(
        url=urls.SHARED_TEXTS,
        template="dc/shared-texts.html",
        title="Shared texts",
        description="Letters that MPs sent from the same text: each text, how many MPs "
        "sent it, from which parties, and when it was first seen.",
        data=SharedTextsIndex(
            groups=len(entries),
            letters=sum(entry.size for entry in entries),
            largest=tuple(entries[:LARGEST_SHOWN]),
            years=tuple(
                YearCount(year, urls.shared_texts_year(year), len(by_year[year])) for year in years
            ),
            method=detection_method(Settings()),
        ),
    )
    return (
        overview,
        *(
            GeneratedPage(
                url=urls.shared_texts_year(year),
                template="dc/shared-texts-year.html",
                title=f"Shared texts first seen in {year}",
                description=f"The texts that more than one letter shares, first seen in {year}: "
                f"{len(by_year[year])}.",
                data=SharedTextsYear(year, tuple(by_year[year]), tuple(years)),
            )
            for year in years
        ),
    )


def _entry(group: TemplateGroup, views: Sequence[LetterView]) -> TextEntry:
    return TextEntry(
        url=group_url(group),
        id=group.id,
        year=views[0].letter.date.year,
        earliest=views[0].row,
        latest=_latest(views).row,
        size=group.size,
        mps=len({view.letter.signatory for view in views}),
        parties=party_counts(views),
        campaigns=_campaigns(views),
    )


def _members(group: TemplateGroup, views: Sequence[LetterView]) -> tuple[SharedMember, ...]:
    return tuple(
        SharedMember(
            view.row, round(member.overlap * 100), round(member.uses * 100), member.same_text
        )
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
