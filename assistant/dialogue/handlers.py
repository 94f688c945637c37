"""The registry: which function answers each handler name the Rasa actions use.

To add a kind of answer: write a function `(ctx, turn, reply) -> None` in the module of
its subject (small_talk, projects, routing, people), add it here under a name, and give
its Rasa action that name (actions/conversation_actions.py). A name that is not here is
an error (tests/actions/test_actions.py checks every action's name), never a silent fallback.
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.dialogue import handoff, people, projects, routing, small_talk
from assistant.dialogue.context import Context
from assistant.dialogue.replies import Reply
from assistant.dialogue.turn import Turn

Handler = Callable[[Context, Turn, Reply], None]

HANDLERS: dict[str, Handler] = {
    "greet": small_talk.greet,
    "ask_capabilities": small_talk.ask_capabilities,
    "goodbye": small_talk.goodbye,
    "thank": small_talk.thank,
    "bot_challenge": small_talk.bot_challenge,
    "fallback": small_talk.fallback,
    "feedback": small_talk.feedback,
    "switch_language": small_talk.switch_language,
    "affirm": small_talk.affirm,
    "deny": small_talk.deny,
    "list_projects": projects.list_projects,
    "ask_project": projects.ask_project,
    "which_project": projects.which_project,
    "contact_for_need": routing.contact_for_need,
    "ask_person": people.ask_person,
    "ask_organisation": people.ask_organisation,
    "request_contact": handoff.request_contact,
    "accept_request": handoff.accept_offer,
}
