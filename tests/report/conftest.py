"""The report's databases: a tracker store (Rasa's `events`) and a knowledge database (the
knowledge and the contact requests), on SQLite and on PostgreSQL (a schema of its own)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from assistant.kb import store
from tests.conftest import POSTGRES_URL


@dataclass
class Stores:
    tracker_url: str
    knowledge_url: str
    tracker: Engine  # for writing the sample; the report opens tracker_url read only
    knowledge: Engine


@pytest.fixture(params=["sqlite", "postgresql"])
def stores(request: pytest.FixtureRequest, tmp_path: Path, knowledge) -> Iterator[Stores]:
    if request.param == "sqlite":
        tracker_url, knowledge_url = f"sqlite:///{tmp_path / 'conversations.db'}", f"sqlite:///{tmp_path / 'kb.db'}"
        found = Stores(tracker_url, knowledge_url, create_engine(tracker_url, future=True),
                       store.make_engine(knowledge_url))
        store.load(found.knowledge, knowledge)
        yield found
        found.tracker.dispose()
        found.knowledge.dispose()
        return
    admin = request.getfixturevalue("postgres_admin")
    schema = f"reporttest_{uuid.uuid4().hex[:12]}"
    with admin.begin() as conn:
        conn.execute(text(f'create schema "{schema}"'))
    url = f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    found = Stores(url, url, create_engine(url, future=True), store.make_engine(url))
    try:
        store.load(found.knowledge, knowledge)
        yield found
    finally:
        found.tracker.dispose()
        found.knowledge.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'drop schema "{schema}" cascade'))
