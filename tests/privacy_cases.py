"""Lines with personal data, and lines without, shared by the validator's tests and
the test that the browser's detector finds the same (all fictional)."""

from __future__ import annotations

FOUND: list[tuple[str, str, str]] = [
    ("Write to jo.bloggs@example.com today.", "e-mail address", "jo.bloggs@example.com"),
    ("Ring me on 07700 900123.", "UK phone number", "07700 900123"),
    ("Ring me on +44 7700 900123.", "UK phone number", "+44 7700 900123"),
    ("Ring me on +44 (0)1632 960 123.", "UK phone number", "+44 (0)1632 960 123"),
    ("Ring me on 01632-960-123.", "UK phone number", "01632-960-123"),
    ("She lives at 12 High Street, Wexmoor WX1 2AB.", "postcode", "WX1 2AB"),
    ("She lives at 12 High Street, Wexmoor WX1 2AB.", "street address", "12 High Street"),
    ("Write to me at 4a St John's Road.", "street address", "4a St John's Road"),
    ("Her number, AB 12 34 56 C, is on file.", "National Insurance number", "AB 12 34 56 C"),
    ("NI number AB 12 34 56 C.", "National Insurance number", "NI number AB 12 34 56 C"),
    ("NI number AB123456C.", "National Insurance number", "NI number AB123456C"),
    # Labelled, a number is reported whatever its letters: QQ is HMRC's
    # specimen prefix, never issued, and the unlabelled rule lets it pass.
    (
        "National Insurance number: QQ 12 34 56 C",
        "National Insurance number",
        "National Insurance number: QQ 12 34 56 C",
    ),
    (
        "Your National Insurance number is QQ123456C.",
        "National Insurance number",
        "National Insurance number is QQ123456C",
    ),
    ("NINO: QQ 12 34 56 C", "National Insurance number", "NINO: QQ 12 34 56 C"),
    ("NI No. QQ 123456", "National Insurance number", "NI No. QQ 123456"),
    (
        "National Insurance: DQ123456",
        "National Insurance number",
        "National Insurance: DQ123456",
    ),
    (
        "Home Office reference: B1234567.",
        "case or reference number",
        "Home Office reference: B1234567",
    ),
    ("Reference B1234567.", "Home Office or visa reference", "B1234567"),
    ("Our ref: MT/2019/0345", "case or reference number", "Our ref: MT/2019/0345"),
    ("Your case number 88812 is open.", "case or reference number", "Your case number 88812"),
    # A labelled reference in groups, or after "is", whatever its letters.
    ("Our reference MT 2019 0345", "case or reference number", "Our reference MT 2019 0345"),
    ("Your reference is QQ-4411.", "case or reference number", "Your reference is QQ-4411"),
    ("Case number 2019 0345 C", "case or reference number", "Case number 2019 0345 C"),
    ("UAN 1234-5678-9012-3456.", "Home Office or visa reference", "1234-5678-9012-3456"),
    ("Your GWF012345678 application.", "Home Office or visa reference", "GWF012345678"),
    ("Dear Mrs Patel,", "salutation naming a person", "Dear Mrs Patel"),
    ("Dear John,", "salutation naming a person", "Dear John"),
]
"""A line, the kind of personal data in it, and what is found."""

NOT_PERSONAL: list[str] = [
    "HOUSE OF COMMONS, LONDON SW1A 0AA",
    "House of Lords, London SW1A 0PW",
    "Write to morwenna.tregarth.mp@parliament.uk",
    "Call the House of Commons on 020 7219 3000.",
    "Dear Constituent,",
    "Dear Sir or Madam,",
    "Dear Sir/Madam",
    "Dear [Name],",
    "On a case-by-case basis, with reference to the 2019 manifesto.",
    "In 2019 2020 and 2021 the M25 4th junction was rebuilt.",
    "National Insurance: 13.25% from April.",
    "National Insurance contributions rose by 2% in 2023.",
    "NI 2023 figures show a rise of 12345 claims.",
    "Reference: TBC",
    "The Prime Minister, 10 Downing Street, London",
]
"""Lines with public details of Parliament, or nothing personal, that look like
personal data to a careless rule."""
