"""The mail worker: sends what the outbox holds, over SMTP or, with no SMTP_HOST, as .eml
files under var/mail/; retries with growing delays, marks a mail dead after the last try;
once a day deletes the requests and the conversations older than the retention period.

Run it as `python -m assistant.handoff.worker` (`assistant serve` starts it beside the
servers). Its heartbeat file (config.worker_heartbeat) is touched every round and removed
when it stops: that is how the launcher sees it is alive. Logs carry references and outbox
ids only, never the mail.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import smtplib
import threading
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from email import message_from_string
from email.message import EmailMessage
from email.policy import SMTP, default
from pathlib import Path
from types import FrameType
from typing import Protocol

from sqlalchemy.engine import Engine

from assistant import config, private_logging
from assistant.conversations.database import make_engine as conversation_engine
from assistant.conversations.retention import purge_conversations
from assistant.handoff import outbox
from assistant.handoff.model import utc_now
from assistant.handoff.outbox import RetrySchedule
from assistant.handoff.store import ContactRequests
from assistant.kb.store import make_engine

log = logging.getLogger(__name__)
PURGE_EVERY = timedelta(days=1)


class Transport(Protocol):
    def send(self, message: EmailMessage, reference: str) -> None:
        """Deliver `message` (the mail for request `reference`) or raise."""


class SMTPTransport:
    def __init__(self, host: str, port: int, user: str | None = None, password: str | None = None,
                 starttls: bool = False, timeout: float = 60) -> None:
        self.host, self.port, self.user, self.password = host, port, user, password
        self.starttls, self.timeout = starttls, timeout

    def send(self, message: EmailMessage, reference: str) -> None:
        with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
            if self.starttls:
                smtp.starttls()
            if self.user:
                smtp.login(self.user, self.password or "")
            smtp.send_message(message)


class FileTransport:
    """Writes each mail to `folder`/REFERENCE.eml (written whole, then renamed into place)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def send(self, message: EmailMessage, reference: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / f"{reference}.eml"
        partial = target.with_suffix(".eml.partial")
        partial.write_bytes(message.as_bytes(policy=SMTP))
        os.replace(partial, target)


def transport_from_env() -> Transport:
    host = config.smtp_host()
    if host is None:
        return FileTransport(config.mail_dir())
    return SMTPTransport(host, config.smtp_port(), config.smtp_user(), config.smtp_password(),
                         config.smtp_starttls())


def _error_code(error: Exception) -> str:
    """The error's type and SMTP code: its text may quote addresses."""
    code = getattr(error, "smtp_code", None)
    return f"{type(error).__name__} {code}" if code else type(error).__name__


class Worker:
    def __init__(self, engine: Engine, transport: Transport, clock: Callable[[], datetime] = utc_now,
                 schedule: RetrySchedule | None = None, retention_days: int | None = None,
                 requests: ContactRequests | None = None) -> None:
        self.engine = engine
        self.transport = transport
        self.clock = clock
        self.schedule = schedule or RetrySchedule(max_attempts=config.mail_max_attempts())
        self.retention_days = retention_days or config.retention_days()
        self.requests = requests or ContactRequests(engine, clock=clock)
        self.name = f"{os.uname().nodename}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.next_purge: datetime | None = None

    def run_once(self) -> int:
        """Purge if a day has passed, then send every mail that is due; how many were sent."""
        self._purge_when_due()
        count = 0
        while (claimed := outbox.claim(self.engine, self.name, self.clock())) is not None:
            count += self._deliver(claimed)
        return count

    def _deliver(self, claimed: outbox.Claimed) -> int:
        message = message_from_string(claimed.message, policy=default)
        try:
            self.transport.send(message, claimed.reference)
        except (OSError, smtplib.SMTPException) as error:
            status = outbox.failed(self.engine, claimed, self.name, self.clock(), _error_code(error),
                                   self.schedule)
            log.warning("mail %s (outbox %s) not sent, try %s: %s; now %s", claimed.reference, claimed.id,
                        claimed.attempts, _error_code(error), status)
            return 0
        if outbox.sent(self.engine, claimed, self.name, self.clock()):
            log.info("mail %s (outbox %s) sent", claimed.reference, claimed.id)
        else:
            log.error("mail %s (outbox %s) sent, but its lease had run out: it may go out twice",
                      claimed.reference, claimed.id)
        return 1

    def _purge_when_due(self) -> None:
        now = self.clock()
        if self.next_purge is not None and now < self.next_purge:
            return
        erased = self.requests.purge(self.retention_days)
        quiet = (purge_conversations(self.requests.tracker, self.retention_days, now)
                 if self.requests.tracker is not None else 0)
        self.next_purge = now + PURGE_EVERY
        if erased or quiet:
            log.info("retention: %s requests and %s conversations older than %s days erased",
                     len(erased), quiet, self.retention_days)

    def run(self, stop: threading.Event, poll_seconds: float, heartbeat: Path) -> None:
        """Rounds every `poll_seconds` until `stop` is set; a round in progress is finished."""
        heartbeat.parent.mkdir(parents=True, exist_ok=True)
        try:
            while not stop.is_set():
                heartbeat.touch()
                try:
                    self.run_once()
                except Exception as error:  # the database may be down: try again next round
                    private_logging.failure(log, "mail round failed", error)
                stop.wait(poll_seconds)
        finally:
            heartbeat.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant.handoff.worker", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--heartbeat", type=Path, default=config.worker_heartbeat(),
                        help="the file touched every round (default: %(default)s)")
    args = parser.parse_args(argv)
    private_logging.install(logging.INFO)
    stop = threading.Event()

    def _stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    engine = make_engine(config.database_url())
    conversations = conversation_engine(config.tracker_database_url())
    worker = Worker(engine, transport_from_env(), requests=ContactRequests(engine, tracker=conversations))
    log.info("mail worker started: %s, every %s s", "SMTP" if config.smtp_host() else "files in var/mail/",
             config.mail_poll_seconds())
    worker.run(stop, config.mail_poll_seconds(), args.heartbeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
