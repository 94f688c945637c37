"""The knowledge content as plain, immutable data.

Both the YAML reader and the database reader produce these objects, so the
query layer and the JSON export do not care where the content came from.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Language = Literal["sv", "en"]
LANGUAGES: tuple[Language, ...] = ("sv", "en")
Precision = Literal["day", "month", "year"]
ContactStatus = Literal["active", "on_leave"]
NamedKind = Literal["project", "contact", "organisation"]


@dataclass(frozen=True)
class Text:
    """One text in both languages."""

    sv: str
    en: str

    def __call__(self, language: Language) -> str:
        return self.sv if language == "sv" else self.en


@dataclass(frozen=True)
class Link:
    title: Text
    url: str | None  # None: the page shows the link text but not its address


@dataclass(frozen=True)
class Page:
    title: Text
    intro: Text
    last_updated: date


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    county: str | None = None
    members: tuple[str, ...] = ()
    member_count: int | None = None
    members_complete: bool = True
    description: Text | None = None
    gloss: Text | None = None
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Contact:
    id: str
    name: str
    aliases: tuple[str, ...]
    role: Text | None
    phone: str | None
    email: str | None
    status: ContactStatus
    stand_in: str | None = None


@dataclass(frozen=True)
class Period:
    label: Text
    start: date | None
    end: date | None
    precision: Precision


@dataclass(frozen=True)
class Financier:
    organisation: str
    share: int | None = None  # per cent; None where the page gives no share
    with_organisation: str | None = None  # e.g. Tillväxtverket *with* an EU fund
    label: Text | None = None  # how the page names the financier, where not by the org name


@dataclass(frozen=True)
class Budget:
    amount_sek: int
    text: Text


@dataclass(frozen=True)
class Funding:
    financiers: tuple[Financier, ...]
    amount: Text | None = None
    budget: Budget | None = None
    co_financiers: tuple[str, ...] = ()
    note: Text | None = None


@dataclass(frozen=True)
class ProjectContact:
    contact: str
    role: Text


@dataclass(frozen=True)
class Project:
    id: str
    name: Text
    short_name: str
    aliases: tuple[str, ...]
    summary: Text
    purpose: Text
    activities: tuple[Text, ...]
    periods: tuple[Period, ...]
    funding: Funding
    case_sensitive_aliases: tuple[str, ...] = ()
    # How visitors describe or translate it ("kompetensförsörjningsprojektet", "the skills supply
    # project"): words of their language, not names.
    described_sv: tuple[str, ...] = ()
    described_en: tuple[str, ...] = ()
    period_note: Text | None = None
    owner: str | None = None
    region: str | None = None
    contact_unit: str | None = None
    contacts: tuple[ProjectContact, ...] = ()
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Route:
    """A need or topic a visitor may have, sent to the project and person the page names for it."""

    id: str
    label: Text
    project: str
    intent: str  # the NLU intent of this need (need_staff …); the first route of an intent is its default
    keywords_sv: tuple[str, ...]
    keywords_en: tuple[str, ...]
    contact: str | None = None
    note: Text | None = None

    def keywords(self, language: Language) -> tuple[str, ...]:
        return self.keywords_sv if language == "sv" else self.keywords_en


@dataclass(frozen=True)
class Name:
    """A name people type for a project, contact or organisation."""

    kind: NamedKind
    owner: str  # the id of what it names
    text: str
    alias: bool  # False for the name the page uses (a project's short name, a person's name)
    case_sensitive: bool = False
    language: Language | None = None  # set for a description in a language, None for a proper name


@dataclass(frozen=True)
class Knowledge:
    page: Page
    projects: tuple[Project, ...]
    contacts: tuple[Contact, ...]
    organisations: tuple[Organisation, ...]
    routes: tuple[Route, ...] = field(default=())

    def names(self) -> Iterator[Name]:
        """Every name of every project, contact and organisation, owner by owner in file
        order: the page's name first, then the aliases as written."""
        for p in self.projects:
            yield Name("project", p.id, p.short_name, alias=False)
            yield from (Name("project", p.id, a, alias=True) for a in p.aliases)
            yield from (Name("project", p.id, a, alias=True, case_sensitive=True)
                        for a in p.case_sensitive_aliases)
            yield from (Name("project", p.id, a, alias=True, language="sv") for a in p.described_sv)
            yield from (Name("project", p.id, a, alias=True, language="en") for a in p.described_en)
        for c in self.contacts:
            yield Name("contact", c.id, c.name, alias=False)
            yield from (Name("contact", c.id, a, alias=True) for a in c.aliases)
        for o in self.organisations:
            yield Name("organisation", o.id, o.name, alias=False)
            yield from (Name("organisation", o.id, a, alias=True) for a in o.aliases)

    def aliases(self) -> Iterator[Name]:
        """The aliases staff wrote (not the page's own names)."""
        return (name for name in self.names() if name.alias)
