"""Checks across files: references resolve, ids and aliases are unique, dates and shares add up."""

from __future__ import annotations

from collections.abc import Iterable

from assistant.kb.content import Knowledge
from assistant.kb.problems import Problem
from assistant.text.normalise import fold

ORGANISATIONS = "knowledge/organisations.yml"
CONTACTS = "knowledge/contacts.yml"
ROUTING = "knowledge/routing.yml"


def check_consistency(knowledge: Knowledge, project_files: dict[str, str]) -> list[Problem]:
    """`project_files` names the file each project was read from, for the messages."""
    problems: list[Problem] = []

    def report(file: str, path: str, message: str) -> None:
        problems.append(Problem(file, path, message))

    orgs = _unique(ORGANISATIONS, "organisations", [o.id for o in knowledge.organisations], report)
    contacts = _unique(CONTACTS, "contacts", [c.id for c in knowledge.contacts], report)
    projects = _unique("knowledge/projects", "project.id", [p.id for p in knowledge.projects], report)
    _unique(ROUTING, "routes", [r.id for r in knowledge.routes], report)

    for i, org in enumerate(knowledge.organisations):
        where = f"organisations[{i}] ({org.id})"
        for member in org.members:
            if member not in orgs:
                report(ORGANISATIONS, f"{where}.members", f"unknown organisation '{member}'")
        if org.county and org.county not in orgs:
            report(ORGANISATIONS, f"{where}.county", f"unknown organisation '{org.county}'")
        if org.member_count is not None and org.member_count < len(org.members):
            report(ORGANISATIONS, f"{where}.member_count",
                   f"{org.member_count} is fewer than the {len(org.members)} members listed")

    for i, contact in enumerate(knowledge.contacts):
        where = f"contacts[{i}] ({contact.id})"
        if contact.stand_in is not None and contact.stand_in not in contacts:
            report(CONTACTS, f"{where}.stand_in", f"unknown contact '{contact.stand_in}'")
        if contact.stand_in == contact.id:
            report(CONTACTS, f"{where}.stand_in", "a person cannot stand in for themselves")
        if contact.status == "active" and contact.phone is None and contact.email is None:
            report(CONTACTS, where, "an active contact needs a phone number or an e-mail")

    for project in knowledge.projects:
        file = project_files[project.id]
        org_refs = [("owner", project.owner), ("region", project.region),
                    ("contact_unit", project.contact_unit)]
        org_refs += [(f"funding.financiers[{i}].organisation", f.organisation)
                     for i, f in enumerate(project.funding.financiers)]
        org_refs += [(f"funding.financiers[{i}].with", f.with_organisation)
                     for i, f in enumerate(project.funding.financiers)]
        org_refs += [(f"funding.co_financiers[{i}]", o)
                     for i, o in enumerate(project.funding.co_financiers)]
        for path, ref in org_refs:
            if ref is not None and ref not in orgs:
                report(file, f"project.{path}", f"unknown organisation '{ref}'")
        for i, pc in enumerate(project.contacts):
            if pc.contact not in contacts:
                report(file, f"project.contacts[{i}].contact", f"unknown contact '{pc.contact}'")
        for i, period in enumerate(project.periods):
            if period.start and period.end and period.end < period.start:
                report(file, f"project.periods[{i}]",
                       f"ends ({period.end}) before it starts ({period.start})")
        shares = [f.share for f in project.funding.financiers]
        given = sum(s for s in shares if s is not None)
        if given > 100 or (shares and None not in shares and given != 100):
            report(file, "project.funding.financiers",
                   f"the shares add up to {given} %, not 100 %")
        if not project.periods:
            report(file, "project.periods", "a project needs at least one period")

    for i, route in enumerate(knowledge.routes):
        where = f"routes[{i}] ({route.id})"
        if route.project not in projects:
            report(ROUTING, f"{where}.project", f"unknown project '{route.project}'")
        if route.contact is not None and route.contact not in contacts:
            report(ROUTING, f"{where}.contact", f"unknown contact '{route.contact}'")

    _unique_aliases(knowledge, project_files, report)
    return problems


def _unique(file: str, path: str, ids: Iterable[str], report) -> set[str]:
    seen: set[str] = set()
    for i, ident in enumerate(ids):
        if ident in seen:
            report(file, f"{path}[{i}]", f"the id '{ident}' is used twice")
        seen.add(ident)
    return seen


def _unique_aliases(knowledge: Knowledge, project_files: dict[str, str], report) -> None:
    """An alias that names two things would make the assistant guess; refuse it."""
    owners: dict[str, str] = {}
    named = [(project_files[p.id], "project.aliases", f"project '{p.id}'",
              (*p.aliases, *p.case_sensitive_aliases)) for p in knowledge.projects]
    named += [(CONTACTS, f"contacts ({c.id}).aliases", f"contact '{c.id}'", c.aliases)
              for c in knowledge.contacts]
    named += [(ORGANISATIONS, f"organisations ({o.id}).aliases", f"organisation '{o.id}'",
               o.aliases) for o in knowledge.organisations]
    for file, path, owner, aliases in named:
        for alias in aliases:
            key = fold(alias)
            if key in owners and owners[key] != owner:
                report(file, path, f"the alias '{alias}' also names {owners[key]}")
            owners.setdefault(key, owner)
