"""The conversation lock store on a real Redis server (shared locks, Redis stopped and back), and
the replica settings: refused without PostgreSQL and Redis, and an nginx configuration that
nginx itself accepts."""

from __future__ import annotations

import asyncio
import logging
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from rasa.core.lock_store import InMemoryLockStore, RedisLockStore

from assistant import replicas
from assistant.conversations import health, locks
from assistant.conversations.locks import ConversationLocks, redis_lock_store
from tests.conversations.servers import PrivateRedis


@pytest.fixture
def redis_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[PrivateRedis]:
    server = PrivateRedis().start()
    monkeypatch.setenv("REDIS_URL", server.url)
    yield server
    server.stop()


async def _serve_twice(store: ConversationLocks, conversation: str) -> list[str]:
    """Two messages of one conversation at once: the second waits for the first."""
    order: list[str] = []

    async def message(name: str) -> None:
        async with store.lock(conversation, wait_time_in_seconds=0.01):
            order.append(f"{name} starts")
            await asyncio.sleep(0.05)
            order.append(f"{name} ends")

    await asyncio.gather(message("first"), message("second"))
    return order


def test_without_redis_url_locks_are_kept_in_the_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDIS_URL", raising=False)
    store = ConversationLocks()
    assert store.shared is None
    assert asyncio.run(_serve_twice(store, "c1")) == ["first starts", "first ends", "second starts", "second ends"]


def test_with_redis_the_lock_is_shared_between_servers(redis_server: PrivateRedis) -> None:
    one, other = ConversationLocks(), ConversationLocks()  # two Rasa servers
    assert isinstance(one.shared, RedisLockStore)
    ticket = one.issue_ticket("c2")
    assert other.get_lock("c2").is_locked(ticket + 1)  # the other server sees the first's ticket
    one.cleanup("c2", ticket)
    assert other.get_lock("c2") is None
    assert asyncio.run(_serve_twice(one, "c3"))[1] == "first ends"


def test_redis_stopped_locks_in_the_process_then_redis_again(
        redis_server: PrivateRedis, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(locks, "RETRY_REDIS_SECONDS", 0.2)
    store = ConversationLocks()
    redis_server.stop()
    with caplog.at_level(logging.WARNING, logger=locks.__name__):
        assert asyncio.run(_serve_twice(store, "c4"))[1] == "first ends"  # answered, locally
    assert "Redis lock store not answering" in caplog.text
    assert isinstance(store.local, InMemoryLockStore) and store.redis_again_at
    redis_server.start()  # the same port
    asyncio.run(asyncio.sleep(0.3))
    ticket = store.issue_ticket("c5")
    assert redis_lock_store(redis_server.url).get_lock("c5").is_locked(ticket + 1)
    assert "answers again" in caplog.text and not store.redis_again_at


def test_redis_url_must_be_a_redis_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDIS_URL", "http://127.0.0.1:6379")
    with pytest.raises(ValueError, match="redis://host:6379/0"):
        ConversationLocks()
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/locks")
    with pytest.raises(ValueError, match="must be a number"):
        ConversationLocks()


def test_the_launcher_names_stores_that_do_not_answer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TRACKER_DATABASE_URL", "postgresql://postgres:secret@127.0.0.1:9/none")
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:9/0")
    found = health.problems()
    assert len(found) == 2 and "secret" not in " ".join(found)
    assert found[0].startswith("cannot reach the conversation database (TRACKER_DATABASE_URL) "
                               "postgresql://postgres:***@127.0.0.1:9/none")
    assert found[1].startswith("cannot reach Redis (REDIS_URL)")
    monkeypatch.setenv("TRACKER_DATABASE_URL", f"sqlite:///{tmp_path / 'c.db'}")
    monkeypatch.delenv("REDIS_URL")
    assert health.problems() == []


@pytest.mark.parametrize(("tracker", "redis", "missing"), [
    (None, None, ["TRACKER_DATABASE_URL=postgresql://", "REDIS_URL=redis://"]),
    ("postgresql://postgres@127.0.0.1/test", None, ["REDIS_URL=redis://"]),
    ("sqlite:///var/c.db", "redis://127.0.0.1:6379/0", ["TRACKER_DATABASE_URL=postgresql://"]),
])
def test_replicas_are_refused_without_postgresql_and_redis(
        monkeypatch: pytest.MonkeyPatch, tracker: str | None, redis: str | None, missing: list[str]) -> None:
    for name, value in (("TRACKER_DATABASE_URL", tracker), ("REDIS_URL", redis)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    replicas.check_settings(1)  # one replica needs neither
    with pytest.raises(replicas.ReplicaSettingsError) as refused:
        replicas.check_settings(2)
    assert all(m in str(refused.value) for m in missing)
    assert ("TRACKER" in str(refused.value)) == (tracker is None or tracker.startswith("sqlite"))


def test_the_launcher_refuses_replicas_and_says_why(monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture) -> None:
    from assistant import serve

    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.delenv("TRACKER_DATABASE_URL", raising=False)
    if not serve.config.model_path().exists():
        pytest.fail("no trained model: 'make test' trains it first")
    assert serve.main(["--replicas", "2"]) == 2
    assert "--replicas 2 needs TRACKER_DATABASE_URL=postgresql://" in capsys.readouterr().err


def test_nginx_accepts_the_configuration(tmp_path: Path) -> None:
    conf = tmp_path / "nginx.conf"
    conf.write_text(replicas.nginx_conf(3, "127.0.0.1", tmp_path), encoding="utf-8")
    checked = subprocess.run([replicas.nginx_binary(), "-t", "-p", str(tmp_path), "-c", str(conf)],
                             capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, checked.stderr
    text = conf.read_text()
    for replica in (1, 2, 3):
        assert text.count(f"server 127.0.0.1:{replicas.rasa_port(replica)} max_fails=1") == 2
    assert "hash $socketio_key consistent" in text and "proxy_set_header Upgrade $http_upgrade" in text
