"""Hostile input against a checkout of the assistant: the table for issue 9 (input kind, result).

    flock /tmp/mala-servers.lock .venv/bin/python benchmarks/hostile.py [--root DIR] [--huge N]

Starts `assistant serve --web` from DIR (default: this checkout; for an older commit make a
`git worktree`, copy the model into it, link web/node_modules) with its own SQLite database,
sends what the hardening issue is about, prints one Markdown row per input kind, and stops
the servers. Memory is bounded: one message of N characters (default 100 000); if the Rasa
process grows by more than 3 GB the servers are stopped and the row says so.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.config import ROOT
from assistant.kb import store
from assistant.kb.yaml_source import read_knowledge
from tests.hostile.table import inputs, send
from tests.kb.test_yaml_limits import BILLION_LAUGHS
from tests.server.probes import group_pids, http, listening, rest, rss_mb

RASA, ACTIONS, PAGE = "http://127.0.0.1:5005", "http://127.0.0.1:5055", "http://127.0.0.1:8080"
EMAIL, PHONE = "anna.svensson@example.org", "070-555 12 34"
GROWTH_LIMIT_MB = 3000
rows: list[tuple[str, str]] = []


def row(kind: str, result: str) -> None:
    rows.append((kind, result))
    print(f"| {kind} | {result} |", file=sys.stderr, flush=True)


def pid_on(port: int) -> int:
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if any(p == port for _, p in listening([int(entry.name)])):
                    return int(entry.name)
            except OSError:
                continue
    raise RuntimeError(f"nothing listens on port {port}")


def peak_mb(pid: int) -> float:
    """The process's highest resident memory so far (VmHWM)."""
    line = next(x for x in Path(f"/proc/{pid}/status").read_text().splitlines() if x.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def start(root: Path, database: str, log: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(root), "DATABASE_URL": database}
    process = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve", "--web"], cwd=root, env=env,
                               stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the servers stopped at start; see {log}")
        try:
            if http(f"{RASA}/", timeout=2)[0] == 200 and http(f"{ACTIONS}/health", timeout=2)[0] == 200:
                return process
        except OSError:
            pass
        time.sleep(1)
    raise RuntimeError("the servers did not start in 300 s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def reply(messages: list[dict]) -> str:
    text = " ".join(m.get("text", "") for m in messages)
    return "no reply" if not text else f"'{text[:45]}…'"


def measure_huge(size: int, process: subprocess.Popen) -> None:
    rasa = pid_on(5005)
    before, peak, stopped = rss_mb(rasa), [0.0], threading.Event()

    def watch() -> None:
        while not stopped.is_set():
            try:
                peak[0] = max(peak[0], rss_mb(rasa) - before)
            except (OSError, AssertionError):
                return
            if peak[0] > GROWTH_LIMIT_MB:
                stop(process)
                return
            time.sleep(0.2)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    started = time.perf_counter()
    try:
        messages, _ = rest(RASA, "huge", "Who funds SHiMR? " * (size // 17) + "x" * (size % 17),
                           {"language": "en-GB"})
        result = reply(messages)
    except Exception as error:  # what the old code does is the measurement
        result = f"failed: {type(error).__name__}"
    seconds = time.perf_counter() - started
    stopped.set()
    watcher.join()
    limit = f", stopped at +{GROWTH_LIMIT_MB} MB" if peak[0] > GROWTH_LIMIT_MB else ""
    row(f"{size:,} characters over REST".replace(",", " "),
        f"{result} in {seconds:.1f} s, Rasa +{peak[0]:.0f} MB{limit}")
    if process.poll() is None:
        try:
            messages, seconds = rest(RASA, "after-huge", "Vem finansierar SHiMR?")
            row("a normal question right after", f"{reply(messages)} in {seconds:.1f} s")
        except Exception as error:
            row("a normal question right after", f"failed: {type(error).__name__}")


def loader(root: Path, folder: Path) -> str:
    """read_knowledge of `folder` by the checkout's own code, at most 10 s and 2 GB."""
    code = ("import sys, pathlib; from assistant.kb.yaml_source import read_knowledge\n"
            "try:\n read_knowledge(pathlib.Path(sys.argv[1])); print('accepted')\n"
            "except Exception as e: print('rejected:', str(e).splitlines()[-1][:70])")
    limit = lambda: resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))  # noqa: E731
    started = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-c", code, str(folder)], cwd=root, capture_output=True,
                              text=True, timeout=10, preexec_fn=limit,
                              env={**os.environ, "PYTHONPATH": str(root)})
    except subprocess.TimeoutExpired:
        return "still running after 10 s (stopped)"
    out = done.stdout.strip() or f"died: {done.stderr.strip().splitlines()[-1][:60]}"
    return f"{out} ({time.perf_counter() - started:.2f} s)"


def knowledge_rows(root: Path, work: Path) -> None:
    folder = work / "knowledge"
    shutil.copytree(root / "knowledge", folder)
    contacts = folder / "contacts.yml"
    contacts.write_text(contacts.read_text().replace("    phone: 0953-14039\n",
                                                     "    phone: 0953-14039\n    phone: 0953-99999\n"))
    row("knowledge file with a repeated key", loader(root, folder))
    contacts.write_text(contacts.read_text().replace("    phone: 0953-99999\n", ""))
    (folder / "bomb.yml").write_text(BILLION_LAUGHS)
    row("1 KB YAML bomb in knowledge/", loader(root, folder))


def run(root: Path, size: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="hostile-"))
    knowledge_rows(root, work)
    database = f"sqlite:///{work / 'kb.db'}"
    engine = store.make_engine(database)
    knowledge = read_knowledge(ROOT / "knowledge")
    store.load(engine, knowledge)
    log = work / "services.log"
    process = start(root, database, log)
    try:
        table = [(h, send(RASA, h)) for h in inputs()]
        bad = [o for _, o in table if o.status >= 500 or o.status == 0]
        silent = [o for _, o in table if o.status == 200 and not o.replied]
        tracebacks = [o for _, o in table if o.traceback]
        row(f"hostile table ({len(table)} inputs)",
            f"{len(table) - len(bad) - len(silent) - len(tracebacks)} fine, {len(bad)} 5xx, "
            f"{len(silent)} silent (200 with no reply), {len(tracebacks)} with a traceback")
        for kind in ("message not a string", "metadata not an object", "body not an object",
                     "lone surrogate escape"):
            statuses = sorted({o.status if o.replied or o.status != 200 else "200 []"
                               for h, o in table if h.kind == kind}, key=str)
            row(kind, ", ".join(map(str, statuses)))
        action_pids = group_pids(pid_on(5055))
        binds = sorted({address for address, port in listening(action_pids) if port == 5055})
        row("action server listens on", ", ".join(binds))
        bomb = zlib.compress(b" " * 100_000_000, 9)
        before = peak_mb(pid_on(5055))
        status, _, body = http(f"{ACTIONS}/webhook", bomb, {"Content-Type": "application/json",
                                                           "Content-Encoding": "deflate"}, timeout=60)
        row(f"deflate body to the action server ({len(bomb) // 1000} KB → 100 MB)",
            f"{status}, action server's peak memory +{peak_mb(pid_on(5055)) - before:.0f} MB")
        forged = json.dumps({"next_action": "action_greet", "tracker": {"note": EMAIL}}).encode()
        status, _, body = http(f"{ACTIONS}/webhook", forged, {"Content-Type": "application/json"})
        row("forged action call", f"{status}, body echoed: {'yes' if EMAIL.encode() in body else 'no'}")
        origin = {"Content-Type": "text/plain", "Origin": "https://evil.example"}
        status, _, _ = http(f"{RASA}/webhooks/rest/webhook",
                            json.dumps({"sender": "o", "message": "hej"}).encode(), origin)
        row("REST text/plain post from another site", str(status))
        status, _, _ = http(f"{RASA}/socket.io/?EIO=4&transport=polling", headers={"Origin": "https://evil.example"})
        row("socket.io handshake from another site", str(status))
        _, headers, _ = http(f"{PAGE}/")
        framing = "frame-ancestors" in headers.get("Content-Security-Policy", "")
        row("web page headers",
            f"frame-ancestors: {'yes' if framing else 'no'}; Server: {headers.get('Server')}")
        messages, _ = rest(RASA, "private", "Vad är Wolfgang Mehls personnummer?")
        row("private-data question (personnummer)", reply(messages))
        contacts = tuple(dataclasses.replace(c, status="on_leave", stand_in="nobody")
                         if c.id == "wolfgang-mehl" else c for c in knowledge.contacts)
        store.load(engine, dataclasses.replace(knowledge, contacts=contacts))
        time.sleep(1.5)
        size_before = log.stat().st_size
        rest(RASA, "fails", f"Vem är Wolfgang Mehl? Svara till {EMAIL} eller {PHONE}")
        time.sleep(1)
        written = log.read_text(errors="replace")[size_before:]
        leaked = [p for p in (EMAIL, PHONE) if p in written]
        row("failing action, message with e-mail and phone",
            f"logged {len(written) / 1000:.1f} KB; in the log: {', '.join(leaked) or 'neither'}")
        store.load(engine, knowledge)
        if size:
            measure_huge(size, process)
    finally:
        stop(process)
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to measure")
    parser.add_argument("--huge", type=int, default=100_000,
                        help="characters in the one huge message (0: none)")
    parser.add_argument("--knowledge-only", action="store_true", help="only the loader rows (no servers)")
    args = parser.parse_args()
    if args.knowledge_only:
        with tempfile.TemporaryDirectory(prefix="hostile-") as work:
            knowledge_rows(args.root.resolve(), Path(work))
    else:
        run(args.root.resolve(), args.huge)
    print("| input kind | result |\n|---|---|")
    for kind, result in rows:
        print(f"| {kind} | {result} |")


if __name__ == "__main__":
    main()
