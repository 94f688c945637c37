"""Rasa's stored conversations, where a SQL tracker store is configured (TRACKER_DATABASE_URL):
erasing a contact request deletes its conversation's events, which hold what the visitor typed.

Rasa's SQLTrackerStore keeps one row per event in `events`, keyed by `sender_id` (the
conversation id); see rasa/core/tracker_store.py.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import column, delete, inspect, table
from sqlalchemy.engine import Engine

EVENTS = table("events", column("sender_id"))


def erase_conversations(engine: Engine, conversation_ids: Collection[str]) -> int:
    """Delete every event of these conversations; how many rows. No events table: nothing stored."""
    if not conversation_ids:
        return 0
    with engine.begin() as conn:
        if not inspect(conn).has_table("events"):
            return 0
        return conn.execute(delete(EVENTS).where(EVENTS.c.sender_id.in_(list(conversation_ids)))).rowcount
