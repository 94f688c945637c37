"""Rasa's REST and socket.io channels with limits, named in credentials.yml.

Rasa's NLU needs memory that grows with the square of a message's length, so the
text is cut to MAX_MESSAGE_CHARS here, before it reaches the NLU, and the message's
metadata says it was cut (`config.MESSAGE_CUT`): the dialogue then answers "your message is too
long" whatever intent the NLU picked. Malformed requests get a short 4xx reason;
only the configured origins (CORS_ORIGINS) may talk to either channel, and
nothing the visitor wrote is logged. To the widget, the messages of an answer are marked
(`WidgetOutput`) so that it can offer the feedback buttons under them.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from assistant import config, private_logging, rasa_speed
from assistant.dialogue import phrases
from assistant.dialogue.replies import ANSWERED, TURN
from assistant.language import DEFAULT, page_language

log = logging.getLogger(__name__)
MAX_SENDER_CHARS = 200
# Rasa's own commands, which end a turn without any reply: not for visitors to send.
_RESERVED = re.compile(r"\s*/(restart|session_start|back)\b")

OnMessage = Callable[[UserMessage], Awaitable[Any]]


class BadRequest(ValueError):
    """A request the channel refuses; the message is the short reason sent back."""

    def __init__(self, reason: str, status: int = 400) -> None:
        super().__init__(reason)
        self.status = status


def _valid_text(text: str) -> str:
    """Lone surrogates (invalid in UTF-8) become U+FFFD, so nothing downstream chokes on them."""
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def cap(text: str, metadata: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The text the NLU may see, and the metadata marked with whether it was cut."""
    if _RESERVED.match(text):
        raise BadRequest("that command is reserved")
    limit = config.max_message_chars()
    return _valid_text(text[:limit]), {**metadata, config.MESSAGE_CUT: len(text) > limit}


def _metadata(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise BadRequest("metadata must be a JSON object")
    return value


def _sender(value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_SENDER_CHARS:
        raise BadRequest(f"sender must be a non-empty string of at most {MAX_SENDER_CHARS} characters")
    return _valid_text(value)


def _allowed_origin(request: Request) -> None:
    origin = request.headers.get("origin")
    if origin and origin not in config.cors_origins():
        raise BadRequest("origin not allowed", 403)


def parse_rest(request: Request) -> tuple[str, str, dict[str, Any]]:
    """Sender, capped text and metadata of a REST request; raises BadRequest."""
    _allowed_origin(request)
    if (request.content_type or "").split(";")[0].strip().lower() != "application/json":
        raise BadRequest("send the body as application/json", 415)
    try:
        body = json.loads(request.body or b"")
    except (ValueError, RecursionError):
        raise BadRequest("the body is not valid JSON (or nested too deeply)") from None
    if not isinstance(body, dict):
        raise BadRequest("the body must be a JSON object")
    message = body.get("message")
    if not isinstance(message, str):
        raise BadRequest("message must be a string")
    text, metadata = cap(message, _metadata(body.get("metadata")))
    return _sender(body.get("sender")), text, metadata


def always_answered(on_new_message: OnMessage, channel: str) -> OnMessage:
    """Rasa's message handler, but every message gets a reply: when handling fails (a lock or
    database error), or ends with no reply at all (the action server is down: Rasa logs it and
    goes on without one), the visitor gets the polite error message in the page's language."""

    async def handle(message: UserMessage) -> None:
        output = message.output_channel
        send = output.send_response
        replies = 0

        async def counted(recipient_id: str, reply: dict[str, Any]) -> None:
            nonlocal replies
            replies += 1
            await send(recipient_id, reply)

        output.send_response = counted  # type: ignore[method-assign]
        try:
            await on_new_message(message)
        except Exception as error:
            private_logging.failure(log, f"{channel} message not handled", error)
        if not replies:
            language = page_language((message.metadata or {}).get("language")) or DEFAULT
            await send(message.sender_id, {"text": phrases.ERROR(language)})

    return handle


class LimitedRestInput(RestInput):
    """POST /webhooks/rest/webhook {"sender": "…", "message": "…", "metadata": {…}}."""

    def blueprint(self, on_new_message: OnMessage) -> Blueprint:
        private_logging.install()  # Rasa has configured its logging by the time channels are made
        rasa_speed.install()
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        answered = always_answered(on_new_message, "REST")

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                sender, text, metadata = parse_rest(request)
            except BadRequest as refused:
                return response.json({"error": str(refused)}, status=refused.status)
            collector = CollectingOutputChannel()
            await answered(UserMessage(text, collector, sender, input_channel=self.name(), metadata=metadata))
            return response.json(collector.messages)

        return webhook


# The class rasa-webchat gives a bot message whose metadata names one (`customCss`): an answer,
# under whose last message the widget's layer puts the feedback buttons (web/static/widget-a11y.js).
ANSWER_CLASS = "mala-answer"


class WidgetOutput(SocketIOOutput):
    """Rasa's socket.io output; a message of an answer (its `turn` marker says answered) carries
    the metadata that makes rasa-webchat give it ANSWER_CLASS. Rasa's own output drops every
    message's metadata."""

    answer = False

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        turn = message.pop(TURN, None)
        self.answer = isinstance(turn, dict) and turn.get("outcome") == ANSWERED
        await super().send_response(recipient_id, message)

    async def _send_message(self, socket_id: str, response: Any) -> None:
        plain_text = isinstance(response, dict) and "text" in response and not response.get("quick_replies")
        if self.answer and plain_text:
            response = {**response, "metadata": {"customCss": {"style": "class", "css": ANSWER_CLASS}}}
        await super()._send_message(socket_id, response)


def answers_marked(on_new_message: OnMessage) -> OnMessage:
    """Rasa's handler, with the widget's output (WidgetOutput) in place of Rasa's socket.io output."""

    async def handle(message: UserMessage) -> None:
        output = message.output_channel
        if type(output) is SocketIOOutput:
            message.output_channel = WidgetOutput(output.sio, output.bot_message_evt)
        await on_new_message(message)

    return handle


class LimitedSocketIOInput(SocketIOInput):
    """The widget's channel: Rasa's socket.io channel behind an origin check and the cap."""

    def blueprint(self, on_new_message: OnMessage) -> Blueprint:
        private_logging.install()
        webhook = super().blueprint(answers_marked(always_answered(on_new_message, "socket.io")))
        sio = self.sio
        assert sio is not None  # made by super().blueprint
        sio.eio.cors_allowed_origins = config.cors_origins()  # refuses other origins
        # ...but sends no CORS headers of its own: Rasa's --cors already does, and a browser
        # refuses a response that carries them twice.
        sio.eio._cors_headers = lambda environ: []
        sio.eio.max_http_buffer_size = config.max_request_bytes()
        namespace = self.namespace or "/"
        rasa_handler = sio.handlers[namespace][self.user_message_evt]

        async def handle_message(sid: str, data: Any) -> None:
            try:
                await rasa_handler(sid, self._checked(data))
            except BadRequest as refused:
                log.warning("socket.io message refused: %s", refused)
            except Exception as error:
                private_logging.failure(log, "socket.io message not handled", error)

        sio.on(self.user_message_evt, handle_message, namespace=namespace)
        return webhook

    def _checked(self, data: Any) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise BadRequest("the message must be an object")
        message, metadata = data.get("message", ""), data.get(self.metadata_key)
        if not isinstance(message, str):
            raise BadRequest("message must be a string")
        if isinstance(metadata, str):  # the widget may send customData as a JSON string
            try:
                metadata = json.loads(metadata)
            except ValueError:
                raise BadRequest("metadata is not valid JSON") from None
        session = data.get("session_id")
        if self.session_persistence and session is not None:
            session = _sender(session)
        text, metadata = cap(message, _metadata(metadata))
        return {**data, "message": text, self.metadata_key: metadata, "session_id": session}
