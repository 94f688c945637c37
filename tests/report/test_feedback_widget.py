"""Feedback from the widget reaches the staff report, with the real assistant: a visitor asks,
presses "Hjälpte inte" under the answer with the keyboard (the buttons are named for screen
readers), the assistant thanks them in Swedish, and `assistant report` on the conversations
Rasa stored counts the rating and lists the answer with the question before it. Over REST the
same payload is documented; it is counted too."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime

import pytest
from playwright.sync_api import Browser, expect

from assistant import cli, config
from assistant.handoff.mail import LOCAL_TIME
from assistant.report import reading
from assistant.report.period import Period
from tests.e2e.rest import ask as rest_ask
from tests.web import conftest as web
from tests.web.chat import BOT_MESSAGES, INPUT, ask, focused, open_with_keyboard, wait_for_bot
from tests.web.test_widget import serious_violations

# The browser tests' fixtures (tests/web/conftest.py), for this folder too.
open_page, rasa_stack, site = web.open_page, web.rasa_stack, web.site
NOT_HELPFUL = "#mala-chat .mala-feedback-button"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """tests/web's browser, for this module only (sync Playwright runs an event loop while it
    lives; other modules need theirs)."""
    yield from web.browser.__wrapped__()


def today() -> Period:
    day = datetime.now(LOCAL_TIME).date()
    return Period(day, day)


def ratings() -> tuple[int, int]:
    """(helpful, not helpful) in today's stored conversations, as the report reads them."""
    tally = reading.read(reading.read_only_engine(config.tracker_database_url()), today())
    return tally.feedback[True], tally.feedback[False]


def test_not_helpful_in_the_widget_is_counted_by_the_report(open_page, rasa_stack, tmp_path):
    helpful, unhelpful = ratings()
    chat = open_page(rasa_stack + "/")
    page = chat.page
    open_with_keyboard(page)
    wait_for_bot(page, 0)
    expect(page.locator(NOT_HELPFUL)).to_have_count(0)  # the greeting is no answer to rate
    answer = ask(page, "Vem finansierar SHiMR?")
    assert "ERUF" in " ".join(answer)
    bar = page.get_by_role("group", name="Hjälpte svaret?")
    expect(bar).to_be_visible()
    expect(bar.get_by_role("button", name="Svaret hjälpte", exact=True)).to_be_visible()
    button = bar.get_by_role("button", name="Svaret hjälpte inte")
    assert serious_violations(page) == []
    page.screenshot(path=str(web.SCREENSHOTS / "feedback-buttons-sv.png"))

    before = page.locator(BOT_MESSAGES).count()
    button.focus()
    page.keyboard.press("Enter")
    thanks = " ".join(wait_for_bot(page, before))
    assert "Tack för att du säger till" in thanks
    expect(page.locator(NOT_HELPFUL)).to_have_count(0)  # rated: the buttons are gone
    assert focused(page, INPUT)  # and the keyboard is back in the message field
    texts = " ".join(page.locator("#mala-chat .rw-client").all_inner_texts())
    assert "feedback" not in texts  # the payload is not shown as the visitor's message

    page.reload()  # the rating is remembered: no buttons under the same answer again
    expect(page.locator("#mala-chat .rw-messages-container")).to_contain_text("Vem finansierar SHiMR?")
    expect(page.locator(NOT_HELPFUL)).to_have_count(0)
    assert chat.log.errors == [] and chat.log.blocked == []

    assert ratings() == (helpful, unhelpful + 1)
    out = tmp_path / "report"
    day = str(today().since)
    assert cli.main(["report", "--since", day, "--until", day, "--out", str(out),
                     "--tracker", config.tracker_database_url(), "--database", config.database_url()]) == 0
    html = next(out.glob("*.html")).read_text(encoding="utf-8")
    assert "Vem finansierar SHiMR?" in html and "ERUF" in html


def test_the_documented_rest_payload_is_counted_and_thanked_in_english(running_assistant):
    helpful, unhelpful = ratings()
    sender = f"rest-feedback-{uuid.uuid4().hex[:8]}"
    answer, _ = rest_ask(running_assistant, sender, "Who funds SHiMR?", {"language": "en"})
    assert "ERUF" in answer
    thanks, _ = rest_ask(running_assistant, sender, "/feedback_helpful", {"language": "en"})
    assert thanks == "Thank you, glad the answer helped!"
    assert ratings() == (helpful + 1, unhelpful)
