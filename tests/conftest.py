"""Shared fixtures: the real knowledge content, and databases (SQLite and PostgreSQL).

PostgreSQL comes from TEST_POSTGRES_URL (default: the local server on 127.0.0.1:5432,
database `test`). If it does not answer, the PostgreSQL tests fail; they never skip.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from assistant import config, serve
from assistant.config import ROOT
from assistant.dialogue.conversation import Conversation
from assistant.kb import store
from assistant.kb.content import Knowledge
from assistant.kb.query import KnowledgeView
from assistant.kb.service import KnowledgeBase
from assistant.kb.yaml_source import read_knowledge
from tests.handoff.smtp import SMTPServer

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
KNOWLEDGE_DIR = ROOT / "knowledge"
SOURCE_PAGE = KNOWLEDGE_DIR / "source" / "pagaende-projekt.txt"  # the page the knowledge is made from
TODAY = date(2026, 11, 26)  # a fixed "today" so that tests do not change with the calendar


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    return read_knowledge(KNOWLEDGE_DIR)


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def view(request: pytest.FixtureRequest, knowledge: Knowledge,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeView]:
    """The query API over the real knowledge, loaded into and read back from each database,
    so every lookup, routing and status test runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        engine = create_engine(f"sqlite:///{tmp_path_factory.mktemp('view') / 'kb.db'}", future=True)
        yield _loaded_view(engine, knowledge)
        engine.dispose()
    else:
        for engine in _postgres_engine(request.getfixturevalue("postgres_admin")):
            yield _loaded_view(engine, knowledge)


def _loaded_view(engine: Engine, knowledge: Knowledge) -> KnowledgeView:
    store.load(engine, knowledge)
    revision, stored = store.read(engine)
    return KnowledgeView(stored, revision)


@pytest.fixture(scope="session")
def kb(knowledge: Knowledge, tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    """The real knowledge loaded into a SQLite file, seen on a fixed 'today'."""
    engine = store.make_engine(f"sqlite:///{tmp_path_factory.mktemp('kb') / 'kb.db'}")
    store.load(engine, knowledge)
    return KnowledgeBase(engine, clock=lambda: TODAY)


@pytest.fixture(scope="session")
def conversation(kb: KnowledgeBase) -> Conversation:
    return Conversation(kb)


@dataclass(frozen=True)
class Services:
    """The running servers: Rasa's base URL, the processes, and the file their output goes to."""

    url: str
    running: serve.Running
    output: Path
    smtp: SMTPServer  # the local mail server the mail worker delivers to

    def pid(self, name: str) -> int:
        return next(p.pid for s, p in self.running.processes if s.name == name)


@pytest.fixture(scope="session")
def services(knowledge: Knowledge, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """The real action server, Rasa server, web page and mail worker, started once per test
    session with the trained model and the default database, their output in a file the tests
    can read; the worker delivers to a real (aiosmtpd) mail server on this machine, and the
    conversations are kept in a SQLite file of the session's."""
    if not config.model_path().exists():
        pytest.fail(f"no trained model at {config.model_path()}: 'make test' trains it first")
    store.load(store.make_engine(config.database_url()), knowledge)
    smtp = SMTPServer()
    smtp.up()
    saved = {name: os.environ.get(name) for name in ("SMTP_HOST", "SMTP_PORT", "TRACKER_DATABASE_URL")}
    conversations = tmp_path_factory.mktemp("conversations") / "conversations.db"
    os.environ.update(SMTP_HOST=config.LOCAL, SMTP_PORT=str(smtp.port),
                      TRACKER_DATABASE_URL=f"sqlite:///{conversations}")
    wanted = serve.services(web=True, host=config.LOCAL)
    output = tmp_path_factory.mktemp("services") / "output.log"
    with output.open("w", encoding="utf-8") as sink:
        try:
            running = serve.Running(wanted, output=sink).__enter__()
        except RuntimeError as error:
            pytest.fail(f"{error}; their output:\n{output.read_text(errors='replace')[-4000:]}")
        try:
            yield Services(config.rasa_url(), running, output, smtp)
        finally:
            running.stop()
            smtp.down()
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
    still_up = [s.name for s in wanted if serve.answers(s.ready_url)]
    assert not still_up, f"still answering after stop: {still_up}"


@pytest.fixture(scope="session")
def running_assistant(services: Services) -> str:
    """Rasa's base URL, with every service running."""
    return services.url


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[Engine]:
    engine = create_engine(POSTGRES_URL, future=True, connect_args={"connect_timeout": 5})
    with engine.connect() as conn:  # fails the tests (not skips) when PostgreSQL is down
        conn.execute(text("select 1"))
    yield engine
    engine.dispose()


def _postgres_engine(admin: Engine) -> Iterator[Engine]:
    """A fresh schema per test, so tests never see each other's rows."""
    schema = f"kbtest_{uuid.uuid4().hex[:12]}"
    with admin.begin() as conn:
        conn.execute(text(f'create schema "{schema}"'))
    engine = create_engine(POSTGRES_URL, future=True,
                           connect_args={"options": f"-csearch_path={schema}"})
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'drop schema "{schema}" cascade'))


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        engine = create_engine(f"sqlite:///{tmp_path / 'kb.db'}", future=True)
        yield engine
        engine.dispose()
    else:
        yield from _postgres_engine(request.getfixturevalue("postgres_admin"))
