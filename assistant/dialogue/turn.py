"""What one turn of the conversation brings: the message, the handler chosen for it, and
what the conversation remembers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Turn:
    handler: str  # the name of the handler that answers (assistant/dialogue/handlers.py)
    text: str = ""
    entities: Mapping[str, Sequence[str]] = field(default_factory=dict)
    language: str | None = None  # the conversation's language so far
    page_language: str | None = None  # sent by the web widget as metadata
    project: str | None = None  # the project talked about last
    offer: str | None = None  # what the last reply offered ("contact"), for yes/no
