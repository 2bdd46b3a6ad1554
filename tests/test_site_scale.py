"""The site at scale, from fictional letters: listings stay compact and paginated."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from benchmarks.corpus import generate_corpus
from dearconstituent.sandbox import copy_pages, write_config
from dearconstituent.site import PAGE_SIZE
from dearconstituent.validate import check_archive
from tests.sitebuild import BuiltSite, mkdocs_build

pytestmark = pytest.mark.slow


@pytest.fixture
def demo(demo_site: BuiltSite) -> BuiltSite:
    return demo_site


def test_every_page_carries_the_fictional_data_banner(demo: BuiltSite) -> None:
    pages = [path for path in demo.files() if path.suffix == ".html"]
    assert len(pages) > 1200
    for path in pages:
        assert "Fictional demonstration data." in path.read_text(encoding="utf-8"), path


def test_every_page_is_written_without_its_templates_indentation(demo: BuiltSite) -> None:
    # Outside <pre> and <textarea>, where spacing is content, no line of a
    # built page starts with spaces and no two line breaks follow each other.
    kept = re.compile(r"<(pre|textarea)\b.*?</\1>", re.S)
    pages = [path for path in demo.files() if path.suffix == ".html"]
    for path in pages:
        text = kept.sub("<kept>", path.read_text(encoding="utf-8"))
        assert not re.search(r"\n[ \t]|\n\n", text), path


def test_long_listings_are_split_into_pages(demo: BuiltSite) -> None:
    years = sorted((demo.root / "letters").glob("[0-9][0-9][0-9][0-9]"))
    largest = max(years, key=lambda year: len(list(year.glob("[0-9]*-*"))))
    count = len(list(largest.glob("[0-9]*-*")))
    assert count > PAGE_SIZE
    first = demo.html(f"letters/{largest.name}/")
    assert first.count("<tr>") - 1 == PAGE_SIZE
    assert f"letters/{largest.name}/page/2/" in demo.links(f"letters/{largest.name}/")
    second = demo.html(f"letters/{largest.name}/page/2/")
    assert "Page 2 of" in second
    rows = sum(demo.html(url).count("<tr>") - 1 for url in _pages(demo, f"letters/{largest.name}/"))
    assert rows == count


def test_the_letters_index_is_compact(demo: BuiltSite) -> None:
    page = demo.html("letters/")
    years = re.findall(r'<h2 id="year-(\d{4})">', page)
    assert years == sorted(years, reverse=True)
    assert page.count("<tr>") - len(years) <= 10 * len(years)
    for year in years:
        assert f"letters/{year}/" in demo.links("letters/")


def test_every_mp_and_constituency_page_exists_and_links_letters(demo: BuiltSite) -> None:
    mps = [link for link in demo.links("mps/") if re.fullmatch(r"mps/[a-z-]+/", link)]
    assert len(mps) >= 20
    for mp in mps:
        page = demo.html(mp)
        assert "Seats" in page
        assert any(link.startswith("letters/2") for link in demo.links(mp)) or "No letters" in page


def test_only_letters_and_the_sites_own_pages_are_searched(demo: BuiltSite) -> None:
    entry = demo.json("pagefind/pagefind-entry.json")
    [language] = entry["languages"].values()
    own_pages = ("about", "privacy", "corrections", "add-a-letter", "data")
    assert language["page_count"] == 1200 + len(own_pages)


def test_the_build_refuses_invalid_letters_and_prints_why(tmp_path: Path) -> None:
    corpus = generate_corpus(tmp_path, letters=20, seed=5)
    copy_pages(corpus.docs_dir)
    bad = corpus.letters[3]
    bad.write_text(bad.read_text(encoding="utf-8").replace("topics:", "topicks:"), encoding="utf-8")
    config = write_config(tmp_path, docs=corpus.docs_dir, site=tmp_path / "site")
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    problems = check_archive(corpus.docs_dir).problems
    assert problems
    for problem in problems:
        assert problem.message in result.stderr
    assert "topicks: unknown field (did you mean 'topics'?)" in result.stderr


def _pages(site: BuiltSite, base: str) -> list[str]:
    urls = [base]
    number = 2
    while (site.root / base / "page" / str(number) / "index.html").exists():
        urls.append(f"{base}page/{number}/")
        number += 1
    return urls


def test_exports_and_feeds_at_scale(demo: BuiltSite) -> None:
    data = demo.json("letters.json.gz")
    assert isinstance(data, dict)
    assert data["count"] == len(data["letters"]) == 1200
    jsonschema.Draft202012Validator(demo.json("letters.schema.json")).validate(data)
    atom = "{http://www.w3.org/2005/Atom}"
    ids = [
        entry.findtext(f"{atom}id", "")
        for entry in ET.parse(demo.root / "feed.xml").getroot().findall(f"{atom}entry")
    ]
    # The newest 50 letters, and the demonstration's one withdrawal.
    assert len([id_ for id_ in ids if ":withdrawn:" not in id_]) == 50
    assert len([id_ for id_ in ids if ":withdrawn:" in id_]) == 1
    assert [entry["reason"] for entry in data["withdrawn"]] == ["not-a-standard-reply"]
    members = demo.json("members.json")
    assert isinstance(members, dict)
    for member in members["members"][:5]:
        feed = demo.root / "mps" / member["slug"] / "feed.xml"
        entries = ET.parse(feed).getroot().findall(f"{atom}entry")
        assert len(entries) == min(50, member["letters"])
        assert {entry.findtext(f"{atom}author/{atom}name") for entry in entries} <= {member["name"]}


def test_the_packages_messages_reach_the_builds_output(demo: BuiltSite) -> None:
    """The demo is built outside git: the package's own INFO says there are no dates."""
    assert "INFO    -  not a git checkout" in demo.log
    assert "pages will show no last-updated dates" in demo.log
