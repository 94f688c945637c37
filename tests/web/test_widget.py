"""The widget on the page, against a scripted socket.io bot (tests/web/fake_bot.py).

Accessibility (keyboard, names, focus, live region, zoom, phone width, axe)
and safety (text never becomes HTML, links only to safe targets).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.web.chat import (
    INPUT,
    LAUNCHER,
    LIVE_REGION,
    ask,
    focused,
    has_visible_focus,
    open_with_keyboard,
    tab_to,
    wait_for_bot,
)
from tests.web.conftest import DESKTOP, PHONE

LABELS = {
    "sv": {"open": "Öppna chatten", "close": "Stäng chatten", "input": "Ditt meddelande", "send": "Skicka",
           "title": "Fråga om våra projekt", "placeholder": "Skriv din fråga här …",
           "greeting": "Hej! Jag svarar"},
    "en": {"open": "Open the chat", "close": "Close the chat", "input": "Your message", "send": "Send",
           "title": "Ask about our projects", "placeholder": "Type your question here …",
           "greeting": "Hello! I answer"},
}
PATHS = {"sv": "/", "en": "/en/"}


def open_chat(open_page, site, fake_bot, lang="sv", viewport=DESKTOP, scale=1):
    chat = open_page(site + PATHS[lang], viewport=viewport, bot_url=fake_bot.url, scale=scale)
    open_with_keyboard(chat.page)
    wait_for_bot(chat.page, 0)  # the greeting
    return chat


def serious_violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_keyboard_opens_the_widget_with_names_in_the_page_language(open_page, site, fake_bot, lang):
    text = LABELS[lang]
    page = open_page(site + PATHS[lang], bot_url=fake_bot.url).page
    launcher = page.locator(LAUNCHER)
    tab_to(page, LAUNCHER)
    assert has_visible_focus(page)
    assert launcher.get_attribute("aria-label").startswith(text["open"])
    expect(launcher).to_have_attribute("aria-expanded", "false")

    page.keyboard.press("Enter")
    field = page.locator(INPUT)
    expect(field).to_be_enabled()
    expect(field).to_be_focused()
    assert has_visible_focus(page)
    expect(field).to_have_accessible_name(text["input"])
    expect(field).to_have_attribute("placeholder", text["placeholder"])
    expect(page.locator("#mala-chat .rw-send")).to_have_accessible_name(text["send"])
    expect(page.get_by_role("dialog", name=text["title"])).to_be_visible()
    expect(launcher).to_have_accessible_name(text["close"])
    expect(launcher).to_have_attribute("aria-expanded", "true")

    # Escape closes the chat and gives focus back to the launcher.
    page.keyboard.press("Escape")
    expect(page.locator("#mala-chat .rw-conversation-container")).to_have_count(0)
    expect(launcher).to_be_focused()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_page_language_reaches_the_bot_and_the_greeting_is_announced(open_page, site, fake_bot, lang):
    chat = open_chat(open_page, site, fake_bot, lang)
    page = chat.page
    # Everything came from this machine (no CDN, no web font), and no script failed.
    assert chat.log.blocked == []
    assert chat.log.errors == []
    greet = [m for m in fake_bot.received() if m["message"] == "/greet"][-1]
    assert greet["customData"] == {"language": lang}
    assert greet["session_id"]
    expect(page.locator(LIVE_REGION)).to_contain_text(LABELS[lang]["greeting"])


def test_quick_replies_work_with_the_keyboard(open_page, site, fake_bot):
    page = open_chat(open_page, site, fake_bot).page
    replies = page.locator("#mala-chat .rw-reply")
    expect(replies).to_have_text(["Vilka projekt finns?", "Rekrytering", "Företagsrådgivning"])
    expect(replies.first).to_have_role("button")
    before = page.locator("#mala-chat .rw-response .rw-message-text").count()
    tab_to(page, "#mala-chat .rw-reply")
    assert has_visible_focus(page)
    page.keyboard.press("Enter")
    reply = wait_for_bot(page, before)
    assert reply == ["Fyra projekt: 1,76-projektet, Medskapande processer, SHiMR och Move Up North."]
    assert fake_bot.received()[-1]["message"] == "/list_projects"
    expect(page.locator(LIVE_REGION)).to_contain_text("Fyra projekt")


def test_phone_numbers_and_addresses_become_links(open_page, site, fake_bot):
    page = open_chat(open_page, site, fake_bot).page
    ask(page, "kontakt")
    links = page.locator("#mala-chat .rw-response a")
    expect(links).to_have_count(4)
    hrefs = [(a.inner_text(), a.get_attribute("href")) for a in links.all()]
    assert hrefs == [
        ("0953-140 84", "tel:+4695314084"),
        ("sandor.lindstrom@mala.se", "mailto:sandor.lindstrom@mala.se"),
        ("wolfgang.mehl@mala.se", "mailto:wolfgang.mehl@mala.se"),
        ("0953-14039", "tel:+4695314039"),
    ]
    # Years and periods stay text.
    expect(page.locator("#mala-chat .rw-response").last).to_contain_text("Perioden 2023-2026.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ring 0953-140 84 eller 0953-14039.", ["0953-140 84", "0953-14039"]),
        ("Tfn +46 953 140 84, mobil 070-123 45 67.", ["+46 953 140 84", "070-123 45 67"]),
        ("Period 2023-2026, budget 624 602 kr, org.nr 212000-2551.", []),
        ("Telefon 0953-14039 2023", ["0953-14039"]),
        ("Skriv till a.b@mala.se.", ["a.b@mala.se"]),
    ],
)
def test_contact_finder(open_page, site, text, expected):
    page = open_page(site + "/").page
    page.wait_for_function("window.MalaChatA11y")
    found = page.evaluate("t => MalaChatA11y.findContacts(t).map(m => m.text)", text)
    assert found == expected


def test_html_from_the_bot_and_the_visitor_is_shown_as_text(open_page, site, fake_bot):
    chat = open_chat(open_page, site, fake_bot)
    page = chat.page
    ask(page, "<img src=x onerror=alert(1)>")
    ask(page, "html")
    ask(page, "länk")
    messages = page.locator("#mala-chat .rw-messages-container")
    expect(messages).to_contain_text("<img src=x onerror=alert(1)>")  # the visitor's own, as text
    expect(messages).to_contain_text("Du skrev: <img src=x onerror=alert(1)>")  # echoed by the bot
    expect(messages).to_contain_text('<script>window.__pwned=2</script>')
    assert messages.locator("img, script, b").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert chat.log.dialogs == []
    # A javascript: link in bot markdown loses its target; web links keep theirs.
    dangerous = messages.get_by_text("farlig", exact=True)
    assert dangerous.get_attribute("href") is None
    dangerous.click()
    assert page.evaluate("window.__pwned") is None
    assert messages.get_by_text("Tillväxtverket").get_attribute("href") == "https://www.tillvaxtverket.se"


def test_conversation_survives_a_reload(open_page, site, fake_bot):
    page = open_chat(open_page, site, fake_bot).page
    ask(page, "kontakt")
    page.reload()
    expect(page.locator("#mala-chat .rw-messages-container")).to_contain_text("Wolfgang Mehl")
    expect(page.locator(INPUT)).to_be_enabled()
    # History is not announced again as if it were new.
    expect(page.locator(LIVE_REGION)).to_have_text("")


def test_socketio_requests_carry_one_visitor_id_across_reloads(open_page, site, fake_bot):
    """nginx keeps a visitor on one Rasa server by this id (assistant serve --replicas)."""
    chat = open_chat(open_page, site, fake_bot)
    seen: list[str] = []
    chat.page.on("request", lambda request: seen.append(request.url) if "/socket.io/" in request.url else None)
    ask(chat.page, "kontakt")
    chat.page.reload()
    expect(chat.page.locator("#mala-chat .rw-messages-container")).to_contain_text("Wolfgang Mehl")
    ids = {parse_qs(urlsplit(url).query).get("visitor", [""])[0] for url in seen}
    assert len(seen) >= 2 and len(ids) == 1 and re.fullmatch(r"[0-9a-f]{32}", ids.pop())


@pytest.mark.parametrize(
    ("name", "viewport", "scale"),
    [("phone-360", PHONE, 1), ("zoom-200", {"width": 640, "height": 400}, 2)],
)
def test_small_screens_and_zoom(open_page, site, fake_bot, name, viewport, scale):
    """360 px phones, and a 1280x800 window at 200 % zoom (= 640x400 CSS pixels)."""
    page = open_chat(open_page, site, fake_bot, viewport=viewport, scale=scale).page
    reply = ask(page, "kontakt")
    assert reply
    width = page.evaluate("document.documentElement.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "horizontal scrolling"
    for selector in ["#mala-chat .rw-conversation-container", INPUT, "#mala-chat .rw-send"]:
        box = page.locator(selector).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5, selector
        assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"] + 0.5, selector
    # The open chat covers the page, so Tab stays inside it (in both directions).
    for key in ["Tab"] * 8 + ["Shift+Tab"] * 8:
        page.keyboard.press(key)
        assert focused(page, "#mala-chat .rw-conversation-container *"), key
        assert has_visible_focus(page), key
    # Escape closes (the launcher is hidden while open on small screens).
    page.keyboard.press("Escape")
    expect(page.locator("#mala-chat .rw-conversation-container")).to_have_count(0)
    expect(page.locator(LAUNCHER)).to_be_focused()
    assert focused(page, LAUNCHER)


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_finds_no_serious_violations_with_the_widget_open(open_page, site, fake_bot, lang, viewport):
    page = open_chat(open_page, site, fake_bot, lang, viewport=viewport).page
    expect(page.locator("#mala-chat .rw-reply")).to_have_count(3)
    assert serious_violations(page) == []


FEEDBACK = {
    "sv": {"group": "Hjälpte svaret?", "helpful": "Svaret hjälpte", "not": "Svaret hjälpte inte",
           "shown": ["Hjälpte", "Hjälpte inte"]},
    "en": {"group": "Did the answer help?", "helpful": "The answer was helpful", "not": "The answer was not helpful",
           "shown": ["Helpful", "Not helpful"]},
}
FEEDBACK_BUTTONS = "#mala-chat .mala-feedback-button"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_feedback_buttons_under_an_answer_send_the_payload_once(open_page, site, fake_bot, lang):
    chat = open_chat(open_page, site, fake_bot, lang)
    page = chat.page
    names = FEEDBACK[lang]
    expect(page.locator(FEEDBACK_BUTTONS)).to_have_count(0)  # the greeting is no answer
    ask(page, "ett svar tack")
    bar = page.get_by_role("group", name=names["group"])
    expect(bar.get_by_role("button")).to_have_text(names["shown"])
    expect(bar.get_by_role("button", name=names["helpful"], exact=True)).to_be_visible()
    # under the answer's last message, inside the chat's message list
    last = page.locator("#mala-chat .rw-response.mala-answer").last
    assert page.evaluate("([b, m]) => m.closest('.rw-message').contains(b)",
                         [bar.element_handle(), last.element_handle()])
    assert serious_violations(page) == []
    button = bar.get_by_role("button", name=names["not"])
    button.focus()
    assert has_visible_focus(page)
    before = page.locator("#mala-chat .rw-response .rw-message-text").count()
    page.keyboard.press(" ")
    wait_for_bot(page, before)
    sent = fake_bot.received()[-1]
    assert (sent["message"], sent["customData"]) == ("/feedback_not_helpful", {"language": lang})
    expect(page.locator(FEEDBACK_BUTTONS)).to_have_count(0)
    expect(page.locator("#mala-chat .rw-client")).to_have_count(1)  # the payload is not shown
    ask(page, "något annat")  # an echo, no answer: no buttons
    expect(page.locator(FEEDBACK_BUTTONS)).to_have_count(0)
    ask(page, "ett svar till")  # a new answer: new buttons
    expect(page.locator(FEEDBACK_BUTTONS)).to_have_count(2)
    assert chat.log.errors == []
