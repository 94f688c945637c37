"""Start the whole assistant in the foreground: the action server, the Rasa server (REST and
socket.io channels), the mail worker that delivers contact requests and, with --web, the
page with the chat widget. A service that stops is started again (one that keeps stopping
ends the whole launcher); Ctrl-C (or SIGTERM) stops all of them cleanly.

With --replicas N (N > 1), N Rasa servers and N action servers run behind nginx on RASA_PORT
(assistant/replicas.py); they need TRACKER_DATABASE_URL (PostgreSQL) and REDIS_URL.

Settings (environment; defaults in assistant/config.py):
  ASSISTANT_HOST   interface to bind (default 127.0.0.1)
  RASA_PORT, ACTIONS_PORT, WEB_PORT
                   the Rasa server (5005), the action server (5055), the web page (8080)
  MODEL_PATH       the trained model (default models/mala.tar.gz)
  CORS_ORIGINS     space-separated origins allowed to call the Rasa server
                   (default: the web page's own origins)
  MAX_MESSAGE_CHARS, MAX_REQUEST_BYTES, ACTION_MAX_BYTES   limits (see the README)
  SMTP_HOST …      the mail worker's server; unset, mails are written to var/mail/ (README)
  TRACKER_DATABASE_URL, REDIS_URL
                   where conversations and their locks are kept (README)
  RASA_AUTH_TOKEN  if set, Rasa's HTTP API is enabled and protected by this token;
                   if not set, the HTTP API stays off (only the chat channels answer)
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import IO

from assistant import config
from assistant import replicas as replicas_
from assistant.config import LOCAL, ROOT
from assistant.conversations import health as stores
from assistant.replicas import ReplicaSettingsError


@dataclass(frozen=True)
class Service:
    name: str
    command: list[str]
    ready_url: str  # http: answers when ready; file: a heartbeat the service keeps touching
    env: dict[str, str] = field(default_factory=dict)  # on top of the launcher's environment
    replica: int = 0  # a Rasa server behind nginx: its number
    front: replicas_.NginxFront | None = None  # nginx: its configuration


def _pair(replica: int, host: str, rasa_port: int, action_port: int) -> list[Service]:
    """An action server and the Rasa server that calls it (replica 0: the one, without nginx)."""
    name = f" {replica}" if replica else ""
    rasa = [str(Path(sys.executable).parent / "rasa"), "run", "--model", str(config.model_path()),
            "--interface", host, "--port", str(rasa_port), "--credentials", str(ROOT / "credentials.yml"),
            "--endpoints", str(ROOT / "endpoints.yml"), "--cors", *config.cors_origins()]
    token = os.environ.get("RASA_AUTH_TOKEN")
    if token:
        rasa += ["--enable-api", "--auth-token", token]
    return [
        Service(f"action server{name}", [sys.executable, "-m", "assistant.action_server", "--host", host,
                                          "--port", str(action_port)],
                f"http://{LOCAL}:{action_port}/health"),
        # One Sanic worker (Rasa's default): the socket.io channel keeps sessions in the process.
        Service(f"Rasa server{name}", rasa, f"http://{LOCAL}:{rasa_port}/",
                {"ACTION_ENDPOINT_URL": f"http://{LOCAL}:{action_port}/webhook", "SANIC_WORKERS": "1"},
                replica=replica),
    ]


def services(web: bool, host: str, replicas: int = 1) -> list[Service]:
    """What `assistant serve` starts: one Rasa server on RASA_PORT, or N behind nginx there."""
    if replicas == 1:
        found = _pair(0, host, config.rasa_port(), config.actions_port())
    else:
        found = [s for i in range(1, replicas + 1)
                 for s in _pair(i, LOCAL, replicas_.rasa_port(i), replicas_.actions_port(i))]
        run_dir = ROOT / "var" / f"nginx-{config.rasa_port()}"
        front = replicas_.NginxFront(replicas, host, run_dir)
        nginx = [str(replicas_.nginx_binary()), "-p", str(run_dir), "-c", str(front.conf),
                 "-g", "daemon off;"]
        found.append(Service("nginx", nginx, f"{config.rasa_url()}/", front=front))
    found.append(Service("mail worker", [sys.executable, "-m", "assistant.handoff.worker"],
                         config.worker_heartbeat().as_uri()))
    if web:
        web_port = config.web_port()
        found.append(Service("web page", [sys.executable, str(ROOT / "web" / "serve.py"),
                                          "--port", str(web_port), "--host", host],
                             f"http://{LOCAL}:{web_port}/"))
    return found


def answers(url: str) -> bool:
    """An http URL answers below 500; a file: URL (a worker's heartbeat) was touched lately."""
    if url.startswith("file:"):
        fresh = max(10.0, 3 * config.mail_poll_seconds())
        try:
            return time.time() - Path(urllib.parse.urlparse(url).path).stat().st_mtime < fresh
        except OSError:
            return False
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status < 500
    except OSError:
        return False


class Running:
    """The started services; a context manager that always stops them. Their output goes
    to `output` (a file) if given, else to this process's stdout and stderr."""

    RESTARTS_ALLOWED = 5  # a service stopping more often than this in RESTART_WINDOW is given up
    RESTART_WINDOW = 120.0

    def __init__(self, wanted: list[Service], timeout: float = 240, output: IO | None = None) -> None:
        self.wanted = wanted
        self.timeout = timeout
        self.output = output
        self.processes: list[tuple[Service, subprocess.Popen]] = []
        self.env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2",
                    # Rasa's dependencies print pages of deprecation notices at start-up.
                    "PYTHONWARNINGS": "ignore::DeprecationWarning",
                    # Sanic reads SANIC_* settings: the Rasa server's cap on a request body.
                    "SANIC_REQUEST_MAX_SIZE": str(config.max_request_bytes()),
                    # Rasa's: a conversation locked by a Rasa server that died waits this long.
                    "TICKET_LOCK_LIFETIME": str(config.lock_lifetime_seconds())}

    def _start(self, service: Service) -> subprocess.Popen:
        return subprocess.Popen(service.command, cwd=ROOT, env={**self.env, **service.env},
                                start_new_session=True, stdout=self.output,
                                stderr=self.output and subprocess.STDOUT)

    def __enter__(self) -> Running:
        try:
            for service in self.wanted:
                if answers(service.ready_url):
                    raise RuntimeError(f"{service.ready_url} already answers: is the "
                                       f"{service.name} running elsewhere?")
                self.processes.append((service, self._start(service)))
            self._wait_until_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + self.timeout
        waiting = list(self.processes)
        while waiting:
            for service, process in list(waiting):
                if process.poll() is not None:
                    raise RuntimeError(f"the {service.name} stopped at start (exit {process.returncode})")
                if answers(service.ready_url):
                    waiting.remove((service, process))
            if time.monotonic() > deadline:
                names = ", ".join(s.name for s, _ in waiting)
                raise RuntimeError(f"not ready after {self.timeout:.0f} s: {names}")
            time.sleep(0.5)

    def stop(self) -> None:
        """SIGTERM each service's whole process group, then SIGKILL what is left after 15 s."""
        for _, process in reversed(self.processes):
            if process.poll() is None:
                with suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        for _, process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self.processes.clear()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def wait(self) -> int:
        """Supervise until a service keeps stopping: one that stops is started again (nginx
        sends its visitors to the other replicas meanwhile); return the exit code of one that
        stopped more than RESTARTS_ALLOWED times in RESTART_WINDOW seconds."""
        stops: dict[str, list[float]] = {}
        while True:
            for index, (service, process) in enumerate(self.processes):
                if process.poll() is None:
                    continue
                now = time.monotonic()
                recent = [t for t in stops.get(service.name, []) if now - t < self.RESTART_WINDOW] + [now]
                stops[service.name] = recent
                if len(recent) > self.RESTARTS_ALLOWED:
                    print(f"the {service.name} keeps stopping (exit {process.returncode}); giving up",
                          file=sys.stderr)
                    return process.returncode or 1
                print(f"the {service.name} stopped (exit {process.returncode}); starting it again",
                      file=sys.stderr, flush=True)
                if service.replica:
                    self._front("hold", service.replica)
                self.processes[index] = (service, self._start(service))
            for service, _ in self.processes:
                if service.replica in self._held() and answers(service.ready_url):
                    self._front("release", service.replica)
            time.sleep(1)

    def _held(self) -> set[int]:
        return next((set(s.front.held) for s, _ in self.processes if s.front), set())

    def _front(self, change: str, replica: int) -> None:
        """Hold a restarting Rasa server out of nginx, or let it back in once it answers."""
        for service, process in self.processes:
            if service.front is not None and process.poll() is None:
                getattr(service.front, change)(replica, process.pid)
                print(f"nginx: Rasa server {replica} {'held out' if change == 'hold' else 'back in'}",
                      file=sys.stderr, flush=True)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="assistant serve", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--web", action="store_true", help="also serve the web page (WEB_PORT)")
    parser.add_argument("--replicas", type=int, default=1, metavar="N",
                        help="N Rasa and action servers behind nginx on RASA_PORT (N > 1 needs "
                             "TRACKER_DATABASE_URL=postgresql://… and REDIS_URL)")
    args = parser.parse_args(argv)
    model = config.model_path()
    if not model.exists():
        print(f"error: no trained model at {model}: run 'make run' (it trains when needed)",
              file=sys.stderr)
        return 1
    try:
        replicas_.check_settings(args.replicas)
    except ReplicaSettingsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    unreachable = stores.problems()
    if unreachable:
        print("\n".join(f"error: {problem}" for problem in unreachable), file=sys.stderr)
        return 2
    host = config.host()
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        with Running(services(args.web, host, args.replicas)) as running:
            print(f"\nThe assistant is running ({args.replicas} replica{'s' if args.replicas > 1 else ''}):")
            print(f"  chat (REST):      {config.rasa_url()}/webhooks/rest/webhook")
            print(f"  chat (socket.io): {config.rasa_url()}/socket.io")
            smtp = config.smtp_host()
            print(f"  contact requests: mailed via {smtp}:{config.smtp_port()}" if smtp else
                  f"  contact requests: no SMTP_HOST, mails are written to {config.mail_dir()}/")
            if args.web:
                print(f"  web page:         {config.web_url()}/  (English: {config.web_url()}/en/)")
            print("Press Ctrl-C to stop.\n", flush=True)
            return running.wait()
    except KeyboardInterrupt:
        print("\nstopped", file=sys.stderr)
        return 0
    except RuntimeError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
