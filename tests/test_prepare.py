"""The "Prepare your letter" page, in a real Chromium, on the repository's site.

A fictional letter with an address line, a postcode, a salutation naming the
person written to, a phone number and a case reference is pasted: everything
is marked; "Remove all" takes it all out; the GitHub address the page makes
carries none of it, and carries the MP, the constituency and the date. The
page asks nothing of the network once open, has no accessibility violations
in either colour scheme, and works on a phone.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from dearconstituent import urls
from dearconstituent.issueform import FORM, read_form
from dearconstituent.privacy import detector_data
from dearconstituent.registers import load_registers
from tests.archive import ROOT
from tests.browser import axe_violations, free_port, serve
from tests.sitebuild import BuiltSite, configured_site_url

pytestmark = pytest.mark.slow

PAGE = urls.PREPARE
SECRETS = ("12 Mill Lane", "WX1 2AB", "Bloggs", "MT/2021/0345", "07700 900123")
LETTER = """\
Rt Hon Alister Jack MP
House of Commons, London SW1A 0AA

12 September 2019

12 Mill Lane, Wexmoor WX1 2AB

Dear Jane Bloggs,

Our ref: MT/2021/0345

Thank you for contacting me about border checks. My office is on 07700 900123.

Yours sincerely,

Alister Jack MP
"""


@pytest.fixture(scope="module")
def base(repo_site: BuiltSite) -> Iterator[str]:
    under = urlsplit(configured_site_url()).path
    with serve(repo_site.root, free_port(), under=under) as address:
        yield address


def opened(context: BrowserContext, base: str) -> Page:
    page = context.new_page()
    page.goto(base + PAGE, wait_until="load")
    page.wait_for_selector("#dc-prepare:not([hidden])")
    return page


def fill_in(page: Page) -> None:
    page.fill("#dc-prepare-text", LETTER)
    page.fill("#dc-prepare-mp", "Alister Jack")
    page.dispatch_event("#dc-prepare-mp", "change")
    page.fill("#dc-prepare-date", "2019-09-12")
    page.dispatch_event("#dc-prepare-date", "change")
    page.fill("#dc-prepare-subject", "Border checks")
    page.wait_for_function("() => document.querySelectorAll('#dc-prepare-marked mark').length > 0")


def test_personal_details_are_marked_and_removed_before_anything_is_sent(
    browser: Browser, base: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = opened(context, base)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    fill_in(page)
    marked = page.locator("#dc-prepare-marked mark").all_inner_texts()
    assert marked == [
        "12 Mill Lane",
        "WX1 2AB",
        "Dear Jane Bloggs",
        "Our ref: MT/2021/0345",
        "07700 900123",
    ]
    assert page.get_attribute("#dc-prepare-continue", "data-url") is None
    assert "5 personal details to replace or keep" in page.inner_text("#dc-prepare-ready")
    page.click("#dc-prepare-remove-all")
    page.wait_for_function(
        "() => document.querySelectorAll('#dc-prepare-marked mark').length === 0"
    )
    address = page.get_attribute("#dc-prepare-continue", "data-url")
    assert address is not None
    for secret in SECRETS:
        assert secret not in address
    query = parse_qs(urlsplit(address).query)
    assert address.startswith("https://github.com/dear-constituent/dear-constituent/issues/new?")
    assert query["template"] == [read_form(ROOT / FORM).template]
    assert query["mp"] == ["Alister Jack"]
    assert query["constituency"] == ["Dumfries and Galloway"]
    assert query["date"] == ["2019-09-12"]
    text = query["text"][0]
    assert "Dear [name removed]," in text
    assert "on [phone removed]." in text
    assert "[address removed], Wexmoor [address removed]" in text
    # Every field the page fills is one of the form's.
    ids = {field.id for field in read_form(ROOT / FORM).fields}
    assert set(query) - {"template", "title"} <= ids
    assert requests == [], "the page asked the network for something after it opened"
    context.close()


def test_a_detail_said_to_be_public_is_kept(browser: Browser, base: str) -> None:
    context = browser.new_context()
    page = opened(context, base)
    page.fill(
        "#dc-prepare-text", "Dear Constituent,\n\nCall the Wexmoor helpline on 0800 123 4567.\n"
    )
    page.wait_for_selector("#dc-prepare-list li")
    page.check("#dc-prepare-list li input[type=checkbox]")
    page.fill("#dc-prepare-mp", "Alister Jack")
    page.dispatch_event("#dc-prepare-mp", "change")
    page.fill("#dc-prepare-date", "2019-09")
    page.dispatch_event("#dc-prepare-date", "change")
    page.fill("#dc-prepare-subject", "Helplines")
    address = page.get_attribute("#dc-prepare-continue", "data-url")
    assert address is not None and "0800+123+4567" in address
    context.close()


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("12/09/2019", "Write the date as 2021-03-14"),
        ("2019-02-30", "There is no such date: 2019-02-30."),
        ("2999-01-01", "That date is in the future."),
        ("2005-01-01", "Alister Jack was not an MP on that date"),
    ],
)
def test_the_date_is_checked_as_the_validator_checks_it(
    browser: Browser, base: str, date: str, message: str
) -> None:
    context = browser.new_context()
    page = opened(context, base)
    page.fill("#dc-prepare-mp", "Alister Jack")
    page.fill("#dc-prepare-date", date)
    page.dispatch_event("#dc-prepare-date", "change")
    assert message in page.inner_text("#dc-prepare-date-status")
    context.close()


def test_an_mp_is_found_by_another_spelling_of_their_name(browser: Browser, base: str) -> None:
    context = browser.new_context()
    page = opened(context, base)
    page.fill("#dc-prepare-mp", "Elizabeth Truss")
    page.dispatch_event("#dc-prepare-mp", "change")
    assert page.inner_text("#dc-prepare-mp-status") == "The archive calls them Liz Truss."
    page.fill("#dc-prepare-date", "2020-01-15")
    page.dispatch_event("#dc-prepare-date", "change")
    assert page.input_value("#dc-prepare-constituency") == "South West Norfolk"
    options = page.eval_on_selector_all("#dc-prepare-mps option", "os => os.length")
    assert options > 1457
    context.close()


def test_the_page_has_no_accessibility_violations(schemed: BrowserContext, base: str) -> None:
    page = opened(schemed, base)
    fill_in(page)
    violations = axe_violations(page)
    assert violations == []


def test_every_control_is_reached_by_keyboard(browser: Browser, base: str) -> None:
    context = browser.new_context()
    page = opened(context, base)
    fill_in(page)
    page.focus("#dc-prepare-text")
    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.id || document.activeElement.tagName"))
    for control in (
        "dc-prepare-remove-all",
        "dc-prepare-mp",
        "dc-prepare-date",
        "dc-prepare-subject",
        "dc-prepare-source",
        "dc-prepare-continue",
    ):
        assert control in reached, reached
    context.close()


def test_on_a_phone_nothing_runs_off_the_screen(browser: Browser, base: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = opened(context, base)
    fill_in(page)
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= 390
    context.close()


def test_without_javascript_the_page_leads_to_the_form(browser: Browser, base: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + PAGE)
    assert not page.is_visible("#dc-prepare")
    link = page.locator("a:has-text('letter form')")
    assert link.count() == 1 and link.is_visible()
    assert "template=letter.yml" in (link.get_attribute("href") or "")
    context.close()


def test_the_pages_data_is_the_validators(repo_site: BuiltSite) -> None:
    data = json.loads((repo_site.root / urls.PREPARE_DATA).read_text(encoding="utf-8"))
    registers, _ = load_registers(ROOT / "docs/_data")
    assert data["rules"] == detector_data(registers.allowlist)
    assert len(data["members"]) == len(registers.members)


def test_a_letter_too_long_for_an_address_is_copied_instead(browser: Browser, base: str) -> None:
    context = browser.new_context()
    page = opened(context, base)
    fill_in(page)
    page.click("#dc-prepare-remove-all")
    long = page.input_value("#dc-prepare-text") + "We will keep working on this.\n" * 400
    page.fill("#dc-prepare-text", long)
    page.wait_for_function("() => !document.getElementById('dc-prepare-copy').hidden")
    address = page.get_attribute("#dc-prepare-continue", "data-url") or ""
    assert len(address) <= 8000
    assert "text" not in parse_qs(urlsplit(address).query)
    assert parse_qs(urlsplit(address).query)["mp"] == ["Alister Jack"]
    assert page.is_visible("#dc-prepare-copy-text")
    context.close()
