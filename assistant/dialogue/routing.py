"""The handler for needs ("we are looking for staff"): the project and person the page names."""

from __future__ import annotations

from assistant.dialogue import phrases, wording
from assistant.dialogue.context import Context
from assistant.dialogue.projects import answer_projects
from assistant.dialogue.replies import Reply
from assistant.dialogue.turn import Turn
from assistant.kb.query import RouteMatch


def ask_contact_for_need(ctx: Context, turn: Turn, reply: Reply) -> None:
    match = ctx.view.route(turn.text)
    if match is None:
        named = [v for v in turn.entities.get("need", ()) if v in ctx.view.routes]
        match = ctx.view.route_by_id(named[0]) if named else None
    if match is None and ctx.projects_in(turn):  # "whom do I contact about SHiMR?"
        answer_projects(ctx, turn, reply, ["contact"])
    elif match is None:
        routes = [ctx.fill(phrases.ROUTE_SUMMARY, need=r.route.label(ctx.lang),
                           person=r.contact.name if r.contact else "–", project=r.project.short_name)
                  for r in map(ctx.view.route_by_id, ctx.view.routes) if r and r.contact]
        reply.say(ctx.fill(phrases.ROUTE_UNKNOWN) + "\n" + wording.bullets(routes))
    else:
        _answer_route(ctx, match, reply)


def _answer_route(ctx: Context, match: RouteMatch, reply: Reply) -> None:
    facts = ctx.answers.facts(match.project.id)
    need, project = match.route.label(ctx.lang), match.project.short_name
    if match.contact is None:
        reply.say(ctx.fill(phrases.ROUTE_NO_CONTACT, need=need, project=facts.name))
        reply.say(ctx.fill(phrases.KNOWN_INSTEAD, name=project, summary=facts.summary))
    else:
        card = ctx.answers.person_card(ctx.view.person(match.contact.id, ctx.lang))
        reply.say(ctx.fill(phrases.ROUTE, need=need, project=project, person=card))
        for person in facts.contacts:
            if person.on_leave:
                reply.say(ctx.answers.leave_note(person))
        if match.route.note:
            reply.say(match.route.note(ctx.lang))
        reply.say(ctx.answers.ended_note(facts))
    reply.slots["project"] = match.project.id
