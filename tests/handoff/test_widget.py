"""A visitor leaves a contact request in the chat widget on the page, with the real assistant:
the privacy page is linked from the consent question, yes/no and send are buttons, the request
is stored and the mail worker delivers its mail, once, to the test session's local SMTP server."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from assistant import config
from assistant.handoff.store import ContactRequests
from assistant.kb.store import make_engine
from tests.web import conftest as web
from tests.web.chat import BOT_MESSAGES, ask, open_with_keyboard, wait_for_bot
from tests.web.test_widget import serious_violations

# The browser tests' fixtures (tests/web/conftest.py), for this folder too.
open_page, rasa_stack, site = web.open_page, web.rasa_stack, web.site


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """tests/web's browser, for this module only: sync Playwright runs an event loop while it
    lives, and tests/web (and tests/server's socket.io probes) need theirs after this module."""
    yield from web.browser.__wrapped__()

REPLIES = "#mala-chat .rw-reply"


def click(page, title: str) -> list[str]:
    """Click the last reply's button `title`; return the bot's answer."""
    before = page.locator(BOT_MESSAGES).count()
    page.locator(REPLIES, has_text=title).last.click()
    return wait_for_bot(page, before)


def test_a_request_left_in_the_widget_is_stored_and_its_mail_delivered(open_page, rasa_stack, services):
    chat = open_page(rasa_stack + "/")
    page = chat.page
    open_with_keyboard(page)
    wait_for_bot(page, 0)
    assert "Vad heter du?" in " ".join(ask(page, "Kan Aleksandra ringa upp mig?"))
    ask(page, "Widget Testsson")
    ask(page, "Testbolaget AB")
    ask(page, "widget.test@example.se")
    consent = " ".join(ask(page, "Vi vill veta mer om workshops"))
    assert "Godkänner du detta?" in consent
    link = page.locator(f"{BOT_MESSAGES} a", has_text="Integritet och personuppgifter").last
    expect(link).to_have_attribute("href", re.compile(r"/privacy\.html$"))
    expect(page.locator(REPLIES, has_text="Ja")).to_be_visible()
    assert "Vill du skicka det?" in " ".join(click(page, "Ja"))
    sent = " ".join(click(page, "Skicka"))
    reference = re.search(r"MK-\d{4}-\d{4}", sent).group()
    row = ContactRequests(make_engine(config.database_url())).get(reference)
    assert (row["name"], row["email"], row["recipient_id"]) == (
        "Widget Testsson", "widget.test@example.se", "aleksandra-simanovskaya")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not [m for m in services.smtp.inbox.mails if reference in str(m)]:
        time.sleep(0.5)
    mails = [m for m in services.smtp.inbox.mails if reference in str(m)]
    assert len(mails) == 1 and "aleksandra.simanovskaya@mala.se" in str(mails[0]["To"]), mails
    assert chat.log.errors == [] and chat.log.dialogs == []


def test_the_privacy_pages_are_served_in_both_languages(open_page, site):
    for path, heading, other in [("/privacy.html", "Integritet och personuppgifter", "In English"),
                                 ("/en/privacy.html", "Privacy and personal data", "På svenska")]:
        page = open_page(site + path).page
        expect(page.locator("h1")).to_contain_text(heading)
        expect(page.locator("main")).to_contain_text("180")
        expect(page.get_by_role("link", name=other)).to_be_visible()
        assert serious_violations(page) == []
