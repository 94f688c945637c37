"""Every Rasa action, run as the action server runs it: a `Tracker` in, messages and events out."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import ActionExecutor, CollectingDispatcher

from actions import conversation_actions, handoff_actions, runtime
from assistant.config import ROOT
from assistant.dialogue import handoff
from assistant.dialogue.handlers import HANDLERS


@pytest.fixture(autouse=True)
def use_test_knowledge(conversation, monkeypatch) -> None:
    monkeypatch.setattr(runtime, "conversation", lambda: conversation)


def tracker(text: str, intent: str, metadata: dict | None = None,
            ranking: list[tuple[str, float]] | None = None, **slots: Any) -> Tracker:
    ranking = ranking or [(intent, 1.0)]
    return Tracker(
        sender_id="test",
        slots={"language": None, "project": None, "offer": None, **slots},
        latest_message={"text": text, "intent": {"name": ranking[0][0], "confidence": ranking[0][1]},
                        "intent_ranking": [{"name": n, "confidence": c} for n, c in ranking],
                        "entities": [], "metadata": metadata or {}},
        events=[], paused=False, followup_action=None, active_loop={},
        latest_action_name="action_listen",
    )


def run(action: conversation_actions.ConversationAction, t: Tracker) -> tuple[list[dict], list[dict]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, t, {}))
    return dispatcher.messages, events


def text_of(messages: list[dict]) -> str:
    return "\n".join(m["text"] for m in messages)


def slot(events: list[dict], name: str) -> Any:
    return next(e["value"] for e in events if e["event"] == "slot" and e["name"] == name)


# (action, language, message, the NLU's intent, slots, words the reply must hold)
# The project each reply remembers (the `project` slot), where it remembers one.
REMEMBERED = {
    ("ActionProjectInfo", "sv"): "shimr", ("ActionProjectInfo", "en"): "medskapande",
    ("ActionContactForNeed", "sv"): "move-up-north", ("ActionContactForNeed", "en"): "shimr",
    ("ActionPersonInfo", "sv"): "move-up-north", ("ActionPersonInfo", "en"): "medskapande",
    ("ActionWhichProject", "sv"): "move-up-north",
}
# Other slots a reply sets: the offer to be contacted after a routing answer, a request started.
STARTED = {**dict.fromkeys(handoff.FORM_SLOTS), handoff.READY: True}
ALSO_SET = {
    ("ActionContactForNeed", "sv"): {"offer": "request:recruitment", "handoff_offered": True},
    ("ActionContactForNeed", "en"): {"offer": "request:business_advice", "handoff_offered": True},
    ("ActionAcceptRequest", "sv"): {**STARTED, handoff.ROUTE: "business_advice",
                                    handoff.RECIPIENT: "aleksandra-simanovskaya", "handoff_offered": None},
    ("ActionAcceptRequest", "en"): {handoff.READY: False, "handoff_offered": None},
    ("ActionRequestContact", "sv"): {**STARTED, handoff.ROUTE: "recruitment", handoff.RECIPIENT: "wolfgang-mehl"},
    ("ActionRequestContact", "en"): {**STARTED, handoff.ROUTE: "moving_here", handoff.RECIPIENT: "wolfgang-mehl"},
    ("ActionFeedback", "sv"): {"offer": "contact"},  # still on offer after the feedback
}
CASES = [
    (conversation_actions.ActionGreet, "sv", "hej", "x", {}, ["Hej!", "SHiMR", "Move Up North"]),
    (conversation_actions.ActionGreet, "en", "hello", "x", {}, ["Hi!", "SHiMR", "Move Up North"]),
    (conversation_actions.ActionGoodbye, "sv", "hej då", "x", {}, ["Hej då"]),
    (conversation_actions.ActionGoodbye, "en", "bye bye", "x", {}, ["Goodbye"]),
    (conversation_actions.ActionThank, "sv", "tack så mycket", "x", {}, ["Varsågod"]),
    (conversation_actions.ActionThank, "en", "thank you", "x", {}, ["You're welcome"]),
    (conversation_actions.ActionBotChallenge, "sv", "är du en robot?", "x", {}, ["chattrobot"]),
    (conversation_actions.ActionBotChallenge, "en", "are you a bot?", "x", {}, ["chatbot"]),
    (conversation_actions.ActionCapabilities, "sv", "vad kan du hjälpa till med?", "x", {}, ["13 februari 2024"]),
    (conversation_actions.ActionCapabilities, "en", "what can you do?", "x", {}, ["13 February 2024"]),
    (conversation_actions.ActionAffirm, "sv", "ja tack", "x", {"project": "shimr", "offer": "contact"},
     ["Aleksandra Simanovskaya", "0953-140 61"]),
    (conversation_actions.ActionAffirm, "en", "yes please", "x", {"project": "move-up-north", "offer": "contact"},
     ["Wolfgang Mehl", "0953-14039"]),
    (conversation_actions.ActionDeny, "sv", "nej tack", "x", {}, ["Okej"]),
    (conversation_actions.ActionDeny, "en", "no thanks", "x", {}, ["Okay"]),
    (conversation_actions.ActionSwitchLanguage, "en", "can we speak English?", "x",
     {"language": "sv"}, ["English"]),
    (conversation_actions.ActionSwitchLanguage, "sv", "på svenska tack", "x",
     {"language": "en"}, ["svenska"]),
    (conversation_actions.ActionListProjects, "sv", "vilka projekt finns?", "x", {}, ["pågår inte längre", "pågår enligt sidan"]),
    (conversation_actions.ActionListProjects, "en", "which projects are there?", "x", {}, ["no longer running", "running, according to the page"]),
    (conversation_actions.ActionProjectInfo, "sv", "vem finansierar SHiMR:s workshops?",
     "x", {},
     ["ERUF", "Region Norrbotten"]),
    (conversation_actions.ActionProjectInfo, "en", "when does it end?", "x",
     {"project": "medskapande"}, ["31 August 2024", "is no longer running"]),
    (conversation_actions.ActionContactForNeed, "sv", "Vem kontaktar jag om rekrytering?",
     "need_staff", {}, ["Wolfgang Mehl", "0953-14039", "wolfgang.mehl@mala.se"]),
    (conversation_actions.ActionContactForNeed, "en", "I need advice to grow my company sustainably", "need_business_advice", {},
     ["Aleksandra Simanovskaya", "aleksandra.simanovskaya@mala.se"]),
    (conversation_actions.ActionPersonInfo, "sv", "vem är Wolfgang?", "x", {},
     ["Wolfgang Mehl", "kontakt för arbetsgivare"]),
    (conversation_actions.ActionPersonInfo, "en", "who is Sandor?", "x", {},
     ["Sandor Lindström", "acting rural development officer"]),
    (conversation_actions.ActionOrganisationInfo, "sv", "vad är Region 10?", "x",
     {}, ["Arjeplog", "Västerbottens län"]),
    (conversation_actions.ActionOrganisationInfo, "en", "what is Tillväxtverket?", "x", {},
     ["Swedish Agency for Economic and Regional Growth"]),
    (conversation_actions.ActionFallback, "sv", "när hämtas soporna?", "x", {}, ["Det kan jag tyvärr inte svara på"]),
    (conversation_actions.ActionFallback, "en", "what's the weather like?", "x", {}, ["Sorry, I can't answer that"]),
    (conversation_actions.ActionWhichProject, "sv", "vilket projekt slutar sist?", "ask_which_project", {},
     ["Move Up North slutar sist (2023–2026)"]),
    (conversation_actions.ActionWhichProject, "en", "which projects does the EU fund?", "ask_which_project", {},
     ["Medskapande processer, SHiMR and Move Up North", "ESF"]),
    (conversation_actions.ActionAcceptRequest, "sv", "ja", "affirm", {"offer": "request:business_advice"},
     ["ärende till Aleksandra Simanovskaya"]),
    (conversation_actions.ActionAcceptRequest, "en", "yes please", "affirm",
     {"project": "move-up-north", "offer": "contact"}, ["Wolfgang Mehl", "0953-14039"]),
    (conversation_actions.ActionFeedback, "sv", "/feedback_not_helpful", "feedback_not_helpful",
     {"project": "shimr", "offer": "contact"}, ["Tack för att du säger till"]),
    (conversation_actions.ActionFeedback, "en", "that answer helped", "feedback_helpful", {},
     ["glad the answer helped"]),
    (conversation_actions.ActionRequestContact, "sv", "kan Wolfgang ringa upp mig om rekrytering?",
     "request_contact", {}, ["ärende till Wolfgang Mehl", "avbryt"]),
    (conversation_actions.ActionRequestContact, "en", "can someone call me about moving here?",
     "request_contact", {}, ["request for Wolfgang Mehl", "cancel"]),
]


@pytest.mark.parametrize(("action", "language", "text", "intent", "slots", "expected"), CASES,
                         ids=[f"{c[0].__name__}-{c[1]}" for c in CASES])
def test_action_answers_in_the_language(action, language, text, intent, slots, expected) -> None:
    messages, events = run(action(), tracker(text, intent, **slots))
    reply = text_of(messages)
    for words in expected:
        assert words in reply, f"{words!r} not in {reply!r}"
    remembered = REMEMBERED.get((action.__name__, language))
    expected_slots = {"language": language, "offer": None, **({"project": remembered} if remembered else {}),
                      **ALSO_SET.get((action.__name__, language), {})}
    assert {e["name"]: e["value"] for e in events if e["event"] == "slot"} == expected_slots
    assert len(events) == len(expected_slots)


def test_every_action_is_tested_in_both_languages() -> None:
    tested = {(c[0], c[1]) for c in CASES}
    for action in conversation_actions.ConversationAction.__subclasses__():
        assert {(action, "sv"), (action, "en")} <= tested, action.__name__


def test_every_action_names_a_registered_handler_and_every_handler_has_an_action() -> None:
    named = [action.handler for action in conversation_actions.ConversationAction.__subclasses__()]
    assert sorted(named) == sorted(HANDLERS)


def test_the_domain_lists_exactly_the_registered_actions() -> None:
    executor = ActionExecutor()
    executor.register_package("actions")
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    assert set(executor.actions) == set(domain["actions"])


def test_a_quick_reply_payload_is_not_read_as_words() -> None:
    t = tracker("/need_business_advice", "need_business_advice", language="sv")
    messages, _ = run(conversation_actions.ActionContactForNeed(), t)
    assert "Aleksandra Simanovskaya" in text_of(messages) and "hänvisar sidan" in text_of(messages)


def test_quick_replies_are_sent_as_buttons() -> None:
    messages, _ = run(conversation_actions.ActionGreet(), tracker("hej", "greet"))
    assert [b["payload"] for b in messages[0]["buttons"]] == [
        "/list_projects", "/need_staff", "/need_business_advice"]


def test_the_nlu_ranking_reaches_the_dialogue() -> None:
    """Two close needs with different contacts: the action asks back instead of guessing."""
    t = tracker("vi behöver hjälp med personalen", "need_staff",
                ranking=[("need_staff", 0.5), ("need_business_advice", 0.4), ("greet", 0.1)])
    messages, _ = run(conversation_actions.ActionContactForNeed(), t)
    assert [b["payload"] for b in messages[0]["buttons"]] == [
        "/need_staff", "/need_business_advice", "/need_local_service", "/need_moving"]
    assert "Wolfgang" not in text_of(messages) and "Aleksandra" not in text_of(messages)


def test_page_language_from_the_widget_metadata() -> None:
    messages, events = run(conversation_actions.ActionGreet(), tracker("/greet", "greet", metadata={"language": "en"}))
    assert slot(events, "language") == "en" and text_of(messages).startswith("Hi!")


def test_the_project_in_context_is_remembered() -> None:
    _, events = run(conversation_actions.ActionProjectInfo(), tracker("vad är SHiMR?", "ask_project"))
    assert slot(events, "project") == "shimr" and slot(events, "offer") == "contact"
    assert SlotSet("project", "shimr") in events


def test_a_crashing_action_still_answers_politely(monkeypatch) -> None:
    def broken():
        raise RuntimeError("action server bug")

    monkeypatch.setattr(runtime, "conversation", broken)
    messages, _ = run(conversation_actions.ActionProjectInfo(), tracker("who funds SHiMR?", "ask_project", language="en"))
    assert text_of(messages).startswith("Sorry, something went wrong on my side")
    messages, _ = run(conversation_actions.ActionProjectInfo(), tracker("vem finansierar SHiMR?", "ask_project", language="sv"))
    assert text_of(messages).startswith("Förlåt, något gick fel hos mig")


def test_actions_do_not_block_the_event_loop(monkeypatch, conversation) -> None:
    """While one action waits on the knowledge base, another turn is served."""
    import threading
    import time

    slow_started = threading.Event()
    real = conversation.respond

    def slow_respond(turn):
        if turn.text == "slow":
            slow_started.set()
            time.sleep(0.5)
        return real(turn)

    monkeypatch.setattr(conversation, "respond", slow_respond)

    async def both() -> list[str]:
        finished: list[str] = []

        async def one(text: str) -> None:
            await conversation_actions.ActionThank().run(CollectingDispatcher(), tracker(text, "thank"), {})
            finished.append(text)

        slow = asyncio.create_task(one("slow"))
        while not slow_started.is_set():
            await asyncio.sleep(0.01)
        await one("tack")
        await slow
        return finished

    assert asyncio.run(both()) == ["tack", "slow"]


def test_every_message_of_an_answer_carries_the_turn_marker_for_the_report() -> None:
    """Rasa stores it as the bot message's metadata (assistant/dialogue/replies.py: TURN)."""
    answered, _ = run(conversation_actions.ActionProjectInfo(), tracker("vad är SHiMR?", "ask_project"))
    assert len(answered) > 1
    assert all(m["turn"] == {"outcome": "answered", "language": "sv", "project": "shimr", "need": None}
               for m in answered)
    refused, _ = run(conversation_actions.ActionFallback(), tracker("what's the weather like?", "out_of_scope"))
    assert refused[0]["turn"] == {"outcome": "not_understood", "language": "en", "project": None, "need": None}
    thanked, _ = run(conversation_actions.ActionFeedback(), tracker("/feedback_helpful", "feedback_helpful"))
    assert "turn" not in thanked[0]


def test_the_contact_request_forms_questions_carry_no_marker() -> None:
    """The form's answers are personal data, not questions: the report must not list them."""
    t = tracker("Anna Andersson", "x", handoff_route="recruitment", handoff_recipient="wolfgang-mehl")
    dispatcher = CollectingDispatcher()
    action = next(a for a in handoff_actions.ASK_ACTIONS if a().name() == "action_ask_handoff_name")()
    asyncio.run(action.run(dispatcher, t, {}))
    assert dispatcher.messages and all("turn" not in m for m in dispatcher.messages)
