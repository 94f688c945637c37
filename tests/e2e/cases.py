"""End-to-end questions: every project attribute and every routing need, in Swedish and English,
with the facts (as written on the page) that the answer must contain. Shared by the e2e test
and benchmarks/e2e.py."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    id: str
    language: str
    question: str
    facts: tuple[str, ...]


QUESTIONS = {
    "overview": ("Vad är {sv}?", "What is {en}?"),
    "purpose": ("Vad är syftet med {sv}?", "What is the purpose of {en}?"),
    "activities": ("Vilka aktiviteter ingår i {sv}?", "What activities does {en} include?"),
    "period": ("När slutar {sv}?", "When does {en} end?"),
    "status": ("Pågår {sv} fortfarande?", "Is {en} still running?"),
    "funding": ("Vem finansierar {sv}?", "Who funds {en}?"),
    "budget": ("Hur stor är budgeten för {sv}?", "How big is the budget of {en}?"),
    "owner": ("Vem äger {sv}?", "Who owns {en}?"),
    "co_financiers": ("Vilka är medfinansiärer i {sv}?", "Who are the co-financiers of {en}?"),
    "contact": ("Vem är kontaktperson för {sv}?", "Who is the contact person for {en}?"),
    "links": ("Finns det någon länk om {sv}?", "Is there a link about {en}?"),
}
NAMES = {
    "1-76": ("1,76-projektet", "the 1.76 project"),
    "medskapande": ("Medskapande processer", "the Medskapande project"),
    "shimr": ("SHiMR", "SHiMR"),
    "move-up-north": ("Move Up North", "Move Up North"),
}
NO_BUDGET = (("ingen budget",), ("no budget",))
NO_OWNER = (("ingen projektägare",), ("does not say who owns",))
NO_CO = (("inga medfinansiärer",), ("no co-financiers",))
ENDED = (("pågår inte längre",), ("no longer running",))

# (project, attribute) -> (facts in the Swedish answer, facts in the English answer)
FACTS = {
    ("1-76", "overview"): (("39 kommuner", "1,76 miljoner kronor per år", "pågår inte längre"),
                           ("39 municipalities", "1.76 million kronor a year", "no longer running")),
    ("1-76", "purpose"): (("näringslivsutveckling", "företagsklimatet"), ("business development", "business climate")),
    ("1-76", "activities"): (("redovisas till Tillväxtverket",), ("reported to Tillväxtverket",)),
    ("1-76", "period"): (("2022–2024", "2018–2021", "pågår inte längre"), ("2022–2024", "2018–2021", "no longer running")),
    ("1-76", "status"): ENDED,
    ("1-76", "funding"): (("Tillväxtverket", "1,76 miljoner kronor per år"), ("Tillväxtverket", "1.76 million kronor a year")),
    ("1-76", "budget"): NO_BUDGET,
    ("1-76", "owner"): NO_OWNER,
    ("1-76", "co_financiers"): NO_CO,
    ("1-76", "contact"): (("ingen kontaktperson",), ("no contact person",)),
    ("1-76", "links"): (("Regeringsbeslut om statsstödet",), ("Regeringsbeslut om statsstödet",)),
    ("medskapande", "overview"): (("lokala aktörer", "pågår inte längre"), ("local actors", "no longer running")),
    ("medskapande", "purpose"): (("lokal serviceutveckling",), ("local services",)),
    ("medskapande", "activities"): (("lokalsamhället", "interna arbetssätt", "erfarenhetsutbyte"),
                                    ("local community", "internal ways of working", "sharing experience")),
    ("medskapande", "period"): (("1 september 2022", "31 augusti 2024"), ("1 September 2022", "31 August 2024")),
    ("medskapande", "status"): ENDED,
    ("medskapande", "funding"): (("80 %", "20 %", "Europeiska jordbruksfonden för landsbygdsutveckling", "Malå kommun"),
                                 ("80%", "20%", "European Agricultural Fund for Rural Development", "Malå kommun")),
    ("medskapande", "budget"): (("624 602 kr",), ("624,602 kronor",)),
    ("medskapande", "owner"): NO_OWNER,
    ("medskapande", "co_financiers"): NO_CO,
    ("medskapande", "contact"): (("Sandor Lindström", "0953-140 84", "sandor.lindstrom@mala.se", "Maria I Larsson"),
                                ("Sandor Lindström", "0953-140 84", "sandor.lindstrom@mala.se", "Maria I Larsson")),
    ("medskapande", "links"): (("www.tillvaxtverket.se", "BESLUT – Din ansökan om projektstöd"),
                              ("www.tillvaxtverket.se", "BESLUT – Din ansökan om projektstöd")),
    ("shimr", "overview"): (("Region 10", "entreprenörskap", "pågår inte längre"), ("Region 10", "entrepreneurship", "no longer running")),
    ("shimr", "purpose"): (("Agenda 2030", "konkurrenskraft"), ("Agenda 2030", "competitive")),
    ("shimr", "activities"): (("workshops", "behovsanalys och handlingsplan", "externa experter"),
                              ("workshops", "needs analysis and action plan", "external experts")),
    ("shimr", "period"): (("december 2025", "pågår inte längre"), ("December 2025", "no longer running")),
    ("shimr", "status"): ENDED,
    ("shimr", "funding"): (("ERUF", "Region Norrbotten", "Region Västerbotten"), ("ERUF", "Region Norrbotten", "Region Västerbotten")),
    ("shimr", "budget"): NO_BUDGET,
    ("shimr", "owner"): NO_OWNER,
    ("shimr", "co_financiers"): (("Region Norrbotten", "Arjeplog", "Åsele"), ("Region Norrbotten", "Arjeplog", "Åsele")),
    ("shimr", "contact"): (("Aleksandra Simanovskaya", "0953-140 61", "aleksandra.simanovskaya@mala.se"),
                           ("Aleksandra Simanovskaya", "0953-140 61", "aleksandra.simanovskaya@mala.se")),
    ("shimr", "links"): (("inga länkar",), ("no links",)),
    ("move-up-north", "overview"): (("inflyttning", "kompetensförsörjning", "pågår enligt sidan"),
                                    ("in-migration", "skills", "according to the page")),
    ("move-up-north", "purpose"): (("kompetensförsörjning", "inflyttarservice"), ("supply of skills", "moving in")),
    ("move-up-north", "activities"): (("inflyttarservice",), ("moving in",)),
    ("move-up-north", "period"): (("2023–2026",), ("2023–2026",)),
    ("move-up-north", "status"): (("pågår enligt sidan", "13 februari 2024"), ("according to the page", "13 February 2024")),
    ("move-up-north", "funding"): (("Europeiska Socialfonden ESF", "Region Västerbotten", "Region Norrbotten", "kommuner i Region 10"),
                                   ("European Social Fund", "Region Västerbotten", "municipalities in Region 10")),
    ("move-up-north", "budget"): NO_BUDGET,
    ("move-up-north", "owner"): (("Sorsele kommun",), ("Sorsele kommun",)),
    ("move-up-north", "co_financiers"): NO_CO,
    ("move-up-north", "contact"): (("Wolfgang Mehl", "0953-14039", "wolfgang.mehl@mala.se"),
                                   ("Wolfgang Mehl", "0953-14039", "wolfgang.mehl@mala.se")),
    ("move-up-north", "links"): (("https://region10.se/move-up-north-kompetensforsorjningsprojekt-beviljat/",),
                                 ("https://region10.se/move-up-north-kompetensforsorjningsprojekt-beviljat/",)),
}

WOLFGANG = ("Wolfgang Mehl", "0953-14039", "wolfgang.mehl@mala.se")
ALEKSANDRA = ("Aleksandra Simanovskaya", "0953-140 61", "aleksandra.simanovskaya@mala.se")
SANDOR = ("Sandor Lindström", "0953-140 84", "sandor.lindstrom@mala.se")

# need -> (Swedish question, English question, facts in both answers)
NEEDS = {
    "recruitment": ("Vem kontaktar jag om rekrytering?", "Who do I contact about recruitment?", WOLFGANG),
    "skills_supply": ("Vi saknar kompetens i vårt företag, vem kan hjälpa oss?",
                      "We lack skilled workers, who can help us?", WOLFGANG),
    "moving_here": ("Jag vill flytta till Malå, vem kan jag prata med?",
                    "I want to move to Malå, who can I talk to?", WOLFGANG),
    "business_advice": ("Jag vill ha rådgivning för mitt företag", "I would like business advice for my company", ALEKSANDRA),
    "sustainable_growth": ("Hur kan mitt företag växa hållbart?", "How can my company grow sustainably?", ALEKSANDRA),
    "attractive_employer": ("Vi vill bli en attraktiv arbetsgivare, vem hjälper oss?",
                            "We want to become an attractive employer, who helps us?", ALEKSANDRA),
    "workshops": ("Finns det workshops för företag?", "Are there workshops for companies?", ALEKSANDRA),
    "needs_analysis": ("Vem hjälper till med behovsanalys och handlingsplan?",
                       "Who helps with a needs analysis and an action plan?", ALEKSANDRA),
    "external_experts": ("Kan vi få hjälp av externa experter?", "Can we get help from external experts?", ALEKSANDRA),
    "local_service": ("Vem jobbar med lokal service på landsbygden?",
                      "Who works on local services in the countryside?", SANDOR),
    "rural_development": ("Vem ska jag prata med om landsbygdsutveckling?",
                          "Who should I talk to about rural development?", SANDOR),
    "local_cooperation": ("Vår byaförening vill samarbeta med kommunen, vem kontaktar vi?",
                          "Our village association wants to work with the municipality, whom do we contact?", SANDOR),
    "business_climate_funds": ("Finns det pengar för att förbättra företagsklimatet?",
                               "Is there money to improve the business climate?", ("1,76",)),
}


def cases() -> list[Case]:
    found = []
    for (project, attribute), (sv_facts, en_facts) in FACTS.items():
        sv_q, en_q = QUESTIONS[attribute]
        sv_name, en_name = NAMES[project]
        found.append(Case(f"{project}-{attribute}-sv", "sv", sv_q.format(sv=sv_name), sv_facts))
        found.append(Case(f"{project}-{attribute}-en", "en", en_q.format(en=en_name), en_facts))
    for need, (sv_q, en_q, facts) in NEEDS.items():
        found.append(Case(f"need-{need}-sv", "sv", sv_q, facts))
        found.append(Case(f"need-{need}-en", "en", en_q, facts))
    return found
