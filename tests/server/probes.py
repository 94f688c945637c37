"""Looking at the running services from outside: memory and listening sockets from /proc,
raw HTTP requests, and a socket.io visitor like the widget."""

from __future__ import annotations

import asyncio
import ipaddress
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from http.client import HTTPConnection
from pathlib import Path

import socketio

LISTEN = "0A"


def rss_mb(pid: int) -> float:
    """Resident memory of the process, from /proc/<pid>/status."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError(f"no VmRSS for {pid}")


def group_pids(leader: int) -> list[int]:
    """The processes in the process group `leader` started (each service has its own)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2:].split()
            if int(fields[2]) == leader:  # pgrp
                found.append(int(entry.name))
    return found


def _socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    return inodes


def _address(hex_address: str) -> tuple[str, int]:
    host, port = hex_address.split(":")
    raw = bytes.fromhex(host)
    if len(raw) == 4:
        ip = ipaddress.IPv4Address(raw[::-1])
    else:  # /proc/net/tcp6: four 32-bit words, each in host (little-endian) order
        ip = ipaddress.IPv6Address(b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4)))
    return str(ip), int(port, 16)


def listening(pids: list[int]) -> list[tuple[str, int]]:
    """(address, port) of every TCP socket these processes listen on."""
    inodes = set().union(*(_socket_inodes(pid) for pid in pids))
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == LISTEN and fields[9] in inodes:
                found.append(_address(fields[1]))
    return found


def written_files(pids: list[int]) -> set[Path]:
    """Regular files these processes hold open for writing."""
    found = set()
    for pid in pids:
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            try:
                target = Path(os.readlink(fd))
                flags = int((Path(f"/proc/{pid}/fdinfo") / fd.name).read_text().split("flags:")[1].split()[0], 8)
            except (OSError, IndexError, ValueError):
                continue
            if flags & 0o3 and target.is_file():
                found.add(target)
    return found


def http(url: str, body: bytes | None = None, headers: dict[str, str] | None = None,
         timeout: float = 30) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, data=body, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def status_for_announced_body(url: str, length: int) -> int:
    """The status a server answers to headers announcing a `length`-byte body, before the body
    is sent: a server that caps bodies refuses at once (sending it all would meet a reset)."""
    parts = urllib.parse.urlsplit(url)
    connection = HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.putrequest("POST", parts.path)
        connection.putheader("Content-Type", "application/json")
        connection.putheader("Content-Length", str(length))
        connection.endheaders()
        return connection.getresponse().status
    finally:
        connection.close()


def rest(base_url: str, sender: str, message: str, metadata: dict | None = None) -> tuple[list[dict], float]:
    body = json.dumps({"sender": sender, "message": message, "metadata": metadata or {}}).encode()
    started = time.perf_counter()
    status, _, answer = http(f"{base_url}/webhooks/rest/webhook", body, {"Content-Type": "application/json"})
    assert status == 200, (status, answer[:300])
    return json.loads(answer), time.perf_counter() - started


async def _socketio(base_url: str, message: str, metadata: dict, origin: str,
                    timeout: float) -> tuple[list[dict], float]:
    client = socketio.AsyncClient(reconnection=False)
    confirmed: asyncio.Queue = asyncio.Queue()
    replies: asyncio.Queue = asyncio.Queue()
    client.on("session_confirm", confirmed.put)
    client.on("bot_uttered", replies.put)
    await client.connect(base_url, headers={"Origin": origin}, transports=["polling", "websocket"],
                         wait_timeout=10)
    try:
        await client.emit("session_request", {"session_id": None})
        session = await asyncio.wait_for(confirmed.get(), 10)
        started = time.perf_counter()
        await client.emit("user_uttered", {"message": message, "session_id": session,
                                           "customData": metadata})
        first = await asyncio.wait_for(replies.get(), timeout)
        elapsed = time.perf_counter() - started
        found = [first]
        while True:  # a reply may come as several messages
            try:
                found.append(await asyncio.wait_for(replies.get(), 1.0))
            except asyncio.TimeoutError:
                return found, elapsed
    finally:
        await client.disconnect()


def socketio_ask(base_url: str, message: str, metadata: dict | None = None,
                 origin: str = "http://localhost:8080", timeout: float = 30) -> tuple[list[dict], float]:
    """Ask over socket.io as the widget does; the bot's messages and seconds to the first."""
    return asyncio.run(_socketio(base_url, message, metadata or {}, origin, timeout))
