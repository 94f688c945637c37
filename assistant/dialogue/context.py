"""What every handler works with while it answers one turn: the knowledge, today's date,
the reply language and the project answers, with the helpers several handlers share."""

from __future__ import annotations

from datetime import date

from assistant.dialogue import phrases, wording
from assistant.dialogue.project_answers import ProjectAnswers
from assistant.dialogue.turn import Turn
from assistant.kb.content import Language
from assistant.kb.query import KnowledgeView


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
