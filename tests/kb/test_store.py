"""Loading into SQL: same content back, idempotent, atomic, clear errors; run on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import delete, func, inspect, select, text

from assistant.cli import main
from assistant.kb import models, store
from assistant.kb.service import KnowledgeBase
from assistant.kb.yaml_source import read_knowledge
from tests.kb.test_validation import broken_copy


def row_counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t.__tablename__: conn.execute(select(func.count()).select_from(t)).scalar()
                for t in models.CONTENT_TABLES}


def test_round_trip_gives_back_the_same_knowledge(engine, knowledge) -> None:
    changed, revision = store.load(engine, knowledge)
    assert (changed, revision) == (True, 1)
    assert store.read(engine) == (1, knowledge)


def test_loading_twice_changes_nothing(engine, knowledge) -> None:
    store.load(engine, knowledge)
    counts = row_counts(engine)
    with engine.connect() as conn:
        loaded_at = conn.execute(select(models.Meta.loaded_at)).scalar()
    assert store.load(engine, knowledge) == (False, 1)
    assert row_counts(engine) == counts
    with engine.connect() as conn:
        assert conn.execute(select(models.Meta.loaded_at)).scalar() == loaded_at


def test_changed_content_replaces_the_old(engine, knowledge, tmp_path) -> None:
    store.load(engine, knowledge)
    folder = broken_copy(tmp_path, "contacts.yml", "phone: 0953-14039", "phone: 0953-140 39")
    changed, revision = store.load(engine, read_knowledge(folder))
    assert (changed, revision) == (True, 2)
    _, stored = store.read(engine)
    assert {c.id: c.phone for c in stored.contacts}["wolfgang-mehl"] == "0953-140 39"
    assert row_counts(engine)["kb_contacts"] == len(knowledge.contacts)


def test_a_failure_mid_load_leaves_the_old_content(engine, knowledge, tmp_path, monkeypatch) -> None:
    store.load(engine, knowledge)
    before = store.read(engine)
    new = read_knowledge(broken_copy(tmp_path, "contacts.yml", "phone: 0953-14039", "phone: 0953-140 39"))
    real_rows = store._rows

    def fail_on_links(table, rows, conn):  # after projects, contacts … are already written
        if table is models.LinkRow:
            raise RuntimeError("disk full (injected)")
        real_rows(table, rows, conn)

    monkeypatch.setattr(store, "_rows", fail_on_links)
    with pytest.raises(RuntimeError, match="injected"):
        store.load(engine, new)
    monkeypatch.undo()
    assert store.read(engine) == before


def test_a_database_of_the_earlier_layout_is_upgraded_by_a_load(engine, knowledge) -> None:
    """Before routes were called routes, they were stored in kb_topics (with foreign keys to
    the projects and contacts a load deletes): a load drops those tables and writes the content."""
    store.load(engine, knowledge)
    with engine.begin() as conn:
        conn.execute(text("create table kb_topics (id varchar(64) primary key, "
                          "project_id varchar(64) not null references kb_projects (id), "
                          "contact_id varchar(64) references kb_contacts (id))"))
        conn.execute(text("create table kb_topic_keywords (id integer primary key, "
                          "topic_id varchar(64) not null references kb_topics (id))"))
        conn.execute(text("insert into kb_topics values ('recruitment', 'move-up-north', 'wolfgang-mehl')"))
        conn.execute(text("insert into kb_topic_keywords values (1, 'recruitment')"))
        conn.execute(delete(models.RouteKeywordRow))
        conn.execute(delete(models.RouteRow))
    with pytest.raises(store.DatabaseUnavailable, match="loaded by an earlier version: run 'assistant kb load'"):
        store.read(engine)
    assert store.load(engine, knowledge) == (True, 2)  # same content, but its routes were missing
    assert store.read(engine) == (2, knowledge)
    assert not {"kb_topics", "kb_topic_keywords"} & set(inspect(engine).get_table_names())


def test_reading_an_empty_database_says_what_to_do(engine) -> None:
    with pytest.raises(store.DatabaseUnavailable, match="has no content yet: run 'assistant kb load'"):
        store.read(engine)
    assert store.revision(engine) is None


def test_an_unreachable_database_gives_a_clear_message(knowledge) -> None:
    engine = store.make_engine("postgresql://kb:secret@127.0.0.1:9/nowhere")
    with pytest.raises(store.DatabaseUnavailable) as caught:
        store.load(engine, knowledge)
    message = str(caught.value)
    assert message.startswith("cannot reach the knowledge database at postgresql://kb:***@127.0.0.1:9/nowhere")
    assert "secret" not in message
    with pytest.raises(store.DatabaseUnavailable, match="cannot reach"):
        store.read(engine)


def test_cli_load_reports_an_unreachable_database(capsys) -> None:
    assert main(["kb", "load", "--database", "postgresql://kb@127.0.0.1:9/nowhere"]) == 2
    assert "error: cannot reach the knowledge database" in capsys.readouterr().err


def test_cli_load_refuses_bad_content_and_keeps_the_old(tmp_path, capsys) -> None:
    database = f"sqlite:///{tmp_path / 'kb.db'}"
    assert main(["kb", "load", "--database", database]) == 0
    before = store.read(store.make_engine(database))
    folder = broken_copy(tmp_path, "contacts.yml", "phone: 0953-14039", "phone: call me")
    assert main(["kb", "load", "--database", database, "--knowledge", str(folder)]) == 1
    assert "is not a phone number" in capsys.readouterr().err
    assert store.read(store.make_engine(database)) == before


def test_a_running_service_picks_up_a_new_load(engine, knowledge, tmp_path) -> None:
    store.load(engine, knowledge)
    kb = KnowledgeBase(engine, clock=lambda: date(2026, 11, 26), check_interval=0)
    assert kb.view().contacts["wolfgang-mehl"].phone == "0953-14039"
    same_view = kb.view()
    assert kb.view() is same_view  # nothing reloaded while nothing changed
    store.load(engine, read_knowledge(
        broken_copy(tmp_path, "contacts.yml", "phone: 0953-14039", "phone: 0953-140 39")))
    assert kb.view().contacts["wolfgang-mehl"].phone == "0953-140 39"
    assert kb.view().revision == 2


def test_a_table_of_an_earlier_column_layout_is_rebuilt_by_a_load(engine, knowledge) -> None:
    """Before routes named their need intent, kb_routes had no `intent` column: a load makes the
    content tables anew (in its one transaction) and writes the content, even if unchanged."""
    store.load(engine, knowledge)
    with engine.begin() as conn:
        conn.execute(text("alter table kb_routes drop column intent"))
    assert "intent" not in {c["name"] for c in inspect(engine).get_columns("kb_routes")}
    assert store.load(engine, knowledge) == (True, 2)
    assert store.read(engine) == (2, knowledge)
