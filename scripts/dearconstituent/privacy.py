"""Detecting personal data of private people before it is published.

Each detector looks for one kind of identifier. Public details of Parliament
(the House of Commons' address and switchboard, parliament.uk addresses) are
always allowed; anything else public must be approved, item by item, in the
allowlist register.
"""

from __future__ import annotations

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


@dataclass(frozen=True)
class _Detector:
    kind: str
    pattern: re.Pattern[str]
    is_public: Callable[[str], bool]
    key: Callable[[str], str]


def _normal(text: str) -> str:
    return " ".join(text.casefold().split()).strip(" .,;:")


def _digits(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    return "0" + digits[2:] if digits.startswith("44") else digits


def _never(_: str) -> bool:
    return False


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

_SALUTATION = re.compile(r"^\s*(?P<greeting>Dear\s+(?P<who>[^,:;!\n]*))")


def _is_parliament_email(text: str) -> bool:
    domain = text.rsplit("@", 1)[-1].casefold()
    return domain == "parliament.uk" or domain.endswith(".parliament.uk")


def _is_parliament_phone(text: str) -> bool:
    # 020 7219 is the Palace of Westminster's exchange; its numbers are public.
    return _digits(text).startswith("0207219")


def _is_parliament_postcode(text: str) -> bool:
    return re.sub(r"\s", "", text) in _PARLIAMENT_POSTCODES


_DETECTORS = (
    _Detector(
        "e-mail address",
        re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"),
        _is_parliament_email,
        _normal,
    ),
    _Detector(
        "UK phone number",
        re.compile(r"(?<![\d+])(?:\+44\s?(?:\(0\)\s?)?|0044\s?|0)\d(?:[ -]?\d){8,9}(?!\d)"),
        _is_parliament_phone,
        _digits,
    ),
    _Detector(
        "postcode",
        re.compile(
            r"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR)[ \t]?\d[ABD-HJLNP-UW-Z]{2}\b",
        ),
        _is_parliament_postcode,
        lambda text: re.sub(r"\s", "", text).upper(),
    ),
    _Detector(
        "National Insurance number",
        re.compile(
            r"\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b",
        ),
        _never,
        lambda text: re.sub(r"\s", "", text).upper(),
    ),
    _Detector(
        "case or reference number",
        re.compile(
            r"\b(?:(?:our|your|my|home office|HO|UKVI|case)\s+)?"
            r"(?:ref(?:erence)?|case\s+(?:no|number|id|ref(?:erence)?))\b\.?"
            r"(?:\s*(?:no\.?|number))?\s*[:#.]?\s*"
            r"[A-Z0-9][A-Z0-9/-]*\d[A-Z0-9/-]*",
            re.IGNORECASE,
        ),
        _never,
        _normal,
    ),
    _Detector(
        "Home Office or visa reference",
        re.compile(r"\b(?:GWF\d{9}|[A-Z]\d{7}|\d{4}-\d{4}-\d{4}-\d{4})\b"),
        _never,
        _normal,
    ),
)


def find_personal_data(
    text: str, *, first_line: int = 1, allowlist: Iterable[AllowedItem] = ()
) -> Iterator[PersonalData]:
    """Yield every likely identifier of a private person in ``text``."""
    allowed = tuple(allowlist)
    for offset, line in enumerate(text.split("\n")):
        number = first_line + offset
        for found in _findings_in_line(line, number):
            if not _is_allowed(found, line, allowed):
                yield found


def _findings_in_line(line: str, number: int) -> Iterator[PersonalData]:
    for detector in _DETECTORS:
        for match in detector.pattern.finditer(line):
            if not detector.is_public(match.group()):
                yield PersonalData(number, detector.kind, match.group().strip())
    if salutation := _named_salutation(line):
        yield PersonalData(number, "salutation naming a person", salutation)


def _named_salutation(line: str) -> str | None:
    match = _SALUTATION.match(line)
    if not match:
        return None
    who = _normal(match.group("who"))
    if not who or who in _GENERIC_ADDRESSEES:
        return None
    # A mail-merge placeholder such as "[Name]" names nobody.
    if who.startswith("[") and who.endswith("]"):
        return None
    return match.group("greeting").strip()


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
            return detector.key
    return _normal
