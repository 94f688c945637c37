"""Handlers for questions about the projects: the list, one or more attributes of one, and
which of them has some property."""

from __future__ import annotations

from assistant.dialogue import phrases, wording
from assistant.dialogue.context import Context
from assistant.dialogue.facts_first import FactsFirst
from assistant.dialogue.question_form import question_in
from assistant.dialogue.replies import Reply
from assistant.dialogue.turn import Turn
from assistant.dialogue.which_project import WhichProject


def list_projects(ctx: Context, turn: Turn, reply: Reply) -> None:
    if answered_as_project_question(ctx, turn, reply):
        return
    items = []
    for project, status in ctx.view.list_projects(ctx.today):
        items.append(ctx.fill(phrases.LIST_ITEM, name=project.short_name,
                              period=wording.period(status.period, ctx.lang),
                              state=phrases.STATE[status.state](ctx.lang)))
    intro = ctx.fill(phrases.LIST_INTRO, updated=ctx.answers.updated(), count=len(items),
                     today=wording.day(ctx.today, ctx.lang))
    reply.say(f"{intro}\n{wording.bullets(items)}\n{ctx.fill(phrases.LIST_OUTRO)}")


def ask_project(ctx: Context, turn: Turn, reply: Reply) -> None:
    """The attributes the question names (or an overview) of the projects it names, else of
    the project talked about last; asks which project when there is none."""
    answer_projects(ctx, turn, reply, ctx.attributes_asked(turn) or ["overview"])


def answer_projects(ctx: Context, turn: Turn, reply: Reply, attributes: list[str],
                    projects: list[str] | None = None) -> None:
    """Each project's answer (of `projects`, else those the question is about); a question that
    asks for one fact (how many, is it still running) gets that fact first."""
    projects = projects or ctx.project_asked_about(turn)
    if not projects:
        reply.say(ctx.fill(phrases.ASK_WHICH_PROJECT, projects=ctx.project_names()))
        return
    question, facts_first = question_in(turn.text), FactsFirst(ctx.view, ctx.lang)
    for project_id in projects:
        project = ctx.view.projects[project_id]
        state = ctx.view.status(project_id, ctx.today).state
        lead = facts_first.about_project(project, state, question, turn.text, attributes)
        messages = [text for attribute in dict.fromkeys(lead.attributes if lead else attributes)
                    for text in ctx.answers.answer(project_id, attribute)]
        for text in lead.apply(messages, ctx.lang) if lead else messages:
            reply.say(text)
    reply.slots["project"] = projects[-1]
    if attributes == ["overview"] and ctx.view.projects[projects[-1]].contacts:
        reply.say(ctx.fill(phrases.OFFER_CONTACT))
        reply.slots["offer"] = "contact"


def which_project(ctx: Context, turn: Turn, reply: Reply) -> None:
    """Which of the projects has a property ("which ends last?"); the list when none fits. A
    question that names one project ("vilka andra betalar för SHiMR?") is about that project."""
    if answered_as_project_question(ctx, turn, reply):
        return
    found = WhichProject(ctx.view, ctx.answers, ctx.today, ctx.lang).answer(turn.text)
    if found is None:
        list_projects(ctx, turn, reply)
        return
    messages, projects = found
    for text in messages:
        reply.say(text)
    if len(projects) == 1:
        reply.slots["project"] = projects[0].id


def answered_as_project_question(ctx: Context, turn: Turn, reply: Reply) -> bool:
    """A message that names or describes one project and asks one of its facts ("vem bekostar
    medskapande?", "who pays for the project that gives companies advice?") is a question about
    that project, whatever other kind of request the NLU took it for: the project is the
    knowledge base's to find and the fact the question words' (docs/nlu-design.md).
    True if it was answered so."""
    described = ctx.project_described(turn)
    projects = ctx.projects_in(turn) or ([described] if described else [])
    attributes = ctx.attributes_asked(turn)
    if len(projects) != 1 or not attributes:
        return False
    answer_projects(ctx, turn, reply, attributes, projects)
    return True
