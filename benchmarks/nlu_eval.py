"""Held-out NLU evaluation: intent accuracy and macro-F1 (and entity F1) per language.

The held-out sets in tests/nlu/ are never trained on (tests/test_nlu_data.py checks that
no message also occurs in data/nlu). Writes results/nlu/summary.md and prints the table.
Exits 1 if a language's intent accuracy falls below --min-accuracy.
Usage: .venv/bin/python benchmarks/nlu_eval.py [--model MODEL_PATH] [--min-accuracy 0.9]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rasa_cli import ROOT, rasa  # benchmarks/ is on the path when a script here runs

from assistant import config

TARGET = 0.95


def evaluate(model: Path, language: str, out: Path) -> dict[str, float]:
    report_dir = out / language
    rasa("test", "nlu", "--model", str(model),
         "--nlu", str(ROOT / "tests" / "nlu" / f"heldout_{language}.yml"), "--out", str(report_dir))
    intents = json.loads((report_dir / "intent_report.json").read_text())
    entities_path = report_dir / "DIETClassifier_report.json"
    entities = json.loads(entities_path.read_text()) if entities_path.exists() else {}
    return {
        "messages": intents["macro avg"]["support"],
        "accuracy": intents["accuracy"],
        "macro_f1": intents["macro avg"]["f1-score"],
        "entity_f1": entities.get("micro avg", {}).get("f1-score", float("nan")),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=config.model_path())
    parser.add_argument("--out", type=Path, default=ROOT / "results" / "nlu")
    parser.add_argument("--min-accuracy", type=float, default=0.90)
    args = parser.parse_args()
    rows = {language: evaluate(args.model, language, args.out) for language in ("sv", "en")}
    lines = [
        "| language | held-out messages | intent accuracy | intent macro-F1 | entity F1 (micro) "
        "| target accuracy ≥ 95 % |",
        "|---|---|---|---|---|---|",
    ]
    for language, r in rows.items():
        met = "met" if r["accuracy"] >= TARGET else "MISSED"
        lines.append(f"| {language} | {r['messages']:.0f} | {r['accuracy']:.1%} | {r['macro_f1']:.3f} | "
                     f"{r['entity_f1']:.3f} | {met} |")
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
