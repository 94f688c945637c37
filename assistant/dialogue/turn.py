"""What one turn of the conversation brings: the message, the handler chosen for it, what the
NLU made of it, and what the conversation remembers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Turn:
    handler: str  # the name of the handler that answers (assistant/dialogue/handlers.py)
    text: str = ""
    intent: str | None = None  # the intent the NLU recognised (need_staff …); names come from the text
    ranking: tuple[tuple[str, float], ...] = ()  # the NLU's intents with their confidence, best first
    language: str | None = None  # the conversation's language so far
    page_language: str | None = None  # sent by the web widget as metadata
    project: str | None = None  # the project talked about last
    offer: str | None = None  # what the last reply offered ("contact"), for yes/no
    too_long: bool = False  # the chat channel cut the message: it was over-long
