"""Run the `rasa` command of this virtual environment quietly, as the benchmarks need it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from assistant.config import ROOT

RASA = str(Path(sys.executable).parent / "rasa")


def rasa(*args: str) -> None:
    """`rasa ARGS` in the project folder, telemetry off, output discarded; raises on failure."""
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3"}
    subprocess.run([RASA, *args], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
