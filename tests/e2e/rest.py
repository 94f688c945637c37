"""Talking to the running assistant over Rasa's REST channel."""

from __future__ import annotations

import json
import time
import urllib.request


def exchange(base_url: str, sender: str, message: str,
             metadata: dict | None = None) -> tuple[list[dict], float]:
    """Send one message; return the bot's replies (text, buttons …) and the seconds the round trip took."""
    body = json.dumps({"sender": sender, "message": message, "metadata": metadata or {}}).encode()
    request = urllib.request.Request(f"{base_url}/webhooks/rest/webhook", data=body,
                                     headers={"Content-Type": "application/json"})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as response:
        replies = json.loads(response.read())
    return replies, time.perf_counter() - started


def ask(base_url: str, sender: str, message: str, metadata: dict | None = None) -> tuple[str, float]:
    """Send one message; return the bot's texts joined and the seconds the round trip took."""
    replies, elapsed = exchange(base_url, sender, message, metadata)
    return "\n".join(r.get("text", "") for r in replies), elapsed
