"""Which project attribute(s) a question asks about, from its words in either language.

Keywords are word beginnings after folding (å→a …); a part ending in '$' must be
the whole word. This is language data, not facts, so it lives with the dialogue.
"""

from __future__ import annotations

from assistant.kb.query import ATTRIBUTES
from assistant.text.fuzzy import keyword_parts, keyword_position
from assistant.text.normalise import tokens

KEYWORDS: dict[str, tuple[str, ...]] = {
    "co_financiers": ("medfinansi", "co financ", "cofinanc", "co fund", "cofund", "partner",
                      "samarbetspartner", "med och betalar", "med och finansier", "andra betalar",
                      "andra finansiar", "who else", "other funders", "others pay"),
    "funding": ("finansier", "finansiar", "finansiering", "bekostar", "betalar", "pengar fran",
                "pengarna", "stod fran", "fund", "financ", "pays$", "pay for", "paid", "paying",
                "sponsor", "money", "bidrag", "stodet", "andel", "procent", "share$", "shares$",
                "percent", "anslag", "medlen", "bidrar", "stor del", "fordelning", "foot the bill",
                "foots$", "backs$", "backed$", "backer$", "backers", "contribut", "proportion", "split"),
    "budget": ("budget", "kostar", "kostnad", "hur mycket", "belopp", "summa$", "summan$", "cost",
               "how much", "amount", "kronor", "sek$", "total", "miljon$", "miljoner$", "miljonerna",
               "million$", "millions", "dyr$", "dyrt", "price$", "prices$", "price tag", "expensive",
               "spend$", "spending$", "spent$"),
    "period": ("nar$", "when", "period", "slutar", "slutade", "slut$", "startar", "startade$", "startat$",
               "startd", "borjar", "borjade", "hur lange", "datum", "end$", "ends", "ended", "ending",
               "start$", "starts$", "started", "starting$", "began$", "begin$", "begins", "beginning$",
               "how long", "dates", "timeline", "until", "deadline", "what year", "which year", "lasts$",
               "last$", "varar$", "till nar", "fram till", "loper$", "loptid", "tidsperiod",
               "projektperiod", "projekttid$", "projekttiden", "tidsram", "tidsplan", "vilket artal",
               "under vilka ar$", "mellan vilka ar$", "i hur manga ar$", "hur manga ar pagar",
               "hur manga ar haller", "lang tid", "slutdatum", "duration", "timeframe", "time frame",
               "time span", "timespan", "how many years", "what years", "kick off", "kicked off",
               "launch$", "launched", "launching", "expire", "expiry", "finish$", "finishes", "wrap up"),
    "status": ("pagar", "pagaende", "igang", "fortfarande", "avslutat", "avslutad", "aktiv$", "aktivt$",
               "aktiva$", "klart", "klar$", "still$", "ongoing", "running", "active$", "finished",
               "over$", "current", "status$", "lopande", "live$", "alive", "happening", "kvar$", "pa an$",
               "annu", "upphort", "nedlagt", "lagts ner", "lagt ner", "lades ner", "stangt$", "stanger$",
               "stangd$", "oppet", "aktuell", "lever$", "closed$", "shut down", "discontinued",
               "wound down", "wrapped up", "expired", "anymore", "any more", "open$"),
    "purpose": ("syfte$", "syftet", "syften", "syftar", "mal$", "malet", "malen", "malsattning",
                "huvudmal$", "huvudmalet", "varfor$", "tanken", "uppna", "andamal", "purpose", "goal",
                "aim", "why", "objective", "intention$", "meningen", "point$", "achieve", "idea behind",
                "what is for$", "what's for$", "is it for$"),
    "activities": ("aktivitet", "gor$", "gora$", "erbjud", "insats", "ingar$", "ingick", "innehall",
                   "verksamhet", "hjalper", "syssla", "fa hjalp", "vilken hjalp", "vad for hjalp",
                   "activit", "offer", "provide", "involve", "include", "workshop", "help with",
                   "get from", "kind of help", "what help", "happens in", "does do$", "they do$",
                   "it do$"),
    "owner": ("ager$", "agare", "projektagare", "driver$", "driva$", "drivs av", "drivet av", "huvudman$",
              "huvudmannen", "leder$", "leds$", "bakom", "owner", "owns", "own$", "runs the", "run by",
              "who runs", "in charge", "leads$", "led by", "lead partner", "behind", "manages$",
              "managed by"),
    "contact": ("kontakt", "ringa", "ring$", "mejl", "mail", "e post", "epost", "telefon", "tfn",
                "nummer", "prata med", "vanda mig", "vander jag", "vander man", "vanda sig",
                "kan jag fraga", "ska jag fraga", "fragar jag", "ansvarig", "contact$", "contacts$",
                "contacting", "contacted", "call", "phone", "email", "e mail", "reach", "talk to",
                "talk with", "speak to", "speak with", "get in touch", "hold of", "who should i ask",
                "who can i ask", "who do i ask", "who to ask", "write to", "turn to", "responsible",
                "number"),
    "links": ("lank", "webb", "hemsida", "webbplats", "las mer", "url", "link", "website", "web page",
              "webpage", "read more", "site", "beslut", "decision"),
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
