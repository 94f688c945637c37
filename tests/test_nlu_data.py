"""The NLU data: generated parts up to date, enough examples, evaluation sets never trained on."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from assistant.config import ROOT, occupations_file
from assistant.nlu import from_knowledge
from assistant.nlu.occupations import read_lexicon

ANNOTATION = re.compile(r"\[([^\]]+)\](\{[^}]*\}|\([^)]*\))")
DESIGN_VALUES = {
    "project": {"1-76", "medskapande", "shimr", "move-up-north"},
    "attribute": {"overview", "purpose", "activities", "period", "status", "funding", "budget", "owner",
                  "co_financiers", "contact", "links"},
    "organisation": {"region-10", "tillvaxtverket", "stodomrade-a"},
    "language": {"sv", "en"},
}


def examples(path: Path) -> list[tuple[str, str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [(block["intent"], line.strip()[2:])
            for block in data["nlu"] if "intent" in block
            for line in block["examples"].splitlines() if line.strip().startswith("- ")]


def plain(text: str) -> str:
    return ANNOTATION.sub(r"\1", text).lower().strip(" ?!.")


def test_generated_lookup_tables_are_up_to_date(knowledge) -> None:
    assert from_knowledge.sync(knowledge, read_lexicon(occupations_file()), ROOT / "data" / "nlu" / "knowledge.yml",
                               check=True), \
        "data/nlu/knowledge.yml is out of date: run 'assistant nlu sync'"


TRAINING = {language: tuple(ROOT / "data" / "nlu" / f"{prefix}{language}.yml"
                            for prefix in ("", "personas_", "handoff_", "feedback_"))
            for language in ("sv", "en")}


def training_examples(language: str) -> list[tuple[str, str]]:
    return [example for path in TRAINING[language] for example in examples(path)]


def visitor_messages(language: str) -> list[str]:
    data = yaml.safe_load((ROOT / "tests" / "nlu" / f"visitors_{language}.yml").read_text(encoding="utf-8"))
    return [m["text"] for m in data["messages"]]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_intent_has_at_least_20_examples(language) -> None:
    counts = Counter(intent for intent, _ in training_examples(language))
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    for intent in domain["intents"]:
        assert counts[intent] >= 20, (language, intent, counts[intent])


@pytest.mark.parametrize("language", ["sv", "en"])
def test_evaluation_messages_are_never_in_training(language) -> None:
    """Neither the held-out set nor the blind visitor set may leak into the training data (any language)."""
    training = {plain(t) for lang in TRAINING for _, t in training_examples(lang)}
    held_out = [t for _, t in examples(ROOT / "tests" / "nlu" / f"heldout_{language}.yml")]
    visitors = visitor_messages(language)
    assert len(held_out) >= 150 and len(visitors) >= 150
    leaked = [t for t in held_out + visitors if plain(t) in training]
    assert not leaked


@pytest.mark.parametrize("path", sorted((ROOT / "data" / "nlu").glob("*.yml")), ids=lambda p: p.name)
def test_training_data_has_no_entity_annotations(path) -> None:
    """The knowledge base, not DIET, resolves names and attributes (docs/nlu-design.md)."""
    annotated = [text for _, text in examples(path) if ANNOTATION.search(text)]
    assert not annotated


@pytest.mark.parametrize("path", sorted((ROOT / "tests" / "nlu").glob("heldout_*.yml")), ids=lambda p: p.name)
def test_held_out_annotations_use_canonical_values(path, knowledge) -> None:
    """The held-out annotations are the labels the resolver is measured against (benchmarks/nlu_eval.py)."""
    people = {c.name for c in knowledge.contacts}
    for _, text in examples(path):
        for _, markup in ANNOTATION.findall(text):
            if markup.startswith("{"):
                entity = json.loads(markup)
                allowed = people if entity["entity"] == "person" else DESIGN_VALUES[entity["entity"]]
                assert entity.get("value") in allowed, text
