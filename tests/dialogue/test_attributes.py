"""Which attributes a question asks about, and in which order (assistant/dialogue/attributes.py)."""

from __future__ import annotations

import pytest

from assistant.dialogue.attributes import attributes_in


@pytest.mark.parametrize(("text", "attributes"), [
    ("när slutar det och vem betalar?", ["period", "funding"]),
    ("vem betalar, och när slutar det?", ["funding", "period"]),
    ("who do I call, and is it still running?", ["contact", "status"]),
])
def test_attributes_come_in_the_order_the_question_asks_them(text, attributes) -> None:
    assert attributes_in(text) == attributes


@pytest.mark.parametrize(("text", "attributes"), [
    ("varifrån kommer pengarna till projektet?", ["funding"]),  # "till" is no typo of "still"
    ("vem ringer jag till?", ["contact"]),
])
def test_a_typo_is_not_read_in_the_first_letter(text, attributes) -> None:
    assert attributes_in(text) == attributes


@pytest.mark.parametrize(("text", "attributes"), [
    ("vilka är medfinansiärerna?", ["co_financiers"]),  # "är" folds to "ar", like "år": no period
    ("vilket är målet med projektet?", ["purpose"]),
    ("vem är huvudman för projektet?", ["owner"]),  # not "huvudmål"
    ("vad är huvudmålet?", ["purpose"]),  # not "huvudman"
    ("vem står för pengarna?", ["funding"]),  # "står" folds to "star": no "start"
    ("who is behind the project?", ["owner"]),  # "behind" is no typo of "begin"
])
def test_words_that_look_alike_ask_different_things(text, attributes) -> None:
    assert attributes_in(text) == attributes


@pytest.mark.parametrize("text", [
    "vi har svårt att hitta rätt system",  # no "syfte"
    "we need skilled welders",  # no "still"
    "det kan vara så",  # no "varar"
    "we run a bakery",  # no "backer"
    "fortsatt bra",  # no "foots"
    "statsstödet",  # no "status", no "starts"
    "medskapande processer",  # no "price"
])
def test_a_word_a_typo_away_from_a_question_word_asks_nothing(text) -> None:
    assert attributes_in(text) == []


def test_activities_are_no_question_whether_it_is_active() -> None:
    assert attributes_in("which activities are included?") == ["activities"]
    assert attributes_in("vilka aktiviteter ingår?") == ["activities"]
