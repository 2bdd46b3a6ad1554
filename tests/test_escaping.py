"""Hostile values: the validator refuses them, and a build forced to take them emits
nothing executable."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

import dearconstituent.validate
from dearconstituent.sandbox import copy_pages, write_config
from dearconstituent.validate import check_archive
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


def test_the_search_index_holds_only_escaped_values(hostile_site: BuiltSite) -> None:
    index = hostile_site.json("search/search_index.json")
    assert isinstance(index, dict)
    text = json.dumps(index)
    assert "dc-xss" in text
    for doc in index["docs"]:
        for value in (doc["title"], doc["text"], *doc.get("tags", [])):
            assert "<script" not in value and "<img" not in value


def test_hostile_front_matter_cannot_choose_a_template(hostile_site: BuiltSite) -> None:
    page = hostile_site.html("letters/2019/2019-03-14-ann-other-hostile/")
    assert 'class="dc-letter-paper"' in page
    assert "md-sidebar--primary" in page
