"""Submitting a request: the request and its mail in one transaction, references, duplicates,
limits; on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from email import message_from_string
from email.policy import default

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from assistant.handoff.store import ContactRequests, Limits, RateLimited
from assistant.handoff.tables import outbox, requests
from tests.handoff.conftest import RECIPIENT, Clock, make_draft


def _count(engine: Engine, table: object) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_submit_stores_request_and_mail_together(store: ContactRequests, engine: Engine) -> None:
    reference = store.submit(make_draft(), RECIPIENT)
    assert reference == "MK-2026-0001"
    stored = store.get(reference)
    assert (stored["name"], stored["phone"], stored["recipient_email"], stored["status"], stored["mail"]) == (
        "Anna Andersson", "+46701234567", RECIPIENT, "new", "pending")
    with engine.connect() as conn:
        row = conn.execute(select(outbox)).one()
    mail = message_from_string(row.message, policy=default)
    assert mail["To"] == RECIPIENT and reference in mail["Subject"]
    assert mail["Reply-To"] == "anna@example.com"
    assert "Vi vill ha råd om SHiMR" in mail.get_content()


def test_references_count_per_year(store: ContactRequests, clock: Clock) -> None:
    assert store.submit(make_draft(conversation_id="a"), RECIPIENT) == "MK-2026-0001"
    assert store.submit(make_draft(conversation_id="b"), RECIPIENT) == "MK-2026-0002"
    clock.advance(days=40)  # 2027 in Sweden
    assert store.submit(make_draft(conversation_id="c"), RECIPIENT) == "MK-2027-0001"


def test_same_request_twice_in_a_row_is_stored_once(store: ContactRequests, engine: Engine) -> None:
    first = store.submit(make_draft(), RECIPIENT)
    assert store.submit(make_draft(), RECIPIENT) == first
    assert _count(engine, requests) == 1 and _count(engine, outbox) == 1
    assert store.submit(make_draft(about="Något annat."), RECIPIENT) == "MK-2026-0002"


def test_three_per_conversation_per_hour(store: ContactRequests, clock: Clock, engine: Engine) -> None:
    for n in range(3):
        store.submit(make_draft(about=f"fråga {n}"), RECIPIENT)
    with pytest.raises(RateLimited) as caught:
        store.submit(make_draft(about="fråga 4"), RECIPIENT)
    assert caught.value.scope == "conversation"
    assert _count(engine, requests) == 3 and _count(engine, outbox) == 3
    store.submit(make_draft(about="en annan konversation", conversation_id="other"), RECIPIENT)
    clock.advance(hours=1, seconds=1)
    assert store.submit(make_draft(about="fråga 4"), RECIPIENT) == "MK-2026-0005"


def test_global_limit_per_hour(store: ContactRequests, clock: Clock) -> None:
    for n in range(10):
        store.submit(make_draft(conversation_id=f"c{n}"), RECIPIENT)
    with pytest.raises(RateLimited) as caught:
        store.submit(make_draft(conversation_id="c10"), RECIPIENT)
    assert caught.value.scope == "everyone"
    clock.advance(minutes=61)
    store.submit(make_draft(conversation_id="c10"), RECIPIENT)


def test_concurrent_submits_get_different_numbers(engine: Engine, clock: Clock) -> None:
    stores = [ContactRequests(engine, clock=clock, limits=Limits(3, 1000)) for _ in range(2)]
    barrier, references, errors = threading.Barrier(8), [], []

    def submit(n: int) -> None:
        barrier.wait()
        try:
            references.append(stores[n % 2].submit(make_draft(conversation_id=f"t{n}"), RECIPIENT))
        except Exception as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(references) == [f"MK-2026-{n:04d}" for n in range(1, 9)]
