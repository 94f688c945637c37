"""Visitors in their own words: the blind sets tests/nlu/visitors_{sv,en}.yml asked end to end over REST.

The sets were written from personas by a writer who had not seen the training data or the code,
and are frozen. Each message is sent in a fresh conversation, with no page-language hint, and
the reply is scored by category:

- need: the right person is the active contact of the route's project (or the stand-in of one on
  leave); a reply naming a contact of another project is a *wrong person*. For the business-climate
  funds, for which the page names no contact, right means the 1,76-projektet is named and no person.
- project_name: the project is named by a description or translation; right means the reply holds
  every fact that the e2e cases (tests/e2e/cases.py) require for that project and fact.
- fact: one fact asked; right means every expected value is in the reply's FIRST message (the fact
  comes first), and for yes/no questions that message starts with the right yes or no.
- unclear: right means the assistant asks back (buttons, no person named).

Usage: .venv/bin/python benchmarks/visitors.py [--url http://127.0.0.1:5005] [--failures FILE]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import uuid
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from servers import running_assistant  # noqa: E402

from assistant import config  # noqa: E402
from assistant.kb.content import Knowledge  # noqa: E402
from assistant.kb.yaml_source import read_knowledge  # noqa: E402
from tests.e2e.cases import FACTS  # noqa: E402
from tests.e2e.rest import exchange  # noqa: E402

SETS = {language: ROOT / "tests" / "nlu" / f"visitors_{language}.yml" for language in ("sv", "en")}
ROUTE_PROJECTS = {"staff": "move-up-north", "moving": "move-up-north", "advice": "shimr",
                  "local": "medskapande", "funds": "1-76"}
YES = {"sv": ("ja",), "en": ("yes",)}
NO = {"sv": ("nej",), "en": ("no",)}


@dataclass(frozen=True)
class Verdict:
    right: bool
    wrong_person: bool = False
    asked_back: bool = False


def _squash(text: str) -> str:
    """Lower case, with spaces inside numbers and thousands separators removed, as the set's
    writer was told ("624 602", "624,602" and "0953-140 84" -> "624602", "0953-14084")."""
    text = text.lower().replace("\u00a0", " ").replace("\u202f", " ")
    text = re.sub(r"(?<=\d) (?=\d)", "", text)
    return re.sub(r"(?<=\d)[,.](?=\d{3}\b)", "", text)


def named_people(knowledge: Knowledge, text: str) -> set[str]:
    """The contacts whose name (or a distinctive part of it) the text mentions."""
    found = set()
    for contact in knowledge.contacts:
        names = {contact.name, *(a for a in contact.aliases if len(a) >= 5)}
        if any(re.search(rf"\b{re.escape(n)}\b", text, re.IGNORECASE) for n in names):
            found.add(contact.id)
    return found


def need_verdict(knowledge: Knowledge, route: str, text: str) -> Verdict:
    project = next(p for p in knowledge.projects if p.id == ROUTE_PROJECTS[route])
    contacts = {c.id: c for c in knowledge.contacts}
    own = {pc.contact for pc in project.contacts}
    expected = {cid for cid in own if contacts[cid].status == "active"}
    expected |= {contacts[cid].stand_in for cid in own if contacts[cid].stand_in}
    named = named_people(knowledge, text)
    wrong = bool(named - own - expected)
    if not expected:  # no contact on the page: the project itself must be named
        named_project = project.short_name.lower() in text.lower()
        return Verdict(right=not named and named_project, wrong_person=bool(named))
    return Verdict(right=bool(named & expected) and not wrong, wrong_person=wrong)


def fact_verdict(item: dict, language: str, first: str) -> Verdict:
    squashed = _squash(first)
    groups = item.get("expect") or []
    ok = all(any(_squash(str(alt)) in squashed for alt in group) for group in groups)
    answer = item.get("answer")
    if answer in ("yes", "no"):
        words = re.findall(r"\w+", first.lower())
        ok = ok and bool(words) and words[0] in (YES if answer == "yes" else NO)[language]
    return Verdict(right=ok)


def score(knowledge: Knowledge, item: dict, language: str, replies: list[dict]) -> Verdict:
    texts = [r.get("text", "") for r in replies]
    text = "\n".join(texts)
    category = item["category"]
    if category == "need":
        return need_verdict(knowledge, item["route"], text)
    if category == "project_name":
        facts = FACTS[(item["project"], item["fact"])][0 if language == "sv" else 1]
        return Verdict(right=all(f in text for f in facts))
    if category == "fact":
        return fact_verdict(item, language, texts[0] if texts else "")
    asked = any(r.get("buttons") for r in replies) and not named_people(knowledge, text)
    return Verdict(right=asked, asked_back=asked)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", help="use servers already running at this Rasa URL")
    parser.add_argument("--failures", type=Path, default=ROOT / "results" / "visitors-failures.txt",
                        help="where to write the messages that were not answered right")
    args = parser.parse_args()
    knowledge = read_knowledge(config.knowledge_dir())
    tally: dict[tuple[str, str], list[Verdict]] = defaultdict(list)
    latency: dict[str, list[float]] = defaultdict(list)
    failures = []
    with running_assistant(args.url, knowledge) as url:
        for language, path in SETS.items():
            for item in yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]:
                replies, seconds = exchange(url, f"visitor-{uuid.uuid4().hex}", item["text"])
                verdict = score(knowledge, item, language, replies)
                tally[(language, item["category"])].append(verdict)
                latency[language].append(seconds * 1000)
                if not verdict.right:
                    said = " | ".join(r.get("text", "") for r in replies)[:300].replace("\n", " ")
                    failures.append(f"{item['id']} [{item.get('route') or item.get('project') or ''}"
                                    f"{'/' + item['fact'] if 'fact' in item else ''}]"
                                    f"{' WRONG PERSON' if verdict.wrong_person else ''}: "
                                    f"{item['text']!r} -> {said!r}")
    print("| language | category | messages | right | wrong person | asked back |")
    print("|---|---|---|---|---|---|")
    for (language, category), verdicts in sorted(tally.items()):
        n = len(verdicts)
        print(f"| {language} | {category} | {n} | {sum(v.right for v in verdicts) / n:.1%} | "
              f"{sum(v.wrong_person for v in verdicts)} | {sum(v.asked_back for v in verdicts)} |")
    for language, ms in latency.items():
        ms.sort()
        p95 = ms[int(0.95 * (len(ms) - 1))]
        print(f"{language}: median reply {statistics.median(ms):.0f} ms, p95 {p95:.0f} ms")
    args.failures.parent.mkdir(parents=True, exist_ok=True)
    args.failures.write_text("\n".join(failures) + "\n", encoding="utf-8")
    print(f"{len(failures)} not answered right: {args.failures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
