"""Personal data out of the messages a report shows: e-mail addresses, Swedish phone numbers and
personal identity numbers in the ways people write them, and the numbers the page is about
(dates, years, periods, amounts, postcodes) left as they are."""

from __future__ import annotations

import pytest

from assistant.report.masking import mask
from assistant.report.texts import MASK

SV = MASK["sv"]
EMAIL, PHONE, PNR = "[e-post]", "[telefon]", "[personnummer]"


@pytest.mark.parametrize(("written", "shown"), [
    # e-mail
    ("min mejl är anna.svensson@example.com", f"min mejl är {EMAIL}"),
    ("ANNA@EXAMPLE.SE tack", f"{EMAIL} tack"),
    ("skriv till anna+chatt@mail.foretaget.co.uk.", f"skriv till {EMAIL}."),
    ("åsa.öberg@malå.se", EMAIL),
    ("o'brien@example.ie eller karl_xii@example.org", f"{EMAIL} eller {EMAIL}"),
    # mobile numbers
    ("ring 070-123 45 67", f"ring {PHONE}"),
    ("070-1234567", PHONE),
    ("0701234567", PHONE),
    ("070 123 45 67", PHONE),
    ("070 - 123 45 67", PHONE),
    ("073-12 34 567", PHONE),
    ("+46 70 123 45 67", PHONE),
    ("+46701234567", PHONE),
    ("+46 (0)70-123 45 67", PHONE),
    ("0046 70 123 45 67", PHONE),
    ("+46-70-1234567", PHONE),
    # landlines, with area codes of every length
    ("växeln 0953-140 00", f"växeln {PHONE}"),
    ("0953-14000", PHONE),
    ("0953 140 00", PHONE),
    ("(0953) 140 00", PHONE),
    ("08-123 456 78", PHONE),
    ("08-12345678", PHONE),
    ("090-12 34 56", PHONE),
    ("+46 953 140 00", PHONE),
    # a number followed by a year: the number is masked, the year stays
    ("ring 0953-140 00 2024", f"ring {PHONE} 2024"),
    ("070-123 45 67, 0953-140 61", f"{PHONE}, {PHONE}"),
    # personnummer and samordningsnummer
    ("mitt personnummer är 850412-1234", f"mitt personnummer är {PNR}"),
    ("19850412-1234", PNR),
    ("198504121234", PNR),
    ("8504121234", PNR),
    ("850412+1234", PNR),  # over a hundred years old
    ("19850412 1234", PNR),
    ("850472-1234", PNR),  # samordningsnummer: day + 60
    ("20050412-1234", PNR),
    ("pnr:850412-1234.", f"pnr:{PNR}."),
    # all three in one message
    ("Anna, 850412-1234, anna@example.com, 070-123 45 67",
     f"Anna, {PNR}, {EMAIL}, {PHONE}"),
])
def test_personal_data_is_masked(written, shown) -> None:
    assert mask(written, SV) == shown


@pytest.mark.parametrize("written", [
    "när slutar projektet 2024-02-13?",
    "20240213",
    "den 13 februari 2024",
    "projektperiod 2023–2026",
    "2023-2026",
    "2024-01-01 - 2024-12-31",
    "1,76 miljoner kronor per år",
    "1.76-projektet",
    "budget 624 602 kr",
    "12 000 kr",
    "100 000 kronor",
    "930 70 Malå",
    "öppet kl 09.00-16.00",
    "01/02 2024",
    "år 2030",
    "0,5 procent",
    "556677-8899",  # an organisation number: a company's, not a person's
    "850412",  # a date alone
    "0953",  # an area code alone
    "070-12 34",  # too few digits for a number
    "SHiMR 2023–2025 och 39 kommuner",
    "kontakta oss @ kommunen",
])
def test_dates_years_amounts_and_postcodes_are_left_alone(written) -> None:
    assert mask(written, SV) == written


def test_the_labels_are_in_the_reports_language() -> None:
    assert mask("call me on 070-123 45 67 or mail a@b.se, id 850412-1234", MASK["en"]) == \
        "call me on [phone] or mail [e-mail], id [personal identity number]"
