"""Fold chat text into comparable tokens: case, å/ä/ö typed as a/a/o, 1,76 vs 1.76, inflections."""

from __future__ import annotations

import re
import unicodedata

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_APOSTROPHES = re.compile(r"[\u2018\u2019\u00b4`]")
_DECIMAL = re.compile(r"(?<=\d)[.,](?=\d)")
TOKEN = re.compile(r"\d+(?:\.\d+)*|[^\W\d_]+(?:\d+)?(?:[:'][^\W\d_]+)?")

# Endings a name takes in a chat message: "SHiMR:s", "SHiMR's", "Move Up Norths",
# "medskapandeprojektet", "1,76-projektets". Longest first.
SUFFIXES = (
    "projektets", "projektens", "projektet", "projekten", "projekt", "project",
    ":s", "'s", "s", "'",
)


def fold(text: str) -> str:
    """Lower-case, strip diacritics (å→a, ö→o), unify dashes, apostrophes and decimal marks."""
    text = _DASHES.sub("-", _APOSTROPHES.sub("'", text))
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(_DECIMAL.sub(".", text).split())


def tokens(text: str) -> list[str]:
    return TOKEN.findall(fold(text))


def stems(token: str) -> list[str]:
    """The token and what is left of it without one inflection ending (never empty)."""
    forms = [token]
    for suffix in SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            forms.append(token[: -len(suffix)])
    return forms
