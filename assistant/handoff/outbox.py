"""The outbox: mails waiting to be sent, each held by one worker at a time.

A worker claims a row in a transaction (a lease: `leased_by` and `lease_until`, and the try
counted), sends it, then marks it sent or failed, again only if it still holds the lease.
A row whose lease ran out (its worker died) can be claimed again.

The one window where a mail can go out twice: the SMTP server has accepted it (its reply
to DATA) but the worker dies, or cannot reach the database, before `sent` commits. SMTP
offers no way to ask whether a message arrived, so the row is sent again when its lease
runs out (LEASE later): a duplicate with the same Message-ID rather than a lost request.
A worker that is stopped (SIGTERM, Ctrl-C) finishes and records the mail in hand first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.engine import Engine

from assistant.handoff.tables import outbox

LEASE = timedelta(minutes=5)  # longer than a send can take (SMTP timeout 60 s)


@dataclass(frozen=True)
class Claimed:
    id: int
    reference: str
    message: str
    attempts: int  # this one included


@dataclass(frozen=True)
class RetrySchedule:
    """How long to wait after the n-th failed try: first, doubling each time, at most `longest`."""

    first: timedelta = timedelta(minutes=1)
    longest: timedelta = timedelta(hours=1)
    max_attempts: int = 12

    def delay(self, attempts: int) -> timedelta:
        return min(self.first * 2 ** (attempts - 1), self.longest)


def _free(now: datetime) -> Any:
    return (outbox.c.status == "pending", outbox.c.next_attempt_at <= now,
            or_(outbox.c.lease_until.is_(None), outbox.c.lease_until <= now))


def claim(engine: Engine, worker: str, now: datetime) -> Claimed | None:
    """Take the oldest due, unleased mail for `worker`, in one transaction; None if there is none."""
    with engine.begin() as conn:
        query = select(outbox.c.id).where(*_free(now)).order_by(outbox.c.id).limit(1)
        if conn.dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        found = conn.execute(query).scalar()
        if found is None:
            return None
        # Compare-and-set: on SQLite (no row locks) another worker may have taken it meanwhile.
        taken = conn.execute(update(outbox).where(outbox.c.id == found, *_free(now)).values(
            leased_by=worker, lease_until=now + LEASE, attempts=outbox.c.attempts + 1)).rowcount
        if not taken:
            return None
        row = conn.execute(select(outbox.c.id, outbox.c.reference, outbox.c.message, outbox.c.attempts)
                           .where(outbox.c.id == found)).one()
        return Claimed(row.id, row.reference, row.message, row.attempts)


def _release(engine: Engine, claimed: Claimed, worker: str, **values: Any) -> bool:
    with engine.begin() as conn:
        return bool(conn.execute(update(outbox).where(outbox.c.id == claimed.id, outbox.c.leased_by == worker)
                                 .values(leased_by=None, lease_until=None, **values)).rowcount)


def sent(engine: Engine, claimed: Claimed, worker: str, now: datetime) -> bool:
    """Record the mail as sent; False if this worker no longer held it (its lease ran out)."""
    return _release(engine, claimed, worker, status="sent", sent_at=now, last_error=None)


def failed(engine: Engine, claimed: Claimed, worker: str, now: datetime, error: str,
           schedule: RetrySchedule) -> str:
    """Put the mail back for a later try, or mark it dead after the last; return its status."""
    status = "dead" if claimed.attempts >= schedule.max_attempts else "pending"
    _release(engine, claimed, worker, status=status, last_error=error[:200],
             next_attempt_at=now + schedule.delay(claimed.attempts))
    return status


def waiting(engine: Engine) -> list[dict[str, Any]]:
    """The mails not sent: pending and dead, oldest first."""
    query = (select(outbox.c.reference, outbox.c.recipient, outbox.c.status, outbox.c.attempts,
                    outbox.c.next_attempt_at, outbox.c.last_error, outbox.c.created_at)
             .where(outbox.c.status != "sent").order_by(outbox.c.id))
    with engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


def retry(engine: Engine, reference: str, now: datetime) -> int:
    """Send a request's unsent mail again now, with a fresh count of tries; how many rows."""
    with engine.begin() as conn:
        return conn.execute(update(outbox).where(outbox.c.reference == reference.upper(),
                                                 outbox.c.status != "sent",
                                                 or_(outbox.c.lease_until.is_(None),
                                                     outbox.c.lease_until <= now))
                            .values(status="pending", attempts=0, next_attempt_at=now,
                                    leased_by=None, lease_until=None)).rowcount

