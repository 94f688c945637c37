"""The mail worker against a real local SMTP server: retries, dead mails, restarts, headers,
.eml files; on SQLite and PostgreSQL. Time is the test's clock: nothing sleeps."""

from __future__ import annotations

import threading
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pytest

from assistant.handoff import outbox
from assistant.handoff.outbox import LEASE
from assistant.handoff.store import ContactRequests
from assistant.handoff.worker import FileTransport, Worker, transport_from_env
from tests.handoff.conftest import RECIPIENT, SCHEDULE, Clock, make_draft, make_worker
from tests.handoff.smtp import SMTPServer


def test_server_down_then_up_delivers_exactly_once(store: ContactRequests, smtp: SMTPServer,
                                                   clock: Clock) -> None:
    reference = store.submit(make_draft(), RECIPIENT)
    worker = make_worker(store, smtp)
    assert worker.run_once() == 0
    assert store.get(reference)["mail"] == "pending"
    [waiting] = outbox.waiting(store.engine)
    assert waiting["attempts"] == 1 and waiting["last_error"] == "ConnectionRefusedError"
    smtp.up()
    assert worker.run_once() == 0  # not due yet: the next try is a minute later
    clock.advance(minutes=1)
    assert worker.run_once() == 1
    clock.advance(hours=5)
    assert worker.run_once() == 0
    assert [e.rcpt_tos for e in smtp.inbox.envelopes] == [[RECIPIENT]]
    assert smtp.inbox.mails[0]["Subject"] == f"Kontaktförfrågan {reference} från chattassistenten"
    assert store.get(reference)["mail"] == "sent" and outbox.waiting(store.engine) == []


def test_delays_grow_until_the_mail_is_dead(store: ContactRequests, smtp: SMTPServer, clock: Clock) -> None:
    reference = store.submit(make_draft(), RECIPIENT)
    worker = make_worker(store, smtp)
    waits = []
    for _ in range(SCHEDULE.max_attempts):
        worker.run_once()
        [row] = outbox.waiting(store.engine)
        waits.append(row["next_attempt_at"] - clock())
        clock.advance(hours=1)
    assert [w.total_seconds() / 60 for w in waits[:3]] == [1, 2, 4]
    assert row["status"] == "dead" and store.get(reference)["mail"] == "dead"
    smtp.up()
    clock.advance(days=1)
    assert worker.run_once() == 0  # dead stays dead …
    assert outbox.retry(store.engine, reference, clock()) == 1  # … until staff retry it
    assert worker.run_once() == 1
    assert len(smtp.inbox.envelopes) == 1


def test_restarted_worker_sends_nothing_twice(store: ContactRequests, smtp: SMTPServer, clock: Clock) -> None:
    references = [store.submit(make_draft(conversation_id=f"c{n}"), RECIPIENT) for n in range(4)]
    smtp.up()
    make_worker(store, smtp).run_once()  # sends all four, then "restarts":
    assert make_worker(store, smtp).run_once() == 0
    references.append(store.submit(make_draft(conversation_id="late"), RECIPIENT))
    # A worker that died holding a mail: no one sends it while its lease holds …
    held = outbox.claim(store.engine, "died-mid-send", clock())
    assert held is not None and held.reference == references[-1]
    assert make_worker(store, smtp).run_once() == 0
    clock.advance(seconds=LEASE.total_seconds() + 1)
    assert make_worker(store, smtp).run_once() == 1  # … and then it is sent once
    assert make_worker(store, smtp).run_once() == 0
    subjects = sorted(m["Subject"].split()[1] for m in smtp.inbox.mails)
    assert subjects == sorted(references)


def test_workers_side_by_side_send_each_mail_once(store: ContactRequests, smtp: SMTPServer) -> None:
    for n in range(10):  # the store's global limit
        store.submit(make_draft(conversation_id=f"c{n}"), RECIPIENT)
    smtp.up()
    workers = [make_worker(store, smtp) for _ in range(3)]
    threads = [threading.Thread(target=w.run_once) for w in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    subjects = [m["Subject"] for m in smtp.inbox.mails]
    assert len(subjects) == 10 == len(set(subjects))


@pytest.mark.parametrize("name", ["x\r\nBcc: evil@example.com", "x\nBcc: evil@example.com",
                                  "x\rBcc: evil@example.com"])
def test_visitor_text_adds_no_header(store: ContactRequests, smtp: SMTPServer, name: str) -> None:
    # Straight into the store, past the form's cleaning: the mail itself must hold.
    store.submit(make_draft(name=name, organisation=name, about=f"hej\r\n\r\n{name}"), RECIPIENT)
    smtp.up()
    make_worker(store, smtp).run_once()
    [envelope] = smtp.inbox.envelopes
    assert envelope.rcpt_tos == [RECIPIENT]
    mail = smtp.inbox.mails[0]
    assert sorted(mail.keys()) == ["Content-Transfer-Encoding", "Content-Type", "Date", "From",
                                   "MIME-Version", "Message-ID", "Reply-To", "Subject", "To"]
    assert "Bcc: evil@example.com" in mail.get_content()


def test_without_smtp_host_each_mail_is_an_eml_file(store: ContactRequests, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SMTP_HOST", raising=False)
    assert isinstance(transport_from_env(), FileTransport)
    reference = store.submit(make_draft(), RECIPIENT)
    worker = Worker(store.engine, FileTransport(tmp_path / "mail"), clock=store.clock, requests=store)
    assert worker.run_once() == 1
    assert worker.run_once() == 0
    [written] = (tmp_path / "mail").iterdir()
    assert written.name == f"{reference}.eml"
    mail = message_from_bytes(written.read_bytes(), policy=default)
    assert mail["To"] == RECIPIENT and "Anna Andersson" in mail.get_content()
    assert store.get(reference)["mail"] == "sent"
