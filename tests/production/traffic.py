"""Visitors for the fault tests: many REST and socket.io conversations at once, each checking that
its follow-up ("och när slutar det?") is answered about the project it asked about, so that a
lost conversation or one visitor's context reaching another shows.

Every client asks a project question and then the follow-up, again and again, waiting for each
reply as a person does, until the deadline. A request counts as failed when it errors, times
out, gets no reply or gets the polite error message.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass, field

import aiohttp
import socketio

from assistant.dialogue import phrases

# (language, question, follow-up, the name the follow-up's answer must give)
SCRIPTS = (
    ("sv", "Vem finansierar SHiMR?", "och när slutar det?", "SHiMR"),
    ("en", "Who funds Move Up North?", "and when does it end?", "Move Up North"),
    ("sv", "Vad är Medskapande processer?", "när slutar det?", "Medskapande"),
    ("en", "What is the 1,76 project?", "when does it end?", "1,76"),
)
NAMES = tuple(name for *_, name in SCRIPTS)
POLITE = {phrases.ERROR("sv"), phrases.ERROR("en")}
TIMEOUT = 30.0
# socket.io marks no end of a reply: Rasa emits its messages one by one, each emit yielding to
# every other visitor's message being handled, so with 70 visitors on two cores seconds can pass
# between two messages of one reply (seen: up to 2–5 s). Quiet this long ends a reply.
REPLY_GAP = 5.0
AskFn = Callable[[str, str], Awaitable["list[str] | None"]]  # one visitor: send, wait for the reply


@dataclass
class Tally:
    """What the visitors saw."""

    requests: int = 0
    failed: int = 0
    polite: int = 0  # of the failed: answered with the polite error message
    followups_checked: int = 0
    context_lost: int = 0  # a follow-up answered about no project or another one
    failures_at: list[float] = field(default_factory=list)  # seconds since the start
    lost_examples: list[str] = field(default_factory=list)  # the first few, to see why

    def add(self, other: Tally) -> None:
        for name in ("requests", "failed", "polite", "followups_checked", "context_lost"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.failures_at += other.failures_at
        self.lost_examples += other.lost_examples[:3]


class _Visitor:
    def __init__(self, kind: str, number: int, started: float) -> None:
        self.kind = kind
        self.number = number
        self.started = started
        self.tally = Tally()

    def _record(self, texts: list[str] | None) -> bool:
        self.tally.requests += 1
        if texts and not POLITE & set(texts):
            return True
        self.tally.failed += 1
        self.tally.polite += bool(texts)
        self.tally.failures_at.append(time.monotonic() - self.started)
        return False

    def _check_followup(self, texts: list[str], name: str) -> None:
        self.tally.followups_checked += 1
        said = " ".join(texts)
        if name not in said or any(other in said for other in NAMES if other != name):
            self.tally.context_lost += 1
            self.tally.lost_examples.append(f"{self.kind} asked about {name}, got: {said[:200]}")

    async def converse(self, ask: AskFn, deadline: float) -> Tally:
        turn = self.number
        while time.monotonic() < deadline:
            language, question, followup, name = SCRIPTS[turn % len(SCRIPTS)]
            turn += 1
            if self._record(await ask(question, language)):
                answer = await ask(followup, language)
                if self._record(answer):
                    self._check_followup(answer, name)
        return self.tally


async def _rest_visitor(base_url: str, number: int, started: float, deadline: float,
                        http: aiohttp.ClientSession) -> Tally:
    visitor = _Visitor("REST", number, started)
    sender = f"rest-{number}-{uuid.uuid4().hex[:8]}"

    async def ask(text: str, language: str) -> list[str] | None:
        body = {"sender": sender, "message": text, "metadata": {"language": language}}
        try:
            async with http.post(f"{base_url}/webhooks/rest/webhook", json=body,
                                 timeout=aiohttp.ClientTimeout(total=TIMEOUT)) as response:
                if response.status != 200:
                    return None
                return [m.get("text", "") for m in await response.json()]
        except (aiohttp.ClientError, asyncio.TimeoutError):
            return None

    return await visitor.converse(ask, deadline)


async def _until_connected(client: socketio.AsyncClient) -> bool:
    deadline = time.monotonic() + TIMEOUT
    while not client.connected:
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.1)
    return True


async def _socketio_visitor(base_url: str, number: int, started: float, deadline: float) -> Tally:
    """As the widget: its visitor id in the URL (nginx's sticky key), a persistent session asked
    for again on every (re)connection, replies collected until they stop coming."""
    visitor = _Visitor("socket.io", number, started)
    visitor_id, session = uuid.uuid4().hex, uuid.uuid4().hex
    client = socketio.AsyncClient(reconnection_delay=0.5, reconnection_delay_max=2)
    replies: asyncio.Queue[str] = asyncio.Queue()

    @client.on("connect")
    async def _connected() -> None:
        await client.emit("session_request", {"session_id": session})

    @client.on("bot_uttered")
    async def _uttered(data: dict) -> None:
        await replies.put(data.get("text", ""))

    async def ask(text: str, language: str) -> list[str] | None:
        while not replies.empty():  # late replies of a message given up on
            replies.get_nowait()
        if not await _until_connected(client):  # a visitor waits while the widget reconnects
            return None
        try:
            await client.emit("user_uttered", {"message": text, "session_id": session,
                                               "customData": {"language": language}})
            texts = [await asyncio.wait_for(replies.get(), TIMEOUT)]
        except socketio.exceptions.SocketIOError:  # not connected: the client is reconnecting
            await asyncio.sleep(0.5)
            return None
        except asyncio.TimeoutError:
            return None
        with suppress(asyncio.TimeoutError):
            while True:  # the rest of the reply follows (under load, seconds apart)
                texts.append(await asyncio.wait_for(replies.get(), REPLY_GAP))
        return texts

    try:
        await client.connect(f"{base_url}?visitor={visitor_id}", socketio_path="socket.io",
                             wait_timeout=TIMEOUT)
        await asyncio.sleep(0.2)  # the session's room is joined
        return await visitor.converse(ask, deadline)
    except socketio.exceptions.ConnectionError:
        visitor._record(None)
        return visitor.tally
    finally:
        await client.disconnect()


async def visit(base_url: str, rest_visitors: int, socketio_visitors: int, seconds: float) -> Tally:
    """So many visitors of each kind, talking for `seconds`; what they saw, added up."""
    started = time.monotonic()
    deadline = started + seconds
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as http:
        tallies = await asyncio.gather(
            *(_rest_visitor(base_url, n, started, deadline, http) for n in range(rest_visitors)),
            *(_socketio_visitor(base_url, n, started, deadline) for n in range(socketio_visitors)))
    total = Tally()
    for tally in tallies:
        total.add(tally)
    return total
