"""The assistant the end-to-end benchmarks talk to: servers already running, or started for the run."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rasa_cli import ROOT  # benchmarks/ is on the path when a script here runs

sys.path.insert(0, str(ROOT))
from assistant import config, serve
from assistant.kb import store
from assistant.kb.content import Knowledge
from tests.e2e.rest import ask


@contextmanager
def running_assistant(url: str | None, knowledge: Knowledge) -> Iterator[str]:
    """Rasa's URL, warmed up with one message: `url` where servers already run; otherwise the
    knowledge is loaded and the action and Rasa servers run for the block."""
    if url is not None:
        ask(url, "warm-up", "hej")
        yield url
        return
    store.load(store.make_engine(config.database_url()), knowledge)
    with serve.Running(serve.services(web=False, host=config.LOCAL)):
        ask(config.rasa_url(), "warm-up", "hej")
        yield config.rasa_url()


def serve_command(replicas: int = 1) -> list[str]:
    """`assistant serve` of this environment, for a benchmark that starts it as a visitor's
    servers run (`--replicas` only for more than one)."""
    command = [str(Path(sys.executable).parent / "assistant"), "serve"]
    return command + (["--replicas", str(replicas)] if replicas > 1 else [])
