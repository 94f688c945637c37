"""What the chat channels put in a message's metadata reaches the dialogue: the page
language as any tag ("en-GB"), and the mark of a message cut for being too long."""

from __future__ import annotations

import pytest

from actions import conversation_actions as ca
from assistant.config import MESSAGE_CUT
from tests.actions.test_actions import run, text_of, tracker


@pytest.mark.parametrize("tag", ["en", "en-GB", "en_US", "EN"])
def test_english_page_tags_count_as_english(tag) -> None:
    messages, _ = run(ca.ActionGreet(), tracker("/greet", "greet", metadata={"language": tag}))
    assert text_of(messages).startswith("Hi!")


@pytest.mark.parametrize("metadata", ["x", ["en"], 7, None])
def test_metadata_that_is_not_an_object_is_ignored(metadata) -> None:
    t = tracker("/greet", "greet")
    t.latest_message["metadata"] = metadata
    messages, _ = run(ca.ActionGreet(), t)
    assert text_of(messages).startswith("Hej!")


@pytest.mark.parametrize(("action", "text"), [
    (ca.ActionProjectInfo(), "Who funds SHiMR? " * 50),
    (ca.ActionGreet(), "/greet" + "x" * 994),  # a cut button payload
    (ca.ActionFallback(), "x" * 1000),
])
def test_a_cut_message_is_answered_too_long_by_every_action(action, text) -> None:
    messages, _ = run(action, tracker(text, "any", metadata={MESSAGE_CUT: True, "language": "en-GB"}))
    assert text_of(messages) == ("Your message was too long for me. Please ask your question in a few "
                                 "sentences and I will answer.")


def test_only_the_channel_s_mark_counts() -> None:
    messages, _ = run(ca.ActionGreet(), tracker("/greet", "greet", metadata={MESSAGE_CUT: "yes"}))
    assert text_of(messages).startswith("Hej!")
