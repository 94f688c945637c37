"""Find known names (aliases) in free text, tolerant of typos and Swedish inflection."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from assistant.text.normalise import stems, tokens


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a swap of two letters counts once), capped at limit+1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


@lru_cache(maxsize=4096)
def allowed_typos(name: str) -> int:
    """Short names must match exactly; longer ones may carry one or two typos."""
    length = len(name)
    if length <= 4 or any(ch.isdigit() for ch in name):
        return 0
    return 1 if length <= 7 else 2


@dataclass(frozen=True)
class Hit:
    key: str  # what was found (a project id, a contact id …)
    start: int  # token position in the text
    end: int
    typos: int


# A name ending in one of these ("ESF-projektet", "the jobs project") is told apart by what
# comes before it, so that part alone decides how many typos the name may carry: else
# "EU-projektet" is a typo of "ESF-projektet" and a bare "projektet" one of "byaprojektet".
PROJECT_WORDS = ("projektet", "projekt", "project")


def _distinctive(joined: str) -> str:
    for word in PROJECT_WORDS:
        if joined.endswith(word) and len(joined) > len(word):
            return joined[: -len(word)]
    return joined


@dataclass(frozen=True)
class _Entry:
    key: str
    joined: str
    length: int
    limit: int  # the typos it may carry


class NameFinder:
    """Finds aliases in text. Build once per knowledge snapshot; `find` is cheap, and remembers
    its last answers (one message is looked up by several handlers and by language detection)."""

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        self._entries = []
        for key, alias in names:
            alias_tokens = tokens(alias)
            if alias_tokens:
                joined = "".join(alias_tokens)
                limit = min(allowed_typos(joined), allowed_typos(_distinctive(joined)))
                self._entries.append(_Entry(key, joined, len(alias_tokens), limit))
        self.find = lru_cache(maxsize=256)(self._find)

    def _find(self, text: str) -> list[Hit]:
        """Every non-overlapping hit, best (fewest typos, longest) first for each place."""
        words = tokens(text)
        windows: dict[tuple[int, int], list[str]] = {}  # (start, size) -> the window as typed and uninflected
        candidates: list[Hit] = []
        for entry in self._entries:
            limit = entry.limit
            for size in {max(1, entry.length - 1), entry.length, entry.length + 1}:
                for start in range(0, len(words) - size + 1):
                    if (start, size) not in windows:
                        windows[(start, size)] = _spellings(words[start : start + size])
                    typos = min((edit_distance(s, entry.joined, limit) for s in windows[(start, size)]
                                 if abs(len(s) - len(entry.joined)) <= limit), default=limit + 1)
                    if typos <= limit:
                        candidates.append(Hit(entry.key, start, start + size, typos))
        candidates.sort(key=lambda h: (h.typos, -(h.end - h.start), h.start))
        chosen: list[Hit] = []
        for hit in candidates:  # a name two keys share, as well matched, stands for both
            if all(hit.end <= c.start or hit.start >= c.end or _same_place(hit, c) for c in chosen):
                chosen.append(hit)
        return sorted(chosen, key=lambda h: h.start)

    def keys(self, text: str) -> list[str]:
        """The distinct keys found, in the order they appear."""
        return list(dict.fromkeys(hit.key for hit in self.find(text)))


def _same_place(a: Hit, b: Hit) -> bool:
    return (a.start, a.end, a.typos) == (b.start, b.end, b.typos) and a.key != b.key


def _spellings(window: list[str]) -> list[str]:
    """The window's words joined, with its last word as typed and without an inflection ending."""
    head = "".join(window[:-1])
    return [head + last for last in stems(window[-1])]


def contains_keyword(words: list[str], keyword: list[str]) -> bool:
    """A keyword is a run of word beginnings: 'rekryter' finds 'rekryteringen'.
    A part ending in '$' must be the whole word ('do$' finds 'do', not 'does')."""
    return keyword_position(words, keyword) is not None


def keyword_position(words: list[str], keyword: list[str]) -> int | None:
    """Where the keyword first occurs in the words; None if it does not."""
    size = len(keyword)
    for start in range(len(words) - size + 1):
        window = words[start : start + size]
        if all(_begins(word, part) for word, part in zip(window, keyword, strict=True)):
            return start
    return None


@lru_cache(maxsize=65536)  # the same words meet the same keywords message after message
def _begins(word: str, stem: str) -> bool:
    if stem.endswith("$"):
        return word == stem[:-1]
    if word.startswith(stem):
        return True
    # A typo is rarely in the first letter, and allowing one there reads Swedish "till" as
    # "still" and "talent" as "malen".
    limit = allowed_typos(stem)
    return limit > 0 and word[:1] == stem[:1] and len(word) >= len(stem) - 1 and min(
        edit_distance(word[: len(stem) + d], stem, limit) for d in (-1, 0, 1)
    ) <= limit


def keyword_parts(keyword: str) -> list[str]:
    """Fold a keyword into the parts `contains_keyword` takes, keeping a trailing '$'."""
    parts: list[str] = []
    for piece in keyword.split():
        exact = piece.endswith("$")
        folded = tokens(piece.rstrip("$"))
        if exact and folded:
            folded[-1] += "$"
        parts += folded
    return parts
