"""A scripted stand-in for Rasa's socket.io channel, for widget tests.

It speaks the same events as Rasa 3.6 with credentials.yml's settings
(session_request/session_confirm, user_uttered/bot_uttered, rooms per
session_id) and says things the real bot never would: raw HTML, a
javascript: link, phone numbers and e-mail addresses in odd places. That
lets the tests check the widget's safety layer without the trained bot.

    python tests/web/fake_bot.py --port 5099

GET /received lists every user_uttered payload it got (for the tests).
"""

from __future__ import annotations

import argparse
import uuid

import socketio
from aiohttp import web

GREETING = {
    "sv": "Hej! Jag svarar på frågor om Malå kommuns pågående projekt.",
    "en": "Hello! I answer questions about Malå Municipality's ongoing projects.",
}
BUTTONS = {
    "sv": ["Vilka projekt finns?", "Rekrytering", "Företagsrådgivning"],
    "en": ["Which projects are there?", "Recruitment", "Business advice"],
}
PAYLOADS = [
    "/list_projects",
    '/need_staff',
    '/need_business_advice',
]
# Bot replies chosen by a keyword in the visitor's message.
SCRIPTED = {
    "/list_projects": "Fyra projekt: 1,76-projektet, Medskapande processer, SHiMR och Move Up North.",
    "kontakt": (
        "Kontakta Sandor Lindström, tfn 0953-140 84, e-post sandor.lindstrom@mala.se.\n\n"
        "Arbetsgivare: Wolfgang Mehl (wolfgang.mehl@mala.se, 0953-14039). Perioden 2023-2026."
    ),
    "html": 'Rå HTML: <img src=x onerror="window.__pwned=1"> <b>fet</b> <script>window.__pwned=2</script>',
    "länk": "Länkar: [farlig](javascript:window.__pwned=3) och [Tillväxtverket](https://www.tillvaxtverket.se).",
}
# An answer, marked as the real channel marks one (assistant/channels.py: WidgetOutput), so that
# the widget offers the feedback buttons under it; and the thanks for a rating.
ANSWER = ("svar", "SHiMR finansieras av ERUF.\n\nProjektet pågår inte längre.")
ANSWER_CLASS = "mala-answer"
THANKS = {"/feedback_helpful": "Tack, vad bra att svaret hjälpte!",
          "/feedback_not_helpful": "Tack för att du säger till."}


def create_app() -> web.Application:
    sio = socketio.AsyncServer(async_mode="aiohttp", cors_allowed_origins="*")
    app = web.Application()
    sio.attach(app)
    received: list[dict] = []

    async def say(session_id: str, text: str, buttons: list[tuple[str, str]] | None = None,
                  answer: bool = False) -> None:
        # Like rasa.core.channels.socketio.SocketIOOutput: one event per paragraph.
        parts = text.split("\n\n")
        for i, part in enumerate(parts):
            message: dict = {"text": part}
            if answer:
                message["metadata"] = {"customCss": {"style": "class", "css": ANSWER_CLASS}}
            if buttons and i == len(parts) - 1:
                message["quick_replies"] = [
                    {"content_type": "text", "title": t, "payload": p} for t, p in buttons
                ]
            await sio.emit("bot_uttered", message, room=session_id)

    @sio.on("session_request")
    async def session_request(sid, data):
        data = data or {}
        session_id = data.get("session_id") or uuid.uuid4().hex
        sio.enter_room(sid, session_id)  # not a coroutine in the pinned python-socketio 5.9
        await sio.emit("session_confirm", session_id, room=sid)

    @sio.on("user_uttered")
    async def user_uttered(sid, data):
        received.append(data)
        session_id = data.get("session_id") or sid
        language = (data.get("customData") or {}).get("language", "sv")
        message = data.get("message", "")
        if message == "/greet":
            await say(session_id, GREETING.get(language, GREETING["sv"]), list(zip(BUTTONS[language], PAYLOADS, strict=True)))
            return
        if message in THANKS:
            await say(session_id, THANKS[message])
            return
        if ANSWER[0] in message:
            await say(session_id, ANSWER[1], answer=True)
            return
        for key, reply in SCRIPTED.items():
            if key in message:
                await say(session_id, reply)
                return
        # Echo: the visitor's own text comes back inside a bot message.
        await say(session_id, f"Du skrev: {message}")

    async def list_received(_request: web.Request) -> web.Response:
        return web.json_response(received)

    app.router.add_get("/received", list_received)
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description="Scripted Rasa socket.io stand-in")
    parser.add_argument("--port", type=int, default=5099)
    args = parser.parse_args()
    # A short shutdown: open socket.io connections need not be waited for.
    web.run_app(create_app(), host="127.0.0.1", port=args.port, print=None, shutdown_timeout=1)


if __name__ == "__main__":
    main()
