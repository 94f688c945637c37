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
    found = view.find_contact(text)
    assert found is not None and found.id == contact


@pytest.mark.parametrize("text", ["vem är borgmästaren", "who is the mayor", "vem är du"])
def test_finds_no_person_in_unrelated_text(view, text) -> None:
    assert view.find_contact(text) is None


@pytest.mark.parametrize(("text", "organisation"), [
    ("vad är Region 10", "region-10"),
    ("region10", "region-10"),
    ("what is Tillvaxtverket", "tillvaxtverket"),
    ("TVV", "tillvaxtverket"),
    ("stödområde A", "stodomrade-a"),
    ("what is support area A", "stodomrade-a"),
])
def test_finds_an_organisation(view, text, organisation) -> None:
    found = view.find_organisation(text)
    assert found is not None and found.id == organisation
