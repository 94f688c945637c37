"""The conversation database's engine (TRACKER_DATABASE_URL), for Rasa's tracker store and for
the commands that read or purge it, and what to say when it does not answer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError


def make_engine(url: str) -> Engine:
    """The engine for the conversation database: pooled connections checked before use, and
    for SQLite a WAL journal and a busy timeout (readers never block Rasa's writes)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        # Rasa's settings for its tracker store's engine (POSTGRESQL_SCHEMA, pool sizes); imported
        # here, since Rasa takes a while to import and only PostgreSQL needs it.
        from rasa.core.tracker_store import create_engine_kwargs

        return sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
    if parsed.database:
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, pool_pre_ping=True, connect_args={"timeout": 30})

    @sa.event.listens_for(engine, "connect")
    def _wal(connection: Any, _: Any) -> None:
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        # In WAL mode NORMAL never corrupts the file; a power cut (not a crash of Rasa) may lose
        # the last moments of conversations. FULL syncs the disk on every message (10 % of a reply).
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    return engine


def unreachable(url: str, error: SQLAlchemyError) -> str:
    """One line for staff: which database (no password) and the driver's first line."""
    text = str(getattr(error, "orig", None) or error).strip()
    reason = text.splitlines()[0] if text else type(error).__name__
    shown = make_url(url).render_as_string(hide_password=True)
    return f"cannot reach the conversation database (TRACKER_DATABASE_URL) {shown}: {reason}"
