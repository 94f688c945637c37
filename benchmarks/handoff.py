"""Contact requests end to end: turns and seconds from the first message to the reference.

Starts the real action server and Rasa server (unless --url points at running ones), runs the
scripted Swedish and English happy paths of tests/e2e/handoff_flows.py over the REST channel
(each in a fresh conversation, after one warm-up), and reports per language the visitor's
turns and the median and slowest time from the first message to the reply with the reference.
Each run stores a real request (and its mail) in the configured database.
Usage: flock /tmp/mala-servers.lock .venv/bin/python benchmarks/handoff.py [--url RASA_URL] [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from servers import running_assistant  # noqa: E402

from assistant import config  # noqa: E402
from assistant.kb.yaml_source import read_knowledge  # noqa: E402
from tests.e2e.handoff_flows import HAPPY_EN, HAPPY_SV, talk  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", help="use servers already running at this Rasa URL")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each language's conversation")
    args = parser.parse_args()
    with running_assistant(args.url, read_knowledge(config.knowledge_dir())) as url:
        lines = ["| language | turns to the reference | median seconds | slowest seconds |",
                 "|---|---|---|---|"]
        for language, steps in (("sv", HAPPY_SV), ("en", HAPPY_EN)):
            seconds = []
            for _ in range(args.rounds):
                run = talk(url, f"bench-handoff-{uuid.uuid4().hex}", steps)
                assert run.reference, run.replies[-1]
                seconds.append(run.seconds)
            median, slowest = statistics.median(seconds), max(seconds)
            lines.append(f"| {language} | {len(steps)} | {median:.2f} | {slowest:.2f} |")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
