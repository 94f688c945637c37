"""Compare NLU pipelines on a validation split of the TRAINING data (never the held-out set).

Each candidate is trained on 80 % of data/nlu (stratified by intent, fixed seed) and
tested on the other 20 %; the table gives training time, intent accuracy and macro-F1.
Usage: .venv/bin/python benchmarks/compare_pipelines.py [--out results/pipelines]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import yaml
from rasa_cli import ROOT  # benchmarks/ is on the path when a script here runs
from rasa_cli import rasa as run

BASE = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))


def with_changes(name: str, **changes: dict | None) -> tuple[str, dict]:
    """The project's config.yml with some components' settings changed (None drops one; a
    change with a "name" replaces the component)."""
    config = json.loads(json.dumps(BASE))
    pipeline = []
    for component in config["pipeline"]:
        key = component["name"] + (":char" if component.get("analyzer") == "char_wb" else "")
        change = changes.get(key, {})
        if change is None:
            continue
        pipeline.append(change if "name" in change else {**component, **change})
    config["pipeline"] = pipeline
    return name, config


DIET = {"name": "DIETClassifier", "epochs": 60, "random_seed": 2024, "constrain_similarities": True,
        "entity_recognition": False}
CANDIDATES = [
    with_changes("chosen (config.yml): logistic regression"),
    with_changes("DIET, 60 epochs, same features", LogisticRegressionClassifier=DIET),
    with_changes("logistic regression, words only (no word pairs), letters 1-4",
                 CountVectorsFeaturizer={"max_ngram": 1},
                 **{"CountVectorsFeaturizer:char": {"min_ngram": 1, "max_ngram": 4}}),
    with_changes("no spaCy (whitespace tokens, no lemmas)",
                 SpacyNLP=None, SpacyTokenizer=None),
]
# The whitespace candidate needs a tokenizer in place of spaCy's.
CANDIDATES[-1][1]["pipeline"].insert(0, {"name": "WhitespaceTokenizer"})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "results" / "pipelines")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    split = args.out / "split"
    run("data", "split", "nlu", "--nlu", "data/nlu", "--training-fraction", "0.8",
        "--random-seed", "13", "--out", str(split))
    rows = []
    for name, config in CANDIDATES:
        with tempfile.TemporaryDirectory() as work:
            config_path = Path(work) / "config.yml"
            config_path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
            started = time.perf_counter()
            run("train", "nlu", "--config", str(config_path), "--nlu", str(split / "training_data.yml"),
                "--out", work, "--fixed-model-name", "candidate")
            seconds = time.perf_counter() - started
            report_dir = Path(work) / "report"
            run("test", "nlu", "--model", str(Path(work) / "candidate.tar.gz"),
                "--nlu", str(split / "test_data.yml"), "--out", str(report_dir))
            report = json.loads((report_dir / "intent_report.json").read_text())
            rows.append((name, seconds, report["accuracy"], report["macro avg"]["f1-score"]))
            print(f"{name}: {seconds:.0f} s, accuracy {report['accuracy']:.3f}", flush=True)
    lines = ["| pipeline | training (s) | intent accuracy | macro-F1 |", "|---|---|---|---|"]
    lines += [f"| {n} | {s:.0f} | {a:.3f} | {f:.3f} |" for n, s, a, f in rows]
    table = "\n".join(lines)
    (args.out / "table.md").write_text(table + "\n", encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
