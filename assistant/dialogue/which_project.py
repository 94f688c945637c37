"""Questions about which of the projects has some property: "Which projects are EU-funded?",
"Vilket projekt slutar sist?", "Which have ended?". The answer names the project(s) first.

The criterion is read from the question's words; what the projects are and when they run
comes from the knowledge base. A question none of the criteria fits gets the list of projects.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from assistant.dialogue import phrases as P
from assistant.dialogue import wording
from assistant.dialogue.facts_first import FactsFirst, funders_of
from assistant.dialogue.project_answers import ProjectAnswers
from assistant.dialogue.question_form import question_in
from assistant.kb.content import Language, Project
from assistant.kb.query import KnowledgeView
from assistant.text.fuzzy import contains_keyword, keyword_parts
from assistant.text.normalise import tokens

_CUES = {
    "last": ("sist", "senast", "langst", "last$", "latest", "longest"),
    "first": ("forst$", "forsta$", "tidigast", "first", "earliest", "soonest"),
    "start": ("start$", "starta", "startade$", "started", "starts$", "borja", "began$", "begin$", "begins"),
    "budget": ("budget", "storst", "mest pengar", "biggest", "largest", "most money"),
}
_CUE_PARTS = {cue: [keyword_parts(k) for k in words] for cue, words in _CUES.items()}


def _cues(text: str) -> set[str]:
    words = tokens(text)
    return {cue for cue, parts in _CUE_PARTS.items() if any(contains_keyword(words, p) for p in parts)}


class WhichProject:
    def __init__(self, view: KnowledgeView, answers: ProjectAnswers, today: date, language: Language) -> None:
        self.view = view
        self.answers = answers
        self.today = today
        self.lang = language
        self.facts_first = FactsFirst(view, language)

    def _(self, phrase: P.Phrase, **values: object) -> str:
        return phrase(self.lang).format(**values)

    def answer(self, text: str) -> tuple[list[str], list[Project]] | None:
        """The answer's messages and the projects it names; None when no criterion fits."""
        cues, question = _cues(text), question_in(text)
        criteria: list[Callable[[], tuple[list[str], list[Project]] | None]] = [
            lambda: self._by_date(cues) if cues & {"last", "first"} else None,
            lambda: self._by_budget() if "budget" in cues else None,
            lambda: self._by_owner(text) if question.asks("owns") else None,
            lambda: self._by_funder(text),
            lambda: self._by_state("ended") if question.asks("ended") else None,
            lambda: self._by_state("ongoing") if question.asks("running") else None,
            lambda: self._by_topic(text),
        ]
        for criterion in criteria:
            found = criterion()
            if found:
                return found
        return None

    def _names(self, projects: list[Project]) -> str:
        return wording.listing([p.short_name for p in projects], self.lang)

    def _periods(self, projects: list[Project]) -> list[str]:
        return [f"{p.short_name}: {wording.period(self.view.status(p.id, self.today).period, self.lang)}"
                for p in projects]

    def _by_date(self, cues: set[str]) -> tuple[list[str], list[Project]]:
        edge = "start" if "start" in cues else "end"
        order = "last" if "last" in cues else "first"
        periods = {p: self.view.status(p.id, self.today).period for p in self.view.knowledge.projects}
        dated = {p: getattr(period, edge) for p, period in periods.items() if getattr(period, edge)}
        pick = (max if order == "last" else min)(dated, key=dated.__getitem__)
        lines = [self._(P.WHICH_DATE[(edge, order)], name=pick.short_name,
                        period=wording.period(periods[pick], self.lang)),
                 wording.bullets(self._periods(list(dated)))]
        undated = [p for p in periods if p not in dated]
        if undated:
            lines.append(self._(P.WHICH_UNDATED, names=self._names(undated)))
        return lines, [pick]

    def _by_budget(self) -> tuple[list[str], list[Project]]:
        with_budget = [p for p in self.view.knowledge.projects if p.funding.budget]
        without = [p for p in self.view.knowledge.projects if not p.funding.budget]
        lines = [self._(P.WHICH_BUDGET, names=self._names(with_budget), others=self._names(without))]
        lines += [self.answers.answer(p.id, "budget")[0] for p in with_budget]
        return lines, with_budget

    def _by_owner(self, text: str) -> tuple[list[str], list[Project]] | None:
        orgs = self.facts_first.organisations_named(text)
        wanted = {o.id for o in orgs}
        owned = [p for p in self.view.knowledge.projects if p.owner and (not wanted or p.owner in wanted)]
        unknown = [p for p in self.view.knowledge.projects if not p.owner]
        if not owned:
            return None
        lines = [self.answers.answer(p.id, "owner")[0] for p in owned]
        lines.append(self._(P.WHICH_NO_OWNER, names=self._names(unknown)))
        return lines, owned

    def _by_funder(self, text: str) -> tuple[list[str], list[Project]] | None:
        orgs = self.facts_first.organisations_named(text)
        if not orgs:
            return None
        ids = {o.id for o in orgs}
        funded = [p for p in self.view.knowledge.projects if ids & set(funders_of(p))]
        who = wording.listing(list(dict.fromkeys(
            self.view.organisation_name(o.id, self.lang) for o in orgs)), self.lang)
        if not funded:
            return [self._(P.WHICH_FUNDED_NONE, orgs=who)], []
        lines = [self._(P.WHICH_FUNDED, names=self._names(funded), orgs=who)]
        lines += [self.answers.answer(p.id, "funding")[0] for p in funded]
        return lines, funded

    def _by_state(self, state: str) -> tuple[list[str], list[Project]]:
        chosen = [p for p, s in self.view.list_projects(self.today) if s.state == state]
        lines = [self._(P.WHICH_STATE[state], names=self._names(chosen) or P.NONE(self.lang),
                        updated=self.answers.updated(), today=wording.day(self.today, self.lang))]
        lines.append(wording.bullets(self._periods(list(self.view.knowledge.projects))))
        return lines, chosen

    def _by_topic(self, text: str) -> tuple[list[str], list[Project]] | None:
        projects = self.view.find_projects(text)
        if not projects:
            match = self.view.route(text)
            projects = [match.project] if match else []
        if len(projects) != 1:
            return None
        project = projects[0]
        lines = [self._(P.WHICH_TOPIC, name=project.short_name), *self.answers.answer(project.id, "overview")]
        return lines, [project]
