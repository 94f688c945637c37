"""The tables of contact requests and their outgoing mail, in the knowledge database.

They have their own MetaData, apart from the knowledge base's content tables
(assistant/kb/models.py): `kb load` drops and rewrites those, and requests must survive it.
Created on first use.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Connectable
from sqlalchemy.types import TypeDecorator

metadata = MetaData()


class UTCDateTime(TypeDecorator):
    """A timezone-aware UTC datetime on PostgreSQL and SQLite alike (SQLite keeps no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: contact request times are UTC")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


# The last number given per year: the reference MK-2026-0042 is year 2026, number 42.
sequences = Table(
    "contact_request_sequences", metadata,
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("last", Integer, nullable=False),
)

requests = Table(
    "contact_requests", metadata,
    Column("id", Integer, primary_key=True),
    Column("reference", String(20), nullable=False, unique=True),
    Column("year", Integer, nullable=False),
    Column("number", Integer, nullable=False),
    Column("created_at", UTCDateTime, nullable=False, index=True),
    Column("status", String(20), nullable=False),  # "new", "done"
    Column("done_at", UTCDateTime),
    Column("route_id", String(64), nullable=False),
    Column("recipient_id", String(64), nullable=False),
    Column("recipient_email", String(320), nullable=False),
    Column("language", String(2), nullable=False),
    Column("name", String(200), nullable=False),
    Column("organisation", String(400)),
    Column("email", String(320), index=True),
    Column("phone", String(20)),
    Column("about", Text, nullable=False),
    Column("consent_version", String(20), nullable=False),
    Column("consented_at", UTCDateTime, nullable=False),
    Column("conversation_id", String(200), nullable=False, index=True),
    UniqueConstraint("year", "number"),
)

outbox = Table(
    "outbox", metadata,
    Column("id", Integer, primary_key=True),
    Column("request_id", Integer, ForeignKey("contact_requests.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("reference", String(20), nullable=False),
    Column("recipient", String(320), nullable=False),
    Column("message", Text, nullable=False),  # the whole mail (RFC 5322), built at submit
    Column("status", String(20), nullable=False, index=True),  # "pending", "sent", "dead"
    Column("attempts", Integer, nullable=False),
    Column("next_attempt_at", UTCDateTime, nullable=False),
    Column("lease_until", UTCDateTime),  # a worker holds the row until then
    Column("leased_by", String(64)),
    Column("last_error", String(200)),  # the error's type and SMTP code only: never its text
    Column("created_at", UTCDateTime, nullable=False),
    Column("sent_at", UTCDateTime),
)


def create(bind: Connectable) -> None:
    metadata.create_all(bind, checkfirst=True)
