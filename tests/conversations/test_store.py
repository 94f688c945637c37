"""The conversation store (Rasa's SQL tracker store on TRACKER_DATABASE_URL) on real SQLite and
PostgreSQL servers: a conversation read back after a new store (a restart), the indexes, a
PostgreSQL restart survived, a database that stays down named without what the visitor wrote,
and the retention purge."""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from assistant.config import ROOT
from assistant.conversations import store as conversation_store
from assistant.conversations.retention import erase_conversations, purge_conversations
from assistant.conversations.store import ConversationStore, ConversationStoreUnavailable
from tests.conftest import POSTGRES_URL
from tests.conversations.servers import PrivatePostgres

DOMAIN = Domain.load(str(ROOT / "domain.yml"))
SECRET = "anna.andersson@example.com 070-123 45 67"  # what must never reach an error message


def _tracker(sender: str, text: str, at: float) -> DialogueStateTracker:
    tracker = DialogueStateTracker(sender, DOMAIN.slots)
    for event in (ActionExecuted("action_session_start", timestamp=at), SessionStarted(timestamp=at),
                  ActionExecuted("action_listen", timestamp=at),
                  UserUttered(text, {"name": "ask_project", "confidence": 0.9}, timestamp=at + 1),
                  SlotSet("project", "shimr", timestamp=at + 2)):
        tracker.update(event)
    return tracker


def _events(url: str) -> list[tuple[str, str]]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(sa.text("select sender_id, type_name from events"))]
    finally:
        engine.dispose()


@pytest.fixture
def postgres_database() -> Iterator[str]:
    """A database of its own on the shared PostgreSQL server, dropped afterwards."""
    name = f"conversations_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'create database "{name}"'))
    try:
        yield POSTGRES_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'drop database "{name}" with (force)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def tracker_url(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = (f"sqlite:///{tmp_path / 'var' / 'conversations.db'}" if request.param == "sqlite"
           else request.getfixturevalue("postgres_database"))
    monkeypatch.setenv("TRACKER_DATABASE_URL", url)
    return url


def test_a_conversation_is_read_back_by_a_new_store(tracker_url: str) -> None:
    asyncio.run(ConversationStore(DOMAIN).save(_tracker("visitor-1", "Vem finansierar SHiMR?", time.time())))
    again = asyncio.run(ConversationStore(DOMAIN).retrieve("visitor-1"))  # as after a restart
    assert again is not None and again.get_slot("project") == "shimr"
    assert again.latest_message.text == "Vem finansierar SHiMR?"
    assert asyncio.run(ConversationStore(DOMAIN).retrieve("nobody")) is None


def test_a_conversation_read_and_saved_again_stores_each_event_once(tracker_url: str) -> None:
    store = ConversationStore(DOMAIN)
    asyncio.run(store.save(_tracker("visitor-5", "Vem finansierar SHiMR?", time.time())))
    tracker = asyncio.run(store.retrieve("visitor-5"))
    tracker.update(UserUttered("och när slutar det?", timestamp=time.time()))
    asyncio.run(store.save(tracker))
    tracker.update(ActionExecuted("action_listen", timestamp=time.time()))
    asyncio.run(store.save(tracker))  # saved twice in one message: only the new event again
    full = asyncio.run(store.retrieve_full_tracker("visitor-5"))
    full.update(UserUttered("tack", timestamp=time.time()))
    asyncio.run(store.save(full))  # a tracker of all sessions: Rasa's own count decides
    assert len(_events(tracker_url)) == 5 + 2 + 1
    assert [e.text for e in asyncio.run(ConversationStore(DOMAIN).retrieve("visitor-5")).events
            if isinstance(e, UserUttered)] == ["Vem finansierar SHiMR?", "och när slutar det?", "tack"]


def test_the_store_makes_the_indexes_its_queries_use(tracker_url: str) -> None:
    ConversationStore(DOMAIN)
    ConversationStore(DOMAIN)  # a second replica starting finds them made
    engine = sa.create_engine(tracker_url)
    indexes = {i["name"]: i["column_names"] for i in sa.inspect(engine).get_indexes("events")}
    engine.dispose()
    assert indexes["ix_events_session_lookup"] == ["sender_id", "type_name", "timestamp"]
    assert indexes["ix_events_timestamp"] == ["timestamp"]


def test_sqlite_is_kept_in_wal_mode_so_readers_do_not_block_rasa(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_DATABASE_URL", f"sqlite:///{tmp_path / 'conversations.db'}")
    store = ConversationStore(DOMAIN)
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("pragma journal_mode")).scalar() == "wal"


def test_purge_deletes_whole_conversations_quiet_for_the_period(tracker_url: str) -> None:
    now = datetime(2026, 11, 27, 12, tzinfo=timezone.utc)
    store = ConversationStore(DOMAIN)
    old, recent = (now - timedelta(days=200)).timestamp(), (now - timedelta(days=10)).timestamp()
    asyncio.run(store.save(_tracker("old", "hej", old)))
    asyncio.run(store.save(_tracker("recent", "hej", recent)))
    came_back = _tracker("came-back", "hej", old)
    came_back.update(UserUttered("igen", timestamp=recent))
    asyncio.run(store.save(came_back))
    engine = sa.create_engine(tracker_url)
    assert purge_conversations(engine, 180, now) == 1
    assert {s for s, _ in _events(tracker_url)} == {"recent", "came-back"}
    assert purge_conversations(engine, 180, now) == 0
    assert erase_conversations(engine, {"came-back"}) == 6
    engine.dispose()
    assert {s for s, _ in _events(tracker_url)} == {"recent"}


@pytest.fixture
def private_postgres(monkeypatch: pytest.MonkeyPatch) -> Iterator[PrivatePostgres]:
    server = PrivatePostgres().up()
    monkeypatch.setenv("TRACKER_DATABASE_URL", server.url)
    yield server
    server.down()


def test_a_postgresql_restart_costs_no_message(private_postgres: PrivatePostgres) -> None:
    store = ConversationStore(DOMAIN)
    asyncio.run(store.save(_tracker("visitor-2", "hej", time.time())))
    private_postgres.restart()  # every pooled connection is now dead
    assert asyncio.run(store.retrieve("visitor-2")) is not None


def test_a_message_waits_while_postgresql_restarts(private_postgres: PrivatePostgres) -> None:
    store = ConversationStore(DOMAIN)
    asyncio.run(store.save(_tracker("visitor-3", "hej", time.time())))
    private_postgres.stop()
    threading.Timer(2.0, private_postgres.start).start()
    started = time.monotonic()
    assert asyncio.run(store.retrieve("visitor-3")) is not None
    assert 1.5 < time.monotonic() - started < conversation_store.RETRY_SECONDS


def test_a_database_that_stays_down_is_named_without_the_conversation(
        private_postgres: PrivatePostgres, monkeypatch: pytest.MonkeyPatch) -> None:
    store = ConversationStore(DOMAIN)
    monkeypatch.setattr(conversation_store, "RETRY_SECONDS", 1.0)
    private_postgres.stop()
    with pytest.raises(ConversationStoreUnavailable) as raised:
        asyncio.run(store.save(_tracker("visitor-4", SECRET, time.time())))
    assert "did not answer" in str(raised.value)
    assert "anna" not in str(raised.value) and "070" not in str(raised.value)
    assert raised.value.__cause__ is None and raised.value.__suppress_context__

