"""Withdrawing a letter (the register, the notice at its address, its text gone from
everything the site publishes) and redacting a part of one."""

from __future__ import annotations

import gzip
import re
import xml.etree.ElementTree as ET
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import jsonschema
import pytest
from playwright.sync_api import BrowserContext

from benchmarks.corpus import generate_corpus
from dearconstituent.layout import transcript_for
from dearconstituent.sandbox import copy_pages, write_config
from tests.archive import BODY, Archive, messages, problems_of
from tests.browser import axe_violations, free_port, serve
from tests.sitebuild import BuiltSite, configured_site_url, mkdocs_build

ATOM = "{http://www.w3.org/2005/Atom}"
UNDER = urlsplit(configured_site_url()).path
LETTER = "docs/letters/2019/2019-03-14-morwenna-tregarth-fair-rents.md"


def _withdraw(archive: Archive, entry: str) -> Path:
    return archive.register("withdrawn.yml", entry)


def test_a_withdrawn_letter_whose_file_is_gone_passes(tmp_path: Path) -> None:
    archive = Archive(tmp_path)
    archive.letter("2020/2020-01-02-morwenna-tregarth-other.md", date="2020-01-02")
    register = _withdraw(
        archive,
        f"""\
        - letter: {LETTER}
          withdrawn: 2026-11-30
          reason: not-a-standard-reply
          note: The office told us it was a reply to one constituent.
        """,
    )
    assert messages(problems_of(archive)) == []
    assert messages(problems_of(archive, register)) == []


def test_the_letter_and_its_transcript_must_be_gone(tmp_path: Path) -> None:
    archive = Archive(tmp_path)
    archive.letter()
    archive.transcript("Dear Constituent,\n")
    register = _withdraw(
        archive,
        f"""\
        - letter: {LETTER}
          withdrawn: 2026-11-30
          reason: legal
        """,
    )
    found = messages(problems_of(archive, register))
    assert found == [
        f"1: letter: is withdrawn, but its file is still in the archive (delete {LETTER})",
        "1: letter: is withdrawn, but its transcript is still in the archive "
        "(delete docs/_transcripts/2019/2019-03-14-morwenna-tregarth-fair-rents.txt)",
    ]


def test_every_mistake_in_an_entry_says_what_to_write(tmp_path: Path) -> None:
    archive = Archive(tmp_path)
    register = _withdraw(
        archive,
        """\
        - letter: letters/2019/fair-rents.md
          withdrawn: 2026-02-30
          reason: legall
          notes: x
        - letter: docs/letters/2019/2019-03-14-morwenna-tregarth-fair-rents.md
          withdrawn: 2026-11-30
          reason: withdrawn because I said so
        - letter: docs/letters/2019/2019-03-14-morwenna-tregarth-fair-rents.md
          withdrawn: 2026-11-30
          reason: legal
        - letter: docs/letters/2019/2019-03-14-morwenna-tregarth-fair-rents.md
          withdrawn: 2026-12-01
          reason: legal
        """,
    )
    found = "\n".join(messages(problems_of(archive, register)))
    assert "4: notes: unknown field (did you mean 'note'?)" in found
    assert "1: letter: 'letters/2019/fair-rents.md' is not a letter's file" in found
    assert "2: withdrawn: " in found and "2026-02-30" in found
    assert (
        "3: reason: 'legall' is not a reason for withdrawing a letter (did you mean 'legal'?)"
        in (found)
    )
    assert "the reasons are: not-a-standard-reply, personal-data, writers-request" in found
    assert "11: letter: is withdrawn twice (keep one entry)" in found


def test_a_note_is_public_and_so_holds_no_personal_data(tmp_path: Path) -> None:
    archive = Archive(tmp_path)
    register = _withdraw(
        archive,
        f"""\
        - letter: {LETTER}
          withdrawn: 2026-11-30
          reason: personal-data
          note: Withdrawn after a request from jo.bloggs@example.com.
        """,
    )
    found = "\n".join(messages(problems_of(archive, register)))
    assert "looks like personal data (e-mail address: 'jo.bloggs@example.com')" in found


def test_a_redacted_letter_shows_where_and_was_redacted_after_it_was_sent(
    tmp_path: Path,
) -> None:
    archive = Archive(tmp_path)
    archive.letter(redacted="2026-11-30")
    assert messages(problems_of(archive)) == [
        "8: redacted: says a part was removed, but the letter has no '[removed]' "
        "(replace what was taken out with [removed], or remove this field)"
    ]
    archive.letter(body=BODY.replace("in Wexmoor.", "in [removed]."), redacted="2019-03-01")
    assert messages(problems_of(archive)) == [
        "8: redacted: 2019-03-01 is before the letter's date "
        "(give the day the part was removed from the published letter)"
    ]
    archive.letter(body=BODY.replace("Wexmoor.", "[address removed]."), redacted="2026-11-30")
    assert messages(problems_of(archive)) == []


# ---------------------------------------------------------------------------
# The site, before and after a letter is withdrawn and another redacted


def _texts(site: Path) -> dict[str, bytes]:
    """Every file of the site, decompressed where it is gzip (exports, Pagefind)."""
    files = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            content = path.read_bytes()
            if content[:2] == b"\x1f\x8b":
                content = gzip.decompress(content)
            files[path.relative_to(site).as_posix()] = content
    return files


def _own_sentence(letters: list[Path], chosen: Path) -> str:
    """The first sentence of ``chosen`` that no other letter has, or ''."""
    others = "\n".join(path.read_text(encoding="utf-8") for path in letters if path != chosen)
    body = chosen.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    sentences = re.findall(r"[A-Z][^.\n]{40,}\.", body)
    return next((str(sentence) for sentence in sentences if sentence not in others), "")


def _unique_sentence(letters: list[Path], chosen: Path) -> str:
    sentence = _own_sentence(letters, chosen)
    assert sentence, "the chosen letter has no sentence of its own"
    return sentence


@pytest.fixture(scope="module")
def withdrawn(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltSite, BuiltSite, str, str]:
    """A fictional archive built, then built again with one of its letters withdrawn
    and a sentence of another redacted: (before, after, the withdrawn letter's
    address, a sentence only that letter has)."""
    root = tmp_path_factory.mktemp("withdrawn")
    corpus = generate_corpus(root, letters=40, seed=11)
    copy_pages(corpus.docs_dir)
    chosen = corpus.letters[7]
    sentence = _unique_sentence(corpus.letters, chosen)
    redacted, removed = next(
        (letter, own)
        for letter in corpus.letters
        if letter != chosen and (own := _own_sentence(corpus.letters, letter))
    )
    relative = chosen.relative_to(corpus.docs_dir)
    url = f"{relative.parent.as_posix()}/{relative.stem}/"
    config = write_config(root, docs=corpus.docs_dir, site=root / "before")
    assert mkdocs_build(config, root / "before").returncode == 0
    chosen.unlink()
    transcript = transcript_for(corpus.docs_dir, PurePosixPath(relative.as_posix()))
    if transcript is not None and transcript.exists():
        transcript.unlink()
    (corpus.docs_dir / "_data" / "withdrawn.yml").write_text(
        f"- letter: docs/{relative.as_posix()}\n"
        "  withdrawn: 2026-11-30\n"
        "  reason: not-a-standard-reply\n"
        "  note: The office told us it was a reply to one constituent.\n",
        encoding="utf-8",
    )
    text = redacted.read_text(encoding="utf-8").replace(removed, "[removed]")
    text = text.replace("\n---\n", "\nredacted: 2026-11-30\n---\n", 1)
    redacted.write_text(text, encoding="utf-8")
    (root / "removed.txt").write_text(removed, encoding="utf-8")
    result = mkdocs_build(config, root / "after")
    assert result.returncode == 0, result.stderr
    return BuiltSite(root / "before"), BuiltSite(root / "after"), url, sentence


@pytest.mark.slow
def test_the_letters_text_was_everywhere_before_and_is_nowhere_after(
    withdrawn: tuple[BuiltSite, BuiltSite, str, str],
) -> None:
    before, after, url, sentence = withdrawn
    needle = sentence.encode("utf-8")
    had = {name for name, content in _texts(before.root).items() if needle in content}
    # The scan reads what it must: the page, the search index, the data, a feed.
    assert f"{url}index.html" in had
    assert "letters.json.gz" in had
    assert any(name.startswith("pagefind/fragment/") for name in had)
    assert any(name.endswith("feed.xml") for name in had)
    left = [name for name, content in _texts(after.root).items() if needle in content]
    assert left == []


@pytest.mark.slow
def test_its_address_keeps_a_notice_that_search_engines_leave_alone(
    withdrawn: tuple[BuiltSite, BuiltSite, str, str],
) -> None:
    _, after, url, _ = withdrawn
    page = after.html(url)
    assert '<h1 id="dc-main">This letter was withdrawn</h1>' in page
    assert '<time datetime="2026-11-30">30 November 2026</time>: it was a reply to one ' in page
    assert "Note (editorial): The office told us it was a reply to one constituent." in page
    assert '<meta name="robots" content="noindex">' in page
    assert 'href="../../../corrections/"' in page
    assert url not in (after.root / "sitemap.xml").read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_data_lists_it_as_withdrawn(withdrawn: tuple[BuiltSite, BuiltSite, str, str]) -> None:
    _, after, url, _ = withdrawn
    data = after.json("letters.json.gz")
    jsonschema.Draft202012Validator(
        after.json("letters.schema.json"), format_checker=jsonschema.FormatChecker()
    ).validate(data)
    [entry] = data["withdrawn"]
    assert entry["url"].endswith(url)
    assert entry["path"].startswith("docs/letters/") and entry["path"].endswith(".md")
    assert (entry["withdrawn"], entry["reason"]) == ("2026-11-30", "not-a-standard-reply")
    assert all(not record["url"].endswith(url) for record in data["letters"])
    assert data["count"] == len(data["letters"]) == 39


@pytest.mark.slow
def test_the_archives_feed_announces_it_without_its_words(
    withdrawn: tuple[BuiltSite, BuiltSite, str, str],
) -> None:
    _, after, url, _ = withdrawn
    root = ET.parse(after.root / "feed.xml").getroot()
    [entry] = [
        item
        for item in root.findall(f"{ATOM}entry")
        if item.findtext(f"{ATOM}id", "").endswith(f":withdrawn:{url}")
    ]
    assert entry.findtext(f"{ATOM}title") == "A letter was withdrawn on 30 November 2026"
    assert entry.findtext(f"{ATOM}summary") == (
        "Withdrawn from the archive on 30 November 2026: it was a reply to one person, "
        "not a standard reply."
    )
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Dear Constituent"
    assert entry.find(f"{ATOM}content") is None
    assert entry.find(f"{ATOM}link").get("href", "").endswith(url)  # type: ignore[union-attr]


@pytest.mark.slow
def test_the_corrections_page_counts_withdrawals(
    withdrawn: tuple[BuiltSite, BuiltSite, str, str],
) -> None:
    before, after, _, _ = withdrawn
    assert "No letter has been withdrawn or redacted." in before.html("corrections/")
    page = after.html("corrections/")
    assert (
        "<tr><td>2026</td><td>Withdrawn: it was a reply to one person, not a standard reply"
        "</td><td>1</td></tr>\n"
        "<tr><td>2026</td><td>Redacted: a part replaced with [removed]</td><td>1</td></tr>"
    ) in page


@pytest.mark.slow
def test_a_redacted_letter_says_so_and_its_removed_words_are_gone(
    withdrawn: tuple[BuiltSite, BuiltSite, str, str],
) -> None:
    before, after, _, _ = withdrawn
    removed = (before.root.parent / "removed.txt").read_text(encoding="utf-8")
    needle = removed.encode("utf-8")
    assert any(needle in content for content in _texts(before.root).values())
    assert not any(needle in content for content in _texts(after.root).values())
    [page] = [
        name
        for name, content in _texts(after.root).items()
        if name.endswith("index.html") and b"Redacted (editorial)" in content
    ]
    html = after.html(page.removesuffix("index.html"))
    assert (
        '<strong>Redacted (editorial):</strong> on <time datetime="2026-11-30">30 November'
    ) in html
    records = after.json("letters.json.gz")["letters"]
    assert [record["redacted"] for record in records if record["redacted"]] == ["2026-11-30"]


@pytest.mark.slow
def test_the_notice_has_no_accessibility_violations(
    withdrawn: tuple[BuiltSite, BuiltSite, str, str], schemed: BrowserContext
) -> None:
    _, after, url, _ = withdrawn
    with serve(after.root, free_port(), under=UNDER) as base:
        page = schemed.new_page()
        page.goto(base + url)
        page.wait_for_load_state("load")
        assert axe_violations(page) == []


@pytest.mark.slow
def test_the_demonstration_shows_a_withdrawn_letter(demo_site: BuiltSite) -> None:
    # So that the HTML checker, the link checker and the policy tests, which read
    # every page of the demonstration site, read a notice too.
    page = demo_site.html("letters/2021/2021-06-01-an-example-of-a-withdrawn-letter/")
    assert "This letter was withdrawn" in page
