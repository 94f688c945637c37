"""`assistant report --since DATE --until DATE --out DIR [--language sv|en]`: read the period's
conversations and contact requests, mask, group, draw, and write one HTML file."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
from sqlalchemy.engine import Engine

from assistant import config
from assistant.kb import store
from assistant.kb.content import Knowledge, Language
from assistant.report import handoffs, reading, texts
from assistant.report.grouping import Group, group
from assistant.report.handoffs import PerContact
from assistant.report.masking import mask
from assistant.report.period import BadPeriod, Period, Retention
from assistant.report.reading import Tally, TrackerUnreadable

TOP = 20  # rows in the lists of messages, questions and answers
SHOWN_CHARS = 300  # a longer message is cut where the report shows it


@dataclass(frozen=True)
class Names:
    """What the knowledge calls the ids the conversations record, in the report's language."""

    projects: dict[str, str]
    needs: dict[str, str]
    contacts: dict[str, str]

    @classmethod
    def of(cls, knowledge: Knowledge, language: Language) -> Names:
        return cls({p.id: p.short_name for p in knowledge.projects},
                   {r.id: r.label(language) for r in knowledge.routes},
                   {c.id: c.name for c in knowledge.contacts})


@dataclass(frozen=True)
class Unhelpful:
    answer: str  # masked
    count: int
    questions: list[tuple[str, int]]  # the questions before it, masked, most frequent first


@dataclass(frozen=True)
class Report:
    language: Language
    period: Period
    created: datetime
    retention: Retention
    tally: Tally
    names: Names
    not_understood: list[Group]
    questions: list[Group]
    unhelpful: list[Unhelpful]
    requests: list[PerContact]
    reply_median: float | None
    reply_p95: float | None


def make(tracker: Engine, knowledge: Engine, period: Period, language: Language,
         retention_days: int, now: datetime) -> Report:
    """Everything the page shows, read and computed (nothing written anywhere)."""
    tally = reading.read(tracker, period)
    retention = Retention.of(retention_days, reading.oldest_event(tracker), now)
    _, content = store.read(knowledge)
    shown = _masker(language)
    seconds = np.frombuffer(tally.reply_seconds, dtype=np.float64)
    median, p95 = np.percentile(seconds, [50, 95]) if len(seconds) else (None, None)
    return Report(
        language=language, period=period, created=now, retention=retention, tally=tally,
        names=Names.of(content, language),
        not_understood=group(tally.not_understood, shown, TOP),
        questions=group(tally.questions, shown, TOP),
        unhelpful=_unhelpful(tally.not_helpful, shown, language),
        requests=handoffs.per_contact(knowledge, period),
        reply_median=None if median is None else float(median),
        reply_p95=None if p95 is None else float(p95),
    )


def _masker(language: Language) -> Callable[[str], str]:
    """What the report may show of a message: masked, and cut when very long."""
    labels = texts.MASK[language]

    def shown(message: str) -> str:
        message = mask(message, labels)
        return message if len(message) <= SHOWN_CHARS else message[:SHOWN_CHARS - 1] + "…"

    return shown


def _unhelpful(found: Counter[tuple[str, str]], shown: Callable[[str], str],
               language: Language) -> list[Unhelpful]:
    answers: dict[str, Counter[str]] = {}
    for (answer, question), count in found.items():
        if question.startswith("/"):  # a button: its payload says which
            question = texts.BUTTON(language).format(payload=question)
        answers.setdefault(shown(answer), Counter())[shown(question)] += count
    ranked = sorted(answers.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    return [Unhelpful(answer, sum(questions.values()), questions.most_common(3))
            for answer, questions in ranked[:TOP]]


def file_name(period: Period, language: Language) -> str:
    stem = "rapport" if language == "sv" else "report"
    return f"{stem}-{period.since}-{period.until}.html"


def write(report: Report, out: Path) -> Path:
    from assistant.report import page  # matplotlib loads here, only when a page is drawn

    out.mkdir(parents=True, exist_ok=True)
    path = out / file_name(report.period, report.language)
    temporary = path.with_suffix(".html.part")
    temporary.write_text(page.render(report), encoding="utf-8")
    temporary.replace(path)  # a reader never sees half a report
    return path


def _run(args: argparse.Namespace) -> int:
    try:
        period = Period.parse(args.since, args.until)
        report = make(reading.read_only_engine(args.tracker), store.make_engine(args.database), period,
                      args.language, config.retention_days(), datetime.now(timezone.utc))
    except (BadPeriod, TrackerUnreadable) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    path = write(report, args.out)
    print(path)
    return 0


def add_command(commands: argparse._SubParsersAction) -> None:
    sub = commands.add_parser(
        "report", help="what visitors ask and where the assistant fails: one HTML file for staff",
        description="Write one self-contained HTML report (figures embedded, no request leaves the "
                    "page) on the conversations of a period, read only from the tracker store.")
    sub.set_defaults(handler=_run)
    sub.add_argument("--since", required=True, help="the first day, YYYY-MM-DD (Swedish time)")
    sub.add_argument("--until", required=True, help="the last day, YYYY-MM-DD, included")
    sub.add_argument("--out", required=True, type=Path, help="the folder the HTML file is written to")
    sub.add_argument("--language", choices=["sv", "en"], default="sv",
                     help="the report's language (default: sv)")
    sub.add_argument("--tracker", default=config.tracker_database_url(),
                     help="the conversations' database (default: TRACKER_DATABASE_URL)")
    sub.add_argument("--database", default=config.database_url(),
                     help="the knowledge database with the contact requests (default: DATABASE_URL)")
