"""Settings, read from the environment so that the same code runs in development and production.

This is the one place that knows the defaults: the database, the knowledge folder, the
trained model, the interface the servers listen on and their ports. The README's
configuration table lists the same variables.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCAL = "127.0.0.1"  # how the launcher, tests and benchmarks reach the servers on this machine
# Message metadata the chat channels set: True when they cut an over-long message.
MESSAGE_CUT = "message_cut"


def database_url() -> str:
    """DATABASE_URL chooses the database; the default is an embedded SQLite file under var/."""
    return os.environ.get("DATABASE_URL") or f"sqlite:///{ROOT / 'var' / 'knowledge.db'}"


def knowledge_dir() -> Path:
    """KNOWLEDGE_DIR is the folder of YAML files staff edit (default: knowledge/ in the project)."""
    return Path(os.environ.get("KNOWLEDGE_DIR") or ROOT / "knowledge")


def occupations_file() -> Path:
    """The occupation lexicon (job titles in both languages) that the NLU and the dialogue use."""
    return ROOT / "lexicon" / "occupations.yml"


def model_path() -> Path:
    """MODEL_PATH is the trained Rasa model (default: models/mala.tar.gz, which `make` trains)."""
    return Path(os.environ.get("MODEL_PATH") or ROOT / "models" / "mala.tar.gz")


def host() -> str:
    """ASSISTANT_HOST is the interface the servers listen on (default: this machine only)."""
    return os.environ.get("ASSISTANT_HOST") or LOCAL


def _port(variable: str, default: int) -> int:
    value = os.environ.get(variable)
    if not value:
        return default
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise ValueError(f"{variable}={value!r} is not a port number")
    return int(value)


def rasa_port() -> int:
    """RASA_PORT: the Rasa server with the chat channels (REST and socket.io)."""
    return _port("RASA_PORT", 5005)


def actions_port() -> int:
    """ACTIONS_PORT: the action server that answers from the knowledge base."""
    return _port("ACTIONS_PORT", 5055)


def web_port() -> int:
    """WEB_PORT: the web page with the chat widget."""
    return _port("WEB_PORT", 8080)


def rasa_url() -> str:
    return f"http://{LOCAL}:{rasa_port()}"


def web_url() -> str:
    """As a browser on this machine opens the page (the origin the Rasa server allows by default)."""
    return f"http://localhost:{web_port()}"


def cors_origins() -> list[str]:
    """CORS_ORIGINS (space-separated): the pages that may talk to the chat channels
    (default: the web page's own origins)."""
    found = os.environ.get("CORS_ORIGINS") or f"http://localhost:{web_port()} http://127.0.0.1:{web_port()}"
    return found.split()


def _positive(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    if not value.strip().isdigit() or int(value) < 1:
        raise ValueError(f"{name} must be a positive whole number, not {value!r}")
    return int(value)


def max_message_chars() -> int:
    """MAX_MESSAGE_CHARS: longer chat messages are cut before the NLU and answered
    with 'your message is too long'."""
    return _positive("MAX_MESSAGE_CHARS", 1000)


def max_request_bytes() -> int:
    """MAX_REQUEST_BYTES: the largest request body (and socket.io message) the Rasa server reads."""
    return _positive("MAX_REQUEST_BYTES", 1_000_000)


def action_max_bytes() -> int:
    """ACTION_MAX_BYTES: the largest body the action server reads, also after inflating it."""
    return _positive("ACTION_MAX_BYTES", 10_000_000)


# Contact requests (assistant/handoff/): limits, retention, mail delivery.

def requests_per_conversation_per_hour() -> int:
    """REQUESTS_PER_CONVERSATION_PER_HOUR: contact requests one conversation may leave in an hour."""
    return _positive("REQUESTS_PER_CONVERSATION_PER_HOUR", 3)


def requests_per_hour() -> int:
    """REQUESTS_PER_HOUR: contact requests all visitors together may leave in an hour."""
    return _positive("REQUESTS_PER_HOUR", 60)


def retention_days() -> int:
    """RETENTION_DAYS: contact requests and conversations older than this are deleted (by the
    mail worker, daily; `assistant requests purge`, `assistant conversations purge`)."""
    return _positive("RETENTION_DAYS", 180)


# Conversations (assistant/conversations/): Rasa's tracker store and lock store.

def tracker_database_url() -> str:
    """TRACKER_DATABASE_URL: where Rasa keeps the conversations (its SQL tracker store); the
    default is an embedded SQLite file under var/, PostgreSQL in production."""
    return os.environ.get("TRACKER_DATABASE_URL") or f"sqlite:///{ROOT / 'var' / 'conversations.db'}"


def lock_lifetime_seconds() -> int:
    """TICKET_LOCK_LIFETIME (Rasa's own setting): how long a message may hold its conversation's
    lock. A Rasa server that dies holding one leaves that conversation waiting this long (Rasa's
    default is 60 s); a message takes well under a second, under heavy load a few."""
    return _positive("TICKET_LOCK_LIFETIME", 10)


def redis_url() -> str | None:
    """REDIS_URL (redis://host:6379/0): Rasa's Redis lock store, which replicas need so that
    one conversation is answered one message at a time; unset, locks are kept in the process."""
    return os.environ.get("REDIS_URL") or None


def smtp_host() -> str | None:
    """SMTP_HOST: the mail server; unset, every mail is written as a file under var/mail/ instead."""
    return os.environ.get("SMTP_HOST") or None


def smtp_port() -> int:
    return _port("SMTP_PORT", 25)


def smtp_user() -> str | None:
    return os.environ.get("SMTP_USER") or None


def smtp_password() -> str | None:
    return os.environ.get("SMTP_PASSWORD") or None


def smtp_starttls() -> bool:
    """SMTP_STARTTLS: 1/true/yes to upgrade the connection with STARTTLS before logging in."""
    value = (os.environ.get("SMTP_STARTTLS") or "").strip().lower()
    if value in ("", "0", "false", "no"):
        return False
    if value in ("1", "true", "yes"):
        return True
    raise ValueError(f"SMTP_STARTTLS must be 1/true/yes or 0/false/no, not {value!r}")


def mail_from() -> str:
    """MAIL_FROM: the sender address of the mails to staff."""
    return os.environ.get("MAIL_FROM") or "assistant@localhost"


def mail_dir() -> Path:
    """Where mails go when no SMTP_HOST is set."""
    return ROOT / "var" / "mail"


def mail_max_attempts() -> int:
    """MAIL_MAX_ATTEMPTS: tries before a mail is marked dead (staff see it in `requests outbox`)."""
    return _positive("MAIL_MAX_ATTEMPTS", 12)


def mail_poll_seconds() -> float:
    """MAIL_POLL_SECONDS: how often the mail worker looks for new mail."""
    return float(_positive("MAIL_POLL_SECONDS", 2))


def worker_heartbeat() -> Path:
    """MAIL_WORKER_HEARTBEAT: the file the mail worker touches on every round (how the launcher
    sees it is alive; two launchers on one machine need two)."""
    return Path(os.environ.get("MAIL_WORKER_HEARTBEAT") or ROOT / "var" / "mail-worker.heartbeat")
