"""Projects described instead of named, and one fact asked in many wordings, both languages.

Written after the wording data was extended (issue 7), from other visitors than the ones the
data was written from, so that it tests what generalises: a nurse thinking of moving here, a
bank's loan officer, a Sami entrepreneur, a school head, a retired mining engineer, a café owner,
a consultant from Umeå, a car mechanic, a union representative, an EU-funding officer, a
grandmother, an IT freelancer and a librarian (Swedish); a Dutch couple buying a house, a
German campsite owner, a Polish welder, a British remote worker, a Thai restaurant owner, an
Erasmus officer, an NGO worker, a Finnish forestry HR manager, a retired Australian, a Syrian
doctor and an Irish data-centre engineer (English).

Each question must be answered about the right project (the `project` slot) with the fact it
asks in the first message; `GAPS` lists the ones not understood yet. Today is the tests' fixed
26 November 2026.
"""

from __future__ import annotations

import pytest

from tests.dialogue.chat import Chat

SHORT = {"1-76": "1,76-projektet", "medskapande": "Medskapande processer", "shimr": "SHiMR",
         "move-up-north": "Move Up North"}
NO_SUCH = {"sv": {"owner": "ingen projektägare", "contact": "ingen kontaktperson", "budget": "ingen budget",
                  "co_financiers": "inga medfinansiärer"},
           "en": {"owner": "does not say who owns", "contact": "no contact person", "budget": "no budget",
                  "co_financiers": "no co-financiers"}}
# What the first message must hold when a fact of a project is asked, per language.
FACTS = {
    "sv": {
        "period": {"1-76": "2022–2024", "medskapande": "31 augusti 2024", "shimr": "december 2025",
                   "move-up-north": "2023–2026"},
        "status": {"1-76": "pågår inte längre", "medskapande": "pågår inte längre",
                   "shimr": "pågår inte längre", "move-up-north": "pågår enligt sidan"},
        "funding": {"1-76": "finansieras av Tillväxtverket", "medskapande": "jordbruksfonden",
                    "shimr": "ERUF", "move-up-north": "Socialfonden ESF"},
        "share": {"medskapande": "(80 %)"},
        "budget": {"1-76": "1,76 miljoner kronor per år", "medskapande": "624 602 kr"},
        "co_financiers": {"shimr": "Region Norrbotten, Region Västerbotten"},
        "count_municipalities": {"shimr": "10 kommuner"},
        "count_regions": {"shimr": "2 regioner", "move-up-north": "2 regioner"},
        "owner": {"move-up-north": "Sorsele kommun"},
        "contact": {"medskapande": "Sandor Lindström", "shimr": "Aleksandra Simanovskaya",
                    "move-up-north": "Wolfgang Mehl"},
        "purpose": {p: f"Syftet med {name}" for p, name in SHORT.items()},
        "activities": {p: f"Det här ingår i {name}" for p, name in SHORT.items()},
    },
    "en": {
        "period": {"1-76": "2022–2024", "medskapande": "31 August 2024", "shimr": "December 2025",
                   "move-up-north": "2023–2026"},
        "status": {"1-76": "no longer running", "medskapande": "no longer running",
                   "shimr": "no longer running", "move-up-north": "Move Up North is running"},
        "funding": {"1-76": "funded by Tillväxtverket", "medskapande": "Agricultural Fund",
                    "shimr": "ERUF", "move-up-north": "European Social Fund"},
        "share": {"medskapande": "(80%)"},
        "budget": {"1-76": "1.76 million kronor a year", "medskapande": "624,602 kronor"},
        "co_financiers": {"shimr": "Region Norrbotten, Region Västerbotten"},
        "count_municipalities": {"shimr": "10 municipalities"},
        "count_regions": {"shimr": "2 regions", "move-up-north": "2 regions"},
        "owner": {"move-up-north": "Sorsele kommun"},
        "contact": {"medskapande": "Sandor Lindström", "shimr": "Aleksandra Simanovskaya",
                    "move-up-north": "Wolfgang Mehl"},
        "purpose": {p: f"The purpose of {name}" for p, name in SHORT.items()},
        "activities": {p: f"This is what {name} involves" for p, name in SHORT.items()},
    },
}

SWEDISH = [
    # described, not named
    ("Hur länge håller projektet som ska få fler att flytta hit på?", "move-up-north", "period"),
    ("finns det där inflyttningsprojektet kvar nu?", "move-up-north", "status"),
    ("vem kan jag ringa om projektet för nyinflyttade?", "move-up-north", "contact"),
    ("Vad är totalbudgeten i landsbygdsserviceprojektet?", "medskapande", "budget"),
    ("hur stor andel står EU för i projektet om service i byarna?", "medskapande", "share"),
    ("vem finansierar satsningen på företagsklimatet?", "1-76", "funding"),
    ("hur mycket pengar per år kan kommunen söka från Tillväxtverket för näringslivet?", "1-76", "budget"),
    ("när tar ERUF-projektet för företag i Region 10 slut?", "shimr", "period"),
    ("vad gör projektet om hållbart företagande egentligen?", "shimr", "activities"),
    ("vem jobbar med rådgivningen i hållbarhetsprojektet för företag", "shimr", "contact"),
    ("Vad är syftet med projektet som ska hjälpa kommunen samarbeta med byarna?", "medskapande", "purpose"),
    ("vilka aktiviteter ingår i medskapandeprojektet?", "medskapande", "activities"),
    ("när började ESF-projektet?", "move-up-north", "period"),
    ("är socialfondsprojektet med Sorsele som ägare igång fortfarande", "move-up-north", "status"),
    ("vem står som ägare till kompetensförsörjningsprojektet?", "move-up-north", "owner"),
    ("kostar projektet för lokal service nåt? alltså hur stor är budgeten", "medskapande", "budget"),
    ("vem ska jag prata med om serviceprojektet?", "medskapande", "contact"),
    ("hur länge pågick lanthandelsprojektet?", "medskapande", "period"),
    ("Vilka medfinansierar näringslivsprojektet i Region 10 som drivs med ERUF-pengar?", "shimr",
     "co_financiers"),
    ("hur många kommuner är medfinansiärer i ERUF-projektet?", "shimr", "count_municipalities"),
    ("hur många regioner är med och finansierar projektet om strategisk samverkan", "shimr",
     "count_regions"),
    ("finns konsulthjälpprojektet för småföretag kvar", "shimr", "status"),
    ("vem äger rekryteringsprojektet?", "move-up-north", "owner"),
    ("vad är målet med projektet för arbetsgivare som saknar kompetens?", "move-up-north", "purpose"),
    ("Hur stor är jordbruksfondens andel i det nationella lärandeprojektet?", "medskapande", "share"),
    ("Vilken period gäller för landsbygdsfondsprojektet i Malå?", "medskapande", "period"),
    ("när slutar projektet som Wolfgang har hand om", "move-up-north", "period"),
    ("är Sandors projekt avslutat?", "medskapande", "status"),
    ("vem finansierar projektet om att locka hit folk till norr", "move-up-north", "funding"),
    ("vilka år gäller statsstödet?", "1-76", "period"),
    ("vad var syftet med 1,76-satsningen?", "1-76", "purpose"),
    ("finns det någon kontaktperson för tillväxtverkspengarna?", "1-76", "contact"),
    ("vem äger företagsklimatprojektet?", "1-76", "owner"),
    # named, the fact asked in many wordings
    ("Till när löper SHiMR?", "shimr", "period"),
    ("hur långe pågår move up north", "move-up-north", "period"),
    ("vilket år tar medskapande slut", "medskapande", "period"),
    ("När drog Move Up North igång?", "move-up-north", "period"),
    ("har SHiMR lagts ner?", "shimr", "status"),
    ("är 1,76-projektet fortfarande aktuellt?", "1-76", "status"),
    ("e move up north igång", "move-up-north", "status"),
    ("pågår medskapande än?", "medskapande", "status"),
    ("vem står för finansieringen av Move Up North?", "move-up-north", "funding"),
    ("vart kommer pengarna ifrån till medskapande", "medskapande", "funding"),
    ("vem betalar 1,76 projektet", "1-76", "funding"),
    ("vad har medskapande för budget", "medskapande", "budget"),
    ("hur mycket pengar har Move Up North", "move-up-north", "budget"),
    ("hur stor del betalar Malå kommun av Medskapande processer?", "medskapande", "share"),
    ("hur mycket står kommunen för i medskapande, i procent?", "medskapande", "share"),
    ("vilka är medfinansiärer i SHiMR", "shimr", "co_financiers"),
    ("hur många kommuner är med och betalar shimr", "shimr", "count_municipalities"),
    ("vem är huvudman för SHiMR?", "shimr", "owner"),
    ("vilken kommun äger Move Up North", "move-up-north", "owner"),
    ("vem driver Move Up Nort", "move-up-north", "owner"),
    ("vem kan jag mejla om SHiMR?", "shimr", "contact"),
    ("telefonnummer till medskapande?", "medskapande", "contact"),
    ("vem vänder man sig till om move up north", "move-up-north", "contact"),
    ("varför finns SHiMR?", "shimr", "purpose"),
    ("vad vill Move Up North åstadkomma?", "move-up-north", "purpose"),
    ("vad erbjuder SHiMR företagen?", "shimr", "activities"),
    ("vad gör man i medskapande processer rent konkret?", "medskapande", "activities"),
    ("vem betalar för rådgivningen i SHiMR", "shimr", "funding"),
]

ENGLISH = [
    # described, not named
    ("how long will the project that helps people settle in Malå run?", "move-up-north", "period"),
    ("is the relocation project still active?", "move-up-north", "status"),
    ("who do I contact about the project for people moving to the region?", "move-up-north", "contact"),
    ("who pays for the project that gives companies consultant support?", "shimr", "funding"),
    ("what does the sustainable business project offer small companies?", "shimr", "activities"),
    ("until when can I get help from the Agenda 2030 business project?", "shimr", "period"),
    ("who runs the project that finds workers for employers?", "move-up-north", "owner"),
    ("is the recruitment project still on?", "move-up-north", "status"),
    ("when did the in-migration project start?", "move-up-north", "period"),
    ("who funds the attractiveness project in Region 10?", "move-up-north", "funding"),
    ("how much money does the local services project have?", "medskapande", "budget"),
    ("who is the contact for the village services project?", "medskapande", "contact"),
    ("is the rural service project finished?", "medskapande", "status"),
    ("what was the purpose of the co-creation project?", "medskapande", "purpose"),
    ("which activities are part of the project about sustainable services in Malåbygden?", "medskapande",
     "activities"),
    ("what percentage of the co-creative project is paid by the EU?", "medskapande", "share"),
    ("what is the aim of the project working with local actors and villages?", "medskapande", "purpose"),
    ("who finances the European Agricultural Fund project in Malå?", "medskapande", "funding"),
    ("when does the skills supply project end?", "move-up-north", "period"),
    ("who owns the ESF-funded project?", "move-up-north", "owner"),
    ("how many regions fund the ESF project?", "move-up-north", "count_regions"),
    ("what's the budget of the business climate project?", "1-76", "budget"),
    ("who pays for the business climate thing?", "1-76", "funding"),
    ("is the state aid project for support area A still going?", "1-76", "status"),
    ("who can I talk to about the Tillvaxtverket money for business?", "1-76", "contact"),
    ("when does the project for newcomers and employers finish?", "move-up-north", "period"),
    ("what is the goal of the project that helps people find jobs in the region?", "move-up-north",
     "purpose"),
    ("who co-finances the ERDF project?", "shimr", "co_financiers"),
    ("how many municipalities co-fund the Region of Opportunities project?", "shimr", "count_municipalities"),
    ("is the business development project in Region 10 with ERDF money over?", "shimr", "status"),
    ("what does the project Aleksandra works on do?", "shimr", "activities"),
    ("when did Sandor's project end?", "medskapande", "period"),
    ("what is the 1.76 million scheme for?", "1-76", "purpose"),
    ("which years did the support area A money cover?", "1-76", "period"),
    ("who owns the co-creation project?", "medskapande", "owner"),
    # named, the fact asked in many wordings
    ("how long is SHiMR running for?", "shimr", "period"),
    ("till when does Move Up North go?", "move-up-north", "period"),
    ("what year did medskapande end", "medskapande", "period"),
    ("when was Move Up North launched?", "move-up-north", "period"),
    ("does SHiMR still exist?", "shimr", "status"),
    ("is Move up north still up and running", "move-up-north", "status"),
    ("has medskapande wrapped up?", "medskapande", "status"),
    ("is the 1.76 project over?", "1-76", "status"),
    ("who's paying for Move Up North?", "move-up-north", "funding"),
    ("where does SHiMR's money come from?", "shimr", "funding"),
    ("who bankrolls medskapande?", "medskapande", "funding"),
    ("what is medskapande's total budget", "medskapande", "budget"),
    ("how much does Move Up North cost?", "move-up-north", "budget"),
    ("what share of Medskapande does Malå pay?", "medskapande", "share"),
    ("how is the funding for medskapande split between the EU and the municipality?", "medskapande",
     "share"),
    ("who are SHiMR's co-financiers?", "shimr", "co_financiers"),
    ("how many municipalities chip in to SHiMR?", "shimr", "count_municipalities"),
    ("which organisation owns Move Up North?", "move-up-north", "owner"),
    ("who is in charge of SHiMR?", "shimr", "owner"),
    ("who is the project owner of the 1.76 project", "1-76", "owner"),
    ("what's the email for Move Up North?", "move-up-north", "contact"),
    ("who should I call about medskapande?", "medskapande", "contact"),
    ("how can I reach someone at SHiMR?", "shimr", "contact"),
    ("why was Move Up North started?", "move-up-north", "purpose"),
    ("what are the goals of SHiMR?", "shimr", "purpose"),
    ("what kind of support does SHiMR give companies?", "shimr", "activities"),
    ("what do you actually do in Move Up North?", "move-up-north", "activities"),
]


# Not understood yet (measured when the table was written): each fails, strictly, so that it is
# moved out of here the day it passes.
GAPS = {
    "vem kan jag ringa om projektet för nyinflyttade?":
        "a compound with a prefix (ny-inflyttade) does not begin with the topic word 'inflytt'",
    "hur mycket pengar per år kan kommunen söka från Tillväxtverket för näringslivet?":
        "'näringslivet' alone is no topic word of the 1,76-projektet",
    "vem jobbar med rådgivningen i hållbarhetsprojektet för företag":
        "'vem jobbar med' is not read as asking for the contact",
    "är socialfondsprojektet med Sorsele som ägare igång fortfarande":
        "'ägare' inside the description is read as the question (owner before status)",
    "Vilka medfinansierar näringslivsprojektet i Region 10 som drivs med ERUF-pengar?":
        "a description spread over a clause is not found",
    "vilka år gäller statsstödet?": "'vilka år' folds to 'vilka är' and asks for no years",
    "vad vill Move Up North åstadkomma?": "'åstadkomma' is no purpose word",
    "who owns the ESF-funded project?": "a project described by its funder ('ESF-funded') is not found",
    "what is the goal of the project that helps people find jobs in the region?":
        "'find jobs' is no topic word of Move Up North",
    "is the business development project in Region 10 with ERDF money over?":
        "the funder in the description makes it a yes/no question about the funding",
    "what does the project Aleksandra works on do?":
        "'what does … do' with words between is not read as asking for the activities",
    "what is the 1.76 million scheme for?": "a closing 'for' is not read as asking for the purpose",
    "who bankrolls medskapande?": "'bankroll' is no funding word",
    "what kind of support does SHiMR give companies?": "'what kind of support' asks for no activities",
    "what do you actually do in Move Up North?": "'what do you do' asks for no activities",
}


def table(rows: list[tuple[str, str, str]]) -> list:
    return [pytest.param(*row, marks=pytest.mark.xfail(strict=True, reason=GAPS[row[0]]))
            if row[0] in GAPS else row for row in rows]


def wanted(language: str, project: str, fact: str) -> str:
    """What the first message must hold: the fact, or that the page does not give it."""
    return FACTS[language][fact].get(project) or NO_SUCH[language].get(fact) or FACTS[language]["funding"][project]


def check(conversation, language: str, text: str, project: str, fact: str) -> None:
    reply = Chat(conversation, page_language=language).say("ask_project", text)
    assert reply.slots.get("project") == project, [m.text for m in reply.messages]
    first = reply.messages[0].text
    assert wanted(language, project, fact) in first, first


@pytest.mark.parametrize(("text", "project", "fact"), table(SWEDISH))
def test_swedish(conversation, text, project, fact) -> None:
    check(conversation, "sv", text, project, fact)


@pytest.mark.parametrize(("text", "project", "fact"), table(ENGLISH))
def test_english(conversation, text, project, fact) -> None:
    check(conversation, "en", text, project, fact)


def test_about_sixty_questions_per_language() -> None:
    assert len(SWEDISH) >= 60 and len(ENGLISH) >= 60
    assert set(GAPS) <= {text for text, _, _ in SWEDISH + ENGLISH}
