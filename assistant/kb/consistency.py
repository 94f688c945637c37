"""Checks across files: references resolve, ids and aliases are unique, dates and shares add up.

Every message names the file the item was read from (see `Origins`), so it stays right
whatever the knowledge folder is and however staff split the content into files.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.kb.content import Contact, Knowledge, Organisation, Project, Route
from assistant.kb.problems import Problem
from assistant.text.normalise import fold


@dataclass(frozen=True)
class Origin:
    """Where an item was read: its file, and its place there ('contacts[2] (maria)', 'project')."""

    file: str
    place: str


@dataclass(frozen=True)
class Origins:
    """Where each item of a `Knowledge` came from, index for index with its tuples."""

    organisations: tuple[Origin, ...]
    contacts: tuple[Origin, ...]
    projects: tuple[Origin, ...]
    routes: tuple[Origin, ...]


Report = Callable[[Origin, str, str], None]


@dataclass(frozen=True)
class _Known:
    """The ids each reference may point to."""

    organisations: set[str]
    contacts: set[str]
    projects: set[str]


def check_consistency(knowledge: Knowledge, origins: Origins) -> list[Problem]:
    problems: list[Problem] = []

    def report(origin: Origin, path: str, message: str) -> None:
        problems.append(Problem(origin.file, path, message))

    known = _Known(
        organisations=_unique(knowledge.organisations, origins.organisations, report),
        contacts=_unique(knowledge.contacts, origins.contacts, report),
        projects=_unique(knowledge.projects, origins.projects, report),
    )
    _unique(knowledge.routes, origins.routes, report)
    for org, origin in zip(knowledge.organisations, origins.organisations, strict=True):
        _check_organisation(org, known, origin, report)
    for contact, origin in zip(knowledge.contacts, origins.contacts, strict=True):
        _check_contact(contact, known, origin, report)
    for project, origin in zip(knowledge.projects, origins.projects, strict=True):
        _check_project(project, known, origin, report)
    for route, origin in zip(knowledge.routes, origins.routes, strict=True):
        _check_route(route, known, origin, report)
    _unique_aliases(knowledge, origins, report)
    return problems


def _unique(items: Sequence[Organisation | Contact | Project | Route], origins: Sequence[Origin],
            report: Report) -> set[str]:
    seen: set[str] = set()
    for item, origin in zip(items, origins, strict=True):
        if item.id in seen:
            report(origin, f"{origin.place}.id", f"the id '{item.id}' is used twice")
        seen.add(item.id)
    return seen


def _check_organisation(org: Organisation, known: _Known, origin: Origin, report: Report) -> None:
    for member in org.members:
        if member not in known.organisations:
            report(origin, f"{origin.place}.members", f"unknown organisation '{member}'")
    if org.county and org.county not in known.organisations:
        report(origin, f"{origin.place}.county", f"unknown organisation '{org.county}'")
    if org.member_count is not None and org.member_count < len(org.members):
        report(origin, f"{origin.place}.member_count",
               f"{org.member_count} is fewer than the {len(org.members)} members listed")


def _check_contact(contact: Contact, known: _Known, origin: Origin, report: Report) -> None:
    if contact.stand_in is not None and contact.stand_in not in known.contacts:
        report(origin, f"{origin.place}.stand_in", f"unknown contact '{contact.stand_in}'")
    if contact.stand_in == contact.id:
        report(origin, f"{origin.place}.stand_in", "a person cannot stand in for themselves")
    if contact.status == "active" and contact.phone is None and contact.email is None:
        report(origin, origin.place, "an active contact needs a phone number or an e-mail")


def _check_project(project: Project, known: _Known, origin: Origin, report: Report) -> None:
    org_refs = [("owner", project.owner), ("region", project.region),
                ("contact_unit", project.contact_unit)]
    for i, f in enumerate(project.funding.financiers):
        org_refs += [(f"funding.financiers[{i}].organisation", f.organisation),
                     (f"funding.financiers[{i}].with", f.with_organisation)]
    org_refs += [(f"funding.co_financiers[{i}]", o)
                 for i, o in enumerate(project.funding.co_financiers)]
    for path, ref in org_refs:
        if ref is not None and ref not in known.organisations:
            report(origin, f"{origin.place}.{path}", f"unknown organisation '{ref}'")
    for i, pc in enumerate(project.contacts):
        if pc.contact not in known.contacts:
            report(origin, f"{origin.place}.contacts[{i}].contact", f"unknown contact '{pc.contact}'")
    for i, period in enumerate(project.periods):
        if period.start and period.end and period.end < period.start:
            report(origin, f"{origin.place}.periods[{i}]",
                   f"ends ({period.end}) before it starts ({period.start})")
    if not project.periods:
        report(origin, f"{origin.place}.periods", "a project needs at least one period")
    shares = [f.share for f in project.funding.financiers]
    given = sum(s for s in shares if s is not None)
    if given > 100 or (shares and None not in shares and given != 100):
        report(origin, f"{origin.place}.funding.financiers", f"the shares add up to {given} %, not 100 %")


def _check_route(route: Route, known: _Known, origin: Origin, report: Report) -> None:
    if route.project not in known.projects:
        report(origin, f"{origin.place}.project", f"unknown project '{route.project}'")
    if route.contact is not None and route.contact not in known.contacts:
        report(origin, f"{origin.place}.contact", f"unknown contact '{route.contact}'")


def _unique_aliases(knowledge: Knowledge, origins: Origins, report: Report) -> None:
    """An alias that names two things would make the assistant guess; refuse it. (A description,
    such as "the Region 10 project", may fit several projects: the answer then covers each.)"""
    origin_of = {
        "project": dict(zip((p.id for p in knowledge.projects), origins.projects, strict=True)),
        "contact": dict(zip((c.id for c in knowledge.contacts), origins.contacts, strict=True)),
        "organisation": dict(zip((o.id for o in knowledge.organisations), origins.organisations,
                                      strict=True)),
    }
    owners: dict[str, str] = {}
    for alias in knowledge.aliases():
        if alias.language is not None:
            continue
        owner = f"{alias.kind} '{alias.owner}'"
        key = fold(alias.text)
        if key in owners and owners[key] != owner:
            origin = origin_of[alias.kind][alias.owner]
            report(origin, f"{origin.place}.aliases", f"the alias '{alias.text}' also names {owners[key]}")
        owners.setdefault(key, owner)
