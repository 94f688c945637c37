"""The action server: rasa-sdk's app with our actions, hardened.

    python -m assistant.action_server --host 127.0.0.1 --port 5055

Unlike `rasa run actions` it binds only `--host` (rasa-sdk binds SANIC_HOST, by default
every interface), reads at most ACTION_MAX_BYTES of body, also after inflating a
deflate-compressed body (Rasa may compress what it sends), refuses a body that is not
a JSON object with a short reason, and never echoes a request or logs its content.
Only the Rasa server calls it: no browser origin is allowed (no CORS headers).
"""

from __future__ import annotations

import argparse
import json
import logging
import zlib

from rasa_sdk.endpoint import create_app
from sanic import Sanic, response
from sanic.exceptions import SanicException
from sanic.request import Request
from sanic.response import HTTPResponse

from assistant import config, private_logging

log = logging.getLogger(__name__)


def inflated(body: bytes, limit: int) -> bytes | None:
    """The deflate-compressed `body` inflated, or None if it would exceed `limit` bytes."""
    inflater = zlib.decompressobj()
    data = inflater.decompress(body, limit + 1)
    return None if len(data) > limit or inflater.unconsumed_tail else data


def _refuse(reason: str, status: int) -> HTTPResponse:
    return response.json({"error": reason}, status=status)


def make_app(actions: str = "actions", max_bytes: int | None = None) -> Sanic:
    limit = max_bytes or config.action_max_bytes()
    app = create_app(actions, cors_origins=None)
    app.config.REQUEST_MAX_SIZE = limit

    @app.on_request
    async def check_body(request: Request) -> HTTPResponse | None:
        if request.method != "POST":
            return None
        announced = request.headers.get("content-length", "0")
        if not announced.isdigit() or int(announced) > limit:
            return _refuse(f"the body exceeds {limit} bytes", 413)
        body = request.body
        if request.headers.get("content-encoding") == "deflate":
            try:
                body = inflated(body, limit)
            except zlib.error:
                return _refuse("the body is not valid deflate data", 400)
            if body is None:
                return _refuse(f"the inflated body exceeds {limit} bytes", 413)
        try:
            call = json.loads(body)
        except ValueError:
            return _refuse("the body is not valid JSON", 400)
        if not isinstance(call, dict) or not isinstance(call.get("tracker"), dict):
            return _refuse("the body must be a JSON object with a tracker object", 400)
        return None

    @app.exception(Exception)
    async def failed(request: Request, error: Exception) -> HTTPResponse:
        if isinstance(error, SanicException):
            return _refuse(str(error), error.status_code)
        incident = private_logging.failure(log, "action call failed", error)
        return _refuse(f"the action failed (incident {incident})", 500)

    return app


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5055)
    parser.add_argument("--actions", default="actions", help="the package with the actions")
    args = parser.parse_args(argv)
    private_logging.install(logging.INFO)
    app = make_app(args.actions)
    log.info("action server on http://%s:%d", args.host, args.port)
    app.run(args.host, args.port, workers=1, access_log=False, motd=False)


if __name__ == "__main__":
    main()
