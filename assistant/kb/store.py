"""Put `Knowledge` into SQL and read it back.

A load replaces the whole content in one transaction (all or nothing) and is
skipped when the content hash is unchanged, so loading twice changes nothing.
Every load that changes something bumps `kb_meta.revision`, which running
action servers poll to pick up new content without a restart.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import asdict
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, delete, inspect, select, update
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from assistant.kb import models as m
from assistant.kb.content import (
    Budget,
    Contact,
    Financier,
    Funding,
    Knowledge,
    Link,
    Organisation,
    Page,
    Period,
    Project,
    ProjectContact,
    Route,
    Text,
)


class DatabaseUnavailable(RuntimeError):
    """The knowledge database cannot be reached or has no content yet; the message says which."""


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    connect_args = {"connect_timeout": 5} if parsed.get_backend_name() == "postgresql" else {}
    return create_engine(url, future=True, pool_pre_ping=True, connect_args=connect_args)


def describe(engine: Engine) -> str:
    """The database URL without its password, for messages."""
    return engine.url.render_as_string(hide_password=True)


def _unavailable(engine: Engine, error: Exception) -> DatabaseUnavailable:
    reason = str(getattr(error, "orig", error)).strip().splitlines()[0]
    return DatabaseUnavailable(f"cannot reach the knowledge database at {describe(engine)}: {reason}")


def content_hash(knowledge: Knowledge) -> str:
    return hashlib.sha256(json.dumps(to_plain(knowledge), sort_keys=True).encode()).hexdigest()


def to_plain(knowledge: Knowledge) -> dict[str, Any]:
    """Everything, both languages, as JSON-ready data (dates as YYYY-MM-DD)."""

    def convert(value: Any) -> Any:
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: convert(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [convert(v) for v in value]
        return value

    return convert(asdict(knowledge))


def load(engine: Engine, knowledge: Knowledge) -> tuple[bool, int]:
    """Store `knowledge`; return (changed, revision). One transaction: on failure nothing changes."""
    digest = content_hash(knowledge)
    try:
        m.Base.metadata.create_all(engine)
        with engine.begin() as conn:
            meta = conn.execute(select(m.Meta).with_for_update()).first()
            if meta is not None and meta.content_hash == digest:
                return False, meta.revision
            revision = (meta.revision if meta else 0) + 1
            for table in m.CONTENT_TABLES:
                conn.execute(delete(table))
            _insert_content(conn, knowledge)
            row = dict(
                revision=revision, content_hash=digest, loaded_at=datetime.now(timezone.utc),
                page_last_updated=knowledge.page.last_updated,
                title_sv=knowledge.page.title.sv, title_en=knowledge.page.title.en,
                intro_sv=knowledge.page.intro.sv, intro_en=knowledge.page.intro.en,
            )
            if meta is None:
                conn.execute(m.Meta.__table__.insert(), [dict(id=1, **row)])
            else:
                conn.execute(update(m.Meta).where(m.Meta.id == 1).values(**row))
            return True, revision
    except OperationalError as error:
        raise _unavailable(engine, error) from error


def _rows(table: type, rows: list[dict[str, Any]], conn: Connection) -> None:
    if rows:
        conn.execute(table.__table__.insert(), rows)


def _t(name: str, text: Text | None) -> dict[str, str | None]:
    return {f"{name}_sv": text.sv if text else None, f"{name}_en": text.en if text else None}


def _insert_content(conn: Connection, k: Knowledge) -> None:
    _rows(m.OrganisationRow, [
        dict(id=o.id, position=i, name=o.name, kind=o.kind, county_id=None,
             member_count=o.member_count, members_complete=o.members_complete,
             **_t("description", o.description), **_t("gloss", o.gloss))
        for i, o in enumerate(k.organisations)], conn)
    for o in k.organisations:  # second pass: counties may come after their municipalities
        if o.county:
            conn.execute(update(m.OrganisationRow).where(m.OrganisationRow.id == o.id)
                         .values(county_id=o.county))
    _rows(m.OrganisationMemberRow, [
        dict(organisation_id=o.id, member_id=member, position=i)
        for o in k.organisations for i, member in enumerate(o.members)], conn)
    _rows(m.ContactRow, [
        dict(id=c.id, position=i, name=c.name, phone=c.phone, email=c.email, status=c.status,
             stand_in_id=None, **_t("role", c.role))
        for i, c in enumerate(k.contacts)], conn)
    for c in k.contacts:
        if c.stand_in:
            conn.execute(update(m.ContactRow).where(m.ContactRow.id == c.id)
                         .values(stand_in_id=c.stand_in))
    _rows(m.ProjectRow, [
        dict(id=p.id, position=i, short_name=p.short_name, owner_id=p.owner, region_id=p.region,
             contact_unit_id=p.contact_unit,
             budget_sek=p.funding.budget.amount_sek if p.funding.budget else None,
             **_t("name", p.name), **_t("summary", p.summary), **_t("purpose", p.purpose),
             **_t("period_note", p.period_note), **_t("amount", p.funding.amount),
             **_t("budget_text", p.funding.budget.text if p.funding.budget else None),
             **_t("funding_note", p.funding.note))
        for i, p in enumerate(k.projects)], conn)
    aliases = [("project", p.id, a, False) for p in k.projects for a in p.aliases]
    aliases += [("project", p.id, a, True) for p in k.projects for a in p.case_sensitive_aliases]
    aliases += [("contact", c.id, a, False) for c in k.contacts for a in c.aliases]
    aliases += [("organisation", o.id, a, False) for o in k.organisations for a in o.aliases]
    _rows(m.AliasRow, [
        dict(owner_kind=kind, owner_id=owner, position=i, alias=alias, case_sensitive=cs)
        for i, (kind, owner, alias, cs) in enumerate(aliases)], conn)
    _rows(m.ActivityRow, [
        dict(project_id=p.id, position=i, **_t("text", a))
        for p in k.projects for i, a in enumerate(p.activities)], conn)
    _rows(m.PeriodRow, [
        dict(project_id=p.id, position=i, start=x.start, end=x.end, precision=x.precision,
             **_t("label", x.label))
        for p in k.projects for i, x in enumerate(p.periods)], conn)
    _rows(m.FinancierRow, [
        dict(project_id=p.id, position=i, organisation_id=f.organisation,
             with_organisation_id=f.with_organisation, share=f.share, **_t("label", f.label))
        for p in k.projects for i, f in enumerate(p.funding.financiers)], conn)
    _rows(m.CoFinancierRow, [
        dict(project_id=p.id, position=i, organisation_id=o)
        for p in k.projects for i, o in enumerate(p.funding.co_financiers)], conn)
    _rows(m.ProjectContactRow, [
        dict(project_id=p.id, position=i, contact_id=pc.contact, **_t("role", pc.role))
        for p in k.projects for i, pc in enumerate(p.contacts)], conn)
    links = [("project_id", p.id, p.links) for p in k.projects]
    links += [("organisation_id", o.id, o.links) for o in k.organisations]
    _rows(m.LinkRow, [
        {"project_id": None, "organisation_id": None, owner_column: owner, "position": i,
         "url": link.url, **_t("title", link.title)}
        for owner_column, owner, items in links for i, link in enumerate(items)], conn)
    _rows(m.TopicRow, [
        dict(id=r.id, position=i, project_id=r.project, contact_id=r.contact,
             **_t("label", r.label), **_t("note", r.note))
        for i, r in enumerate(k.routes)], conn)
    _rows(m.TopicKeywordRow, [
        dict(topic_id=r.id, language=lang, position=i, keyword=word)
        for r in k.routes for lang in ("sv", "en") for i, word in enumerate(r.keywords(lang))],
        conn)


def revision(engine: Engine) -> int | None:
    """The loaded content's revision, or None when nothing has been loaded yet."""
    try:
        with engine.connect() as conn:
            if not _has_meta(conn):
                return None
            return conn.execute(select(m.Meta.revision)).scalar()
    except SQLAlchemyError as error:
        raise _unavailable(engine, error) from error


def read(engine: Engine) -> tuple[int, Knowledge]:
    """The loaded content and its revision, read in one transaction so they belong together."""
    try:
        with engine.begin() as conn:
            meta = conn.execute(select(m.Meta)).first() if _has_meta(conn) else None
            if meta is None:
                raise DatabaseUnavailable(
                    f"the knowledge database at {describe(engine)} has no content yet: "
                    "run 'assistant kb load'"
                )
            return meta.revision, _read_content(conn, meta)
    except SQLAlchemyError as error:
        raise _unavailable(engine, error) from error


def _has_meta(conn: Connection) -> bool:
    return inspect(conn).has_table(m.Meta.__tablename__)


def _text(row: Any, name: str) -> Text | None:
    sv, en = getattr(row, f"{name}_sv"), getattr(row, f"{name}_en")
    return Text(sv, en) if sv is not None and en is not None else None


def _all(conn: Connection, table: type, *order: Any) -> list[Any]:
    return list(conn.execute(select(table).order_by(*order)))


def _grouped(rows: list[Any], key: str) -> dict[Any, list[Any]]:
    groups: dict[Any, list[Any]] = defaultdict(list)
    for row in rows:
        groups[getattr(row, key)].append(row)
    return groups


def _read_content(conn: Connection, meta: Any) -> Knowledge:
    aliases = _all(conn, m.AliasRow, m.AliasRow.position)
    alias_of: dict[tuple[str, str, bool], list[str]] = defaultdict(list)
    for a in aliases:
        alias_of[(a.owner_kind, a.owner_id, a.case_sensitive)].append(a.alias)
    links = _all(conn, m.LinkRow, m.LinkRow.position)
    links_of = lambda column, owner: tuple(  # noqa: E731
        Link(_text(x, "title"), x.url) for x in links if getattr(x, column) == owner)
    members = _grouped(_all(conn, m.OrganisationMemberRow, m.OrganisationMemberRow.position),
                       "organisation_id")
    organisations = tuple(
        Organisation(
            id=o.id, name=o.name, kind=o.kind,
            aliases=tuple(alias_of[("organisation", o.id, False)]), county=o.county_id,
            members=tuple(x.member_id for x in members[o.id]), member_count=o.member_count,
            members_complete=o.members_complete, description=_text(o, "description"),
            gloss=_text(o, "gloss"), links=links_of("organisation_id", o.id))
        for o in _all(conn, m.OrganisationRow, m.OrganisationRow.position))
    contacts = tuple(
        Contact(c.id, c.name, tuple(alias_of[("contact", c.id, False)]), _text(c, "role"),
                c.phone, c.email, c.status, c.stand_in_id)
        for c in _all(conn, m.ContactRow, m.ContactRow.position))
    order = (m.ActivityRow.position,)
    activities = _grouped(_all(conn, m.ActivityRow, *order), "project_id")
    periods = _grouped(_all(conn, m.PeriodRow, m.PeriodRow.position), "project_id")
    financiers = _grouped(_all(conn, m.FinancierRow, m.FinancierRow.position), "project_id")
    co_financiers = _grouped(_all(conn, m.CoFinancierRow, m.CoFinancierRow.position), "project_id")
    project_contacts = _grouped(
        _all(conn, m.ProjectContactRow, m.ProjectContactRow.position), "project_id")
    projects = tuple(
        Project(
            id=p.id, name=_text(p, "name"), short_name=p.short_name,
            aliases=tuple(alias_of[("project", p.id, False)]),
            case_sensitive_aliases=tuple(alias_of[("project", p.id, True)]),
            summary=_text(p, "summary"), purpose=_text(p, "purpose"),
            activities=tuple(_text(a, "text") for a in activities[p.id]),
            periods=tuple(Period(_text(x, "label"), x.start, x.end, x.precision)
                          for x in periods[p.id]),
            period_note=_text(p, "period_note"),
            funding=Funding(
                financiers=tuple(Financier(f.organisation_id, f.share, f.with_organisation_id,
                                           _text(f, "label")) for f in financiers[p.id]),
                amount=_text(p, "amount"),
                budget=Budget(p.budget_sek, _text(p, "budget_text")) if p.budget_sek else None,
                co_financiers=tuple(c.organisation_id for c in co_financiers[p.id]),
                note=_text(p, "funding_note")),
            owner=p.owner_id, region=p.region_id, contact_unit=p.contact_unit_id,
            contacts=tuple(ProjectContact(c.contact_id, _text(c, "role"))
                           for c in project_contacts[p.id]),
            links=links_of("project_id", p.id))
        for p in _all(conn, m.ProjectRow, m.ProjectRow.position))
    keywords = _grouped(_all(conn, m.TopicKeywordRow, m.TopicKeywordRow.position), "topic_id")
    routes = tuple(
        Route(
            id=t.id, label=_text(t, "label"), project=t.project_id,
            keywords_sv=tuple(k.keyword for k in keywords[t.id] if k.language == "sv"),
            keywords_en=tuple(k.keyword for k in keywords[t.id] if k.language == "en"),
            contact=t.contact_id, note=_text(t, "note"))
        for t in _all(conn, m.TopicRow, m.TopicRow.position))
    page = Page(title=_text(meta, "title"), intro=_text(meta, "intro"),
                last_updated=meta.page_last_updated)
    return Knowledge(page, projects, contacts, organisations, routes)
