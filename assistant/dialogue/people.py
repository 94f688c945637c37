"""Handlers for questions about the people and the organisations the page names."""

from __future__ import annotations

from assistant.dialogue import phrases, wording
from assistant.dialogue.context import Context
from assistant.dialogue.facts_first import FactsFirst, funders_of
from assistant.dialogue.projects import answer_projects, answered_as_project_question
from assistant.dialogue.question_form import question_in
from assistant.dialogue.replies import Reply
from assistant.dialogue.turn import Turn


def ask_person(ctx: Context, turn: Turn, reply: Reply) -> None:
    contacts = ctx.view.find_contacts(turn.text)
    if not contacts and answered_as_project_question(ctx, turn, reply):  # "vem är kontakt för SHiMR?"
        return
    if not contacts:
        people = wording.listing([c.name for c in ctx.view.knowledge.contacts], ctx.lang)
        reply.say(ctx.fill(phrases.UNKNOWN_PERSON, people=people))
        return
    person = ctx.view.person(contacts[0].id, ctx.lang)
    lead = FactsFirst(ctx.view, ctx.lang).about_person(person, question_in(turn.text))
    messages = [ctx.answers.leave_note(person)] if person.on_leave else [ctx.answers.person_card(person)]
    for text in lead.apply(messages, ctx.lang) if lead else messages:
        reply.say(text)
    if person.on_leave:
        if person.stand_in:
            reply.say(ctx.answers.person_card(person.stand_in))
        return
    projects = ctx.view.projects_of(person.id)
    if projects:
        names = wording.listing([p.short_name for p in projects], ctx.lang)
        reply.say(ctx.fill(phrases.PERSON_PROJECTS, projects=names))
        reply.slots["project"] = projects[0].id
        for project in projects:
            reply.say(ctx.answers.ended_note(ctx.answers.facts(project.id)))


def ask_organisation(ctx: Context, turn: Turn, reply: Reply) -> None:
    """What the page says of the organisation; how many members or whether one is a member first.
    "How much money from Tillväxtverket?" gets the amounts of the projects it funds. An
    organisation named only inside a project's description ("statsstödet till stödområde A")
    makes no question about it."""
    named = ctx.view.find_organisations(ctx.view.without_project_names(turn.text))
    if not named and answered_as_project_question(ctx, turn, reply):
        return
    question = question_in(turn.text)
    if named and question.form == "amount":
        givers = {o.id for o in named if o.kind != "municipality"} or {o.id for o in named}
        funded = [p.id for p in ctx.view.knowledge.projects if givers & set(funders_of(p))]
        if funded:
            answer_projects(ctx, turn, reply, ["budget"], funded)
            return
    networks = [o for o in named if o.members]
    org = (networks or named or [None])[0]
    if org is None:
        known = [o.name for o in ctx.view.knowledge.organisations if o.description]
        reply.say(ctx.fill(phrases.UNKNOWN_ORG, orgs=wording.listing(known, ctx.lang)))
        return
    lead = FactsFirst(ctx.view, ctx.lang).about_organisation(org, question, turn.text)
    messages = [org.description(ctx.lang)] if org.description else []
    if org.county:
        messages.insert(0, ctx.fill(phrases.ORG_COUNTY, name=org.name,
                                    county=ctx.view.organisation_name(org.county, ctx.lang)))
    roles = [ctx.fill(phrases.ORG_ROLE[role.kind], project=role.project, network=role.network,
                      label=role.label)
             for role in ctx.view.organisation_roles(org.id, ctx.lang)]
    if roles:
        name = ctx.view.organisation_name(org.id, ctx.lang)
        messages.append(ctx.fill(phrases.ORG_ROLES, name=name, roles=wording.listing(roles, ctx.lang)))
    for text in lead.apply(messages, ctx.lang) if lead else messages:
        reply.say(text)
