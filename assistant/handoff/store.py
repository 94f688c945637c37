"""Contact requests in the knowledge database: a visitor's submit, and what staff do with them.

`submit` writes the request and its outgoing mail in one transaction (an outbox): a request
is stored with its mail or not at all, and the worker (assistant/handoff/worker.py) sends
what the outbox holds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

from assistant import config
from assistant.conversations.retention import erase_conversations
from assistant.handoff import mail, tables
from assistant.handoff.mail import LOCAL_TIME
from assistant.handoff.model import Draft, utc_now
from assistant.handoff.tables import outbox, requests, sequences

Clock = Callable[[], datetime]
# The columns that make two requests "the same request" when sent twice in a row.
_SAME = ("route_id", "recipient_id", "recipient_email", "language", "name", "organisation", "email",
         "phone", "about")


class RateLimited(Exception):
    """Too many requests in the last hour; `scope` says whose: "conversation" or "everyone"."""

    def __init__(self, scope: str) -> None:
        super().__init__(scope)
        self.scope = scope


class UnknownReference(LookupError):
    """No stored request has this reference."""


@dataclass(frozen=True)
class Limits:
    per_conversation_per_hour: int
    per_hour: int

    @classmethod
    def from_env(cls) -> Limits:
        return cls(config.requests_per_conversation_per_hour(), config.requests_per_hour())


def reference_of(year: int, number: int) -> str:
    return f"MK-{year}-{number:04d}"


class ContactRequests:
    def __init__(self, engine: Engine, clock: Clock = utc_now, limits: Limits | None = None,
                 sender: str | None = None, tracker: Engine | None = None) -> None:
        """`tracker`: the database of Rasa's SQL tracker store, if there is one; erasing a
        request deletes its conversation's events there too."""
        self.engine = engine
        self.tracker = tracker
        self.clock = clock
        self.limits = limits or Limits.from_env()
        self.sender = sender or config.mail_from()
        tables.create(engine)

    def submit(self, draft: Draft, recipient_email: str) -> str:
        """Store the request and its mail to `recipient_email`; return its reference
        ("MK-2026-0042"). The same request twice in a row from one conversation is stored once
        (the first reference again). RateLimited past the limits: nothing is stored."""
        now = self.clock()
        year = now.astimezone(LOCAL_TIME).year
        with self.engine.connect() as conn, conn.begin() as transaction:
            # Taking the year's number first locks its row (PostgreSQL) or the database (SQLite)
            # until commit: concurrent submits run one after another, so the numbers, the
            # duplicate check and the limits see each other.
            number = _next_number(conn, year)
            fields = {**_fields(draft), "recipient_email": recipient_email}
            previous = conn.execute(
                select(requests).where(requests.c.conversation_id == draft.conversation_id)
                .order_by(requests.c.id.desc()).limit(1)).first()
            if previous is not None and all(previous._mapping[k] == fields[k] for k in _SAME):
                transaction.rollback()
                return previous.reference
            self._check_limits(conn, draft.conversation_id, now)
            reference = reference_of(year, number)
            request_id = conn.execute(requests.insert().values(
                reference=reference, year=year, number=number, created_at=now, status="new",
                **fields)).inserted_primary_key[0]
            message = mail.build(draft, reference, recipient_email, self.sender, now)
            conn.execute(outbox.insert().values(
                request_id=request_id, reference=reference, recipient=recipient_email,
                message=message.as_string(), status="pending", attempts=0, next_attempt_at=now,
                created_at=now))
            return reference

    def _check_limits(self, conn: Connection, conversation_id: str, now: datetime) -> None:
        recent = requests.c.created_at > now - timedelta(hours=1)
        count = lambda *where: conn.execute(  # noqa: E731
            select(func.count()).select_from(requests).where(*where)).scalar_one()
        if count(recent, requests.c.conversation_id == conversation_id) >= \
                self.limits.per_conversation_per_hour:
            raise RateLimited("conversation")
        if count(recent) >= self.limits.per_hour:
            raise RateLimited("everyone")

    # Staff (assistant/cli.py: `assistant requests …`).

    def find(self, status: str | None = None) -> list[dict[str, Any]]:
        """The requests (all, or those with `status`), oldest first, each with its mail's state
        (`mail`: "pending", "sent", "dead"), `attempts` and `sent_at`."""
        return self._with_mail(requests.c.status == status if status else None)

    def get(self, reference: str) -> dict[str, Any]:
        found = self._with_mail(requests.c.reference == reference.upper())
        if not found:
            raise UnknownReference(reference)
        return found[0]

    def _with_mail(self, where: Any) -> list[dict[str, Any]]:
        query = (select(requests, outbox.c.status.label("mail"), outbox.c.attempts, outbox.c.sent_at)
                 .outerjoin(outbox, outbox.c.request_id == requests.c.id).order_by(requests.c.id))
        if where is not None:
            query = query.where(where)
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def per_recipient(self, start: datetime, end: datetime) -> list[tuple[str, str, str | None, int]]:
        """How many requests were made from `start` until `end`, per recipient, request status
        ("new", "done") and mail state ("pending", "sent", "dead"): the staff report's numbers."""
        query = (select(requests.c.recipient_id, requests.c.status, outbox.c.status, func.count())
                 .select_from(requests.outerjoin(outbox, outbox.c.request_id == requests.c.id))
                 .where(requests.c.created_at >= start, requests.c.created_at < end)
                 .group_by(requests.c.recipient_id, requests.c.status, outbox.c.status))
        with self.engine.connect() as conn:
            return [(r[0], r[1], r[2], r[3]) for r in conn.execute(query)]

    def done(self, reference: str) -> None:
        with self.engine.begin() as conn:
            changed = conn.execute(update(requests).where(requests.c.reference == reference.upper())
                                   .values(status="done", done_at=self.clock())).rowcount
        if not changed:
            raise UnknownReference(reference)

    def erase(self, where: Any) -> list[tuple[str, str]]:
        """Delete the requests `where` selects, their outbox rows and (with a tracker store)
        their conversations' events; return their (reference, conversation id). The events
        go first: if that fails, the requests are still there to erase again."""
        with self.engine.connect() as conn:
            found = [(r.id, r.reference, r.conversation_id)
                     for r in conn.execute(select(requests.c.id, requests.c.reference,
                                                  requests.c.conversation_id).where(where))]
        if self.tracker is not None:
            erase_conversations(self.tracker, {c for _, _, c in found})
        with self.engine.begin() as conn:
            ids = [i for i, _, _ in found]
            for chunk in _chunks(ids):
                conn.execute(delete(outbox).where(outbox.c.request_id.in_(chunk)))
                conn.execute(delete(requests).where(requests.c.id.in_(chunk)))
        return [(reference, conversation) for _, reference, conversation in found]

    def erase_reference(self, reference: str) -> list[tuple[str, str]]:
        erased = self.erase(requests.c.reference == reference.upper())
        if not erased:
            raise UnknownReference(reference)
        return erased

    def erase_email(self, address: str) -> list[tuple[str, str]]:
        return self.erase(func.lower(requests.c.email) == address.lower())

    def purge(self, older_than_days: int) -> list[tuple[str, str]]:
        """Erase the requests made more than `older_than_days` days ago (the retention period)."""
        return self.erase(requests.c.created_at < self.clock() - timedelta(days=older_than_days))


def _chunks(ids: list[int], size: int = 500) -> Iterable[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def _fields(draft: Draft) -> dict[str, Any]:
    return dict(route_id=draft.route_id, recipient_id=draft.recipient_id, language=draft.language,
                name=draft.name, organisation=draft.organisation, email=draft.email, phone=draft.phone,
                about=draft.about, consent_version=draft.consent_version,
                consented_at=draft.consented_at, conversation_id=draft.conversation_id)


def _next_number(conn: Connection, year: int) -> int:
    """The year's next number, counted in the database; its row stays locked until commit."""
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    conn.execute(insert(sequences).values(year=year, last=1).on_conflict_do_update(
        index_elements=[sequences.c.year], set_={"last": sequences.c.last + 1}))
    return conn.execute(select(sequences.c.last).where(sequences.c.year == year)).scalar_one()

