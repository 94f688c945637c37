"""Held-out NLU evaluation per language: DIET's intent accuracy and macro-F1, and the F1 of the
resolvers that really find names and attributes (docs/nlu-design.md), against the held-out
annotations.

The held-out sets in tests/nlu/ are never trained on (tests/test_nlu_data.py checks that
no message also occurs in data/nlu). Writes results/nlu/summary.md and prints the table.
Exits 1 if a language's intent accuracy falls below --min-accuracy.
Usage: .venv/bin/python benchmarks/nlu_eval.py [--model MODEL_PATH] [--min-accuracy 0.9]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import yaml
from rasa_cli import ROOT, rasa  # benchmarks/ is on the path when a script here runs

from assistant import config
from assistant.dialogue.attributes import attributes_in
from assistant.kb.query import KnowledgeView
from assistant.kb.yaml_source import read_knowledge
from assistant.language import requested_language

ANNOTATION = re.compile(r"\[([^\]]+)\]\{([^}]*)\}")

TARGET = 0.95


def resolved(view: KnowledgeView, intent: str, text: str) -> dict[str, set[str]]:
    """What the dialogue's resolvers find in a message, per entity type (ask_contact asks for
    the contact by its intent, ask_project for the attributes its words name, or an overview)."""
    language = requested_language(text)
    attributes = {"ask_project": set(attributes_in(text) or ["overview"]), "ask_contact": {"contact"}}
    return {
        "project": {p.id for p in view.find_projects(text)},
        "attribute": attributes.get(intent, set()),
        "person": {c.name for c in view.find_contacts(text)},
        "organisation": {o.id for o in view.find_organisations(text)},
        "language": {language} if language and intent == "switch_language" else set(),
    }


def resolver_f1(view: KnowledgeView, path: Path) -> float:
    """Micro F1 of the resolvers over every held-out message against its annotations."""
    counts: Counter[str] = Counter()
    for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
        for line in block["examples"].splitlines():
            if not line.strip().startswith("- "):
                continue
            marked = line.strip()[2:]
            text = ANNOTATION.sub(r"\1", marked)
            wanted: dict[str, set[str]] = {}
            for _, spec in ANNOTATION.findall(marked):
                entity = json.loads("{" + spec + "}")
                wanted.setdefault(entity["entity"], set()).add(entity["value"])
            if block["intent"] == "ask_project":  # no attribute named: the overview is wanted
                wanted.setdefault("attribute", {"overview"})
            for kind, found in resolved(view, block["intent"], text).items():
                expected = wanted.get(kind, set())
                counts["tp"] += len(found & expected)
                counts["fp"] += len(found - expected)
                counts["fn"] += len(expected - found)
    return 2 * counts["tp"] / (2 * counts["tp"] + counts["fp"] + counts["fn"])


def evaluate(model: Path, language: str, out: Path, view: KnowledgeView) -> dict[str, float]:
    report_dir = out / language
    held_out = ROOT / "tests" / "nlu" / f"heldout_{language}.yml"
    rasa("test", "nlu", "--model", str(model), "--nlu", str(held_out), "--out", str(report_dir))
    intents = json.loads((report_dir / "intent_report.json").read_text())
    return {
        "messages": intents["macro avg"]["support"],
        "accuracy": intents["accuracy"],
        "macro_f1": intents["macro avg"]["f1-score"],
        "resolver_f1": resolver_f1(view, held_out),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=config.model_path())
    parser.add_argument("--out", type=Path, default=ROOT / "results" / "nlu")
    parser.add_argument("--min-accuracy", type=float, default=0.90)
    args = parser.parse_args()
    view = KnowledgeView(read_knowledge(config.knowledge_dir()))
    rows = {language: evaluate(args.model, language, args.out, view) for language in ("sv", "en")}
    lines = [
        "| language | held-out messages | intent accuracy | intent macro-F1 | resolver F1 (micro) "
        "| target accuracy ≥ 95 % |",
        "|---|---|---|---|---|---|",
    ]
    for language, r in rows.items():
        met = "met" if r["accuracy"] >= TARGET else "MISSED"
        lines.append(f"| {language} | {r['messages']:.0f} | {r['accuracy']:.1%} | {r['macro_f1']:.3f} | "
                     f"{r['resolver_f1']:.3f} | {met} |")
    table = "\n".join(lines)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "summary.md").write_text(table + "\n", encoding="utf-8")
    print(table)
    low = [lang for lang, r in rows.items() if r["accuracy"] < args.min_accuracy]
    if low:
        print(f"error: intent accuracy below {args.min_accuracy:.0%} for {', '.join(low)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
