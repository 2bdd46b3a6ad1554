"""The site build, behind one small facade that a static site generator's adapter calls.

A build goes: check the archive and plan the site (:meth:`Build.plan`);
once the templates are ready, merge in the shared texts and start the
search index (:meth:`Build.templates_ready`); set up each page, render what
the archive owns of it, and give each its final data (:meth:`page_setup`,
:meth:`page_content`, :meth:`final_meta`); then write the data files and
finish the search index (:meth:`finish`).

Nothing here imports MkDocs: ``scripts/mkdocs_hook.py`` only turns MkDocs'
events into these calls, so that another generator could drive the same
build. Every value copied into a page's metadata that a theme might print
unescaped is escaped here: letters come from outsiders.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from . import urls
from .background import Pending, run
from .compact import compact_html
from .csp import HEADERS_FILE, headers_file, with_policy
from .gitdates import last_changed
from .icons import stylesheet
from .issueform import FORM, read_form
from .layout import relative_to_docs
from .pagerender import PageRenderer
from .problems import Problem
from .publish import data_files, letter_texts
from .searchindex import SearchDocuments
from .sharedsite import arrange
from .sharedtext import Templates, find_templates
from .site import Site, Submission, build_site, with_shared_texts
from .validate import check_archive
from .views import GeneratedPage, LetterView, WithdrawnPage, letter_jsonld

LETTER_TEMPLATE = "dc/letter.html"
HOME_TEMPLATE = "dc/home.html"
GUIDES = {"add-a-letter.md": "CONTRIBUTING.md"}
CORRECTIONS_PAGE = "corrections.md"
"""The Corrections page, which counts the letters withdrawn and redacted (``dc_corrections``)."""
"""Pages published from files at the repository's root: one text for both places."""
MAIN_HEADING = "dc-main"
"""The id of the heading the templates write on every letter and generated page."""


@dataclass(frozen=True)
class PageSetup:
    """How a page starts: the metadata the archive gives it."""

    meta: dict[str, Any]
    owned: bool
    """The archive renders the page's content (a letter or a generated page): its
    metadata replaces the page's own, and its Markdown is not converted."""
    update_date: str | None = None


@dataclass(frozen=True)
class PageContent:
    html: str
    meta: dict[str, Any] = field(default_factory=dict)
    """Metadata to add to the page's."""


class Build:
    """One build of the site from one docs folder."""

    def __init__(
        self,
        *,
        docs_dir: Path,
        site_dir: Path,
        site_name: str,
        site_url: str | None,
        environment: Callable[[], jinja2.Environment],
        parallel: bool,
        repo_dir: Path | None = None,
        repo_url: str | None = None,
        icons: Mapping[str, str] | None = None,
    ) -> None:
        """Check the archive and plan the site.

        ``environment`` makes the theme's Jinja environment, for rendering
        before the generator's own is ready. With ``parallel``, the archive
        is checked in several processes and shared texts are found in a
        forked one beside the build: only safe while no other thread runs.
        With ``repo_dir`` (where the issue form is) and ``repo_url``, the site has
        the page that prepares a letter for the issue form. ``icons`` are the
        theme's icons the pages show, by name, as SVG (:mod:`icons`).
        """
        self.docs_dir = docs_dir
        self.site_dir = site_dir
        self.site_name = site_name
        self.site_url = site_url
        jobs = _cores() if parallel else 1
        self.report = check_archive(docs_dir, jobs=jobs)
        letters = self.report.letters
        self.site: Site = build_site(
            letters,
            self.report.registers,
            last_updated=last_changed(docs_dir),
            submission=_submission(repo_dir, repo_url),
        )
        self._templates: Pending[Templates] = run(
            lambda: find_templates(letters), background=parallel
        )
        self._renderer = PageRenderer(environment())
        self._texts = letter_texts(self.site)
        self._search = SearchDocuments(beside=site_dir.parent)
        self._script_hashes: set[str] = set()
        self._icons = dict(icons or {})

    @property
    def problems(self) -> list[Problem]:
        return self.report.problems

    def left_out(self) -> list[tuple[str, str]]:
        """The files with errors, as shown and as source paths: the site leaves them out."""
        found = []
        for shown in sorted({problem.path for problem in self.report.errors}):
            relative = relative_to_docs(Path(shown).resolve(), self.docs_dir.resolve())
            if relative is not None:
                found.append((shown, relative.as_posix()))
        return found

    def generated_files(self, repo_dir: Path) -> Iterator[tuple[str, str]]:
        """``(source path, content)`` of every page and file the build adds to the docs."""
        for page in self.site.pages.values():
            yield page.src_uri, ""
        for uri, name in GUIDES.items():
            yield uri, (repo_dir / name).read_text(encoding="utf-8")
        yield urls.ICON_STYLESHEET, stylesheet(self._icons)

    def templates_ready(self, environment: jinja2.Environment) -> None:
        """Every page's content exists and the templates are about to render: merge in
        the shared texts, give the templates their globals, start the search index."""
        shared = arrange(self.site.letters, self._templates.result())
        self.site = with_shared_texts(self.site, shared)
        self._renderer.install(environment)
        self._search.start(self.site_dir / urls.SEARCH_BUNDLE)

    def page_setup(self, src_uri: str, *, homepage: bool) -> PageSetup | None:
        """The metadata of a page the archive knows; None for the others."""
        if (view := self.site.letters.get(src_uri)) is not None:
            updated = view.last_updated.isoformat() if view.last_updated else None
            return PageSetup(_letter_meta(view), owned=True, update_date=updated)
        if (page := self.site.pages.get(src_uri)) is not None:
            return PageSetup(_generated_meta(page), owned=True)
        if homepage:
            meta = {"template": HOME_TEMPLATE, "dc_home": self.site.home, "hide": ["toc"]}
            return PageSetup(meta, owned=False)
        if src_uri == CORRECTIONS_PAGE:
            return PageSetup({"dc_corrections": self.site.corrections}, owned=False)
        return None

    def page_content(
        self,
        src_uri: str,
        content: str,
        *,
        page: Any,
        context: Mapping[str, Any],
        homepage: bool,
    ) -> PageContent:
        """The content of a page, as rendered by the generator, made the archive's.

        A letter's content is its panel and its letter, rendered here; every
        page but the home page and the generated ones is indexed for search.
        ``page`` and ``context`` are the generator's, passed to templates.
        """
        view = self.site.letters.get(src_uri)
        if view is None:
            if src_uri not in self.site.pages and not homepage:
                self._index(page, self._renderer.search_document(page, content))
            return PageContent(content)
        rendered = self._renderer.letter(view, context)
        self._index(
            page, self._renderer.search_document(page, rendered.content, view, rendered.panel)
        )
        jsonld = letter_jsonld(view, url=getattr(page, "canonical_url", None))
        return PageContent(rendered.content, {"dc_panel": rendered.panel, "dc_jsonld": jsonld})

    def final_meta(self, src_uri: str) -> dict[str, Any]:
        """What a page gets once the shared texts are known (pages set up before then)."""
        if src_uri in self.site.letters:
            return {"dc_shared": self.site.shared.letters.get(src_uri)}
        if (page := self.site.pages.get(src_uri)) is not None:
            return _generated_meta(page)
        return {}

    def finished_page(self, html: str) -> str:
        """A page as it is written to the site: without its templates' indentation, and
        with its Content Security Policy (the hashes of the inline scripts it has)."""
        page, hashes = with_policy(compact_html(html))
        self._script_hashes.update(hashes)
        return page

    def finished_template(self, name: str, output: str) -> str:
        """A page made from a theme template alone (404.html) is finished like every
        page; other templates (sitemap.xml) are left as they are."""
        return self.finished_page(output) if name.endswith(".html") else output

    def finish(self) -> str:
        """Write the data files beside the pages, finish the search index; say what it
        indexed. Raises SearchIndexError when Pagefind fails."""
        files = data_files(
            self.site,
            self.report.registers,
            site_name=self.site_name,
            site_url=self.site_url,
            texts=self._texts,
        )
        # Every page has been written by now, so every inline script's hash is known.
        headers = (HEADERS_FILE, headers_file(self._script_hashes).encode("utf-8"))
        for path, content in (*files, headers):
            target = self.site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        return self._search.finish()

    def _index(self, page: Any, document: str) -> None:
        self._search.add(page.url, document)


def relative_root(url: str) -> str:
    """The site's root, relative to the page at ``url``: ``../..`` for ``mps/x/``."""
    return "/".join([".."] * url.count("/")) or "."


def _letter_meta(view: LetterView) -> dict[str, Any]:
    # Material copies page.meta.title and .description into the page unescaped,
    # so they are escaped here; the templates read the raw view and autoescape.
    return {
        "template": LETTER_TEMPLATE,
        "title": html.escape(view.title),
        "description": html.escape(view.description),
        "hide": ["toc"],
        "dc_letter": view,
    }


def _generated_meta(page: GeneratedPage) -> dict[str, Any]:
    meta = {
        "template": page.template,
        "title": html.escape(page.title),
        "description": html.escape(page.description),
        "search": {"exclude": True},
        "hide": ["toc"],
        "dc_page": page,
    }
    if isinstance(page.data, WithdrawnPage):
        # Kept out of search engines and of the sitemap (overrides/sitemap.xml).
        meta["robots"] = "noindex"
    return meta


def _submission(repo_dir: Path | None, repo_url: str | None) -> Submission | None:
    if repo_dir is None or not repo_url or not (repo_dir / FORM).is_file():
        return None
    return Submission(form=read_form(repo_dir / FORM), repo_url=repo_url)


def _cores() -> int:
    return os.cpu_count() or 1
