"""A tiny driver for multi-turn conversations in tests: remembers slots like Rasa would."""

from __future__ import annotations

from assistant.dialogue.conversation import Conversation
from assistant.dialogue.replies import Reply
from assistant.dialogue.turn import Turn


class Chat:
    def __init__(self, conversation: Conversation, page_language: str | None = None) -> None:
        self.conversation = conversation
        self.page_language = page_language
        self.slots: dict[str, object] = {}

    def say(self, handler: str, text: str = "", intent: str | None = None,
            ranking: tuple[tuple[str, float], ...] = ()) -> Reply:
        """One message, answered by `handler`; `intent` and `ranking` are what the NLU made of it."""
        reply = self.conversation.respond(Turn(
            handler=handler, text=text, intent=intent or handler,
            ranking=ranking or ((intent or handler, 1.0),), page_language=self.page_language,
            language=self.slots.get("language"), project=self.slots.get("project"),
            offer=self.slots.get("offer")))
        self.slots.update(reply.slots)
        return reply


def text_of(reply: Reply) -> str:
    """All the reply's messages as one text."""
    return "\n".join(m.text for m in reply.messages)
