"""Every input in the hostile table, sent to the real Rasa server over REST, gets a reply
or a clean 4xx with a short reason: never a 5xx, never silence, never a traceback."""

from __future__ import annotations

import pytest

from tests.hostile.table import inputs, send

TABLE = inputs()


def test_the_table_is_large_and_varied() -> None:
    assert len(TABLE) >= 200
    assert len({h.kind for h in TABLE}) >= 25


@pytest.mark.parametrize("hostile", TABLE, ids=[f"{h.label}-{h.kind}" for h in TABLE])
def test_hostile_input_gets_a_reply_or_a_clean_refusal(running_assistant, hostile) -> None:
    outcome = send(running_assistant, hostile)
    assert outcome.acceptable, f"{hostile.kind}: {outcome.status} {outcome.body[:300]!r}"
    if outcome.clean_refusal:
        assert len(outcome.body) < 200 and '"error"' in outcome.body
