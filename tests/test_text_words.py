"""The answer's table of words answers what a walk over its clauses would."""

from __future__ import annotations

import random

from ipt_training.text.normalize import clauses
from ipt_training.text.words import AnswerWords

TEXT = ("PA: role transition. I would not choose grief; nobody died. Secondary: a dispute with her sister, "
        "which began after the move. \"Grief\" is what she calls it?")


def test_with_any_lists_the_clauses_that_hold_a_word_in_text_order() -> None:
    prepared = clauses(TEXT, quotes=True)
    words = AnswerWords(prepared)
    assert words.with_any(frozenset({"grief"})) == [c for c, tokens in enumerate(prepared) if "grief" in tokens]
    assert len(words.with_any(frozenset({"grief"}))) == 2
    assert words.with_any(frozenset({"bereavement", "loneliness"})) == []
    assert words.has_any(frozenset({"sister", "bereavement"}))
    assert not words.has_any(frozenset({"bereavement"}))


def test_an_empty_answer_has_no_words() -> None:
    words = AnswerWords([])
    assert words.vocabulary == frozenset()
    assert words.with_any(frozenset({"not"})) == []
    assert not words.has_any(frozenset({"not"}))


def test_the_table_agrees_with_a_walk_over_the_clauses() -> None:
    rng = random.Random(11)
    vocabulary = ["not", "grief", "the", "a", "move", "secondary", "it", "because", "after", "she"]
    for _ in range(300):
        prepared = [[rng.choice(vocabulary) for _ in range(rng.randint(0, 6))] for _ in range(rng.randint(0, 6))]
        asked = frozenset(rng.sample(vocabulary, rng.randint(1, 3)))
        words = AnswerWords(prepared)
        walked = [c for c, tokens in enumerate(prepared) if not asked.isdisjoint(tokens)]
        assert words.with_any(asked) == walked
        assert words.has_any(asked) is bool(walked)
