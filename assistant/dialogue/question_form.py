"""What shape of answer a question wants: a number, an amount, a yes or no, or a choice.

"How many regions co-finance SHiMR?" wants a number first, "Is SHiMR still running?" a yes or
no first, "Which project ends last?" one project. Question words are a small closed set in
each language, so they are kept here as word beginnings (after folding, å→a …), like the
attribute keywords; what a question is *about* is still found by the NLU and the knowledge base.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from assistant.text.fuzzy import contains_keyword, keyword_parts
from assistant.text.normalise import tokens

Form = Literal["count", "amount", "yes_no", "open"]
Polarity = Literal["running", "ended", "available", "away", "member", "funds", "owns", "share"]

_FORMS: dict[Form, tuple[str, ...]] = {
    "count": ("hur manga", "antal$", "antalet", "how many", "number of"),
    "amount": ("hur mycket", "hur mkt", "hur stor", "vad kostar", "how much", "how big", "how large",
               "what share", "vilken andel", "hur stor andel", "what percentage", "hur manga procent",
               "what proportion", "hur stor del"),
}
# A yes/no question starts with its verb: "Är SHiMR slut?", "Does the EU fund it?".
_YES_NO_OPENERS = (
    "ar$", "pagar", "finns$", "har$", "kan$", "far$", "ingar", "finansier", "ager$", "galler",
    "stammer", "lever", "jobbar", "arbetar", "betalar", "tillhor", "hor$", "haller", "e$",
    "is$", "are$", "does", "do$", "has$", "have$", "can$", "did$", "was$", "will$", "isn't", "is it",
)
_POLARITY: dict[Polarity, tuple[str, ...]] = {
    "ended": ("slut", "avslut", "klart", "klar$", "over$", "ended", "finished", "done$", "closed",
              "lagts ner", "lagt ner", "lades ner", "nedlagt", "upphort", "stangt", "stangd", "expired",
              "stopped", "discontinued", "shut down", "wound down", "wrapped up"),
    "running": ("pagar", "pagaende", "igang", "fortfarande", "aktiv$", "aktivt$", "aktiva$", "lopande",
                "still$", "ongoing", "running", "active$", "going on", "open$", "current", "kvar$", "pa an$",
                "lever$", "oppet", "exist", "alive", "live$"),
    "away": ("tjanstledig", "ledig", "borta$", "franvarande", "on leave", "away", "absent", "off$"),
    "available": ("tillganglig", "antraffbar", "pa plats", "tillbaka", "jobbar kvar",
                  "available", "reachable", "back$", "in the office", "still$ work", "working"),
    "member": ("med i", "del av", "ingar$", "tillhor", "medlem$", "medlemmar", "part of", "member", "belong",
               "included", "in region", "among"),
    "funds": ("finansier", "betalar", "pengar fran", "stod fran", "fund", "financ", "pays", "paid",
              "money from", "sponsor", "bidrar", "contribut"),
    "owns": ("ager$", "agare", "owner", "owns", "own$", "runs the", "run by", "driver$"),
    "share": ("andel", "procent", "share$", "shares$", "percent", "per cent", "stor del", "proportion",
              "split", "fordelning"),
}
_COUNTED = {
    "municipality": ("kommun", "municipal"),
    "region": ("region",),
    "financier": ("finansiar", "finansier", "medfinansi", "financier", "cofinanc", "funder", "cofund",
                  "backer", "partner", "sponsor"),
}

_FORM_PARTS = {form: [keyword_parts(k) for k in words] for form, words in _FORMS.items()}
_OPENER_PARTS = [keyword_parts(k) for k in _YES_NO_OPENERS]
_POLARITY_PARTS = {p: [keyword_parts(k) for k in words] for p, words in _POLARITY.items()}


@dataclass(frozen=True)
class Question:
    form: Form
    polarities: tuple[Polarity, ...]  # what a yes/no question asks about, in a fixed order
    counted: str | None  # what a "how many" question counts: municipality, region, financier

    def asks(self, polarity: Polarity) -> bool:
        return polarity in self.polarities


def question_in(text: str) -> Question:
    words = tokens(text)
    form: Form = "open"
    for candidate, parts in _FORM_PARTS.items():
        if any(contains_keyword(words, p) for p in parts):
            form = candidate
            break
    if form == "open" and words and _opens_with_verb(words):
        form = "yes_no"
    polarities = tuple(p for p, parts in _POLARITY_PARTS.items()
                       if any(contains_keyword(words, k) for k in parts))
    counted = next((kind for kind, stems in _COUNTED.items()
                    if any(w.startswith(s) for w in words for s in stems)), None) if form == "count" else None
    return Question(form, polarities, counted)


def _opens_with_verb(words: list[str]) -> bool:
    """The first word (or the second, after "och"/"and"/"so") is a yes/no verb."""
    start = 1 if words[0] in ("och", "and", "so", "men", "but") and len(words) > 1 else 0
    return any(contains_keyword(words[start:start + len(p)], p) for p in _OPENER_PARTS)
