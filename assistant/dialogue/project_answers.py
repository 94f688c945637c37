"""Answers about one project, one attribute at a time, in one language.

Each answer says only what the knowledge holds; where it holds nothing the
answer says so and adds what *is* known, so the visitor is never left empty-handed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from assistant.dialogue import phrases, wording
from assistant.kb.content import Language
from assistant.kb.query import KnowledgeView, PersonFacts, ProjectFacts


class ProjectAnswers:
    def __init__(self, view: KnowledgeView, today: date, language: Language) -> None:
        self.view = view
        self.today = today
        self.lang = language
        self._facts: dict[str, ProjectFacts] = {}

    def fill(self, phrase: phrases.Phrase, **values: object) -> str:
        """The phrase in this reply's language, with the facts put in."""
        return phrase(self.lang).format(**values)

    def updated(self) -> str:
        return wording.day(self.view.page.last_updated, self.lang)

    def facts(self, project_id: str) -> ProjectFacts:
        """The project in this reply's language, localised once per reply however often asked."""
        if project_id not in self._facts:
            self._facts[project_id] = self.view.localise(project_id, self.lang, self.today)
        return self._facts[project_id]

    def answer(self, project_id: str, attribute: str) -> list[str]:
        facts = self.facts(project_id)
        render: Callable[[ProjectFacts], list[str]] = getattr(self, f"_{attribute}")
        return [text for text in render(facts) if text]

    # -- attributes -------------------------------------------------------------------
    def _overview(self, f: ProjectFacts) -> list[str]:
        return [f"{f.name}: {f.summary}", self.status_sentence(f)]

    def _purpose(self, f: ProjectFacts) -> list[str]:
        return [self.fill(phrases.PURPOSE, name=f.short_name, text=f.purpose)]

    def _activities(self, f: ProjectFacts) -> list[str]:
        return [self.fill(phrases.ACTIVITIES, name=f.short_name) + "\n" + wording.bullets(f.activities)]

    def _period(self, f: ProjectFacts) -> list[str]:
        lines = [self.fill(phrases.PERIOD, label=label.capitalize(), period=wording.period(p, self.lang))
                 for label, p in zip(f.period_labels, f.periods, strict=True)]
        return ["\n".join(lines), f.period_note or "", self.status_sentence(f)]

    def _status(self, f: ProjectFacts) -> list[str]:
        return [self.status_sentence(f)]

    def _funding(self, f: ProjectFacts) -> list[str]:
        financiers = []
        for financier in f.financiers:
            name = wording.listing(financier.names, self.lang)
            financiers.append(self.fill(phrases.SHARE, name=name, share=financier.share)
                              if financier.share else name)
        text = [self.fill(phrases.FUNDING, name=f.short_name,
                          financiers=wording.listing(financiers, self.lang))]
        if f.funding_note:
            text.append(f.funding_note)
        if f.funding_amount:
            text.append(self.fill(phrases.FUNDING_AMOUNT, amount=f.funding_amount))
        if f.budget:
            text.append(self.fill(phrases.BUDGET, name=f.short_name, budget=f.budget))
        return [" ".join(text)]

    def _budget(self, f: ProjectFacts) -> list[str]:
        if f.budget:
            return [self.fill(phrases.BUDGET, name=f.short_name, budget=f.budget)]
        if f.funding_amount:  # no total, but an amount: that is what "how much" wants first
            return [self.fill(phrases.AMOUNT_NO_BUDGET, name=f.short_name, amount=f.funding_amount),
                    *self._funding(f)]
        return [self.fill(phrases.NO_BUDGET, name=f.short_name), *self._funding(f)]

    def _owner(self, f: ProjectFacts) -> list[str]:
        if f.owner:
            return [self.fill(phrases.OWNER, name=f.short_name, owner=f.owner)]
        return [self.fill(phrases.NO_OWNER, name=f.short_name), *self._funding(f)]

    def _co_financiers(self, f: ProjectFacts) -> list[str]:
        if f.co_financiers:
            orgs = wording.listing(f.co_financiers, self.lang)
            return [self.fill(phrases.CO_FINANCIERS, name=f.short_name, orgs=orgs)]
        return [self.fill(phrases.NO_CO_FINANCIERS, name=f.short_name), *self._funding(f)]

    def _contact(self, f: ProjectFacts) -> list[str]:
        if not f.contacts:
            return [self.fill(phrases.NO_CONTACT, name=f.short_name),
                    self.fill(phrases.KNOWN_INSTEAD, name=f.short_name, summary=f.summary),
                    *self._funding(f)]
        lines = [self.person_card(p) for p in f.contacts if not p.on_leave]
        lines += [self.leave_note(p) for p in f.contacts if p.on_leave]
        if f.contact_unit:
            lines.append(self.fill(phrases.CONTACT_UNIT, unit=f.contact_unit))
        return ["\n".join(lines), self.ended_note(f)]

    def _links(self, f: ProjectFacts) -> list[str]:
        if not f.links:
            return [self.fill(phrases.NO_LINKS, name=f.short_name)]
        items = [f"{link.title}: {link.url}" if link.url
                 else self.fill(phrases.LINK_WITHOUT_URL, title=link.title) for link in f.links]
        return [self.fill(phrases.LINKS, name=f.short_name) + "\n" + wording.bullets(items)]

    # -- shared pieces ------------------------------------------------------------------
    def status_sentence(self, f: ProjectFacts) -> str:
        status = f.status
        label = f.period_labels[f.periods.index(status.period)]
        return self.fill(phrases.STATUS[status.state], name=f.short_name, label=label,
                      period=wording.period(status.period, self.lang),
                      updated=self.updated(), today=wording.day(self.today, self.lang))

    def ended_note(self, f: ProjectFacts) -> str:
        if f.status.state != "ended":
            return ""
        return self.fill(phrases.ENDED_NOTE, name=f.short_name,
                         period=wording.period(f.status.period, self.lang), updated=self.updated())

    def person_card(self, person: PersonFacts) -> str:
        role = person.role or person.project_role
        parts = [self.fill(phrases.PERSON, name=person.name, role=role) if role else person.name]
        if person.phone:
            parts.append(self.fill(phrases.PHONE, phone=person.phone))
        if person.email:
            parts.append(self.fill(phrases.EMAIL, email=person.email))
        return ", ".join(parts)

    def leave_note(self, person: PersonFacts) -> str:
        if person.stand_in:
            return self.fill(phrases.ON_LEAVE, name=person.name, stand_in=person.stand_in.name)
        return self.fill(phrases.ON_LEAVE_NO_STAND_IN, name=person.name)
