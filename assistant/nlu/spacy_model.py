"""Build the spaCy pipeline Rasa's SpacyNLP loads, from installed packages only.

A blank Swedish pipeline (Swedish tokenizer rules) plus the lookup lemmatizer
whose table comes from spacy-lookups-data: nothing is downloaded at run time.
Usage: python -m assistant.nlu.spacy_model OUTPUT_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

import spacy


def build(output: Path) -> None:
    nlp = spacy.blank("sv")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    output.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    build(Path(sys.argv[1]))
    print(f"spaCy pipeline written to {sys.argv[1]}")
