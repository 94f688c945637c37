"""Contact requests over the REST channel, as scripted conversations: each step is what the
visitor sends and words the assistant's reply must hold. Used by tests/handoff/ and
benchmarks/handoff.py."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from tests.e2e.rest import exchange

REFERENCE = re.compile(r"MK-\d{4}-\d{4}")


@dataclass(frozen=True)
class Run:
    replies: list[str]  # the assistant's texts, one per step
    buttons: list[list[str]]  # the button payloads, one list per step
    seconds: float  # from sending the first message to the last reply

    @property
    def reference(self) -> str | None:
        found = REFERENCE.search(self.replies[-1])
        return found.group() if found else None


def talk(url: str, sender: str, steps: list[tuple[str, str]]) -> Run:
    """Send each message; fail at the first reply that lacks its expected words."""
    replies, buttons = [], []
    started = time.perf_counter()
    for message, expected in steps:
        answer, _ = exchange(url, sender, message)
        text = "\n".join(r.get("text", "") for r in answer)
        assert expected in text, f"{message!r} -> {text!r}: {expected!r} missing"
        replies.append(text)
        buttons.append([b["payload"] for r in answer for b in r.get("buttons") or []])
    return Run(replies, buttons, time.perf_counter() - started)


HAPPY_SV = [
    ("Kan Aleksandra ringa upp mig? Jag vill ha råd om energikostnader", "Vad heter du?"),
    ("Anna Berg", "Vilket företag"),
    ("Bergs Bageri AB", "Hur når vi dig?"),
    ("anna@bergsbageri.se 070-123 45 67", "Vad gäller ditt ärende?"),
    ("Vi vill sänka elkostnaderna i bageriet", "Godkänner du detta?"),
    ("/affirm", "Vill du skicka det?"),
    ("/affirm", "Ditt ärendenummer är MK-"),
]
HAPPY_EN = [
    ("We need two welders for the workshop", "Would you like Wolfgang to contact you?"),
    ("/affirm", "What is your name?"),
    ("John Smith", "Which company"),
    ("Smith Steel Ltd", "How can we reach you?"),
    ("+44 20 7946 0958", "What is your request about?"),
    ("Two welders from March, full time", "Do you agree?"),
    ("/affirm", "Shall I send it?"),
    ("/affirm", "Your reference is MK-"),
]
