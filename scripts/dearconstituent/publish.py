"""Every data file the site publishes beside its pages, as (path, bytes) pairs.

The hook writes them after the build; a test or another generator can take
them as they are. Same letters, same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from . import urls
from .exports import (
    LICENCE,
    browse_json,
    campaigns_json,
    coverage_json,
    coverage_schema,
    letter_records,
    letters_csv,
    letters_json,
    letters_schema,
    members_json,
    prepare_json,
    templates_json,
    templates_schema,
    topics_json,
)
from .feeds import atom, site_feeds
from .model import Registers
from .plaintext import PlainText
from .site import Site
from .urls import absolute
from .views import LetterView


def letter_texts(site: Site) -> dict[str, str]:
    """Source path → the letter as plain text, for every letter of the site."""
    plain = PlainText()
    return {path: plain.text(view.letter.body) for path, view in site.letters.items()}


def data_files(
    site: Site,
    registers: Registers,
    *,
    docs_dir: Path,
    site_name: str,
    site_url: str | None,
    texts: dict[str, str],
) -> Iterator[tuple[str, bytes]]:
    records = letter_records(site, texts=texts, site_url=site_url)
    yield urls.LETTERS_JSON, letters_json(records).encode("utf-8")
    yield urls.LETTERS_SCHEMA, letters_schema(site_url=site_url).encode("utf-8")
    yield urls.LETTERS_CSV, letters_csv(records)
    yield urls.MEMBERS_JSON, members_json(registers, site, site_url=site_url).encode("utf-8")
    yield urls.TOPICS_JSON, topics_json(registers, site, site_url=site_url).encode("utf-8")
    yield urls.CAMPAIGNS_JSON, campaigns_json(registers, site, site_url=site_url).encode("utf-8")
    yield urls.COVERAGE_JSON, coverage_json(registers, site, site_url=site_url).encode("utf-8")
    yield urls.COVERAGE_SCHEMA, coverage_schema(site_url=site_url).encode("utf-8")
    yield urls.TEMPLATES_JSON, templates_json(site, site_url=site_url).encode("utf-8")
    yield urls.TEMPLATES_SCHEMA, templates_schema(site_url=site_url).encode("utf-8")
    yield urls.BROWSE_MAP, browse_json(site).encode("utf-8")
    if urls.source(urls.PREPARE) in site.pages:
        yield urls.PREPARE_DATA, prepare_json(registers).encode("utf-8")
    newest = max(
        (view.letter.date.first_day for view in site.letters.values()), default=dt.date(2026, 1, 1)
    )
    for feed in site_feeds(site, site_name):
        yield feed.path, atom(feed, texts=texts, site_url=site_url, updated_default=newest)
    for path, view in sorted(site.letters.items()):
        yield view.source_download, (docs_dir / path).read_bytes()
        yield (
            view.text_download,
            letter_as_text(view, texts[path], site_name=site_name, site_url=site_url).encode(
                "utf-8"
            ),
        )


def letter_as_text(view: LetterView, text: str, *, site_name: str, site_url: str | None) -> str:
    """The plain-text download: who, where, when, then the letter's words."""
    lines = [
        view.title,
        f"Letter from {view.mp.title} MP ({view.party}, {view.constituency.title}), {view.date}",
        f"Topics: {', '.join(topic.title for topic in view.topics)}",
    ]
    if view.campaign:
        lines.append(f"Campaign: {view.campaign.title}")
    if view.source:
        lines.append(f"Source: {view.source}")
    lines += [
        absolute(site_url, view.url),
        "",
        text,
        "",
        f"-- Transcribed by {site_name}; transcriber's notes are left out of this text. "
        f"Data licence: {LICENCE['name']} ({LICENCE['url']}).",
    ]
    return "\n".join(lines) + "\n"
