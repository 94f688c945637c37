"""The lock store endpoints.yml names: Rasa's Redis lock store when REDIS_URL is set, locks in
the process otherwise, and in the process for a while when Redis stops answering.

Rasa answers one message of a conversation at a time by giving each message a ticket on the
conversation's lock. With several Rasa servers the lock must be shared (Redis); with one, the
process's memory is enough. When Redis is unreachable Rasa's own store fails every message;
this one locks in the process instead and tries Redis again after `RETRY_REDIS_SECONDS`.
Since nginx keeps a visitor on one replica, a lock in the process still orders that visitor's
messages; only a visitor moved between replicas (one was killed) loses the guarantee.

Open-source Rasa's Redis lock store reads, changes and writes a lock in three steps that are
not one transaction (RasaHQ/rasa#9213; the atomic version, #11256, was reverted in #11428):
two replicas serving the same conversation at the same instant can overwrite each other's
ticket. Sticky routing makes that rare; the README says more.
"""

from __future__ import annotations

import logging
import time
from typing import Any
from urllib.parse import unquote, urlparse

import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import InMemoryLockStore, LockStore, RedisLockStore

from assistant import config

log = logging.getLogger(__name__)

RETRY_REDIS_SECONDS = 5.0
REDIS_TIMEOUT_SECONDS = 2.0  # Rasa's default of 10 s would hold every message that long


def redis_lock_store(url: str) -> RedisLockStore:
    """Rasa's Redis lock store for a redis:// or rediss:// URL (database from its path)."""
    parsed = urlparse(url)
    if parsed.scheme not in ("redis", "rediss") or not parsed.hostname:
        raise ValueError(f"REDIS_URL must look like redis://host:6379/0, not {url!r}")
    database = parsed.path.strip("/") or "0"
    if not database.isdigit():
        raise ValueError(f"REDIS_URL's database must be a number, not {database!r}")
    return RedisLockStore(host=parsed.hostname, port=parsed.port or 6379, db=int(database),
                          username=unquote(parsed.username) if parsed.username else None,
                          password=unquote(parsed.password) if parsed.password else None,
                          use_ssl=parsed.scheme == "rediss", socket_timeout=REDIS_TIMEOUT_SECONDS)


class ConversationLocks(LockStore):
    """Redis (REDIS_URL) or in-process conversation locks; see the module's docstring."""

    def __init__(self, endpoint_config: Any = None) -> None:
        url = config.redis_url()
        self.shared: RedisLockStore | None = redis_lock_store(url) if url else None
        self.local = InMemoryLockStore()
        self.redis_again_at = 0.0  # while Redis is down: when to try it again
        super().__init__()

    def _call(self, method: str, *args: Any) -> Any:
        if self.shared is None or time.monotonic() < self.redis_again_at:
            return getattr(self.local, method)(*args)
        try:
            found = getattr(self.shared, method)(*args)
        except redis.exceptions.RedisError as error:
            if not self.redis_again_at:
                log.error("Redis lock store not answering (%s): locking conversations in this "
                          "process until it does", type(error).__name__)
            self.redis_again_at = time.monotonic() + RETRY_REDIS_SECONDS
            return getattr(self.local, method)(*args)
        if self.redis_again_at:
            log.warning("Redis lock store answers again")
            self.redis_again_at = 0.0
            self.local = InMemoryLockStore()
        return found

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        return self._call("get_lock", conversation_id)

    def delete_lock(self, conversation_id: str) -> None:
        self._call("delete_lock", conversation_id)

    def save_lock(self, lock: TicketLock) -> None:
        self._call("save_lock", lock)
