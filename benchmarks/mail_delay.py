"""Delivery delay of contact requests: from `submit` to the mail at a local SMTP server, with
the real worker process polling every MAIL_POLL_SECONDS (default 2). Binds no assistant port.

    .venv/bin/python benchmarks/mail_delay.py [--requests 10] [--poll 2]
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.handoff.model import CONSENT_VERSION, Draft
from assistant.handoff.store import ContactRequests, Limits
from assistant.kb.store import make_engine
from tests.handoff.smtp import SMTPServer


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=10)
    parser.add_argument("--poll", type=int, default=2, help="MAIL_POLL_SECONDS for the worker")
    args = parser.parse_args()
    smtp = SMTPServer()
    smtp.up()
    port = smtp.port
    with tempfile.TemporaryDirectory() as folder:
        database = f"sqlite:///{Path(folder) / 'kb.db'}"
        store = ContactRequests(make_engine(database), limits=Limits(args.requests, args.requests))
        env = {**os.environ, "DATABASE_URL": database, "SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(port),
               "MAIL_POLL_SECONDS": str(args.poll)}
        worker = subprocess.Popen([sys.executable, "-m", "assistant.handoff.worker", "--heartbeat",
                                   str(Path(folder) / "heartbeat")], env=env, stderr=subprocess.DEVNULL)
        draft = Draft("business_advice", "aleksandra", "sv", "Test Testsson", None, "test@example.com", None,
                      "Mätning av leveranstiden.", CONSENT_VERSION, datetime.now(timezone.utc), "bench")
        delays = []
        try:
            time.sleep(3)  # the worker's start-up
            for n in range(args.requests):
                time.sleep(args.poll * (n % 4) / 4 + 0.1)  # submits at different points of a round
                submitted = time.monotonic()
                store.submit(replace(draft, conversation_id=f"bench-{n}"), "staff@example.com")
                while len(smtp.inbox.envelopes) <= n:
                    if time.monotonic() - submitted > 30:
                        raise SystemExit("a mail took more than 30 s")
                    time.sleep(0.005)
                delays.append(time.monotonic() - submitted)
        finally:
            worker.send_signal(signal.SIGTERM)
            worker.wait(timeout=20)
            smtp.down()
    print(f"{len(delays)} requests, worker polling every {args.poll} s: submit → mail at the SMTP server "
          f"median {statistics.median(delays):.2f} s, max {max(delays):.2f} s, min {min(delays):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
