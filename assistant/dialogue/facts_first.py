"""Questions that ask for one fact get that fact first, in one sentence, then the detail.

"How many regions co-finance SHiMR?" → "2 regions co-finance SHiMR: …", then the list of every
co-financier. "Is SHiMR still running?" → "No." before the status sentence. Where the page does
not give the fact (no owner, no budget) there is no yes or no: the detail already says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.dialogue import phrases as P
from assistant.dialogue import wording
from assistant.dialogue.question_form import Question
from assistant.kb.content import Language, Organisation, Project
from assistant.kb.query import KnowledgeView, PersonFacts, State
from assistant.text.normalise import tokens

EU_WORDS = ("eu", "europeiska", "europeisk", "european", "europe", "europa")
COUNTED_KINDS = {"municipality": ("municipality",), "region": ("region",),
                 "financier": ("municipality", "region", "eu_fund", "agency", "network")}


@dataclass(frozen=True)
class Lead:
    """What to say first: a yes or no in front of the detail, and/or a sentence before it."""

    verdict: bool | None = None
    sentence: str | None = None
    attributes: list[str] = field(default_factory=list)  # the detail to give after it

    def apply(self, messages: list[str], language: Language) -> list[str]:
        """The messages with the lead in front: "Nej. SHiMR pågår inte längre …"."""
        messages = list(messages)
        if self.sentence:
            messages.insert(0, self.sentence)
        if self.verdict is not None and messages:
            word = (P.YES if self.verdict else P.NO)(language)
            messages[0] = f"{word} {messages[0]}"
        return messages


def funders_of(project: Project) -> dict[str, str]:
    """Every organisation that funds the project, as financier or co-financier: id → role."""
    found = {}
    for financier in project.funding.financiers:
        for org_id in (financier.organisation, financier.with_organisation):
            if org_id:
                found[org_id] = "financier"
    found.update((org_id, "co_financier") for org_id in project.funding.co_financiers)
    return found


class FactsFirst:
    def __init__(self, view: KnowledgeView, language: Language) -> None:
        self.view = view
        self.lang = language

    def _(self, phrase: P.Phrase, **values: object) -> str:
        return phrase(self.lang).format(**values)

    # -- projects --------------------------------------------------------------------------
    def about_project(self, project: Project, state: State, question: Question, text: str,
                      attributes: list[str]) -> Lead | None:
        if question.form == "count" and question.counted:
            return self._count_funders(project, question.counted)
        if question.form == "amount":  # "how much": the budget or amount; "what share": the shares
            return Lead(attributes=["funding" if question.asks("share") else "budget"])
        if question.form != "yes_no":
            return None
        if question.asks("funds") or "funding" in attributes or "co_financiers" in attributes:
            orgs = self.organisations_named(text)
            if orgs:
                funders = funders_of(project)
                return Lead(verdict=any(o.id in funders for o in orgs), attributes=["funding"])
        if question.asks("owns") or "owner" in attributes:
            orgs = self.organisations_named(text)
            if orgs and project.owner:
                return Lead(verdict=any(o.id == project.owner for o in orgs), attributes=["owner"])
            return None
        running, ended = question.asks("running"), question.asks("ended")
        if running != ended:
            verdict = state == "ongoing" if running else state == "ended"
            return Lead(verdict=verdict, attributes=["status"])
        return None

    def organisations_named(self, text: str) -> list[Organisation]:
        """The organisations a question names; "EU" stands for every EU fund."""
        named = self.view.find_organisations(text)
        if any(word in EU_WORDS for word in tokens(text)):
            named += [o for o in self.view.knowledge.organisations if o.kind == "eu_fund"]
        return list(dict.fromkeys(named))

    def _count_funders(self, project: Project, counted: str) -> Lead | None:
        kinds = COUNTED_KINDS[counted]
        funders = funders_of(project)
        orgs = [self.view.organisations[o] for o in funders if self.view.organisations[o].kind in kinds]
        if not orgs:
            return None
        names = wording.listing([self.view.organisation_name(o.id, self.lang) for o in orgs], self.lang)
        co_financing = all(funders[o.id] == "co_financier" for o in orgs)
        sentence = self._(P.COUNT_FUNDERS[co_financing], count=len(orgs),
                          kind=P.KINDS[counted][len(orgs) == 1](self.lang), name=project.short_name,
                          orgs=names)
        return Lead(sentence=sentence, attributes=["co_financiers" if co_financing else "funding"])

    # -- organisations -----------------------------------------------------------------------
    def about_organisation(self, org: Organisation, question: Question, text: str) -> Lead | None:
        members = [self.view.organisations[m] for m in org.members]
        if question.form == "count" and (members or org.member_count):
            count = org.member_count or len(members)
            return Lead(sentence=self._(P.ORG_COUNT, name=org.name, count=count))
        if question.form != "yes_no" or not members:
            return None
        named = [o for o in self.view.find_organisations(text) if o.id != org.id and o.kind == "municipality"]
        if named:
            inside = [o for o in named if o.id in org.members]
            phrase = P.ORG_MEMBER if inside else P.ORG_NOT_MEMBER
            return Lead(verdict=bool(inside), sentence=self._(
                phrase, member=wording.listing([o.name for o in (inside or named)], self.lang),
                name=org.name))
        if question.asks("member") and org.members_complete:
            listed = wording.listing([m.name for m in members], self.lang)
            return Lead(verdict=False, sentence=self._(P.ORG_NOT_LISTED, name=org.name, members=listed))
        return None

    # -- people ------------------------------------------------------------------------------
    def about_person(self, person: PersonFacts, question: Question) -> Lead | None:
        away, available = question.asks("away"), question.asks("available")
        if question.form != "yes_no" or away == available:
            return None
        return Lead(verdict=person.on_leave if away else not person.on_leave)
