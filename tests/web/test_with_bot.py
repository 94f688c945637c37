"""The page with the real assistant (Rasa + action server), as a visitor uses it.

The `rasa_stack` fixture starts `python -m assistant.serve --web` unless
something already listens on 5005. These tests also write the screenshots
of the open widget to test-artifacts/screenshots/.
"""

from __future__ import annotations

import json
import re

import pytest
from langdetect import DetectorFactory, detect_langs
from playwright.sync_api import expect

from tests.web.chat import BOT_MESSAGES, INPUT, LIVE_REGION, ask, open_with_keyboard, wait_for_bot
from tests.web.conftest import DESKTOP, PHONE, SCREENSHOTS
from tests.web.test_widget import serious_violations

DetectorFactory.seed = 0  # langdetect is random otherwise



def start(open_page, rasa_stack, path="/", viewport=DESKTOP):
    chat = open_page(rasa_stack + path, viewport=viewport)
    open_with_keyboard(chat.page)
    greeting = wait_for_bot(chat.page, 0)
    assert greeting, "no greeting"
    return chat


def payloads(page) -> list[str]:
    """The greeting's quick-reply payloads, from the conversation rasa-webchat stores."""
    stored = json.loads(page.evaluate("localStorage.getItem('chat_session')"))
    replies = next(m for m in stored["conversation"] if m.get("quick_replies"))["quick_replies"]
    return [reply["payload"] for reply in replies]


def language_of(texts: list[str]) -> str:
    # Names, numbers and addresses say nothing about the language.
    text = re.sub(r"[\w.+-]+@[\w.-]+|\d[\d\s-]*", " ", " ".join(texts))
    return detect_langs(text)[0].lang


def test_swedish_recruitment_question_names_the_contact_and_survives_reload(open_page, rasa_stack):
    chat = start(open_page, rasa_stack)
    page = chat.page
    reply = " ".join(ask(page, "Vem kontaktar jag om rekrytering?"))
    assert "Wolfgang Mehl" in reply
    assert "0953-14039" in reply
    assert language_of([reply]) == "sv"
    phone = page.locator(f"{BOT_MESSAGES} a", has_text="0953-14039").last
    expect(phone).to_have_attribute("href", "tel:+4695314039")
    expect(page.locator(LIVE_REGION)).to_contain_text("Wolfgang Mehl")

    page.reload()
    messages = page.locator("#mala-chat .rw-messages-container")
    expect(messages).to_contain_text("Vem kontaktar jag om rekrytering?")
    expect(messages).to_contain_text("Wolfgang Mehl")
    expect(page.locator(INPUT)).to_be_enabled()


def test_english_page_gets_english_answers(open_page, rasa_stack):
    page = start(open_page, rasa_stack, "/en/").page
    greeting = page.locator(BOT_MESSAGES).all_inner_texts()
    assert language_of(greeting) == "en", greeting
    reply = ask(page, "What does SHiMR offer?")
    assert language_of(reply) == "en", reply
    assert re.search(r"SHiMR|consult|advice|workshop", " ".join(reply), re.I), reply


@pytest.mark.parametrize(("path", "lang"), [("/", "sv"), ("/en/", "en")])
def test_greeting_quick_replies_answer(open_page, rasa_stack, path, lang):
    page = start(open_page, rasa_stack, path).page
    replies = page.locator("#mala-chat .rw-reply")
    expect(replies).to_have_count(3)
    assert payloads(page) == ["/list_projects", "/need_staff", "/need_business_advice"]
    before = page.locator(BOT_MESSAGES).count()
    replies.first.click()  # "/list_projects"
    answer = " ".join(wait_for_bot(page, before))
    for project in ["SHiMR", "Move Up North"]:
        assert project in answer, answer
    assert language_of([answer]) == lang, answer


def test_visitor_html_is_text_with_the_real_bot(open_page, rasa_stack):
    chat = start(open_page, rasa_stack)
    page = chat.page
    ask(page, "<img src=x onerror=alert(1)>")
    messages = page.locator("#mala-chat .rw-messages-container")
    expect(messages.locator(".rw-client").last).to_have_text("<img src=x onerror=alert(1)>")
    assert messages.locator("img").count() == 0
    assert chat.log.dialogs == []
    assert chat.log.errors == []


@pytest.mark.parametrize(("path", "lang"), [("/", "sv"), ("/en/", "en")])
@pytest.mark.parametrize(("size", "viewport"), [("desktop", DESKTOP), ("360", PHONE)])
def test_open_widget_screenshot_and_axe(open_page, rasa_stack, path, lang, size, viewport):
    page = start(open_page, rasa_stack, path, viewport).page
    expect(page.locator("#mala-chat .rw-reply")).to_have_count(3)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"widget-{lang}-{size}.png"))
    assert serious_violations(page) == []
