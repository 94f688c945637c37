"""Conversations written the way Rasa 3.6's SQL tracker store writes them, for the report's tests
and its benchmark (benchmarks/report.py).

`EventWriter` writes `events` rows in bulk (SQLite: executemany; PostgreSQL: COPY) with the
JSON Rasa stores per event: the session start, each visitor message with its NLU parse, the
action, the bot's messages with the reply's `turn` marker (assistant/dialogue/replies.py),
the slots, action_listen. `Chat` writes one conversation turn by turn and logs what it wrote
(`Said`), so a test knows every number a report must show. `generate` writes many realistic
conversations (Swedish and English, projects, needs, buttons, small talk, fallbacks, personal
data typed into the chat, feedback, contact requests with their form), answered by the real
dialogue (`DialogueAnswers`), and returns the log.
"""

from __future__ import annotations

import csv
import io
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from sqlalchemy.engine import Engine

from assistant.dialogue.conversation import Conversation
from assistant.dialogue.replies import HELPFUL, NOT_HELPFUL
from assistant.dialogue.turn import Turn
from assistant.handoff import tables
from assistant.handoff.model import CONSENT_VERSION
from assistant.report.period import Period

MODEL = {"model_id": "5a7c0f3e9b2d4e61a8f0c2d4b6e8a1c3", "assistant_id": "mala-projektassistent"}
COLUMNS = ("sender_id", "type_name", "timestamp", "intent_name", "action_name", "data")
ACTIONS = {  # intent → the action data/rules.yml runs for it
    "greet": "action_greet", "thank": "action_thank", "goodbye": "action_goodbye",
    "ask_project": "action_project_info", "list_projects": "action_list_projects", "ask_person": "action_person_info",
    "out_of_scope": "action_fallback", "nlu_fallback": "action_fallback",
    "request_contact": "action_request_contact", HELPFUL: "action_feedback", NOT_HELPFUL: "action_feedback",
    "need_staff": "action_contact_for_need", "need_moving": "action_contact_for_need",
    "need_business_advice": "action_contact_for_need", "need_local_service": "action_contact_for_need",
    "need_business_funds": "action_contact_for_need",
}
HANDLERS = {"ask_project": "ask_project", "list_projects": "list_projects", "greet": "greet",
            "thank": "thank", "goodbye": "goodbye", "out_of_scope": "fallback", "nlu_fallback": "fallback",
            "request_contact": "request_contact", HELPFUL: "feedback", NOT_HELPFUL: "feedback"}
OTHER_INTENTS = ("ask_project", "ask_contact", "out_of_scope", "greet", "thank", "list_projects",
                 "ask_person", "need_staff", "goodbye", "bot_challenge")


def create_events_table(engine: Engine) -> None:
    """Rasa's own `events` table and the conversation store's indexes."""
    from rasa.core.tracker_store import SQLTrackerStore  # slow to import: only when writing

    from assistant.conversations.store import create_indexes

    SQLTrackerStore.SQLEvent.__table__.create(engine, checkfirst=True)
    create_indexes(engine)


def _template(event: dict[str, Any]) -> str:
    """The event's JSON as Rasa writes it (json.dumps), with %s where its time and ids go."""
    dumped = json.dumps(event).replace("%", "%%")
    return dumped.replace('"@TS@"', "%s").replace('"@ID@"', '"%s"')


class EventWriter:
    """Rows of `events`, written in batches."""

    def __init__(self, engine: Engine, seed: int = 1, batch: int = 50_000) -> None:
        create_events_table(engine)
        self.engine = engine
        self.rows: list[tuple[Any, ...]] = []
        self.batch = batch
        self.random = random.Random(seed)
        self.templates: dict[tuple[Any, ...], str] = {}
        self.written = 0

    def message_id(self) -> str:
        return f"{self.random.getrandbits(128):032x}"

    def add(self, sender: str, kind: str, timestamp: float, intent: str | None, action: str | None,
            data: str) -> None:
        self.rows.append((sender, kind, timestamp, intent, action, data))
        if len(self.rows) >= self.batch:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                buffer = io.StringIO()
                csv.writer(buffer).writerows(self.rows)
                buffer.seek(0)
                cursor = conn.connection.cursor()
                cursor.copy_expert(f"COPY events ({', '.join(COLUMNS)}) FROM STDIN WITH (FORMAT csv)", buffer)
            else:  # a sample, not a store to keep safe through a power cut
                conn.exec_driver_sql("PRAGMA synchronous = OFF")
                conn.exec_driver_sql(f"INSERT INTO events ({', '.join(COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?)",
                                     self.rows)
        self.written += len(self.rows)
        self.rows = []

    def cached(self, key: tuple[Any, ...], make: Callable[[], dict[str, Any]]) -> str:
        found = self.templates.get(key)
        if found is None:
            found = self.templates[key] = _template(make())
        return found


@dataclass(frozen=True)
class Said:
    """One visitor message as written: what a report must count."""

    sender: str
    at: float
    text: str
    intent: str
    marker: dict[str, Any] | None  # the `turn` marker of the answer, None for none
    answer: tuple[str, ...]  # the bot's messages
    reply_seconds: float


@dataclass
class Chat:
    """One conversation, written event by event as Rasa would store it."""

    writer: EventWriter
    sender: str
    at: float  # the time of the next event
    page_language: str
    channel: str = "socketio"
    log: list[Said] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._slot("session_started_metadata", None)
        self._action("action_session_start")
        self._event("session_started", None, ("session_started",), lambda: {"event": "session_started"})
        self._slot("session_started_metadata", None)
        self._action("action_listen")

    def wait(self, seconds: float) -> None:
        self.at += seconds

    def say(self, said: str, intent: str, answer: tuple[str, ...] | list[str], marker: dict[str, Any] | None,
            reply_seconds: float = 0.4, slots: dict[str, Any] | None = None, action: str | None = None) -> Said:
        """The visitor's message, the action for its intent (or `action`), the answer's messages
        (each with `marker` as its `turn` metadata, like actions/conversation_actions.py sends
        them), the slots the action set, and action_listen."""
        started = self.at
        mid = self.writer.message_id()
        data = self.writer.cached(("user", said, intent, self.page_language, self.channel),
                                  lambda: self._user(said, intent)) % (started, mid, mid)
        self.writer.add(self.sender, "user", started, intent, None, data)
        self._event("user_featurization", None, ("featurization",),
                    lambda: {"event": "user_featurization", "use_text_for_featurization": False})
        self.at += 0.01
        self._action(action or ACTIONS[intent])
        self.at = started + reply_seconds
        marker_key = tuple(marker.items()) if marker else None
        for message in answer:
            self._bot(message, marker, marker_key)
            self.at += 0.001
        for name, value in {"language": (marker or {}).get("language", self.page_language), **(slots or {})}.items():
            self._slot(name, value)
        self._action("action_listen")
        record = Said(self.sender, started, said, intent, marker, tuple(answer), reply_seconds)
        self.log.append(record)
        return record

    def _user(self, said: str, intent: str) -> dict[str, Any]:
        confidence = 1.0 if said.startswith("/") else 0.87
        others = [n for n in OTHER_INTENTS if n != intent][:9]
        ranking = [{"name": intent, "confidence": confidence}] + [
            {"name": n, "confidence": round((1 - confidence) / (i + 2), 6)} for i, n in enumerate(others)]
        metadata = {"language": self.page_language, "message_cut": False}
        return {"event": "user", "timestamp": "@TS@", "metadata": {**metadata, **MODEL}, "text": said,
                "parse_data": {"intent": {"name": intent, "confidence": confidence}, "entities": [],
                               "text": said, "message_id": "@ID@", "metadata": metadata,
                               "intent_ranking": ranking if not said.startswith("/") else ranking[:1]},
                "input_channel": self.channel, "message_id": "@ID@"}

    def _bot(self, message: str, marker: dict[str, Any] | None, marker_key: tuple[Any, ...] | None) -> None:
        def make() -> dict[str, Any]:
            metadata = {**({"turn": marker} if marker else {}), **MODEL}
            return {"event": "bot", "timestamp": "@TS@", "metadata": metadata, "text": message,
                    "data": {"elements": None, "quick_replies": None, "buttons": None, "attachment": None,
                             "image": None, "custom": None}}

        data = self.writer.cached(("bot", message, marker_key), make) % (self.at,)
        self.writer.add(self.sender, "bot", self.at, None, None, data)

    def _action(self, name: str) -> None:
        self._event("action", name, ("action", name), lambda: {
            "event": "action", "name": name, "policy": "RulePolicy", "confidence": 1.0, "action_text": None,
            "hide_rule_turn": name != "action_listen"})

    def _slot(self, name: str, value: Any) -> None:
        self._event("slot", name, ("slot", name, value),
                    lambda: {"event": "slot", "name": name, "value": value})

    def _event(self, kind: str, name: str | None, key: tuple[Any, ...], make: Callable[[], dict[str, Any]]) -> None:
        """An action, slot or session event: Rasa stores its `name` in action_name."""
        data = self.writer.cached(key, lambda: {"event": kind, "timestamp": "@TS@", "metadata": MODEL,
                                                **{k: v for k, v in make().items() if k != "event"}})
        self.writer.add(self.sender, kind, self.at, None, name, data % (self.at,))
        self.at += 0.001


# -- realistic conversations ---------------------------------------------------------------------

PROJECTS = {
    "sv": ("SHiMR", "Move Up North", "1,76-projektet", "Medskapande processer"),
    "en": ("SHiMR", "Move Up North", "the 1.76 project", "Medskapande processer"),
}
PROJECT_QUESTIONS = {
    "sv": ("vad är {p}?", "när slutar {p}?", "vem finansierar {p}?", "vem är kontaktperson för {p}?",
           "hur mycket pengar har {p}?", "pågår {p} fortfarande?", "vad gör {p}?"),
    "en": ("what is {p}?", "when does {p} end?", "who funds {p}?", "who is the contact for {p}?",
           "how much money does {p} have?", "is {p} still running?", "what does {p} do?"),
}
NEEDS = {
    "sv": (("vi söker två snickare", "need_staff"), ("jag behöver anställa en undersköterska", "need_staff"),
           ("vi funderar på att flytta till Malå", "need_moving"),
           ("jag vill ha råd om hållbar tillväxt för mitt företag", "need_business_advice"),
           ("vem kan hjälpa byns affär med lokal service?", "need_local_service")),
    "en": (("we are looking for welders", "need_staff"), ("we are thinking of moving to Malå", "need_moving"),
           ("I need advice to grow my company sustainably", "need_business_advice"),
           ("who helps with local services in the villages?", "need_local_service")),
}
OUT_OF_SCOPE = {
    "sv": ("när hämtas soporna?", "hur söker jag bygglov?", "vad blir det för väder i morgon?",
           "när öppnar biblioteket?", "kan jag boka tvättstugan?", "hur mycket kostar barnomsorgen?",
           "var ligger simhallen?", "när plogas min gata?"),
    "en": ("when is the rubbish collected?", "how do I apply for a building permit?",
           "what's the weather like tomorrow?", "when does the library open?", "can I book the sauna?"),
}
PERSONAL = {  # personal data typed into the chat: the report must mask it
    "sv": ("ring mig på {phone}", "min e-post är {email}", "mitt personnummer är {pnr}, vad gäller för mig?"),
    "en": ("call me on {phone}", "my email is {email}"),
}
SMALL_TALK = {"sv": (("tack", "thank"), ("tack så mycket", "thank"), ("hej då", "goodbye")),
              "en": (("thanks", "thank"), ("thank you", "thank"), ("bye", "goodbye"))}
LISTS = {"sv": "vilka projekt finns?", "en": "which projects are there?"}
BUTTONS = (("/list_projects", "list_projects"), ("/need_staff", "need_staff"),
           ("/need_business_advice", "need_business_advice"))
REQUEST = {"sv": "kan någon ringa upp mig?", "en": "can someone call me?"}
FORM = {  # the contact request form's questions and a visitor's answers (no `turn` marker)
    "sv": (("Vad heter du?", "{name}"), ("Vilket företag eller vilken organisation?", "{name} AB"),
           ("Hur når vi dig?", "{email}"), ("Vad gäller det?", "vi vill veta mer om projektet"),
           ("Godkänner du detta?", "/affirm"), ("Vill du skicka det?", "/affirm")),
    "en": (("What is your name?", "{name}"), ("Which company or organisation?", "{name} Ltd"),
           ("How can we reach you?", "{email}"), ("What is it about?", "we would like to know more"),
           ("Do you agree?", "/affirm"), ("Would you like to send it?", "/affirm")),
}
RECIPIENTS = {"recruitment": "wolfgang-mehl", "moving_here": "wolfgang-mehl",
              "business_advice": "aleksandra-simanovskaya", "local_service": "sandor-lindstrom"}
ROUTES = {route: {language: next(n for n in NEEDS[language] if n[1] == intent) for language in NEEDS}
          for route, intent in (("recruitment", "need_staff"), ("moving_here", "need_moving"),
                                ("business_advice", "need_business_advice"),
                                ("local_service", "need_local_service"))}
FIRST_NAMES = ("Anna", "Erik", "Maja", "Lars", "Sara", "Johan", "Elin", "Per")


def typo(text: str, rng: random.Random) -> str:
    """How visitors type: sometimes a letter missing or swapped, capitals, no question mark, an emoji."""
    roll = rng.random()
    if roll < 0.12 and len(text) > 6:
        i = rng.randrange(1, len(text) - 2)
        text = text[:i] + text[i + 1] + text[i] + text[i + 2:]
    elif roll < 0.2 and len(text) > 6:
        i = rng.randrange(1, len(text) - 1)
        text = text[:i] + text[i + 1:]
    if rng.random() < 0.3:
        text = text[:1].upper() + text[1:]
    if rng.random() < 0.2:
        text = text.rstrip("?")
    if rng.random() < 0.02:
        text += " 🙂"  # stored as \ud83d\ude42: read in Python, not by the database's JSON
    return text


class DialogueAnswers:
    """The real dialogue's answer (messages and `turn` marker) to each kind of message, once."""

    def __init__(self, conversation: Conversation) -> None:
        self.conversation = conversation
        self.cache: dict[tuple[str, str, str, str], tuple[tuple[str, ...], dict[str, Any] | None]] = {}

    def __call__(self, handler: str, said: str, intent: str, language: str) -> tuple[
            tuple[str, ...], dict[str, Any] | None]:
        key = (handler, said, intent, language)
        if key not in self.cache:
            reply = self.conversation.respond(Turn(
                handler=handler, text="" if said.startswith("/") else said, intent=intent,
                ranking=((intent, 0.87),), language=language, page_language=language))
            self.cache[key] = (tuple(m.text for m in reply.messages), reply.marker())
        return self.cache[key]


@dataclass
class Request:
    """A contact request the form stored (tables.requests, with its mail in tables.outbox)."""

    conversation: str
    at: float
    route: str
    recipient: str
    language: str
    status: str  # "new", "done"
    mail: str  # "sent", "pending", "dead"


@dataclass
class Sample:
    said: list[Said] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    conversations: int = 0


def generate(tracker: Engine, period: Period, conversations: int, answers: DialogueAnswers,
             knowledge: Engine | None = None, seed: int = 7) -> Sample:
    """`conversations` conversations spread over the period's days (busier on weekdays, in
    office hours), written to `tracker`; the contact requests they leave to `knowledge`."""
    rng = random.Random(seed)
    writer = EventWriter(tracker, seed=seed)
    bounds = period.bounds()
    starts = sorted(_start(rng, bounds) for _ in range(conversations))
    sample = Sample(conversations=conversations)
    for number, start in enumerate(starts):
        language = "sv" if rng.random() < 0.72 else "en"
        page = language if rng.random() < 0.92 else ("en" if language == "sv" else "sv")
        chat = Chat(writer, f"{rng.getrandbits(64):016x}{number:06d}", start, page,
                    channel="socketio" if rng.random() < 0.9 else "rest")
        if chat.channel == "socketio":
            _answer(chat, rng, answers, "/greet", "greet", language)
        for _ in range(1 + min(int(rng.expovariate(0.55)), 7)):
            chat.wait(rng.uniform(5, 90))
            said = _visitor_turn(chat, rng, answers, language)
            if said.marker and said.marker["outcome"] == "answered" and rng.random() < 0.09:
                chat.wait(rng.uniform(2, 20))
                verdict = HELPFUL if rng.random() < 0.62 else NOT_HELPFUL
                _answer(chat, rng, answers, f"/{verdict}", verdict, language)
        if rng.random() < 0.03:
            sample.requests.append(_contact_request(chat, rng, answers, language))
        sample.said.extend(chat.log)
    writer.flush()
    if knowledge is not None:
        write_requests(knowledge, sample.requests)
    return sample


def _start(rng: random.Random, bounds: list[float]) -> float:
    while True:
        day = rng.randrange(len(bounds) - 1)
        weekday = datetime.fromtimestamp(bounds[day], timezone.utc).weekday()
        if weekday < 5 or rng.random() < 0.4:
            hour = rng.gauss(13, 3.5)
            if 0 <= hour < 23.5:
                return bounds[day] + hour * 3600


def _answer(chat: Chat, rng: random.Random, answers: DialogueAnswers, said: str, intent: str,
            language: str, handler: str | None = None) -> Said:
    messages, marker = answers(handler or HANDLERS.get(intent, "contact_for_need"), said, intent, language)
    reply = 0.08 + rng.lognormvariate(-1.3, 0.6)
    slots = {"project": marker["project"]} if marker and marker.get("project") else {}
    return chat.say(said, intent, messages, marker, reply, {"offer": None, **slots})


def _visitor_turn(chat: Chat, rng: random.Random, answers: DialogueAnswers, language: str) -> Said:
    roll = rng.random()
    if roll < 0.38:
        question = rng.choice(PROJECT_QUESTIONS[language]).format(p=rng.choice(PROJECTS[language]))
        return _typed(chat, rng, answers, question, "ask_project", language)
    if roll < 0.53:
        need, intent = rng.choice(NEEDS[language])
        return _typed(chat, rng, answers, need, intent, language)
    if roll < 0.60:
        return _typed(chat, rng, answers, LISTS[language], "list_projects", language)
    if roll < 0.68:
        payload, intent = rng.choice(BUTTONS)
        return _answer(chat, rng, answers, payload, intent, language)
    if roll < 0.78:
        said, intent = rng.choice(SMALL_TALK[language])
        return _typed(chat, rng, answers, said, intent, language)
    if roll < 0.97:
        intent = "out_of_scope" if rng.random() < 0.7 else "nlu_fallback"
        return _typed(chat, rng, answers, rng.choice(OUT_OF_SCOPE[language]), intent, language)
    said = rng.choice(PERSONAL[language]).format(phone=_phone(rng), email=_email(rng), pnr=_personnummer(rng))
    messages, marker = answers("fallback", OUT_OF_SCOPE[language][0], "out_of_scope", language)  # the refusal
    return chat.say(said, "out_of_scope", messages, marker, 0.3, {"offer": None})


def _typed(chat: Chat, rng: random.Random, answers: DialogueAnswers, clean: str, intent: str,
           language: str) -> Said:
    """The visitor types `clean` (perhaps with a typo); the answer is the one to the clean text."""
    messages, marker = answers(HANDLERS.get(intent, "contact_for_need"), clean, intent, language)
    slots = {"project": marker["project"]} if marker and marker.get("project") else {}
    return chat.say(typo(clean, rng), intent, messages, marker, 0.08 + rng.lognormvariate(-1.3, 0.6),
                    {"offer": None, **slots})


def _contact_request(chat: Chat, rng: random.Random, answers: DialogueAnswers, language: str) -> Request:
    """A need answered, a wish to be contacted, the form's six questions answered (no `turn`
    marker: they are no questions), and the request it stores."""
    chat.wait(rng.uniform(5, 40))
    route = rng.choice(tuple(ROUTES))
    _typed(chat, rng, answers, *ROUTES[route][language], language)
    started = chat.at
    name, email = rng.choice(FIRST_NAMES), _email(rng)
    questions = FORM[language]
    chat.say(REQUEST[language], "request_contact", [questions[0][0]], None, 0.3)
    sent = "Tack! Ditt ärende är skickat." if language == "sv" else "Thank you! Your request is sent."
    for (_, answer), next_question in zip(questions, [q for q, _ in questions[1:]] + [sent], strict=True):
        chat.wait(rng.uniform(4, 30))
        chat.say(answer.format(name=name, email=email), "affirm" if answer.startswith("/") else "nlu_fallback",
                 [next_question], None, 0.25, action="contact_request_form")
    status = "done" if rng.random() < 0.55 else "new"
    mail = rng.choices(("sent", "pending", "dead"), (0.9, 0.06, 0.04))[0]
    return Request(chat.sender, started, route, RECIPIENTS[route], language, status, mail)


def write_requests(engine: Engine, found: list[Request]) -> None:
    """The contact requests and their mails, in the knowledge database's tables."""
    tables.create(engine)
    requests, mails = [], []
    for number, request in enumerate(found, 1):
        at = datetime.fromtimestamp(request.at, timezone.utc)
        reference = f"MK-{at.year}-{number:04d}"
        requests.append(dict(
            id=number, reference=reference, year=at.year, number=number, created_at=at, status=request.status,
            route_id=request.route, recipient_id=request.recipient, recipient_email="staff@mala.invalid",
            language=request.language, name="Sample Person", organisation=None, email="sample@example.com",
            phone=None, about="sample", consent_version=CONSENT_VERSION, consented_at=at,
            conversation_id=request.conversation))
        mails.append(dict(request_id=number, reference=reference, recipient="staff@mala.invalid",
                          message="(sample)", status=request.mail, attempts=1, next_attempt_at=at, created_at=at))
    with engine.begin() as conn:
        if requests:
            conn.execute(tables.requests.insert(), requests)
            conn.execute(tables.outbox.insert(), mails)


def _phone(rng: random.Random) -> str:
    return rng.choice(("070-{a} {b} {c}", "+46 73 {a} {b} {c}", "0953-{a} {b}")).format(
        a=rng.randrange(100, 1000), b=rng.randrange(10, 100), c=rng.randrange(10, 100))


def _email(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES).lower()}.{rng.randrange(1000)}@example.com"


def _personnummer(rng: random.Random) -> str:
    return f"{rng.randrange(1940, 2006)}{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}-{rng.randrange(10000):04d}"
