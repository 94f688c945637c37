"""What every handler works with while it answers one turn: the knowledge, today's date,
the reply language and the project answers, with the helpers several handlers share."""

from __future__ import annotations

from datetime import date

from assistant.dialogue import phrases, wording
from assistant.dialogue.attributes import attributes_in
from assistant.dialogue.project_answers import ProjectAnswers
from assistant.dialogue.turn import Turn
from assistant.kb.content import Language
from assistant.kb.query import KnowledgeView
from assistant.text.normalise import tokens

PROJECT_WORDS = ("projekt", "project", "satsning", "programme", "program", "initiativ", "initiative")
# How sure the NLU must be of a need before its topic decides which project a question is about.
TOPIC_CONFIDENCE = 0.2


class Context:
    def __init__(self, view: KnowledgeView, today: date, language: Language) -> None:
        self.view = view
        self.today = today
        self.lang = language
        self.answers = ProjectAnswers(view, today, language)

    def fill(self, phrase: phrases.Phrase, **values: object) -> str:
        """The phrase in the reply language, with the facts put in."""
        return self.answers.fill(phrase, **values)

    def project_names(self) -> str:
        """'1,76-projektet, Medskapande processer, SHiMR och Move Up North'."""
        return wording.listing([p.short_name for p in self.view.knowledge.projects], self.lang)

    def projects_in(self, turn: Turn) -> list[str]:
        """The ids of the projects the message names, in the order it names them."""
        return [p.id for p in self.view.find_projects(turn.text)]

    def project_asked_about(self, turn: Turn) -> list[str]:
        """The projects a question is about: those it names; else the one it describes
        ("projektet om inflyttning", "Wolfgangs projekt"); else the one talked about last; else
        the one its topic points to. [] when nothing points to a project."""
        named = self.projects_in(turn)
        if named:
            return named
        described = self.project_described(turn)
        if described:
            return [described]
        if turn.project in self.view.projects:
            return [turn.project]
        topic = self.project_by_topic(turn)
        return [topic] if topic else []

    def project_described(self, turn: Turn) -> str | None:
        """The project a message speaks of without naming it: the one of the person it names
        ("the project Aleksandra works on"), else the one its topic points to."""
        if not mentions_a_project(turn.text):
            return None
        return self.project_of_person(turn) or self.project_by_topic(turn)

    def project_of_person(self, turn: Turn) -> str | None:
        """The one project of the people a message names; None for none or several."""
        projects = {p.id for c in self.view.find_contacts(turn.text) for p in self.view.projects_of(c.id)}
        return projects.pop() if len(projects) == 1 else None

    def project_by_topic(self, turn: Turn) -> str | None:
        """The project a message's topic points to: the route its words name, else the route of
        the need the NLU saw in it (with some confidence)."""
        match = self.view.route(turn.text)
        if match is None:
            need = next((name for name, confidence in turn.ranking
                         if name in self.view.need_intents and confidence >= TOPIC_CONFIDENCE), None)
            match = self.view.route(turn.text, need) if need else None
        return match.project.id if match else None

    def attributes_asked(self, turn: Turn) -> list[str]:
        """The attributes the question's words ask about, project names left out."""
        return attributes_in(self.view.without_project_names(turn.text))


def mentions_a_project(text: str) -> bool:
    """The message speaks of a project ("projektet om …", "the programme", "satsningen")."""
    return any(word.startswith(PROJECT_WORDS) for word in tokens(text))
