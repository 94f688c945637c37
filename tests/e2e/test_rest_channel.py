"""The real servers, over HTTP: every attribute of every project and every routing need,
asked in Swedish and in English, answered with the page's facts in the same language."""

from __future__ import annotations

import uuid

import pytest

from assistant import config
from assistant.language import LanguageDetector
from tests.e2e.cases import cases
from tests.e2e.rest import ask

CASES = cases()


@pytest.fixture(scope="module")
def detector(knowledge) -> LanguageDetector:
    return LanguageDetector.for_knowledge(knowledge)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_question_gets_the_facts_in_its_language(running_assistant, detector, case) -> None:
    reply, _ = ask(running_assistant, f"e2e-{uuid.uuid4().hex}", case.question)
    missing = [fact for fact in case.facts if fact not in reply]
    assert not missing, f"{case.question!r} -> {reply!r}: missing {missing}"
    assert detector.detect(reply) == case.language, reply


def test_a_conversation_keeps_its_context_and_language(running_assistant) -> None:
    sender = f"e2e-{uuid.uuid4().hex}"
    reply, _ = ask(running_assistant, sender, "Vad är Medskapande processer?")
    assert "Medskapande processer" in reply
    reply, _ = ask(running_assistant, sender, "och när slutar det?")
    assert "31 augusti 2024" in reply
    reply, _ = ask(running_assistant, sender, "Can we speak English?")
    assert "English" in reply
    reply, _ = ask(running_assistant, sender, "who funds it?")
    assert "European Agricultural Fund for Rural Development" in reply


def test_the_page_language_metadata_starts_the_conversation(running_assistant) -> None:
    reply, _ = ask(running_assistant, f"e2e-{uuid.uuid4().hex}", "/greet", {"language": "en"})
    assert reply.startswith("Hi!")


def test_the_http_api_is_off_without_a_token(running_assistant) -> None:
    import urllib.error
    import urllib.request

    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(f"{running_assistant}/status", timeout=5)
    assert caught.value.code in (401, 403, 404)


@pytest.mark.parametrize(("origin", "allowed"), [
    (config.web_url(), True),
    ("http://evil.example", False),
])
def test_cors_allows_only_the_configured_origins(running_assistant, origin, allowed) -> None:
    import json
    import urllib.error
    import urllib.request

    body = json.dumps({"sender": f"cors-{uuid.uuid4().hex}", "message": "hej"}).encode()
    request = urllib.request.Request(f"{running_assistant}/webhooks/rest/webhook", data=body,
                                     headers={"Content-Type": "application/json", "Origin": origin})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, granted = response.status, response.headers.get("Access-Control-Allow-Origin")
    except urllib.error.HTTPError as refused:  # other sites are refused outright
        status, granted = refused.code, refused.headers.get("Access-Control-Allow-Origin")
    assert (granted == origin) is allowed, granted
    assert status == (200 if allowed else 403)
