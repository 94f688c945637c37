"""The contact request as a conversation, without Rasa: the start, each question, the checks,
the interruptions, cancel, consent and the stored request (SQLite and PostgreSQL)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

import pytest

from assistant.dialogue import handoff, routing
from assistant.dialogue.conversation import Conversation
from assistant.dialogue.handoff import HandoffDialogue
from assistant.dialogue.replies import Reply
from assistant.dialogue.turn import Turn
from assistant.handoff.store import ContactRequests, Limits
from assistant.kb.service import KnowledgeBase
from tests.dialogue.chat import text_of

NOW = datetime(2026, 11, 26, 20, 15, tzinfo=timezone.utc)
CANCEL = ("stop_request", "")


class FormChat:
    """Drives the dialogue as Rasa's rules and form do: a start action, then the form asks the
    first missing slot of `required_slots`, checks the answer, and submits when none is left."""

    def __init__(self, conversation: Conversation, dialogue: HandoffDialogue) -> None:
        self.conversation = conversation
        self.dialogue = dialogue
        self.slots: dict[str, object] = {}
        self.active = False
        self.requested: str | None = None
        self.turns = 0

    def say(self, text: str, intent: str, confidence: float = 0.95) -> str:
        """One visitor message and what the assistant answers, as one text."""
        self.turns += 1
        turn = Turn(handler="", text="" if text.startswith("/") else text, intent=intent,
                    ranking=((intent, confidence),), language=self.slots.get("language"),
                    project=self.slots.get("project"), offer=self.slots.get("offer"))
        if self.active:
            answer = self.dialogue.check(str(self.requested), turn, self.slots)
            self.slots.update(answer.slots)
            return "\n".join([*answer.say, self._next()])
        handler = "contact_for_need" if intent.startswith("need_") else \
            {"stop_request": None, **handoff.QUESTIONS}.get(intent, intent)
        if intent == "affirm" and self.slots.get(routing.OFFERED):  # the rules "a yes … after the offer"
            handler = "accept_request"
        if handler is None:
            return self._apply(self.dialogue.cancel(turn.language))
        said = self._apply(self.conversation.respond(replace(turn, handler=handler)))
        if self.slots.get(handoff.READY):  # the rules "… starts the form"
            self.active = True
            return "\n".join([said, self._next()])
        return said

    def _next(self) -> str:
        missing = [s for s in self.dialogue.required(self.slots) if self.slots.get(s) is None]
        if missing:
            self.requested = missing[0]
            return self._apply(self.dialogue.ask(missing[0], self.slots, self.slots.get("language")))
        self.active = False
        return self._apply(self.dialogue.submit(self.slots, "conversation-1", self.slots.get("language")))

    def _apply(self, reply: Reply) -> str:
        self.slots.update(reply.slots)
        self.last = reply
        return text_of(reply)


@pytest.fixture
def requests(engine) -> ContactRequests:
    return ContactRequests(engine, clock=lambda: NOW, limits=Limits(3, 60))


@pytest.fixture
def chat(conversation, requests) -> FormChat:
    return FormChat(conversation, HandoffDialogue(conversation, requests, clock=lambda: NOW))


def stored(requests: ContactRequests) -> list[dict]:
    return requests.find()


def test_happy_path_in_swedish(chat, requests) -> None:
    said = chat.say("Kan Aleksandra ringa upp mig? Jag vill ha råd om energikostnader", "request_contact")
    assert "Aleksandra Simanovskaya" in said and "Vad heter du?" in said
    assert "Vilket företag" in chat.say("Anna Berg", "nlu_fallback")
    assert "Hur når vi dig?" in chat.say("Bergs Bageri AB", "nlu_fallback")
    assert "Vad gäller ditt ärende?" in chat.say("anna@bergsbageri.se 070-123 45 67", "nlu_fallback")
    said = chat.say("Vi vill sänka elkostnaderna i bageriet", "need_business_advice")
    assert "Malå kommun är ansvarig" in said and "180 dagar" in said and "/privacy.html" in said
    assert [b.payload for b in chat.last.messages[-1].buttons] == ["/affirm", "/deny"]
    said = chat.say("/affirm", "affirm", 1.0)
    assert "Namn: Anna Berg" in said and "+46701234567" in said and "Bergs Bageri AB" in said
    said = chat.say("/affirm", "affirm", 1.0)
    reference = requests.find()[0]["reference"]
    assert f"Ditt ärendenummer är {reference}" in said and reference.startswith("MK-2026-")
    row = requests.get(reference)
    assert (row["route_id"], row["recipient_id"], row["language"]) == (
        "business_advice", "aleksandra-simanovskaya", "sv")
    assert (row["name"], row["organisation"], row["email"], row["phone"]) == (
        "Anna Berg", "Bergs Bageri AB", "anna@bergsbageri.se", "+46701234567")
    assert all(chat.slots.get(s) is None for s in handoff.ALL_SLOTS)  # nothing kept in the conversation


def test_happy_path_in_english_from_the_offer_after_a_routing_answer(chat, requests) -> None:
    said = chat.say("we need two welders for the workshop", "need_staff")
    assert "Would you like Wolfgang to contact you?" in said
    assert "Wolfgang Mehl" in chat.say("/affirm", "affirm", 1.0)
    chat.say("John Smith", "nlu_fallback")
    chat.say("Smith Steel Ltd", "nlu_fallback")
    chat.say("+44 20 7946 0958", "nlu_fallback")
    chat.say("Two welders from March", "need_staff")
    chat.say("/affirm", "affirm", 1.0)
    said = chat.say("/affirm", "affirm", 1.0)
    [row] = stored(requests)
    assert f"Your reference is {row['reference']}" in said
    assert (row["route_id"], row["recipient_id"], row["language"], row["phone"], row["email"]) == (
        "recruitment", "wolfgang-mehl", "en", "+442079460958", None)


def test_a_question_in_the_middle_is_answered_and_the_form_resumes(chat, requests) -> None:
    chat.say("kan någon kontakta mig om rådgivning", "request_contact")
    said = chat.say("vem är Wolfgang?", "ask_person")
    assert "Wolfgang Mehl" in said and "Vi fortsätter" in said and said.rstrip().endswith("Vad heter du?")
    assert chat.slots[handoff.NAME] is None
    assert "Vilket företag" in chat.say("Anna Berg", "ask_person", 0.7)  # a name, not a question
    assert chat.slots[handoff.NAME] == "Anna Berg"


def test_a_feedback_button_in_the_middle_is_thanked_and_the_form_resumes(chat) -> None:
    chat.say("kan någon kontakta mig om rådgivning", "request_contact")
    said = chat.say("/feedback_not_helpful", "feedback_not_helpful")
    assert said.startswith("Tack för din återkoppling.") and said.rstrip().endswith("Vad heter du?")
    assert chat.slots[handoff.NAME] is None
    assert "Vilket företag" in chat.say("Det hjälpte inte", "feedback_not_helpful", 0.7)  # typed: a name
    assert chat.slots[handoff.NAME] == "Det hjälpte inte"


def test_cancel_leaves_nothing(chat, requests) -> None:
    chat.say("I'd like advice, can someone call me", "request_contact")
    chat.say("Anna Berg", "nlu_fallback")
    chat.say("Bergs", "nlu_fallback")
    said = chat.say("cancel", "stop_request")
    assert "Nothing you typed has been kept" in said
    assert stored(requests) == []
    assert all(chat.slots.get(s) is None for s in handoff.ALL_SLOTS)


@pytest.mark.parametrize(("text", "confidence"), [("zq.private@example.org", 0.9), ("Anna Berg", 0.5),
                                                  ("070-123 45 67", 0.95)])
def test_an_answer_the_nlu_took_for_stop_does_not_end_the_form(chat, text, confidence) -> None:
    chat.say("I'd like advice, can someone call me", "request_contact")
    chat.say(text, "stop_request", confidence)
    assert chat.active and "Nothing you typed" not in chat.last.messages[0].text


def test_the_cancel_button_ends_the_form(chat, requests) -> None:
    chat.say("I'd like advice, can someone call me", "request_contact")
    assert "Nothing you typed has been kept" in chat.say("/stop_request", "stop_request", 1.0)
    assert not chat.active and stored(requests) == []
    assert "no request in progress" in chat.say("stop", "stop_request")


@pytest.mark.parametrize(("answer", "reason"), [
    ("anna@", "e-mail address doesn't look right"),
    ("anna@bergs@bageri.se", "e-mail address doesn't look right"),
    ("call me 12", "phone number doesn't look right"),
    ("just call me", "I need an e-mail address or a phone number"),
])
def test_a_wrong_way_to_reach_is_asked_again_with_the_reason(chat, answer, reason) -> None:
    chat.say("I'd like advice, can someone call me", "request_contact")
    chat.say("Anna Berg", "nlu_fallback")
    chat.say("none", "deny")
    said = chat.say(answer, "nlu_fallback")
    assert reason in said and said.rstrip().endswith("(or both).")
    assert "What is your request about?" in chat.say("070-123 45 67", "nlu_fallback")
    assert chat.slots[handoff.REACH] == "+46701234567"


def test_refused_consent_stores_nothing(chat, requests) -> None:
    chat.say("kan ni ringa upp mig om lokal service i byn", "request_contact")
    chat.say("Anna Berg", "nlu_fallback")
    chat.say("Byaföreningen", "nlu_fallback")
    chat.say("0953-123 45", "nlu_fallback")
    chat.say("Affären i byn", "need_local_service")
    said = chat.say("/deny", "deny", 1.0)
    assert "sparar jag ingenting" in said and "sandor.lindstrom@mala.se" in said
    assert stored(requests) == [] and not chat.active


def test_a_request_for_someone_on_leave_goes_to_the_stand_in(chat, requests) -> None:
    said = chat.say("kan Maria Larsson ringa mig?", "request_contact")
    assert "Sandor Lindström" in said
    assert chat.slots[handoff.RECIPIENT] == "sandor-lindstrom"


def test_on_leave_route_contact_is_replaced_by_the_stand_in(knowledge, tmp_path, requests) -> None:
    """A route whose person is on leave (here made so) offers and sends to the stand-in."""
    from assistant.kb import store
    routes = tuple(replace(r, contact="maria-i-larsson") if r.id == "local_service" else r
                   for r in knowledge.routes)
    engine = store.make_engine(f"sqlite:///{tmp_path / 'kb.db'}")
    store.load(engine, replace(knowledge, routes=routes))
    conversation = Conversation(KnowledgeBase(engine, clock=lambda: NOW.date()))
    chat = FormChat(conversation, HandoffDialogue(conversation, requests, clock=lambda: NOW))
    assert "Vill du att Sandor kontaktar dig?" in chat.say("affären i byn lägger ner", "need_local_service")
    chat.say("ja", "affirm")
    for text in ("Anna Berg", "-", "anna@example.se", "Affären"):
        chat.say(text, "nlu_fallback")
    chat.say("ja", "affirm")
    chat.say("ja", "affirm")
    [row] = stored(requests)
    assert (row["route_id"], row["recipient_id"], row["recipient_email"]) == (
        "local_service", "sandor-lindstrom", "sandor.lindstrom@mala.se")


def test_no_request_for_the_route_without_a_contact(chat, requests) -> None:
    said = chat.say("can someone contact me about the Tillväxtverket business climate funds", "request_contact")
    assert "names no contact person for 1,76-projektet" in said
    assert not chat.active and chat.slots[handoff.READY] is False
    said = chat.say("who gets the money for a better business climate?", "need_business_funds")
    assert "contact you?" not in said and chat.slots.get("offer") is None
    assert not chat.slots.get(routing.OFFERED)


def test_a_yes_after_the_offer_to_contact_details_offered_since_is_the_ordinary_yes(chat, requests) -> None:
    chat.say("vi behöver en svetsare", "need_staff")
    chat.say("berätta om SHiMR", "ask_project")  # offers the contact details
    said = chat.say("ja", "affirm")
    assert "Aleksandra Simanovskaya" in said and "0953-140 61" in said and not chat.active
    assert chat.slots[routing.OFFERED] is None and chat.slots[handoff.READY] is False


def test_a_wish_without_a_need_asks_which_need_first(chat) -> None:
    said = chat.say("kan ni ringa upp mig?", "request_contact")
    assert "Vad gäller det?" in said and not chat.active
    assert [b.payload for b in chat.last.messages[-1].buttons] == [
        "/need_staff", "/need_business_advice", "/need_local_service", "/need_moving"]


def test_moving_here_asks_no_company_and_change_at_the_summary(chat, requests) -> None:
    chat.say("my partner got a job in Malå, can someone call me about moving here", "request_contact")
    assert "What is your name?" in chat.last.messages[-1].text
    assert "How can we reach you?" in chat.say("Sam Lee", "nlu_fallback")
    chat.say("sam@example.com", "nlu_fallback")
    chat.say("Housing for a family of four", "need_moving")
    chat.say("yes", "affirm")
    assert "What would you like to change?" in chat.say("/deny", "deny", 1.0)
    assert [b.title for b in chat.last.messages[-1].buttons] == ["Name", "Contact", "Request"]
    assert "What is your name?" in chat.say("Name", "nlu_fallback")
    assert "Name: Sam Lee-Park" in chat.say("Sam Lee-Park", "nlu_fallback")
    chat.say("/affirm", "affirm", 1.0)
    [row] = stored(requests)
    assert (row["name"], row["organisation"], row["route_id"]) == ("Sam Lee-Park", None, "moving_here")


def test_the_same_request_sent_twice_is_stored_once(chat, requests) -> None:
    def send() -> str:
        chat.say("Kan Aleksandra ringa upp mig?", "request_contact")
        for text in ("Anna Berg", "-", "anna@example.se", "Energi"):
            chat.say(text, "nlu_fallback")
        chat.say("ja", "affirm")
        return chat.say("ja", "affirm")
    first, second = send(), send()
    assert len(stored(requests)) == 1 and first == second


def test_the_form_validation_action_checks_only_the_answer_to_the_question_asked(
        conversation, requests, monkeypatch) -> None:
    """When the form starts, the cleared slots are not answers: the wish's text is never taken as a
    name. An answer to the question asked is checked, and a wrong one is asked again."""
    import asyncio

    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions import handoff_actions

    monkeypatch.setattr(handoff_actions, "dialogue", lambda: HandoffDialogue(conversation, requests))

    def validate(text: str, requested: str | None, events: list[dict]) -> list[dict]:
        slots = {"language": "sv", handoff.ROUTE: "business_advice",
                 handoff.RECIPIENT: "aleksandra-simanovskaya", "requested_slot": requested}
        tracker = Tracker("t", slots, {"text": text, "intent": {"name": "nlu_fallback", "confidence": 0.3},
                                       "intent_ranking": [], "metadata": {}},
                          [{"event": "user", "text": text}, *events], False, None,
                          {"name": "contact_request_form"}, "action_listen")
        dispatcher = CollectingDispatcher()
        result = asyncio.run(handoff_actions.ValidateContactRequestForm().run(dispatcher, tracker, {
            "forms": {"contact_request_form": {"required_slots": list(handoff.FORM_SLOTS)}}, "slots": {}}))
        return [*result, *dispatcher.messages]

    started = validate("Kan Aleksandra ringa upp mig?", None,
                       [{"event": "slot", "name": handoff.NAME, "value": None}])
    assert {"event": "slot", "timestamp": None, "name": "requested_slot", "value": handoff.NAME} in started
    assert not any(e.get("name") == handoff.NAME and e.get("value") for e in started)
    asked_again = validate("anna@", handoff.REACH, [{"event": "slot", "name": handoff.REACH, "value": "anna@"}])
    assert any("E-postadressen ser inte riktig ut" in (m.get("text") or "") for m in asked_again)
    assert {"event": "slot", "timestamp": None, "name": handoff.REACH, "value": None} in asked_again


@pytest.mark.parametrize(("typed", "intent", "next_question"), [
    ("skicka", "out_of_scope", "Ditt ärendenummer är"),
    ("ändra", "deny", "Vad vill du ändra?"),
    ("kanske", "out_of_scope", "Välj ett av alternativen"),
])
def test_the_summary_takes_the_words_typed(chat, typed, intent, next_question) -> None:
    chat.say("Kan Aleksandra ringa upp mig?", "request_contact")
    for text in ("Anna Berg", "-", "anna@example.se", "Energi"):
        chat.say(text, "nlu_fallback")
    chat.say("ja", "affirm")
    assert next_question in chat.say(typed, intent)


def test_a_wish_naming_the_project_without_a_contact_says_why(chat, requests) -> None:
    said = chat.say("kan ni ringa upp mig om 1,76-projektet?", "request_contact")
    assert "Sidan anger ingen kontaktperson för 1,76-projektet" in said and not chat.active
