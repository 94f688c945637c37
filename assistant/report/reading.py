"""One pass over the conversations Rasa stored (its SQL tracker store), read only, into the
counts a report shows.

Rasa keeps one row per event in `events` (rasa/core/tracker_store.py: SQLTrackerStore): the
visitor's messages (`user`: the text, the intent in `intent_name`) and the assistant's (`bot`).
Every message a conversation action sends carries the reply's `turn` marker in its metadata
(assistant/dialogue/replies.py): answered or not understood, its language, project and need.
A *turn* is a visitor's message and the bot messages after it. Only the text and the marker
are taken out of each event's JSON, by the database itself (SQLite's json_extract,
PostgreSQL's ->>), so a hundred thousand conversations are read in seconds; the rare event whose
JSON the database refuses is read in Python (`_ODD`).

The database is opened read only: SQLite with mode=ro, PostgreSQL in read-only transactions.
"""

from __future__ import annotations

import json
import re
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import SQLAlchemyError

from assistant.conversations.database import unreachable
from assistant.dialogue.replies import HELPFUL, NOT_HELPFUL, NOT_UNDERSTOOD
from assistant.report.period import Period, day_index

# The message the widget sends when a visitor opens the chat (web/static/chat-embed.js,
# data-greeting): the chat was opened, nothing was said.
GREETING = "/greet"
FEEDBACK = {HELPFUL: True, NOT_HELPFUL: False}
CHUNK = 500  # ids per IN (…) when the texts of the answers marked "not helpful" are read
LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # json.loads keeps them; UTF-8 cannot hold them

# What the databases' JSON functions refuse, though Rasa writes it (Python's json.dumps): NaN and
# Infinity (a float in a visitor's metadata), and \ud… escapes (lone surrogates; with them every
# character beyond the BMP, such as emoji, which both would read but are rare). Such an event
# comes back whole and is read here instead (`_from_raw`): one odd event must not stop a report.
_ODD = {
    "sqlite": "(instr(data, 'NaN') OR instr(data, 'Infinity') OR instr(data, '\\ud'))",
    "postgresql": "(strpos(data, 'NaN') > 0 OR strpos(data, 'Infinity') > 0 OR strpos(data, '\\ud') > 0"
                  " OR strpos(data, '\\u0000') > 0)",
}
_TEXT = {"sqlite": "json_extract(data, '$.text')", "postgresql": "CAST(data AS json) ->> 'text'"}
_TURN = {"sqlite": "json_extract(data, '$.metadata.turn')",
         "postgresql": "CAST(data AS json) -> 'metadata' ->> 'turn'"}
# Per event: its id, conversation, kind, time, intent, and for a visitor's message "T" and its
# text, for a bot message "T" and its `turn` marker (JSON); or "R" and the whole event when it is
# odd (one CASE, so that the check runs once per event).
_SELECT = """
    SELECT id, sender_id, type_name, timestamp, intent_name,
           CASE WHEN {odd} THEN 'R' || data WHEN type_name = 'user' THEN 'T' || ({text})
                ELSE 'T' || ({turn}) END
    FROM events
    WHERE id BETWEEN :first AND :last AND type_name IN ('user', 'bot')
          AND timestamp >= :start AND timestamp < :end
    ORDER BY id"""
_TEXTS = "SELECT id, CASE WHEN {odd} THEN 'R' || data ELSE 'T' || ({text}) END FROM events " \
         "WHERE id IN ({ids})"


def _sql(template: str, dialect: str, **values: str) -> str:
    return template.format(odd=_ODD[dialect], text=_TEXT[dialect], turn=_TURN[dialect], **values)


def _value(kind: str, found: str | None) -> str | None:
    """The text or marker of a row of _SELECT or _TEXTS."""
    if found is None:
        return None
    return found[1:] if found[0] == "T" else _from_raw(kind, found[1:])


def _from_raw(kind: str, data: str) -> str | None:
    """What the database would have taken out of an odd event: for "bot" its marker as JSON,
    else its text. Lone surrogates become U+FFFD (a page cannot be written with them)."""
    try:
        event = json.loads(data)
    except ValueError:
        return None
    if not isinstance(event, dict):
        return None
    if kind == "bot":
        metadata = event.get("metadata")
        turn = metadata.get("turn") if isinstance(metadata, dict) else None
        return json.dumps(turn) if isinstance(turn, dict) else None
    said = event.get("text")
    return LONE_SURROGATE.sub("\ufffd", said) if isinstance(said, str) else None


class TrackerUnreadable(RuntimeError):
    """The conversation database cannot be opened or read (names no message text)."""


def read_only_engine(url: str) -> Engine:
    """The tracker store's database, opened so that nothing can be written through it."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            raise TrackerUnreadable(f"{url} names no database file")
        path = Path(parsed.database).resolve()
        if not path.is_file():
            raise TrackerUnreadable(f"no conversations are stored at {path} (no such file)")
        return create_engine(f"sqlite:///file:{quote(str(path))}?mode=ro&uri=true", future=True)
    if backend == "postgresql":  # with the URL's own options (a search_path …), if it has any
        options = " ".join([*_as_list(parsed.query.get("options")), "-c default_transaction_read_only=on"])
        return create_engine(parsed.difference_update_query(["options"]), future=True,
                             connect_args={"connect_timeout": 5, "options": options})
    raise TrackerUnreadable(f"the report reads SQLite or PostgreSQL, not {backend}")


@dataclass
class Tally:
    """What the stored conversations say about one period; lists are per day of the period."""

    days: int
    conversations_per_day: list[int] = field(init=False)
    messages_per_day: list[int] = field(init=False)
    outcomes_per_day: dict[str, list[int]] = field(default_factory=dict)  # typed messages only
    outcomes_per_language: Counter[tuple[str, str]] = field(default_factory=Counter)  # typed only
    conversations_per_language: Counter[str] = field(default_factory=Counter)
    answers_per_language: Counter[str] = field(default_factory=Counter)  # every marked turn
    projects: Counter[str] = field(default_factory=Counter)
    needs: Counter[str] = field(default_factory=Counter)
    questions: Counter[str] = field(default_factory=Counter)  # typed messages, as typed
    not_understood: Counter[str] = field(default_factory=Counter)
    feedback: Counter[bool] = field(default_factory=Counter)  # True: helpful
    not_helpful: Counter[tuple[str, str]] = field(default_factory=Counter)  # (answer, question before)
    reply_seconds: array = field(default_factory=lambda: array("d"))
    conversations: int = 0
    messages: int = 0

    def __post_init__(self) -> None:
        self.conversations_per_day = [0] * self.days
        self.messages_per_day = [0] * self.days

    def outcome_day(self, outcome: str) -> list[int]:
        return self.outcomes_per_day.setdefault(outcome, [0] * self.days)


def oldest_event(engine: Engine) -> float | None:
    """When the oldest stored event happened (epoch seconds), None with nothing stored."""
    with _connect(engine) as conn:
        if not _has_events(conn):
            return None
        return conn.execute(text("SELECT min(timestamp) FROM events")).scalar()


def read(engine: Engine, period: Period) -> Tally:
    """The period's counts: every visitor message and bot message in it, in the order they were
    stored, then the texts of the answers rated not helpful."""
    bounds = period.bounds()
    tally = Tally(len(bounds) - 1)
    with _connect(engine) as conn:
        if not _has_events(conn):
            return tally
        dialect = conn.dialect.name
        first, last = conn.execute(
            text("SELECT min(id), max(id) FROM events WHERE timestamp >= :start AND timestamp < :end"),
            {"start": bounds[0], "end": bounds[-1]}).one()
        if first is None:
            return tally
        where = {"first": first, "last": last, "start": bounds[0], "end": bounds[-1]}
        rows = conn.execution_options(stream_results=True, max_row_buffer=10_000).execute(
            text(_sql(_SELECT, dialect)), where)
        unhelpful = _Walk(tally, bounds).run(rows)
        answers = _texts(conn, dialect, {i for ids, _ in unhelpful for i in ids})
    for ids, question in unhelpful:
        tally.not_helpful["\n\n".join(answers.get(i) or "" for i in ids).strip(), question] += 1
    return tally


class _Walk:
    """Events in the order they happened, conversation by conversation interleaved: each
    conversation's open turn is kept until the next message of the same conversation."""

    def __init__(self, tally: Tally, bounds: list[float]) -> None:
        self.tally = tally
        self.bounds = bounds
        self.markers: dict[str, dict[str, Any]] = {}  # the few distinct markers, parsed once
        self.open: dict[str, list[Any]] = {}  # conversation → [time, text, day, bot ids or None]
        self.answered: dict[str, list[Any]] = {}  # conversation → its last answered turn
        self.language: dict[str, str] = {}  # conversation → the language it was last answered in
        self.seen: set[tuple[str, int]] = set()  # (conversation, day) with a message
        self.unhelpful: list[tuple[list[int], str]] = []  # (the answer's bot ids, the question)

    def run(self, rows: Iterable[Any]) -> list[tuple[list[int], str]]:
        for event_id, sender, kind, timestamp, intent, found in rows:
            value = _value(kind, found)
            if kind == "user":
                self.visitor(sender, timestamp, intent, value)
            else:
                self.bot(event_id, sender, timestamp, value)
        tally = self.tally
        for _, day in self.seen:
            tally.conversations_per_day[day] += 1
        tally.conversations = len({sender for sender, _ in self.seen})
        tally.conversations_per_language.update(self.language.values())
        return self.unhelpful

    def visitor(self, sender: str, timestamp: float, intent: str | None, said: str | None) -> None:
        day = day_index(self.bounds, timestamp)
        self.seen.add((sender, day))
        helpful = FEEDBACK.get(intent or "")
        if helpful is not None:
            self.tally.feedback[helpful] += 1
            last = self.answered.get(sender)
            if helpful is False and last is not None:
                self.unhelpful.append((last[3], last[1]))
            self.open.pop(sender, None)  # its own "thank you" is no answer
            return
        said = said or ""
        if said != GREETING:
            self.tally.messages += 1
            self.tally.messages_per_day[day] += 1
        self.open[sender] = [timestamp, said, day, None]

    def bot(self, event_id: int, sender: str, timestamp: float, marker_json: str | None) -> None:
        turn = self.open.get(sender)
        if turn is None:
            return
        if turn[3] is not None:  # a further message of the same answer
            turn[3].append(event_id)
            return
        turn[3] = [event_id]
        tally = self.tally
        tally.reply_seconds.append(timestamp - turn[0])
        marker = self._marker(marker_json)
        if marker is None:
            return
        said, day = turn[1], turn[2]
        outcome, language = marker.get("outcome"), marker.get("language")
        self.answered[sender] = turn
        self.language[sender] = language
        tally.answers_per_language[language] += 1
        if marker.get("project"):
            tally.projects[marker["project"]] += 1
        if marker.get("need"):
            tally.needs[marker["need"]] += 1
        if said and not said.startswith("/"):  # typed, not a button
            tally.outcome_day(outcome)[day] += 1
            tally.outcomes_per_language[language, outcome] += 1
            tally.questions[said] += 1
            if outcome == NOT_UNDERSTOOD:
                tally.not_understood[said] += 1

    def _marker(self, value: str | None) -> dict[str, Any] | None:
        if not value:
            return None
        found = self.markers.get(value)
        if found is None:
            try:
                found = json.loads(value)
            except ValueError:
                found = {}
            self.markers[value] = found = found if isinstance(found, dict) and found.get("outcome") else {}
        return found or None


def _texts(conn: Connection, dialect: str, ids: set[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for chunk in _chunks(sorted(ids)):
        query = _sql(_TEXTS, dialect, ids=", ".join(str(int(i)) for i in chunk))
        for event_id, said in conn.execute(text(query)):
            found[event_id] = _value("text", said)
    return found


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


def _as_list(value: str | tuple[str, ...] | None) -> list[str]:
    return [] if value is None else [value] if isinstance(value, str) else list(value)


def _has_events(conn: Connection) -> bool:
    return inspect(conn).has_table("events")


@contextmanager
def _connect(engine: Engine) -> Iterator[Connection]:
    """A read-only connection; a database that cannot be opened or read is a TrackerUnreadable
    (its reason only: never a statement's parameters)."""
    try:
        with engine.connect() as conn:
            yield conn
    except SQLAlchemyError as error:
        raise TrackerUnreadable(unreachable(engine.url.render_as_string(), error)) from None
