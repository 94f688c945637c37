"""The contact-request form's Rasa side, thin: one question action per slot, the
`FormValidationAction` (which also ends the form on "avbryt"), submit, and cancel outside the
form. The questions, checks and storing live in assistant/dialogue/handoff.py. The form's slots
hold personal data: nothing here logs them.
"""

from __future__ import annotations

import asyncio
import logging
from abc import ABC, abstractmethod
from collections.abc import Callable, Coroutine
from functools import lru_cache
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT, FormValidationAction

from actions import runtime
from actions.conversation_actions import answer_off_loop, turn_from_tracker
from assistant import config
from assistant.dialogue import handoff
from assistant.handoff.store import ContactRequests
from assistant.kb.store import make_engine

log = logging.getLogger(__name__)
FORM = "contact_request_form"


@lru_cache(maxsize=1)
def dialogue() -> handoff.HandoffDialogue:
    requests = ContactRequests(make_engine(config.database_url()))
    return handoff.HandoffDialogue(runtime.conversation(), requests)


def form_slots(tracker: Tracker) -> dict[str, Any]:
    return {name: tracker.get_slot(name) for name in handoff.ALL_SLOTS}


class AskAction(Action, ABC):
    """`action_ask_<slot>`: the form's question for one slot, in the conversation's language."""

    @property
    @abstractmethod
    def slot(self) -> str: ...

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        return await answer_off_loop(self.name(), tracker, dispatcher, lambda: dialogue().ask(
            self.slot, form_slots(tracker), tracker.get_slot("language")))


ASK_ACTIONS = [type(f"AskAction_{slot}", (AskAction,), {"slot": slot}) for slot in handoff.FORM_SLOTS]


def _validator(slot: str) -> Callable[..., Coroutine[Any, Any, dict[str, Any]]]:
    async def validate(self: ValidateContactRequestForm, value: Any, dispatcher: CollectingDispatcher,
                       tracker: Tracker, domain: dict[str, Any]) -> dict[str, Any]:
        if value is None:  # cleared (when the form starts, or for a change), not answered
            return {}
        turn = turn_from_tracker(tracker, "request_contact")
        answer = await asyncio.to_thread(dialogue().check, slot, turn, form_slots(tracker))
        for text in answer.say:
            dispatcher.utter_message(text=text)
        return answer.slots
    return validate


class ValidateContactRequestForm(FormValidationAction):
    """Each answer checked by the dialogue; which questions remain decided there too."""

    def name(self) -> str:
        return f"validate_{FORM}"

    async def required_slots(self, domain_slots: list[str], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: dict[str, Any]) -> list[str]:
        return dialogue().required(form_slots(tracker))

    validate_handoff_name = _validator(handoff.NAME)
    validate_handoff_organisation = _validator(handoff.ORGANISATION)
    validate_handoff_reach = _validator(handoff.REACH)
    validate_handoff_about = _validator(handoff.ABOUT)
    validate_handoff_consent = _validator(handoff.CONSENT)
    validate_handoff_change = _validator(handoff.CHANGE)
    validate_handoff_confirm = _validator(handoff.CONFIRM)


class ActionSubmitRequest(Action):
    """After the form: store the request if agreed and sent; clear the answers either way."""

    def name(self) -> str:
        return "action_submit_request"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        return await answer_off_loop(self.name(), tracker, dispatcher, lambda: dialogue().submit(
            form_slots(tracker), tracker.sender_id, tracker.get_slot("language")))


class ActionCancelRequest(Action):
    """"Avbryt", "cancel", "stop" outside the form (inside it, the validation ends it)."""

    def name(self) -> str:
        return "action_cancel_request"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        events = await answer_off_loop(self.name(), tracker, dispatcher, lambda: dialogue().cancel(
            tracker.get_slot("language")))
        return [ActiveLoop(None), SlotSet(REQUESTED_SLOT, None), *events]
