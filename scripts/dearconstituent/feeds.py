"""Atom feeds (RFC 4287): the whole archive, and each topic, MP and campaign.

The whole archive's feed carries every letter in full; a topic's, MP's or
campaign's carries each letter's summary and a link to it (each says so in its
subtitle), since a letter is in several of those and their copies of its text
were a tenth of the site.

The whole archive's feed also announces each letter withdrawn, with when and
why, and nothing of the letter.

Entry ids are tag URIs minted from the letter's path, so they never change
when the site moves; dates are the letter's own (published) and its file's
last change in git (updated), at midnight UTC. Nothing depends on the clock.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from . import urls
from .site import Site
from .urls import absolute
from .views import GeneratedPage, LetterView, WithdrawnPage

ATOM = "http://www.w3.org/2005/Atom"
TAG_AUTHORITY = "dear-constituent.github.io,2026"
"""The tag URI authority: the archive's domain when it began (RFC 4151)."""
ENTRIES = 50
"""Newest letters per feed: enough for any reader polling daily or weekly."""

ET.register_namespace("", ATOM)


@dataclass(frozen=True)
class Feed:
    path: str
    """Where the feed is written, e.g. ``topics/immigration/feed.xml``."""
    title: str
    page: str
    """The page the feed follows, e.g. ``topics/immigration/``."""
    letters: Sequence[LetterView]
    full: bool = True
    """Whether entries carry the letter's text, or only its summary."""
    withdrawals: Sequence[GeneratedPage] = ()
    """The notices of withdrawn letters the feed announces (the whole archive's)."""
    editor: str = ""
    """Who announces a withdrawal: the archive."""

    @property
    def subtitle(self) -> str:
        if self.full:
            return "The newest letters, each in full."
        return "The newest letters, each as a summary: the letter in full is on its page."


def site_feeds(site: Site, site_name: str) -> list[Feed]:
    """Every feed of the site: the archive's, then each followed page's (MP, topic, campaign)."""
    newest = sorted(site.letters.values(), key=lambda view: view.letter.sort_key(), reverse=True)
    notices = sorted(
        (page for page in site.pages.values() if isinstance(page.data, WithdrawnPage)),
        key=lambda page: (_withdrawn_on(page), page.url),
        reverse=True,
    )
    feeds = [
        Feed(
            urls.FEED,
            f"{site_name}: all letters",
            urls.HOME,
            newest,
            withdrawals=notices,
            editor=site_name,
        )
    ]
    followed: dict[str, list[LetterView]] = {page.url: [] for page in site.followed}
    for view in newest:
        for url in _followed_pages(view):
            if url in followed:
                followed[url].append(view)
    for page in sorted(site.followed, key=lambda page: (urls.feed(page.url), page.url)):
        feeds.append(
            Feed(
                urls.feed(page.url),
                f"{site_name}: {page.title}",
                page.url,
                followed[page.url],
                full=False,
            )
        )
    return feeds


def _followed_pages(view: LetterView) -> list[str]:
    pages = [view.mp.url, *(topic.url for topic in view.topics)]
    if view.campaign:
        pages.append(view.campaign.url)
    return pages


def atom(
    feed: Feed, *, texts: Mapping[str, str], site_url: str | None, updated_default: dt.date
) -> bytes:
    """The feed as Atom XML, newest entry first."""
    entries = list(feed.letters[:ENTRIES])
    root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "en-GB"})
    _text(root, "id", f"tag:{TAG_AUTHORITY}:{feed.path}")
    _text(root, "title", feed.title)
    _text(root, "subtitle", feed.subtitle)
    _link(root, absolute(site_url, feed.path), "self", "application/atom+xml")
    _link(root, absolute(site_url, feed.page), "alternate", "text/html")
    withdrawals = list(feed.withdrawals[:ENTRIES])
    updated = max(
        [*(_updated(view) for view in entries), *(_withdrawn_on(page) for page in withdrawals)],
        default=updated_default,
    )
    _text(root, "updated", _timestamp(updated))
    for view in entries:
        _entry(root, view, texts[view.letter.path.as_posix()] if feed.full else None, site_url)
    for page in withdrawals:
        _withdrawal_entry(root, page, feed.editor, site_url)
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + body + b"\n"


def _entry(root: ET.Element, view: LetterView, text: str | None, site_url: str | None) -> None:
    entry = ET.SubElement(root, f"{{{ATOM}}}entry")
    _text(entry, "id", f"tag:{TAG_AUTHORITY}:{view.url}")
    _text(entry, "title", view.title)
    _link(entry, absolute(site_url, view.url), "alternate", "text/html")
    _text(entry, "published", _timestamp(view.letter.date.first_day))
    _text(entry, "updated", _timestamp(_updated(view)))
    author = ET.SubElement(entry, f"{{{ATOM}}}author")
    _text(author, "name", view.mp.title)
    _text(author, "uri", absolute(site_url, view.mp.url))
    for slug, topic in zip(view.letter.topics, view.topics, strict=True):
        ET.SubElement(
            entry,
            f"{{{ATOM}}}category",
            {"term": slug, "label": topic.title, "scheme": absolute(site_url, urls.TOPICS)},
        )
    _text(entry, "summary", view.description)
    if text is not None:
        content = _text(entry, "content", text)
        content.set("type", "text")


def _withdrawal_entry(
    root: ET.Element, page: GeneratedPage, editor: str, site_url: str | None
) -> None:
    # Not the letter's title, which may be what had to go: only when and why.
    notice = _notice(page)
    entry = ET.SubElement(root, f"{{{ATOM}}}entry")
    _text(entry, "id", f"tag:{TAG_AUTHORITY}:withdrawn:{page.url}")
    _text(entry, "title", f"A letter was withdrawn on {notice.withdrawn}")
    _link(entry, absolute(site_url, page.url), "alternate", "text/html")
    day = _timestamp(_withdrawn_on(page))
    _text(entry, "published", day)
    _text(entry, "updated", day)
    author = ET.SubElement(entry, f"{{{ATOM}}}author")
    _text(author, "name", editor)
    _text(entry, "summary", f"Withdrawn from the archive on {notice.withdrawn}: {notice.reason}.")


def _withdrawn_on(page: GeneratedPage) -> dt.date:
    return dt.date.fromisoformat(_notice(page).withdrawn_iso)


def _notice(page: GeneratedPage) -> WithdrawnPage:
    if not isinstance(page.data, WithdrawnPage):
        raise TypeError(f"{page.url} is not a withdrawn letter's notice")
    return page.data


def _updated(view: LetterView) -> dt.date:
    return max(view.last_updated or view.letter.date.first_day, view.letter.date.first_day)


def _timestamp(day: dt.date) -> str:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).isoformat()


def _text(parent: ET.Element, name: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{name}")
    element.text = value
    return element


def _link(parent: ET.Element, href: str, rel: str, kind: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}link", {"href": href, "rel": rel, "type": kind})
