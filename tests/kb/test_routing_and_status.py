"""The routing table sends needs to the page's project and person; status follows the date."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import TODAY

ROUTES = [
    # (what a visitor writes, route, project, contact)
    ("Vem kontaktar jag om rekrytering?", "recruitment", "move-up-north", "wolfgang-mehl"),
    ("jag behöver anställa två svetsare", "recruitment", "move-up-north", "wolfgang-mehl"),
    ("vi söker personal till vårt företag", "recruitment", "move-up-north", "wolfgang-mehl"),
    ("We need to hire staff", "recruitment", "move-up-north", "wolfgang-mehl"),
    ("I'm an employer looking for workers", "recruitment", "move-up-north", "wolfgang-mehl"),
    ("vi hittar inte rätt kompetens i Malå", "skills_supply", "move-up-north", "wolfgang-mehl"),
    ("we can't find skilled people", "skills_supply", "move-up-north", "wolfgang-mehl"),
    ("Jag funderar på att flytta hit", "moving_here", "move-up-north", "wolfgang-mehl"),
    ("I want to move to Malå", "moving_here", "move-up-north", "wolfgang-mehl"),
    ("Jag vill ha rådgivning för mitt företag", "business_advice", "shimr", "aleksandra-simanovskaya"),
    ("I need business advice", "business_advice", "shimr", "aleksandra-simanovskaya"),
    ("hur kan mitt företag växa hållbart", "sustainable_growth", "shimr", "aleksandra-simanovskaya"),
    ("help us grow sustainably", "sustainable_growth", "shimr", "aleksandra-simanovskaya"),
    ("hur blir vi en attraktiv arbetsgivare?", "attractive_employer", "shimr", "aleksandra-simanovskaya"),
    ("how can we become a more attractive employer", "attractive_employer", "shimr", "aleksandra-simanovskaya"),
    ("finns det workshops för företag", "workshops", "shimr", "aleksandra-simanovskaya"),
    ("hjälp med behovsanalys och handlingsplan", "needs_analysis", "shimr", "aleksandra-simanovskaya"),
    ("I'd like help with an action plan", "needs_analysis", "shimr", "aleksandra-simanovskaya"),
    ("kan vi få hjälp av externa experter", "external_experts", "shimr", "aleksandra-simanovskaya"),
    ("vem jobbar med lokal service i byarna", "local_service", "medskapande", "sandor-lindstrom"),
    ("who works on local services in the villages", "local_service", "medskapande", "sandor-lindstrom"),
    ("landsbygdsutveckling", "rural_development", "medskapande", "sandor-lindstrom"),
    ("rural development", "rural_development", "medskapande", "sandor-lindstrom"),
    ("vår byaförening vill samarbeta med kommunen", "local_cooperation", "medskapande", "sandor-lindstrom"),
    ("pengar till näringslivsutveckling", "business_climate_funds", "1-76", None),
    ("how is the business climate being improved", "business_climate_funds", "1-76", None),
    ("jag vill bli rekryterare på mcdonalds", "recruitment", "move-up-north", "wolfgang-mehl"),
]


@pytest.mark.parametrize(("text", "route", "project", "contact"), ROUTES)
def test_routes_a_need(view, text, route, project, contact) -> None:
    match = view.route(text)
    assert match is not None, text
    assert (match.route.id, match.project.id) == (route, project)
    assert (match.contact.id if match.contact else None) == contact


@pytest.mark.parametrize("text", ["hej", "vad är klockan", "tell me a joke", "när hämtas soporna"])
def test_no_route_for_unrelated_text(view, text) -> None:
    assert view.route(text) is None


def test_every_route_points_to_the_projects_own_contact(view) -> None:
    for route in view.routes.values():
        project = view.projects[route.project]
        listed = {pc.contact for pc in project.contacts}
        assert (route.contact is None and not listed) or route.contact in listed, route.id


def test_the_1_76_route_says_no_contact_is_named(view) -> None:
    match = view.route_by_id("business_climate_funds")
    assert match.contact is None and view.projects["1-76"].contacts == ()


@pytest.mark.parametrize(("project", "on", "state"), [
    ("1-76", date(2017, 12, 31), "not_started"),
    ("1-76", date(2020, 6, 1), "not_started"),  # judged by the current period 2022-2024
    ("1-76", date(2023, 5, 1), "ongoing"),
    ("1-76", date(2024, 12, 31), "ongoing"),
    ("1-76", date(2025, 1, 1), "ended"),
    ("medskapande", date(2022, 8, 31), "not_started"),
    ("medskapande", date(2022, 9, 1), "ongoing"),
    ("medskapande", date(2024, 8, 31), "ongoing"),
    ("medskapande", date(2024, 9, 1), "ended"),
    ("shimr", date(2020, 1, 1), "ongoing"),  # no start date on the page
    ("shimr", date(2025, 12, 31), "ongoing"),
    ("shimr", date(2026, 1, 1), "ended"),
    ("move-up-north", date(2022, 12, 31), "not_started"),
    ("move-up-north", date(2026, 12, 31), "ongoing"),
    ("move-up-north", date(2027, 1, 1), "ended"),
])
def test_status_on_a_date(view, project, on, state) -> None:
    assert view.status(project, on).state == state


def test_status_today(view) -> None:
    states = {p.id: s.state for p, s in view.list_projects(TODAY)}
    assert states == {"1-76": "ended", "medskapande": "ended", "shimr": "ended",
                      "move-up-north": "ongoing"}


def test_localised_facts_keep_absences(view) -> None:
    facts = view.localise("1-76", "en", TODAY)
    assert facts.contacts == () and facts.budget is None and facts.owner is None
    assert facts.funding_amount.startswith("1.76 million kronor a year")
    mun = view.localise("move-up-north", "sv", TODAY)
    assert mun.owner == "Sorsele kommun" and mun.contacts[0].phone == "0953-14039"
    medskapande = view.localise("medskapande", "en", TODAY)
    assert [(f.names, f.share) for f in medskapande.financiers] == [
        (("Tillväxtverket", "Europeiska jordbruksfonden för landsbygdsutveckling "
          "(the European Agricultural Fund for Rural Development)"), 80),
        (("Malå kommun",), 20),
    ]
    maria = view.person("maria-i-larsson", "sv")
    assert maria.on_leave and maria.stand_in.name == "Sandor Lindström" and maria.phone is None


@pytest.mark.parametrize("text", ["vad gör Tillväxtverket", "what does the Swedish Agency for Economic and Regional Growth do"])
def test_an_agencys_name_is_no_topic(view, text) -> None:
    """"Tillväxtverket" begins like "tillväxt" (sustainable growth, SHiMR), but it names an agency."""
    assert view.route(text) is None
