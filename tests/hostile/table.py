"""The hostile-input table (inputs.yml) and how one input is sent and judged; shared by
tests/hostile/test_hostile.py and benchmarks/hostile.py."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

TABLE = Path(__file__).with_name("inputs.yml")
TRACEBACK_SIGNS = ("Traceback", 'File "', "site-packages", "Exception", "request_body")


@dataclass(frozen=True)
class Hostile:
    kind: str
    body: bytes
    content_type: str
    label: str


@dataclass(frozen=True)
class Outcome:
    status: int  # 0: no answer within the timeout
    body: str
    seconds: float

    @property
    def replied(self) -> bool:
        """200 with at least one text message for the visitor."""
        if self.status != 200:
            return False
        try:
            return any(isinstance(m, dict) and m.get("text") for m in json.loads(self.body))
        except ValueError:
            return False

    @property
    def clean_refusal(self) -> bool:
        return 400 <= self.status < 500

    @property
    def traceback(self) -> bool:
        return any(sign in self.body for sign in TRACEBACK_SIGNS)

    @property
    def acceptable(self) -> bool:
        return (self.replied or self.clean_refusal) and not self.traceback


def inputs(table: Path = TABLE) -> list[Hostile]:
    data = yaml.safe_load(table.read_text(encoding="utf-8"))
    found = []
    for n, item in enumerate(data["messages"]):
        payload: dict[str, Any] = {"sender": f"hostile-{n}", "message": item["text"]}
        if "metadata" in item:
            payload["metadata"] = item["metadata"]
        found.append(Hostile(item["kind"], json.dumps(payload).encode(), "application/json",
                             f"message-{n}"))
    for n, item in enumerate(data["bodies"]):
        body = item["body"].encode(item.get("encoding", "utf-8"))
        found.append(Hostile(item["kind"], body, item["content_type"], f"body-{n}"))
    return found


def send(base_url: str, hostile: Hostile, timeout: float = 30) -> Outcome:
    import time

    headers = {"Content-Type": hostile.content_type} if hostile.content_type else {}
    request = urllib.request.Request(f"{base_url}/webhooks/rest/webhook", data=hostile.body,
                                     headers=headers, method="POST")
    if not hostile.content_type:  # urllib would add application/x-www-form-urlencoded
        request.remove_header("Content-type")
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read()
    except (TimeoutError, urllib.error.URLError, ConnectionError):
        status, body = 0, b""
    return Outcome(status, body.decode("utf-8", "replace"), time.perf_counter() - started)
