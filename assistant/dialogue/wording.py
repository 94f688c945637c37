"""Swedish and English wording of dates, periods and lists (no facts here, only grammar)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from assistant.kb.content import Language, Period

MONTHS = {
    "sv": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
           "september", "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}


def day(value: date, language: Language) -> str:
    return f"{value.day} {MONTHS[language][value.month - 1]} {value.year}"


def month(value: date, language: Language) -> str:
    name = MONTHS[language][value.month - 1]
    return f"{name} {value.year}"


def point(value: date, precision: str, language: Language) -> str:
    """A date written no more precisely than the page gave it."""
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return month(value, language)
    return day(value, language)


def period(value: Period, language: Language) -> str:
    """'2022–2024', '1 september 2022 – 31 augusti 2024', 't.o.m. december 2025'."""
    start = point(value.start, value.precision, language) if value.start else None
    end = point(value.end, value.precision, language) if value.end else None
    if start and end:
        joiner = "–" if value.precision == "year" else " – "
        return f"{start}{joiner}{end}"
    if end:
        return f"t.o.m. {end}" if language == "sv" else f"until {end}"
    return f"från {start}" if language == "sv" else f"from {start}"


def listing(items: Sequence[str], language: Language) -> str:
    """'A, B och C' / 'A, B and C'."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    last = "och" if language == "sv" else "and"
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def bullets(items: Sequence[str]) -> str:
    return "\n".join(f"• {item}" for item in items)
