"""Which project attribute(s) a question asks about, from its words in either language.

Keywords are word beginnings after folding (å→a …); a part ending in '$' must be
the whole word. This is language data, not facts, so it lives with the dialogue.
"""

from __future__ import annotations

from assistant.kb.query import ATTRIBUTES
from assistant.text.fuzzy import keyword_parts, keyword_position
from assistant.text.normalise import tokens

KEYWORDS: dict[str, tuple[str, ...]] = {
    "co_financiers": ("medfinansi", "co financ", "cofinanc", "co fund", "cofund", "partner"),
    "funding": ("finansier", "finansiar", "finansiering", "bekostar", "betalar", "pengar fran",
                "pengarna", "stod fran", "fund", "financ", "pays$", "pay for", "paid", "sponsor",
                "money", "bidrag", "stodet", "andel", "procent", "share", "percent"),
    "budget": ("budget", "kostar", "kostnad", "hur mycket", "belopp", "summa", "cost",
               "how much", "amount", "kronor", "sek$", "total"),
    "period": ("nar$", "when", "period", "slutar", "slutade", "slut$", "startar", "startade",
               "startd", "borjar", "borjade", "hur lange", "datum", "end$", "ends", "ended",
               "ending", "start", "began", "begin", "how long", "dates", "timeline", "until",
               "deadline", "vilket ar", "what year", "which year", "lasts", "last$", "varar"),
    "status": ("pagar", "pagaende", "igang", "fortfarande", "avslutat", "avslutad", "aktiv",
               "klart", "klar$", "still", "ongoing", "running", "active", "finished", "over$",
               "current", "status", "lopande", "live$", "alive", "happening"),
    "purpose": ("syfte", "syftar", "mal$", "malet", "malen", "malsattning", "varfor", "purpose",
                "goal", "aim", "why", "objective", "intention", "meningen"),
    "activities": ("aktivitet", "gor$", "gora$", "erbjud", "insats", "ingar", "innehall",
                   "verksamhet", "hjalper", "activit", "offer", "provide", "involve",
                   "include", "services", "workshop", "help with", "get from"),
    "owner": ("ager$", "agare", "projektagare", "driver$", "driva", "huvudman", "owner", "owns",
              "own$", "runs the", "run by", "in charge", "leads", "led by"),
    "contact": ("kontakt", "ringa", "ring$", "mejl", "mail", "e post", "epost", "telefon",
                "tfn", "nummer", "prata med", "vanda mig", "ansvarig", "contact", "call",
                "phone", "email", "e mail", "reach", "talk to", "speak to", "get in touch",
                "responsible", "number"),
    "links": ("lank", "webb", "hemsida", "webbplats", "las mer", "url", "link", "website",
              "web page", "webpage", "read more", "site", "beslut", "decision"),
}

# When both are asked, the first answer already carries the second.
SUPPRESSES = {"co_financiers": "funding", "period": "status", "budget": "funding"}

_PARTS = {attr: [keyword_parts(k) for k in words] for attr, words in KEYWORDS.items()}


def attributes_in(text: str) -> list[str]:
    """The attributes a question asks about, in the order it asks them ("vem betalar
    workshop-projektet?" wants the funding first); [] when none is named."""
    words = tokens(text)
    positions = {}
    for attribute in ATTRIBUTES:
        found = [p for k in _PARTS.get(attribute, ()) if (p := keyword_position(words, k)) is not None]
        if found:
            positions[attribute] = min(found)
    asked = sorted(positions, key=positions.__getitem__)  # stable: ties keep ATTRIBUTES' order
    return [a for a in asked if not any(SUPPRESSES.get(other) == a for other in asked)]
