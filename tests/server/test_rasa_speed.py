"""The once-built validator of action server replies checks exactly what Rasa's does."""

from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from assistant import rasa_speed

GOOD = {"events": [{"event": "slot", "name": "project", "value": "shimr"}],
        "responses": [{"text": "SHiMR finansieras av ERUF."}]}
BAD = [{"events": "not a list"}, {"events": [{"name": "no event type"}]}, {"responses": [{"text": 1}]}]


def _rasa_original(result: dict) -> str | None:
    try:
        RemoteAction._validate_action_result(RemoteAction("action_x", None), result)
    except ValidationError as error:
        return error.message
    return None


@pytest.mark.parametrize("result", [GOOD, *BAD])
def test_the_same_replies_pass_and_fail_with_the_same_message(result: dict,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _rasa_original(result)
    monkeypatch.setattr(RemoteAction, "_validate_action_result", RemoteAction._validate_action_result)
    rasa_speed.install()
    action = RemoteAction("action_x", None)
    if expected is None:
        assert action._validate_action_result(result) is True
    else:
        with pytest.raises(ValidationError) as raised:
            action._validate_action_result(result)
        assert raised.value.message == expected
