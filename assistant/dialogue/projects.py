"""Handlers for questions about the projects: the list, and one or more attributes of one."""

from __future__ import annotations

from assistant.dialogue import phrases, wording
from assistant.dialogue.attributes import attributes_in
from assistant.dialogue.context import Context
from assistant.dialogue.replies import Reply
from assistant.dialogue.turn import Turn
from assistant.kb.query import ATTRIBUTES


def list_projects(ctx: Context, turn: Turn, reply: Reply) -> None:
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
    answer_projects(ctx, turn, reply, attributes_in(turn.text) or [
        a for a in turn.entities.get("attribute", ()) if a in ATTRIBUTES] or ["overview"])


def answer_projects(ctx: Context, turn: Turn, reply: Reply, attributes: list[str]) -> None:
    projects = ctx.projects_in(turn) or ([turn.project] if turn.project in ctx.view.projects else [])
    if not projects:
        reply.say(ctx.fill(phrases.ASK_WHICH_PROJECT, projects=ctx.project_names()))
        return
    for project in projects:
        for attribute in dict.fromkeys(attributes):
            for text in ctx.answers.answer(project, attribute):
                reply.say(text)
    reply.slots["project"] = projects[-1]
    if attributes == ["overview"] and ctx.view.projects[projects[-1]].contacts:
        reply.say(ctx.fill(phrases.OFFER_CONTACT))
        reply.slots["offer"] = "contact"
