"""The query API: the only way the dialogue reads knowledge.

`KnowledgeView` wraps one loaded revision with lookup indexes built once;
`localise` turns a project into facts in one language. Nothing here invents a
value: an attribute the page does not give comes back as None or empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from assistant.kb.content import (
    Contact,
    Financier,
    Knowledge,
    Language,
    Name,
    NamedKind,
    Organisation,
    Period,
    Project,
    Route,
)
from assistant.text.fuzzy import NameFinder, contains_keyword
from assistant.text.normalise import fold, tokens

State = Literal["not_started", "ongoing", "ended"]
ATTRIBUTES = (
    "overview", "purpose", "activities", "period", "status", "funding", "budget", "owner",
    "co_financiers", "contact", "links",
)


@dataclass(frozen=True)
class Status:
    state: State
    period: Period  # the period the state refers to (the latest one)


@dataclass(frozen=True)
class PersonFacts:
    id: str
    name: str
    role: str | None  # general role at the municipality
    project_role: str | None  # role in the project asked about
    phone: str | None
    email: str | None
    on_leave: bool
    stand_in: PersonFacts | None


@dataclass(frozen=True)
class FinancierFacts:
    names: tuple[str, ...]  # one, or two where the page names a financier *with* another
    share: int | None


@dataclass(frozen=True)
class OrganisationRole:
    """What the page says an organisation is to a project or network."""

    kind: Literal["owner", "financier", "financier_as", "co_financier", "member"]
    project: str | None = None  # the project's short name
    network: str | None = None  # the network's name, for "member"
    label: str | None = None  # how the page names the financier, for "financier_as"


@dataclass(frozen=True)
class LinkFacts:
    title: str
    url: str | None


@dataclass(frozen=True)
class ProjectFacts:
    """A project's facts in one language; None or () where the page says nothing."""

    id: str
    language: Language
    name: str
    short_name: str
    summary: str
    purpose: str
    activities: tuple[str, ...]
    periods: tuple[Period, ...]
    period_labels: tuple[str, ...]
    period_note: str | None
    status: Status
    financiers: tuple[FinancierFacts, ...]
    funding_amount: str | None
    funding_note: str | None
    budget: str | None
    owner: str | None
    co_financiers: tuple[str, ...]
    contact_unit: str | None
    contacts: tuple[PersonFacts, ...]
    links: tuple[LinkFacts, ...]


@dataclass(frozen=True)
class RouteMatch:
    route: Route
    project: Project
    contact: Contact | None


def _finder(aliases: list[Name], kind: NamedKind) -> NameFinder:
    """Typo-tolerant lookup of one kind's aliases (the case-sensitive ones are matched exactly)."""
    return NameFinder((a.owner, a.text) for a in aliases if a.kind == kind and not a.case_sensitive)


class KnowledgeView:
    """One revision of the knowledge, indexed for free-text lookups."""

    def __init__(self, knowledge: Knowledge, revision: int = 0) -> None:
        self.knowledge = knowledge
        self.revision = revision
        self.page = knowledge.page
        self.projects = {p.id: p for p in knowledge.projects}
        self.contacts = {c.id: c for c in knowledge.contacts}
        self.organisations = {o.id: o for o in knowledge.organisations}
        self.routes = {r.id: r for r in knowledge.routes}
        self.need_intents = frozenset(r.intent for r in knowledge.routes)  # the NLU's needs
        aliases = list(knowledge.aliases())
        self._project_names = _finder(aliases, "project")
        self._exact_project_names = [
            (a.owner, re.compile(rf"(?<!\w){re.escape(a.text)}(?:[:']?s)?(?!\w)"))
            for a in aliases if a.case_sensitive
        ]
        self._contact_names = _finder(aliases, "contact")
        self._organisation_names = _finder(aliases, "organisation")
        self._route_keywords = [
            (route, tokens(keyword))
            for route in knowledge.routes
            for keyword in (*route.keywords_sv, *route.keywords_en)
        ]

    # -- finding things in free text -----------------------------------------------
    def find_projects(self, text: str) -> list[Project]:
        """Projects named in `text`, in the order they are named."""
        found = [(h.start, h.key) for h in self._project_names.find(text)]
        positions = {key: len(fold(text[: m.start()]).split())
                     for key, pattern in self._exact_project_names
                     for m in [pattern.search(text)] if m}
        found += [(pos, key) for key, pos in positions.items()]
        ids = dict.fromkeys(key for _, key in sorted(found))
        return [self.projects[i] for i in ids]

    def without_project_names(self, text: str) -> str:
        """The message's words with the projects' names left out, so that the words of a name
        ("the skills supply project") are not read as words of the question."""
        words = tokens(text)
        for hit in self._project_names.find(text):
            words[hit.start:hit.end] = [""] * (hit.end - hit.start)
        return " ".join(w for w in words if w)

    def find_contacts(self, text: str) -> list[Contact]:
        """People named in `text`, in the order they are named."""
        return [self.contacts[key] for key in self._contact_names.keys(text)]

    def find_organisations(self, text: str) -> list[Organisation]:
        """Organisations named in `text`, in the order they are named."""
        return [self.organisations[key] for key in self._organisation_names.keys(text)]

    def route(self, text: str, intent: str | None = None) -> RouteMatch | None:
        """Among the routes of the need `intent` (of every need if None), the one whose keywords
        cover most of `text`; failing that, the intent's first route (None without an intent).
        The name of an agency, fund or network is no topic ("Tillväxtverket" is not "tillväxt");
        a municipality's is ("bo i Malå")."""
        words = tokens(text)
        for hit in self._organisation_names.find(text):
            if self.organisations[hit.key].kind != "municipality":
                words[hit.start:hit.end] = [""] * (hit.end - hit.start)
        scores: dict[str, int] = {}
        for route, keyword in self._route_keywords:
            if (intent is None or route.intent == intent) and contains_keyword(words, keyword):
                score = sum(len(k) for k in keyword)
                scores[route.id] = max(scores.get(route.id, 0), score)
        if not scores:
            first = next((r for r in self.routes.values() if r.intent == intent), None)
            return self.route_by_id(first.id) if first else None
        order = list(self.routes)
        best = max(scores, key=lambda rid: (scores[rid], -order.index(rid)))
        return self.route_by_id(best)

    def route_by_id(self, route_id: str) -> RouteMatch | None:
        route = self.routes.get(route_id)
        if route is None:
            return None
        contact = self.contacts.get(route.contact) if route.contact else None
        return RouteMatch(route, self.projects[route.project], contact)

    # -- facts ---------------------------------------------------------------------
    def status(self, project_id: str, on: date) -> Status:
        """Where the project stands on `on`, judged by its latest period."""
        periods = self.projects[project_id].periods
        latest = max(periods, key=lambda p: (p.end or date.max, p.start or date.min))
        if latest.start is not None and on < latest.start:
            state: State = "not_started"
        elif latest.end is not None and on > latest.end:
            state = "ended"
        else:
            state = "ongoing"
        return Status(state, latest)

    def list_projects(self, on: date) -> list[tuple[Project, Status]]:
        return [(p, self.status(p.id, on)) for p in self.knowledge.projects]

    def organisation_name(self, org_id: str, language: Language) -> str:
        """The name as the page writes it; in English with a gloss where one is known."""
        org = self.organisations[org_id]
        if language == "en" and org.gloss and org.gloss.en != org.name:
            return f"{org.name} ({org.gloss.en})"
        return org.name

    def person(self, contact_id: str, language: Language, project_role: str | None = None) -> PersonFacts:
        contact = self.contacts[contact_id]
        stand_in = (self.person(contact.stand_in, language)
                    if contact.stand_in and contact.status == "on_leave" else None)
        return PersonFacts(
            id=contact.id, name=contact.name,
            role=contact.role(language) if contact.role else None, project_role=project_role,
            phone=contact.phone, email=contact.email, on_leave=contact.status == "on_leave",
            stand_in=stand_in,
        )

    def organisation_roles(self, org_id: str, language: Language) -> list[OrganisationRole]:
        """What the page says this organisation is to each project, then the networks it is in."""
        roles = []
        for p in self.knowledge.projects:
            name = p.short_name
            if p.owner == org_id:
                roles.append(OrganisationRole("owner", project=name))
            for f in p.funding.financiers:
                if f.label and f.organisation == org_id:
                    roles.append(OrganisationRole("financier_as", project=name, label=f.label(language)))
                elif org_id in (f.organisation, f.with_organisation):
                    roles.append(OrganisationRole("financier", project=name))
            if org_id in p.funding.co_financiers:
                roles.append(OrganisationRole("co_financier", project=name))
        roles += [OrganisationRole("member", network=network.name)
                  for network in self.knowledge.organisations
                  if org_id in network.members and network.kind == "network"]
        return roles

    def projects_of(self, contact_id: str) -> list[Project]:
        return [p for p in self.knowledge.projects
                if any(pc.contact == contact_id for pc in p.contacts)]

    def _financier(self, financier: Financier, language: Language) -> FinancierFacts:
        names = [financier.label(language) if financier.label
                 else self.organisation_name(financier.organisation, language)]
        if financier.with_organisation:
            names.append(self.organisation_name(financier.with_organisation, language))
        return FinancierFacts(tuple(names), financier.share)

    def localise(self, project_id: str, language: Language, on: date) -> ProjectFacts:
        p = self.projects[project_id]
        name = lambda org_id: self.organisation_name(org_id, language) if org_id else None  # noqa: E731
        return ProjectFacts(
            id=p.id, language=language, name=p.name(language), short_name=p.short_name,
            summary=p.summary(language), purpose=p.purpose(language),
            activities=tuple(a(language) for a in p.activities),
            periods=p.periods, period_labels=tuple(x.label(language) for x in p.periods),
            period_note=p.period_note(language) if p.period_note else None,
            status=self.status(p.id, on),
            financiers=tuple(self._financier(f, language) for f in p.funding.financiers),
            funding_amount=p.funding.amount(language) if p.funding.amount else None,
            funding_note=p.funding.note(language) if p.funding.note else None,
            budget=p.funding.budget.text(language) if p.funding.budget else None,
            owner=name(p.owner),
            co_financiers=tuple(self.organisation_name(o, language) for o in p.funding.co_financiers),
            contact_unit=name(p.contact_unit),
            contacts=tuple(self.person(pc.contact, language, pc.role(language)) for pc in p.contacts),
            links=tuple(LinkFacts(link.title(language), link.url) for link in p.links),
        )
