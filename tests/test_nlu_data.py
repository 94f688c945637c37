"""The NLU data: generated parts up to date, enough examples, held-out set never trained on."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from assistant.config import ROOT
from assistant.nlu import from_knowledge

ANNOTATION = re.compile(r"\[([^\]]+)\](\{[^}]*\}|\([^)]*\))")
DESIGN_VALUES = {
    "project": {"1-76", "medskapande", "shimr", "move-up-north"},
    "attribute": {"overview", "purpose", "activities", "period", "status", "funding", "budget", "owner",
                  "co_financiers", "contact", "links"},
    "need": {"recruitment", "skills_supply", "moving_here", "business_advice", "sustainable_growth",
             "attractive_employer", "workshops", "needs_analysis", "external_experts", "local_service",
             "rural_development", "local_cooperation", "business_climate_funds"},
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


def test_generated_synonyms_and_lookups_are_up_to_date(knowledge) -> None:
    assert from_knowledge.sync(knowledge, ROOT / "data" / "nlu" / "knowledge.yml", check=True), \
        "data/nlu/knowledge.yml is out of date: run 'assistant nlu sync'"


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_intent_has_at_least_20_examples(language) -> None:
    counts = Counter(intent for intent, _ in examples(ROOT / "data" / "nlu" / f"{language}.yml"))
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    for intent in domain["intents"]:
        assert counts[intent] >= 20, (language, intent, counts[intent])


@pytest.mark.parametrize("language", ["sv", "en"])
def test_held_out_messages_are_never_in_training(language) -> None:
    training = {plain(t) for _, t in examples(ROOT / "data" / "nlu" / f"{language}.yml")}
    held_out = examples(ROOT / "tests" / "nlu" / f"heldout_{language}.yml")
    assert len(held_out) >= 150
    leaked = [t for _, t in held_out if plain(t) in training]
    assert not leaked


@pytest.mark.parametrize("path", sorted((ROOT / "data" / "nlu").glob("*.yml")) +
                         sorted((ROOT / "tests" / "nlu").glob("*.yml")), ids=lambda p: p.name)
def test_entity_annotations_use_canonical_values(path, knowledge) -> None:
    people = {c.name for c in knowledge.contacts}
    for _, text in examples(path):
        for _, markup in ANNOTATION.findall(text):
            if markup.startswith("{"):
                entity = json.loads(markup)
                allowed = people if entity["entity"] == "person" else DESIGN_VALUES[entity["entity"]]
                assert entity.get("value") in allowed, text
