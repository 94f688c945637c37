"""Staff: erase (with the conversation's events in a PostgreSQL tracker store shaped by Rasa's
own SQLTrackerStore model), purge by date, and the `assistant requests` commands."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from assistant import cli
from assistant.handoff import outbox
from assistant.handoff.store import ContactRequests, Limits
from assistant.handoff.tables import outbox as outbox_table
from assistant.handoff.tables import requests
from assistant.handoff.worker import FileTransport, Worker
from tests.conftest import _postgres_engine
from tests.handoff.conftest import RECIPIENT, Clock, make_draft

EVENTS = SQLTrackerStore.SQLEvent.__table__  # the table Rasa writes conversations to


@pytest.fixture
def tracker(postgres_admin: Engine) -> Iterator[Engine]:
    for engine in _postgres_engine(postgres_admin):
        EVENTS.create(engine)
        yield engine


def _conversation(engine: Engine, sender: str, turns: int = 3) -> None:
    with engine.begin() as conn:
        conn.execute(EVENTS.insert(), [dict(sender_id=sender, type_name="user", timestamp=float(n),
                                            data=json.dumps({"text": f"mitt namn är Anna {n}"}))
                                       for n in range(turns)])


def _senders(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return sorted({r.sender_id for r in conn.execute(select(EVENTS.c.sender_id))})


def _count(engine: Engine, table: object) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_erase_removes_request_mail_and_conversation_events(engine: Engine, tracker: Engine,
                                                            clock: Clock) -> None:
    store = ContactRequests(engine, clock=clock, tracker=tracker)
    for sender in ("conv-1", "conv-2", "conv-3"):
        _conversation(tracker, sender)
    kept = store.submit(make_draft(conversation_id="conv-1"), RECIPIENT)
    erased = store.submit(make_draft(conversation_id="conv-2", email="Bo@Example.com"), RECIPIENT)
    also = store.submit(make_draft(conversation_id="conv-3", email="bo@example.com", about="igen"), RECIPIENT)
    assert store.erase_reference(erased.lower()) == [(erased, "conv-2")]
    assert _senders(tracker) == ["conv-1", "conv-3"]
    assert store.erase_email("BO@example.com") == [(also, "conv-3")]
    assert _senders(tracker) == ["conv-1"]
    assert [r["reference"] for r in store.find()] == [kept]
    assert _count(engine, outbox_table) == 1


def test_purge_erases_what_is_older_than_the_retention(engine: Engine, tracker: Engine, clock: Clock) -> None:
    store = ContactRequests(engine, clock=clock, tracker=tracker)
    _conversation(tracker, "old")
    _conversation(tracker, "new")
    old = store.submit(make_draft(conversation_id="old"), RECIPIENT)
    clock.advance(days=100)
    new = store.submit(make_draft(conversation_id="new"), RECIPIENT)
    clock.advance(days=80)  # old: 180 days, new: 80 days
    assert store.purge(180) == []
    clock.advance(seconds=1)
    assert store.purge(180) == [(old, "old")]
    assert [r["reference"] for r in store.find()] == [new]
    assert _senders(tracker) == ["new"] and _count(engine, outbox_table) == 1


def test_the_worker_purges_once_a_day(store: ContactRequests, clock: Clock, tmp_path: Path) -> None:
    worker = Worker(store.engine, FileTransport(tmp_path), clock=clock, retention_days=180, requests=store)
    store.submit(make_draft(), RECIPIENT)
    clock.advance(days=179, hours=12)
    store.submit(make_draft(conversation_id="new"), RECIPIENT)
    worker.run_once()  # purges: nothing is 180 days old yet
    clock.advance(hours=13)  # the first is, but the last purge was not a day ago …
    worker.run_once()
    assert len(store.find()) == 2
    clock.advance(hours=11)  # … now it is
    worker.run_once()
    assert [r["conversation_id"] for r in store.find()] == ["new"]


def test_erase_without_tracker_store_leaves_no_request(store: ContactRequests, engine: Engine) -> None:
    reference = store.submit(make_draft(), RECIPIENT)
    store.erase_reference(reference)
    assert _count(engine, requests) == 0 and _count(engine, outbox_table) == 0


# The command line, on a SQLite file.

@pytest.fixture
def database(tmp_path: Path, clock: Clock) -> str:
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    store = ContactRequests(cli.store.make_engine(url), clock=clock, limits=Limits(3, 100))
    store.submit(make_draft(), RECIPIENT)
    store.submit(make_draft(conversation_id="c2", name="Bo Berg", email=None, organisation=None), RECIPIENT)
    return url


def _run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_list_in_three_formats(database: str, capsys: pytest.CaptureFixture) -> None:
    code, out, _ = _run(capsys, "requests", "list", "--database", database)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["reference", "created_at", "status", "mail"]
    assert "MK-2026-0002" in lines[2] and "Bo Berg" in lines[2] and "pending" in lines[2]
    _, out, _ = _run(capsys, "requests", "list", "--format", "json", "--database", database)
    rows = json.loads(out)
    assert [r["name"] for r in rows] == ["Anna Andersson", "Bo Berg"]
    assert rows[0]["about"].startswith("Vi vill ha råd") and rows[0]["created_at"] == "2026-11-27T19:30:00+01:00"
    _, out, _ = _run(capsys, "requests", "list", "--format", "csv", "--database", database)
    assert [r["reference"] for r in csv.DictReader(io.StringIO(out))] == ["MK-2026-0001", "MK-2026-0002"]


def test_cli_show_done_and_status_filter(database: str, capsys: pytest.CaptureFixture) -> None:
    code, out, _ = _run(capsys, "requests", "show", "mk-2026-0001", "--database", database)
    assert code == 0 and "anna@example.com" in out and "Vi vill ha råd om SHiMR" in out
    assert _run(capsys, "requests", "done", "MK-2026-0001", "--database", database)[0] == 0
    _, out, _ = _run(capsys, "requests", "list", "--status", "done", "--format", "json", "--database", database)
    assert [r["reference"] for r in json.loads(out)] == ["MK-2026-0001"]
    code, _, err = _run(capsys, "requests", "show", "MK-2026-0999", "--database", database)
    assert code == 1 and "no request MK-2026-0999" in err


def test_cli_erase_purge_and_outbox(database: str, capsys: pytest.CaptureFixture, clock: Clock,
                                    monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TRACKER_DATABASE_URL", f"sqlite:///{tmp_path / 'conversations.db'}")
    code, out, _ = _run(capsys, "requests", "outbox", "--database", database)
    assert code == 0 and out.count("pending") == 2
    engine = cli.store.make_engine(database)
    claimed = outbox.claim(engine, "a worker sending it now", clock())
    assert claimed is not None
    code, _, err = _run(capsys, "requests", "outbox", "--database", database, "retry", claimed.reference)
    assert code == 1 and "being sent" in err
    code, out, _ = _run(capsys, "requests", "erase", "--email", "ANNA@example.com", "--database", database)
    assert code == 0 and "erased 1 request(s) and their conversations' events: MK-2026-0001" in out
    assert _run(capsys, "requests", "erase", "--database", database)[0] == 2
    # The command runs on the real clock: a request from the test's day is younger than 100 years.
    code, out, _ = _run(capsys, "requests", "purge", "--older-than", "36500", "--database", database)
    assert code == 0 and "erased 0 request(s) and their conversations' events: -" in out
    _, out, _ = _run(capsys, "requests", "list", "--format", "json", "--database", database)
    assert [r["reference"] for r in json.loads(out)] == ["MK-2026-0002"]
