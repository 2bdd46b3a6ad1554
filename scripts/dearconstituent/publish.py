"""Every data file the site publishes beside its pages, as (path, bytes) pairs.

The hook writes them after the build; a test or another generator can take
them as they are. Same letters, same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from . import urls
from .exports import (
    browse_json,
    campaigns_json,
    compressed,
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
    withdrawn_records,
)
from .feeds import atom, site_feeds
from .model import Registers
from .plaintext import PlainText
from .site import Site


def letter_texts(site: Site) -> dict[str, str]:
    """Source path → the letter as plain text, for every letter of the site."""
    plain = PlainText()
    return {path: plain.text(view.letter.body) for path, view in site.letters.items()}


def data_files(
    site: Site,
    registers: Registers,
    *,
    site_name: str,
    site_url: str | None,
    texts: dict[str, str],
) -> Iterator[tuple[str, bytes]]:
    records = letter_records(site, texts=texts, site_url=site_url)
    withdrawn = withdrawn_records(registers, site_url=site_url)
    yield urls.LETTERS_JSON, compressed(letters_json(records, withdrawn).encode("utf-8"))
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
