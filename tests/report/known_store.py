"""A tracker store whose every number is known (tests/report/test_report.py checks them all):
four conversations over three Swedish days across the switch to summer time, two more just
outside the period, and three contact requests."""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy.engine import Engine

from assistant.handoff.mail import LOCAL_TIME
from assistant.report.period import Period
from tests.report.sample_store import Chat, EventWriter, Request, write_requests

PERIOD = Period(date(2026, 3, 28), date(2026, 3, 30))  # summer time starts on the 29th at 02:00
NOW = datetime(2026, 11, 27, 12, 0, tzinfo=timezone.utc)  # 180 days back is 31 May 2026


def at(day: int, hour: int, minute: int = 0) -> float:
    return datetime(2026, 3, day, hour, minute, tzinfo=LOCAL_TIME).timestamp()


def marker(outcome: str, language: str, project: str | None = None, need: str | None = None) -> dict:
    return {"outcome": outcome, "language": language, "project": project, "need": need}


SHIMR_EN = ("SHiMR is funded by ERUF.", "Please note that SHiMR is no longer running.")
CARPENTERS = ("Kontakta Wolfgang Mehl, tfn 0953-14039, e-post wolfgang.mehl@mala.se.",)


def write_known_store(tracker: Engine, knowledge: Engine) -> None:
    """Four conversations in the period and two just outside it (see the expected numbers)."""
    writer = EventWriter(tracker)
    one = Chat(writer, "sv-1", at(28, 10), "sv")
    one.say("/greet", "greet", ["Hej!"], marker("answered", "sv"), 0.2)
    one.say("vad är SHiMR?", "ask_project", ["SHiMR är ett projekt.", "Vill du ha kontaktuppgifter?"],
            marker("answered", "sv", "shimr"), 0.4)
    one.say("/feedback_helpful", "feedback_helpful", ["Tack, vad bra att svaret hjälpte!"], None, 0.1)
    one.say("när hämtas soporna?", "out_of_scope", ["Det kan jag tyvärr inte svara på."],
            marker("not_understood", "sv"), 0.3)
    one.say("När hämtas soporna", "nlu_fallback", ["Det kan jag tyvärr inte svara på."],
            marker("not_understood", "sv"), 0.3)
    two = Chat(writer, "en-1", at(29, 23, 30), "sv")  # an English visitor on the Swedish page
    two.say("/greet", "greet", ["Hej!"], marker("answered", "sv"), 0.2)
    two.say("who funds SHiMR?", "ask_project", SHIMR_EN, marker("answered", "en", "shimr"), 1.0)
    two.say("/feedback_not_helpful", "feedback_not_helpful", ["Thank you for telling me."], None, 0.1)
    two.say("call me on 070-123 45 67", "out_of_scope", ["Sorry, I can't answer that."],
            marker("not_understood", "en"), 0.3)
    three = Chat(writer, "sv-2", at(30, 0, 30), "sv")
    three.say("vi söker två snickare", "need_staff", CARPENTERS,
              marker("answered", "sv", "move-up-north", "recruitment"), 0.5)
    three.say("/feedback_not_helpful", "feedback_not_helpful", ["Tack för att du säger till."], None, 0.1)
    three.say("kan någon ringa upp mig?", "request_contact", ["Jag skickar ett ärende till Wolfgang Mehl."],
              marker("answered", "sv"), 0.2)
    three.say("Anna Andersson", "nlu_fallback", ["Vilket företag?"], None, 0.2, action="contact_request_form")
    three.say("anna.andersson@example.com", "nlu_fallback", ["Vad gäller det?"], None, 0.2,
              action="contact_request_form")
    three.say("/list_projects", "list_projects", ["Sidan beskriver 4 projekt."], marker("answered", "sv"), 0.6)
    four = Chat(writer, "err-1", at(30, 12), "en", channel="rest")
    four.say("who is Wolfgang?", "ask_person", ["Sorry, something went wrong on my side."],
             marker("error", "en"), 0.1)
    before = Chat(writer, "out-1", at(27, 23, 59), "sv")
    before.say("utanför perioden före", "out_of_scope", ["Nej."], marker("not_understood", "sv"), 0.3)
    after = Chat(writer, "out-2", at(31, 0, 0), "sv")
    after.say("utanför perioden efter", "out_of_scope", ["Nej."], marker("not_understood", "sv"), 0.3)
    writer.flush()
    write_requests(knowledge, [
        Request("sv-2", at(30, 0, 31), "recruitment", "wolfgang-mehl", "sv", "new", "sent"),
        Request("x-1", at(29, 9), "business_advice", "aleksandra-simanovskaya", "sv", "done", "dead"),
        Request("x-2", at(31, 9), "business_advice", "aleksandra-simanovskaya", "sv", "new", "sent"),
    ])


