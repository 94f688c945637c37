"""The one `Conversation` the action server uses, created on first use."""

from __future__ import annotations

from functools import lru_cache

from assistant.dialogue.conversation import Conversation
from assistant.kb.service import KnowledgeBase


@lru_cache(maxsize=1)
def conversation() -> Conversation:
    return Conversation(KnowledgeBase.from_settings())
