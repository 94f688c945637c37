"""Personal data out of visitors' messages before a report shows them: e-mail addresses, phone
numbers and Swedish personal identity numbers become a label ("[e-post]", "[telefon]",
"[personnummer]").

Erring on the side of masking: a personnummer with a wrong check digit is still someone's,
so only its shape is checked (a date, with day + 60 for a samordningsnummer). What must stay
readable are the numbers the page itself is about: dates (2024-02-13, 20240213), years and
periods (2023–2026), amounts ("1,76 miljoner kronor", "12 000 kr"), postcodes (930 70).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

EMAIL = re.compile(r"[\w.%+'-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}")
# YYMMDD or YYYYMMDD, then -, + (over 100 years old), a space or nothing, then four digits.
PERSONNUMMER = re.compile(
    r"(?<![\w+-])(?:(?:18|19|20)\d{2}|\d{2})(?:0[1-9]|1[0-2])"
    r"(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])[-+ ]?\d{4}(?![\w-])")
# +46 / 0046 (with an optional "(0)"), or a leading 0 or "(0…)": then digits in groups separated
# by a space, a dash or " - ". The longest start of the run with a phone number's digit count is
# masked (`_mask_phone`). No dots or slashes: "09.00-16.00" and "01/02 2024" are not numbers.
PHONE = re.compile(
    r"(?<![\w+-])(?:(?:\+|00)46[\s-]?(?:\(0\)[\s-]?)?|\(0\d{1,3}\)\s?|0)\d(?:(?:\s-\s|[\s-])?\d){4,13}")
LAST_GROUP = re.compile(r"(?:\s-\s|[\s-])\d+$")
NATIONAL_DIGITS = range(7, 10)  # a Swedish number without its 0 or +46: 7–9 digits


@dataclass(frozen=True)
class Labels:
    email: str
    phone: str
    personnummer: str


def mask(text: str, labels: Labels) -> str:
    """The text with every e-mail address, phone number and personnummer replaced by its label."""
    if "@" in text:
        text = EMAIL.sub(labels.email, text)
    if not any(ch.isdigit() for ch in text):
        return text
    text = PHONE.sub(lambda m: _mask_phone(m.group(), labels.phone), text)
    return PERSONNUMMER.sub(labels.personnummer, text)


def _mask_phone(run: str, label: str) -> str:
    """The longest start of a run of digit groups that is a phone number, masked; "0953-140 00
    2024" is a number and a year."""
    candidate = run
    while candidate:
        if _is_phone(candidate):
            return label + run[len(candidate):]
        cut = LAST_GROUP.search(candidate)
        candidate = candidate[:cut.start()] if cut else ""
    return run


def _is_phone(candidate: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    if candidate.startswith(("+", "00")):
        digits = digits[4:] if candidate.startswith("00") else digits[2:]
        digits = digits[1:] if digits.startswith("0") else digits  # "+46 (0)70 …"
    else:
        digits = digits[1:]
    return len(digits) in NATIONAL_DIGITS
