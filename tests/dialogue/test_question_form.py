"""The shape of answer a question wants: a number, an amount, a yes or no."""

from __future__ import annotations

import pytest

from assistant.dialogue.question_form import question_in


@pytest.mark.parametrize(("text", "form", "counted"), [
    ("Hur många regioner medfinansierar SHiMR?", "count", "region"),
    ("how many municipalities are in region 10", "count", "municipality"),
    ("hur manga kommuner ar med", "count", "municipality"),
    ("How much money does Malå get?", "amount", None),
    ("hur stor andel betalar EU", "amount", None),
    ("Är SHiMR fortfarande igång?", "yes_no", None),
    ("och pågår det fortfarande?", "yes_no", None),
    ("does the EU fund move up north", "yes_no", None),
    ("is Maria available?", "yes_no", None),
    ("vad är shimr", "open", None),
    ("who funds it?", "open", None),
    ("när slutar det", "open", None),
])
def test_the_form_of_a_question(text: str, form: str, counted: str | None) -> None:
    question = question_in(text)
    assert (question.form, question.counted) == (form, counted)


@pytest.mark.parametrize(("text", "polarity"), [
    ("Är SHiMR fortfarande igång?", "running"),
    ("is move up north still running", "running"),
    ("has shimr ended?", "ended"),
    ("är medskapande slut", "ended"),
    ("is Maria on leave?", "away"),
    ("är maria tjänstledig", "away"),
    ("is Maria available?", "available"),
    ("Är Storuman med i Region 10?", "member"),
    ("is Kiruna part of region 10", "member"),
    ("does the EU fund move up north", "funds"),
    ("äger Sorsele move up north?", "owns"),
])
def test_what_a_yes_or_no_question_asks_about(text: str, polarity: str) -> None:
    assert question_in(text).asks(polarity)


def test_a_running_question_does_not_ask_whether_it_ended() -> None:
    assert not question_in("is shimr still running").asks("ended")
