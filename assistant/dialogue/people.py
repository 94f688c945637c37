"""Handlers for questions about the people and the organisations the page names."""

from __future__ import annotations

from assistant.dialogue import phrases, wording
from assistant.dialogue.context import Context
from assistant.dialogue.replies import Reply
from assistant.dialogue.turn import Turn


def ask_person(ctx: Context, turn: Turn, reply: Reply) -> None:
    contact = ctx.view.find_contact(turn.text)
    for value in turn.entities.get("person", ()):
        contact = contact or ctx.view.find_contact(value)
    if contact is None:
        people = wording.listing([c.name for c in ctx.view.knowledge.contacts], ctx.lang)
        reply.say(ctx.fill(phrases.UNKNOWN_PERSON, people=people))
        return
    person = ctx.view.person(contact.id, ctx.lang)
    if person.on_leave:
        reply.say(ctx.answers.leave_note(person))
        if person.stand_in:
            reply.say(ctx.answers.person_card(person.stand_in))
        return
    reply.say(ctx.answers.person_card(person))
    projects = ctx.view.projects_of(contact.id)
    if projects:
        names = wording.listing([p.short_name for p in projects], ctx.lang)
        reply.say(ctx.fill(phrases.PERSON_PROJECTS, projects=names))
        reply.slots["project"] = projects[0].id
        for project in projects:
            reply.say(ctx.answers.ended_note(ctx.answers.facts(project.id)))


def ask_organisation(ctx: Context, turn: Turn, reply: Reply) -> None:
    org = ctx.view.find_organisation(turn.text)
    for value in turn.entities.get("organisation", ()):
        org = org or ctx.view.organisations.get(value) or ctx.view.find_organisation(value)
    if org is None:
        known = [o.name for o in ctx.view.knowledge.organisations if o.description]
        reply.say(ctx.fill(phrases.UNKNOWN_ORG, orgs=wording.listing(known, ctx.lang)))
        return
    if org.description:
        reply.say(org.description(ctx.lang))
    roles = [ctx.fill(phrases.ORG_ROLE[role.kind], project=role.project, network=role.network,
                      label=role.label)
             for role in ctx.view.organisation_roles(org.id, ctx.lang)]
    if roles:
        name = ctx.view.organisation_name(org.id, ctx.lang)
        reply.say(ctx.fill(phrases.ORG_ROLES, name=name, roles=wording.listing(roles, ctx.lang)))
