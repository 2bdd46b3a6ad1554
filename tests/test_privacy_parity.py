"""The browser's personal-data detector finds exactly what the validator's finds.

The "Prepare your letter" page checks a letter in the reader's browser with
assets/javascripts/dear-constituent-privacy.js, run on the rules the build
exports from dearconstituent.privacy. Here both run over the same texts: the
validator's own cases, the hostile fixtures, the repository's letters and
transcripts, and a few hundred more made up from parts; every finding (line,
kind, text) must agree, in the same order.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from dearconstituent.model import AllowedItem
from dearconstituent.privacy import detector_data, find_personal_data
from tests import hostile
from tests.archive import ROOT
from tests.privacy_cases import FOUND, NOT_PERSONAL

pytestmark = pytest.mark.slow

SCRIPT = ROOT / "overrides/assets/javascripts/dear-constituent-privacy.js"
ALLOWLIST = (
    AllowedItem("0800 123 4567", "The fictional helpline publishes this number."),
    AllowedItem("Wexmoor Helpline, 0800 123 4567 (free)", "The same, as the letters give it."),
    AllowedItem("press@wexmoor.example", "The fictional council's press office."),
)

PARTS = [
    "Dear Mrs Patel,",
    "Dear Constituent,",
    "Dear Sir or Madam,",
    "Dear [Name],",
    "  Dear   Morwenna  Tregarth  ",
    "Dear ſir,",
    "Dear İsmail,",
    "Dear Σοφία,",
    "Thank you for contacting me about the Wexmoor bypass.",
    "Ring 07700 900123 or +44 (0)1632 960 123 after six.",
    "The House of Commons switchboard is 020 7219 3000.",
    "HOUSE OF COMMONS, LONDON SW1A 0AA",
    "She lives at 12 High Street, Wexmoor WX1 2AB.",
    "Write to 10 Downing Street or to 4a St John's Road.",
    "wx1 2ab is lower case; GIR 0AA is a real one.",
    "NI number AB 12 34 56 C.",
    "national insurance NUMBER is qq123456c",
    "National Insurance: 13.25% from April.",
    "NINO: QQ 12 34 56 C",
    "Our ref: MT/2019/0345",
    "YOUR REFERENCE IS QQ-4411.",
    "Case no. 2019 0345 C and case ID 77",
    "Home Office reference: B1234567.",
    "UAN 1234-5678-9012-3456 and GWF012345678.",
    "Write to jo.bloggs@example.com or morwenna.tregarth.mp@parliament.uk.",
    "press@wexmoor.example is approved; PRESS@WEXMOOR.EXAMPLE too.",
    "The Wexmoor Helpline, 0800 123 4567 (free), opens at nine.",
    "Call 0800 123 4567.",
    "In 2019 2020 and 2021 the M25 4th junction was rebuilt.",
    "🙂 Ring 07700 900456 😀 today 😀",
    "café au lait: 0161 496 0000",
    "Reference: TBC",
    "١٢٣ 07700 900789 ٤٥٦",
    "x" * 60 + " 07700 900321",
    "Tab\tseparated\tref\t: AB/12/34",
    "Dear\tJohn",
    "NI No. QQ 123456",
]


def made_up(count: int) -> Iterator[str]:
    """Texts made of the parts above: short ones scanned whole, long ones (over
    400 characters) scanned around their digits, on one line or several."""
    rng = random.Random(14)
    for number in range(count):
        lines = [" ".join(rng.sample(PARTS, rng.randint(1, 4))) for _ in range(rng.randint(1, 5))]
        if number % 3 == 0:
            lines.append(" ".join(["Padding words to make a long letter."] * rng.randint(5, 20)))
        if number % 5 == 0:
            lines.insert(rng.randint(0, len(lines)), "")
        separator = "\n" if number % 4 else " "
        yield separator.join(rng.sample(lines, len(lines)))


def corpus() -> list[str]:
    texts = [line for line, _, _ in FOUND]
    texts += NOT_PERSONAL
    texts += [f"Thank you.\n\n{line}\n" for line, _, _ in FOUND]
    texts += [hostile.LETTER, hostile.MEMBERS, hostile.TOPICS, hostile.CAMPAIGNS]
    for path in sorted((ROOT / "docs").rglob("*.md")) + sorted(
        (ROOT / "docs/_transcripts").rglob("*.txt")
    ):
        texts.append(path.read_text(encoding="utf-8"))
    texts += list(made_up(300))
    texts += ["", "Dear", "0", "@", "a@b.c", "Dear\n", "\n\n07700 900123\n"]
    return texts


def python_findings(texts: list[str]) -> list[list[list[Any]]]:
    return [
        [
            [found.line, found.kind, found.text]
            for found in find_personal_data(text, allowlist=ALLOWLIST)
        ]
        for text in texts
    ]


FIND = """
({data, texts}) => {
  const rules = new DearConstituentPrivacy.Rules(data);
  return texts.map((text) => rules.find(text).map((found) => {
    if (text.slice(found.start, found.end) !== found.text) {
      return ["misplaced", found.kind, found.text, text.slice(found.start, found.end)];
    }
    return [found.line, found.kind, found.text];
  }));
}
"""


@pytest.fixture(scope="module")
def page(browser: Browser) -> Iterator[Page]:
    tab = browser.new_page()
    tab.set_content("<!doctype html><title>parity</title>")
    tab.add_script_tag(content=SCRIPT.read_text(encoding="utf-8"))
    yield tab
    tab.close()


def browser_findings(page: Page, data: dict[str, Any], texts: list[str]) -> list[list[list[Any]]]:
    result: list[list[list[Any]]] = page.evaluate(FIND, {"data": data, "texts": texts})
    return result


def test_the_browser_finds_exactly_what_the_validator_finds(page: Page) -> None:
    texts = corpus()
    assert len(texts) >= len(FOUND) + len(NOT_PERSONAL) + 200
    expected = python_findings(texts)
    found = browser_findings(page, detector_data(ALLOWLIST), texts)
    differ = [
        (text[:80], python, browser)
        for text, python, browser in zip(texts, expected, found, strict=True)
        if python != browser
    ]
    assert differ == [], f"{len(differ)} texts differ, the first: {differ[:3]}"
    # The comparison means something: most kinds are found, many times over.
    kinds = {finding[1] for findings in expected for finding in findings}
    assert len(kinds) == 8
    assert sum(map(len, expected)) > 500


def test_the_validators_own_cases_are_found_in_the_browser(page: Page) -> None:
    found = browser_findings(page, detector_data(), [line for line, _, _ in FOUND])
    for (line, kind, text), findings in zip(FOUND, found, strict=True):
        assert [1, kind, text] in findings, line
    assert browser_findings(page, detector_data(), NOT_PERSONAL) == [[] for _ in NOT_PERSONAL]


@pytest.mark.parametrize(
    ("what", "change"),
    [
        (
            "a pattern",
            lambda data: data["detectors"][2].update(pattern=r"\b[A-Z]{2}\d \d[A-Z]{2}\b"),
        ),
        ("an exception", lambda data: data.update(parliament_exchange="07700")),
        ("the addressees", lambda data: data["generic_addressees"].remove("constituent")),
        ("the allowlist", lambda data: data.update(allowlist=[])),
    ],
)
def test_a_rule_changed_on_one_side_only_is_caught(page: Page, what: str, change: Any) -> None:
    texts = corpus()
    data = copy.deepcopy(detector_data(ALLOWLIST))
    change(data)
    assert browser_findings(page, data, texts) != python_findings(texts), what


def test_every_part_of_the_made_up_texts_is_used() -> None:
    texts = list(made_up(300))
    assert all(any(part in text for text in texts) for part in PARTS)
    assert sum(len(text) > 400 for text in texts) > 50
    assert len(set(texts)) > 290
