"""Finding projects, people and organisations in what visitors actually type."""

from __future__ import annotations

import pytest

PHRASINGS = [
    # Swedish
    ("Vad är 1,76-projektet?", "1-76"),
    ("vem finansierar 1,76", "1-76"),
    ("När slutar 1.76-projektet", "1-76"),
    ("berätta om 176-projektet", "1-76"),
    ("1,76-projektets budget", "1-76"),
    ("vad gör kommunen med 1,76 miljoner", "1-76"),
    ("utveckling av näringslivet och företagsklimatet i malå kommun?", "1-76"),
    ("Vad är Medskapande processer för hållbar service i Malåbygden?", "medskapande"),
    ("medskapande processer", "medskapande"),
    ("vem är kontakt för medskapandeprojektet", "medskapande"),
    ("när slutade medskapande?", "medskapande"),
    ("medskapnde budget", "medskapande"),
    ("hallbar service i malabygden", "medskapande"),
    ("Medskapande-projektets syfte", "medskapande"),
    ("vad är SHiMR", "shimr"),
    ("SHiMR:s workshops", "shimr"),
    ("vem finansierar shimr-projektet", "shimr"),
    ("shimrs kontaktperson?", "shimr"),
    ("SHIMR", "shimr"),
    ("shmir", "shimr"),
    ("pågår SHiMR fortfarande", "shimr"),
    ("strategisk samverkan för hållbar näringslivsutveckling", "shimr"),
    ("möjligheternas region", "shimr"),
    ("vad är move up north", "move-up-north"),
    ("Move Up Norths finansiärer", "move-up-north"),
    ("vem äger Move up North-projektet", "move-up-north"),
    ("moveupnorth", "move-up-north"),
    ("muve up nort", "move-up-north"),
    ("kontakt för MUN?", "move-up-north"),
    ("MUN:s kontaktperson", "move-up-north"),
    # English
    ("What is the 1.76 project?", "1-76"),
    ("who funds the 176 project", "1-76"),
    ("tell me about 1,76", "1-76"),
    ("What is Medskapande?", "medskapande"),
    ("when did the co-creative processes project end", "medskapande"),
    ("medskapande budget please", "medskapande"),
    ("What does SHiMR offer?", "shimr"),
    ("SHiMR's workshops", "shimr"),
    ("is shimr still running", "shimr"),
    ("Who do I contact about Move Up North?", "move-up-north"),
    ("Move Up North's funding", "move-up-north"),
    ("move-up-north owner", "move-up-north"),
    ("what is MUN", "move-up-north"),
    ("who owns move up nrth", "move-up-north"),
]

UNRELATED = [
    "När hämtas soporna i Malå?",
    "Hur blir vädret imorgon?",
    "Jag har ont i munnen",
    "Vilka öppettider har biblioteket?",
    "hur söker jag bygglov",
    "What is the capital of France?",
    "Can I book a laundry room?",
    "How many people live in Malå?",
    "When does the school term start?",
    "I want to move my car",
    "Tell me a joke",
    "hej",
    "ok",
    "sure",
    "Vad kostar 176 kronor i euro?",
    "north pole",
]


@pytest.mark.parametrize(("text", "project"), PHRASINGS)
def test_finds_the_project(view, text, project) -> None:
    found = [p.id for p in view.find_projects(text)]
    assert found[:1] == [project], f"{text!r} -> {found}"


def test_at_least_40_phrasings_across_both_languages() -> None:
    assert len(PHRASINGS) >= 40


@pytest.mark.parametrize("text", UNRELATED)
def test_finds_nothing_in_unrelated_text(view, text) -> None:
    assert view.find_projects(text) == []


def test_several_projects_in_order(view) -> None:
    found = view.find_projects("Vad är skillnaden mellan SHiMR och Move Up North?")
    assert [p.id for p in found] == ["shimr", "move-up-north"]


@pytest.mark.parametrize(("text", "contact"), [
    ("vem är Wolfgang?", "wolfgang-mehl"),
    ("Wolfgang Mehl", "wolfgang-mehl"),
    ("who is wolfgan", "wolfgang-mehl"),
    ("Sandor Lindström", "sandor-lindstrom"),
    ("sandor lindstrom telefon", "sandor-lindstrom"),
    ("who is Aleksandra", "aleksandra-simanovskaya"),
    ("aleksandra simanovskaja", "aleksandra-simanovskaya"),
    ("vem är Maria Larsson", "maria-i-larsson"),
    ("Maria I Larsson", "maria-i-larsson"),
])
def test_finds_a_person_by_full_or_first_name(view, text, contact) -> None:
    assert [c.id for c in view.find_contacts(text)] == [contact]


@pytest.mark.parametrize("text", ["vem är borgmästaren", "who is the mayor", "vem är du"])
def test_finds_no_person_in_unrelated_text(view, text) -> None:
    assert view.find_contacts(text) == []


@pytest.mark.parametrize(("text", "organisation"), [
    ("vad är Region 10", "region-10"),
    ("region10", "region-10"),
    ("what is Tillvaxtverket", "tillvaxtverket"),
    ("TVV", "tillvaxtverket"),
    ("stödområde A", "stodomrade-a"),
    ("what is support area A", "stodomrade-a"),
])
def test_finds_an_organisation(view, text, organisation) -> None:
    assert [o.id for o in view.find_organisations(text)] == [organisation]


def test_finds_every_organisation_in_the_order_named(view) -> None:
    assert [o.id for o in view.find_organisations("Är Storuman med i Region 10?")] == ["storuman", "region-10"]


@pytest.mark.parametrize(("text", "projects"), [
    ("What is the EU skills project?", ["move-up-north"]),
    ("vad gör inflyttningsprojektet", ["move-up-north"]),
    ("Who gets the Tillväxtverket money?", ["1-76"]),
    ("tell me about the co-creation project", ["medskapande"]),
    ("vad är landsbygdsserviceprojektet?", ["medskapande"]),
    ("the sustainable business project, who runs it", ["shimr"]),
])
def test_finds_a_project_by_its_description(view, text, projects) -> None:
    assert [p.id for p in view.find_projects(text)] == projects


@pytest.mark.parametrize("text", ["projektet", "vad gör det nya projektet?", "the project", "EU-projektet",
                                  "the EU project"])
def test_a_project_word_alone_names_no_project(view, text) -> None:
    """Only the part before "-projektet"/"project" tells descriptions apart, so only it may carry
    typos: "EU-projektet" (three projects have EU money) is no typo of "ESF-projektet"."""
    assert view.find_projects(text) == []


def test_a_description_that_fits_two_projects_finds_both(view) -> None:
    """Both SHiMR and Move Up North are Region 10 projects on the page: the answer covers each."""
    assert sorted(p.id for p in view.find_projects("Vad gör Region 10-projektet?")) == ["move-up-north", "shimr"]


@pytest.mark.parametrize(("text", "intent", "route"), [
    ("vi söker snickare", "need_staff", "recruitment"),  # no keyword: the need's first route
    ("vi saknar kompetens", "need_staff", "skills_supply"),
    ("finns det workshops", "need_business_advice", "workshops"),
    ("vi vill växa hållbart", "need_business_advice", "sustainable_growth"),
    ("affären i byn stänger", "need_local_service", "local_service"),
    ("rekrytering", "need_business_advice", "business_advice"),  # keywords of other needs don't count
])
def test_the_route_of_a_need(view, text, intent, route) -> None:
    assert view.route(text, intent).route.id == route
