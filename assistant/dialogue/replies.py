"""What a reply is: messages (text plus optional quick-reply buttons), slots to remember, and
what the reply did with the visitor's message (for the staff report)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.kb.content import Language

# What a reply did with the visitor's message. The conversation actions record it with every
# message they send, as the bot message's metadata `turn` (`Reply.marker`), so that the staff
# report (assistant/report/) counts answers and fallbacks from the stored conversation instead
# of guessing from the wording.
TURN = "turn"
ANSWERED = "answered"  # answered from the knowledge (or asked which project / which need)
NOT_UNDERSTOOD = "not_understood"  # the fallback: outside the page, not understood, or too long
FAILED = "error"  # the knowledge could not be read, or answering failed: the polite error
# A visitor's verdict on the last answer: the intents of the widget's two buttons (payloads
# /feedback_helpful and /feedback_not_helpful, over REST too) and of the same said in words.
HELPFUL, NOT_HELPFUL = "feedback_helpful", "feedback_not_helpful"


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
    outcome: str | None = None  # ANSWERED, NOT_UNDERSTOOD, FAILED; None: not a question (feedback)
    need: str | None = None  # the route (knowledge/routing.yml) the reply sent the visitor to

    def say(self, text: str, buttons: tuple[Button, ...] = ()) -> None:
        if text:
            self.messages.append(Message(text, buttons))

    def marker(self) -> dict[str, Any] | None:
        """The `turn` metadata of this reply's messages: its outcome, language, the project it
        was about and the need it routed; None for a reply to something that is not a question."""
        if self.outcome is None:
            return None
        return {"outcome": self.outcome, "language": self.language,
                "project": self.slots.get("project"), "need": self.need}
