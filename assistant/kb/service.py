"""The knowledge base as a long-running process (the action server) sees it.

It keeps the current revision in memory and asks the database at most every
`check_interval` seconds whether a newer one was loaded, so `assistant kb load`
takes effect without restarting anything.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import date

from sqlalchemy.engine import Engine

from assistant import config
from assistant.kb import store
from assistant.kb.query import KnowledgeView

Clock = Callable[[], date]


class KnowledgeBase:
    def __init__(self, engine: Engine, clock: Clock = date.today, check_interval: float = 1.0):
        self.engine = engine
        self.clock = clock
        self.check_interval = check_interval
        self._view: KnowledgeView | None = None
        self._checked_at = float("-inf")
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, clock: Clock = date.today) -> KnowledgeBase:
        return cls(store.make_engine(config.database_url()), clock)

    def today(self) -> date:
        return self.clock()

    def view(self) -> KnowledgeView:
        """The current knowledge; raises store.DatabaseUnavailable with a clear message."""
        with self._lock:
            now = time.monotonic()
            if self._view is not None and now - self._checked_at < self.check_interval:
                return self._view
            latest = store.revision(self.engine)
            if self._view is None or latest != self._view.revision:
                revision, knowledge = store.read(self.engine)
                self._view = KnowledgeView(knowledge, revision)
            self._checked_at = now
            return self._view
