"""End-to-end benchmark over HTTP: correct-fact answers and reply latency per language.

Starts the real action server and Rasa server (unless --url points at running ones), asks
every question of tests/e2e/cases.py over the REST channel (each in a fresh conversation,
after one warm-up), and reports the share answered with all the page's facts in the right
language, and the median and 95th-percentile round-trip time (including the action call).
Usage: .venv/bin/python benchmarks/e2e.py [--url RASA_URL] [--rounds 3]
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
from assistant.language import LanguageDetector  # noqa: E402
from tests.e2e.cases import cases  # noqa: E402
from tests.e2e.rest import ask  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", help="use servers already running at this Rasa URL")
    parser.add_argument("--rounds", type=int, default=3, help="times each question is asked")
    args = parser.parse_args()
    knowledge = read_knowledge(config.knowledge_dir())
    detector = LanguageDetector.for_knowledge(knowledge)
    with running_assistant(args.url, knowledge) as url:
        results: dict[str, dict[str, list]] = {"sv": {"ok": [], "ms": []}, "en": {"ok": [], "ms": []}}
        failures = []
        for _ in range(args.rounds):
            for case in cases():
                reply, seconds = ask(url, f"bench-{uuid.uuid4().hex}", case.question)
                ok = all(f in reply for f in case.facts) and detector.detect(reply) == case.language
                results[case.language]["ok"].append(ok)
                results[case.language]["ms"].append(seconds * 1000)
                if not ok:
                    failures.append(f"{case.id}: {case.question!r} -> {reply[:160]!r}")
    lines = ["| language | questions asked | correct facts, right language | median latency | p95 latency |",
             "|---|---|---|---|---|"]
    for language, r in results.items():
        ms = sorted(r["ms"])
        p95 = ms[int(0.95 * (len(ms) - 1))]
        lines.append(f"| {language} | {len(r['ok'])} | {sum(r['ok']) / len(r['ok']):.1%} | "
                     f"{statistics.median(ms):.0f} ms | {p95:.0f} ms |")
    print("\n".join(lines))
    for failure in sorted(set(failures)):
        print("  wrong:", failure)
    return 0


if __name__ == "__main__":
    sys.exit(main())
