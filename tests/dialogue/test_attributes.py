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
