"""Questions for private data about a person: home address, personal identity number,
salary, private phone. The page gives none of these, and the assistant says so plainly
before it offers the work contact the page does give.

Matched on folded text (å/ä/ö as a/a/o), in Swedish and English. Work details
("e-postadress", "work phone") are not private and do not match.
"""

from __future__ import annotations

import re

from assistant.text.normalise import fold

_ASKS = re.compile(
    r"\b(?:"
    # Swedish
    r"hem ?adress\w*|var bor\b|personn(?:umme)?r\w*|samordningsnummer\w*|lon(?:en|er|ens)?\b"
    r"|tjanar\b|inkomst\w*|privat\w* (?:telefon|nummer|mobil|adress|e-post)\w*|hemnummer\w*"
    r"|hemtelefon\w*|fodelsedag\w*|fodelsedatum\w*"
    # English
    r"|home (?:address|phone|number)|where (?:does|do) (?:\w+ ){1,3}live\b"
    r"|personal (?:identity|id|identification) number|social security|id number|national id"
    r"|salar(?:y|ies)|earns?\b|earnings|income|wages?\b|private (?:phone|number|mobile|address|e-?mail)"
    r"|date of birth|birthday"
    r")",
)


def asked_for(text: str) -> bool:
    """Whether the message asks for a person's private data."""
    return bool(_ASKS.search(fold(text or "")))
