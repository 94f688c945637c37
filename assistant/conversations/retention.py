"""Deleting stored conversations: one conversation when its contact request is erased, and every
conversation older than the retention period (RETENTION_DAYS).

Rasa's SQL tracker store keeps one row per event in `events`, keyed by `sender_id` (the
conversation id); see rasa/core/tracker_store.py. A conversation is kept or deleted whole: its
age is that of its latest event, so a visitor who came back last week keeps what they said
half a year ago until the whole conversation has been quiet for the period.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta

from sqlalchemy import column, delete, func, inspect, select, table
from sqlalchemy.engine import Connection, Engine

EVENTS = table("events", column("sender_id"), column("timestamp"))


def _has_events(conn: Connection) -> bool:
    return inspect(conn).has_table("events")


def erase_conversations(engine: Engine, conversation_ids: Collection[str]) -> int:
    """Delete every event of these conversations; how many rows. No events table: nothing stored."""
    if not conversation_ids:
        return 0
    with engine.begin() as conn:
        if not _has_events(conn):
            return 0
        return conn.execute(delete(EVENTS).where(EVENTS.c.sender_id.in_(list(conversation_ids)))).rowcount


def purge_conversations(engine: Engine, older_than_days: int, now: datetime) -> int:
    """Delete the conversations whose latest event is more than `older_than_days` days before
    `now`; how many conversations."""
    cutoff = (now - timedelta(days=older_than_days)).timestamp()
    quiet = (select(EVENTS.c.sender_id).group_by(EVENTS.c.sender_id)
             .having(func.max(EVENTS.c.timestamp) < cutoff))
    with engine.begin() as conn:
        if not _has_events(conn):
            return 0
        found = conn.execute(select(func.count()).select_from(quiet.subquery())).scalar_one()
        if found:
            conn.execute(delete(EVENTS).where(EVENTS.c.sender_id.in_(quiet.scalar_subquery())))
        return found
