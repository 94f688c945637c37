"""What a visitor does with the chat widget, as test helpers."""

from __future__ import annotations

import time

from playwright.sync_api import Page, expect

BOT_MESSAGES = "#mala-chat .rw-response .rw-message-text"
LAUNCHER = "#mala-chat .rw-launcher"
INPUT = "#mala-chat .rw-new-message"
LIVE_REGION = "#mala-chat [aria-live]"


def focused(page: Page, selector: str) -> bool:
    return page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector)


def tab_to(page: Page, selector: str, max_tabs: int = 60) -> None:
    """Press Tab until the element matching selector has focus, as a keyboard user would."""
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        if focused(page, selector):
            return
    raise AssertionError(f"{selector} not reached with {max_tabs} presses of Tab")


def open_with_keyboard(page: Page) -> None:
    """Tab to the launcher, press Enter, and wait until the message field can be typed in."""
    tab_to(page, LAUNCHER)
    page.keyboard.press("Enter")
    expect(page.locator("#mala-chat .rw-conversation-container")).to_be_visible()
    expect(page.locator(INPUT)).to_be_enabled(timeout=30_000)  # connected to the bot


def bot_texts(page: Page) -> list[str]:
    return [t.strip() for t in page.locator(BOT_MESSAGES).all_inner_texts()]


def wait_for_bot(page: Page, before: int, timeout: float = 60, settle: float = 2.0) -> list[str]:
    """Wait for bot messages after the first `before` ones; return them once no more arrive.

    A reply can come as several messages (Rasa splits on blank lines), each
    shown after a typing delay, so wait until the count stays put for `settle` s.
    """
    messages = page.locator(BOT_MESSAGES)
    expect(messages).not_to_have_count(before, timeout=timeout * 1000)
    last, since = messages.count(), time.monotonic()
    while time.monotonic() - since < settle:
        page.wait_for_timeout(250)
        typing = page.locator("#mala-chat .rw-typing-indication").count() > 0
        count = messages.count()
        if count != last or typing:
            last, since = count, time.monotonic()
    return bot_texts(page)[before:]


def ask(page: Page, text: str, timeout: float = 60) -> list[str]:
    """Type a question into the widget, send it with Enter, return the bot's reply messages."""
    before = page.locator(BOT_MESSAGES).count()
    field = page.locator(INPUT)
    field.focus()
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    return wait_for_bot(page, before, timeout)


def has_visible_focus(page: Page) -> bool:
    """The focused element has an outline of 2 px or more, or (the message field) its bar an inset ring."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el) return false;
            const s = getComputedStyle(el);
            if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) return true;
            const bar = el.closest('.rw-sender');
            return !!bar && getComputedStyle(bar).boxShadow.includes('inset');
        }"""
    )
