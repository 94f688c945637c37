"""Full training time (NLU and dialogue, no cache) on this machine.
Usage: .venv/bin/python benchmarks/training_time.py"""

from __future__ import annotations

import os
import sys
import tempfile
import time

from rasa_cli import rasa  # benchmarks/ is on the path when a script here runs


def main() -> int:
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        rasa("train", "--force", "--out", out)
        seconds = time.perf_counter() - started
    print(f"| full training (rasa train --force), {os.cpu_count()} cores | {seconds:.0f} s "
          f"({seconds / 60:.1f} min) | target ≤ 5 min: {'met' if seconds <= 300 else 'MISSED'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
