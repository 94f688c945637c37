"""What each reply records about the visitor's message for the staff report (`Reply.marker`):
answered or not understood, in which language, about which project and which need. The report
counts these markers; it never guesses from the wording."""

from __future__ import annotations

import pytest

from assistant.dialogue import phrases
from assistant.dialogue.conversation import Conversation
from assistant.dialogue.replies import ANSWERED, FAILED, NOT_UNDERSTOOD
from assistant.dialogue.turn import Turn
from assistant.kb.service import KnowledgeBase
from assistant.kb.store import make_engine
from tests.dialogue.chat import Chat, text_of


def test_an_answer_about_a_project_is_marked_answered_with_its_project(conversation) -> None:
    marker = Chat(conversation).say("ask_project", "vem finansierar SHiMR?").marker()
    assert marker == {"outcome": ANSWERED, "language": "sv", "project": "shimr", "need": None}


def test_a_need_sent_to_its_person_is_marked_with_its_route(conversation) -> None:
    reply = Chat(conversation).say("contact_for_need", "we are looking for two welders", "need_staff")
    assert reply.marker() == {"outcome": ANSWERED, "language": "en", "project": "move-up-north",
                              "need": "recruitment"}


@pytest.mark.parametrize(("handler", "text", "intent", "ranking"), [
    ("fallback", "när hämtas soporna?", "out_of_scope", ()),
    ("fallback", "what's the weather like tomorrow?", "nlu_fallback", ()),
    # not understood but looked like a need: asked back, still a message the NLU did not get
    ("fallback", "jag behöver hjälp med personalen", "nlu_fallback",
     (("nlu_fallback", 0.4), ("need_business_advice", 0.3), ("greet", 0.2))),
])
def test_a_fallback_is_marked_not_understood(conversation, handler, text, intent, ranking) -> None:
    reply = Chat(conversation).say(handler, text, intent, ranking)
    assert reply.marker()["outcome"] == NOT_UNDERSTOOD and reply.marker()["need"] is None


def test_an_occupation_the_nlu_could_not_place_is_answered_not_a_fallback(conversation) -> None:
    reply = Chat(conversation).say("fallback", "snickare?", "nlu_fallback", (("nlu_fallback", 0.3),))
    assert reply.marker()["outcome"] == ANSWERED and reply.marker()["need"] == "recruitment"


def test_a_cut_message_is_not_understood_and_a_failure_is_an_error(conversation, tmp_path) -> None:
    cut = conversation.respond(Turn("ask_project", "Vem finansierar SHiMR? " * 50, too_long=True))
    assert cut.marker()["outcome"] == NOT_UNDERSTOOD
    broken = Chat(conversation).say("ask_projekt", "who funds SHiMR?")  # no such handler: a bug
    assert text_of(broken) == phrases.ERROR("en") and broken.marker()["outcome"] == FAILED
    missing = make_engine(f"sqlite:///{tmp_path / 'never-loaded.db'}")
    down = Conversation(KnowledgeBase(missing)).respond(Turn("ask_project", "vad är SHiMR?"))
    assert down.marker()["outcome"] == FAILED


@pytest.mark.parametrize(("intent", "text", "answer"), [
    ("feedback_helpful", "", phrases.FEEDBACK_THANKS.sv),
    ("feedback_not_helpful", "", phrases.FEEDBACK_SORRY.sv),
    ("feedback_not_helpful", "that didn't help", phrases.FEEDBACK_SORRY.en),
])
def test_feedback_is_thanked_is_no_question_and_keeps_the_offer(conversation, intent, text, answer) -> None:
    chat = Chat(conversation)
    first = chat.say("ask_project", "vad är SHiMR?")
    assert chat.slots["offer"] == "contact" and first.marker()["outcome"] == ANSWERED
    reply = chat.say("feedback", text, intent)
    assert text_of(reply) == answer and reply.marker() is None
    assert chat.slots["offer"] == "contact"  # "ja" after the feedback still gets the contact details
