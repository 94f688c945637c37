"""One turn of the conversation: decide the language, run the handler the action names, answer.

Rasa's actions call `Conversation.respond`; everything here runs and is tested
without Rasa. Failures become a polite message in the visitor's language.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from assistant import private_logging
from assistant.dialogue import phrases, private_data
from assistant.dialogue.context import Context
from assistant.dialogue.handlers import HANDLERS
from assistant.dialogue.replies import ANSWERED, FAILED, NOT_UNDERSTOOD, Reply
from assistant.dialogue.turn import Turn
from assistant.kb.content import Language
from assistant.kb.query import KnowledgeView
from assistant.kb.service import KnowledgeBase
from assistant.kb.store import DatabaseUnavailable
from assistant.language import LanguageDetector

log = logging.getLogger(__name__)
MAX_TEXT = 500  # longer messages are cut: nobody asks about a project in more words


class Conversation:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._detector: tuple[int, LanguageDetector] | None = None

    def respond(self, turn: Turn) -> Reply:
        turn = replace(turn, text=(turn.text or "")[:MAX_TEXT])
        try:
            view = self.kb.view()
        except DatabaseUnavailable as error:
            log.error("knowledge unavailable: %s", error)
            language = self.detector(None).choose(turn.text, turn.language, turn.page_language)
            return _fixed(phrases.UNAVAILABLE, language, FAILED)
        language = self.detector(view).choose(turn.text, turn.language, turn.page_language)
        if turn.too_long:
            return _fixed(phrases.TOO_LONG, language, NOT_UNDERSTOOD)
        try:
            return _answer(Context(view, self.kb.today(), language), turn)
        except Exception as error:
            private_logging.failure(log, "could not answer", error)
            return _fixed(phrases.ERROR, language, FAILED)

    def detector(self, view: KnowledgeView | None) -> LanguageDetector:
        """One detector per knowledge revision: it ignores the names the knowledge holds."""
        revision = view.revision if view else -1
        if self._detector is None or self._detector[0] != revision:
            detector = LanguageDetector.for_knowledge(view.knowledge) if view else LanguageDetector()
            self._detector = (revision, detector)
        return self._detector[1]


def _answer(ctx: Context, turn: Turn) -> Reply:
    handler = HANDLERS[turn.handler]  # an unknown name is a bug: the polite error, not a fallback
    reply = Reply(ctx.lang, slots={"language": ctx.lang, "offer": None}, outcome=ANSWERED)
    if private_data.asked_for(turn.text):  # never given: say so, then the work contact
        reply.say(ctx.fill(phrases.NO_PRIVATE_DATA))
        handler = HANDLERS["ask_person"] if ctx.view.find_contacts(turn.text) else handler
    handler(ctx, turn, reply)
    reply.slots["language"] = reply.language
    return reply


def _fixed(phrase: phrases.Phrase, language: Language, outcome: str) -> Reply:
    reply = Reply(language, slots={"language": language}, outcome=outcome)
    reply.say(phrase(language))
    return reply
