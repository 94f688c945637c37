"""Faults with real processes: `assistant serve --replicas 2` (two Rasa servers and two action
servers behind nginx) on a PostgreSQL and a Redis server of the tests' own, under 50 REST and
20 socket.io visitors at once, each checking that its follow-ups keep their context:

- no fault: nothing fails, no context lost or crossed;
- a Rasa server killed: the visitors go on through the other one with their context; only the
  requests in flight on the killed one fail; the launcher starts it again;
- an action server killed: the visitor gets the polite message, then answers again once the
  launcher has it back;
- PostgreSQL restarted: answers resume without restarting Rasa;
- Redis stopped: the visitors are still answered (locks kept in each process), and Redis is
  used again once it is back.

Each phase runs for a bounded time; what the visitors saw is written to
test-artifacts/faults.md (the closing note's fault table). The servers use their own ports
(RASA_PORT 5305), so the session's other servers may run meanwhile.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant import config, replicas
from assistant.kb import store
from assistant.kb.content import Knowledge
from tests.conversations.servers import PrivatePostgres, PrivateRedis
from tests.production.traffic import POLITE, Tally, visit
from tests.server.probes import http, listening, rest

RASA_PORT, ACTIONS_PORT = 5305, 5355
REST_VISITORS, SOCKETIO_VISITORS = 50, 20
ARTIFACT = config.ROOT / "test-artifacts" / "faults.md"
RESULTS: list[tuple[str, Tally, str]] = []


@dataclass
class Replicated:
    url: str
    launcher: subprocess.Popen
    postgres: PrivatePostgres
    redis: PrivateRedis
    output: Path

    def pid_on(self, port: int) -> int:
        """The process listening on this port (a Rasa or action server of a replica)."""
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    if ("127.0.0.1", port) in listening([int(entry.name)]):
                        return int(entry.name)
                except OSError:  # it ended while we looked
                    continue
        raise AssertionError(f"nothing listens on {port}")

    def wait_until_answers(self, port: int, timeout: float = 240) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if http(f"http://127.0.0.1:{port}/")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise AssertionError(f"port {port} did not answer within {timeout:.0f} s")


def _ask(url: str, sender: str, text: str) -> list[str]:
    return [m.get("text", "") for m in rest(url, sender, text, {"language": "sv"})[0]]


@pytest.fixture(scope="module")
def replicated(knowledge: Knowledge, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Replicated]:
    folder = tmp_path_factory.mktemp("replicas")
    postgres, redis = PrivatePostgres().up(), PrivateRedis().start()
    database = f"sqlite:///{folder / 'knowledge.db'}"
    store.load(store.make_engine(database), knowledge)
    settings = {"TRACKER_DATABASE_URL": postgres.url, "REDIS_URL": redis.url, "DATABASE_URL": database,
                "RASA_PORT": str(RASA_PORT), "ACTIONS_PORT": str(ACTIONS_PORT),
                "MAIL_WORKER_HEARTBEAT": str(folder / "worker.heartbeat")}
    output = folder / "serve.log"
    with pytest.MonkeyPatch.context() as patch:  # the launcher's settings, and this module's
        for name, value in settings.items():
            patch.setenv(name, value)
        with output.open("w") as sink:
            launcher = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve", "--replicas", "2"],
                                        cwd=config.ROOT, stdout=sink, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        yield from _serving(Replicated(f"http://127.0.0.1:{RASA_PORT}", launcher, postgres, redis, output))


def _serving(running: Replicated) -> Iterator[Replicated]:
    launcher, output = running.launcher, running.output
    try:
        deadline = time.monotonic() + 300
        while "The assistant is running" not in output.read_text(errors="replace"):
            if launcher.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"assistant serve --replicas 2 did not start:\n{output.read_text()[-4000:]}")
            time.sleep(1)
        yield running
    finally:
        with suppress(ProcessLookupError):
            os.killpg(launcher.pid, signal.SIGTERM)
        launcher.wait(timeout=60)
        running.postgres.down()
        running.redis.stop()
        _write_table()


def _load(running: Replicated, seconds: float, fault: tuple[float, Callable[[], object]] | None = None) -> Tally:
    """The visitors for `seconds`; `fault` is (after how many seconds, what to do) meanwhile."""

    async def run() -> Tally:
        visitors = asyncio.create_task(visit(running.url, REST_VISITORS, SOCKETIO_VISITORS, seconds))
        if fault is not None:
            await asyncio.sleep(fault[0])
            await asyncio.to_thread(fault[1])
        return await visitors

    return asyncio.run(run())


def _record(phase: str, tally: Tally, lost: str) -> None:
    RESULTS.append((phase, tally, lost))
    print(f"\n{phase}: {tally}")


def _write_table() -> None:
    ARTIFACT.parent.mkdir(exist_ok=True)
    rows = ["| what was done | requests | failed | of them the polite message | follow-ups checked "
            "| context lost or crossed | what was lost |", "|---|---|---|---|---|---|---|"]
    rows += [f"| {phase} | {t.requests} | {t.failed} | {t.polite} | {t.followups_checked} | "
             f"{t.context_lost} | {lost} |" for phase, t, lost in RESULTS]
    ARTIFACT.write_text(f"{REST_VISITORS} REST and {SOCKETIO_VISITORS} socket.io visitors, two replicas\n\n"
                        + "\n".join(rows) + "\n", encoding="utf-8")


def test_many_visitors_keep_their_own_context(replicated: Replicated) -> None:
    tally = _load(replicated, 20)
    _record("nothing (20 s)", tally, "nothing")
    assert tally.requests > 200 and tally.followups_checked > 100
    assert tally.failed == 0 and tally.context_lost == 0


def test_a_killed_rasa_server_loses_only_what_it_had_in_flight(replicated: Replicated) -> None:
    victim = replicas.rasa_port(1)
    before = replicated.pid_on(victim)
    tally = _load(replicated, 25, (6, lambda: os.kill(before, signal.SIGKILL)))
    in_flight = REST_VISITORS + SOCKETIO_VISITORS  # at most one message each
    _record("Rasa server 1 killed (SIGKILL) after 6 s of 25", tally,
            f"{tally.failed} request(s) in flight on it or sent while it was gone")
    assert tally.failed <= in_flight
    assert all(at >= 5 for at in tally.failures_at), "failures before the kill"
    assert tally.context_lost == 0
    replicated.wait_until_answers(victim)  # the launcher started it again
    assert replicated.pid_on(victim) != before


def test_a_killed_action_server_gets_the_polite_message_then_answers(replicated: Replicated) -> None:
    victim = replicated.pid_on(replicas.actions_port(1))
    replica_one = f"http://127.0.0.1:{replicas.rasa_port(1)}"  # the Rasa server that calls it
    os.kill(victim, signal.SIGKILL)
    assert set(_ask(replica_one, "action-down", "Vem finansierar SHiMR?")) <= POLITE
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        answer = _ask(replica_one, "action-down", "Vem finansierar SHiMR?")
        if not set(answer) & POLITE:
            break
        time.sleep(1)
    assert "ERUF" in " ".join(answer)
    assert replicated.pid_on(replicas.actions_port(1)) != victim
    tally = _load(replicated, 10)
    _record("action server 1 killed (SIGKILL), then 10 s of visitors", tally,
            "one message on its replica got the polite message; answers again once the launcher restarted it")
    assert tally.failed == 0


def test_answers_resume_after_postgresql_restarts_without_restarting_rasa(replicated: Replicated) -> None:
    rasa = {replicated.pid_on(replicas.rasa_port(i)) for i in (1, 2)}
    tally = _load(replicated, 20, (5, replicated.postgres.restart))
    _record("PostgreSQL restarted after 5 s of 20", tally,
            f"{tally.failed} request(s); conversations kept (read again from PostgreSQL)")
    assert {replicated.pid_on(replicas.rasa_port(i)) for i in (1, 2)} == rasa
    assert tally.context_lost == 0 and tally.failed <= REST_VISITORS + SOCKETIO_VISITORS
    after = _load(replicated, 5)
    assert after.failed == 0 and after.context_lost == 0


def test_visitors_are_answered_while_redis_is_stopped(replicated: Replicated) -> None:
    tally = _load(replicated, 15, (3, replicated.redis.stop))
    _record("Redis stopped after 3 s of 15", tally,
            f"{tally.failed} request(s); then locks kept per Rasa server (a visitor stays on one)")
    assert tally.context_lost == 0 and tally.failed <= REST_VISITORS + SOCKETIO_VISITORS
    assert "Redis lock store not answering" in replicated.output.read_text(errors="replace")
    replicated.redis.start()
    after = _load(replicated, 10)
    _record("Redis started again, 10 s of visitors", after, "nothing")
    assert after.failed == 0 and after.context_lost == 0
