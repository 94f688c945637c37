"""The worker as `assistant serve` runs it: a process with a heartbeat, mailing over SMTP,
stopped by SIGTERM. Binds no assistant port (only the test's own SMTP port)."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from assistant import serve
from assistant.handoff.store import ContactRequests
from assistant.kb.store import make_engine
from tests.handoff.conftest import RECIPIENT, make_draft
from tests.handoff.smtp import SMTPServer


def _until(condition: object, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_worker_process_mails_a_request_and_stops_cleanly(smtp: SMTPServer, tmp_path: Path) -> None:
    smtp.up()
    database = f"sqlite:///{tmp_path / 'kb.db'}"
    heartbeat = tmp_path / "worker.heartbeat"
    service = next(s for s in serve.services(web=False, host="127.0.0.1") if s.name == "mail worker")
    env = {**os.environ, "DATABASE_URL": database, "SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(smtp.port),
           "MAIL_POLL_SECONDS": "1"}
    process = subprocess.Popen([*service.command, "--heartbeat", str(heartbeat)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert _until(lambda: serve.answers(heartbeat.as_uri()), 20), "no heartbeat"
        reference = ContactRequests(make_engine(database)).submit(make_draft(), RECIPIENT)
        assert _until(lambda: smtp.inbox.envelopes, 5), "no mail within 5 s"
    finally:
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=20)
    assert process.returncode == 0
    assert not heartbeat.exists() and not serve.answers(heartbeat.as_uri())
    assert [m["Subject"] for m in smtp.inbox.mails] == [f"Kontaktförfrågan {reference} från chattassistenten"]
    assert f"mail {reference} (outbox 1) sent" in output
    for private in ("Anna", "anna@example.com", "+46701234567", "SHiMR"):
        assert private not in output
