"""Conversations in both languages, checked against the page's facts, with no Rasa running."""

from __future__ import annotations

import re

import pytest

from assistant.dialogue import phrases
from assistant.dialogue.conversation import Conversation
from assistant.dialogue.turn import Turn
from assistant.kb import store
from assistant.kb.service import KnowledgeBase
from assistant.kb.store import make_engine
from assistant.language import LanguageDetector
from tests.dialogue.chat import Chat, text_of


@pytest.fixture(scope="module")
def language_of(knowledge):
    return LanguageDetector.for_knowledge(knowledge).detect


# -- language ---------------------------------------------------------------------------
@pytest.mark.parametrize(("handler", "text", "language"), [
    ("ask_project", "Vem finansierar SHiMR?", "sv"),
    ("ask_project", "Who funds SHiMR?", "en"),
    ("contact_for_need", "vem kontaktar jag om rekrytering", "sv"),
    ("contact_for_need", "who do I contact about recruitment", "en"),
    ("list_projects", "vilka projekt finns", "sv"),
    ("list_projects", "which projects are there", "en"),
    ("greet", "hej", "sv"),
    ("greet", "hello", "en"),
])
def test_replies_in_the_visitors_language(conversation, language_of, handler, text, language) -> None:
    reply = Chat(conversation).say(handler, text)
    assert reply.language == language
    assert language_of(text_of(reply)) == language, text_of(reply)


def test_short_neutral_messages_keep_the_current_language(conversation) -> None:
    chat = Chat(conversation)
    chat.say("greet", "hello there")
    assert chat.say("ask_project", "SHiMR?").language == "en"
    assert chat.say("ask_project", "1,76").language == "en"
    assert chat.say("affirm", "ok").language == "en"


def test_page_language_decides_a_neutral_first_message(conversation) -> None:
    assert Chat(conversation, page_language="en").say("greet", "").language == "en"
    assert Chat(conversation, page_language="sv").say("greet", "").language == "sv"
    assert Chat(conversation).say("ask_project", "SHiMR").language == "sv"  # default Swedish


def test_explicit_switch_and_switch_back(conversation) -> None:
    chat = Chat(conversation)
    chat.say("greet", "hej")
    reply = chat.say("switch_language", "Can we speak English?")
    assert reply.language == "en" and "English" in text_of(reply)
    assert chat.say("ask_project", "Move Up North").language == "en"
    reply = chat.say("switch_language", "på svenska tack")
    assert reply.language == "sv" and "svenska" in text_of(reply)


# -- facts and context --------------------------------------------------------------------
def test_follow_ups_use_the_project_in_context(conversation) -> None:
    chat = Chat(conversation)
    chat.say("ask_project", "Vad är Medskapande processer?")
    reply = chat.say("ask_project", "och när slutar det?")
    assert "31 augusti 2024" in text_of(reply) and "pågår inte längre" in text_of(reply)
    reply = chat.say("ask_project", "who funds it?")
    assert reply.language == "en"
    assert "80%" in text_of(reply) and "Malå kommun (20%)" in text_of(reply)


def test_yes_after_the_offer_gives_the_contact(conversation) -> None:
    chat = Chat(conversation)
    reply = chat.say("ask_project", "berätta om Move Up North")
    assert "Vill du ha kontaktuppgifter?" in text_of(reply)
    reply = chat.say("affirm", "ja tack")
    assert "Wolfgang Mehl" in text_of(reply) and "0953-14039" in text_of(reply)
    assert "wolfgang.mehl@mala.se" in text_of(reply)


def test_no_after_the_offer(conversation) -> None:
    chat = Chat(conversation)
    chat.say("ask_project", "what is SHiMR")
    reply = chat.say("deny", "no thanks")
    assert text_of(reply).startswith("Okay") and "0953" not in text_of(reply)


def test_ended_projects_are_never_called_ongoing(conversation) -> None:
    listing = text_of(Chat(conversation).say("list_projects", "vilka projekt pågår?"))
    lines = {line.split(" (")[0].lstrip("• "): line for line in listing.splitlines()}
    assert "pågår inte längre" in lines["SHiMR"] and "enligt sidan" not in lines["SHiMR"]
    assert "pågår inte längre" in lines["1,76-projektet"]
    assert "pågår inte längre" in lines["Medskapande processer"]
    assert "pågår enligt sidan" in lines["Move Up North"]
    assert "13 februari 2024" in listing and "26 november 2026" in listing
    for project in ("SHiMR", "1,76", "medskapande"):
        reply = Chat(conversation).say("ask_project", f"is {project} still running?")
        assert "is no longer running" in text_of(reply) and "is running," not in text_of(reply)


def test_ongoing_project_mentions_the_pages_date(conversation) -> None:
    reply = Chat(conversation).say("ask_project", "pågår Move Up North fortfarande?")
    assert "pågår enligt sidan" in text_of(reply) and "13 februari 2024" in text_of(reply)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    ("vem är kontaktperson för 1,76-projektet?", ["Sidan anger ingen kontaktperson för 1,76-projektet",
                                                  "Tillväxtverket", "1,76 miljoner kronor per år"], ["0953"]),
    ("how big is SHiMR's budget", ["The page gives no budget for SHiMR", "ERUF"], ["kronor"]),
    ("vem äger SHiMR", ["Sidan anger ingen projektägare för SHiMR"], []),
    ("vem äger Move Up North", ["Projektägare för Move Up North är Sorsele kommun"], []),
    ("budget för medskapande", ["624 602 kr"], []),
    ("links for the 1.76 project", ["Regeringsbeslut om statsstödet", "its address is not in the text"], ["http"]),
])
def test_says_honestly_what_the_page_lacks(conversation, text, expected, absent) -> None:
    reply = Chat(conversation).say("ask_project", text)
    for words in expected:
        assert words in text_of(reply)
    for words in absent:
        assert words not in text_of(reply)


def test_contact_on_leave_names_the_stand_in(conversation) -> None:
    reply = Chat(conversation).say("ask_person", "vem är Maria Larsson?")
    assert "Maria I Larsson är tjänstledig" in text_of(reply)
    assert "Sandor Lindström" in text_of(reply) and "0953-140 84" in text_of(reply)
    reply = Chat(conversation).say("ask_project", "who is the contact for Medskapande processer")
    assert "Sandor Lindström" in text_of(reply) and "Maria I Larsson is on leave" in text_of(reply)


def test_person_by_first_name(conversation) -> None:
    reply = Chat(conversation).say("ask_person", "who is Aleksandra?")
    assert "Aleksandra Simanovskaya" in text_of(reply) and "0953-140 61" in text_of(reply)
    assert "SHiMR is no longer running" in text_of(reply)


def test_unknown_person_is_not_invented(conversation) -> None:
    reply = Chat(conversation).say("ask_person", "vem är Kalle Anka?")
    assert "nämns inte på sidan" in text_of(reply) and "Kalle" not in text_of(reply)


@pytest.mark.parametrize(("text", "intent", "name", "phone"), [
    ("Vem kontaktar jag om rekrytering?", "need_staff", "Wolfgang Mehl", "0953-14039"),
    ("we can't find skilled workers", "need_staff", "Wolfgang Mehl", "0953-14039"),
    ("", "need_staff", "Wolfgang Mehl", "0953-14039"),  # a quick-reply button
    ("I want advice on growing my business sustainably", "need_business_advice", "Aleksandra Simanovskaya",
     "0953-140 61"),
    ("", "need_business_advice", "Aleksandra Simanovskaya", "0953-140 61"),
    ("affären i byn ska lägga ner", "need_local_service", "Sandor Lindström", "0953-140 84"),
    ("we're thinking of moving to Malå", "need_moving", "Wolfgang Mehl", "0953-14039"),
])
def test_routes_needs_to_the_right_person(conversation, text, intent, name, phone) -> None:
    reply = Chat(conversation).say("contact_for_need", text, intent)
    assert name in text_of(reply) and phone in text_of(reply)


def test_the_route_within_a_need_follows_the_words(conversation) -> None:
    reply = Chat(conversation).say("contact_for_need", "finns det workshops för företag?", "need_business_advice")
    assert "workshops och kunskapspåfyllnad" in text_of(reply)
    reply = Chat(conversation).say("contact_for_need", "min firma behöver stöd", "need_business_advice")
    assert "rådgivning och stöd till företag" in text_of(reply)  # the need's first route


def test_an_employer_hears_the_occupation_they_named(conversation) -> None:
    reply = Chat(conversation).say("contact_for_need", "vi söker två snickare och en kock", "need_staff")
    assert text_of(reply).startswith("För att hitta snickare och kockar hänvisar sidan arbetsgivare")
    reply = Chat(conversation).say("contact_for_need", "our care home can't find a dental nurse", "need_staff")
    assert text_of(reply).startswith("To find dental nurses, the page points employers")


def test_route_to_a_project_without_contact(conversation) -> None:
    reply = Chat(conversation).say("contact_for_need", "pengar till näringslivsutveckling", "need_business_funds")
    assert "anger ingen kontaktperson" in text_of(reply) and "0953" not in text_of(reply)
    assert "1,76" in text_of(reply)


CHOICES = ["/need_staff", "/need_business_advice", "/need_local_service", "/need_moving"]


def buttons(reply) -> list[str]:
    return [b.payload for m in reply.messages for b in m.buttons]


@pytest.mark.parametrize(("handler", "intent", "ranking"), [
    ("contact_for_need", "ask_contact", ()),  # "whom do I contact?" with nothing named
    # two needs with different contacts, close: an employer must not get the advice contact
    ("contact_for_need", "need_staff", (("need_staff", 0.55), ("need_business_advice", 0.35))),
    # not understood, but the best guess was a need
    ("fallback", "nlu_fallback", (("nlu_fallback", 0.4), ("need_business_advice", 0.3), ("greet", 0.2))),
])
def test_an_unclear_need_is_asked_back_with_four_choices(conversation, handler, intent, ranking) -> None:
    reply = Chat(conversation).say(handler, "jag behöver hjälp med personalen", intent, ranking)
    assert text_of(reply) == phrases.CLARIFY_NEED.sv and buttons(reply) == CHOICES


def test_close_needs_with_the_same_contact_are_not_asked_back(conversation) -> None:
    reply = Chat(conversation).say("contact_for_need", "vi vill rekrytera folk som flyttar hit", "need_staff",
                                   (("need_staff", 0.5), ("need_moving", 0.45)))
    assert "Wolfgang Mehl" in text_of(reply) and buttons(reply) == ["/affirm", "/deny"]  # the offer to be contacted


def test_whom_to_contact_about_the_project_talked_about(conversation) -> None:
    chat = Chat(conversation)
    chat.say("ask_project", "vad är SHiMR?")
    reply = chat.say("contact_for_need", "vem ska jag kontakta?", "ask_contact")
    assert "Aleksandra Simanovskaya" in text_of(reply) and not buttons(reply)


def test_region_10_and_its_municipalities(conversation) -> None:
    reply = Chat(conversation).say("ask_organisation", "which municipalities are in Region 10?")
    for town in ("Arjeplog", "Arvidsjaur", "Dorotea", "Lycksele", "Malå", "Norsjö", "Sorsele",
                 "Storuman", "Vilhelmina", "Åsele"):
        assert town in text_of(reply)
    assert "Norrbotten County" in text_of(reply) and reply.language == "en"


def test_greeting_says_what_it_knows_with_quick_replies(conversation) -> None:
    reply = Chat(conversation).say("greet", "hej")
    assert "1,76-projektet, Medskapande processer, SHiMR och Move Up North" in text_of(reply)
    assert buttons(reply) == ["/list_projects", "/need_staff", "/need_business_advice"]


def test_out_of_scope_says_what_it_can_help_with(conversation) -> None:
    reply = Chat(conversation).say("fallback", "when is the garbage collected?")
    assert text_of(reply).startswith("Sorry, I can't answer that") and "SHiMR" in text_of(reply)


# -- never invent ---------------------------------------------------------------------------
PHONE = re.compile(r"\b0\d{3}-[\d ]{4,7}\d\b")  # 0953-14039, 0953-140 84
EMAIL = re.compile(r"[\w.]+@[\w.]+\w")


def every_reply(conversation: Conversation) -> list[str]:
    texts = []
    for phrasing in ("{p} {a}", "{a} of {p}"):
        for project in ("1,76", "Medskapande", "SHiMR", "Move Up North"):
            for attribute in ("", "kontakt contact", "budget", "finansierar funds", "när when",
                              "syfte purpose", "länk link", "ägare owner", "medfinansiärer co-financiers"):
                texts.append(text_of(Chat(conversation).say("ask_project", phrasing.format(p=project, a=attribute))))
    for handler in ("greet", "list_projects", "ask_capabilities", "contact_for_need", "which_project"):
        texts.append(text_of(Chat(conversation).say(handler, "")))
    return texts


def test_every_phone_email_and_year_said_is_on_the_page(conversation, knowledge) -> None:
    from tests.conftest import SOURCE_PAGE

    page = SOURCE_PAGE.read_text(encoding="utf-8")
    said: set[str] = set()
    for text in every_reply(conversation):
        for phone in PHONE.findall(text):
            assert phone in page, (phone, text)
        for email in EMAIL.findall(text):
            assert email in page, (email, text)
        for year in re.findall(r"\b(?:19|20)\d\d\b", text):
            assert year in page or year == "2026", (year, text)  # 2026: also today's year
        said.update(PHONE.findall(text), EMAIL.findall(text))
    # Not vacuous: the replies did give every active contact's phone and e-mail.
    active = [c for c in knowledge.contacts if c.status == "active"]
    assert said == {c.phone for c in active} | {c.email for c in active}


# -- bad input and failures -------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "<img src=x onerror=alert(1)>",
    "'; DROP TABLE kb_projects; --",
    "a" * 100_000,
    "\x00\x1b[31m\u202e hej",
    "🤖" * 500,
])
def test_hostile_messages_get_a_calm_answer(conversation, kb, knowledge, text) -> None:
    """The answer is the one for a message that names nothing (not the error message), and
    the database still holds every row (the cached view would answer even if it did not)."""
    for handler, phrase in NAMES_NOTHING.items():
        reply = Chat(conversation).say(handler, text)
        opening = phrase(reply.language).split("{")[0]
        assert text_of(reply).startswith(opening), (handler, text_of(reply))
        assert "<img" not in text_of(reply) and "DROP TABLE" not in text_of(reply)
    assert store.read(kb.engine) == (1, knowledge)


# What each handler says when the message names nothing it knows.
NAMES_NOTHING = {
    "fallback": phrases.FALLBACK,
    "ask_project": phrases.ASK_WHICH_PROJECT,
    "ask_person": phrases.UNKNOWN_PERSON,
    "ask_organisation": phrases.UNKNOWN_ORG,
    "contact_for_need": phrases.CLARIFY_NEED,
}


def test_unreachable_database_gives_a_polite_message(tmp_path) -> None:
    kb = KnowledgeBase(make_engine("postgresql://nobody@127.0.0.1:9/none"), check_interval=0)
    reply = Conversation(kb).respond(Turn(handler="ask_project", text="Who funds SHiMR?"))
    assert text_of(reply).startswith("Sorry, I can't reach the project information")
    reply = Conversation(kb).respond(Turn(handler="ask_project", text="vem finansierar SHiMR?"))
    assert text_of(reply).startswith("Förlåt, jag kommer inte åt projektuppgifterna")


def test_a_crash_inside_a_handler_gives_a_polite_message(conversation, monkeypatch) -> None:
    from assistant.dialogue import project_answers

    def broken(self, project_id, attribute):
        raise ZeroDivisionError("bug")

    monkeypatch.setattr(project_answers.ProjectAnswers, "answer", broken)
    reply = Chat(conversation).say("ask_project", "who funds SHiMR?")
    assert text_of(reply).startswith("Sorry, something went wrong on my side")
    assert reply.language == "en"


def test_an_unknown_handler_is_an_error_not_a_fallback(conversation) -> None:
    """A misspelt handler name in an action must show up, not pass as 'I can't answer that'."""
    reply = Chat(conversation).say("ask_projekt", "who funds SHiMR?")
    assert text_of(reply) == phrases.ERROR("en")


@pytest.mark.parametrize(("text", "opening"), [
    ("snickare?", "För att hitta snickare hänvisar sidan arbetsgivare"),
    ("need welders", "To find welders, the page points employers"),
])
def test_an_occupation_the_nlu_could_not_place_goes_to_the_employers_contact(conversation, text, opening) -> None:
    reply = Chat(conversation).say("fallback", text, "nlu_fallback", (("nlu_fallback", 0.3), ("out_of_scope", 0.3)))
    assert text_of(reply).startswith(opening) and "Wolfgang Mehl" in text_of(reply)


def test_out_of_scope_without_an_occupation_stays_out_of_scope(conversation) -> None:
    reply = Chat(conversation).say("fallback", "när hämtas soporna?", "out_of_scope")
    assert text_of(reply).startswith("Det kan jag tyvärr inte svara på")
