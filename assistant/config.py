"""Settings, read from the environment so that the same code runs in development and production."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def database_url() -> str:
    """DATABASE_URL chooses the database; the default is an embedded SQLite file under var/."""
    return os.environ.get("DATABASE_URL") or f"sqlite:///{ROOT / 'var' / 'knowledge.db'}"


def knowledge_dir() -> Path:
    """KNOWLEDGE_DIR is the folder of YAML files staff edit (default: knowledge/ in the project)."""
    return Path(os.environ.get("KNOWLEDGE_DIR") or ROOT / "knowledge")


def occupations_file() -> Path:
    """The occupation lexicon (job titles in both languages) that the NLU and the dialogue use."""
    return ROOT / "lexicon" / "occupations.yml"
