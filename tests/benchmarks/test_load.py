"""The pure parts of benchmarks/load.py: percentiles, phase summaries and the issue's verdicts.
The benchmark itself starts servers for minutes and is run by hand, not here."""

from __future__ import annotations

import pytest

from assistant.dialogue import phrases
from benchmarks.load import Measured, Phase, Reply, judged, percentile, summarise, verdict_table, verdicts


def test_percentile_interpolates_between_ranks() -> None:
    values = [40, 10, 30, 20]  # sorted: 10 20 30 40
    assert percentile(values, 50) == pytest.approx(25)
    assert percentile(values, 95) == pytest.approx(38.5)
    assert percentile(values, 0) == 10
    assert percentile(values, 100) == 40
    assert percentile([7.0], 95) == 7.0
    assert percentile([], 50) is None


def test_summary_counts_only_good_replies_in_latency_and_rate() -> None:
    replies = [Reply(0.1, None), Reply(0.3, None), Reply(5.0, "timeout"), Reply(0.01, "HTTP 502"),
               Reply(0.02, "HTTP 502"), Reply(0.2, "empty reply")]
    phase = summarise(20, replies, seconds=2.0)
    assert phase.replies == 2
    assert phase.errors == {"timeout": 1, "HTTP 502": 2, "empty reply": 1}
    assert phase.p50_ms == pytest.approx(200)
    assert phase.per_second == pytest.approx(1.0)


def _system(name: str, replicas: int | None, p50: float, rates: dict[int, float], startup: float,
            rss: list[float]) -> Measured:
    phases = [Phase(1, 200, {}, 10.0, p50, p50 * 2)]
    phases += [Phase(users, int(rate * 30), {}, 30.0, 500, 900) for users, rate in rates.items()]
    return Measured(name, replicas, startup_s=startup, rss_mb=rss, phases=phases)


def test_verdicts_compare_each_target_with_the_bare_bot() -> None:
    bare = _system("bare", None, p50=50, rates={20: 20, 50: 20}, startup=30, rss=[1000])
    one = _system("one", 1, p50=50, rates={20: 15, 50: 15}, startup=31, rss=[1200])
    two = _system("two", 2, p50=60, rates={20: 30, 50: 29}, startup=20, rss=[1250, 1100])
    found = {(v.target, v.system): v.met for v in verdicts(bare, [one, two])}
    assert found == {
        ("sequential p50 ≤ bare bot's", "one"): True,  # equal counts as met
        ("sequential p50 ≤ bare bot's", "two"): False,
        ("throughput at 20 users ≥ 1.5 × bare bot's", "two"): True,  # 30 ≥ 30
        ("throughput at 50 users ≥ 1.5 × bare bot's", "two"): False,  # 29 < 30
        ("start-up ≤ bare bot's", "one"): False,
        ("start-up ≤ bare bot's", "two"): True,
        ("memory per replica ≤ bare bot's + 20 %", "one"): True,  # 1200 = 1000 + 20 %
        ("memory per replica ≤ bare bot's + 20 %", "two"): False,  # its larger replica, 1250
    }


def test_a_target_without_numbers_is_reported_not_measured() -> None:
    bare = Measured("bare", None)  # --skip-bare
    given = _system("at URL", None, p50=50, rates={20: 15}, startup=0, rss=[])
    given.startup_s = None
    found = verdicts(bare, [given])
    assert [v.met for v in found] == [None, None, None]
    assert "not measured" in verdict_table(found)
    assert "**no**" not in verdict_table(found)


def test_a_reply_counts_only_with_messages_that_are_not_the_polite_error() -> None:
    assert judged(200, [{"recipient_id": "a", "text": "Hej!"}]) is None
    assert judged(200, [{"recipient_id": "a", "buttons": [{"title": "SHiMR"}]}]) is None
    assert judged(200, []) == "empty reply"
    assert judged(200, {"error": "x"}) == "empty reply"
    assert judged(502, None) == "HTTP 502"
    assert judged(200, [{"text": phrases.ERROR("sv")}]) == "polite error"
    assert judged(200, [{"text": "Hej!"}, {"text": phrases.ERROR("en")}]) == "polite error"
