"""A container's health check: exit 0 when its service answers, 1 when it does not.

    python deploy/healthcheck.py http://127.0.0.1:5055/health   # an HTTP service
    python deploy/healthcheck.py mail-worker                     # the mail worker's heartbeat

The test is the launcher's readiness test (`assistant.serve.answers`): an HTTP service answers
below 500; the mail worker, which listens on no port, touched its heartbeat file lately.
"""

from __future__ import annotations

import sys

from assistant import config
from assistant.serve import answers

MAIL_WORKER = "mail-worker"


def target(name: str) -> str:
    """The URL to test: the argument itself, or the worker's heartbeat file."""
    return config.worker_heartbeat().as_uri() if name == MAIL_WORKER else name


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(0 if answers(target(sys.argv[1])) else 1)
