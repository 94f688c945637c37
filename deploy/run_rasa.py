"""Start the Rasa server inside a container: alone, in the foreground, as `assistant serve` would.

    python deploy/run_rasa.py

The command line is the launcher's own (`assistant.serve.services`: the model, the interface
and port, credentials.yml and endpoints.yml, CORS_ORIGINS split into origins, the HTTP API
only with RASA_AUTH_TOKEN), and so is the cap on a request body; this process then becomes
Rasa (exec), so the container's stop signal reaches it. One Sanic worker: the socket.io
channel keeps its sessions in the process. ACTION_ENDPOINT_URL is left to the container's
environment (the action server is another container).
"""

from __future__ import annotations

import os
import sys

from assistant import config
from assistant.serve import services

RASA_SERVER = "Rasa server"


def command() -> list[str]:
    """The Rasa server's command line, from the launcher's list of services."""
    found = [s.command for s in services(web=False, host=config.host()) if s.name == RASA_SERVER]
    if len(found) != 1:
        raise RuntimeError(f"assistant.serve.services() names no single {RASA_SERVER!r}")
    return found[0]


def environment() -> dict[str, str]:
    """This environment plus the Sanic and lock settings the launcher gives Rasa."""
    return {**os.environ, "SANIC_REQUEST_MAX_SIZE": str(config.max_request_bytes()),
            "SANIC_WORKERS": "1", "TICKET_LOCK_LIFETIME": str(config.lock_lifetime_seconds())}


if __name__ == "__main__":
    argv = command()
    sys.stdout.flush()
    os.execve(argv[0], argv, environment())
