"""Load: the assistant beside a bare `rasa init` bot, on this machine, with the same client (issue 11).

    flock /tmp/mala-servers.lock .venv/bin/python benchmarks/load.py [--quick] [--skip-bare]
        [--replicas 1,2] [--url RASA_URL]

In one run it trains the default bot of `rasa init` in a temporary folder and serves it with
`rasa run` on a free port, then starts the project with `assistant serve` once per replica count
(one replica: conversations in a temporary SQLite file; more: in a PostgreSQL database made for
the run and dropped after it, locks in a Redis database emptied after it). Each is measured alike:

- start-up: seconds from starting the process to the first successful answer;
- sequential: 200 messages, one conversation at a time (a fresh sender each), latency p50 and p95;
- 20 and 50 users for 30 s each, every user holding conversations and waiting for each reply
  before sending the next: answered messages per second, p95 latency, errors;
- CPU milliseconds per answered message, by process (less distorted by other load than latency);
- memory: resident memory (RSS, with any child processes) of each Rasa server after the load.

A reply counts only if it is HTTP 200 with a non-empty list of messages that is not the
assistant's polite error message. The bare bot gets its own domain's kind of messages, the
project visitors' questions in Swedish and English. Prints the issue's targets as a Markdown table
with the verdicts and writes the raw numbers to results/load.json. `--quick` is a smoke run (40
messages, 8 s per phase); `--url` measures an assistant already running there instead of starting
one (no start-up time, CPU or memory then).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable, Coroutine, Iterator, Sequence
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import aiohttp  # noqa: E402
from rasa_cli import RASA, rasa  # noqa: E402
from servers import running_assistant, serve_command  # noqa: E402

from assistant import config, serve  # noqa: E402
from assistant.dialogue import phrases  # noqa: E402
from assistant.kb import store  # noqa: E402
from assistant.kb.yaml_source import read_knowledge  # noqa: E402

# A conversation is the messages one visitor sends, each after the reply to the one before.
BARE_CONVERSATIONS = [
    ["hi", "I am sad", "yes", "bye"],
    ["hello there", "I'm feeling great", "goodbye"],
    ["hey", "are you a bot?", "bye"],
    ["good morning", "I feel very sad today", "no", "see you later"],
    ["good evening", "I am happy", "bye bye"],
    ["hello", "not good", "yes it did", "cu"],
    ["hey there", "am I talking to a human?", "great", "goodbye"],
    ["hi", "extremely sad", "indeed", "have a nice day"],
]
PROJECT_CONVERSATIONS = [
    ["Hej! Vad är SHiMR?", "Vem finansierar SHiMR?", "och när slutar det?"],
    ["when does Move Up North end", "who is the contact person?", "thanks"],
    ["vi söker två snickare", "hur når jag henne?", "tack så mycket"],
    ["Vad handlar 1,76-projektet om?", "hur mycket pengar är det?", "vem äger projektet?"],
    ["Hi, what projects is Malå running right now?", "tell me about the service project",
     "is it still running?"],
    ["Vad är Medskapande processer för hållbar service?", "vem kan jag prata med om det?"],
    ["I run a small company and need business advice", "which municipalities take part in SHiMR?",
     "who pays for it?"],
    ["hur mycket kostar Move Up North?", "vilka kommuner är med?", "tack, hej då"],
    ["We are hiring a nurse, can you help?", "what is Move Up North?"],
    ["Pågår SHiMR fortfarande?", "vem är projektledare?"],
    ["Vi funderar på att flytta till Malå", "finns det någon som kan hjälpa oss?"],
    ["how much money did Tillväxtverket give?", "what is the money used for?"],
]
POLITE_ERRORS = {phrases.ERROR(language) for language in ("sv", "en")}
START_TIMEOUT = 600.0  # seconds; two replicas load two models on two cores
REQUEST_TIMEOUT = 60.0


@dataclass(frozen=True)
class Settings:
    sequential_messages: int
    users: tuple[int, ...]
    seconds: float


FULL = Settings(sequential_messages=200, users=(20, 50), seconds=30)
QUICK = Settings(sequential_messages=40, users=(20, 50), seconds=8)


@dataclass(frozen=True)
class Reply:
    seconds: float
    error: str | None  # None: the reply counts (see judged)


@dataclass(frozen=True)
class Phase:
    """One measured stretch: the replies that counted and their latency, the errors by kind."""
    users: int
    replies: int
    errors: dict[str, int]
    seconds: float
    p50_ms: float | None
    p95_ms: float | None
    cpu_ms: dict[str, float] = field(default_factory=dict)  # CPU per counted reply, by process kind

    @property
    def per_second(self) -> float:
        return self.replies / self.seconds if self.seconds else 0.0


@dataclass
class Measured:
    name: str
    replicas: int | None  # None: the bare bot
    startup_s: float | None = None
    rss_mb: list[float] = field(default_factory=list)  # per Rasa server, after the load
    peak_rss_mb: list[float] = field(default_factory=list)
    processes: list[tuple[str, float]] = field(default_factory=list)  # all it runs: (kind, RSS MB)
    phases: list[Phase] = field(default_factory=list)  # the sequential one has 1 user
    sequential_ms: list[float] = field(default_factory=list)
    load_average: list[float] = field(default_factory=list)  # 1-minute load: before, after

    def phase(self, users: int) -> Phase | None:
        return next((p for p in self.phases if p.users == users), None)


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0–100), linear between the closest ranks (as numpy's default)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summarise(users: int, replies: Sequence[Reply], seconds: float) -> Phase:
    ok_ms = [r.seconds * 1000 for r in replies if r.error is None]
    errors = Counter(r.error for r in replies if r.error is not None)
    return Phase(users, len(ok_ms), dict(errors), seconds, percentile(ok_ms, 50), percentile(ok_ms, 95))


@dataclass(frozen=True)
class Verdict:
    target: str
    system: str
    measured: str
    limit: str
    met: bool | None  # None: not measured


def _verdict(target: str, system: Measured, value: float | None, limit: float | None,
             unit: str, higher_is_better: bool = False) -> Verdict:
    shown = f"{value:.{0 if unit == 'ms' else 1}f} {unit}" if value is not None else "not measured"
    bound = f"{'≥' if higher_is_better else '≤'} {limit:.{0 if unit == 'ms' else 1}f} {unit}" \
        if limit is not None else "bare bot not measured"
    met = None if value is None or limit is None else (value >= limit if higher_is_better else value <= limit)
    return Verdict(target, system.name, shown, bound, met)


def verdicts(bare: Measured, projects: Sequence[Measured]) -> list[Verdict]:
    """The issue's targets, each for every project system it applies to."""
    found = []
    bare_p50 = bare.phase(1) and bare.phase(1).p50_ms
    bare_rss = max(bare.rss_mb) if bare.rss_mb else None
    for project in projects:
        p50 = project.phase(1) and project.phase(1).p50_ms
        found.append(_verdict("sequential p50 ≤ bare bot's", project, p50, bare_p50, "ms"))
    for project in (p for p in projects if (p.replicas or 0) >= 2):
        for phase in (p for p in project.phases if p.users > 1):
            own = bare.phase(phase.users)
            found.append(_verdict(f"throughput at {phase.users} users ≥ 1.5 × bare bot's", project,
                                  phase.per_second, own and 1.5 * own.per_second, "msg/s",
                                  higher_is_better=True))
    for project in projects:
        found.append(_verdict("start-up ≤ bare bot's", project, project.startup_s, bare.startup_s, "s"))
    for project in projects:
        found.append(_verdict("memory per replica ≤ bare bot's + 20 %", project,
                              max(project.rss_mb) if project.rss_mb else None,
                              bare_rss and 1.2 * bare_rss, "MB"))
    return found


def verdict_table(found: Sequence[Verdict]) -> str:
    lines = ["| target | system | measured | target value | met |", "|---|---|---|---|---|"]
    for v in found:
        met = "not measured" if v.met is None else ("yes" if v.met else "**no**")
        lines.append(f"| {v.target} | {v.system} | {v.measured} | {v.limit} | {met} |")
    return "\n".join(lines)


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def numbers_table(systems: Sequence[Measured], settings: Settings) -> str:
    head = ["system", "start-up s", "seq p50 ms", "seq p95 ms"]
    for users in settings.users:
        head += [f"{users} users msg/s", f"{users} users p95 ms", f"{users} users errors"]
    head += ["Rasa RSS MB (per replica)", "peak RSS MB", "load avg before/after"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for s in systems:
        seq = s.phase(1)
        cells = [s.name, "–" if s.startup_s is None else f"{s.startup_s:.1f}",
                 _ms(seq and seq.p50_ms), _ms(seq and seq.p95_ms)]
        for users in settings.users:
            p = s.phase(users)
            cells += ["–", "–", "–"] if p is None else \
                [f"{p.per_second:.1f}", _ms(p.p95_ms), str(sum(p.errors.values()))]
        cells += [" + ".join(f"{m:.0f}" for m in s.rss_mb) or "–",
                  " + ".join(f"{m:.0f}" for m in s.peak_rss_mb) or "–",
                  " / ".join(f"{x:.2f}" for x in s.load_average)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def cpu_table(systems: Sequence[Measured]) -> str:
    """CPU milliseconds per answered message, by the kind of process that spent them."""
    lines = ["| system | users | CPU ms per answered message, by process |", "|---|---|---|"]
    for s in systems:
        for p in s.phases:
            if p.cpu_ms:
                by_cost = sorted(((kind, ms) for kind, ms in p.cpu_ms.items() if ms >= 0.1),
                                 key=lambda item: -item[1])
                spent = ", ".join(f"{kind} {ms:.1f}" for kind, ms in by_cost)
                lines.append(f"| {s.name} | {p.users} | {spent}; all {sum(p.cpu_ms.values()):.1f} |")
    return "\n".join(lines)


# --- the client: the same for every system ---

def judged(status: int, body: object) -> str | None:
    """None when a reply counts (HTTP 200, a non-empty list of messages, not the assistant's
    polite error, which it sends rather than nothing when handling a message failed); else why not."""
    if status != 200:
        return f"HTTP {status}"
    if not isinstance(body, list) or not body:
        return "empty reply"
    if any(isinstance(m, dict) and m.get("text") in POLITE_ERRORS for m in body):
        return "polite error"
    return None


async def send(session: aiohttp.ClientSession, url: str, sender: str, message: str) -> Reply:
    started = time.perf_counter()
    try:
        async with session.post(f"{url}/webhooks/rest/webhook",
                                json={"sender": sender, "message": message}) as response:
            body = await response.json(content_type=None) if response.status == 200 else None
            error = judged(response.status, body)
    except asyncio.TimeoutError:
        error = "timeout"
    except (aiohttp.ClientError, ValueError) as problem:
        error = type(problem).__name__
    return Reply(time.perf_counter() - started, error)


async def visitor(session: aiohttp.ClientSession, url: str, conversations: Iterator[list[str]],
                  go_on: Callable[[], bool], replies: list[Reply]) -> None:
    """Holds conversations one after another, as a person does: each a fresh sender, each
    message sent once the reply to the one before came."""
    while go_on():
        sender = f"load-{uuid.uuid4().hex}"
        for message in next(conversations):
            if not go_on():
                return
            replies.append(await send(session, url, sender, message))


async def run_phase(url: str, conversations: list[list[str]], users: int,
                    messages: int | None = None, seconds: float | None = None) -> tuple[Phase, list[Reply]]:
    """`users` visitors until `messages` were sent or `seconds` passed (the replies then in
    flight are waited for and count; the phase's time ends with the last of them)."""
    replies: list[Reply] = []
    started = time.perf_counter()

    def go_on() -> bool:
        if messages is not None:
            return len(replies) < messages
        return time.perf_counter() - started < seconds

    shared = itertools.cycle(conversations)
    connector = aiohttp.TCPConnector(limit=users)
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        await asyncio.gather(*(visitor(session, url, shared, go_on, replies) for _ in range(users)))
    return summarise(users, replies, time.perf_counter() - started), replies


async def first_answer(url: str, message: str, deadline: float) -> None:
    """Ask until a reply counts (the server may listen before it answers)."""
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=REQUEST_TIMEOUT)) as session:
        while True:
            reply = await send(session, url, f"load-start-{uuid.uuid4().hex}", message)
            if reply.error is None:
                return
            if time.monotonic() > deadline:
                raise RuntimeError(f"no answer from {url} before the deadline (last: {reply.error})")
            await asyncio.sleep(0.1)


def measure(system: Measured, url: str, conversations: list[list[str]], settings: Settings,
            root: int | None) -> None:
    """Warm up with every conversation once, then the sequential and the concurrent phases (with
    the CPU time the system's processes spent on them), then the Rasa servers' memory."""
    system.load_average.append(os.getloadavg()[0])
    asyncio.run(run_phase(url, conversations, 1, messages=sum(map(len, conversations))))
    print(f"{system.name}: sequential, {settings.sequential_messages} messages", file=sys.stderr, flush=True)
    replies = _phase(system, root, run_phase(url, conversations, 1, messages=settings.sequential_messages))
    system.sequential_ms = [round(r.seconds * 1000, 1) for r in replies if r.error is None]
    for users in settings.users:
        print(f"{system.name}: {users} users for {settings.seconds:.0f} s", file=sys.stderr, flush=True)
        _phase(system, root, run_phase(url, conversations, users, seconds=settings.seconds))
    if root is not None:
        pids = rasa_servers(root)
        system.rss_mb = [round(sum(status_mb(p, "VmRSS") for p in tree(pid)), 1) for pid in pids]
        system.peak_rss_mb = [round(sum(status_mb(p, "VmHWM") for p in tree(pid)), 1) for pid in pids]
        system.processes = [(_kind(pid), round(status_mb(pid, "VmRSS"), 1)) for pid in tree(root)]
    system.load_average.append(os.getloadavg()[0])


def _phase(system: Measured, root: int | None,
           run: Coroutine[Any, Any, tuple[Phase, list[Reply]]]) -> list[Reply]:
    before = cpu_seconds(root) if root is not None else {}
    phase, replies = asyncio.run(run)
    if root is not None and phase.replies:
        after = cpu_seconds(root)
        spent = {kind: (after[kind] - before.get(kind, 0)) * 1000 / phase.replies for kind in after}
        phase = replace(phase, cpu_ms={kind: round(ms, 1) for kind, ms in spent.items()})
    system.phases.append(phase)
    return replies


# --- processes ---

def status_mb(pid: int, key: str) -> float:
    """A memory figure of /proc/<pid>/status (VmRSS now, VmHWM the peak) in MB; 0 if gone."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return 0.0
    return next((int(x.split()[1]) / 1024 for x in lines if x.startswith(f"{key}:")), 0.0)


def cpu_seconds(root: int) -> dict[str, float]:
    """CPU time (user and system) the processes under `root` have used so far, by kind."""
    found: Counter[str] = Counter()
    for pid in tree(root):
        with suppress(OSError, IndexError):
            fields = _stat(pid)
            found[_kind(pid)] += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return dict(found)


def _stat(pid: int) -> list[str]:
    """/proc/<pid>/stat's fields after the command name: [1] ppid, [11] and [12] user and
    system CPU time in clock ticks, [19] the start time."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    return stat[stat.rindex(")") + 2:].split()


def _parents() -> dict[int, int]:
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with suppress(OSError):
                found[int(entry.name)] = int(_stat(int(entry.name))[1])
    return found


def tree(pid: int) -> list[int]:
    """The process and all its descendants."""
    parents = _parents()
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += [child for child, parent in parents.items() if parent == current]
    return found


def _identity(pid: int) -> tuple[int, str] | None:
    """The pid with its start time, so that a pid used again by another process is not taken for it."""
    try:
        return pid, _stat(pid)[19]
    except OSError:
        return None


def _arguments(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")
    except OSError:
        return []


def _kind(pid: int) -> str:
    """What a process is, for the memory by kind: `rasa run`, `assistant serve`, a module, nginx …"""
    args = [a for a in _arguments(pid) if a]
    if args and ": " in args[0]:  # a process that set its own title ("nginx: worker process")
        return args[0].split(": ")[0]
    if "-m" in args[:-1]:
        return args[args.index("-m") + 1]
    if args and Path(args[0]).name.startswith("python"):
        args = args[1:]
    return " ".join([Path(args[0]).name, *args[1:2]]) if args else "?"


def is_rasa_server(pid: int) -> bool:
    """`rasa run` (not `rasa run actions`): the process that loads the model."""
    args = _arguments(pid)
    return any(a.endswith("/rasa") and args[i + 1:i + 2] == ["run"] and "actions" not in args[i + 2:i + 3]
               for i, a in enumerate(args))


def rasa_servers(root: int) -> list[int]:
    """The Rasa servers among the processes `root` started (outermost only)."""
    servers = [p for p in tree(root) if is_rasa_server(p)]
    return [p for p in servers if not any(p != s and p in tree(s) for s in servers)]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((config.LOCAL, 0))
        return probe.getsockname()[1]


@contextmanager
def started(system: Measured, name: str, command: list[str], url: str, first: str,
            log: IO, env: dict[str, str] | None = None) -> Iterator[int]:
    """The process running for the block, its start-up time measured to the first answer; yields
    its pid. Any process it started that outlives stopping it is killed (by pid) afterwards."""
    began = time.monotonic()
    service = serve.Service(name, command, f"{url}/", env or {})
    running = serve.Running([service], timeout=START_TIMEOUT, output=log)
    with running:
        asyncio.run(first_answer(url, first, began + START_TIMEOUT))
        system.startup_s = round(time.monotonic() - began, 2)
        pid = running.processes[0][1].pid
        ours = {_identity(p) for p in tree(pid)} - {None}
        try:
            yield pid
        finally:
            running.stop()
            for leftover in ours:
                if _identity(leftover[0]) == leftover:
                    print(f"{name}: process {leftover[0]} outlived the stop; killed", file=sys.stderr)
                    with suppress(ProcessLookupError):
                        os.kill(leftover[0], signal.SIGKILL)


def bare_bot(folder: Path, settings: Settings, log: IO) -> Measured:
    system = Measured("bare rasa init bot", None)
    print("bare bot: rasa init (trains its default model)", file=sys.stderr, flush=True)
    began = time.monotonic()
    folder.mkdir()
    rasa("init", "--no-prompt", "--init-dir", str(folder))
    print(f"bare bot: trained in {time.monotonic() - began:.0f} s", file=sys.stderr, flush=True)
    model = next((folder / "models").glob("*.tar.gz"))
    port = free_port()
    url = f"http://{config.LOCAL}:{port}"
    command = [RASA, "run", "--interface", config.LOCAL, "--port", str(port), "--model", str(model),
               "--credentials", str(folder / "credentials.yml"), "--endpoints", str(folder / "endpoints.yml")]
    with started(system, "bare Rasa server", command, url, BARE_CONVERSATIONS[0][0], log) as pid:
        measure(system, url, BARE_CONVERSATIONS, settings, pid)
    return system


@contextmanager
def conversation_stores(replicas: int, folder: Path, postgres: str,
                        redis_url: str) -> Iterator[dict[str, str]]:
    """The settings for `assistant serve`: one replica keeps the default kind of store (an
    SQLite file, here a temporary one); more get a PostgreSQL database made for the run and
    dropped after it, and a Redis database that must be empty and is emptied after it."""
    if replicas == 1:
        yield {"TRACKER_DATABASE_URL": f"sqlite:///{folder / 'conversations.db'}"}
        return
    import redis
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    locks = redis.Redis.from_url(redis_url)
    if locks.dbsize():
        raise RuntimeError(f"{redis_url} is not empty: choose a Redis database nobody uses (--redis)")
    admin = create_engine(postgres, isolation_level="AUTOCOMMIT", future=True)
    database = "mala_load"
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
        connection.execute(text(f"CREATE DATABASE {database}"))
    try:
        yield {"TRACKER_DATABASE_URL": make_url(postgres).set(database=database).render_as_string(False),
               "REDIS_URL": redis_url}
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
        admin.dispose()
        locks.flushdb()


def project(replicas: int, folder: Path, settings: Settings, log: IO, postgres: str,
            redis_url: str) -> Measured:
    system = Measured(f"assistant, {replicas} replica{'s' if replicas > 1 else ''}", replicas)
    url = config.rasa_url()
    print(f"{system.name}: starting", file=sys.stderr, flush=True)
    with conversation_stores(replicas, folder, postgres, redis_url) as stores, \
            started(system, "assistant serve", serve_command(replicas), url,
                    PROJECT_CONVERSATIONS[0][0], log, stores) as pid:
        measure(system, url, PROJECT_CONVERSATIONS, settings, pid)
    return system


def given_url(url: str, settings: Settings) -> Measured:
    system = Measured(f"assistant at {url}", None)
    with running_assistant(url, read_knowledge(config.knowledge_dir())) as ready:
        measure(system, ready, PROJECT_CONVERSATIONS, settings, None)
    return system


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run: fewer messages, shorter phases")
    parser.add_argument("--skip-bare", action="store_true", help="do not train and measure the bare bot")
    parser.add_argument("--replicas", default="1,2", help="replica counts to start, comma-separated (1,2)")
    parser.add_argument("--url", help="measure the assistant already running at this Rasa URL instead")
    parser.add_argument("--postgres", default=os.environ.get("TEST_POSTGRES_URL",
                                                             "postgresql://postgres@127.0.0.1:5432/test"),
                        help="PostgreSQL server (any database) where the run's database is made")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/5",
                        help="an empty Redis database for the locks")
    parser.add_argument("--out", type=Path, default=ROOT / "results" / "load.json")
    args = parser.parse_args()
    replica_counts = [int(n) for n in args.replicas.split(",") if n.strip()]
    settings = QUICK if args.quick else FULL
    args.out.parent.mkdir(parents=True, exist_ok=True)
    log_path = args.out.with_suffix(".log")
    bare, projects = Measured("bare rasa init bot", None), []
    with ExitStack() as stack:
        log = stack.enter_context(log_path.open("w"))
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="load-")))
        if not args.skip_bare:
            bare = bare_bot(folder / "bare", settings, log)
        if args.url:
            projects.append(given_url(args.url, settings))
        else:
            store.load(store.make_engine(config.database_url()), read_knowledge(config.knowledge_dir()))
            for replicas in replica_counts:
                projects.append(project(replicas, folder, settings, log, args.postgres, args.redis))
    systems = ([] if args.skip_bare else [bare]) + projects
    found = verdicts(bare, projects)
    print(f"\n{os.cpu_count()} cores; conversations of {len(BARE_CONVERSATIONS)} (bare bot) and "
          f"{len(PROJECT_CONVERSATIONS)} (assistant) kinds; {settings.sequential_messages} sequential "
          f"messages, {settings.seconds:.0f} s per concurrent phase\n")
    print(numbers_table(systems, settings))
    print()
    print(cpu_table(systems))
    print()
    for s in systems:
        if s.processes:
            print(f"{s.name}, RSS of every process it runs (MB): "
                  + ", ".join(f"{kind} {mb:.0f}" for kind, mb in sorted(s.processes)))
    print()
    print(verdict_table(found))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    args.out.write_text(json.dumps({
        "commit": commit, "cores": os.cpu_count(), "settings": asdict(settings),
        "systems": [{**asdict(s), "phases": [{**asdict(p), "per_second": round(p.per_second, 2)}
                                             for p in s.phases]} for s in systems],
        "verdicts": [asdict(v) for v in found]}, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"\nraw numbers: {args.out}; servers' output: {log_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
