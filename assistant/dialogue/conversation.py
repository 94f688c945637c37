"""One turn of the conversation: decide the language, pick the handler for the intent, answer.

Rasa's actions call `Conversation.respond`; everything here runs and is tested
without Rasa. Failures become a polite message in the visitor's language.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from assistant import private_logging
from assistant.dialogue import phrases as P
from assistant.dialogue import private_data, wording
from assistant.dialogue.attributes import attributes_in
from assistant.dialogue.project_answers import ProjectAnswers
from assistant.dialogue.replies import Button, Reply
from assistant.kb.content import LANGUAGES, Language
from assistant.kb.query import ATTRIBUTES, KnowledgeView, names_in
from assistant.kb.service import KnowledgeBase
from assistant.kb.store import DatabaseUnavailable
from assistant.language import LanguageDetector, requested_language

log = logging.getLogger(__name__)
MAX_TEXT = 500  # longer messages are cut: nobody asks about a project in more words


@dataclass(frozen=True)
class Turn:
    """What the visitor just said, with what the conversation remembers."""

    intent: str
    text: str = ""
    entities: Mapping[str, Sequence[str]] = field(default_factory=dict)
    language: str | None = None  # the conversation's language so far
    page_language: str | None = None  # sent by the web widget as metadata
    project: str | None = None  # the project talked about last
    offer: str | None = None  # what the last reply offered ("contact"), for yes/no
    too_long: bool = False  # the chat channel cut the message: it was over-long


class Conversation:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._detector: tuple[int, LanguageDetector] | None = None

    def respond(self, turn: Turn) -> Reply:
        turn = replace(turn, text=(turn.text or "")[:MAX_TEXT])
        try:
            view = self.kb.view()
        except DatabaseUnavailable as error:
            log.error("knowledge unavailable: %s", error)
            language = self.detector(None).choose(turn.text, turn.language, turn.page_language)
            return _fixed(P.UNAVAILABLE, language)
        language = self.detector(view).choose(turn.text, turn.language, turn.page_language)
        if turn.too_long:
            return _fixed(P.TOO_LONG, language)
        try:
            return _Handlers(view, self.kb.today(), language).handle(turn)
        except Exception as error:
            private_logging.failure(log, "could not answer", error)
            return _fixed(P.ERROR, language)

    def detector(self, view: KnowledgeView | None) -> LanguageDetector:
        """One detector per knowledge revision: it ignores the names the knowledge holds."""
        revision = view.revision if view else -1
        if self._detector is None or self._detector[0] != revision:
            names = names_in(view.knowledge) if view else []
            self._detector = (revision, LanguageDetector(names))
        return self._detector[1]


def _fixed(phrase: P.Phrase, language: Language) -> Reply:
    reply = Reply(language, slots={"language": language})
    reply.say(phrase(language))
    return reply


class _Handlers:
    def __init__(self, view: KnowledgeView, today, language: Language) -> None:
        self.view = view
        self.lang = language
        self.today = today
        self.answers = ProjectAnswers(view, today, language)

    def _(self, phrase: P.Phrase, **values: object) -> str:
        return phrase(self.lang).format(**values)

    def handle(self, turn: Turn) -> Reply:
        handler = getattr(self, f"on_{turn.intent}", None) or self.on_fallback
        reply = Reply(self.lang, slots={"language": self.lang, "offer": None})
        if private_data.asked_for(turn.text):  # never given: say so, then the work contact
            reply.say(self._(P.NO_PRIVATE_DATA))
            handler = self.on_ask_person if self.view.find_contact(turn.text) else handler
        handler(turn, reply)
        reply.slots["language"] = reply.language
        return reply

    # -- small talk ---------------------------------------------------------------------
    def project_names(self) -> str:
        return wording.listing([p.short_name for p in self.view.knowledge.projects], self.lang)

    def buttons(self) -> tuple[Button, ...]:
        need = lambda route: "/ask_contact_for_need" + json.dumps({"need": route})  # noqa: E731
        return (
            Button(self._(P.BUTTON_LIST), "/list_projects"),
            Button(self._(P.BUTTON_RECRUIT), need("recruitment")),
            Button(self._(P.BUTTON_ADVICE), need("business_advice")),
        )

    def on_greet(self, turn: Turn, reply: Reply) -> None:
        count = len(self.view.knowledge.projects)
        reply.say(self._(P.GREET, count=count, projects=self.project_names()), self.buttons())

    def on_ask_capabilities(self, turn: Turn, reply: Reply) -> None:
        reply.say(self._(P.CAPABILITIES, projects=self.project_names(),
                         updated=self.answers.updated()), self.buttons())

    def on_goodbye(self, turn: Turn, reply: Reply) -> None:
        reply.say(self._(P.GOODBYE))

    def on_thank(self, turn: Turn, reply: Reply) -> None:
        reply.say(self._(P.THANK))

    def on_bot_challenge(self, turn: Turn, reply: Reply) -> None:
        reply.say(self._(P.BOT))

    def on_fallback(self, turn: Turn, reply: Reply) -> None:
        reply.say(self._(P.FALLBACK, projects=self.project_names()), self.buttons())

    on_out_of_scope = on_nlu_fallback = on_fallback

    def on_switch_language(self, turn: Turn, reply: Reply) -> None:
        asked = [v for v in turn.entities.get("language", ()) if v in LANGUAGES]
        target = asked[0] if asked else requested_language(turn.text)
        if target is None:
            target = "en" if (turn.language or "sv") == "sv" else "sv"
        reply.language = target
        reply.say(P.SWITCHED(target))

    def on_affirm(self, turn: Turn, reply: Reply) -> None:
        if turn.offer == "contact" and turn.project in self.view.projects:
            for text in self.answers.answer(turn.project, "contact"):
                reply.say(text)
        else:
            reply.say(self._(P.AFFIRM_NOTHING_PENDING))

    def on_deny(self, turn: Turn, reply: Reply) -> None:
        reply.say(self._(P.DENY))

    # -- projects -----------------------------------------------------------------------
    def on_list_projects(self, turn: Turn, reply: Reply) -> None:
        items = []
        for project, status in self.view.list_projects(self.today):
            items.append(self._(P.LIST_ITEM, name=project.short_name,
                                period=wording.period(status.period, self.lang),
                                state=P.STATE[status.state](self.lang)))
        intro = self._(P.LIST_INTRO, updated=self.answers.updated(), count=len(items),
                       today=wording.day(self.today, self.lang))
        reply.say(f"{intro}\n{wording.bullets(items)}\n{self._(P.LIST_OUTRO)}")

    def projects_in(self, turn: Turn) -> list[str]:
        found = [p.id for p in self.view.find_projects(turn.text)]
        for value in turn.entities.get("project", ()):
            if value in self.view.projects:
                found.append(value)
            else:
                found += [p.id for p in self.view.find_projects(value)]
        return list(dict.fromkeys(found))

    def on_ask_project(self, turn: Turn, reply: Reply, attributes: list[str] | None = None) -> None:
        projects = self.projects_in(turn) or ([turn.project] if turn.project in self.view.projects else [])
        if not projects:
            reply.say(self._(P.ASK_WHICH_PROJECT, projects=self.project_names()))
            return
        attributes = attributes or attributes_in(turn.text) or [
            a for a in turn.entities.get("attribute", ()) if a in ATTRIBUTES] or ["overview"]
        for project in projects:
            for attribute in dict.fromkeys(attributes):
                for text in self.answers.answer(project, attribute):
                    reply.say(text)
        reply.slots["project"] = projects[-1]
        if attributes == ["overview"] and self.view.projects[projects[-1]].contacts:
            reply.say(self._(P.OFFER_CONTACT))
            reply.slots["offer"] = "contact"

    # -- routing ------------------------------------------------------------------------
    def on_ask_contact_for_need(self, turn: Turn, reply: Reply) -> None:
        match = self.view.route(turn.text)
        if match is None:
            named = [v for v in turn.entities.get("need", ()) if v in self.view.routes]
            match = self.view.route_by_id(named[0]) if named else None
        if match is None and self.projects_in(turn):  # "whom do I contact about SHiMR?"
            self.on_ask_project(turn, reply, attributes=["contact"])
            return
        if match is None:
            routes = [self._(P.ROUTE_SUMMARY, need=r.route.label(self.lang),
                             person=r.contact.name if r.contact else "–", project=r.project.short_name)
                      for r in map(self.view.route_by_id, self.view.routes) if r and r.contact]
            reply.say(self._(P.ROUTE_UNKNOWN) + "\n" + wording.bullets(routes))
            return
        facts = self.answers.facts(match.project.id)
        need, project = match.route.label(self.lang), match.project.short_name
        if match.contact is None:
            reply.say(self._(P.ROUTE_NO_CONTACT, need=need, project=facts.name))
            reply.say(self._(P.KNOWN_INSTEAD, name=project, summary=facts.summary))
        else:
            card = self.answers.person_card(self.view.person(match.contact.id, self.lang))
            reply.say(self._(P.ROUTE, need=need, project=project, person=card))
            for person in facts.contacts:
                if person.on_leave:
                    reply.say(self.answers.leave_note(person))
            if match.route.note:
                reply.say(match.route.note(self.lang))
            reply.say(self.answers.ended_note(facts))
        reply.slots["project"] = match.project.id

    # -- people and organisations ----------------------------------------------------------
    def on_ask_person(self, turn: Turn, reply: Reply) -> None:
        contact = self.view.find_contact(turn.text)
        for value in turn.entities.get("person", ()):
            contact = contact or self.view.find_contact(value)
        if contact is None:
            people = wording.listing([c.name for c in self.view.knowledge.contacts], self.lang)
            reply.say(self._(P.UNKNOWN_PERSON, people=people))
            return
        person = self.view.person(contact.id, self.lang)
        if person.on_leave:
            reply.say(self.answers.leave_note(person))
            if person.stand_in:
                reply.say(self.answers.person_card(person.stand_in))
            return
        reply.say(self.answers.person_card(person))
        projects = self.view.projects_of(contact.id)
        if projects:
            names = wording.listing([p.short_name for p in projects], self.lang)
            reply.say(self._(P.PERSON_PROJECTS, projects=names))
            reply.slots["project"] = projects[0].id
            for project in projects:
                reply.say(self.answers.ended_note(self.answers.facts(project.id)))

    def on_ask_organisation(self, turn: Turn, reply: Reply) -> None:
        org = self.view.find_organisation(turn.text)
        for value in turn.entities.get("organisation", ()):
            org = org or self.view.organisations.get(value) or self.view.find_organisation(value)
        if org is None:
            known = [o.name for o in self.view.knowledge.organisations if o.description]
            reply.say(self._(P.UNKNOWN_ORG, orgs=wording.listing(known, self.lang)))
            return
        if org.description:
            reply.say(org.description(self.lang))
        roles = self.organisation_roles(org.id)
        if roles:
            name = self.view.organisation_name(org.id, self.lang)
            reply.say(self._(P.ORG_ROLES, name=name, roles=wording.listing(roles, self.lang)))

    def organisation_roles(self, org_id: str) -> list[str]:
        """What the page says this organisation is to each project."""
        roles = []
        for p in self.view.knowledge.projects:
            name = p.short_name
            if p.owner == org_id:
                roles.append(self._(P.ORG_ROLE["owner"], project=name))
            for f in p.funding.financiers:
                if f.label and f.organisation == org_id:
                    roles.append(self._(P.ORG_ROLE["financier_as"], project=name, label=f.label(self.lang)))
                elif org_id in (f.organisation, f.with_organisation):
                    roles.append(self._(P.ORG_ROLE["financier"], project=name))
            if org_id in p.funding.co_financiers:
                roles.append(self._(P.ORG_ROLE["co_financier"], project=name))
        for network in self.view.knowledge.organisations:
            if org_id in network.members and network.kind == "network":
                roles.append(self._(P.ORG_ROLE["member"], network=network.name))
        return roles
