"""What the visitor types, cleaned and checked (no database, no Rasa)."""

from __future__ import annotations

import pytest

from assistant.handoff.validation import (
    ABOUT_MAX,
    Invalid,
    clean_text,
    valid_about,
    valid_email,
    valid_name,
    valid_organisation,
    valid_reach,
)


@pytest.mark.parametrize(("typed", "expected"), [
    ("0953-140 61", (None, "+4695314061")),
    ("+46953140 61", (None, "+4695314061")),
    ("0046 70 123 45 67", (None, "+46701234567")),
    ("ring mig på 070-123 45 67 efter fem", (None, "+46701234567")),
    ("+44 20 7946 0958", (None, "+442079460958")),
    ("Anna@Example.COM", ("Anna@example.com", None)),
    ("anna@example.com, 0701234567", ("anna@example.com", "+46701234567")),
    ("070-123 45 67 eller anna@example.se", ("anna@example.se", "+46701234567")),
])
def test_reach_gives_email_and_e164_phone(typed: str, expected: tuple) -> None:
    assert valid_reach(typed) == expected


@pytest.mark.parametrize(("typed", "reason"), [
    ("", "empty"), ("   ", "empty"), ("hej", "no_reach"), ("12", "phone"), ("070 12", "phone"),
    ("anna@", "email"), ("a@b", "email"), ("anna@example..com", "email"), ("a@b.se c@d.se", "email"),
    ("0" * 400, "too_long"),
])
def test_reach_refused_with_a_reason(typed: str, reason: str) -> None:
    with pytest.raises(Invalid) as caught:
        valid_reach(typed)
    assert caught.value.reason == reason


def test_email_is_syntax_only_and_no_dns_lookup() -> None:
    # A domain no one has registered: a DNS check would refuse it.
    assert valid_email("someone@no-such-domain-q7x.se") == "someone@no-such-domain-q7x.se"


def test_control_characters_are_removed_and_spacing_collapsed() -> None:
    assert valid_name("x\r\nBcc: evil@example.com") == "x Bcc: evil@example.com"
    assert clean_text("a\x00b\x1b[31m\u202ec\t\td ", 100) == "ab[31mc d"
    assert clean_text("abcdef", 3) == "abc"


@pytest.mark.parametrize(("typed", "reason"), [("", "empty"), ("\x00\x07", "empty"), ("123", "name"),
                                               ("A" * 101, "too_long")])
def test_bad_names(typed: str, reason: str) -> None:
    with pytest.raises(Invalid) as caught:
        valid_name(typed)
    assert caught.value.reason == reason


@pytest.mark.parametrize("none", ["-", "inget", "Ingen", "privat", "none", "Private.", ""])
def test_no_organisation(none: str) -> None:
    assert valid_organisation(none) is None


def test_organisation_kept_and_capped() -> None:
    assert valid_organisation(" Malå Trä AB ") == "Malå Trä AB"
    with pytest.raises(Invalid):
        valid_organisation("A" * 201)


def test_about_at_most_1000_characters() -> None:
    assert valid_about("a" * ABOUT_MAX) == "a" * ABOUT_MAX
    with pytest.raises(Invalid) as caught:
        valid_about("a" * (ABOUT_MAX + 1))
    assert caught.value.reason == "too_long"
