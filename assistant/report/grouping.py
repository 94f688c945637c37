"""Messages that say the same thing in nearly the same words, counted as one: "När slutar SHiMR?",
"när slutar shimr" and "när slutar SHiMR?" are one question; so are "när slutar shmir?" (a
typo) and "ring mig på [telefon]" whatever the number was.

Messages are compared word by word after folding (case, å/ä/ö, punctuation, spacing) and
masking, with the typos the knowledge base's name matching allows (`similar`). The most
frequent wordings are compared with every group sharing a word's beginning; a rarer wording
joins a group when it has exactly the same words' beginnings as one of the group's wordings.
Each group shows its most frequent wording and how often the others were written.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.text.fuzzy import allowed_typos, edit_distance
from assistant.text.normalise import tokens

HEAD = 1500  # wordings (most frequent first) compared with every group; the rest by signature
CANDIDATES = 30  # groups compared per wording, those sharing the most word beginnings first


@dataclass
class Group:
    wordings: Counter[str] = field(default_factory=Counter)  # as shown (masked) → how often

    @property
    def count(self) -> int:
        return sum(self.wordings.values())

    @property
    def text(self) -> str:
        """The most frequent wording."""
        return self.wordings.most_common(1)[0][0]

    def variants(self, limit: int) -> list[tuple[str, int]]:
        return self.wordings.most_common()[1:limit + 1]


def group(counts: Counter[str], shown: Callable[[str], str], limit: int) -> list[Group]:
    """The `limit` largest groups of near-duplicate messages, largest first; `shown` turns a
    message as stored into what the report may show (masked)."""
    by_key: dict[str, Counter[str]] = defaultdict(Counter)
    for message, count in counts.items():
        visible = shown(message)
        by_key[" ".join(tokens(visible))][visible.strip()] += count
    keys = sorted(by_key, key=lambda k: (-sum(by_key[k].values()), k))
    groups: list[Group] = []
    members: list[list[str]] = []  # per group, its keys
    index: dict[str, set[int]] = defaultdict(set)  # word beginning → groups with it
    signatures: dict[tuple[str, ...], int] = {}  # a head key's word beginnings → its group
    for rank, key in enumerate(keys):
        found = _match(key, members, index) if rank < HEAD else _by_signature(key, members, signatures)
        if found is None:
            found = len(groups)
            groups.append(Group())
            members.append([])
        groups[found].wordings.update(by_key[key])
        members[found].append(key)
        if rank < HEAD:
            for beginning in _beginnings(key):
                index[beginning].add(found)
            signatures.setdefault(_signature(key), found)
    groups.sort(key=lambda g: (-g.count, g.text))
    return groups[:limit]


def _match(key: str, members: list[list[str]], index: dict[str, set[int]]) -> int | None:
    shared: Counter[int] = Counter()
    for beginning in _beginnings(key):
        shared.update(index.get(beginning, ()))
    for found, _ in shared.most_common(CANDIDATES):
        if any(similar(key, other) for other in members[found][:5]):
            return found
    return None


def _by_signature(key: str, members: list[list[str]], signatures: dict[tuple[str, ...], int]) -> int | None:
    found = signatures.get(_signature(key))
    if found is not None and any(similar(key, other) for other in members[found][:5]):
        return found
    return None


def similar(a: str, b: str) -> bool:
    """Two folded wordings are the same message: the same words in any order, each allowed a
    typo or two by its length (numbers none), and with three words or more one word more or
    less ("när slutar shimr projektet")."""
    if a == b:
        return True
    left, right = sorted((a.split(), b.split()), key=len)
    if len(right) - len(left) > (1 if len(left) >= 3 else 0):
        return False
    unmatched = list(right)
    for word in left:
        if word in unmatched:
            unmatched.remove(word)
            continue
        typos = allowed_typos(word)
        found = next((w for w in unmatched if edit_distance(word, w, typos) <= typos), None)
        if found is None:
            return False
        unmatched.remove(found)
    return True


def _beginnings(key: str) -> set[str]:
    return {word[:3] for word in key.split()}


def _signature(key: str) -> tuple[str, ...]:
    return tuple(sorted(_beginnings(key)))
