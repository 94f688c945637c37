"""Rasa's SQL tracker store on TRACKER_DATABASE_URL, made to survive what production does to it.

endpoints.yml names this class, so every Rasa server keeps its conversations in one SQL
database (an embedded SQLite file by default, PostgreSQL in production) and a visitor who
writes again after a restart, or reaches another replica, continues where they were.

What it adds to Rasa's `SQLTrackerStore`, and why:
- one setting, the URL (the same form as DATABASE_URL), instead of dialect/host/db keys;
- `pool_pre_ping`: Rasa's engine hands out pooled connections that died when PostgreSQL
  restarted, so the first message after a restart would fail;
- a short retry while the database does not answer (a restart takes a few seconds): Rasa
  wraps the store in `FailSafeTrackerStore`, which on any error starts the visitor on an
  empty conversation in memory and logs the error's text (with SQLAlchemy, the statement's
  parameters: what the visitor wrote). Past the retry the error is replaced by one that names
  no data;
- the indexes the tracker's queries need: per message Rasa looks up the conversation's latest
  `session_started` event and then its events since, by (sender_id, type_name, timestamp);
  retention and reports scan by timestamp. Rasa creates neither (RasaHQ/rasa#3645 left
  them to the operator);
- SQLite in WAL mode with a busy timeout, so `assistant conversations purge` or a report can
  read while Rasa writes;
- no count query per message to find which events are new: the tracker it read says how many
  of its events are stored.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import Any, TypeVar

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from assistant import config
from assistant.conversations.database import make_engine

log = logging.getLogger(__name__)
T = TypeVar("T")

RETRY_SECONDS = 15.0  # a PostgreSQL restart takes 1–5 s; a visitor waits this long at most
STORED = "_events_in_store"  # set on a tracker: how many of its events the database holds
INDEXES = {
    "ix_events_session_lookup": "events (sender_id, type_name, timestamp)",
    "ix_events_timestamp": "events (timestamp)",
}


class ConversationStoreUnavailable(ConnectionError):
    """The conversation database did not answer within RETRY_SECONDS (names no data)."""


def create_indexes(engine: Engine) -> None:
    """The indexes the tracker's queries use; several replicas may start at once."""
    for name, columns in INDEXES.items():
        try:
            with engine.begin() as conn:
                conn.execute(sa.text(f"CREATE INDEX IF NOT EXISTS {name} ON {columns}"))
        except DBAPIError:
            # Another replica created it between our check and our CREATE (PostgreSQL can say
            # so with a unique violation even with IF NOT EXISTS); anything else is an error.
            indexes = {i["name"] for i in sa.inspect(engine).get_indexes("events")}
            if name not in indexes:
                raise


class ConversationStore(SQLTrackerStore):
    """Rasa's SQL tracker store on TRACKER_DATABASE_URL (see the module's docstring)."""

    def __init__(self, domain: Domain | None = None, event_broker: EventBroker | None = None,
                 **_endpoint: Any) -> None:
        url = config.tracker_database_url()
        engine = make_engine(url)  # also makes var/ for the SQLite file
        # Rasa's constructor creates the tables (and waits while the database starts).
        super().__init__(domain=domain, host=url, event_broker=event_broker)
        self.engine.dispose()
        self.engine = engine
        self.sessionmaker = sa.orm.sessionmaker(bind=engine)
        create_indexes(engine)
        log.info("conversations are kept in %s", engine.url.render_as_string(hide_password=True))

    async def _retrying(self, operation: Callable[..., Awaitable[T]], *args: Any) -> T:
        deadline = time.monotonic() + RETRY_SECONDS
        pause = 0.25
        while True:
            try:
                return await operation(*args)
            except (OperationalError, InterfaceError) as error:
                if time.monotonic() + pause > deadline:
                    raise ConversationStoreUnavailable(
                        f"the conversation database did not answer for {RETRY_SECONDS:.0f} s "
                        f"({type(error.orig).__name__})") from None
                log.warning("conversation database not answering (%s): trying again in %.2f s",
                            type(error.orig).__name__, pause)
                await asyncio.sleep(pause)
                pause = min(2 * pause, 2.0)

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        return await self._retrying(super().retrieve, sender_id)

    async def _retrieve(self, sender_id: str, fetch_events_from_all_sessions: bool
                        ) -> DialogueStateTracker | None:
        tracker = await super()._retrieve(sender_id, fetch_events_from_all_sessions)
        if tracker is not None and not fetch_events_from_all_sessions:
            setattr(tracker, STORED, len(tracker.events))
        return tracker

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator[Event]:
        """The tracker's events not yet stored. Rasa counts them with a query per message (a
        tenth of the Rasa server's time); a tracker this store read or saved knows the count."""
        stored = getattr(tracker, STORED, None)
        if stored is None:
            return super()._additional_events(session, tracker)
        return itertools.islice(tracker.events, stored, len(tracker.events))

    async def retrieve_full_tracker(self, conversation_id: str) -> DialogueStateTracker | None:
        return await self._retrying(super().retrieve_full_tracker, conversation_id)

    async def save(self, tracker: DialogueStateTracker) -> None:
        await self._retrying(super().save, tracker)
        setattr(tracker, STORED, len(tracker.events))

    async def keys(self) -> list[str]:
        return list(await self._retrying(super().keys))
