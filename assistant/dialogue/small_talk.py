"""Handlers for greetings, thanks, yes and no, language switches and what falls outside."""

from __future__ import annotations

from assistant.dialogue import phrases, routing
from assistant.dialogue.context import Context
from assistant.dialogue.projects import answered_as_project_question
from assistant.dialogue.replies import HELPFUL, NOT_UNDERSTOOD, Button, Reply
from assistant.dialogue.turn import Turn
from assistant.language import requested_language


def quick_replies(ctx: Context) -> tuple[Button, ...]:
    """The buttons under a greeting or a fallback: the project list and the two main needs."""
    return (
        Button(ctx.fill(phrases.BUTTON_LIST), "/list_projects"),
        Button(ctx.fill(phrases.BUTTON_RECRUIT), "/need_staff"),
        Button(ctx.fill(phrases.BUTTON_ADVICE), "/need_business_advice"),
    )


def greet(ctx: Context, turn: Turn, reply: Reply) -> None:
    count = len(ctx.view.knowledge.projects)
    reply.say(ctx.fill(phrases.GREET, count=count, projects=ctx.project_names()), quick_replies(ctx))


def ask_capabilities(ctx: Context, turn: Turn, reply: Reply) -> None:
    if answered_as_project_question(ctx, turn, reply):  # "what kind of help does SHiMR give?"
        return
    reply.say(ctx.fill(phrases.CAPABILITIES, projects=ctx.project_names(),
                       updated=ctx.answers.updated()), quick_replies(ctx))


def goodbye(ctx: Context, turn: Turn, reply: Reply) -> None:
    reply.say(ctx.fill(phrases.GOODBYE))


def thank(ctx: Context, turn: Turn, reply: Reply) -> None:
    reply.say(ctx.fill(phrases.THANK))


def bot_challenge(ctx: Context, turn: Turn, reply: Reply) -> None:
    reply.say(ctx.fill(phrases.BOT))


def fallback(ctx: Context, turn: Turn, reply: Reply) -> None:
    """Outside what the page covers. But a message that names an occupation ("snickare?") is an
    employer looking for staff, and one not understood that looked like a need is asked back;
    one that names a project and asks one of its facts is answered."""
    if answered_as_project_question(ctx, turn, reply) or routing.answer_occupation(ctx, turn, reply):
        return
    reply.outcome = NOT_UNDERSTOOD  # asked back or refused: the report lists these messages
    if turn.intent == "nlu_fallback" and routing.looks_like_need(ctx, turn):
        routing.ask_back(ctx, reply)
        return
    reply.say(ctx.fill(phrases.FALLBACK, projects=ctx.project_names()), quick_replies(ctx))


def feedback(ctx: Context, turn: Turn, reply: Reply) -> None:
    """The visitor's verdict on the last answer (the widget's buttons, or said in words): a short
    thanks. It is no question, and whatever the last answer offered is still on offer."""
    reply.outcome = None
    reply.slots["offer"] = turn.offer
    reply.say(ctx.fill(phrases.FEEDBACK_THANKS if turn.intent == HELPFUL else phrases.FEEDBACK_SORRY))


def switch_language(ctx: Context, turn: Turn, reply: Reply) -> None:
    target = requested_language(turn.text)
    if target is None:
        target = "en" if (turn.language or "sv") == "sv" else "sv"
    reply.language = target
    reply.say(phrases.SWITCHED(target))


def affirm(ctx: Context, turn: Turn, reply: Reply) -> None:
    """'Yes' to the contact details the last reply offered; otherwise ask what they want."""
    if turn.offer == "contact" and turn.project in ctx.view.projects:
        for text in ctx.answers.answer(turn.project, "contact"):
            reply.say(text)
    else:
        reply.say(ctx.fill(phrases.AFFIRM_NOTHING_PENDING))


def deny(ctx: Context, turn: Turn, reply: Reply) -> None:
    reply.say(ctx.fill(phrases.DENY))
