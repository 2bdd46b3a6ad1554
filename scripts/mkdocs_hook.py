"""MkDocs hook: turns MkDocs' events into calls on ``dearconstituent.build.Build``.

Nothing else: the build's logic, templates' data and rendering live in the
``dearconstituent`` package, which never imports MkDocs. Each build's state
lives on its config, so nothing leaks from one ``mkdocs serve`` rebuild on.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from dearconstituent.build import MAIN_HEADING, Build, relative_root
from dearconstituent.gitdates import commit_timestamp
from dearconstituent.icons import theme_icons
from dearconstituent.searchindex import SearchIndexError

log = logging.getLogger("mkdocs.hooks.dear_constituent")

STATE = "_dear_constituent"
REPO = Path(__file__).resolve().parent.parent


class _ToMkDocs(logging.Handler):
    """Passes the package's log records to MkDocs' own logging (and --strict)."""

    def emit(self, record: logging.LogRecord) -> None:
        log.handle(record)


def on_startup(*, command: str, dirty: bool) -> None:
    package = logging.getLogger("dearconstituent")
    package.setLevel(logging.getLogger("mkdocs").getEffectiveLevel())
    if not any(isinstance(handler, _ToMkDocs) for handler in package.handlers):
        package.addHandler(_ToMkDocs())
        package.propagate = False


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # MkDocs dates the sitemap and its gzip header with the build time unless
    # SOURCE_DATE_EPOCH is set; the commit's own time keeps builds reproducible.
    if "SOURCE_DATE_EPOCH" not in os.environ:
        timestamp = commit_timestamp(Path(config.config_file_path or ".").parent)
        if timestamp is not None:
            os.environ["SOURCE_DATE_EPOCH"] = str(timestamp)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    build = Build(
        docs_dir=Path(config.docs_dir),
        site_dir=Path(config.site_dir),
        site_name=config.site_name,
        site_url=config.site_url,
        environment=config.theme.get_env,
        # Forking is safe in `mkdocs build`, not beside the threads of `mkdocs serve`.
        parallel=threading.active_count() == 1,
        repo_dir=REPO,
        repo_url=config.repo_url,
        icons=theme_icons(config.theme["icon"], config.theme["palette"], config.theme.dirs),
    )
    for problem in build.problems:
        log.warning(problem.as_text())
    for shown, uri in build.left_out():
        if (file := files.get_file_from_path(uri)) is not None:
            files.remove(file)
            log.warning("%s: left out of the site until its problems are fixed", shown)
    for uri, content in build.generated_files(REPO):
        files.append(File.generated(config, uri, content=content))
    setattr(config, STATE, build)
    return files


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    _build(config).templates_ready(env)
    return env


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    setup = _build(config).page_setup(page.file.src_uri, homepage=page.is_homepage)
    if setup is None:
        return None
    if setup.update_date:
        page.update_date = setup.update_date
    if not setup.owned:
        page.meta.update(setup.meta)
        return None
    page.meta = setup.meta
    return ""


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = _build(config)
    if "dc_letter" in page.meta or "dc_page" in page.meta:
        # Material's skip link goes to the first entry of the table of contents:
        # these pages have one, the heading their template writes.
        page.toc = get_toc(
            [{"level": 1, "id": MAIN_HEADING, "name": page.meta["title"], "children": []}]
        )
    context = {"page": page, "config": config, "base_url": relative_root(page.url)}
    content = build.page_content(
        page.file.src_uri, html, page=page, context=context, homepage=page.is_homepage
    )
    page.meta.update(content.meta)
    return content.html


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    page.meta.update(_build(config).final_meta(page.file.src_uri))
    return context


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _build(config).finished_page(output)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    return _build(config).finished_template(template_name, output_content)


def on_post_build(*, config: MkDocsConfig) -> None:
    try:
        log.info("Pagefind: %s", _build(config).finish())
    except SearchIndexError as error:
        raise PluginError(str(error)) from None


def _build(config: MkDocsConfig) -> Build:
    build = getattr(config, STATE, None)
    if not isinstance(build, Build):
        raise RuntimeError("the Dear Constituent hook ran out of order: on_files has not run")
    return build
