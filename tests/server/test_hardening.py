"""The real servers under hostile use: over-long messages on both channels, what listens
where, request and inflated body caps, origins and headers, and logs without personal data."""

from __future__ import annotations

import dataclasses
import json
import time
import zlib

import pytest
import socketio

from assistant import config
from assistant.dialogue import phrases
from assistant.kb import store
from tests.server.probes import (
    group_pids,
    http,
    listening,
    rest,
    rss_mb,
    socketio_ask,
    status_for_announced_body,
    written_files,
)

HUGE = "Who funds SHiMR? " * 5882  # 99 994 characters …
HUGE += "x" * (100_000 - len(HUGE))  # … made exactly 100 000
ACTION_URL = "http://127.0.0.1:5055"
PAGE_URL = "http://127.0.0.1:8080"


def text_of(messages: list[dict]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


@pytest.mark.parametrize("channel", ["rest", "socket.io"])
def test_a_100000_character_message_gets_the_polite_answer_quickly_and_cheaply(services, channel) -> None:
    rasa = services.pid("Rasa server")
    before = rss_mb(rasa)
    ask = (lambda text, metadata: rest(services.url, f"huge-{channel}", text, metadata)) \
        if channel == "rest" else (lambda text, metadata: socketio_ask(services.url, text, metadata))
    messages, seconds = ask(HUGE, {"language": "en-GB"})
    grown = rss_mb(rasa) - before
    assert text_of(messages) == phrases.TOO_LONG("en")
    assert seconds < 2, f"{seconds:.1f} s"
    assert grown < 100, f"the Rasa process grew by {grown:.0f} MB"
    messages, _ = ask("Vem finansierar SHiMR?", {"language": "sv"})
    assert "ERUF" in text_of(messages)


def test_a_cut_button_payload_also_gets_the_polite_answer(services) -> None:
    messages, _ = rest(services.url, "huge-payload", '/ask_project{"project": "' + "x" * 5000 + '"}')
    assert text_of(messages) == phrases.TOO_LONG("sv")


def test_every_service_listens_on_assistant_host_only(services) -> None:
    """Every server listens on ASSISTANT_HOST only; the mail worker (ready by its heartbeat
    file, not an address) listens nowhere at all."""
    for service, process in services.running.processes:
        sockets = listening(group_pids(process.pid))
        if service.ready_url.startswith("file:"):
            assert not sockets, f"the {service.name} listens: {sockets}"
            continue
        assert sockets, f"the {service.name} listens nowhere"
        assert {address for address, _ in sockets} == {"127.0.0.1"}, f"{service.name}: {sockets}"
    ports = {port for _, p in services.running.processes for _, port in listening(group_pids(p.pid))}
    assert {5005, 5055, 8080} <= ports


def test_the_action_server_refuses_a_deflate_bomb(services) -> None:
    action_server = services.pid("action server")
    before = rss_mb(action_server)
    bomb = zlib.compress(b" " * (config.action_max_bytes() + 1), 9)
    assert len(bomb) < 20_000
    status, _, body = http(f"{ACTION_URL}/webhook", bomb, {"Content-Type": "application/json",
                                                          "Content-Encoding": "deflate"})
    assert status == 413 and b"inflated body exceeds" in body
    assert rss_mb(action_server) - before < 50


def test_the_action_server_caps_bodies_and_echoes_nothing(services) -> None:
    assert status_for_announced_body(f"{ACTION_URL}/webhook", config.action_max_bytes() + 1) == 413
    forged = json.dumps({"next_action": "action_greet", "tracker": {"text": "anna@example.org"}}).encode()
    status, _, body = http(f"{ACTION_URL}/webhook", forged, {"Content-Type": "application/json"})
    assert status == 500 and b"anna@example.org" not in body and b"Traceback" not in body
    status, _, body = http(f"{ACTION_URL}/webhook", b"[1]", {"Content-Type": "application/json"})
    assert status == 400 and len(body) < 100


def test_the_rasa_server_caps_request_bodies(services) -> None:
    url = f"{services.url}/webhooks/rest/webhook"
    assert status_for_announced_body(url, config.max_request_bytes() + 1) == 413
    body = json.dumps({"sender": "big", "message": "x" * config.max_request_bytes()}).encode()
    status, _, _ = http(url, body, {"Content-Type": "application/json"})
    assert status == 413


def test_rest_refuses_other_origins_and_other_content_types(services) -> None:
    body = json.dumps({"sender": "origin", "message": "hej"}).encode()
    url = f"{services.url}/webhooks/rest/webhook"
    status, _, _ = http(url, body, {"Content-Type": "application/json", "Origin": "https://evil.example"})
    assert status == 403
    status, _, _ = http(url, body, {"Content-Type": "text/plain", "Origin": "http://localhost:8080"})
    assert status == 415
    status, headers, _ = http(url, body, {"Content-Type": "application/json", "Origin": "http://localhost:8080"})
    assert status == 200 and headers["Access-Control-Allow-Origin"] == "http://localhost:8080"


def test_socketio_refuses_other_origins(services) -> None:
    status, _, _ = http(f"{services.url}/socket.io/?EIO=4&transport=polling",
                        headers={"Origin": "https://evil.example"})
    assert status == 400
    with pytest.raises(socketio.exceptions.ConnectionError):
        socketio_ask(services.url, "hej", origin="https://evil.example")
    status, headers, _ = http(f"{services.url}/socket.io/?EIO=4&transport=polling",
                              headers={"Origin": "http://localhost:8080"})
    assert status == 200
    assert [k.lower() for k in headers].count("access-control-allow-origin") == 1


def test_the_page_may_not_be_framed_and_no_server_names_its_version(services) -> None:
    _, headers, _ = http(f"{PAGE_URL}/")
    assert "frame-ancestors 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    for url in (f"{PAGE_URL}/", f"{services.url}/", f"{ACTION_URL}/health"):
        _, headers, _ = http(url)
        server = headers.get("Server", "")
        assert not any(ch.isdigit() for ch in server), f"{url}: Server: {server}"
        assert "Python" not in server


EMAIL, PHONE = "anna.svensson@example.org", "070-555 12 34"
PRIVATE = (EMAIL, "anna.svensson", PHONE, "555 12 34", "0705551234")


def test_a_failing_action_logs_neither_the_e_mail_nor_the_phone_number(services, knowledge) -> None:
    """Stored data that breaks a handler (a stand-in who does not exist) makes the action
    fail for real; neither the services' output nor any file they write holds the message."""
    engine = store.make_engine(config.database_url())
    contacts = tuple(dataclasses.replace(c, status="on_leave", stand_in="nobody")
                     if c.id == "wolfgang-mehl" else c for c in knowledge.contacts)
    started = time.time()
    try:
        store.load(engine, dataclasses.replace(knowledge, contacts=contacts))
        time.sleep(1.5)  # the action server looks for a new revision every second
        question = f"Vem är Wolfgang Mehl? Svara till {EMAIL} eller {PHONE}"
        messages, _ = rest(services.url, "private", question)
        assert text_of(messages) == phrases.ERROR("sv")  # the action did fail
        messages, _ = socketio_ask(services.url, question + " " + "z" * 5000)
        assert text_of(messages) == phrases.TOO_LONG("sv")
    finally:
        store.load(engine, knowledge)
    time.sleep(1)  # let the services flush their output
    output = services.output.read_text(encoding="utf-8", errors="replace")
    assert "could not answer (incident " in output  # the failure is logged, privately
    pids = [pid for _, p in services.running.processes for pid in group_pids(p.pid)]
    files = {services.output} | {f for f in written_files(pids)
                                 if f.stat().st_mtime >= started and f.stat().st_size < 50_000_000}
    for path in files:
        content = path.read_bytes().decode("utf-8", "replace")
        for private in PRIVATE:
            assert private not in content, f"{private!r} in {path}"
    assert max(map(len, output.splitlines())) < 2000, "a log line long enough to hold a message"
