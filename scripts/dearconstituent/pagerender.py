"""Rendering what the archive owns of a page, with the theme's Jinja templates.

A letter page's metadata panel and its letter, and the small document
search indexes for each page, are rendered here from templates in
``overrides/`` (no HTML is written in Python). The renderer also keeps the
build's fragment cache: letter pages at the same depth share their header,
navigation, configuration and footer, so each is rendered once per build,
not once per letter (see BENCHMARKS.md).

The Jinja environment is the generator's (it brings the ``url`` filter that
makes addresses relative to the page); the context passed in is opaque here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import jinja2
from markupsafe import Markup

from . import urls
from .icons import css_class
from .render import LetterRenderer
from .views import LetterView

LETTER_CONTENT = "partials/dc/letter-content.html"
LETTER_META = "partials/dc/letter-meta.html"
SEARCH_DOCUMENT = "partials/dc/search-document.html"
TITLE_MARKER = "\ue000DC-TITLE\ue000"
"""A title no letter can have: a private-use character the validator refuses."""


class TitledPage(Protocol):
    """What a fragment needs of a page: its metadata, whose title it may hold."""

    meta: dict[str, Any]


@dataclass(frozen=True)
class RenderedLetter:
    panel: Markup
    """The metadata panel: who, where, when, party, topics, campaign, source."""
    content: str
    """The letter itself, set as a letter."""


class PageRenderer:
    """One per build: renders letters and search documents, and caches fragments."""

    def __init__(self, environment: jinja2.Environment) -> None:
        self._environment = environment
        self._letters = LetterRenderer()
        self._fragments: dict[str, str] = {}
        environment.globals["dc_urls"] = urls

    def install(self, environment: jinja2.Environment) -> None:
        """Give the templates of ``environment`` the site's addresses and this build's
        fragment cache."""
        environment.globals["dc_urls"] = urls
        environment.globals["dc_fragment"] = self.fragment
        environment.globals["dc_titled_fragment"] = self.titled_fragment
        environment.globals["dc_icon_class"] = css_class
        # ``tojson`` (a letter's schema.org data, Material's configuration) without
        # the spaces after commas and colons: bytes on every page, for nobody.
        environment.policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":")}
        # Each build has an environment of its own (``mkdocs serve`` too), and no
        # template changes during one: without this, every one of the 20 or so
        # templates a page includes is checked on disk, on every page.
        environment.auto_reload = False

    def letter(self, view: LetterView, context: Mapping[str, Any]) -> RenderedLetter:
        """The panel (rendered once, for the page and for search alike) and the letter."""
        context = {**context, "letter": view}
        panel = self._environment.get_template(LETTER_META).render(context)
        parts = self._letters.render(view.letter.body)
        content = self._environment.get_template(LETTER_CONTENT).render(context, parts=parts)
        return RenderedLetter(Markup(panel), content)

    def search_document(
        self, page: object, content: str, letter: LetterView | None = None, panel: str = ""
    ) -> str:
        """What search sees of a page: a letter's title, panel and text, or a page's text."""
        template = self._environment.get_template(SEARCH_DOCUMENT)
        return template.render(letter=letter, panel=panel, content=content, page=page)

    def fragment(self, key: str, caller: Callable[[], str]) -> str:
        """``{% call dc_fragment(key) %}…{% endcall %}``: render once per build and key."""
        if key not in self._fragments:
            self._fragments[key] = caller()
        return self._fragments[key]

    def titled_fragment(self, key: str, page: TitledPage, caller: Callable[[], str]) -> str:
        """A fragment that differs from page to page only by the page's title.

        Rendered once with a marker for a title, then the marker is swapped
        for each page's title, already escaped in page.meta.
        """
        if key not in self._fragments:
            title = page.meta["title"]
            page.meta["title"] = TITLE_MARKER
            try:
                self._fragments[key] = caller()
            finally:
                page.meta["title"] = title
        return self._fragments[key].replace(TITLE_MARKER, page.meta["title"])
