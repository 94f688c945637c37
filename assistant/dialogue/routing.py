"""Needs ("we need two carpenters", "my shop doesn't sell"): the project and person the page names.

The NLU decides the need from the whole message (need_staff, need_business_advice …); the
routes in knowledge/routing.yml give, per need, the project and the contact. A wrong person is
worse than a question: when the NLU's two best needs lead to different people and are close, or
a message was not understood but looked most like a need, the visitor gets one short question
with four buttons instead.
"""

from __future__ import annotations

from assistant.dialogue import phrases, wording
from assistant.dialogue.context import Context, mentions_a_project
from assistant.dialogue.projects import answer_projects
from assistant.dialogue.replies import Button, Reply
from assistant.dialogue.turn import Turn
from assistant.kb.content import Contact
from assistant.kb.query import PersonFacts, RouteMatch
from assistant.nlu.occupations import occupation_finder

STAFF = "need_staff"  # the need whose answer names the occupations an employer is looking for
REQUEST_OFFER = "request:"  # the `offer` slot after a routing answer: "request:<route id>"
OFFERED = "handoff_offered"  # the slot that tells Rasa's rules a yes may start a request
# How close (in NLU confidence) two needs with different contacts may be before we ask back.
AMBIGUITY_MARGIN = 0.3
# The needs a visitor can pick when we ask back, in this order (at most four buttons).
CHOICES = (
    ("need_staff", phrases.BUTTON_STAFF),
    ("need_business_advice", phrases.BUTTON_BUSINESS),
    ("need_local_service", phrases.BUTTON_LOCAL),
    ("need_moving", phrases.BUTTON_MOVING),
)


def contact_for_need(ctx: Context, turn: Turn, reply: Reply) -> None:
    """A need goes to its route's person; "whom do I contact?" to the project named, described
    ("projektet om inflyttning") or talked about; with none, or when the need is unclear, one
    question back. "Who runs it?" read as a wish for a contact gets what its words ask (the owner)."""
    if turn.intent in ctx.view.need_intents and not unsure(ctx, turn):
        match = ctx.view.route(turn.text, turn.intent)
        if match:
            answer_route(ctx, match, turn, reply)
            return
    talked_about = ctx.projects_in(turn) or turn.project in ctx.view.projects or ctx.project_described(turn)
    if turn.intent not in ctx.view.need_intents and talked_about:
        answer_projects(ctx, turn, reply, ctx.attributes_asked(turn) or ["contact"])
        return
    ask_back(ctx, reply)


def answer_route(ctx: Context, match: RouteMatch, turn: Turn, reply: Reply) -> None:
    """The person for the need; but a question about the need's project ("when does the project
    on moving here end?"), or about a project the page names no contact for, gets its facts."""
    reply.need = match.route.id
    asked = [a for a in ctx.attributes_asked(turn) if a != "contact"]
    named = ctx.projects_in(turn)
    if asked and (named or mentions_a_project(turn.text)):
        answer_projects(ctx, turn, reply, asked, named or [match.project.id])
    elif match.contact is None:
        answer_projects(ctx, turn, reply, asked or ["overview"], [match.project.id])
        reply.say(ctx.fill(phrases.ROUTE_NO_CONTACT, need=match.route.label(ctx.lang),
                           project=match.project.short_name))
    else:
        _send_to_person(ctx, match, match.contact, turn, reply)


def answer_occupation(ctx: Context, turn: Turn, reply: Reply) -> bool:
    """An occupation named in a message the NLU could not place: employers often write just
    the person they need ("snickare?", "need welders"). True if answered."""
    match = ctx.view.route(turn.text, STAFF) if occupation_finder().find(turn.text) else None
    if match is None or match.contact is None:
        return False
    reply.need = match.route.id
    _send_to_person(ctx, match, match.contact, turn, reply)
    return True


def looks_like_need(ctx: Context, turn: Turn) -> bool:
    """A message not understood whose best guess was a need: better asked back than refused."""
    guesses = [name for name, _ in turn.ranking if name != "nlu_fallback"]
    return bool(guesses) and guesses[0] in ctx.view.need_intents


def ask_back(ctx: Context, reply: Reply) -> None:
    buttons = tuple(Button(ctx.fill(label), f"/{intent}") for intent, label in CHOICES)
    reply.say(ctx.fill(phrases.CLARIFY_NEED), buttons)


def unsure(ctx: Context, turn: Turn) -> bool:
    """The NLU's two best needs lead to different people and are close: ask back, never guess."""
    contact_of = {r.intent: r.contact for r in reversed(list(ctx.view.routes.values()))}
    needs = [(name, confidence) for name, confidence in turn.ranking if name in contact_of]
    if len(needs) < 2:
        return False
    (first, best), (second, next_best) = needs[:2]
    return contact_of[first] != contact_of[second] and best - next_best < AMBIGUITY_MARGIN


def _send_to_person(ctx: Context, match: RouteMatch, contact: Contact, turn: Turn, reply: Reply) -> None:
    facts = ctx.answers.facts(match.project.id)
    need, project = match.route.label(ctx.lang), match.project.short_name
    card = ctx.answers.person_card(ctx.view.person(contact.id, ctx.lang))
    occupations = occupation_finder().find(turn.text) if match.route.intent == STAFF else []
    if occupations:
        named = wording.listing([o.plural(ctx.lang) for o in occupations], ctx.lang)
        reply.say(ctx.fill(phrases.ROUTE_OCCUPATION, occupations=named, project=project, person=card))
    else:
        reply.say(ctx.fill(phrases.ROUTE, need=need, project=project, person=card))
    for person in facts.contacts:
        if person.on_leave:
            reply.say(ctx.answers.leave_note(person))
    if match.route.note:
        reply.say(match.route.note(ctx.lang))
    reply.say(ctx.answers.ended_note(facts))
    reply.slots["project"] = match.project.id
    offer_request(ctx, match, reply)


def recipient(ctx: Context, contact: Contact) -> PersonFacts | None:
    """Who gets a contact request meant for `contact`: the person, or their stand-in while they
    are on leave; None when no one with an e-mail address can get it."""
    person = ctx.view.person(contact.id, ctx.lang)
    if person.on_leave:
        person = person.stand_in
    return person if person and person.email else None


def offer_request(ctx: Context, match: RouteMatch, reply: Reply) -> None:
    """"Would you like Aleksandra to contact you?" with yes/no buttons; a yes starts the request."""
    person = recipient(ctx, match.contact) if match.contact else None
    if person is None:
        return
    buttons = (Button(ctx.fill(phrases.BUTTON_YES), "/affirm"), Button(ctx.fill(phrases.BUTTON_NO), "/deny"))
    reply.say(ctx.fill(phrases.OFFER_REQUEST, person=first_name(person)), buttons)
    reply.slots.update({"offer": f"{REQUEST_OFFER}{match.route.id}", OFFERED: True})


def first_name(person: PersonFacts) -> str:
    return person.name.split()[0]
