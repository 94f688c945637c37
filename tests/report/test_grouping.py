"""Near-duplicate messages counted as one: case, punctuation, å/ä/ö, a typo, word order and
masked details do not split a question; different questions stay apart."""

from __future__ import annotations

from collections import Counter

from assistant.report import grouping
from assistant.report.grouping import group, similar
from assistant.report.masking import mask
from assistant.report.texts import MASK


def shown(message: str) -> str:
    return mask(message, MASK["sv"])


def test_spellings_of_one_question_are_one_group_with_the_most_frequent_wording_first() -> None:
    counts = Counter({"När slutar SHiMR?": 5, "när slutar shimr": 3, "nar slutar SHiMR": 2,
                      "när slutar shmir?": 1, "shimr, när slutar?": 1, "NÄR SLUTAR SHIMR???": 1})
    [only] = group(counts, shown, 10)
    assert only.count == 13 and only.text == "När slutar SHiMR?"
    assert only.variants(10) == [("när slutar shimr", 3), ("nar slutar SHiMR", 2),
                                 ("NÄR SLUTAR SHIMR???", 1), ("när slutar shmir?", 1), ("shimr, när slutar?", 1)]


def test_different_questions_stay_apart_and_the_largest_comes_first() -> None:
    counts = Counter({"vem finansierar SHiMR?": 4, "vem finansierar Move Up North?": 2,
                      "när slutar SHiMR?": 3, "när startar SHiMR?": 1, "vad är SHiMR?": 2, "vad gör SHiMR?": 2})
    found = [(g.text, g.count) for g in group(counts, shown, 10)]
    assert found == [("vem finansierar SHiMR?", 4), ("när slutar SHiMR?", 3), ("vad gör SHiMR?", 2),
                     ("vad är SHiMR?", 2), ("vem finansierar Move Up North?", 2), ("när startar SHiMR?", 1)]


def test_messages_that_differ_only_in_personal_data_are_one_group_and_show_none_of_it() -> None:
    counts = Counter({"ring mig på 070-123 45 67": 1, "Ring mig på 073-987 65 43!": 1,
                      "ring mig på +46 70 555 12 12": 1})
    [only] = group(counts, shown, 10)
    assert only.count == 3 and only.text.lower().startswith("ring mig på [telefon]")
    assert not any(ch.isdigit() for text, _ in [(only.text, 0), *only.variants(5)] for ch in text)


def test_the_limit_keeps_the_largest_groups() -> None:
    counts = Counter({f"fråga nummer {n} om något": n for n in range(1, 30)})
    assert [g.count for g in group(counts, shown, 3)] == [29, 28, 27]


def test_rarer_wordings_beyond_the_compared_head_still_join_their_group(monkeypatch) -> None:
    monkeypatch.setattr(grouping, "HEAD", 2)
    counts = Counter({"vem finansierar SHiMR?": 9, "vad är Move Up North?": 8,
                      "vem finansierar shimr": 1, "Vem finansierar SHiMR": 1, "hur söker jag bygglov?": 1})
    found = {g.text: g.count for g in group(counts, shown, 10)}
    assert found == {"vem finansierar SHiMR?": 11, "vad är Move Up North?": 8, "hur söker jag bygglov?": 1}


def test_similarity() -> None:
    assert similar("nar slutar shimr", "nar slutar shmir")
    assert similar("nar slutar shimr", "shimr nar slutar")
    assert not similar("vem finansierar shimr", "vem finansierar move up north")
    assert not similar("nar slutar shimr", "nar startar shimr projektet")
