"""NLU data generated from the knowledge base: entity synonyms and lookup tables.

Generated, never hand-edited, so the names Rasa learns cannot drift from the
names staff maintain in knowledge/. `assistant nlu sync` writes the file;
`assistant nlu sync --check` (run by the tests) fails when it is out of date.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from assistant.kb.content import Knowledge

HEADER = (
    "# Generated from knowledge/ by `assistant nlu sync`: do not edit by hand.\n"
    "# Entity synonyms map the names people type to the canonical value the actions use;\n"
    "# lookup tables feed the RegexFeaturizer.\n"
)


def _block(kind: str, name: str, examples: Iterable[str]) -> str:
    lines = "".join(f"    - {example}\n" for example in examples)
    return f"- {kind}: {name}\n  examples: |\n{lines}"


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v.strip()))


def render(knowledge: Knowledge) -> str:
    blocks = []
    named = [(p.id, (*p.aliases, *p.case_sensitive_aliases, p.short_name)) for p in knowledge.projects]
    named += [(c.name, (*c.aliases,)) for c in knowledge.contacts]
    named += [(o.id, (o.name, *o.aliases)) for o in knowledge.organisations]
    for value, aliases in named:
        synonyms = _unique(a for a in aliases if a.lower() != value.lower())
        if synonyms:
            blocks.append(_block("synonym", value, synonyms))
    names = list(knowledge.names())
    tables = {
        "project": (n.text for n in names if n.kind == "project" and n.alias),
        "person": (n.text for n in names if n.kind == "contact"),
        "organisation": (n.text for n in names if n.kind == "organisation"),
    }
    blocks += [_block("lookup", name, _unique(values)) for name, values in tables.items()]
    return f'{HEADER}version: "3.1"\nnlu:\n' + "".join(blocks)


def sync(knowledge: Knowledge, path: Path, check: bool = False) -> bool:
    """Write (or with check=True only compare) the generated file; True if it was up to date."""
    wanted = render(knowledge)
    current = path.read_text(encoding="utf-8") if path.exists() else None
    if current == wanted:
        return True
    if not check:
        path.write_text(wanted, encoding="utf-8")
    return False
