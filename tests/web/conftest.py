"""Browser tests of the web page and chat widget: Playwright driving Debian's Chromium.

Playwright never downloads a browser here: /usr/bin/chromium (apt package
`chromium`) is used, and every request to a host other than localhost is
aborted, so the tests also prove that the page works offline.

Three kinds of server:
- `site`: web/serve.py in this process on a free port (no bot needed);
- `fake_bot`: tests/web/fake_bot.py, a scripted socket.io bot, for the
  widget's behaviour and safety (the real bot never sends raw HTML);
- `rasa_stack`: the real assistant (Rasa, the action server and the page on
  the ports of assistant/config.py), started once per test session by tests/conftest.py.
"""

from __future__ import annotations

import asyncio
import json
import socket
import sys
import threading
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import socketio
from playwright.sync_api import Browser, Page, Route, sync_playwright

from assistant import config
from assistant.serve import Running, Service

ROOT = Path(__file__).resolve().parents[2]
WEB_DIR = ROOT / "web"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGE_BOT_URL = "http://localhost:5005"  # the data-server the pages are shipped with
RASA_URL = f"{config.rasa_url()}/"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}
LOCAL_HOSTS = {"localhost", "127.0.0.1"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- servers -----------------------------------------------------------------


@pytest.fixture(scope="session")
def site() -> Iterator[str]:
    """web/serve.py on a free port, in a thread: the page without any bot."""
    sys.path.insert(0, str(WEB_DIR))
    try:
        import serve
    finally:
        sys.path.remove(str(WEB_DIR))
    server = serve.make_server("127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://localhost:{server.server_port}"
    server.shutdown()
    server.server_close()


@dataclass
class FakeBot:
    url: str

    def received(self) -> list[dict]:
        with urllib.request.urlopen(f"{self.url}/received", timeout=5) as response:
            return json.load(response)


@pytest.fixture(scope="session")
def fake_bot() -> Iterator[FakeBot]:
    port = free_port()
    bot = Service("fake bot", [sys.executable, str(Path(__file__).with_name("fake_bot.py")),
                               "--port", str(port)], f"http://127.0.0.1:{port}/received")
    with Running([bot], timeout=30):
        yield FakeBot(f"http://localhost:{port}")


@pytest.fixture(scope="session")
def rasa_stack(running_assistant: str) -> Iterator[str]:
    """The real assistant with its page (started once per session by the shared
    `running_assistant` fixture); fails at once if socket.io replies never arrive."""
    # In a thread: Playwright's sync API may already run an event loop in this one.
    with ThreadPoolExecutor(1) as pool:
        if not pool.submit(asyncio.run, bot_answers_over_socketio(RASA_URL)).result():
            pytest.fail(SOCKETIO_SILENT)
    yield config.web_url()


SOCKETIO_SILENT = (
    "Rasa accepts socket.io messages but its replies never arrive. With session_persistence and "
    "python-socketio >= 5.10, Rasa 3.6's socketio channel calls the coroutine AsyncServer.enter_room "
    "without await (RasaHQ/rasa#13027), so the session's room is never joined and bot_uttered goes nowhere."
)


async def bot_answers_over_socketio(url: str, timeout: float = 60) -> bool:
    """Greet the bot over socket.io as the widget does; True if it answers."""
    client = socketio.AsyncClient()
    answered = asyncio.Event()
    client.on("bot_uttered", lambda *_: answered.set())
    session_id = uuid.uuid4().hex
    await client.connect(url, transports=["polling"])
    try:
        await client.emit("session_request", {"session_id": session_id})
        await asyncio.sleep(0.5)
        await client.emit("user_uttered", {"message": "/greet", "customData": {"language": "sv"},
                                           "session_id": session_id})
        try:
            await asyncio.wait_for(answered.wait(), timeout)
        except asyncio.TimeoutError:
            return False
        return True
    finally:
        await client.disconnect()


# --- browser -----------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class PageLog:
    """What a page did that a test may want to forbid."""

    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)


@dataclass
class ChatPage:
    page: Page
    log: PageLog


def _route(bot_url: str | None, log: PageLog) -> Callable[[Route], None]:
    def handle(route: Route) -> None:
        request = route.request
        if urlsplit(request.url).hostname not in LOCAL_HOSTS:
            log.blocked.append(request.url)
            route.abort()
        elif bot_url and request.resource_type == "document":
            # Point the page's widget at the fake bot instead of the real one.
            response = route.fetch()
            route.fulfill(response=response, body=response.text().replace(PAGE_BOT_URL, bot_url))
        else:
            route.continue_()

    return handle


@pytest.fixture
def open_page(browser: Browser) -> Iterator[Callable[..., ChatPage]]:
    """open_page(url, viewport=DESKTOP, bot_url=None, scale=1) -> ChatPage, in a fresh context."""
    contexts = []

    def opener(url: str, viewport: dict = DESKTOP, bot_url: str | None = None, scale: float = 1) -> ChatPage:
        context = browser.new_context(
            viewport=viewport,
            device_scale_factor=scale,
            # A page fulfilled by the test has no "loopback" origin for Chromium's
            # local-network checks; this grants what the real page has anyway.
            permissions=["local-network-access"] if bot_url else [],
        )
        contexts.append(context)
        log = PageLog()
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.route("**/*", _route(bot_url, log))
        page.on("dialog", lambda dialog: (log.dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: log.errors.append(str(error)))
        page.goto(url)
        return ChatPage(page, log)

    yield opener
    for context in contexts:
        context.close()
