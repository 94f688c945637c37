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

from sqlalchemy import create_engine, delete, inspect, select, text, update
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from assistant.kb import models
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

Row = dict[str, Any]


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
        with engine.begin() as conn:
            upgraded = _drop_earlier_layout(conn)
            models.Base.metadata.create_all(conn)
            meta = conn.execute(select(models.Meta).with_for_update()).first()
            if meta is not None and meta.content_hash == digest and not upgraded:
                return False, meta.revision
            revision = (meta.revision if meta else 0) + 1
            for table in models.CONTENT_TABLES:
                conn.execute(delete(table))
            _insert_content(conn, knowledge)
            _write_meta(conn, knowledge, digest, revision, exists=meta is not None)
            return True, revision
    except OperationalError as error:
        raise _unavailable(engine, error) from error


def _drop_earlier_layout(conn: Connection) -> bool:
    """Drop the tables of an earlier layout: tables no longer used, and, if any content table's
    columns differ from today's, every content table (they are made anew and the content
    written again). True if anything was dropped. Part of the load's transaction."""
    inspector = inspect(conn)
    existing = [t for t in models.CONTENT_TABLES if inspector.has_table(t.__tablename__)]
    columns = lambda table: {c["name"] for c in inspector.get_columns(table.__tablename__)}  # noqa: E731
    outdated = any(columns(t) != set(t.__table__.columns.keys()) for t in existing)
    found = [name for name in models.LEGACY_TABLES if inspector.has_table(name)]
    found += [t.__tablename__ for t in existing] if outdated else []
    for name in found:
        conn.execute(text(f"drop table {name}"))
    return bool(found)


def _write_meta(conn: Connection, knowledge: Knowledge, digest: str, revision: int,
                exists: bool) -> None:
    row = dict(
        revision=revision, content_hash=digest, loaded_at=datetime.now(timezone.utc),
        page_last_updated=knowledge.page.last_updated,
        title_sv=knowledge.page.title.sv, title_en=knowledge.page.title.en,
        intro_sv=knowledge.page.intro.sv, intro_en=knowledge.page.intro.en,
    )
    if exists:
        conn.execute(update(models.Meta).where(models.Meta.id == 1).values(**row))
    else:
        conn.execute(models.Meta.__table__.insert(), [dict(id=1, **row)])


def _rows(table: type, rows: list[Row], conn: Connection) -> None:
    if rows:
        conn.execute(table.__table__.insert(), rows)


def _t(name: str, text: Text | None) -> dict[str, str | None]:
    return {f"{name}_sv": text.sv if text else None, f"{name}_en": text.en if text else None}


def _insert_content(conn: Connection, k: Knowledge) -> None:
    _insert_organisations(conn, k.organisations)
    _insert_contacts(conn, k.contacts)
    _insert_projects(conn, k.projects)
    _rows(models.AliasRow, [
        dict(owner_kind=a.kind, owner_id=a.owner, position=i, alias=a.text,
             case_sensitive=a.case_sensitive, language=a.language)
        for i, a in enumerate(k.aliases())], conn)
    links = [("project_id", p.id, p.links) for p in k.projects]
    links += [("organisation_id", o.id, o.links) for o in k.organisations]
    _rows(models.LinkRow, [
        {"project_id": None, "organisation_id": None, owner_column: owner, "position": i,
         "url": link.url, **_t("title", link.title)}
        for owner_column, owner, items in links for i, link in enumerate(items)], conn)
    _insert_routes(conn, k.routes)


def _insert_organisations(conn: Connection, organisations: tuple[Organisation, ...]) -> None:
    _rows(models.OrganisationRow, [
        dict(id=o.id, position=i, name=o.name, kind=o.kind, county_id=None,
             member_count=o.member_count, members_complete=o.members_complete,
             **_t("description", o.description), **_t("gloss", o.gloss))
        for i, o in enumerate(organisations)], conn)
    for o in organisations:  # second pass: counties may come after their municipalities
        if o.county:
            conn.execute(update(models.OrganisationRow).where(models.OrganisationRow.id == o.id)
                         .values(county_id=o.county))
    _rows(models.OrganisationMemberRow, [
        dict(organisation_id=o.id, member_id=member, position=i)
        for o in organisations for i, member in enumerate(o.members)], conn)


def _insert_contacts(conn: Connection, contacts: tuple[Contact, ...]) -> None:
    _rows(models.ContactRow, [
        dict(id=c.id, position=i, name=c.name, phone=c.phone, email=c.email, status=c.status,
             stand_in_id=None, **_t("role", c.role))
        for i, c in enumerate(contacts)], conn)
    for c in contacts:  # second pass: a stand-in may come later in the file
        if c.stand_in:
            conn.execute(update(models.ContactRow).where(models.ContactRow.id == c.id)
                         .values(stand_in_id=c.stand_in))


def _insert_projects(conn: Connection, projects: tuple[Project, ...]) -> None:
    _rows(models.ProjectRow, [
        dict(id=p.id, position=i, short_name=p.short_name, owner_id=p.owner, region_id=p.region,
             contact_unit_id=p.contact_unit,
             budget_sek=p.funding.budget.amount_sek if p.funding.budget else None,
             **_t("name", p.name), **_t("summary", p.summary), **_t("purpose", p.purpose),
             **_t("period_note", p.period_note), **_t("amount", p.funding.amount),
             **_t("budget_text", p.funding.budget.text if p.funding.budget else None),
             **_t("funding_note", p.funding.note))
        for i, p in enumerate(projects)], conn)
    _rows(models.ActivityRow, [
        dict(project_id=p.id, position=i, **_t("text", a))
        for p in projects for i, a in enumerate(p.activities)], conn)
    _rows(models.PeriodRow, [
        dict(project_id=p.id, position=i, start=x.start, end=x.end, precision=x.precision,
             **_t("label", x.label))
        for p in projects for i, x in enumerate(p.periods)], conn)
    _rows(models.FinancierRow, [
        dict(project_id=p.id, position=i, organisation_id=f.organisation,
             with_organisation_id=f.with_organisation, share=f.share, **_t("label", f.label))
        for p in projects for i, f in enumerate(p.funding.financiers)], conn)
    _rows(models.CoFinancierRow, [
        dict(project_id=p.id, position=i, organisation_id=o)
        for p in projects for i, o in enumerate(p.funding.co_financiers)], conn)
    _rows(models.ProjectContactRow, [
        dict(project_id=p.id, position=i, contact_id=pc.contact, **_t("role", pc.role))
        for p in projects for i, pc in enumerate(p.contacts)], conn)


def _insert_routes(conn: Connection, routes: tuple[Route, ...]) -> None:
    _rows(models.RouteRow, [
        dict(id=r.id, position=i, intent=r.intent, project_id=r.project, contact_id=r.contact,
             **_t("label", r.label), **_t("note", r.note))
        for i, r in enumerate(routes)], conn)
    _rows(models.RouteKeywordRow, [
        dict(route_id=r.id, language=lang, position=i, keyword=word)
        for r in routes for lang in ("sv", "en") for i, word in enumerate(r.keywords(lang))],
        conn)


def revision(engine: Engine) -> int | None:
    """The loaded content's revision, or None when nothing has been loaded yet."""
    try:
        with engine.connect() as conn:
            if not _has_meta(conn):
                return None
            return conn.execute(select(models.Meta.revision)).scalar()
    except SQLAlchemyError as error:
        raise _unavailable(engine, error) from error


def read(engine: Engine) -> tuple[int, Knowledge]:
    """The loaded content and its revision, read in one transaction so they belong together."""
    try:
        with engine.begin() as conn:
            meta = conn.execute(select(models.Meta)).first() if _has_meta(conn) else None
            if meta is None:
                raise DatabaseUnavailable(
                    f"the knowledge database at {describe(engine)} has no content yet: "
                    "run 'assistant kb load'"
                )
            if any(inspect(conn).has_table(name) for name in models.LEGACY_TABLES):
                raise DatabaseUnavailable(
                    f"the knowledge database at {describe(engine)} was loaded by an earlier "
                    "version: run 'assistant kb load'"
                )
            return meta.revision, _read_content(conn, meta)
    except SQLAlchemyError as error:
        raise _unavailable(engine, error) from error


def _has_meta(conn: Connection) -> bool:
    return inspect(conn).has_table(models.Meta.__tablename__)


def _text(row: Any, name: str) -> Text | None:
    sv, en = getattr(row, f"{name}_sv"), getattr(row, f"{name}_en")
    return Text(sv, en) if sv is not None and en is not None else None


def _all(conn: Connection, table: Any) -> list[Any]:
    """Every row of `table`, in the order the content gave them."""
    return list(conn.execute(select(table).order_by(table.position)))


def _grouped(conn: Connection, table: Any, key: str) -> dict[Any, list[Any]]:
    """The rows of `table` by the value of their column `key`, each group in content order."""
    groups: dict[Any, list[Any]] = defaultdict(list)
    for row in _all(conn, table):
        groups[getattr(row, key)].append(row)
    return groups


class _Reader:
    """Reads the rows that several kinds of content share (aliases, links) once."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._aliases: dict[tuple[str, str, bool, str | None], list[str]] = defaultdict(list)
        for a in _all(conn, models.AliasRow):
            self._aliases[(a.owner_kind, a.owner_id, a.case_sensitive, a.language)].append(a.alias)
        self._links = _all(conn, models.LinkRow)

    def aliases(self, kind: str, owner: str, case_sensitive: bool = False,
                language: str | None = None) -> tuple[str, ...]:
        return tuple(self._aliases[(kind, owner, case_sensitive, language)])

    def links(self, column: str, owner: str) -> tuple[Link, ...]:
        return tuple(Link(_text(x, "title"), x.url) for x in self._links if getattr(x, column) == owner)


def _read_content(conn: Connection, meta: Any) -> Knowledge:
    reader = _Reader(conn)
    page = Page(title=_text(meta, "title"), intro=_text(meta, "intro"),
                last_updated=meta.page_last_updated)
    return Knowledge(page, _read_projects(reader), _read_contacts(reader),
                     _read_organisations(reader), _read_routes(conn))


def _read_organisations(reader: _Reader) -> tuple[Organisation, ...]:
    members = _grouped(reader.conn, models.OrganisationMemberRow, "organisation_id")
    return tuple(
        Organisation(
            id=o.id, name=o.name, kind=o.kind, aliases=reader.aliases("organisation", o.id),
            county=o.county_id, members=tuple(x.member_id for x in members[o.id]),
            member_count=o.member_count, members_complete=o.members_complete,
            description=_text(o, "description"), gloss=_text(o, "gloss"),
            links=reader.links("organisation_id", o.id))
        for o in _all(reader.conn, models.OrganisationRow))


def _read_contacts(reader: _Reader) -> tuple[Contact, ...]:
    return tuple(
        Contact(c.id, c.name, reader.aliases("contact", c.id), _text(c, "role"),
                c.phone, c.email, c.status, c.stand_in_id)
        for c in _all(reader.conn, models.ContactRow))


def _read_projects(reader: _Reader) -> tuple[Project, ...]:
    conn = reader.conn
    activities = _grouped(conn, models.ActivityRow, "project_id")
    periods = _grouped(conn, models.PeriodRow, "project_id")
    financiers = _grouped(conn, models.FinancierRow, "project_id")
    co_financiers = _grouped(conn, models.CoFinancierRow, "project_id")
    project_contacts = _grouped(conn, models.ProjectContactRow, "project_id")
    return tuple(
        Project(
            id=p.id, name=_text(p, "name"), short_name=p.short_name,
            aliases=reader.aliases("project", p.id),
            case_sensitive_aliases=reader.aliases("project", p.id, case_sensitive=True),
            described_sv=reader.aliases("project", p.id, language="sv"),
            described_en=reader.aliases("project", p.id, language="en"),
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
            links=reader.links("project_id", p.id))
        for p in _all(conn, models.ProjectRow))


def _read_routes(conn: Connection) -> tuple[Route, ...]:
    keywords = _grouped(conn, models.RouteKeywordRow, "route_id")
    return tuple(
        Route(
            id=r.id, label=_text(r, "label"), project=r.project_id, intent=r.intent,
            keywords_sv=tuple(k.keyword for k in keywords[r.id] if k.language == "sv"),
            keywords_en=tuple(k.keyword for k in keywords[r.id] if k.language == "en"),
            contact=r.contact_id, note=_text(r, "note"))
        for r in _all(conn, models.RouteRow))
