"""Every fact on the source page is in `assistant kb export`.

The fact list below was written by reading the page, independently of the
knowledge files. Each fact names the words as the page writes them (checked to
be on the page) and where the export must hold them.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from assistant.cli import main
from assistant.kb import store
from tests.conftest import SOURCE_PAGE


def _project(export: dict, pid: str) -> dict:
    return next(p for p in export["projects"] if p["id"] == pid)


def _contact(export: dict, cid: str) -> dict:
    return next(c for c in export["contacts"] if c["id"] == cid)


def _org(export: dict, oid: str) -> dict:
    return next(o for o in export["organisations"] if o["id"] == oid)


def _sv(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


# (words on the page, how to get the fact from the export, what it must be or contain)
FACTS = [
    # the page
    ("Pågående projekt", lambda e: e["page"]["title"]["sv"], "Pågående projekt"),
    ("Senast uppdaterad den 13 februari 2024", lambda e: e["page"]["last_updated"], "2024-02-13"),
    ("lokala utvecklingsstrategi", lambda e: e["page"]["intro"]["sv"], "lokala utvecklingsstrategi"),
    ("socialt, ekologiskt och ekonomiskt hållbar", lambda e: e["page"]["intro"]["sv"],
     "socialt, ekologiskt och ekonomiskt hållbar"),
    ("andra projektägare men medfinansieras av Malå kommun", lambda e: e["page"]["intro"]["sv"],
     "andra projektägare men medfinansieras av Malå kommun"),
    # 1,76
    ("Utveckling av näringslivet och företagsklimatet i Malå kommun",
     lambda e: _project(e, "1-76")["name"]["sv"], "Utveckling av näringslivet och företagsklimatet i Malå kommun"),
    ("Aktuell projektperiod 2022-2024", lambda e: [(p["start"], p["end"]) for p in _project(e, "1-76")["periods"]],
     ("2022-01-01", "2024-12-31")),
    ("pågått även 2018-2021", lambda e: [(p["start"], p["end"]) for p in _project(e, "1-76")["periods"]],
     ("2018-01-01", "2021-12-31")),
    ("Finansiär: Tillväxtverket", lambda e: [f["organisation"] for f in _project(e, "1-76")["funding"]["financiers"]],
     "tillvaxtverket"),
    ("39 kommuner i stödområde A", lambda e: _org(e, "stodomrade-a")["member_count"], 39),
    ("Malå är en av de", lambda e: _org(e, "stodomrade-a")["members"], "mala-kommun"),
    ("1,76 miljoner kronor per år", lambda e: _project(e, "1-76")["funding"]["amount"]["sv"], "1,76 miljoner kronor per år"),
    ("Kommunerna får själva avgöra vad medlen ska användas till", lambda e: _project(e, "1-76")["purpose"]["sv"],
     "Kommunerna får själva avgöra vad medlen ska användas till"),
    ("näringslivsutveckling och satsningar på att förbättra företagsklimatet",
     lambda e: _project(e, "1-76")["purpose"]["sv"], "näringslivsutveckling och satsningar på att förbättra företagsklimatet"),
    ("resultat redovisas till TVV", lambda e: _sv(_project(e, "1-76")["activities"]), "redovisas till Tillväxtverket (TVV)"),
    ("Regeringsbeslut om statsstödet", lambda e: _sv(_project(e, "1-76")["links"]), "Regeringsbeslut om statsstödet"),
    # Medskapande
    ("Medskapande processer för hållbar service i Malåbygden", lambda e: _project(e, "medskapande")["name"]["sv"],
     "Medskapande processer för hållbar service i Malåbygden"),
    ("Projektperiod: 1/9 2022 – 31/8 2024", lambda e: [(p["start"], p["end"]) for p in _project(e, "medskapande")["periods"]],
     ("2022-09-01", "2024-08-31")),
    ("Total budget 624 602kr", lambda e: _project(e, "medskapande")["funding"]["budget"]["amount_sek"], 624602),
    ("Europeiska jordbruksfonden för landsbygdsutveckling 80%",
     lambda e: [(f["organisation"], f["with_organisation"], f["share"]) for f in _project(e, "medskapande")["funding"]["financiers"]],
     ("tillvaxtverket", "eu-jordbruksfonden", 80)),
    ("Malå kommun 20%", lambda e: [(f["organisation"], f["share"]) for f in _project(e, "medskapande")["funding"]["financiers"]],
     ("mala-kommun", 20)),
    ("stärka kommunens kapacitet att möta och samarbeta med lokala aktörer",
     lambda e: _project(e, "medskapande")["purpose"]["sv"], "stärka kommunens kapacitet att möta och samarbeta med lokala aktörer"),
    ("ökad förmåga hos kommuner att stötta lokal serviceutveckling",
     lambda e: _project(e, "medskapande")["purpose"]["sv"], "ökad förmåga hos kommuner att stötta lokal serviceutveckling"),
    ("Etablera och genomföra samarbeten med lokalsamhället", lambda e: _sv(_project(e, "medskapande")["activities"]),
     "Etablera och genomföra samarbeten med lokalsamhället via lokala aktörer på en eller fler platser i kommunen"),
    ("Utveckla interna arbetssätt och rutiner", lambda e: _sv(_project(e, "medskapande")["activities"]),
     "Utveckla interna arbetssätt och rutiner, inklusive intern förankring"),
    ("Delta i gemensamma träffar för erfarenhetsutbyte och kompetensutveckling",
     lambda e: _sv(_project(e, "medskapande")["activities"]), "Delta i gemensamma träffar för erfarenhetsutbyte och kompetensutveckling"),
    ("nationellt lärandeprojekt", lambda e: _sv(_project(e, "medskapande")["activities"]), "nationellt lärandeprojekt"),
    ("Tillväxtverket koordinerar aktiviteterna", lambda e: _sv(_project(e, "medskapande")["activities"]),
     "Tillväxtverket koordinerar aktiviteterna"),
    ("www.tillvaxtverket.se", lambda e: _sv(_project(e, "medskapande")["links"]), "www.tillvaxtverket.se"),
    ("BESLUT – Din ansökan om projektstöd", lambda e: _sv(_project(e, "medskapande")["links"]), "BESLUT – Din ansökan om projektstöd"),
    ("Vik. Landsbygdsutvecklare", lambda e: _contact(e, "sandor-lindstrom")["role"]["sv"], "vik. landsbygdsutvecklare"),
    ("Sandor Lindström", lambda e: _contact(e, "sandor-lindstrom")["name"], "Sandor Lindström"),
    ("Tfn: 0953-140 84", lambda e: _contact(e, "sandor-lindstrom")["phone"], "0953-140 84"),
    ("E-post: sandor.lindstrom@mala.se", lambda e: _contact(e, "sandor-lindstrom")["email"], "sandor.lindstrom@mala.se"),
    ("Maria I Larsson - Tjänstledig", lambda e: (_contact(e, "maria-i-larsson")["name"], _contact(e, "maria-i-larsson")["status"]),
     ("Maria I Larsson", "on_leave")),
    ("kontaktperson för projekt Medskapande", lambda e: [c["contact"] for c in _project(e, "medskapande")["contacts"]],
     "sandor-lindstrom"),
    # SHiMR
    ("Strategisk Samverkan för Hållbar Näringslivsutveckling i Möjligheternas Region",
     lambda e: _project(e, "shimr")["name"]["sv"], "Strategisk Samverkan för Hållbar Näringslivsutveckling i Möjligheternas Region"),
    ("näringslivsutvecklingsprojekt inom Region 10", lambda e: (_project(e, "shimr")["summary"]["sv"], _project(e, "shimr")["region"]),
     ("SHiMR är ett näringslivsutvecklingsprojekt inom Region 10 som syftar till ökat entreprenörskap och en hållbar tillväxt i regionen.", "region-10")),
    ("målen i Agenda 2030", lambda e: _project(e, "shimr")["purpose"]["sv"], "Agenda 2030"),
    ("social, miljömässig och ekonomisk hållbarhet", lambda e: _project(e, "shimr")["purpose"]["sv"], "social, miljömässig och ekonomisk hållbarhet"),
    ("öka företagens konkurrenskraft", lambda e: _project(e, "shimr")["purpose"]["sv"], "öka företagens konkurrenskraft"),
    ("samverkan mellan företag, kommuner, företagsfrämjare och akademi", lambda e: _project(e, "shimr")["purpose"]["sv"],
     "samverkan mellan företag, kommuner, företagsfrämjare och akademi"),
    ("externt konsultstöd i utvecklingsfrågor och kompetenshöjande aktiviteter", lambda e: _sv(_project(e, "shimr")["activities"]),
     "onsultstöd i utvecklingsfrågor och kompetenshöjande aktiviteter"),
    ("rådgivning, externa experter och kunskapspåfyllnad", lambda e: _sv(_project(e, "shimr")["activities"]),
     "rådgivning, externa experter och kunskapspåfyllnad"),
    ("workshops, kontakt med andra företagsfrämjare och hjälp med er egen behovsanalys och handlingsplan",
     lambda e: _sv(_project(e, "shimr")["activities"]), "workshops, kontakt med andra företagsfrämjare och hjälp med er egen behovsanalys och handlingsplan"),
    ("växa hållbart och bli en attraktiv arbetsgivare", lambda e: _sv(_project(e, "shimr")["activities"]),
     "växa hållbart och bli en attraktiv arbetsgivare"),
    ("aktiva fasen t.o.m. december 2025", lambda e: [(p["end"], p["precision"]) for p in _project(e, "shimr")["periods"]],
     ("2025-12-31", "month")),
    ("Utveckling - och arbetsmarknadsenheten", lambda e: _project(e, "shimr")["contact_unit"], "utvecklings-och-arbetsmarknadsenheten"),
    ("Aleksandra Simanovskaya", lambda e: [c["contact"] for c in _project(e, "shimr")["contacts"]], "aleksandra-simanovskaya"),
    ("Tfn: 0953-140 61", lambda e: _contact(e, "aleksandra-simanovskaya")["phone"], "0953-140 61"),
    ("aleksandra.simanovskaya@mala.se", lambda e: _contact(e, "aleksandra-simanovskaya")["email"], "aleksandra.simanovskaya@mala.se"),
    ("Medfinansiärer: ERUF projekt", lambda e: [f["organisation"] for f in _project(e, "shimr")["funding"]["financiers"]], "eruf"),
    ("medfinansiering från Region Norrbotten, Region Västerbotten och kommunerna Arjeplog, Arvidsjaur, Dorotea, Lycksele, Malå, Norsjö, Vilhelmina, Sorsele, Storuman, Åsele",
     lambda e: _project(e, "shimr")["funding"]["co_financiers"],
     ["region-norrbotten", "region-vasterbotten", "arjeplog", "arvidsjaur", "dorotea", "lycksele", "mala-kommun", "norsjo",
      "vilhelmina", "sorsele", "storuman", "asele"]),
    # Move Up North
    ("Projekt Move up North", lambda e: _project(e, "move-up-north")["name"]["sv"], "Move Up North"),
    ("öka inflyttning, attraktionskraft och kompetensförsörjning", lambda e: _project(e, "move-up-north")["summary"]["sv"],
     "öka inflyttning, attraktionskraft och kompetensförsörjning"),
    ("Region 10 består av kommunerna Arjeplog och Arvidsjaur i Norrbottens län",
     lambda e: [(o["id"], o["county"]) for o in e["organisations"]], ("arjeplog", "norrbottens-lan")),
    ("Arvidsjaur i Norrbottens län", lambda e: [(o["id"], o["county"]) for o in e["organisations"]], ("arvidsjaur", "norrbottens-lan")),
    *[(f"{name} ... i Västerbottens län", lambda e, oid=oid: [(o["id"], o["county"]) for o in e["organisations"]],
       (oid, "vasterbottens-lan"))
      for name, oid in [("Dorotea", "dorotea"), ("Lycksele", "lycksele"), ("Malå", "mala-kommun"), ("Norsjö", "norsjo"),
                        ("Sorsele", "sorsele"), ("Storuman", "storuman"), ("Vilhelmina", "vilhelmina"), ("Åsele", "asele")]],
    ("Malå är en del av så kommunnätverket ”Region 10”", lambda e: _org(e, "region-10")["members"],
     ["arjeplog", "arvidsjaur", "dorotea", "lycksele", "mala-kommun", "norsjo", "sorsele", "storuman", "vilhelmina", "asele"]),
    ("utmaningar som glesbygdskommuner i norra Sverige har", lambda e: _org(e, "region-10")["description"]["sv"],
     "utmaningar som glesbygdskommuner i norra Sverige har"),
    ("mer hållbar kompetensförsörjning för regionens privata och offentliga arbetsgivare",
     lambda e: _project(e, "move-up-north")["purpose"]["sv"], "mer hållbar kompetensförsörjning för regionens privata och offentliga arbetsgivare"),
    ("fungerande inflyttarservice och höja sin mottagarkapacitet", lambda e: _project(e, "move-up-north")["purpose"]["sv"],
     "fungerande inflyttarservice och höja sin mottagarkapacitet"),
    ("antalet anställda i kommunerna ska stiga", lambda e: _project(e, "move-up-north")["purpose"]["sv"], "antalet anställda i kommunerna ska stiga"),
    ("Europeiska Socialfonden ESF, Region Västerbotten, Region Norrbotten, kommuner i Region 10",
     lambda e: [f["organisation"] for f in _project(e, "move-up-north")["funding"]["financiers"]],
     ["esf", "region-vasterbotten", "region-norrbotten", "region-10"]),
    ("pågår i tre år, 2023-2026", lambda e: [(p["start"], p["end"]) for p in _project(e, "move-up-north")["periods"]],
     ("2023-01-01", "2026-12-31")),
    ("Sorsele Kommun är projektägare", lambda e: _project(e, "move-up-north")["owner"], "sorsele"),
    ("kontakta Wolfgang", lambda e: [c["contact"] for c in _project(e, "move-up-north")["contacts"]], "wolfgang-mehl"),
    ("wolfgang.mehl@mala.se", lambda e: _contact(e, "wolfgang-mehl")["email"], "wolfgang.mehl@mala.se"),
    ("0953-14039", lambda e: _contact(e, "wolfgang-mehl")["phone"], "0953-14039"),
    ("söker efter kompetens som saknas i Malå", lambda e: _contact(e, "wolfgang-mehl")["role"]["sv"], "söker kompetens som saknas i Malå"),
    ("https://region10.se/move-up-north-kompetensforsorjningsprojekt-beviljat/",
     lambda e: [link["url"] for link in _project(e, "move-up-north")["links"]],
     "https://region10.se/move-up-north-kompetensforsorjningsprojekt-beviljat/"),
]


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> dict:
    database = f"sqlite:///{tmp_path_factory.mktemp('export') / 'kb.db'}"
    assert main(["kb", "load", "--database", database]) == 0
    _, knowledge = store.read(store.make_engine(database))
    return store.to_plain(knowledge)


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def test_the_source_page_is_there() -> None:
    assert SOURCE_PAGE.is_file(), f"the source page is missing: {SOURCE_PAGE}"


@pytest.mark.parametrize(("words", "get", "expected"), FACTS, ids=[f[0][:60] for f in FACTS])
def test_fact_is_exported(export: dict, words: str, get, expected) -> None:
    page = _normalise(SOURCE_PAGE.read_text(encoding="utf-8"))
    for part in words.split(" ... "):
        assert _normalise(part) in page, f"the fact list misquotes the page: {part!r}"
    value = get(export)
    if (isinstance(value, list) and not isinstance(expected, list)) or (isinstance(value, str) and isinstance(expected, str)):
        assert expected in value
    else:
        assert value == expected


def test_cli_export_prints_both_languages(tmp_path, capsys) -> None:
    database = f"sqlite:///{tmp_path / 'kb.db'}"
    assert main(["kb", "load", "--database", database]) == 0
    capsys.readouterr()
    assert main(["kb", "export", "--format", "json", "--database", database]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["revision"] == 1
    for project in data["projects"]:
        for field in ("name", "summary", "purpose"):
            assert project[field]["sv"] and project[field]["en"], (project["id"], field)
