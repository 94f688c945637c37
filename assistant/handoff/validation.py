"""Check and clean what a visitor types into the contact form. Pure functions, no I/O: each
returns the cleaned value or raises `Invalid` with a reason code the dialogue words."""

from __future__ import annotations

import re
import unicodedata

import phonenumbers
from email_validator import EmailNotValidError, validate_email

NAME_MAX = 100
ORGANISATION_MAX = 200
REACH_MAX = 300  # the whole answer to "how can we reach you?"
ABOUT_MAX = 1000

# Answers to "which company or organisation?" that mean "none".
_NO_ORGANISATION = frozenset({
    "-", "–", "—", "nej", "no", "ingen", "inget", "inga", "none", "nothing", "privat", "private",
    "privatperson", "private person", "saknas", "n/a", "na", "ej", "ingen organisation", "no organisation",
    "no organization", "ingen firma", "inget företag", "no company",
})
_SPACE = re.compile(r"\s+")
_SEPARATORS = re.compile(r"[\s,;]+")
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")


class Invalid(ValueError):
    """A value the visitor must give again; `reason` is a code: "empty", "too_long", "name",
    "email", "phone", "no_reach"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _clean(text: str) -> str:
    """NFC; line breaks, tabs and other spacing become one space; every other control or
    format character (NUL, ESC, bidi overrides …) is removed; surrounding space stripped."""
    text = unicodedata.normalize("NFC", text)
    kept = (" " if ch.isspace() else ch for ch in text
            if ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn"))
    return _SPACE.sub(" ", "".join(kept)).strip()


def clean_text(text: str, limit: int) -> str:
    """`text` without control characters and surrounding space, cut to `limit` characters."""
    return _clean(text)[:limit].rstrip()


def _required(text: str, limit: int) -> str:
    value = _clean(text)
    if not value:
        raise Invalid("empty")
    if len(value) > limit:
        raise Invalid("too_long")
    return value


def valid_name(text: str) -> str:
    value = _required(text, NAME_MAX)
    if not _LETTER.search(value):
        raise Invalid("name")
    return value


def valid_organisation(text: str) -> str | None:
    """The organisation, or None when the visitor says there is none ("-", "inget", "privat" …)."""
    value = _clean(text)
    if not value or value.casefold().rstrip(".!") in _NO_ORGANISATION:
        return None
    if len(value) > ORGANISATION_MAX:
        raise Invalid("too_long")
    return value


def valid_email(text: str) -> str:
    """The address, normalised (domain in lower case); syntax only, no DNS look-up."""
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise Invalid("email") from error


def _phone_in(text: str) -> str:
    """The phone number in a sentence ("ring mig på 070-123 45 67 efter fem") in E.164
    ("+46701234567"); Swedish numbers may be written nationally, others need their country code."""
    found = next(iter(phonenumbers.PhoneNumberMatcher(text, "SE")), None)
    if found is None:
        raise Invalid("phone")
    return phonenumbers.format_number(found.number, phonenumbers.PhoneNumberFormat.E164)


def valid_reach(text: str) -> tuple[str | None, str | None]:
    """(e-mail, phone in E.164) from one answer that may hold either or both; at least one."""
    value = _required(text, REACH_MAX)
    words = _SEPARATORS.split(value)
    addresses = [w for w in words if "@" in w]
    if len(addresses) > 1:
        raise Invalid("email")
    email = valid_email(addresses[0]) if addresses else None
    rest = " ".join(w for w in words if "@" not in w)
    phone = _phone_in(rest) if _DIGIT.search(rest) else None
    if email is None and phone is None:
        raise Invalid("no_reach")
    return email, phone


def valid_about(text: str) -> str:
    """What the request is about: up to ABOUT_MAX characters."""
    return _required(text, ABOUT_MAX)
