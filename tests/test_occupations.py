"""The occupation lexicon: its size and forms, the reader's checks, and finding occupations in text."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import occupations_file
from assistant.nlu.occupations import LexiconError, OccupationFinder, read_lexicon

LEXICON = read_lexicon(occupations_file())
FINDER = OccupationFinder(LEXICON)


def test_the_lexicon_has_at_least_300_occupations_in_each_language() -> None:
    assert len(LEXICON) >= 300
    assert len({o.sv[0] for o in LEXICON}) >= 300 and len({o.en[0] for o in LEXICON}) >= 300


def test_no_word_form_belongs_to_two_occupations() -> None:
    owners: dict[str, str] = {}
    for occupation in LEXICON:
        for form in {f.lower() for f in occupation.forms()}:
            assert owners.setdefault(form, occupation.sv[0]) == occupation.sv[0], form


@pytest.mark.parametrize(("text", "singular"), [
    ("vi behöver två snickare till ett bygge", "snickare"),
    ("snickarna vi hade har slutat", "snickare"),
    ("söker undersköterskor till hemtjänsten", "undersköterska"),
    ("behöver en skogsmaskinförare till hösten", "skogsmaskinförare"),
    ("vi soker en lakare", "läkare"),  # typed without å/ä/ö
    ("We need three carpenters for a building job", "snickare"),
    ("our care home can't find a dental nurse", "tandsköterska"),
    ("looking for a forklift operator", "truckförare"),
])
def test_occupations_are_found_in_their_forms(text: str, singular: str) -> None:
    assert singular in [o.sv[0] for o in FINDER.find(text)]


def test_plain_words_are_not_occupations() -> None:
    assert FINDER.find("vad är shimr och när slutar det") == []
    assert FINDER.find("who funds move up north") == []


def test_an_answer_names_the_occupation_in_the_plural() -> None:
    carpenter = FINDER.find("snickaren")[0]
    assert (carpenter.plural("sv"), carpenter.plural("en")) == ("snickare", "carpenters")


@pytest.mark.parametrize(("content", "fault"), [
    ("occupations: {}", "expected a list under 'occupations:'"),
    ("occupations:\n  - {field: bygg, sv: [snickare], en: [carpenter, carpenters]}", "occupations[0].sv"),
    ("occupations:\n  - {field: bygg, sv: [a, b, c, d], en: [carpenter]}", "occupations[0].en"),
    ("occupations:\n  - {sv: [a, b, c, d], en: [x, y]}", "occupations[0]: 'field'"),
    ("occupations: [", "cannot be read"),
])
def test_a_broken_lexicon_is_rejected_with_the_entry_named(tmp_path: Path, content: str, fault: str) -> None:
    path = tmp_path / "occupations.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=fault.replace("[", r"\[").replace("]", r"\]")):
        read_lexicon(path)


@pytest.mark.parametrize(("text", "language"), [
    ("snickare?", "sv"), ("lärare", "sv"), ("need welders", "en"), ("carpenters", "en"),
    ("sandor lindström phone", "en"), ("wolfgang telefonnummer", "sv"),
])
def test_occupations_and_contact_words_tell_the_language(knowledge, text, language) -> None:
    from assistant.language import LanguageDetector

    assert LanguageDetector.for_knowledge(knowledge).detect(text) == language
