"""`assistant report` on a tracker store whose every number is known: conversations and messages
per day (Swedish days, across the switch to summer time), languages, answered and not
understood, projects, needs, questions, contact requests per person, feedback, reply times,
the period and the retention note; masked messages, no form answers, nothing written; and a
generated store of realistic conversations counted the same way. SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date

import numpy as np
import pytest
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from assistant import cli
from assistant.dialogue.conversation import Conversation
from assistant.report import build, page, reading
from assistant.report.period import BadPeriod, Period
from tests.report.known_store import CARPENTERS, NOW, PERIOD, SHIMR_EN, at, marker, write_known_store
from tests.report.sample_store import DialogueAnswers, EventWriter, generate


def make(stores, language: str = "sv") -> build.Report:
    return build.make(reading.read_only_engine(stores.tracker_url), stores.knowledge, PERIOD, language, 180, NOW)


def test_every_number_of_a_known_store(stores) -> None:
    write_known_store(stores.tracker, stores.knowledge)
    report = make(stores)
    tally = report.tally
    assert (tally.conversations_per_day, tally.conversations) == ([1, 1, 2], 4)
    # greetings sent by the widget and ratings are no messages; buttons and form answers are
    assert (tally.messages_per_day, tally.messages) == ([3, 2, 6], 11)
    assert tally.outcomes_per_day == {"answered": [1, 1, 2], "not_understood": [2, 1, 0], "error": [0, 0, 1]}
    assert dict(tally.outcomes_per_language) == {("sv", "answered"): 3, ("sv", "not_understood"): 2,
                                                 ("en", "answered"): 1, ("en", "not_understood"): 1,
                                                 ("en", "error"): 1}
    assert dict(tally.conversations_per_language) == {"sv": 2, "en": 2}
    assert dict(tally.answers_per_language) == {"sv": 8, "en": 3}
    assert dict(tally.projects) == {"shimr": 2, "move-up-north": 1} and dict(tally.needs) == {"recruitment": 1}
    assert dict(tally.feedback) == {True: 1, False: 2}
    assert dict(tally.not_helpful) == {("\n\n".join(SHIMR_EN), "who funds SHiMR?"): 1,
                                       (CARPENTERS[0], "vi söker två snickare"): 1}
    replies = [0.2, 0.4, 0.3, 0.3, 0.2, 1.0, 0.3, 0.5, 0.2, 0.2, 0.2, 0.6, 0.1]
    assert sorted(tally.reply_seconds) == pytest.approx(sorted(replies), abs=1e-6)
    assert report.reply_median == pytest.approx(0.3, abs=1e-6)
    assert report.reply_p95 == pytest.approx(0.76, abs=1e-6)  # between the 12th (0.6) and 13th (1.0)
    assert [(g.text, g.count, g.variants(3)) for g in report.not_understood] == [
        ("när hämtas soporna?", 2, [("När hämtas soporna", 1)]), ("call me on [telefon]", 1, [])]
    assert {g.text: g.count for g in report.questions} == {
        "när hämtas soporna?": 2, "vad är SHiMR?": 1, "who funds SHiMR?": 1, "call me on [telefon]": 1,
        "vi söker två snickare": 1, "kan någon ringa upp mig?": 1, "who is Wolfgang?": 1}
    assert [(r.contact, r.new, r.done, r.mail_waiting, r.mail_dead) for r in report.requests] == [
        ("aleksandra-simanovskaya", 0, 1, 0, 1), ("wolfgang-mehl", 1, 0, 0, 0)]
    assert report.retention.cuts(PERIOD) and report.retention.cutoff == date(2026, 5, 31)
    assert report.retention.oldest.date() == date(2026, 3, 27)


def test_the_page_shows_the_numbers_masked_without_form_answers(stores) -> None:
    write_known_store(stores.tracker, stores.knowledge)
    html = page.render(make(stores))
    for shown in ("28 mars 2026 – 30 mars 2026", "180 dagar", "27 mars 2026", "31 maj 2026",
                  "37,5\u00a0%", "Aleksandra Simanovskaya", "Wolfgang Mehl", "rekrytering och att hitta personal",
                  "call me on [telefon]", "när hämtas soporna?", "0,30\u00a0s", "0,76\u00a0s", "SHiMR", "Move Up North",
                  "Tekniskt fel"):
        assert shown in html, shown
    for hidden in ("Anna Andersson", "anna.andersson", "070-123", "0953-14039", "wolfgang.mehl@mala.se",
                   "utanför perioden"):
        assert hidden not in html, hidden
    assert "<script" not in html and "http://" not in html and "https://" not in html
    english = page.render(make(stores, "en"))
    assert '<html lang="en">' in english and "call me on [phone]" in english and "Not understood" in english
    assert "28 March 2026 – 30 March 2026" in english and "37.5%" in english


def test_a_generated_store_is_counted_as_it_was_written(stores, conversation: Conversation) -> None:
    period = Period(date(2026, 9, 1), date(2026, 9, 14))
    sample = generate(stores.tracker, period, 400, DialogueAnswers(conversation), knowledge=stores.knowledge)
    tally = make_for(stores, period).tally
    bounds = period.bounds()
    day = lambda t: next(n for n in range(len(bounds) - 1) if bounds[n] <= t < bounds[n + 1])  # noqa: E731
    said = [s for s in sample.said if not s.intent.startswith("feedback_")]
    typed = [s for s in said if s.marker and not s.text.startswith("/")]
    assert tally.conversations == sample.conversations
    assert sum(tally.conversations_per_day) == len({(s.sender, day(s.at)) for s in sample.said})
    assert tally.messages == len([s for s in said if s.text != "/greet"])
    for outcome in ("answered", "not_understood"):
        assert sum(tally.outcomes_per_day.get(outcome, [])) == len([s for s in typed if s.marker["outcome"] == outcome])
    assert sum(tally.not_understood.values()) == len([s for s in typed if s.marker["outcome"] == "not_understood"])
    assert tally.feedback[True] == len([s for s in sample.said if s.intent == "feedback_helpful"])
    assert tally.feedback[False] == len([s for s in sample.said if s.intent == "feedback_not_helpful"])
    assert len(tally.reply_seconds) == len(said)
    assert np.median(tally.reply_seconds) == pytest.approx(np.median([s.reply_seconds for s in said]), abs=0.002)
    assert sum(tally.projects.values()) == len([s for s in said if s.marker and s.marker["project"]])
    requests = build.handoffs.per_contact(stores.knowledge, period)
    assert sum(r.total for r in requests) == len(sample.requests) > 0


def make_for(stores, period: Period) -> build.Report:
    return build.make(reading.read_only_engine(stores.tracker_url), stores.knowledge, period, "sv", 180, NOW)


def test_the_report_writes_nothing_to_the_tracker_store(stores) -> None:
    write_known_store(stores.tracker, stores.knowledge)
    engine = reading.read_only_engine(stores.tracker_url)
    with pytest.raises(SQLAlchemyError, match=r"(?i)read.?only"), engine.begin() as conn:
        conn.execute(text("DELETE FROM events"))
    with stores.tracker.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM events")).scalar() > 0


def test_the_command_writes_one_self_contained_file(tmp_path, capsys) -> None:
    tracker = f"sqlite:///{tmp_path / 'conversations.db'}"
    knowledge = f"sqlite:///{tmp_path / 'kb.db'}"
    from sqlalchemy import create_engine

    from assistant.kb import store
    from assistant.kb.yaml_source import read_knowledge
    from tests.conftest import KNOWLEDGE_DIR

    store.load(store.make_engine(knowledge), read_knowledge(KNOWLEDGE_DIR))
    write_known_store(create_engine(tracker, future=True), store.make_engine(knowledge))
    code = cli.main(["report", "--since", "2026-03-28", "--until", "2026-03-30", "--out", str(tmp_path / "out"),
                     "--language", "en", "--tracker", tracker, "--database", knowledge])
    written = tmp_path / "out" / "report-2026-03-28-2026-03-30.html"
    assert code == 0 and capsys.readouterr().out.strip() == str(written)
    html = written.read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") >= 5 and "What visitors ask" in html
    assert not list((tmp_path / "out").glob("*.part"))


@pytest.mark.parametrize(("since", "until", "message"), [
    ("2026-03-30", "2026-03-28", "before --since"),
    ("28/3/2026", "2026-03-30", "YYYY-MM-DD"),
    ("2000-01-01", "2026-03-30", "at most"),
])
def test_bad_dates_get_a_clear_message(tmp_path, capsys, since, until, message) -> None:
    with pytest.raises(BadPeriod, match=message):
        Period.parse(since, until)
    code = cli.main(["report", "--since", since, "--until", until, "--out", str(tmp_path)])
    assert code == 2 and message in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_a_missing_tracker_database_is_named_not_created(tmp_path, capsys) -> None:
    missing = tmp_path / "nowhere" / "conversations.db"
    code = cli.main(["report", "--since", "2026-03-28", "--until", "2026-03-30", "--out", str(tmp_path / "out"),
                     "--tracker", f"sqlite:///{missing}"])
    assert code == 2 and str(missing) in capsys.readouterr().err
    assert not missing.parent.exists() and not (tmp_path / "out").exists()


def test_a_period_without_conversations_is_a_report_of_zeros(stores) -> None:
    write_known_store(stores.tracker, stores.knowledge)
    quiet = Period(date(2026, 1, 1), date(2026, 1, 7))
    report = make_for(stores, quiet)
    assert (report.tally.conversations, report.tally.messages, report.requests) == (0, 0, [])
    assert report.tally.conversations_per_day == [0] * 7 and report.reply_median is None
    html = page.render(report)
    assert "Inga under perioden." in html and "Inga svar under perioden." in html


def test_events_the_databases_json_functions_refuse_are_read_all_the_same(stores) -> None:
    """Rasa writes what Python's json.dumps makes of a visitor's message: NaN from metadata,
    a lone surrogate, emoji (\\ud83d\\ude00). One such event must not stop the report."""
    writer = EventWriter(stores.tracker)
    odd = [("sv-nan", "vad är SHiMR?", {"language": "sv", "x": float("nan")}),
           ("sv-surrogate", "vad är \udc80SHiMR?", {"language": "sv"}),
           ("sv-emoji", "vad är SHiMR? 😀", {"language": "sv", "y": float("-inf")})]
    for n, (sender, said, metadata) in enumerate(odd):
        start = at(28, 9 + n)
        user = {"event": "user", "timestamp": start, "metadata": metadata, "text": said,
                "parse_data": {"intent": {"name": "ask_project", "confidence": float("nan")}}}
        bot = {"event": "bot", "timestamp": start + 0.5, "metadata": {"turn": marker("not_understood", "sv")},
               "text": "Det kan jag tyvärr inte svara på.", "data": {}}
        writer.add(sender, "user", start, "ask_project", None, json.dumps(user))
        writer.add(sender, "bot", start + 0.5, None, None, json.dumps(bot))
    writer.add("sv-nan", "user", at(28, 9, 1), "feedback_not_helpful", None,
               json.dumps({"event": "user", "timestamp": at(28, 9, 1), "text": "/feedback_not_helpful",
                           "metadata": {"z": float("inf")}}))
    writer.flush()
    report = make(stores)
    assert report.tally.conversations == 3 and report.tally.outcomes_per_day["not_understood"] == [3, 0, 0]
    assert dict(report.tally.not_understood) == {"vad är SHiMR?": 1, "vad är \ufffdSHiMR?": 1, "vad är SHiMR? 😀": 1}
    assert dict(report.tally.not_helpful) == {("Det kan jag tyvärr inte svara på.", "vad är SHiMR?"): 1}
    assert "vad är SHiMR? 😀" in page.render(report)
