"""A contact request: who gets it, the questions asked one at a time, checking each answer, sending.

A request starts from an explicit wish ("kan ni ringa upp mig?") or from a yes to the offer after
a routing answer. The route decides the recipient (the route's person, or their stand-in while on
leave). Rasa's form (domain.yml, actions/handoff_actions.py) only keeps the answers in slots and
asks what `required_slots` says is missing; everything here runs and is tested without Rasa.
Nothing here logs: the answers are personal data.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from assistant import config
from assistant.dialogue import phrases, routing, small_talk
from assistant.dialogue.context import TOPIC_CONFIDENCE, Context
from assistant.dialogue.replies import HELPFUL, NOT_HELPFUL, Button, Reply
from assistant.dialogue.turn import Turn
from assistant.handoff.model import CONSENT_VERSION, Draft, utc_now
from assistant.handoff.store import ContactRequests, RateLimited
from assistant.handoff.validation import (
    ABOUT_MAX,
    NAME_MAX,
    ORGANISATION_MAX,
    REACH_MAX,
    Invalid,
    valid_about,
    valid_name,
    valid_organisation,
    valid_reach,
)
from assistant.kb.content import Route
from assistant.kb.query import RouteMatch
from assistant.text.normalise import fold, tokens

if TYPE_CHECKING:
    from assistant.dialogue.conversation import Conversation

NAME, ORGANISATION, REACH, ABOUT = "handoff_name", "handoff_organisation", "handoff_reach", "handoff_about"
CONSENT, CONFIRM, CHANGE = "handoff_consent", "handoff_confirm", "handoff_change"
FORM_SLOTS = (NAME, ORGANISATION, REACH, ABOUT, CONSENT, CHANGE, CONFIRM)
ROUTE, RECIPIENT, READY = "handoff_route", "handoff_recipient", "handoff_ready"
ALL_SLOTS = (*FORM_SLOTS, ROUTE, RECIPIENT, READY, routing.OFFERED)
NO_ORGANISATION = "-"  # a filled slot for "none" (an empty slot would be asked again)
REFUSED, SEND, CHANGING, CANCELLED = "refused", "send", "change", "cancelled"
# Routes whose visitors are private persons: no company or organisation is asked.
PRIVATE_NEEDS = frozenset({"need_moving"})
LIMITS = {NAME: NAME_MAX, ORGANISATION: ORGANISATION_MAX, REACH: REACH_MAX, ABOUT: ABOUT_MAX}
# Questions answered in the middle of the form, by the handler of their intent; the form resumes.
QUESTIONS = {
    "ask_person": "ask_person", "ask_project": "ask_project", "ask_organisation": "ask_organisation",
    "list_projects": "list_projects", "ask_which_project": "which_project",
    "ask_capabilities": "ask_capabilities", "bot_challenge": "bot_challenge",
}
QUESTION_WORDS = frozenset({
    "vem", "vad", "nar", "hur", "var", "vilka", "vilken", "vilket", "varfor", "vems",
    "who", "what", "when", "how", "where", "which", "why", "whose",
})
QUESTION_CONFIDENCE = 0.6
STOP_CONFIDENCE, STOP_WORDS = 0.8, 5
SEND_WORDS, CHANGE_WORDS = ("skicka", "send"), ("andra", "change", "edit")  # typed at the summary
FIELD_WORDS = {  # word beginnings in an answer to "what would you like to change?"
    NAME: ("namn", "name"),
    ORGANISATION: ("foretag", "organisation", "organization", "company", "firma"),
    REACH: ("kontakt", "contact", "e-post", "epost", "mail", "email", "e-mail", "telefon", "phone", "nummer"),
    ABOUT: ("arende", "request", "about", "message", "meddelande", "fraga"),
}


# -- starting a request (handlers) ------------------------------------------------------------
def request_contact(ctx: Context, turn: Turn, reply: Reply) -> None:
    """An explicit wish to be contacted: the request goes to the person of the route the message
    (or the person it names, or the conversation's project) points to; with none, ask the need."""
    match = _route_of(ctx, turn)
    reply.slots[READY] = False
    if match is None:
        buttons = tuple(Button(ctx.fill(label), f"/{intent}") for intent, label in routing.CHOICES)
        reply.say(ctx.fill(phrases.REQUEST_WHICH_NEED), buttons)
    else:
        start(ctx, match, reply)


def accept_offer(ctx: Context, turn: Turn, reply: Reply) -> None:
    """A yes after the offer "would you like Aleksandra to contact you?" starts the request; a yes
    to something offered since (contact details) is the ordinary yes."""
    reply.slots.update({READY: False, routing.OFFERED: None})
    match = None
    if (turn.offer or "").startswith(routing.REQUEST_OFFER):
        match = ctx.view.route_by_id(turn.offer.removeprefix(routing.REQUEST_OFFER))
    if match is None:
        small_talk.affirm(ctx, turn, reply)
    else:
        start(ctx, match, reply)


def start(ctx: Context, match: RouteMatch, reply: Reply) -> None:
    """Begin the questions for the route's recipient, or say why no request can be sent."""
    person = routing.recipient(ctx, match.contact) if match.contact else None
    need = match.route.label(ctx.lang)
    if person is None:
        reply.say(ctx.fill(phrases.REQUEST_NO_CONTACT, project=match.project.short_name, need=need))
        return
    reply.say(ctx.fill(phrases.REQUEST_START, person=person.name, need=need))
    reply.slots.update(dict.fromkeys(FORM_SLOTS))  # nothing of an earlier request is carried over
    reply.slots.update({ROUTE: match.route.id, RECIPIENT: person.id, READY: True})


def _route_of(ctx: Context, turn: Turn) -> RouteMatch | None:
    """The route a request is for: that of the person named, else of the project named, else of
    the need the NLU also saw (its keywords choosing among its routes; None when two needs with
    different people are close), else of the words, else of the project talked about."""
    routes = list(ctx.view.routes.values())
    for contact in ctx.view.find_contacts(turn.text):
        projects = {p.id for p in ctx.view.projects_of(contact.id)}
        mine = [r for r in routes if r.contact == contact.id or (r.project in projects and r.contact)]
        if mine:
            by_words = ctx.view.route(turn.text)
            ids = {r.id for r in mine}
            return by_words if by_words and by_words.route.id in ids else ctx.view.route_by_id(mine[0].id)
    named = ctx.projects_in(turn)
    if named:
        return next((ctx.view.route_by_id(r.id) for r in routes if r.project == named[0]), None)
    needs = {r.intent for r in routes}
    need = next((name for name, confidence in turn.ranking
                 if name in needs and confidence >= TOPIC_CONFIDENCE), None)
    if need:
        return None if routing.unsure(ctx, turn) else ctx.view.route(turn.text, need)
    match = ctx.view.route(turn.text)
    if match is None and turn.project in ctx.view.projects:
        match = next((ctx.view.route_by_id(r.id) for r in routes if r.project == turn.project), None)
    return match


# -- the form ----------------------------------------------------------------------------------
def required_slots(slots: Mapping[str, Any], routes: Mapping[str, Route]) -> list[str]:
    """The form's questions in order; those already answered are skipped by Rasa. A refusal of
    consent ends the form at once (the submit action then stores nothing)."""
    if slots.get(CONSENT) == REFUSED:
        return [CONSENT]
    if slots.get(CONFIRM) == CANCELLED:
        return [CONFIRM]
    route = routes.get(str(slots.get(ROUTE)))
    private = route is not None and route.intent in PRIVATE_NEEDS
    asked = [NAME] + ([] if private else [ORGANISATION]) + [REACH, ABOUT, CONSENT]
    return asked + ([CHANGE] if slots.get(CONFIRM) == CHANGING else []) + [CONFIRM]


@dataclass
class Answer:
    """What one answer came to: the slots to set (None: ask again) and what to say first."""

    slots: dict[str, Any] = field(default_factory=dict)
    say: list[str] = field(default_factory=list)


class HandoffDialogue:
    """The form's questions, checks and submission, in the conversation's language."""

    def __init__(self, conversation: Conversation, requests: ContactRequests,
                 clock: Callable[[], datetime] = utc_now) -> None:
        self.conversation = conversation
        self.requests = requests
        self.clock = clock

    def context(self, language: str | None) -> Context:
        kb = self.conversation.kb
        return Context(kb.view(), kb.today(), "en" if language == "en" else "sv")

    def required(self, slots: Mapping[str, Any]) -> list[str]:
        return required_slots(slots, self.conversation.kb.view().routes)

    def ask(self, slot: str, slots: Mapping[str, Any], language: str | None) -> Reply:
        """The question for `slot`, with buttons where the answer is a choice."""
        ctx = self.context(language)
        reply = Reply(ctx.lang)
        person = self._person_name(ctx, slots)
        if slot == NAME:
            reply.say(ctx.fill(phrases.ASK_NAME))
        elif slot == ORGANISATION:
            reply.say(ctx.fill(phrases.ASK_ORGANISATION))
        elif slot == REACH:
            reply.say(ctx.fill(phrases.ASK_REACH))
        elif slot == ABOUT:
            reply.say(ctx.fill(phrases.ASK_ABOUT, limit=ABOUT_MAX))
        elif slot == CONSENT:
            reply.say(ctx.fill(phrases.ASK_CONSENT, person=person, days=config.retention_days(),
                               link=ctx.fill(phrases.PRIVACY_LINK)), _yes_no(ctx))
        elif slot == CHANGE:
            asked = required_slots(slots, ctx.view.routes)
            fields = [f for f in (NAME, ORGANISATION, REACH, ABOUT) if f in asked]
            labels = tuple(Button(ctx.fill(phrases.FIELD_LABEL[f]), ctx.fill(phrases.FIELD_LABEL[f]))
                           for f in fields)
            reply.say(ctx.fill(phrases.ASK_CHANGE), labels)
        else:
            reply.say(self._summary(ctx, slots), (
                Button(ctx.fill(phrases.BUTTON_SEND), "/affirm"),
                Button(ctx.fill(phrases.BUTTON_CHANGE), "/deny"),
                Button(ctx.fill(phrases.BUTTON_CANCEL), "/stop_request"),
            ))
        return reply

    def check(self, slot: str, turn: Turn, slots: Mapping[str, Any]) -> Answer:
        """The visitor's answer to the question for `slot`: its cleaned value, or the reason it is
        asked again, or (a question in the middle) the question's answer and the same question again."""
        ctx = self.context(turn.language)
        if _is_stop(turn):  # the form ends; submit then stores nothing and says so
            return Answer({**dict.fromkeys(FORM_SLOTS), CONFIRM: CANCELLED})
        if turn.intent in (HELPFUL, NOT_HELPFUL) and not turn.text:  # a feedback button, no answer
            return Answer({slot: None}, [ctx.fill(phrases.FEEDBACK_NOTED), ctx.fill(phrases.RESUME)])
        if slot != ABOUT and _is_question(turn):
            answered = self.conversation.respond(Turn(
                handler=QUESTIONS[str(turn.intent)], text=turn.text, intent=turn.intent,
                ranking=turn.ranking, language=ctx.lang, project=turn.project))
            return Answer({slot: None}, [m.text for m in answered.messages] + [ctx.fill(phrases.RESUME)])
        try:
            return Answer(self._value(ctx, slot, turn, slots))
        except Invalid as error:
            reason = phrases.INVALID[error.reason]
            return Answer({slot: None}, [ctx.fill(reason, limit=LIMITS.get(slot, 0))])

    def _value(self, ctx: Context, slot: str, turn: Turn, slots: Mapping[str, Any]) -> dict[str, Any]:
        text = turn.text
        if slot == NAME:
            return {NAME: valid_name(text)}
        if slot == ORGANISATION:
            return {ORGANISATION: valid_organisation(text) or NO_ORGANISATION}
        if slot == REACH:
            return {REACH: " ".join(part for part in valid_reach(text) if part)}
        if slot == ABOUT:
            return {ABOUT: valid_about(text)}
        if slot == CONSENT:
            return {CONSENT: self.clock().isoformat() if _yes_or_no(turn, "yes_no") else REFUSED}
        if slot == CONFIRM:
            return {CONFIRM: SEND if _send_or_change(turn) else CHANGING}
        words = [fold(w) for w in tokens(text)]
        chosen = next((f for f, starts in FIELD_WORDS.items()
                       if any(w.startswith(starts) for w in words)), None)
        if chosen is None:
            raise Invalid("choice")
        return {chosen: None, CHANGE: None, CONFIRM: None}

    def submit(self, slots: Mapping[str, Any], conversation_id: str, language: str | None) -> Reply:
        """Store the request (and its mail) if the visitor agreed and chose send; in every case the
        form's answers are cleared from the conversation."""
        ctx = self.context(language)
        reply = Reply(ctx.lang, slots=dict.fromkeys(ALL_SLOTS))
        match = ctx.view.route_by_id(str(slots.get(ROUTE)))
        person = routing.recipient(ctx, match.contact) if match and match.contact else None
        if person is None or slots.get(CONFIRM) != SEND or slots.get(CONSENT) in (None, REFUSED):
            if person is not None and slots.get(CONSENT) == REFUSED:
                reply.say(ctx.fill(phrases.NO_CONSENT, person=person.name,
                                   card=ctx.answers.person_card(person)))
            else:
                reply.say(ctx.fill(phrases.REQUEST_CANCELLED))
            return reply
        email, phone = valid_reach(str(slots[REACH]))
        organisation = slots.get(ORGANISATION)
        draft = Draft(
            route_id=match.route.id, recipient_id=person.id, language=ctx.lang, name=str(slots[NAME]),
            organisation=None if organisation in (None, NO_ORGANISATION) else str(organisation),
            email=email, phone=phone, about=str(slots[ABOUT]), consent_version=CONSENT_VERSION,
            consented_at=datetime.fromisoformat(str(slots[CONSENT])), conversation_id=conversation_id,
        )
        try:
            reference = self.requests.submit(draft, person.email or "")
        except RateLimited:
            reply.say(ctx.fill(phrases.RATE_LIMITED, person=person.name,
                               card=ctx.answers.person_card(person)))
            return reply
        reply.say(ctx.fill(phrases.REQUEST_SENT, person=person.name, reference=reference))
        return reply

    def cancel(self, language: str | None) -> Reply:
        """"Avbryt" with no form running (in the form, `check` ends it): nothing to drop but an
        offer or a request about to start."""
        ctx = self.context(language)
        reply = Reply(ctx.lang, slots=dict.fromkeys(ALL_SLOTS))
        reply.say(ctx.fill(phrases.NOTHING_TO_CANCEL))
        return reply

    def _summary(self, ctx: Context, slots: Mapping[str, Any]) -> str:
        organisation = slots.get(ORGANISATION)
        return ctx.fill(
            phrases.SUMMARY, person=self._person_name(ctx, slots), name=slots.get(NAME),
            organisation=ctx.fill(phrases.NONE) if organisation in (None, NO_ORGANISATION) else organisation,
            reach=slots.get(REACH), about=slots.get(ABOUT),
        )

    @staticmethod
    def _person_name(ctx: Context, slots: Mapping[str, Any]) -> str:
        contact = ctx.view.contacts.get(str(slots.get(RECIPIENT)))
        return contact.name if contact else ""


def _yes_no(ctx: Context) -> tuple[Button, ...]:
    return (Button(ctx.fill(phrases.BUTTON_YES), "/affirm"), Button(ctx.fill(phrases.BUTTON_NO), "/deny"))


def _yes_or_no(turn: Turn, reason: str) -> bool:
    """True for a yes, False for a no; anything else is asked again with `reason`."""
    if turn.intent == "affirm":
        return True
    if turn.intent == "deny":
        return False
    raise Invalid(reason)


def _send_or_change(turn: Turn) -> bool:
    """True to send, False to change: the buttons' yes and no, or the words typed."""
    words = [fold(w) for w in tokens(turn.text)]
    if words and words[0].startswith(SEND_WORDS):
        return True
    if words and words[0].startswith(CHANGE_WORDS):
        return False
    return _yes_or_no(turn, "choice")


def _is_stop(turn: Turn) -> bool:
    """"Avbryt", "cancel", the cancel button: a short message the NLU is sure is stop_request,
    with no address or number in it (answers must never end the form by a misreading)."""
    if turn.intent != "stop_request":
        return False
    words = tokens(turn.text)
    confidence = dict(turn.ranking).get("stop_request", 0.0)
    typed = confidence >= STOP_CONFIDENCE and len(words) <= STOP_WORDS and not re.search(r"[@\d]", turn.text)
    return not turn.text or typed


def _is_question(turn: Turn) -> bool:
    """A question about the projects in the middle of the form ("vem är Wolfgang?"), not an answer:
    the NLU is sure it is one of the question intents and it is worded as a question."""
    confidence = dict(turn.ranking).get(str(turn.intent), 0.0)
    words = [fold(w) for w in tokens(turn.text)]
    worded = turn.text.rstrip().endswith("?") or bool(words and words[0] in QUESTION_WORDS)
    return turn.intent in QUESTIONS and confidence >= QUESTION_CONFIDENCE and worded
