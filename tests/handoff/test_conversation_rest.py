"""The contact request against the real servers (Rasa, the action server, the knowledge database),
over the REST channel: what is stored, and what is not."""

from __future__ import annotations

import uuid

import pytest

from assistant import config
from assistant.handoff.store import ContactRequests
from assistant.kb.store import make_engine
from tests.e2e.handoff_flows import HAPPY_EN, HAPPY_SV, talk


@pytest.fixture(scope="module")
def requests(running_assistant) -> ContactRequests:
    return ContactRequests(make_engine(config.database_url()))


def stored(requests: ContactRequests, sender: str) -> list[dict]:
    return [r for r in requests.find() if r["conversation_id"] == sender]


def sender() -> str:
    return f"handoff-{uuid.uuid4().hex}"


@pytest.mark.parametrize(("steps", "expected"), [
    (HAPPY_SV, ("business_advice", "aleksandra-simanovskaya", "sv", "anna@bergsbageri.se", "+46701234567")),
    (HAPPY_EN, ("recruitment", "wolfgang-mehl", "en", None, "+442079460958")),
], ids=["sv", "en"])
def test_happy_path_stores_the_request_with_its_reference(running_assistant, requests, steps, expected) -> None:
    visitor = sender()
    run = talk(running_assistant, visitor, steps)
    [row] = stored(requests, visitor)
    assert run.reference == row["reference"]
    assert (row["route_id"], row["recipient_id"], row["language"], row["email"], row["phone"]) == expected
    assert row["mail"] == "pending" or row["mail"] == "sent"  # its mail is in the outbox
    assert "/privacy.html" in run.replies[-3]  # the consent question links the privacy page
    assert run.buttons[-3] == ["/affirm", "/deny"]
    assert run.buttons[-2] == ["/affirm", "/deny", "/stop_request"]


def test_a_question_in_the_middle_is_answered_and_the_form_resumes(running_assistant, requests) -> None:
    visitor = sender()
    run = talk(running_assistant, visitor, [
        ("kan Aleksandra ringa upp mig om rådgivning?", "Vad heter du?"),
        ("vem är Wolfgang?", "Wolfgang Mehl"),
        ("Anna Berg", "Vilket företag"),
    ])
    assert run.replies[1].rstrip().endswith("Vad heter du?")


def test_cancel_leaves_nothing_in_the_database(running_assistant, requests) -> None:
    visitor = sender()
    talk(running_assistant, visitor, [
        ("I'd like advice, can someone call me back?", "What is your name?"),
        ("Anna Berg", "Which company"),
        ("Bergs", "How can we reach you?"),
        ("cancel", "Nothing you typed has been kept"),
        ("which projects are there?", "Move Up North"),  # the form is over: a question is a question
    ])
    assert stored(requests, visitor) == []


def test_a_wrong_email_and_phone_are_asked_again(running_assistant, requests) -> None:
    visitor = sender()
    talk(running_assistant, visitor, [
        ("Kan Aleksandra ringa upp mig?", "Vad heter du?"),
        ("Anna Berg", "Vilket företag"),
        ("inget", "Hur når vi dig?"),
        ("anna@bergs", "E-postadressen ser inte riktig ut"),
        ("ring 12345", "Telefonnumret ser inte riktigt ut"),
        ("070-123 45 67", "Vad gäller ditt ärende?"),
    ])


def test_refused_consent_stores_nothing(running_assistant, requests) -> None:
    visitor = sender()
    talk(running_assistant, visitor, [
        ("can someone call me about moving here?", "What is your name?"),
        ("Sam Lee", "How can we reach you?"),  # a private person: no company asked
        ("sam@example.com", "What is your request about?"),
        ("Housing for a family of four", "Do you agree?"),
        ("/deny", "Without your consent I store nothing"),
    ])
    assert stored(requests, visitor) == []


def test_a_request_for_someone_on_leave_goes_to_the_stand_in(running_assistant, requests) -> None:
    visitor = sender()
    talk(running_assistant, visitor, [
        ("kan Maria Larsson ringa upp mig?", "Sandor Lindström"),
        ("Anna Berg", "Vilket företag"),
        ("Byaföreningen", "Hur når vi dig?"),
        ("anna@example.se", "Vad gäller ditt ärende?"),
        ("Affären i byn", "Godkänner du"),
        ("/affirm", "Vill du skicka det?"),
        ("/affirm", "Ditt ärendenummer är"),
    ])
    [row] = stored(requests, visitor)
    assert (row["recipient_id"], row["recipient_email"]) == ("sandor-lindstrom", "sandor.lindstrom@mala.se")


def test_no_request_for_the_route_without_a_contact(running_assistant, requests) -> None:
    visitor = sender()
    run = talk(running_assistant, visitor, [
        ("kan ni ringa upp mig om 1,76-projektet?", "kan inte skicka vidare en förfrågan"),
        ("vem får pengarna för ett bättre företagsklimat?", "1,76"),
    ])
    assert "kontaktar dig?" not in run.replies[1] and run.buttons[1] == []
    assert stored(requests, visitor) == []


def test_the_answers_never_reach_the_logs(running_assistant, services, requests) -> None:
    visitor = sender()
    talk(running_assistant, visitor, [
        ("kan Aleksandra ringa upp mig?", "Vad heter du?"),
        ("Zacharias Qvarnström", "Vilket företag"),
        ("inget", "Hur når vi dig?"),
        ("zq.private@example.org", "Vad gäller"),
        ("avbryt", "Inget av det du skrev"),
    ])
    output = services.output.read_text(errors="replace")
    assert "Qvarnström" not in output and "zq.private" not in output
