"""The deployment files in deploy/ checked against the Compose Specification, the Helm charts'
own values and this project's settings. Fast and offline: nothing is built or started here
(README "Running in containers" says what was and was not run).

Vendored beside this file, unchanged:
- compose-spec.json: the Compose Specification's JSON schema, repository compose-spec/compose-spec,
  schema/compose-spec.json at commit b2835e8acc1e42e7aecbc27a9bc4a1fc66ef21ba (Apache License 2.0).
- rasa-chart-values.yaml: the default values of the `rasa` chart, repository RasaHQ/helm-charts,
  charts/rasa/values.yaml at commit 27796d7f4c1a5f2cbe69c31348b3dbb2c4449d1b (Apache License 2.0).
- rasa-action-server-chart-values.yaml: the default values of the `rasa-action-server` chart,
  RasaHQ/helm-charts, charts/rasa-action-server/values.yaml at commit
  524c18127dafef8358e0af602e98ac824f07dbc4 (Apache License 2.0).
- rasa-chart-values.schema.json, rasa-action-server-chart-values.schema.json: the charts'
  values.schema.json, RasaHQ/helm-charts at commits fb898a2613a4073b2a0233891df62e7db1e2da1a
  and 8faff90c3da90752329346a4b971f1074168b8f5 (Apache License 2.0). Helm checks the values
  against them on install; the action server's types fullnameOverride and image.repository
  as null, so our values use neither.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import re
import shlex
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlparse

import jsonschema
import pytest
import yaml

from assistant import config, replicas

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DEPLOY = ROOT / "deploy"
COMPOSE = DEPLOY / "docker-compose.yml"
NGINX = DEPLOY / "nginx.conf"
DOCKERFILE = DEPLOY / "Dockerfile"
ENV_EXAMPLE = DEPLOY / ".env.example"
RASA_VALUES = DEPLOY / "helm" / "rasa-values.yaml"
ACTION_VALUES = DEPLOY / "helm" / "rasa-action-server-values.yaml"
HELM = [(RASA_VALUES, "rasa"), (ACTION_VALUES, "rasa-action-server")]

# Variables of other programs that compose sets in their services: the postgres image's.
IMAGE_VARIABLES = {"postgres": {"POSTGRES_USER", "POSTGRES_DB", "POSTGRES_PASSWORD"}}
RASA_COMMAND = "deploy/run_rasa.py"
HEALTHCHECK = "deploy/healthcheck.py"


# --- what the project reads ----------------------------------------------------------------

def _is_environ_read(call: ast.Call) -> bool:
    """os.environ.get(...) or os.getenv(...)."""
    func = call.func
    if not isinstance(func, ast.Attribute):
        return False
    if func.attr == "get" and isinstance(func.value, ast.Attribute):
        return func.value.attr == "environ" and isinstance(func.value.value, ast.Name) \
            and func.value.value.id == "os"
    return func.attr == "getenv" and isinstance(func.value, ast.Name) and func.value.id == "os"


def config_variables() -> set[str]:
    """The variables assistant/config.py reads: the string given to os.environ.get, or to one of
    its own functions that passes a parameter on to os.environ.get (like _port("RASA_PORT", …))."""
    tree = ast.parse((ROOT / "assistant" / "config.py").read_text(encoding="utf-8"))
    readers: dict[str, int] = {}
    for function in (n for n in tree.body if isinstance(n, ast.FunctionDef)):
        params = [a.arg for a in function.args.args]
        for node in ast.walk(function):
            if isinstance(node, ast.Call) and _is_environ_read(node) and node.args \
                    and isinstance(node.args[0], ast.Name) and node.args[0].id in params:
                readers[function.name] = params.index(node.args[0].id)
    names = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        if _is_environ_read(node):
            position = 0
        elif isinstance(node.func, ast.Name) and node.func.id in readers:
            position = readers[node.func.id]
        else:
            continue
        if len(node.args) > position and isinstance(node.args[position], ast.Constant) \
                and isinstance(node.args[position].value, str):
            names.add(node.args[position].value)
    return names


def endpoints_variables() -> set[str]:
    return set(re.findall(r"\$\{(\w+)\}", (ROOT / "endpoints.yml").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def project_variables() -> set[str]:
    found = config_variables() | endpoints_variables()
    # The parser must see the obvious ones, or every check below would pass on nothing.
    assert {"DATABASE_URL", "RASA_PORT", "ACTIONS_PORT", "ACTION_ENDPOINT_URL"} <= found
    return found


@pytest.fixture
def defaults(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """assistant.config with none of its variables set: its defaults."""
    for name in config_variables():
        monkeypatch.delenv(name, raising=False)
    return config


# --- compose --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))


def app_services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The services that run our image (built from deploy/Dockerfile)."""
    return {name: s for name, s in compose["services"].items()
            if s.get("build", {}).get("dockerfile") == "deploy/Dockerfile"}


def long_running(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {name: s for name, s in compose["services"].items() if s.get("restart", "no") != "no"}


def command_of(service: dict[str, Any]) -> list[str]:
    command = service.get("command") or []
    return shlex.split(command) if isinstance(command, str) else list(command)


def option(command: list[str], flag: str) -> str:
    assert flag in command, f"{flag} missing from {command}"
    return command[command.index(flag) + 1]


def published(service: dict[str, Any]) -> list[tuple[int, int]]:
    """(host port, container port) for each published port ("8080:8080", "127.0.0.1:80:8080")."""
    return [tuple(int(p) for p in str(entry).split(":")[-2:]) for entry in service.get("ports", [])]


def health_test(service: dict[str, Any]) -> list[str]:
    test = service["healthcheck"]["test"]
    return shlex.split(test) if isinstance(test, str) else list(test)


def interpolate(value: Any, given: dict[str, str]) -> str:
    """Compose's ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}, as `compose`
    does it with the variables `given` (a required one missing raises)."""

    def expand(match: re.Match[str]) -> str:
        name, operator, rest = match.group(1), match.group(2) or "", match.group(3) or ""
        found = given.get(name)
        empty = not found if operator.startswith(":") else found is None
        if operator.endswith("?") and empty:
            raise KeyError(f"{name} is required: {rest}")
        return rest if operator.endswith("-") and empty else found or ""

    return re.sub(r"\$\{(\w+)(?:(:?[-?])([^}]*))?\}", expand, str(value))


# What deploy/.env sets at the least, each value marked as coming from there.
GIVEN = {"POSTGRES_PASSWORD": "from-env-POSTGRES_PASSWORD"}


def rasa_services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {name: s for name, s in app_services(compose).items() if RASA_COMMAND in command_of(s)}


def test_compose_file_follows_the_compose_specification(compose: dict[str, Any]) -> None:
    schema = json.loads((HERE / "compose-spec.json").read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in validator.iter_errors(compose)]
    assert not errors, "\n".join(errors)


def test_compose_has_every_part_of_the_assistant(compose: dict[str, Any]) -> None:
    apps = app_services(compose)
    commands = {name: " ".join(command_of(s)) for name, s in apps.items()}
    assert len(rasa_services(compose)) == 2, "two Rasa servers behind nginx"
    for part in ("assistant.action_server", "assistant.handoff.worker", "web/serve.py", "kb load"):
        assert any(part in c for c in commands.values()), f"no service runs {part}"
    images = {s.get("image", "") for s in compose["services"].values()}
    for image in ("postgres:15", "redis:7"):
        assert image in images, f"no {image} service"
    assert any(i.startswith("nginx:") for i in images)
    volumes = compose["services"]["postgres"]["volumes"]
    assert any(v.endswith(":/var/lib/postgresql/data") for v in volumes), "PostgreSQL keeps no data"


def test_our_services_set_only_settings_the_project_reads(
        compose: dict[str, Any], project_variables: set[str]) -> None:
    apps = app_services(compose)
    for name, service in compose["services"].items():
        allowed = project_variables if name in apps else IMAGE_VARIABLES.get(name, set())
        unknown = set(service.get("environment") or {}) - allowed
        assert not unknown, f"{name} sets {sorted(unknown)}, which nothing reads"


def test_rasa_servers_get_the_stores_and_the_action_server(compose: dict[str, Any]) -> None:
    services = compose["services"]
    for name, service in rasa_services(compose).items():
        environment = {k: interpolate(v, GIVEN) for k, v in service["environment"].items()}
        missing = (endpoints_variables() | {"TRACKER_DATABASE_URL", "REDIS_URL"}) - set(environment)
        assert not missing, f"{name} lacks {sorted(missing)}"
        assert urlparse(environment["TRACKER_DATABASE_URL"]).hostname in services
        assert urlparse(environment["REDIS_URL"]).hostname in services
        action = urlparse(environment["ACTION_ENDPOINT_URL"])
        assert action.path == "/webhook"
        assert "assistant.action_server" in command_of(services[action.hostname])
        assert option(command_of(services[action.hostname]), "--port") == str(action.port)


def test_every_long_running_service_has_a_healthcheck(compose: dict[str, Any]) -> None:
    for name, service in long_running(compose).items():
        check = service.get("healthcheck") or {}
        assert check.get("test") and not check.get("disable"), f"{name} has no health check"
        test = health_test(service)
        if HEALTHCHECK in test:  # our script takes an http URL or the worker's name
            target = test[test.index(HEALTHCHECK) + 1]
            assert target == "mail-worker" or urlparse(target).scheme == "http", target


def test_services_wait_for_what_they_need(compose: dict[str, Any]) -> None:
    services = compose["services"]
    one_shot = set(services) - set(long_running(compose))
    assert one_shot == {"kb-load"}, f"one-shot services: {sorted(one_shot)}"
    for name, service in services.items():
        for needed, how in (service.get("depends_on") or {}).items():
            expected = "service_completed_successfully" if needed in one_shot else "service_healthy"
            assert how["condition"] == expected, f"{name} waits for {needed} with {how['condition']}"
    for name in set(app_services(compose)) - one_shot:
        assert "kb-load" in services[name].get("depends_on", {}), f"{name} may start before kb load"


def test_ports_are_the_settings_defaults(compose: dict[str, Any], defaults: ModuleType) -> None:
    services = compose["services"]
    public = {name: published(s) for name, s in services.items() if published(s)}
    assert set(public) == {"nginx", "web"}, f"published: {sorted(public)}"
    assert public["nginx"] == [(defaults.rasa_port(), nginx_listen_port())]
    assert public["web"] == [(defaults.web_port(), defaults.web_port())]
    web = command_of(services["web"])
    assert option(web, "--port") == str(defaults.web_port())
    actions = next(s for s in services.values() if "assistant.action_server" in command_of(s))
    assert option(command_of(actions), "--port") == str(defaults.actions_port())
    for name, service in rasa_services(compose).items():
        assert urlparse(health_test(service)[-1]).port == defaults.rasa_port(), name
    for server in upstream_servers():
        assert int(server.rsplit(":", 1)[1]) == defaults.rasa_port(), server


def test_no_secret_is_written_in_compose(compose: dict[str, Any]) -> None:
    """Passwords, alone or in a URL, come from the environment (deploy/.env): with every
    variable given a marked value, each one found is such a value."""
    text = COMPOSE.read_text(encoding="utf-8")
    given = {name: f"from-env-{name}" for name in re.findall(r"\$\{(\w+)", text)}
    for name, service in compose["services"].items():
        for key, value in (service.get("environment") or {}).items():
            value = interpolate(value, given)
            passwords = [value] if "PASSWORD" in key else []
            passwords += [p for p in [urlparse(value).password] if "://" in value and p]
            for password in passwords:
                assert password.startswith("from-env-"), f"{name}: {key} holds a written-out password"


def test_env_example_names_every_variable_compose_needs(
        compose: dict[str, Any], project_variables: set[str]) -> None:
    text = COMPOSE.read_text(encoding="utf-8")
    example = dict(line.split("=", 1) for line in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines()
                   if line and not line.startswith("#"))
    assert all(not value for value in example.values()), "deploy/.env.example holds values"
    used = set(re.findall(r"\$\{(\w+)", text))
    required = set(re.findall(r"\$\{(\w+):?\?", text))
    assert required <= set(example), f"required but not in .env.example: {sorted(required - set(example))}"
    undocumented = used - set(example) - project_variables
    assert not undocumented, f"compose reads {sorted(undocumented)}, documented nowhere"
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert "deploy/.env" in ignored


# --- nginx ----------------------------------------------------------------------------------

@dataclass
class Directive:
    name: str
    args: list[str]
    block: list[Directive] | None


def parse_nginx(text: str) -> list[Directive]:
    text = re.sub(r"#[^\n]*", "", text)
    tokens = re.findall(r'"[^"]*"|[{};]|[^\s{};]+', text)

    def block(position: int) -> tuple[list[Directive], int]:
        found: list[Directive] = []
        words: list[str] = []
        while position < len(tokens):
            token = tokens[position]
            position += 1
            if token == ";":
                found.append(Directive(words[0], words[1:], None))
                words = []
            elif token == "{":
                inner, position = block(position)
                found.append(Directive(words[0], words[1:], inner))
                words = []
            elif token == "}":
                return found, position
            else:
                words.append(token.strip('"'))
        return found, position

    return block(0)[0]


def directives(within: list[Directive], name: str, *args: str) -> list[Directive]:
    return [d for d in within if d.name == name and d.args[: len(args)] == list(args)]


def one(within: list[Directive], name: str, *args: str) -> Directive:
    found = directives(within, name, *args)
    assert len(found) == 1, f"expected one {name} {' '.join(args)}, found {len(found)}"
    return found[0]


@pytest.fixture(scope="module")
def http() -> list[Directive]:
    return one(parse_nginx(NGINX.read_text(encoding="utf-8")), "http").block or []


def upstream_servers() -> list[str]:
    http = one(parse_nginx(NGINX.read_text(encoding="utf-8")), "http").block or []
    return [d.args[0] for d in one(http, "upstream", "rasa").block or [] if d.name == "server"]


def nginx_listen_port() -> int:
    http = one(parse_nginx(NGINX.read_text(encoding="utf-8")), "http").block or []
    return int(one(one(http, "server").block or [], "listen").args[0])


def seconds(duration: str) -> int:
    number, unit = re.fullmatch(r"(\d+)(ms|s|m|h|d)?", duration).groups()
    return int(number) * {"ms": 0, "s": 1, None: 1, "m": 60, "h": 3600, "d": 86400}[unit]


def test_nginx_balances_over_every_rasa_server(http: list[Directive], compose: dict[str, Any]) -> None:
    upstream = one(http, "upstream", "rasa").block or []
    assert one(upstream, "hash").args == ["$visitor", "consistent"]
    servers = {d.args[0].rsplit(":", 1)[0]: d.args[1:] for d in upstream if d.name == "server"}
    assert set(servers) == set(rasa_services(compose)), "nginx's servers are not compose's Rasa servers"
    for name, parameters in servers.items():
        assert {"max_fails=1", "fail_timeout=5s"} <= set(parameters), name
    nginx = compose["services"]["nginx"]
    assert "./nginx.conf:/etc/nginx/nginx.conf:ro" in nginx["volumes"]
    assert set(nginx["depends_on"]) == set(rasa_services(compose))


def test_nginx_keeps_a_visitor_on_one_server(http: list[Directive]) -> None:
    maps = {d.args[1]: (d.args[0], {e.name: e.args[0] for e in d.block or []})
            for d in directives(http, "map")}
    source, cases = maps["$visitor"]
    assert source == "$arg_visitor" and cases["default"] == "$arg_visitor"
    fallback = cases[""]  # no ?visitor=: the client's address on socket.io, nothing (round-robin) else
    fallback_source, fallback_cases = maps[fallback]
    assert fallback_source == "$uri"
    assert [v for k, v in fallback_cases.items() if "socket" in k] == ["$remote_addr"]
    assert fallback_cases["default"] == ""


def test_nginx_proxies_the_chat_channels(http: list[Directive]) -> None:
    server = one(http, "server").block or []
    assert one(server, "proxy_next_upstream").args == ["error", "timeout"]
    locations = {d.args[0]: d.block or [] for d in directives(server, "location")}
    for path in ("/webhooks/", "/socket.io/"):
        inner = locations[path]
        assert one(inner, "proxy_pass").args == ["http://rasa"], path
        version = directives(inner, "proxy_http_version") or directives(server, "proxy_http_version")
        assert version and version[0].args == ["1.1"], path
        # proxy_set_header in a location replaces the server's list: Host must be there too.
        headers = {d.args[0].lower(): d.args[1] for d in directives(inner, "proxy_set_header")} \
            or {d.args[0].lower(): d.args[1] for d in directives(server, "proxy_set_header")}
        assert headers.get("host") == "$host", path
    socketio = locations["/socket.io/"]
    headers = {d.args[0].lower(): d.args[1] for d in directives(socketio, "proxy_set_header")}
    assert headers["upgrade"] == "$http_upgrade"
    assert headers["connection"] in ("upgrade", "$connection_upgrade")
    assert seconds(one(socketio, "proxy_read_timeout").args[0]) >= 600
    # Only the chat channels are public: anything else is not passed to Rasa.
    assert not any(directives(block, "proxy_pass") for path, block in locations.items()
                   if path not in ("/webhooks/", "/socket.io/"))


def test_nginx_takes_no_larger_body_than_rasa(http: list[Directive], defaults: ModuleType) -> None:
    assert int(one(http, "client_max_body_size").args[0]) == defaults.max_request_bytes()


def test_nginx_logs_no_personal_data() -> None:
    top = parse_nginx(NGINX.read_text(encoding="utf-8"))
    http = one(top, "http").block or []
    formats = {d.args[0]: " ".join(d.args[1:]) for d in directives(http, "log_format")}
    for log in directives(http, "access_log"):
        assert len(log.args) == 2, "the access log has nginx's default format, with the client's address"
        for variable in ("$remote_addr", "$request", "$request_uri", "$args", "$query_string",
                         "$http_x_forwarded_for", "$http_referer", "$request_body"):
            assert not re.search(re.escape(variable) + r"\b", formats[log.args[1]]), variable
    # Lines about failed requests (level error) name the client's address and the request line.
    assert one(top, "error_log").args[1] in ("crit", "alert", "emerg")


# --- nginx, running -------------------------------------------------------------------------

class StandIn(BaseHTTPRequestHandler):
    """A stand-in for one Rasa server: answers with its name and the headers nginx sent it."""

    def _answer(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = json.dumps({"server": self.server.name, "upgrade": self.headers.get("Upgrade"),
                           "connection": self.headers.get("Connection")}).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *args: Any) -> None:
        pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def nginx_in_front(tmp_path: Path, compose: dict[str, Any],
                   defaults: ModuleType) -> Iterator[tuple[str, dict[str, ThreadingHTTPServer]]]:
    """deploy/nginx.conf run by this machine's nginx (Debian's, `make setup` installs it) in front
    of one stand-in per compose Rasa server, everything on 127.0.0.1: the service names become
    the stand-ins' addresses, the port and the pid file this test's own."""
    stand_ins = {}
    for name in rasa_services(compose):
        server = ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
        server.name = name
        threading.Thread(target=server.serve_forever, daemon=True).start()
        stand_ins[name] = server
    port = free_port()
    text = NGINX.read_text(encoding="utf-8")
    for old, new in [*((f"server {name}:{defaults.rasa_port()} ", f"server 127.0.0.1:{s.server_port} ")
                       for name, s in stand_ins.items()),
                     (f"listen {nginx_listen_port()};", f"listen 127.0.0.1:{port};"),
                     ("pid /tmp/nginx.pid;", f"pid {tmp_path}/nginx.pid;")]:
        assert text.count(old) == 1, f"nginx.conf has no single {old!r} to point at this test"
        text = text.replace(old, new)
    conf = tmp_path / "nginx.conf"
    conf.write_text(text, encoding="utf-8")
    binary = replicas.nginx_binary()
    assert binary, "no nginx: `make setup` installs Debian's"
    checked = subprocess.run([binary, "-t", "-p", str(tmp_path), "-c", str(conf)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen([binary, "-p", str(tmp_path), "-c", str(conf), "-g", "daemon off;"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 10
        while not answered(f"{base}/nginx-health"):
            assert process.poll() is None, process.stderr.read().decode()
            assert time.monotonic() < deadline, "nginx did not answer"
            time.sleep(0.05)
        yield base, stand_ins
    finally:
        process.terminate()
        process.wait(timeout=10)
        for server in stand_ins.values():
            server.shutdown()
            server.server_close()


def answered(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> dict[str, Any] | None:
    """The stand-in's answer through nginx (None if nginx gives an error)."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data, headers or {}), timeout=5) as reply:
            body = reply.read()
            return json.loads(body) if body.startswith(b"{") else {"body": body.decode()}
    except (urllib.error.URLError, ConnectionError):
        return None


def test_nginx_keeps_each_visitor_on_one_server_and_moves_them_when_it_dies(nginx_in_front) -> None:
    base, stand_ins = nginx_in_front
    socketio = base + "/socket.io/?EIO=4&transport=polling&visitor="
    first = {}
    for visitor in range(30):
        seen = {answered(f"{socketio}v{visitor}")["server"] for _ in range(4)}
        assert len(seen) == 1, f"visitor v{visitor} reached {sorted(seen)}"
        first[visitor] = seen.pop()
    assert set(first.values()) == set(stand_ins), "the visitors were not spread over the servers"
    rest = [answered(base + "/webhooks/rest/webhook", b"{}", {"Content-Type": "application/json"})["server"]
            for _ in range(10)]
    assert set(rest) == set(stand_ins), "REST without ?visitor= stays on one server"
    upgrade = answered(f"{socketio}v1", headers={"Upgrade": "websocket", "Connection": "Upgrade"})
    assert (upgrade["upgrade"], upgrade["connection"]) == ("websocket", "upgrade")
    assert answered(base + "/") is None, "nginx passes more than the chat channels"

    dead, alive = sorted(stand_ins)
    stand_ins[dead].shutdown()
    stand_ins[dead].server_close()
    moved = [answered(f"{socketio}v{visitor}") for visitor, server in first.items() if server == dead]
    assert moved and all(reply and reply["server"] == alive for reply in moved)
    post = answered(base + "/webhooks/rest/webhook", b"{}", {"Content-Type": "application/json"})
    assert post["server"] == alive


# --- Dockerfile -----------------------------------------------------------------------------

def test_the_image_holds_what_the_services_run(defaults: ModuleType) -> None:
    text = DOCKERFILE.read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.10-slim", text, re.M)
    assert "pip install -r" in text and "requirements.lock" in text
    assert re.search(r"pip install --no-deps (--no-build-isolation )?-e \.", text)
    spacy_model = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))["pipeline"][0]["model"]
    assert f"python -m assistant.nlu.spacy_model {spacy_model}" in text
    model = defaults.model_path()
    assert f"--fixed-model-name {model.name.removesuffix('.tar.gz')} --out {model.parent.name}" in text
    for script in (RASA_COMMAND, HEALTHCHECK):
        assert re.search(rf"^COPY .*{re.escape(script)}", text, re.M), f"{script} not in the image"
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert {".venv", "deploy/.env", "web/node_modules", "var", "models"} <= set(ignored)


# --- Helm -----------------------------------------------------------------------------------

def load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def unknown_keys(ours: dict[str, Any], chart: Any, path: str = "") -> list[str]:
    """Key paths of `ours` that the chart's default values do not have. Below a key whose
    default is empty ({} or []) any content is the user's (annotations, extraEnv …)."""
    unknown = []
    for key, value in ours.items():
        here = f"{path}.{key}" if path else key
        if not isinstance(chart, dict) or key not in chart:
            unknown.append(here)
        elif isinstance(value, dict) and isinstance(chart[key], dict) and chart[key]:
            unknown += unknown_keys(value, chart[key], here)
    return unknown


@pytest.mark.parametrize(("values", "chart"), HELM)
def test_helm_values_use_only_the_charts_keys(values: Path, chart: str) -> None:
    assert unknown_keys(load(values), load(HERE / f"{chart}-chart-values.yaml")) == []


@pytest.mark.parametrize(("values", "chart"), HELM)
def test_helm_values_have_the_types_the_chart_checks(values: Path, chart: str) -> None:
    schema = json.loads((HERE / f"{chart}-chart-values.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = [f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(load(values))]
    assert not errors, "\n".join(errors)


def release_name(written_in: Path, chart: str) -> str:
    """The release name `written_in`'s `helm install … rasa/<chart> -f …` line gives."""
    text = written_in.read_text(encoding="utf-8")
    (release,) = set(re.findall(rf"helm install (\S+) rasa/{chart} -f deploy/helm/{chart}-values\.yaml", text))
    return release


def fullname(release: str, chart: str) -> str:
    """The chart's name for its objects (rasa-common.names.fullname, no fullnameOverride)."""
    return release if chart in release else f"{release}-{chart}"


def containers(values: dict[str, Any]) -> list[dict[str, Any]]:
    """The main container's settings as a container, then the extra and init containers."""
    main = {"name": "main", "command": values["command"], "args": values["args"],
            "env": values["extraEnv"]}
    return [main, *values.get("extraContainers", []), *values.get("initContainers", [])]


def env_names(container: dict[str, Any]) -> set[str]:
    return {e["name"] for e in container.get("env", [])}


def env_value(values: dict[str, Any], name: str) -> str:
    (entry,) = [e for e in values["extraEnv"] if e["name"] == name]
    return entry["value"]


@pytest.mark.parametrize("values", [RASA_VALUES, ACTION_VALUES])
def test_helm_runs_our_image_with_the_projects_settings(values: Path, project_variables: set[str]) -> None:
    found = load(values)
    image = f"{found['registry']}/{found['image']['name']}:{found['image']['tag']}"
    assert image.endswith("/mala-assistant:" + found["image"]["tag"]), image
    assert "repository" not in found["image"]
    for container in containers(found):
        if "image" in container:
            assert container["image"] == image, container["name"]
        unknown = env_names(container) - project_variables
        assert not unknown, f"{container['name']} sets {sorted(unknown)}, which nothing reads"
        for entry in container.get("env", []):
            name = entry["name"]
            if "PASSWORD" in name or (name.endswith("_URL") and name != "ACTION_ENDPOINT_URL"):
                assert "secretKeyRef" in entry.get("valueFrom", {}), f"{entry['name']} is not a Secret's"


def test_helm_rasa_servers(defaults: ModuleType) -> None:
    rasa, actions = load(RASA_VALUES), load(ACTION_VALUES)
    assert rasa["replicaCount"] == 2
    assert [*rasa["command"], *rasa["args"]] == ["python", RASA_COMMAND]
    settings = rasa["applicationSettings"]
    assert settings["initialModel"] == "" and not settings["trainInitialModel"], "a model is downloaded"
    assert settings["port"] == defaults.rasa_port() == int(env_value(rasa, "RASA_PORT"))
    # Our endpoints.yml names the stores; they read these variables.
    assert not settings["endpoints"]["trackerStore"]["enabled"]
    assert not settings["endpoints"]["lockStore"]["enabled"]
    assert not rasa["postgresql"]["install"]
    assert {"TRACKER_DATABASE_URL", "REDIS_URL", *endpoints_variables()} <= env_names(containers(rasa)[0])
    action = urlparse(env_value(rasa, "ACTION_ENDPOINT_URL"))
    release = release_name(ACTION_VALUES, "rasa-action-server")
    for written_in in (RASA_VALUES, ROOT / "README.md"):
        assert release_name(written_in, "rasa-action-server") == release, written_in.name
    service = fullname(release, "rasa-action-server")
    assert (action.hostname, action.port, action.path) == (service, actions["service"]["port"], "/webhook")
    for probe in ("livenessProbe", "readinessProbe"):
        assert rasa[probe]["httpGet"]["path"] == "/" and rasa[probe]["httpGet"]["port"] == "http"
    (worker,) = [c for c in rasa["extraContainers"] if "assistant.handoff.worker" in c["command"]]
    assert worker["livenessProbe"]["exec"]["command"] == ["python", HEALTHCHECK, "mail-worker"]
    assert {"DATABASE_URL", "TRACKER_DATABASE_URL"} <= env_names(worker)


def test_helm_action_server(defaults: ModuleType) -> None:
    actions = load(ACTION_VALUES)
    command = [*actions["command"], *actions["args"]]
    assert command[:3] == ["python", "-m", "assistant.action_server"]
    port = defaults.actions_port()
    assert int(option(command, "--port")) == actions["applicationSettings"]["port"] == port
    assert int(env_value(actions, "ACTIONS_PORT")) == port
    for probe in ("livenessProbe", "readinessProbe"):
        assert actions[probe]["httpGet"]["path"] == "/health" and actions[probe]["httpGet"]["port"] == "http"
    (load_knowledge,) = actions["initContainers"]
    assert load_knowledge["command"] == ["assistant", "kb", "load"]
    assert "DATABASE_URL" in env_names(load_knowledge) and "DATABASE_URL" in env_names(containers(actions)[0])


# --- the container helpers ------------------------------------------------------------------

def script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, DEPLOY / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_run_rasa_starts_the_launchers_rasa_server(defaults: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    run_rasa = script("run_rasa")
    monkeypatch.delenv("RASA_AUTH_TOKEN", raising=False)
    monkeypatch.setenv("ASSISTANT_HOST", "0.0.0.0")
    monkeypatch.setenv("CORS_ORIGINS", "https://www.example.org https://example.org")
    command = run_rasa.command()
    assert Path(command[0]).name == "rasa" and command[1] == "run"
    assert option(command, "--interface") == "0.0.0.0"
    assert option(command, "--port") == str(defaults.rasa_port())
    assert option(command, "--endpoints") == str(ROOT / "endpoints.yml")
    assert command[command.index("--cors") + 1:][:2] == ["https://www.example.org", "https://example.org"]
    assert "--enable-api" not in command
    monkeypatch.setenv("RASA_AUTH_TOKEN", "a-token")
    assert "--enable-api" in run_rasa.command()
    monkeypatch.setenv("SANIC_WORKERS", "4")
    environment = run_rasa.environment()
    assert environment["SANIC_WORKERS"] == "1"
    assert environment["SANIC_REQUEST_MAX_SIZE"] == str(defaults.max_request_bytes())


def test_healthcheck_targets(defaults: ModuleType) -> None:
    healthcheck = script("healthcheck")
    assert healthcheck.target("mail-worker") == defaults.worker_heartbeat().as_uri()
    assert healthcheck.target("http://127.0.0.1:5055/health") == "http://127.0.0.1:5055/health"
