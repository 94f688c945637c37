"""Questions that ask for one fact get it first: how many, how much, yes or no, which one.
Today is the test's fixed 26 November 2026: the 1,76-projektet, Medskapande and SHiMR have ended,
Move Up North (2023–2026) is still running."""

from __future__ import annotations

import pytest

from tests.dialogue.chat import Chat, text_of


def first(reply) -> str:
    return reply.messages[0].text


@pytest.mark.parametrize(("handler", "text", "opening"), [
    ("ask_project", "Is SHiMR still running?", "No. SHiMR is no longer running"),
    ("ask_project", "pågår Move Up North fortfarande?", "Ja. Move Up North pågår enligt sidan"),
    ("ask_project", "has the medskapande project ended?", "Yes. Medskapande processer is no longer running"),
    ("ask_project", "är 1,76-projektet slut?", "Ja. 1,76-projektet pågår inte längre"),
    ("ask_project", "does the EU fund Move Up North?", "Yes. Move Up North is funded by Europeiska Socialfonden ESF"),
    ("ask_project", "finansierar Tillväxtverket SHiMR?", "Nej. SHiMR finansieras av"),
    ("ask_project", "äger Sorsele Move Up North?", "Ja. Projektägare för Move Up North är Sorsele kommun"),
    ("ask_person", "is Maria available?", "No. Maria I Larsson is on leave"),
    ("ask_person", "är maria tjänstledig?", "Ja. Maria I Larsson är tjänstledig"),
    ("ask_organisation", "Är Storuman med i Region 10?", "Ja. Storuman ingår i Region 10."),
    ("ask_organisation", "is Malå in support area A?", "Yes. Malå ingår i Stödområde A."[:4]),
    ("ask_organisation", "is Kiruna part of Region 10?", "No. The page lists every municipality in Region 10"),
])
def test_a_yes_or_no_question_starts_with_yes_or_no(conversation, handler, text, opening) -> None:
    assert first(Chat(conversation).say(handler, text)).startswith(opening)


def test_no_yes_or_no_where_the_page_does_not_say(conversation) -> None:
    """The page names no owner of SHiMR: the answer says so, it does not guess a yes or a no."""
    reply = Chat(conversation).say("ask_project", "does Malå own SHiMR?")
    assert first(reply).startswith("The page does not say who owns SHiMR")


@pytest.mark.parametrize(("handler", "text", "opening"), [
    ("ask_project", "How many regions co-finance SHiMR?",
     "SHiMR has 2 regions as co-financiers: Region Norrbotten and Region Västerbotten."),
    ("ask_project", "hur många kommuner medfinansierar shimr?", "SHiMR har 10 kommuner som medfinansiärer: Arjeplog"),
    ("ask_project", "how many regions fund move up north", "Move Up North is funded by 2 regions"),
    ("ask_organisation", "hur många kommuner ingår i Region 10?", "Region 10 består av 10 kommuner."),
    ("ask_organisation", "how many municipalities are in support area A?",
     "Stödområde A consists of 39 municipalities."),
])
def test_a_how_many_question_starts_with_the_number(conversation, handler, text, opening) -> None:
    assert first(Chat(conversation).say(handler, text)).startswith(opening)


def test_the_detail_follows_the_number(conversation) -> None:
    reply = Chat(conversation).say("ask_project", "How many regions co-finance SHiMR?")
    assert "Co-financiers of SHiMR:" in text_of(reply) and "Åsele" in text_of(reply)


@pytest.mark.parametrize(("text", "words"), [
    ("how much money can Malå get from the 1.76 project?", ["1.76 million kronor a year"]),
    ("hur stor är budgeten för medskapande?", ["624 602 kr"]),
    ("what share does the EU pay of the Medskapande project?", ["80%"]),
])
def test_a_how_much_question_starts_with_the_amount(conversation, text, words) -> None:
    opening = first(Chat(conversation).say("ask_project", text))
    assert all(w in opening for w in words), opening


def test_which_county_a_municipality_is_in(conversation) -> None:
    assert first(Chat(conversation).say("ask_organisation", "which county is Arjeplog in?")) == \
        "Arjeplog is in Norrbottens län."


@pytest.mark.parametrize(("text", "opening", "remembered"), [
    ("Which project ends last?", "Move Up North ends last (2023–2026).", "move-up-north"),
    # 31 August 2024 comes before the end of 2024 (the 1,76-projektet's "2022-2024")
    ("vilket projekt slutade först?", "Medskapande processer slutade först (1 september 2022", "medskapande"),
    ("which projects are EU-funded?", "Projects funded by", None),
    ("vilka projekt är avslutade?", "Perioden är slut för: 1,76-projektet, Medskapande processer och SHiMR", None),
    ("which projects are still running?", "Running according to the page (last updated 13 February 2024): "
                                          "Move Up North.", "move-up-north"),
    ("vilket projekt har störst budget?", "Bara Medskapande processer har en budget angiven på sidan", "medskapande"),
    ("which project does Sorsele own?", "The project owner of Move Up North is Sorsele kommun.", "move-up-north"),
    ("vilket projekt handlar om inflyttning?", "Det är Move Up North som handlar om det.", "move-up-north"),
])
def test_which_of_the_projects(conversation, text, opening, remembered) -> None:
    reply = Chat(conversation).say("which_project", text)
    assert first(reply).startswith(opening), first(reply)
    assert reply.slots.get("project") == remembered


def test_a_company_is_no_question_of_which_came_first(conversation) -> None:
    """"företag" is a typo away from "först": it must not be read as "which ended first?"."""
    reply = Chat(conversation).say("which_project", "vilket projekt är för företag?")
    assert "först" not in first(reply)


def test_which_projects_the_eu_funds_names_them_and_their_funds(conversation) -> None:
    reply = Chat(conversation).say("which_project", "vilka projekt får EU-pengar?")
    assert "Medskapande processer, SHiMR och Move Up North" in first(reply)
    assert "1,76" not in first(reply) and "ERUF" in text_of(reply)


def test_a_which_question_without_a_criterion_lists_the_projects(conversation) -> None:
    reply = Chat(conversation).say("which_project", "vilka projekt då?")
    assert "beskriver 4 projekt" in first(reply)


@pytest.mark.parametrize(("handler", "text", "intent", "ranking", "words"), [
    # a project described, not named: its topic decides
    ("ask_project", "när slutade projektet om lokal service?", "ask_project", (), ["31 augusti 2024"]),
    ("ask_project", "who funded the project on rural development?", "ask_project", (),
     ["European Agricultural Fund for Rural Development"]),
    # the project of the person named
    ("ask_project", "när slutar Wolfgangs projekt?", "ask_project", (), ["2023–2026"]),
    ("ask_project", "who funds the project Aleksandra works on?", "ask_project", (), ["ERUF"]),
    # the NLU heard a need, but the question is about the need's project
    ("contact_for_need", "vem äger projektet om att få folk att flytta hit?", "need_moving", (),
     ["Projektägare för Move Up North är Sorsele kommun."]),
    ("contact_for_need", "is the project for employers looking for staff still running?", "need_staff", (),
     ["Yes. Move Up North is running"]),
    # taken for another kind of request, but it names one project and asks one of its facts
    ("fallback", "vem bekostar medskapande", "nlu_fallback", (), ["jordbruksfonden", "(80 %)"]),
    ("which_project", "vilka andra betalar för SHiMR?", "ask_which_project", (),
     ["Medfinansiärer i SHiMR: Region Norrbotten"]),
    ("ask_organisation", "hur mycket är statsstödet till stödområde A?", "ask_organisation", (),
     ["1,76-projektet: 1,76 miljoner kronor per år"]),
    ("ask_person", "who is the contact person for SHiMR?", "ask_person", (),
     ["Aleksandra Simanovskaya, staff member in the SHiMR project"]),
    ("ask_capabilities", "what kind of help does SHiMR give?", "ask_capabilities", (),
     ["This is what SHiMR involves"]),
    ("which_project", "när tog projektet som Sandor har hand om slut?", "ask_which_project", (),
     ["Projektperiod: 1 september 2022 – 31 augusti 2024"]),
    ("fallback", "who pays for the project that helps people move here?", "nlu_fallback", (),
     ["European Social Fund"]),
    ("list_projects", "vem äger Sorseles projekt?", "list_projects", (),
     ["Projektägare för Move Up North är Sorsele kommun."]),
    # read as a wish for a contact, but its words ask for the owner
    ("contact_for_need", "vem äger Move Up North?", "ask_contact", (),
     ["Projektägare för Move Up North är Sorsele kommun."]),
    # a project with no contact: its facts, then that the page names no one
    ("contact_for_need", "who gets the business climate money?", "need_business_funds", (),
     ["39 municipalities", "names no contact person"]),
    # how much from an organisation: the amounts of the projects it funds
    ("ask_organisation", "hur mycket pengar kommer från Tillväxtverket?", "ask_organisation", (),
     ["1,76 miljoner kronor per år", "624 602 kr"]),
    # not named, no project talked about: the topic the NLU saw
    ("ask_project", "how do I get my shop online", "ask_project",
     (("ask_project", 0.5), ("need_business_advice", 0.4)), ["SHiMR"]),
])
def test_the_project_a_question_is_about(conversation, handler, text, intent, ranking, words) -> None:
    reply = text_of(Chat(conversation).say(handler, text, intent, ranking))
    assert all(w in reply for w in words), reply


def test_words_of_a_project_name_are_not_read_as_the_question(conversation) -> None:
    """"the skills supply project" holds "skills", a typo away from "still": it is no status question."""
    reply = Chat(conversation).say("ask_project", "what is the skills supply project?")
    assert first(reply).startswith("Move Up North: ")


def test_a_share_question_gets_the_shares(conversation) -> None:
    reply = Chat(conversation).say("ask_project", "how much of medskapande was EU money, in percent?")
    assert "80%" in first(reply)
