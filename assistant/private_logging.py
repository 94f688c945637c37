"""Logs that never hold what a visitor wrote.

A failure is logged as what happened, an id to find it by, the exception's type and
where it was raised (file, line, function): never the exception's message, never
stack-frame variables, since either can hold a visitor's text or personal data.
`install` applies the same to a whole process: the standard logging handlers and
structlog, which Rasa configures to print every frame's local variables.
"""

from __future__ import annotations

import logging
import sys
import traceback
import uuid
import warnings
from collections.abc import MutableMapping
from typing import Any

# structlog keys under which Rasa logs message text, slots, entities or events.
_PRIVATE_KEYS = frozenset({
    "text", "response_text", "user_text", "slot_values", "parse_data_text", "parse_data_entities",
    "prediction_events", "tracker_latest_message", "prefilled_slots", "message", "response",
    "slot_candidates", "rasa_event", "rasa_events", "tracker_states", "current_states", "old_states",
    "successes", "current_entity", "next_entity", "states", "entity", "token_text", "user_message",
    "json_message", "metadata", "entities", "request_body",
})

def where(error: BaseException) -> str:
    """The exception's type and its frames as file:line in function, innermost last; no values."""
    frames = traceback.extract_tb(error.__traceback__)
    places = " < ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} in {f.name}" for f in reversed(frames))
    return f"{type(error).__name__} at {places}" if places else type(error).__name__


def failure(log: logging.Logger, what: str, error: BaseException) -> str:
    """Log that `what` failed with `error`, privately; return the id the line carries."""
    incident = uuid.uuid4().hex[:12]
    log.error("%s (incident %s): %s", what, incident, where(error))
    return incident


class PrivateFormatter(logging.Formatter):
    """Formats records as usual, but exceptions as type and places only."""

    def formatException(self, ei: Any) -> str:
        return where(ei[1]) if ei and ei[1] is not None else ""

    def formatStack(self, stack_info: str) -> str:
        return ""


def _structlog_private(_: Any, __: str, event: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    for key in _PRIVATE_KEYS & event.keys():
        event[key] = "[withheld]"
    error = event.pop("exc_info", None)
    if error is True:
        error = sys.exc_info()[1]
    if isinstance(error, tuple):
        error = error[1]
    if isinstance(error, BaseException):
        event["exception"] = where(error)
    event.pop("stack", None)
    event.pop("stack_info", None)
    return event


def _show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                  file: Any = None, line: str | None = None) -> None:
    # Rasa's warnings can quote the message ("Failed to parse arguments in line '/greet…'").
    print(f"{category.__name__} at {filename}:{lineno} (text withheld)", file=file or sys.stderr)


def install(level: int | None = None) -> None:
    """Make this process's logs private: every root handler's formatter, warnings, and
    structlog's processors (changed in place, so loggers Rasa has already created follow)."""
    warnings.showwarning = _show_warning
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if level is not None:
        root.setLevel(level)
    for handler in root.handlers:
        fmt = handler.formatter._fmt if handler.formatter else None
        handler.setFormatter(PrivateFormatter(fmt))
    try:
        import structlog
    except ImportError:  # the action server alone does not need structlog
        return
    processors = structlog.get_config()["processors"]
    if _structlog_private not in processors:
        # Before anything renders tracebacks (Rasa's dict_tracebacks, its console renderer).
        renders = [i for i, p in enumerate(processors) if "render" in type(p).__name__.lower()]
        processors.insert(renders[0] if renders else len(processors), _structlog_private)
