"""Which language to answer in: Swedish or English, never a mix.

langdetect alone is unreliable on chat-length messages ("SHiMR?", "ok"), so it
is one signal among several: an explicit request ("på svenska tack"), marker
words of either language, the conversation's current language and the page
language the widget sends. Names of projects, people and places are ignored,
since "Malåbygden" says nothing about the visitor's language.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import langdetect
from langdetect.detector_factory import DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from assistant.kb.content import LANGUAGES, Knowledge, Language
from assistant.nlu.occupations import occupation_words
from assistant.text.fuzzy import NameFinder
from assistant.text.normalise import fold, tokens

DEFAULT: Language = "sv"

# Common function and question words, folded (å/ä/ö as a/a/o). Words that are
# common in both languages ("i", "in", "man", "ok") are left out.
MARKERS: dict[Language, frozenset[str]] = {
    "sv": frozenset("""
        och att det som ar vad vem vilka vilken vilket nar hur var varfor jag du vi ni mig dig
        har kan ska skulle om for med till pa av inte ja nej tack hej hejsan tjena projektet
        projekten projektets finansierar finansierat finansiar kontakta kontaktar kontaktperson
        slutar slutade pagar pagick beratta finns garna ocksa eller men den ett mitt min vart
        foretag foretaget soker behover svenska engelska hallo snalla kommunen vilket nagon
        nagot mycket hjalp hjalpa borjar borjade startade agare ager stod radgivning personal
        hejda tjo tja morsning tackar japp jaa na nae okej bra god morgon kvall snart vars
        telefon telefonnummer nummer mejl epost adress
        """.split()),
    "en": frozenset("""
        the and is are was what who whom which when how where why you we me my our do does did
        can could would should it its of to for with about please thanks thank hello hi hey
        project projects funds funded fund funding contact end ends ended still running tell
        there yes no english swedish company business need needs looking want this that have
        has be been will any some much help start started owner owns purpose offer
        bye goodbye cheers thx ty yeah yep yup nope nah sorry good morning evening great see
        phone number email address
        """.split()),
}

_SWEDISH_LETTERS = re.compile(r"\w*[åäöÅÄÖ]\w*")

_REQUEST = {
    "en": re.compile(
        r"\b(english|engelska|engelsk|inglish|engelsa)\b", re.IGNORECASE),
    "sv": re.compile(
        r"\b(svenska|swedish|svensk|swedis|svenskan)\b", re.IGNORECASE),
}


def page_language(value: object) -> Language | None:
    """A page's or widget's language tag as one of ours: "en-GB", "EN", "sv_SE" count."""
    if not isinstance(value, str):
        return None
    primary = re.split(r"[-_]", value.strip(), maxsplit=1)[0].lower()
    return primary if primary in LANGUAGES else None  # type: ignore[return-value]


def requested_language(text: str) -> Language | None:
    """The language a visitor asks for ("Can we speak English?", "på svenska tack"), if exactly one."""
    folded = fold(text)
    asked = [lang for lang, pattern in _REQUEST.items() if pattern.search(folded)]
    return asked[0] if len(asked) == 1 else None  # type: ignore[return-value]


@dataclass(frozen=True)
class Evidence:
    sv: float
    en: float


class LanguageDetector:
    """Decides the reply language for one message. Build once; `choose` is cheap."""

    MIN_LETTERS_FOR_LANGDETECT = 12
    MARGIN = 0.6  # how much more evidence the winner needs; below it the message is neutral

    def __init__(self, names: Iterable[str] = ()) -> None:
        self._names = NameFinder(("name", name) for name in names)
        self._factory = DetectorFactory()
        profiles = Path(langdetect.__file__).parent / "profiles"
        self._factory.load_json_profile(
            [(profiles / lang).read_text(encoding="utf-8") for lang in LANGUAGES])
        self._factory.set_seed(0)

    @classmethod
    def for_knowledge(cls, knowledge: Knowledge) -> LanguageDetector:
        """A detector that ignores every name the knowledge holds, as people type them (but not a
        project's descriptions, such as "the skills project": they are words of their language)."""
        return cls(name.text for name in knowledge.names() if name.language is None)

    def evidence(self, text: str) -> Evidence:
        words = self._words_besides_names(text)
        occupations = occupation_words()  # "snickare?" is Swedish, "need welders" English
        score = {lang: float(sum(w in MARKERS[lang] or w in occupations[lang] for w in words))
                 for lang in LANGUAGES}
        # å, ä and ö in a word that is not a name are Swedish, however the rest is typed.
        left = Counter(words)
        for word in map(fold, _SWEDISH_LETTERS.findall(text)):
            if left[word] > 0:
                left[word] -= 1
                score["sv"] += 1
        letters = sum(len(w) for w in words)
        if letters >= self.MIN_LETTERS_FOR_LANGDETECT and len(words) >= 2:
            for lang, probability in self._langdetect(" ".join(words)).items():
                score[lang] += 1.5 * probability
        return Evidence(sv=score["sv"], en=score["en"])

    def _words_besides_names(self, text: str) -> list[str]:
        words = tokens(text)
        for hit in self._names.find(text):
            words[hit.start : hit.end] = [""] * (hit.end - hit.start)
        return [w for w in words if w and not w[0].isdigit()]

    def _langdetect(self, text: str) -> dict[str, float]:
        detector = self._factory.create()
        detector.append(text)
        try:
            return {p.lang: p.prob for p in detector.get_probabilities()}
        except LangDetectException:
            return {}

    def detect(self, text: str) -> Language | None:
        """The message's own language, or None when it does not tell (short or neutral)."""
        evidence = self.evidence(text)
        if evidence.sv - evidence.en >= self.MARGIN:
            return "sv"
        if evidence.en - evidence.sv >= self.MARGIN:
            return "en"
        return None

    def choose(
        self, text: str | None, current: str | None = None, page: str | None = None
    ) -> Language:
        """Reply language: the message's own, else the conversation's, else the page's,
        else Swedish. (Explicit requests to switch are the switch_language intent's job.)"""
        found = self.detect(text) if text else None
        if found:
            return found
        for fallback in (current, page):
            if fallback in LANGUAGES:
                return fallback  # type: ignore[return-value]
        return DEFAULT
