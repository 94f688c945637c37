"""Settings, read from the environment so that the same code runs in development and production."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Message metadata the chat channels set: True when they cut an over-long message.
MESSAGE_CUT = "message_cut"


def database_url() -> str:
    """DATABASE_URL chooses the database; the default is an embedded SQLite file under var/."""
    return os.environ.get("DATABASE_URL") or f"sqlite:///{ROOT / 'var' / 'knowledge.db'}"


def knowledge_dir() -> Path:
    """KNOWLEDGE_DIR is the folder of YAML files staff edit (default: knowledge/ in the project)."""
    return Path(os.environ.get("KNOWLEDGE_DIR") or ROOT / "knowledge")


def cors_origins(web_port: int = 8080) -> list[str]:
    """CORS_ORIGINS (space-separated): the pages that may talk to the chat channels
    (default: the web page's own origins)."""
    found = os.environ.get("CORS_ORIGINS") or f"http://localhost:{web_port} http://127.0.0.1:{web_port}"
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
