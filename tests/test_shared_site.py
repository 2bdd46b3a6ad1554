"""Shared texts on the built site: letter pages, group pages, campaign pages, data.

A fictional archive: eight invented MPs, one invented campaign, two texts
sent by several of them, a reply in one MP's own words, and a letter on
another subject. The topic's and the campaign's slugs are not their titles'
slugs, as in a real register ("nhs" titled "Health and the NHS").
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
from playwright.sync_api import sync_playwright

from dearconstituent.sandbox import copy_pages, write_config
from dearconstituent.sharedtext import Settings, Templates, find_templates
from dearconstituent.validate import check_archive
from tests.archive import ROOT, TODAY
from tests.browser import CHROMIUM_ARGS, axe_violations, chromium_path, free_port, serve
from tests.sitebuild import BuiltSite, mkdocs_build
from tests.test_shared_text import ADDED, MPS, OTHER_TEXT_SAME_TOPIC, TEMPLATE

pytestmark = pytest.mark.slow

SITE_URL = "https://constituent.example/"
PARTIES = ("Civic Party", "Heritage Party")

MEMBERS = "".join(
    f"- name: {name}\n  seats:\n    - constituency: {seat}\n"
    f"      party: {PARTIES[number % 2]}\n      from: 2019-12-13\n"
    for number, (name, seat) in enumerate(MPS)
)
TOPICS = """\
transport:
  title: Roads, Rail & Buses
  description: Buses, trains and roads.
housing:
  title: Housing
  description: Homes and rents.
"""
CAMPAIGNS = """\
save-our-buses:
  title: Keep the Number 9 Running
  description: A fictional campaign to protect rural bus routes.
  started: 2023-01-09
  organisers: [Rural Riders]
"""

OWN_PARAGRAPHS = [
    "Kilbrannock lost its Sunday timetable last winter, and I have met the operator twice "
    "since then to ask for the evening buses to the infirmary to be restored.",
    "Parents at the academy tell me the school bus now leaves before the last lesson ends, "
    "so I have raised the timings with the county's passenger transport officers.",
    "I am also collecting residents' accounts of missed appointments, which I will put to "
    "the Minister when the rural connectivity assessment is debated.",
    "The community minibus run by volunteers in Glenarrow now carries more pensioners "
    "than the scheduled service does, and deserves a grant of its own.",
]
"""A reply's own words around two paragraphs of TEMPLATE: it uses part of the text."""

# mp, date, paragraphs, campaign
LETTERS: dict[str, tuple[int, str, list[str], str | None]] = {
    "first": (0, "2023-03-01", TEMPLATE, "save-our-buses"),
    "copy": (2, "2023-03-20", TEMPLATE, "save-our-buses"),
    "added": (4, "2023-04-02", [*TEMPLATE[:3], TEMPLATE[3] + " " + ADDED], "save-our-buses"),
    "dropped": (6, "2023-04-15", [TEMPLATE[0], *TEMPLATE[2:]], "save-our-buses"),
    "part": (7, "2023-05-20", [TEMPLATE[0], TEMPLATE[2], *OWN_PARAGRAPHS], "save-our-buses"),
    "other": (1, "2023-03-05", OTHER_TEXT_SAME_TOPIC, "save-our-buses"),
    "other copy": (3, "2023-05-01", OTHER_TEXT_SAME_TOPIC, "save-our-buses"),
    "own words": (
        5,
        "2023-03-08",
        [
            "I have caught the bus to Westminster every Monday for eleven years, and I "
            "know exactly what a cancelled service means for a shift worker in this town."
        ],
        "save-our-buses",
    ),
    "housing": (
        7,
        "2023-06-01",
        [
            "New homes in the district must come with the roads, surgeries and schools "
            "that make them places to live, and I have asked the council to publish its "
            "infrastructure plan before any further permissions are granted."
        ],
        None,
    ),
}


def letter_file(mp: int, date: str, paragraphs: list[str], campaign: str | None) -> str:
    name, seat = MPS[mp]
    topic = "housing" if campaign is None else "transport"
    front = [
        "---",
        f"title: {'Buses in the county' if campaign else 'Homes and infrastructure'}",
        f"date: {date}",
        f"signatory: {name}",
        f"constituency: {seat}",
        f"topics: [{topic}]",
        *([f"campaign: {campaign}"] if campaign else []),
        "---",
    ]
    body = [
        "::: salutation\nDear Constituent,\n:::",
        "Thank you for contacting me about this.",
        *paragraphs,
        "Thank you again for taking the time to write to me.",
        f"::: sign-off\nYours sincerely,\n\n{name} MP\n:::",
    ]
    return "\n".join(front) + "\n\n" + "\n\n".join(body) + "\n"


def letter_path(key: str) -> str:
    mp, date, _, campaign = LETTERS[key]
    slug = MPS[mp][0].lower().replace(" ", "-")
    subject = "buses-in-the-county" if campaign else "homes-and-infrastructure"
    return f"letters/{date[:4]}/{date}-{slug}-{subject}.md"


def page_url(key: str) -> str:
    return letter_path(key).removesuffix(".md") + "/"


def write_archive(docs: Path) -> None:
    data = docs / "_data"
    data.mkdir(parents=True)
    for name, text in (
        ("members.yml", MEMBERS),
        ("topics.yml", TOPICS),
        ("campaigns.yml", CAMPAIGNS),
        ("allowlist.yml", "[]\n"),
    ):
        (data / name).write_text(text, encoding="utf-8")
    for key, spec in LETTERS.items():
        path = docs / letter_path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(letter_file(*spec), encoding="utf-8")


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("shared-site")
    write_archive(root / "docs")
    report = check_archive(root / "docs", today=TODAY)
    assert report.ok, [problem.as_text() for problem in report.problems]
    return root


@pytest.fixture(scope="module")
def templates(archive: Path) -> Templates:
    return find_templates(check_archive(archive / "docs", today=TODAY).letters)


@pytest.fixture(scope="module")
def site(archive: Path) -> BuiltSite:
    copy_pages(archive / "docs")
    config = write_config(
        archive, docs=archive / "docs", site=archive / "site", overrides={"site_url": SITE_URL}
    )
    result = mkdocs_build(config, archive / "site")
    assert result.returncode == 0, result.stderr
    return BuiltSite(archive / "site")


def group_url(templates: Templates, key: str) -> str:
    """A group's address: the shared-text section of its earliest letter's page."""
    group = templates.group_of(letter_path(key))
    assert group is not None
    return group.representative.removesuffix(".md") + "/#shared-text"


def test_the_archive_has_the_two_texts_it_was_written_with(templates: Templates) -> None:
    assert sorted(set(group.paths) for group in templates.groups) == sorted(
        [
            {letter_path(key) for key in ("first", "copy", "added", "dropped", "part")},
            {letter_path(key) for key in ("other", "other copy")},
        ],
        key=len,
        reverse=True,
    )


def test_a_letter_page_says_what_its_text_is_shared_with(site: BuiltSite) -> None:
    page = site.html(page_url("copy"))
    assert (
        "This letter was sent from the same text as 4 other letters from 4 MPs "
        "(Civic Party 3, Heritage Party 1)" in page
    )
    assert "100% of this letter's own text appears in them" in page
    assert (
        'The earliest known copy is dated <time datetime="2023-03-01">1 March 2023</time>' in page
    )
    links = site.links(page_url("copy"))
    assert {page_url(key) for key in ("first", "added", "dropped")} <= links


def test_a_letter_that_uses_part_of_a_text_says_so_and_how_much(
    site: BuiltSite, templates: Templates
) -> None:
    member = templates.group_of(letter_path("part")).member(letter_path("part"))  # type: ignore[union-attr]
    assert not member.same_text and member.uses == 0.5
    page = site.html(page_url("part"))
    assert (
        "This letter uses part of a text shared with 4 other letters from 4 MPs "
        "(Civic Party 4): it has about 50% of the text's sentences, which make up "
        f"{round(member.overlap * 100)}% of its own text." in page
    )
    assert "sent from the same text" not in page
    earliest = site.html(page_url("first"))
    assert "part of it (50% of its sentences)" in earliest
    assert earliest.count("<td>the same text</td>") == 4


def test_a_letter_page_links_to_the_whole_group(site: BuiltSite) -> None:
    html = site.html(page_url("copy"))
    assert '#shared-text">All 5 letters, with the earliest known copy</a>' in html
    assert page_url("first") in site.links(page_url("copy"))


def test_the_earliest_copy_lists_every_letter_of_its_group(site: BuiltSite) -> None:
    page = site.html(page_url("first"))
    assert "This letter was sent from the same text as 4 other letters from 4 MPs" in page
    assert "This letter is the earliest known copy." in page
    table = page[page.index("Every letter that uses this text") :]
    slugs = [Path(letter_path(key)).stem for key in ("copy", "added", "dropped", "part")]
    positions = [table.index(f"/{slug}/") for slug in slugs]
    assert positions == sorted(positions)
    assert table.index("Morwenna Tregarth (this letter)") < positions[0]
    assert "First known" in page
    assert "save-our-buses/" in page


def test_a_letter_page_names_what_the_letter_adds_and_leaves_out(site: BuiltSite) -> None:
    added = site.html(page_url("added"))
    assert "What this letter adds" in added
    assert f"<q>{ADDED}</q>" in added
    assert "What this letter leaves out" not in added
    dropped = site.html(page_url("dropped"))
    assert "What this letter leaves out" in dropped
    assert f"<q>{TEMPLATE[1]}</q>" in dropped
    assert "What this letter adds" not in dropped


def test_a_letter_in_no_group_shows_nothing_about_shared_text(site: BuiltSite) -> None:
    for key in ("own words", "housing"):
        page = site.html(page_url(key))
        assert "the same text as" not in page
        assert "uses part of a text" not in page
        assert 'id="shared-text"' not in page
        assert "dc-shared-notice" not in page


def test_the_overview_and_year_pages_list_each_text(site: BuiltSite, templates: Templates) -> None:
    overview = site.html("shared-texts/")
    assert "2 texts, sent as 7 letters" in overview
    assert {group_url(templates, "first"), group_url(templates, "other")} <= {
        link + "#shared-text" for link in site.links("shared-texts/")
    } | site.links("shared-texts/")
    assert "shared-texts/2023/" in site.links("shared-texts/")
    year = site.html("shared-texts/2023/")
    assert "whose earliest known copy is dated 2023: 2." in year
    assert year.index(page_url("first")) < year.index(page_url("other"))
    assert "shared-texts/" in site.links("")  # in the navigation


def test_the_overview_explains_the_method_with_the_detections_own_figures(
    site: BuiltSite,
) -> None:
    settings = Settings()
    page = site.html("shared-texts/")
    for said in (
        f"at least {round(settings.types.similarity * 100)}% of their words are the same",
        f"at least {round(settings.texts.share * 100)}% of the letter's own words, and at "
        f"least {settings.texts.min_words} of them",
        f"at least {round(settings.texts.core * 100)}% of the letters using it carry",
        f"more than {round(settings.same_text * 100)}% of the letter's own words",
        f"as much as {round(settings.texts.second_source * 100)}% of what it has of the text",
    ):
        assert said in page.replace("&#39;", "'"), said


def test_the_campaign_page_groups_mps_by_the_text_they_sent(
    site: BuiltSite, templates: Templates
) -> None:
    page = site.html("campaigns/save-our-buses/")
    text_a = page.index("Text A</strong></a>: 5 letters from 5 MPs")
    text_b = page.index("Text B</strong></a>: 2 letters from 2 MPs")
    own = page.index("<strong>Own words</strong>: 1 letter from 1 MP")
    assert text_a < text_b < own
    links = site.links("campaigns/save-our-buses/")
    assert {page_url("first"), page_url("other")} <= links
    assert "Ewan Strathy</a> (Heritage Party; part of the text)" in page
    assert "Tamsin Orrel</a> (Civic Party)" in page


def test_the_data_carries_each_letters_group(site: BuiltSite, templates: Templates) -> None:
    records = {
        record["path"].removeprefix("docs/"): record
        for record in site.json("letters.json.gz")["letters"]
    }
    for key in LETTERS:
        record = records[letter_path(key)]
        group = templates.group_of(letter_path(key))
        assert record["template_group"] == (group.id if group else None)
        assert record["template_size"] == (group.size if group else None)
    assert records[letter_path("added")]["template_overlap"] < 100
    assert records[letter_path("housing")]["template_overlap"] is None
    assert records[letter_path("part")]["template_same_text"] is False
    assert records[letter_path("part")]["template_uses"] == 50
    assert records[letter_path("copy")]["template_same_text"] is True
    assert records[letter_path("copy")]["template_uses"] == 100
    assert records[letter_path("housing")]["template_same_text"] is None
    text = (site.root / "letters.csv").read_bytes().decode("utf-8-sig")
    rows = {row["path"].removeprefix("docs/"): row for row in csv.DictReader(io.StringIO(text))}
    assert rows[letter_path("copy")]["template_group"] == templates.groups[0].id
    assert rows[letter_path("housing")]["template_group"] == ""
    schema = site.json("letters.schema.json")
    jsonschema.Draft202012Validator(schema).validate(site.json("letters.json.gz"))


def test_templates_json_lists_each_group_and_validates(
    site: BuiltSite, templates: Templates
) -> None:
    data = site.json("templates.json")
    jsonschema.Draft202012Validator(site.json("templates.schema.json")).validate(data)
    assert data["count"] == len(templates.groups) == 2
    for published, group in zip(data["templates"], templates.groups, strict=True):
        assert published["id"] == group.id
        assert published["size"] == group.size
        assert [m["path"] for m in published["members"]] == [f"docs/{p}" for p in group.paths]
        assert published["representative"]["path"] == f"docs/{group.representative}"
        assert (
            published["url"]
            == f"{SITE_URL}{group_url(templates, 'first' if group.size == 5 else 'other')}"
        )
    first = data["templates"][0]
    assert first["earliest_date"] == "2023-03-01"
    assert first["parties"] == ["Civic Party", "Heritage Party"]
    claims = {m["path"]: (m["same_text"], m["uses"]) for m in first["members"]}
    assert claims[f"docs/{letter_path('part')}"] == (False, 50)
    assert claims[f"docs/{letter_path('copy')}"] == (True, 100)


def test_the_command_prints_the_groups_without_building(archive: Path, site: BuiltSite) -> None:
    command = [sys.executable, str(ROOT / "scripts" / "find_templates.py"), "--docs"]
    text = subprocess.run(
        [*command, str(archive / "docs")], capture_output=True, text=True, check=False
    )
    assert text.returncode == 0, text.stderr
    assert text.stdout.startswith("2 shared texts among 9 letters (7 of them share a text")
    assert f"docs/{letter_path('dropped')}" in text.stdout
    as_json = subprocess.run(
        [*command, str(archive / "docs"), "--json"], capture_output=True, text=True, check=False
    )
    assert as_json.returncode == 0, as_json.stderr
    printed, published = json.loads(as_json.stdout), site.json("templates.json")
    assert [t["id"] for t in printed["templates"]] == [t["id"] for t in published["templates"]]
    assert printed["templates"][0]["url"] == published["templates"][0]["url"].replace(SITE_URL, "/")


def test_the_command_reports_a_missing_folder(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "find_templates.py"),
            "--docs",
            str(tmp_path / "x"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "no such folder" in result.stderr


@pytest.fixture(scope="module")
def served(site: BuiltSite) -> Iterator[str]:
    port = free_port()
    with serve(site.root, port) as base:
        yield base


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_shared_text_pages_have_no_accessibility_violations(
    served: str, templates: Templates, scheme: str
) -> None:
    urls = [
        page_url("first"),
        page_url("added"),
        page_url("dropped"),
        "shared-texts/",
        "shared-texts/2023/",
        "campaigns/save-our-buses/",
    ]
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        context = browser.new_context(color_scheme=scheme)  # type: ignore[arg-type]
        found = {}
        for url in urls:
            page = context.new_page()
            page.goto(served + url, wait_until="load")
            found[url] = axe_violations(page)
            page.close()
        browser.close()
    assert {url: v for url, v in found.items() if v} == {}


def test_filters_without_words_lead_to_pages_that_exist(served: str) -> None:
    """A search's facet values are titles; the browse pages are at their slugs. The
    links come from the build's map, so a topic titled otherwise than its slug
    still leads to its page (it used to lead to a 404)."""
    query = "search/?topic=Roads%2C+Rail+%26+Buses&campaign=Keep+the+Number+9+Running"
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(served + query, wait_until="load")
        links = page.locator("#dc-search-browse-links a")
        links.first.wait_for()
        found = {
            links.nth(n).text_content(): links.nth(n).get_attribute("href")
            for n in range(links.count())
        }
        assert found == {
            "Everything on Roads, Rail & Buses": served + "topics/transport/",
            "Every reply to Keep the Number 9 Running": served + "campaigns/save-our-buses/",
        }
        for href in found.values():
            assert href is not None
            response = page.goto(href)
            assert response is not None and response.status == 200, href
        browser.close()
