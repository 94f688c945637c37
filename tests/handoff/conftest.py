"""Contact request fixtures: a draft, a clock the test moves, the store on SQLite and PostgreSQL
(the `engine` fixture of tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy.engine import Engine

from assistant.handoff.model import CONSENT_VERSION, Draft
from assistant.handoff.outbox import RetrySchedule
from assistant.handoff.store import ContactRequests, Limits
from assistant.handoff.worker import SMTPTransport, Worker
from tests.handoff.smtp import SMTPServer

START = datetime(2026, 11, 27, 18, 30, tzinfo=timezone.utc)
RECIPIENT = "aleksandra.example@mala.invalid"


class Clock:
    """Time that moves only when the test says so."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def make_draft(**changes: object) -> Draft:
    draft = Draft(route_id="business_advice", recipient_id="aleksandra", language="sv",
                  name="Anna Andersson", organisation="Anna Bygg AB", email="anna@example.com",
                  phone="+46701234567", about="Vi vill ha råd om SHiMR för vårt företag.",
                  consent_version=CONSENT_VERSION, consented_at=START, conversation_id="conv-1")
    return replace(draft, **changes)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(engine: Engine, clock: Clock) -> ContactRequests:
    return ContactRequests(engine, clock=clock, limits=Limits(per_conversation_per_hour=3, per_hour=10),
                           sender="assistant@mala.invalid")


# Tries a minute, two, four … apart; dead after the fourth.
SCHEDULE = RetrySchedule(first=timedelta(minutes=1), longest=timedelta(minutes=30), max_attempts=4)


@pytest.fixture
def smtp() -> Iterator[SMTPServer]:
    """A local SMTP server, down until the test calls `smtp.up()`."""
    server = SMTPServer()
    yield server
    server.down()


def make_worker(store: ContactRequests, smtp: SMTPServer) -> Worker:
    return Worker(store.engine, SMTPTransport("127.0.0.1", smtp.port, timeout=5), clock=store.clock,
                  schedule=SCHEDULE, retention_days=180, requests=store)
