"""MkDocs hook: the thin adapter between MkDocs and the ``dearconstituent`` package.

Each event hands MkDocs' objects to the package and puts the package's answer
back: validation and the site structure in ``on_files`` (where shared-text
detection starts, in a child process when the build has the machine to
itself), letter and generated page data in ``on_page_markdown``, the letter's
metadata panel and content in ``on_page_content``, the shared texts once
detection is done in ``on_env``, and each page's final data in
``on_page_context``. All state of a build lives on that build's config, so
nothing leaks from one ``mkdocs serve`` rebuild into the next.
"""

from __future__ import annotations

import html
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from dearconstituent.background import Pending, run
from dearconstituent.gitdates import commit_timestamp, last_changed
from dearconstituent.publish import data_files, letter_texts
from dearconstituent.render import LetterRenderer
from dearconstituent.searchindex import BUNDLE, SearchDocuments, SearchIndexError
from dearconstituent.sharedsite import add_shared_texts
from dearconstituent.sharedtext import Templates, find_templates
from dearconstituent.site import (
    GeneratedPage,
    LetterView,
    Site,
    build_site,
    letter_jsonld,
)
from dearconstituent.validate import Report, check_archive

log = logging.getLogger("mkdocs.hooks.dear_constituent")

STATE = "_dear_constituent"
REPO = Path(__file__).resolve().parent.parent
GUIDES = {"add-a-letter.md": REPO / "CONTRIBUTING.md"}
"""Pages published from files at the repository's root, one text for both places."""
LETTER_TEMPLATE = "dc/letter.html"
TITLE_MARKER = "\ue000DC-TITLE\ue000"
"""A title no letter can have: a private-use character the validator refuses."""
HOME_TEMPLATE = "dc/home.html"
LETTER_CONTENT = "partials/dc/letter-content.html"
LETTER_META = "partials/dc/letter-meta.html"
SEARCH_DOCUMENT = "partials/dc/search-document.html"


@dataclass
class BuildState:
    report: Report
    site: Site
    renderer: LetterRenderer
    texts: dict[str, str]
    search: SearchDocuments
    templates: Pending[Templates]
    env: jinja2.Environment | None = None
    fragments: dict[str, str] = field(default_factory=dict)

    def fragment(self, key: str, caller: Callable[[], str]) -> str:
        """``{% call dc_fragment(key) %}…{% endcall %}``: render once per build and key."""
        if key not in self.fragments:
            self.fragments[key] = caller()
        return self.fragments[key]

    def titled_fragment(self, key: str, page: Page, caller: Callable[[], str]) -> str:
        """A fragment that differs from page to page only by the page's title.

        Rendered once with a marker for a title, then the marker is swapped
        for each page's title, already escaped in page.meta (see _letter_meta).
        """
        if key not in self.fragments:
            title = page.meta["title"]
            page.meta["title"] = TITLE_MARKER
            try:
                self.fragments[key] = caller()
            finally:
                page.meta["title"] = title
        return self.fragments[key].replace(TITLE_MARKER, page.meta["title"])


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # MkDocs dates the sitemap and its gzip header with the build time unless
    # SOURCE_DATE_EPOCH is set; the commit's own time keeps builds reproducible.
    if "SOURCE_DATE_EPOCH" not in os.environ:
        timestamp = commit_timestamp(Path(config.config_file_path or ".").parent)
        if timestamp is not None:
            os.environ["SOURCE_DATE_EPOCH"] = str(timestamp)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    docs = Path(config.docs_dir)
    # Checking in several processes forks this one: safe in `mkdocs build`,
    # not beside the threads of `mkdocs serve`.
    jobs = (os.cpu_count() or 1) if threading.active_count() == 1 else 1
    report = check_archive(docs, jobs=jobs)
    for problem in report.problems:
        log.warning(problem.as_text())
    for path in sorted({problem.path for problem in report.errors}):
        _drop_invalid_letter(files, docs, path)
    site = build_site(report.letters, report.registers, last_updated=last_changed(docs))
    # Shared-text detection runs beside MkDocs while it reads the pages; its
    # pages are made now, empty, and filled in on_env (see sharedsite).
    letters = report.letters
    templates = run(lambda: find_templates(letters), background=jobs > 1)
    add_shared_texts(site, Templates())
    for page in site.pages.values():
        files.append(File.generated(config, page.src_uri, content=""))
    for uri, source in GUIDES.items():
        files.append(File.generated(config, uri, content=source.read_text(encoding="utf-8")))
    state = BuildState(
        report=report,
        site=site,
        renderer=LetterRenderer(),
        texts=letter_texts(site),
        search=SearchDocuments(beside=Path(config.site_dir).parent),
        templates=templates,
    )
    setattr(config, STATE, state)
    return files


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    # Letter pages share their navigation and footer with every page as deep
    # as they are; rendering those once per build, not once per letter, saves
    # a good part of the build (see BENCHMARKS.md).
    state = _state(config)
    add_shared_texts(state.site, state.templates.result())
    env.globals["dc_fragment"] = state.fragment
    env.globals["dc_titled_fragment"] = state.titled_fragment
    # Every page's content exists now: Pagefind indexes while the templates render.
    state.search.start(Path(config.site_dir) / BUNDLE)
    return env


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    site = _state(config).site
    uri = page.file.src_uri
    if (view := site.letters.get(uri)) is not None:
        page.meta = _letter_meta(view)
        if view.last_updated is not None:
            page.update_date = view.last_updated.isoformat()
        # The letter is rendered in on_page_content, by the package and a
        # template; MkDocs has nothing to convert.
        return ""
    if (generated := site.pages.get(uri)) is not None:
        page.meta = _generated_meta(generated)
        return ""
    if page.is_homepage:
        page.meta.update(template=HOME_TEMPLATE, dc_home=site.home, hide=["toc"])
    return None


def on_page_content(html_: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "dc_letter" in page.meta or "dc_page" in page.meta:
        # Material's "skip to content" link goes to the first entry of the
        # table of contents; these pages have no headings in their Markdown,
        # so their one entry is the heading the template writes (id dc-main).
        page.toc = get_toc(
            [{"level": 1, "id": "dc-main", "name": page.meta["title"], "children": []}]
        )
    view = page.meta.get("dc_letter")
    if not isinstance(view, LetterView):
        if not page.meta.get("dc_page") and not page.is_homepage:
            _add_search_document(page, config, html_, None)
        return html_
    page.meta["dc_jsonld"] = letter_jsonld(view, url=page.canonical_url, site_name=config.site_name)
    parts = _state(config).renderer.render(view.letter.body)
    environment = _environment(config)
    context = {"letter": view, "page": page, "config": config, "base_url": _base_url(page)}
    # The panel is rendered once, for the page and for search alike.
    panel = environment.get_template(LETTER_META).render(context)
    page.meta["dc_panel"] = Markup(panel)
    content = environment.get_template(LETTER_CONTENT).render(context, parts=parts)
    _add_search_document(page, config, content, view, panel)
    return content


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    # Shared texts are known only from on_env: pages read before then get
    # their final data here, as they are rendered.
    site = _state(config).site
    uri = page.file.src_uri
    if "dc_letter" in page.meta:
        page.meta["dc_shared"] = site.shared.get(uri)
    elif (generated := site.pages.get(uri)) is not None:
        page.meta.update(_generated_meta(generated))
    return context


def _add_search_document(
    page: Page, config: MkDocsConfig, content: str, view: LetterView | None, panel: str = ""
) -> None:
    template = _environment(config).get_template(SEARCH_DOCUMENT)
    document = template.render(letter=view, panel=panel, content=content, page=page)
    _state(config).search.add(page.url, document)


def on_post_build(*, config: MkDocsConfig) -> None:
    state = _state(config)
    site_dir = Path(config.site_dir)
    files = data_files(
        state.site,
        state.report.registers,
        docs_dir=Path(config.docs_dir),
        site_name=config.site_name,
        site_url=config.site_url,
        texts=state.texts,
    )
    for path, content in files:
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    try:
        log.info("Pagefind: %s", state.search.finish())
    except SearchIndexError as error:
        raise PluginError(str(error)) from None


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
    return {
        "template": page.template,
        "title": html.escape(page.title),
        "description": html.escape(page.description),
        "search": {"exclude": True},
        "hide": ["toc"],
        "dc_page": page,
    }


def _drop_invalid_letter(files: Files, docs: Path, shown_path: str) -> None:
    try:
        uri = Path(shown_path).resolve().relative_to(docs.resolve()).as_posix()
    except ValueError:
        return
    file = files.get_file_from_path(uri)
    if file is not None:
        log.warning("%s: left out of the site until its problems are fixed", shown_path)
        files.remove(file)


def _base_url(page: Page) -> str:
    depth = page.url.count("/")
    return "/".join([".."] * depth) or "."


def _environment(config: MkDocsConfig) -> jinja2.Environment:
    # MkDocs' own environment only reaches plugins after every page's content
    # is rendered, so the theme's environment is made once per build here.
    state = _state(config)
    if state.env is None:
        state.env = config.theme.get_env()
    return state.env


def _state(config: MkDocsConfig) -> BuildState:
    state = getattr(config, STATE, None)
    if not isinstance(state, BuildState):
        raise RuntimeError("the Dear Constituent hook ran out of order: on_files has not run")
    return state
