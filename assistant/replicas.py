"""Several Rasa servers behind nginx on one public port (`assistant serve --replicas N`).

Replica i (1…N) is a Rasa server on RASA_PORT + 100 + i and its own action server on
ACTIONS_PORT + i - 1, both on this machine only; nginx listens on ASSISTANT_HOST:RASA_PORT.
Replicas share conversations through PostgreSQL (TRACKER_DATABASE_URL) and conversation
locks through Redis (REDIS_URL), so N > 1 is refused without both.

Each Rasa server runs one Sanic worker: its socket.io channel keeps a visitor's socket.io
session (polling requests, then the WebSocket) in that process's memory, so every request of
one socket.io session must reach the same process. nginx therefore hashes socket.io requests
on the widget's `visitor` query argument (else the client's address) and REST requests on
`visitor` if given (else each request may go to any replica: REST carries no session).
"""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Collection
from pathlib import Path

from sqlalchemy.engine import make_url

from assistant import config

NGINX = "/usr/sbin/nginx"  # Debian's package, which `make run` and `make test` install


class ReplicaSettingsError(ValueError):
    """Settings that cannot run the replicas asked for; the message says why."""


def check_settings(replicas: int) -> None:
    """Refuse N > 1 replicas without the shared stores they need, saying why."""
    if replicas < 1:
        raise ReplicaSettingsError("--replicas must be at least 1")
    if replicas == 1:
        return
    missing = []
    if make_url(config.tracker_database_url()).get_backend_name() != "postgresql":
        missing.append("TRACKER_DATABASE_URL=postgresql://… (replicas must see the same conversations; "
                       "the default SQLite file is for one Rasa server)")
    if not config.redis_url():
        missing.append("REDIS_URL=redis://… (replicas must share the lock that answers one message "
                       "of a conversation at a time)")
    if not nginx_binary():
        missing.append(f"nginx ({NGINX}: `make run` installs Debian's package)")
    if missing:
        raise ReplicaSettingsError(f"--replicas {replicas} needs " + " and ".join(missing))


def nginx_binary() -> str | None:
    return shutil.which("nginx") or (NGINX if Path(NGINX).exists() else None)


def rasa_port(replica: int) -> int:
    return config.rasa_port() + 100 + replica


def actions_port(replica: int) -> int:
    return config.actions_port() + replica - 1


class NginxFront:
    """nginx's configuration file, written again whenever a Rasa server is held out of it or let
    back in, and nginx told to reload it (SIGHUP: running requests finish on the old workers).

    A Rasa server that was started again binds its port before its model is loaded, so nginx
    would hand it visitors who then wait half a minute; the launcher holds it out until it
    answers (an active health check open-source nginx lacks)."""

    def __init__(self, replicas: int, host: str, run_dir: Path) -> None:
        self.replicas, self.host, self.run_dir = replicas, host, run_dir
        self.held: set[int] = set()
        self.conf = run_dir / "nginx.conf"
        run_dir.mkdir(parents=True, exist_ok=True)
        self._write()

    def _write(self) -> None:
        self.conf.write_text(nginx_conf(self.replicas, self.host, self.run_dir, self.held), encoding="utf-8")

    def hold(self, replica: int, nginx_pid: int) -> None:
        self.held.add(replica)
        self._write()
        os.kill(nginx_pid, signal.SIGHUP)

    def release(self, replica: int, nginx_pid: int) -> None:
        self.held.discard(replica)
        self._write()
        os.kill(nginx_pid, signal.SIGHUP)


def nginx_conf(replicas: int, host: str, run_dir: Path, held: Collection[int] = ()) -> str:
    """nginx's whole configuration: the public port in front of the replicas' Rasa servers; the
    `held` ones (starting again) get no visitors."""
    servers = "\n".join(f"        server {config.LOCAL}:{rasa_port(i)} max_fails=1 fail_timeout=5s"
                        f"{' down' if i in held else ''};" for i in range(1, replicas + 1))
    return f"""# Written by `assistant serve --replicas {replicas}` (assistant/replicas.py).
worker_processes 1;
worker_shutdown_timeout 30s;  # after a reload, old workers close WebSockets (clients reconnect)
pid {run_dir}/nginx.pid;
error_log stderr crit;  # error lines name client addresses (personal data)

events {{
    worker_connections 4096;
}}

http {{
    access_log off;  # request lines carry conversation ids
    client_body_temp_path {run_dir}/client_body;
    proxy_temp_path {run_dir}/proxy;
    fastcgi_temp_path {run_dir}/fastcgi;
    uwsgi_temp_path {run_dir}/uwsgi;
    scgi_temp_path {run_dir}/scgi;
    client_max_body_size {config.max_request_bytes()};

    # socket.io: one visitor, one replica (the widget sends ?visitor=<random id>).
    map $arg_visitor $socketio_key {{
        "" $remote_addr;
        default $arg_visitor;
    }}
    # REST: any replica (the conversation is in PostgreSQL), or one per ?visitor= if given.
    map $arg_visitor $rest_key {{
        "" $request_id;
        default $arg_visitor;
    }}
    map $http_upgrade $connection_upgrade {{
        default upgrade;
        "" close;
    }}

    upstream rasa_socketio {{
        hash $socketio_key consistent;
{servers}
    }}
    upstream rasa_rest {{
        hash $rest_key consistent;
{servers}
        keepalive 64;
    }}

    server {{
        listen {host}:{config.rasa_port()};

        # A replica that refuses or times out gets no new requests for 5 s (max_fails above);
        # a request not yet sent goes to the next replica. One in flight on a replica that
        # dies is lost (POST is never sent twice).
        proxy_next_upstream error timeout;
        proxy_connect_timeout 2s;

        location /socket.io/ {{
            proxy_pass http://rasa_socketio;
            proxy_http_version 1.1;
            proxy_set_header Host $host;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1h;
            proxy_buffering off;
        }}

        location / {{
            proxy_pass http://rasa_rest;
            proxy_http_version 1.1;
            proxy_set_header Host $host;
            proxy_set_header Connection "";
            proxy_read_timeout 60s;
        }}
    }}
}}
"""
