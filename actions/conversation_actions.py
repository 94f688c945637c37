"""One Rasa action per kind of answer. Each turns the tracker into a `Turn`, lets
`Conversation` answer it off the event loop, and sends the reply.

If anything fails here, the visitor still gets a polite message in their language.
"""

from __future__ import annotations

import asyncio
import logging
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import runtime
from assistant import config, private_logging
from assistant.dialogue import phrases
from assistant.dialogue.replies import TURN, Reply
from assistant.dialogue.turn import Turn
from assistant.language import page_language

log = logging.getLogger(__name__)


def turn_from_tracker(tracker: Tracker, handler: str) -> Turn:
    message = tracker.latest_message or {}
    text = message.get("text") or ""
    if text.startswith("/"):  # a button payload such as /list_projects, not words to read
        text = ""
    intent = message.get("intent") or {}
    ranking = tuple((str(r.get("name")), float(r.get("confidence") or 0.0))
                    for r in message.get("intent_ranking") or [] if isinstance(r, dict))
    metadata = message.get("metadata")
    metadata = metadata if isinstance(metadata, dict) else {}
    return Turn(
        handler=handler,
        text=text,
        intent=intent.get("name") if isinstance(intent, dict) else None,
        ranking=ranking,
        language=tracker.get_slot("language"),
        page_language=page_language(metadata.get("language")),
        project=tracker.get_slot("project"),
        offer=tracker.get_slot("offer"),
        too_long=metadata.get(config.MESSAGE_CUT) is True,
    )


def send(reply: Reply, dispatcher: CollectingDispatcher) -> list[EventType]:
    """The reply's messages, each with the reply's `turn` marker as metadata (stored with the
    conversation for the staff report; the widget's channel marks answers by it), and its slots."""
    marker = reply.marker()
    metadata = {TURN: marker} if marker else {}
    for message in reply.messages:
        buttons = [{"title": b.title, "payload": b.payload} for b in message.buttons]
        dispatcher.utter_message(text=message.text, buttons=buttons or None, **metadata)
    return [SlotSet(name, value) for name, value in reply.slots.items()]


async def answer_off_loop(name: str, tracker: Tracker, dispatcher: CollectingDispatcher,
                          make: Callable[[], Reply]) -> list[EventType]:
    """Run `make` off the event loop and send its reply; a failure becomes the polite error in
    the conversation's language, logged privately."""
    try:
        reply = await asyncio.to_thread(make)
    except Exception as error:
        private_logging.failure(log, f"{name} failed", error)
        language = "en" if tracker.get_slot("language") == "en" else "sv"
        reply = Reply(language)
        reply.say(phrases.ERROR(language))
    return send(reply, dispatcher)


class ConversationAction(Action, ABC):
    """Answers with the `Conversation` handler named `handler`, as the action `action_name`."""

    @property
    @abstractmethod
    def action_name(self) -> str: ...

    @property
    @abstractmethod
    def handler(self) -> str: ...

    def name(self) -> str:
        return self.action_name

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        return await answer_off_loop(
            self.action_name, tracker, dispatcher,
            lambda: runtime.conversation().respond(turn_from_tracker(tracker, self.handler)))


class ActionGreet(ConversationAction):
    action_name, handler = "action_greet", "greet"


class ActionGoodbye(ConversationAction):
    action_name, handler = "action_goodbye", "goodbye"


class ActionThank(ConversationAction):
    action_name, handler = "action_thank", "thank"


class ActionBotChallenge(ConversationAction):
    action_name, handler = "action_bot_challenge", "bot_challenge"


class ActionCapabilities(ConversationAction):
    action_name, handler = "action_capabilities", "ask_capabilities"


class ActionAffirm(ConversationAction):
    action_name, handler = "action_affirm", "affirm"


class ActionDeny(ConversationAction):
    action_name, handler = "action_deny", "deny"


class ActionSwitchLanguage(ConversationAction):
    action_name, handler = "action_switch_language", "switch_language"


class ActionListProjects(ConversationAction):
    action_name, handler = "action_list_projects", "list_projects"


class ActionProjectInfo(ConversationAction):
    action_name, handler = "action_project_info", "ask_project"


class ActionContactForNeed(ConversationAction):
    action_name, handler = "action_contact_for_need", "contact_for_need"


class ActionWhichProject(ConversationAction):
    action_name, handler = "action_which_project", "which_project"


class ActionPersonInfo(ConversationAction):
    action_name, handler = "action_person_info", "ask_person"


class ActionOrganisationInfo(ConversationAction):
    action_name, handler = "action_organisation_info", "ask_organisation"


class ActionFallback(ConversationAction):
    action_name, handler = "action_fallback", "fallback"


class ActionFeedback(ConversationAction):
    action_name, handler = "action_feedback", "feedback"


class ActionRequestContact(ConversationAction):
    action_name, handler = "action_request_contact", "request_contact"


class ActionAcceptRequest(ConversationAction):
    action_name, handler = "action_accept_request", "accept_request"
