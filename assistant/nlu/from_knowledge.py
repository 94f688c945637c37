"""NLU data generated from the knowledge base and the occupation lexicon: lookup tables.

Generated, never hand-edited, so the names Rasa sees cannot drift from the names staff
maintain in knowledge/ and lexicon/. The tables are features for the intent decision
("a known name / an occupation is in this message"); the names themselves are resolved
by the knowledge base (docs/nlu-design.md). `assistant nlu sync` writes the file;
`assistant nlu sync --check` (run by the tests) fails when it is out of date.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from assistant.kb.content import Knowledge
from assistant.nlu.occupations import Occupation
from assistant.text.normalise import fold

HEADER = (
    "# Generated from knowledge/ and lexicon/ by `assistant nlu sync`: do not edit by hand.\n"
    "# Lookup tables feed the RegexFeaturizer: features for the intent, not entities.\n"
)


def _block(kind: str, name: str, examples: Iterable[str]) -> str:
    lines = "".join(f"    - {example}\n" for example in examples)
    return f"- {kind}: {name}\n  examples: |\n{lines}"


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v.strip()))


def render(knowledge: Knowledge, occupations: Iterable[Occupation]) -> str:
    names = list(knowledge.names())
    tables = {
        "project": (n.text for n in names if n.kind == "project" and n.alias),
        "person": (n.text for n in names if n.kind == "contact"),
        "organisation": (n.text for n in names if n.kind == "organisation"),
        # also as typed without å/ä/ö ("lakare"), as visitors often do
        "occupation": (f for o in occupations for form in o.forms() for f in (form, fold(form))),
    }
    blocks = [_block("lookup", name, _unique(values)) for name, values in tables.items()]
    return f'{HEADER}version: "3.1"\nnlu:\n' + "".join(blocks)


def sync(knowledge: Knowledge, occupations: Iterable[Occupation], path: Path, check: bool = False) -> bool:
    """Write (or with check=True only compare) the generated file; True if it was up to date."""
    wanted = render(knowledge, occupations)
    current = path.read_text(encoding="utf-8") if path.exists() else None
    if current == wanted:
        return True
    if not check:
        path.write_text(wanted, encoding="utf-8")
    return False
