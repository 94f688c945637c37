"""The occupation lexicon (lexicon/occupations.yml): job titles employers name, in Swedish and English.

Employers rarely say "recruitment"; they say "vi behöver två snickare". The lexicon feeds the NLU
a lookup table (so DIET sees "this word is an occupation" as a feature of the message) and lets the
dialogue name the occupation back in its answer. It holds words, not facts: nothing the assistant
states about the projects comes from here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from assistant import config
from assistant.kb.content import Language
from assistant.text.normalise import tokens

SV_FORMS = 4  # singular, singular definite, plural, plural definite
EN_FORMS = 2  # singular, plural
LONGEST_FORM = 4  # tokens; "licensed heavy goods vehicle driver"


class LexiconError(ValueError):
    """The lexicon file is not what `read_lexicon` expects; the message names the entry."""


@dataclass(frozen=True)
class Occupation:
    field: str
    sv: tuple[str, ...]  # singular, definite, plural, plural definite, then variants
    en: tuple[str, ...]  # singular, plural, then variants

    def forms(self) -> tuple[str, ...]:
        return (*self.sv, *self.en)

    def plural(self, language: Language) -> str:
        """How an answer names the occupation: "snickare", "carpenters"."""
        return self.sv[2] if language == "sv" else self.en[1]


def read_lexicon(path: Path) -> tuple[Occupation, ...]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise LexiconError(f"{path}: cannot be read: {error}") from error
    entries = data.get("occupations") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise LexiconError(f"{path}: expected a list under 'occupations:'")
    return tuple(_occupation(path, index, entry) for index, entry in enumerate(entries))


def _occupation(path: Path, index: int, entry: object) -> Occupation:
    where = f"{path}: occupations[{index}]"
    if not isinstance(entry, dict):
        raise LexiconError(f"{where}: expected a mapping with field, sv and en")
    sv, en = _forms(where, entry, "sv", SV_FORMS), _forms(where, entry, "en", EN_FORMS)
    if not isinstance(entry.get("field"), str):
        raise LexiconError(f"{where}: 'field' must be a word")
    return Occupation(entry["field"], sv, en)


def _forms(where: str, entry: dict, language: str, at_least: int) -> tuple[str, ...]:
    forms = entry.get(language)
    if not isinstance(forms, list) or len(forms) < at_least or not all(
            isinstance(f, str) and f.strip() for f in forms):
        raise LexiconError(f"{where}.{language}: expected a list of at least {at_least} words")
    return tuple(f.strip() for f in forms)


class OccupationFinder:
    """Finds the occupations a message names, by their folded word forms (exact, multi-word aware)."""

    def __init__(self, occupations: Iterable[Occupation]) -> None:
        self._by_form: dict[tuple[str, ...], Occupation] = {}
        for occupation in occupations:
            for form in occupation.forms():
                self._by_form.setdefault(tuple(tokens(form)), occupation)

    def find(self, text: str) -> list[Occupation]:
        words = tokens(text)
        found: list[Occupation] = []
        start = 0
        while start < len(words):
            for size in range(min(LONGEST_FORM, len(words) - start), 0, -1):
                occupation = self._by_form.get(tuple(words[start : start + size]))
                if occupation:
                    found.append(occupation)
                    start += size
                    break
            else:
                start += 1
        return list(dict.fromkeys(found))


@cache
def occupation_finder() -> OccupationFinder:
    """The finder for the project's lexicon, read once per process."""
    return OccupationFinder(read_lexicon(config.occupations_file()))


@cache
def occupation_words() -> dict[Language, frozenset[str]]:
    """The one-word occupation forms of each language that the other language does not share,
    folded ("snickare" is Swedish, "welders" English): evidence of the visitor's language."""
    forms: dict[Language, set[str]] = {"sv": set(), "en": set()}
    for occupation in read_lexicon(config.occupations_file()):
        for language, words in (("sv", occupation.sv), ("en", occupation.en)):
            forms[language].update(t[0] for t in map(tokens, words) if len(t) == 1)
    return {"sv": frozenset(forms["sv"] - forms["en"]), "en": frozenset(forms["en"] - forms["sv"])}
