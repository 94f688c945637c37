"""Over-long messages, questions for private data, and failures that are logged without
what the visitor wrote: the dialogue alone, no Rasa."""

from __future__ import annotations

import dataclasses
import logging

import pytest

from assistant.dialogue import private_data
from assistant.dialogue.conversation import Conversation
from assistant.dialogue.turn import Turn
from assistant.kb import store
from assistant.kb.service import KnowledgeBase
from assistant.language import page_language
from tests.conftest import TODAY
from tests.dialogue.chat import Chat, text_of

TOO_LONG = {"sv": "Ditt meddelande var för långt", "en": "Your message was too long"}


@pytest.mark.parametrize("intent", ["ask_project", "greet", "fallback", "list_projects", "nonexistent"])
@pytest.mark.parametrize(("text", "page", "language"), [
    ("Vem finansierar SHiMR? " * 40, None, "sv"),
    ("Who funds SHiMR? " * 40, "sv", "en"),  # the kept text is plainly English
    ("x" * 1000, "en", "en"),  # says nothing: the page's language
    ("", "en", "en"),  # a cut button payload: no words to read
])
def test_a_cut_message_gets_the_polite_too_long_answer_whatever_the_intent(
        conversation, intent, text, page, language) -> None:
    reply = conversation.respond(Turn(intent, text, page_language=page, too_long=True))
    assert [m.text for m in reply.messages] == [reply.messages[0].text]
    assert reply.messages[0].text.startswith(TOO_LONG[language])
    assert reply.language == language


@pytest.mark.parametrize(("value", "expected"), [
    ("en", "en"), ("en-GB", "en"), ("EN_us", "en"), ("sv-SE", "sv"), ("sv", "sv"),
    ("fi", None), ("", None), (None, None), (["en"], None), ({"a": 1}, None), (7, None),
])
def test_page_language_tags(value, expected) -> None:
    assert page_language(value) == expected


PRIVATE = [
    ("Vad är Wolfgang Mehls hemadress?", "sv", "Wolfgang Mehl"),
    ("Var bor Sandor Lindström?", "sv", "Sandor Lindström"),
    ("Vilket personnummer har Aleksandra Simanovskaya?", "sv", "Aleksandra Simanovskaya"),
    ("Hur mycket tjänar Wolfgang Mehl i lön?", "sv", "Wolfgang Mehl"),
    ("What is Wolfgang Mehl's home address?", "en", "Wolfgang Mehl"),
    ("What is the personal identity number of Sandor Lindström?", "en", "Sandor Lindström"),
    ("How much salary does Aleksandra Simanovskaya earn?", "en", "Aleksandra Simanovskaya"),
    ("Where does Wolfgang Mehl live?", "en", "Wolfgang Mehl"),
]
NO_PRIVATE = {"sv": "Sidan ger inga privata uppgifter om någon", "en": "The page gives no private details"}


@pytest.mark.parametrize("intent", ["ask_person", "fallback", "ask_project"])
@pytest.mark.parametrize(("text", "language", "person"), PRIVATE)
def test_private_data_is_refused_plainly_first_then_the_work_contact(
        conversation, intent, text, language, person) -> None:
    reply = Chat(conversation).say(intent, text)
    assert reply.language == language
    assert reply.messages[0].text.startswith(NO_PRIVATE[language]), text_of(reply)
    assert person in reply.messages[1].text  # the work contact card comes next
    assert ("tfn" if language == "sv" else "phone") in text_of(reply) or "@mala.se" in text_of(reply)


@pytest.mark.parametrize("text", [
    "Vad är Wolfgang Mehls e-postadress?", "What is Wolfgang Mehl's e-mail address?",
    "What is Wolfgang Mehl's phone number?", "Vem kontaktar jag om rekrytering?",
    "I want to live and work in Malå, who can I talk to?", "Vem finansierar SHiMR?",
    "Who funds the 1.76 project?", "Hur stor är budgeten för Medskapande?",
])
def test_work_contact_questions_are_not_taken_for_private_ones(text) -> None:
    assert not private_data.asked_for(text)


def test_a_failure_is_logged_with_an_id_but_without_the_message(knowledge, tmp_path, caplog) -> None:
    """Stored data that breaks a handler (a stand-in who does not exist) is a real failure."""
    contacts = tuple(dataclasses.replace(c, status="on_leave", stand_in="nobody")
                     if c.id == "wolfgang-mehl" else c for c in knowledge.contacts)
    engine = store.make_engine(f"sqlite:///{tmp_path / 'kb.db'}")
    store.load(engine, dataclasses.replace(knowledge, contacts=contacts))
    secret = "Vem är Wolfgang Mehl? Svara till anna.svensson@example.org eller 070-555 12 34"
    with caplog.at_level(logging.DEBUG):
        reply = Conversation(KnowledgeBase(engine, clock=lambda: TODAY)).respond(Turn("ask_person", secret))
    assert text_of(reply).startswith("Förlåt, något gick fel")
    logged = "\n".join(r.getMessage() + (caplog.text or "") for r in caplog.records)
    assert "could not answer (incident " in logged and "KeyError at query.py" in logged
    for private in ("anna.svensson", "example.org", "070-555", "555 12 34", "Wolfgang"):
        assert private not in logged
