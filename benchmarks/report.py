"""How long `assistant report` takes on a large tracker store: 100 000 generated conversations
(tests/report/sample_store.py: both languages, projects, needs, buttons, fallbacks, personal
data, feedback, contact requests with their forms; the events Rasa stores for them) over 180
days, in a temporary SQLite file and, with --postgresql, in a schema of its own on the test
PostgreSQL server (dropped afterwards). The command is run as staff run it, in its own process,
and timed from start to exit (wall clock, and the CPU time it used: on a busy machine the wall
clock also measures the other processes). Binds no assistant port.

    .venv/bin/python benchmarks/report.py [--conversations 100000] [--days 180] [--runs 2]
                                          [--postgresql [URL]] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection

from assistant.dialogue.conversation import Conversation
from assistant.kb import store
from assistant.kb.service import KnowledgeBase
from assistant.kb.yaml_source import read_knowledge
from assistant.report.period import Period
from tests.conftest import KNOWLEDGE_DIR, POSTGRES_URL, TODAY
from tests.report.sample_store import DialogueAnswers, generate

BUDGET_SECONDS = 30.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conversations", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=180)
    parser.add_argument("--runs", type=int, default=2, help="times the report is made on each store")
    parser.add_argument("--postgresql", nargs="?", const=POSTGRES_URL, metavar="URL",
                        help=f"also on PostgreSQL (default {POSTGRES_URL}), in a schema of its own")
    parser.add_argument("--keep", type=Path, help="write the stores and reports here, and keep them")
    args = parser.parse_args()
    until = TODAY - timedelta(days=1)
    period = Period(until - timedelta(days=args.days - 1), until)
    rows = []
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        knowledge = store.make_engine(f"sqlite:///{folder / 'kb.db'}")
        store.load(knowledge, read_knowledge(KNOWLEDGE_DIR))
        answers = DialogueAnswers(Conversation(KnowledgeBase(knowledge, clock=lambda: TODAY)))
        # The conversations, and the knowledge with the contact requests, side by side.
        stores = f"sqlite:///{folder / 'conversations.db'}", f"sqlite:///{folder / 'requests.db'}"
        rows.append(measure("SQLite", *stores, period, answers, args, folder))
        if args.postgresql:
            rows.append(on_postgresql(args.postgresql, period, answers, args, folder))
    print()
    print(f"`assistant report` on {args.conversations:,} conversations over {args.days} days "
          f"({os.cpu_count()} cores; budget {BUDGET_SECONDS:.0f} s)")
    print("| store | events | stored | generated in | report runs (wall, s) | the same (CPU, s) "
          "| peak memory |")
    print("|---|---|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


def measure(name: str, tracker_url: str, knowledge_url: str, period: Period, answers: DialogueAnswers,
            args: argparse.Namespace, folder: Path) -> list[str]:
    tracker, knowledge = create_engine(tracker_url, future=True), store.make_engine(knowledge_url)
    store.load(knowledge, read_knowledge(KNOWLEDGE_DIR))
    started = time.monotonic()
    generate(tracker, period, args.conversations, answers, knowledge=knowledge, seed=12)
    generated = time.monotonic() - started
    with tracker.connect() as conn:
        events = conn.execute(text("SELECT count(*) FROM events")).scalar_one()
        size = _size(conn, tracker_url)
    tracker.dispose()
    knowledge.dispose()
    print(f"{name}: {events:,} events written in {generated:.0f} s", flush=True)
    walls, cpus = [], []
    for run in range(args.runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        command = [sys.executable, "-m", "assistant.cli", "report", "--since", str(period.since),
                   "--until", str(period.until), "--out", str(folder / f"out-{name.lower()}"),
                   "--tracker", tracker_url, "--database", knowledge_url]
        started = time.monotonic()
        done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": "."})
        walls.append(time.monotonic() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if done.returncode:
            raise SystemExit(f"assistant report failed:\n{done.stderr[-3000:]}")
        print(f"{name}: run {run + 1}: {walls[-1]:.1f} s ({cpus[-1]:.1f} s CPU) -> {done.stdout.strip()}",
              flush=True)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return [name, f"{events:,}", size, f"{generated:.0f} s", ", ".join(f"{w:.1f}" for w in walls),
            ", ".join(f"{c:.1f}" for c in cpus), f"{peak:.0f} MB"]


def on_postgresql(url: str, period: Period, answers: DialogueAnswers, args: argparse.Namespace,
                  folder: Path) -> list[str]:
    schema = f"bench_report_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, future=True)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        separator = "&" if "?" in url else "?"
        in_schema = f"{url}{separator}options=-csearch_path%3D{schema}"
        return measure("PostgreSQL", in_schema, in_schema, period, answers, args, folder)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _size(conn: Connection, url: str) -> str:
    if conn.dialect.name == "postgresql":
        found = conn.execute(text("SELECT pg_total_relation_size('events')")).scalar_one()
    else:
        found = Path(url.removeprefix("sqlite:///")).stat().st_size
    return f"{found / 1e6:.0f} MB"


if __name__ == "__main__":
    sys.exit(main())
