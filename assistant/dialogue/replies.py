"""What a reply is: messages (text plus optional quick-reply buttons) and slots to remember."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.kb.content import Language


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class Message:
    text: str
    buttons: tuple[Button, ...] = ()


@dataclass
class Reply:
    language: Language
    messages: list[Message] = field(default_factory=list)
    slots: dict[str, Any] = field(default_factory=dict)

    def say(self, text: str, buttons: tuple[Button, ...] = ()) -> None:
        if text:
            self.messages.append(Message(text, buttons))
