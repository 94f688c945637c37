"""Full training time (NLU and dialogue, no cache) on this machine.
Usage: .venv/bin/python benchmarks/training_time.py"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    with tempfile.TemporaryDirectory() as out:
        env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3"}
        started = time.perf_counter()
        subprocess.run([str(Path(sys.executable).parent / "rasa"), "train", "--force", "--out", out],
                       cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds = time.perf_counter() - started
    print(f"| full training (rasa train --force), {os.cpu_count()} cores | {seconds:.0f} s "
          f"({seconds / 60:.1f} min) | target ≤ 5 min: {'met' if seconds <= 300 else 'MISSED'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
