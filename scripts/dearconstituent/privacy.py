"""Detecting personal data of private people before it is published.

Each detector looks for one kind of identifier. Public details of Parliament
(the House of Commons' address and switchboard, parliament.uk addresses) are
always allowed; anything else public must be approved, item by item, in the
allowlist register.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .model import AllowedItem


@dataclass(frozen=True)
class PersonalData:
    """One suspected identifier in a text."""

    line: int
    kind: str
    text: str

    @property
    def replacement(self) -> str:
        """What to write in its place, as CONTRIBUTING.md says."""
        return _REPLACEMENTS.get(self.kind, REMOVED)


# The detectors run in the browser too (the "Prepare your letter" page), from
# the data detector_data() exports: so every pattern is written in the common
# ground of Python's and JavaScript's regular expressions. All are ASCII
# (re.ASCII: \d, \w and \b mean what they mean in JavaScript), none uses a flag
# but MULTILINE, and case-insensitive words are spelt out with anycase().
_FLAGS = re.ASCII
_SPACE = "[ \t\n\r\f\v]"
"""Whitespace, as both languages' \\s would not agree on it beyond ASCII."""


def anycase(words: str) -> str:
    """A pattern for ``words`` in any mix of cases: "no" is "[Nn][Oo]"."""
    return "".join(
        f"[{letter.upper()}{letter.lower()}]" if letter.isalpha() else _literal(letter)
        for letter in words
    )


def _literal(character: str) -> str:
    return character if character == " " else re.escape(character)


_STRIPPED = " \t\n\r\f\v"
"""What a finding is stripped of at its ends (Python's own strip() knows more)."""


@dataclass(frozen=True)
class _Detector:
    kind: str
    pattern: re.Pattern[str]
    public: str
    """The name of its test for a public detail, in PUBLIC."""
    key: str
    """The name of its key for matching the allowlist, in KEYS."""


def _normal(text: str) -> str:
    return " ".join(re.split(f"{_SPACE}+", text.lower())).strip(" .,;:")


def _digits(text: str) -> str:
    digits = re.sub("[^0-9]", "", text)
    return "0" + digits[2:] if digits.startswith("44") else digits


def _never(_: str) -> bool:
    return False


INSURANCE_NUMBER_DIGITS = 5
"""A labelled National Insurance number has six digits, a mistyped one at least
five: "National Insurance: 12.5%" is a rate."""


def _too_short_for_an_insurance_number(text: str) -> bool:
    return sum(character in "0123456789" for character in text) < INSURANCE_NUMBER_DIGITS


def _identifier_key(text: str) -> str:
    return re.sub(_SPACE, "", text).upper()


def _postcode_key(text: str) -> str:
    return re.sub(_SPACE, "", text).upper()


# What may stand between a label and the identifier it labels: "is", a colon.
_LABEL_TO_VALUE = rf"(?:[ \t]+{anycase('is')}\b)?[ \t]*[:#.]?[ \t]*"
# An identifier holds a digit; it may be written in groups ("MT 2019 0345",
# "QQ 12 34 56 C"): an upper-case prefix, then groups that start with a digit.
_IDENTIFIER = (
    r"(?:[A-Z]{1,4}[ \t](?=\d))?[A-Za-z0-9][A-Za-z0-9/-]*\d[A-Za-z0-9/-]*"
    r"(?:[ \t]\d[A-Za-z0-9/-]*)*(?:[ \t][A-Z]\b)?"
)


REMOVED = "[removed]"
"""What stands for a detail taken out of a letter, when no more precise
replacement (below) says what kind it was."""
REMOVED_MARK = re.compile(r"\[(?:[a-z-]+ )?removed\]")
"""Any of the replacements: ``[removed]``, ``[e-mail removed]``, ``Dear [name removed]``."""

_REPLACEMENTS = {
    "e-mail address": "[e-mail removed]",
    "UK phone number": "[phone removed]",
    "postcode": "[address removed]",
    "street address": "[address removed]",
    "case or reference number": "[reference removed]",
    "Home Office or visa reference": "[reference removed]",
    "salutation naming a person": "Dear [name removed]",
}
_PARLIAMENT_POSTCODES = frozenset({"SW1A0AA", "SW1A0PW"})
_GENERIC_ADDRESSEES = frozenset(
    {
        "all",
        "campaigner",
        "campaigners",
        "colleague",
        "colleagues",
        "constituent",
        "constituents",
        "correspondent",
        "everyone",
        "friend",
        "friends",
        "madam",
        "madam or sir",
        "member of the public",
        "minister",
        "neighbour",
        "neighbours",
        "petitioner",
        "prime minister",
        "resident",
        "residents",
        "secretary of state",
        "sir",
        "sir or madam",
        "sir/madam",
        "sir / madam",
        "supporter",
        "supporters",
        "voter",
    }
)

_SALUTATION = re.compile(
    r"^[ \t]*(?P<greeting>Dear[ \t]+(?P<who>[^,:;!\n]*))", _FLAGS | re.MULTILINE
)
_PARLIAMENT_DOMAIN = "parliament.uk"
_PARLIAMENT_EXCHANGE = "0207219"
"""020 7219 is the Palace of Westminster's exchange; its numbers are public."""


def _is_parliament_email(text: str) -> bool:
    domain = text.rsplit("@", 1)[-1].lower()
    return domain == _PARLIAMENT_DOMAIN or domain.endswith("." + _PARLIAMENT_DOMAIN)


def _is_parliament_phone(text: str) -> bool:
    return _digits(text).startswith(_PARLIAMENT_EXCHANGE)


def _is_parliament_postcode(text: str) -> bool:
    return re.sub(_SPACE, "", text) in _PARLIAMENT_POSTCODES


_PUBLIC_STREETS = ("downing street",)
"""Streets whose numbered addresses are public (the Prime Minister's, the
Chancellor's); any other public address is approved in the allowlist."""


def _is_public_street(text: str) -> bool:
    return _normal(text).endswith(_PUBLIC_STREETS)


PUBLIC: dict[str, Callable[[str], bool]] = {
    "never": _never,
    "parliament e-mail": _is_parliament_email,
    "parliament phone": _is_parliament_phone,
    "parliament postcode": _is_parliament_postcode,
    "public street": _is_public_street,
    "too short for an insurance number": _too_short_for_an_insurance_number,
}
"""How each detector tells a public detail from personal data, by name: the
browser's script has a function of each name."""
KEYS: dict[str, Callable[[str], str]] = {
    "normal": _normal,
    "digits": _digits,
    "postcode": _postcode_key,
    "identifier": _identifier_key,
}
"""How each detector's findings are compared with the allowlist, by name."""


_STREET_WORDS = (
    "Street",
    "Road",
    "Lane",
    "Avenue",
    "Close",
    "Drive",
    "Way",
    "Gardens",
    "Crescent",
    "Place",
    "Court",
    "Terrace",
    "Grove",
    "Row",
    "Walk",
    "Square",
    "Mews",
    "Rise",
    "Hill",
    "Park",
)
_REFERENCE_OWNER = "|".join(
    anycase(word) for word in ("our", "your", "my", "home office", "HO", "UKVI", "case")
)
_REFERENCE = f"{anycase('ref')}(?:{anycase('erence')})?"

_DETECTORS = (
    _Detector(
        "e-mail address",
        re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+", _FLAGS),
        "parliament e-mail",
        "normal",
    ),
    _Detector(
        "UK phone number",
        re.compile(
            r"(?<![\d+])(?:\+44[ \t]?(?:\(0\)[ \t]?)?|0044[ \t]?|0)\d(?:[ -]?\d){8,9}(?!\d)",
            _FLAGS,
        ),
        "parliament phone",
        "digits",
    ),
    _Detector(
        "postcode",
        re.compile(
            r"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR)[ \t]?\d[ABD-HJLNP-UW-Z]{2}\b", _FLAGS
        ),
        "parliament postcode",
        "postcode",
    ),
    # A house number, up to three capitalised words and a street word: "12 Mill
    # Lane", "4a St John's Road". Written in capitals, as addresses are.
    _Detector(
        "street address",
        re.compile(
            r"\b\d{1,4}[A-Za-z]?(?:-\d{1,4})?,?[ \t]+(?:[A-Z][A-Za-z'.-]*[ \t]+){0,3}"
            rf"(?:{'|'.join(_STREET_WORDS)})\b",
            _FLAGS,
        ),
        "public street",
        "normal",
    ),
    _Detector(
        "National Insurance number",
        re.compile(r"\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b", _FLAGS),
        "never",
        "identifier",
    ),
    # A number its label calls a National Insurance number is one, whatever
    # its letters: a transcriber's typo or a specimen ("QQ 12 34 56 C") must
    # not get past the gate because HMRC would never issue it.
    _Detector(
        "National Insurance number",
        re.compile(
            rf"(?:\b{anycase('National')}[ \t]+{anycase('Insurance')}"
            rf"(?:[ \t]+(?:{anycase('number')}|{anycase('no')}\b\.?)|(?=[ \t]*[:#]))"
            rf"|\b{anycase('NI')}[ \t]+(?:{anycase('number')}|{anycase('no')}\b\.?)"
            rf"|\b{anycase('NINO')}\b)"
            rf"{_LABEL_TO_VALUE}{_IDENTIFIER}",
            _FLAGS,
        ),
        "too short for an insurance number",
        "identifier",
    ),
    _Detector(
        "case or reference number",
        re.compile(
            rf"\b(?:(?:{_REFERENCE_OWNER})[ \t]+)?(?:{_REFERENCE}|{anycase('case')}[ \t]+"
            rf"(?:{anycase('no')}|{anycase('number')}|{anycase('id')}|{_REFERENCE}))\b\.?"
            rf"(?:[ \t]*(?:{anycase('no')}\.?|{anycase('number')}))?"
            rf"{_LABEL_TO_VALUE}{_IDENTIFIER}",
            _FLAGS,
        ),
        "never",
        "normal",
    ),
    _Detector(
        "Home Office or visa reference",
        re.compile(r"\b(?:GWF\d{9}|[A-Z]\d{7}|\d{4}-\d{4}-\d{4}-\d{4})\b", _FLAGS),
        "never",
        "normal",
    ),
)


_EMAIL = _DETECTORS[0]
_DIGIT_DETECTORS = _DETECTORS[1:]
# How far an identifier and its label reach before and after its digits.
_BEFORE = 48
# A text this short (a title, a summary) is scanned whole.
_SHORT = 400
_ANY_DIGIT = re.compile("[0-9]")
_AFTER = 40


def find_personal_data(
    text: str, *, first_line: int = 1, allowlist: Iterable[AllowedItem] = ()
) -> Iterator[PersonalData]:
    """Yield every likely identifier of a private person in ``text``, in text order."""
    if not _may_hold_personal_data(text):
        return
    allowed = tuple(allowlist)
    for position, kind, found in _widest(_candidates(text)):
        line_start = text.rfind("\n", 0, position) + 1
        line_end = text.find("\n", position)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        item = PersonalData(first_line + text.count("\n", 0, position), kind, found)
        if not _is_allowed(item, line, allowed):
            yield item


def _widest(candidates: Iterable[tuple[int, str, str]]) -> Iterator[tuple[int, str, str]]:
    """The candidates in text order, less any found inside a wider one of the same
    kind (a labelled number is found with and without its label)."""
    reach: dict[str, int] = {}
    for position, kind, found in sorted(candidates, key=lambda item: (item[0], -len(item[2]))):
        end = position + len(found)
        if end <= reach.get(kind, -1):
            continue
        reach[kind] = max(end, reach.get(kind, -1))
        yield position, kind, found


def _may_hold_personal_data(text: str) -> bool:
    # Every identifier holds a digit, an '@' or a "Dear"; short texts (titles,
    # names) rarely do, and are let go without scanning.
    return len(text) > _SHORT or "@" in text or "Dear" in text or bool(_ANY_DIGIT.search(text))


def _candidates(text: str) -> Iterator[tuple[int, str, str]]:
    # Every identifier but an e-mail address and a salutation contains a
    # digit, so only the lines with digits are scanned for them, joined into
    # one text so that each pattern runs once. No pattern crosses a line break.
    starts, joined = _lines_with_digits(text)
    if joined:
        for detector in _DIGIT_DETECTORS:
            for match in detector.pattern.finditer(joined):
                if not PUBLIC[detector.public](match.group()):
                    yield (
                        _original_offset(starts, match.start()),
                        detector.kind,
                        match.group().strip(_STRIPPED),
                    )
    if "@" in text:
        for match in _EMAIL.pattern.finditer(text):
            if not PUBLIC[_EMAIL.public](match.group()):
                yield match.start(), _EMAIL.kind, match.group()
    found = text.find("Dear")
    while found >= 0:
        line_start = text.rfind("\n", 0, found) + 1
        salutation = _SALUTATION.match(text, line_start)
        if (
            salutation
            and salutation.start("greeting") == found
            and (greeting := _named_salutation(salutation))
        ):
            yield line_start, "salutation naming a person", greeting
        found = text.find("Dear", found + 4)


def _lines_with_digits(text: str) -> tuple[list[tuple[int, int]], str]:
    """The stretches of text around digits, joined by newlines, and where each
    came from: ``(offset in the joined text, offset in the original)``.

    A stretch runs from a little before a run of digits to a little after it,
    widened to whole words and never past its line: enough to hold any
    identifier with its label ("Home Office reference: B1234567").
    """
    if len(text) <= _SHORT:
        return [(0, 0)], text
    starts: list[tuple[int, int]] = []
    pieces: list[str] = []
    joined_length = 0
    covered = -1
    next_digit = _digit_finder(text)
    while (digit := next_digit(covered + 1)) >= 0:
        line_start = text.rfind("\n", 0, digit) + 1
        line_end = text.find("\n", digit)
        line_end = len(text) if line_end < 0 else line_end
        start = max(line_start, digit - _BEFORE)
        start = text.rfind(" ", line_start, start) + 1 or line_start
        end = min(line_end, digit + 1 + _AFTER)
        space = text.find(" ", end, line_end)
        end = line_end if space < 0 else space
        if pieces and start <= covered:
            start = covered
            pieces[-1] += text[start:end]
        else:
            starts.append((joined_length, start))
            pieces.append(text[start:end])
            joined_length += 1
        joined_length += end - start
        covered = end
    return starts, "\n".join(pieces)


def _digit_finder(text: str) -> Callable[[int], int]:
    """A function giving the position of the first digit at or after a position, or -1.

    ``str.find`` per digit, remembering each digit's next place, scans the
    text about ten times at memchr speed: far faster than a regex for ``\\d``.
    """
    upcoming = {digit: text.find(digit) for digit in "0123456789"}
    upcoming = {digit: place for digit, place in upcoming.items() if place >= 0}

    def next_digit(position: int) -> int:
        for digit, place in list(upcoming.items()):
            if place < position:
                later = text.find(digit, position)
                if later < 0:
                    del upcoming[digit]
                else:
                    upcoming[digit] = later
        return min(upcoming.values(), default=-1)

    return next_digit


def _original_offset(starts: list[tuple[int, int]], position: int) -> int:
    index = bisect.bisect_right(starts, (position, len(starts) and 1 << 62)) - 1
    joined_start, original_start = starts[index]
    return original_start + position - joined_start


def _named_salutation(match: re.Match[str]) -> str | None:
    who = _normal(match.group("who"))
    if not who or who in _GENERIC_ADDRESSEES:
        return None
    # A mail-merge placeholder such as "[Name]" names nobody.
    if who.startswith("[") and who.endswith("]"):
        return None
    return match.group("greeting").strip(_STRIPPED)


def _is_allowed(found: PersonalData, line: str, allowlist: tuple[AllowedItem, ...]) -> bool:
    key = _key_for(found.kind)
    wanted = key(found.text)
    for item in allowlist:
        if key(item.text) == wanted:
            return True
        # An approved detail may be longer than what was detected in it.
        if wanted and wanted in key(item.text) and _normal(item.text) in _normal(line):
            return True
    return False


def _key_for(kind: str) -> Callable[[str], str]:
    for detector in _DETECTORS:
        if detector.kind == kind:
            return KEYS[detector.key]
    return _normal


# ---------------------------------------------------------------------------
# The same rules, for the browser


def detector_data(allowlist: Iterable[AllowedItem] = ()) -> dict[str, object]:
    """Everything the browser's detector (assets/javascripts/dear-constituent-privacy.js)
    needs to find exactly what :func:`find_personal_data` finds: the patterns as
    JavaScript reads them, the names of the public-detail tests and keys, the
    constants, and the allowlist's texts."""
    return {
        "detectors": [
            {
                "kind": detector.kind,
                "pattern": _javascript(detector.pattern),
                "public": detector.public,
                "key": detector.key,
            }
            for detector in _DETECTORS
        ],
        "salutation": _javascript(_SALUTATION),
        "generic_addressees": sorted(_GENERIC_ADDRESSEES),
        "replacements": dict(_REPLACEMENTS),
        "parliament_postcodes": sorted(_PARLIAMENT_POSTCODES),
        "parliament_domain": _PARLIAMENT_DOMAIN,
        "parliament_exchange": _PARLIAMENT_EXCHANGE,
        "public_streets": list(_PUBLIC_STREETS),
        "insurance_number_digits": INSURANCE_NUMBER_DIGITS,
        "before": _BEFORE,
        "after": _AFTER,
        "short": _SHORT,
        "allowlist": [item.text for item in allowlist],
    }


def _javascript(pattern: re.Pattern[str]) -> str:
    """A pattern's source as JavaScript writes it: named groups are ``(?<name>``.
    The patterns use nothing else the two languages spell differently."""
    if pattern.flags & ~(re.ASCII | re.MULTILINE | re.UNICODE):
        raise ValueError(f"pattern {pattern.pattern!r} uses a flag the browser's script lacks")
    return pattern.pattern.replace("(?P<", "(?<")
