"""Hostile values: the validator refuses them, and a build forced to take them emits
nothing executable."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from playwright.sync_api import Dialog, sync_playwright

import dearconstituent.validate
from dearconstituent.sandbox import copy_pages, write_config
from dearconstituent.validate import check_archive
from tests.browser import CHROMIUM_ARGS, chromium_path, free_port, open_all, serve
from tests.hostile import TODAY, forced_report, write_hostile_archive
from tests.sitebuild import BuiltSite, Elements

pytestmark = pytest.mark.slow

PAYLOAD = "alert('dc-xss')"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    root = tmp_path_factory.mktemp("hostile")
    docs = root / "docs"
    write_hostile_archive(docs)
    copy_pages(docs)
    config = write_config(root, docs=docs, site=root / "site")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dearconstituent.validate, "check_archive", forced_report)
        logging.getLogger("mkdocs").setLevel(logging.ERROR)
        build(load_config(str(config)))
    return BuiltSite(root / "site")


def test_the_validator_refuses_every_hostile_value(tmp_path: Path) -> None:
    letter = write_hostile_archive(tmp_path / "docs")
    problems = check_archive(tmp_path / "docs", today=TODAY).problems
    letter_problems = {
        (p.field, p.message.split(" (")[0]) for p in problems if p.path.endswith(letter.name)
    }
    for field in ("title", "signatory", "constituency", "summary", "body"):
        assert (field, "raw HTML is not allowed") in {
            (f, m.split(" ('")[0]) for f, m in letter_problems
        }, field
    messages = {message for _, message in letter_problems}
    assert "script and data links are not allowed" in messages
    assert any(m.startswith("Markdown attribute lists are not allowed") for m in messages)
    assert any(m.startswith("HTML character references are not allowed") for m in messages)
    assert any(m.startswith("block markup '/// html | s'") for m in messages)
    assert ("template", "unknown field") in letter_problems
    register_files = {Path(p.path).name for p in problems if "_data" in p.path}
    assert register_files == {"members.yml", "topics.yml", "campaigns.yml"}


def test_a_forced_build_emits_no_executable_markup(hostile_site: BuiltSite) -> None:
    pages = [path for path in hostile_site.files() if path.suffix == ".html"]
    assert any("letters/2019/" in path.as_posix() for path in pages)
    for path in pages:
        parser = Elements()
        parser.feed(path.read_text(encoding="utf-8"))
        for tag, attrs in parser.tags:
            assert not (tag == "img" and attrs.get("src") == "x"), (path, tag)
            for name, value in attrs.items():
                assert not name.startswith("on"), (path, tag, name)
                if name in {"href", "src", "action", "formaction"}:
                    assert not value.strip().lower().startswith(("javascript:", "data:")), (
                        path,
                        tag,
                        value,
                    )
        assert not any(PAYLOAD in script for script in parser.scripts), path


def test_no_output_file_holds_the_raw_markup(hostile_site: BuiltSite) -> None:
    # Pages, data and feeds; the plain-text and Markdown downloads and the CSV
    # are text by nature, served as such, and hold the letter's words as they are.
    for path in hostile_site.files():
        if path.suffix not in {".html", ".json", ".xml"}:
            continue
        text = path.read_text(encoding="utf-8")
        assert "<script>alert(" not in text, path
        assert "<img src=x" not in text, path
        assert "<b onmouseover" not in text, path


def test_the_search_index_was_built_from_the_hostile_letter(hostile_site: BuiltSite) -> None:
    # What the search page does with these values is checked in a browser
    # (tests/test_browser.py); here, that they reached the index at all.
    entry = hostile_site.json("pagefind/pagefind-entry.json")
    [language] = entry["languages"].values()
    assert language["page_count"] >= 1
    assert list((hostile_site.root / "pagefind" / "fragment").iterdir())


def test_hostile_front_matter_cannot_choose_a_template(hostile_site: BuiltSite) -> None:
    page = hostile_site.html("letters/2019/2019-03-14-ann-other-hostile/")
    assert 'class="dc-letter-paper"' in page
    assert "md-sidebar--primary" in page


def test_no_hostile_value_runs_in_a_browser(hostile_site: BuiltSite) -> None:
    """Every page of the hostile site, and a search that shows the hostile
    letter, open in Chromium without a single alert() going off."""
    dialogs: list[str] = []
    port = free_port()
    pages = sorted(
        path.relative_to(hostile_site.root).as_posix()
        for path in hostile_site.files()
        if path.name == "index.html"
    )
    with serve(hostile_site.root, port) as base, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        context = browser.new_context()

        def record(dialog: Dialog) -> None:
            dialogs.append(dialog.message)
            dialog.dismiss()

        context.on("page", lambda opened: opened.on("dialog", record))
        open_all(context, (base + path.removesuffix("index.html") for path in pages))
        # The watch would miss nothing: a page that does call alert() is caught.
        context.new_page().set_content("<script>alert('dc-canary')</script>")
        assert dialogs == ["dc-canary"]
        dialogs.clear()
        page = context.new_page()
        for words in ("alert", "dc-xss", "script", "Ann Other"):
            page.goto(base + "search/?q=" + words, wait_until="networkidle")
            page.wait_for_function(
                "() => document.getElementById('dc-search-status').textContent.length > 0"
            )
        found = page.eval_on_selector_all(".dc-result__title a", "as => as.map(a => a.textContent)")
        browser.close()
    assert len(pages) > 10
    assert found, "the hostile letter should be found, and shown as text"
    assert any("<script>" in title or "</title>" in title for title in found)
    assert dialogs == []
