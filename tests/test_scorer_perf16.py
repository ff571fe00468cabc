"""Round 16's word features read what the walk over the clauses read (issue 11, throughput).

* A word set named with :func:`~ipt_training.text.features.feature` has a bit of its own, and every word of it
  carries the bit: the clauses :meth:`AnswerWords.with_any` lists through the bits are those that hold a word of the
  set, in text order, as the walk over the clauses lists them (named or not, and for sets that share words).
* A set named after an answer's clauses were read into bits is answered by the walk for that answer (its clauses
  carry no such bit), and through the bits for the next answer.
* The sets the readers ask of every answer are named when the scorer is imported, and fit the fast integers.
"""

from __future__ import annotations

import random

import ipt_training.scoring.formulation  # noqa: F401  (imports every reader, which names its sets)
from ipt_training.scoring import areas, plain_plan
from ipt_training.text import features
from ipt_training.text.features import WORD_BITS, bit_of, clause_bits, feature
from ipt_training.text.normalize import clauses
from ipt_training.text.words import AnswerWords

TEXT = ("PA: role transition. I would not choose grief; nobody died. Secondary: a dispute with her sister, "
        "which began after the move. We will talk about the move and then about her sister.")
_NAMED_A = feature(frozenset({"grief", "sister"}))
_NAMED_B = feature(frozenset({"sister", "move", "zzpf16"}))
_NAMED_C = feature(frozenset({"not"}))


def _walked(prepared: list[list[str]], asked: frozenset[str]) -> list[int]:
    return [c for c, tokens in enumerate(prepared) if not asked.isdisjoint(tokens)]


def test_a_named_set_lists_the_clauses_that_hold_its_words_in_text_order() -> None:
    prepared = clauses(TEXT, quotes=True)
    words = AnswerWords(prepared)
    assert words.with_any(_NAMED_A) == _walked(prepared, _NAMED_A)
    assert len(words.with_any(_NAMED_A)) == 3  # "... choose grief", "a dispute with her sister", "... her sister"
    assert words.with_any(_NAMED_B) == _walked(prepared, _NAMED_B) != words.with_any(_NAMED_A)
    assert words.with_any(_NAMED_C) == [2]  # ("pa", "role transition", then "i would not choose grief")
    assert words.with_any(frozenset({"bereavement"})) == []


def test_each_named_set_has_a_bit_of_its_own_and_its_words_carry_it() -> None:
    bits = [bit_of(s, features.features()) for s in (_NAMED_A, _NAMED_B, _NAMED_C)]
    assert None not in bits and len(set(bits)) == 3
    assert all(bit is not None and bin(bit).count("1") == 1 for bit in bits)
    a, b = bits[0], bits[1]
    assert a is not None and b is not None
    assert WORD_BITS["sister"] & a and WORD_BITS["sister"] & b  # a word of two sets carries both bits
    assert WORD_BITS["grief"] & a and not WORD_BITS["grief"] & b
    assert feature(_NAMED_A) is _NAMED_A and bit_of(_NAMED_A, features.features()) == a  # named twice: one bit
    assert bit_of(frozenset({"grief", "sister"}), features.features()) is None  # an equal set, not named
    assert clause_bits([["the", "move"], ["zzpf16"], ["zzpf17", "zzpf18"]]) == [
        WORD_BITS["move"], WORD_BITS["zzpf16"], 0]


def test_a_set_named_after_the_clauses_were_read_is_answered_by_the_walk() -> None:
    prepared = [["the", "zzlate1", "word"], ["grief"], ["zzlate2"]]
    words = AnswerWords(prepared)
    assert words.with_any(_NAMED_A) == [1]  # the clauses read into bits now
    late = feature(frozenset({"zzlate1", "zzlate2"}))
    assert bit_of(late, features.features()) is not None
    assert words.with_any(late) == [0, 2]  # no clause of this answer carries the late set's bit: walked
    assert AnswerWords(prepared).with_any(late) == [0, 2]  # the next answer reads it through the bits


def test_the_bits_agree_with_a_walk_over_the_clauses() -> None:
    rng = random.Random(16)
    vocabulary = ["not", "grief", "the", "sister", "move", "secondary", "we", "because", "after", "zzpf16"]
    named = [_NAMED_A, _NAMED_B, _NAMED_C, areas._NOT, plain_plan.PLAN_WORDS, plain_plan._GOING_ON]
    for _ in range(400):
        prepared = [[rng.choice(vocabulary) for _ in range(rng.randint(0, 6))] for _ in range(rng.randint(0, 7))]
        words = AnswerWords(prepared)
        for asked in [*rng.sample(named, 3), frozenset(rng.sample(vocabulary, 2))]:
            walked = _walked(prepared, asked)
            assert words.with_any(asked) == walked
            assert words.has_any(asked) is bool(walked)


def test_the_readers_sets_are_named_and_fit_the_fast_integers() -> None:
    for asked in (areas._NOT, areas._RANK_MARKERS, areas._BACK_SECONDARY, plain_plan.PLAN_WORDS,
                  plain_plan._SESSIONS, plain_plan._WE, plain_plan._OFFERS, plain_plan._GOING_ON):
        assert bit_of(asked, features.features()) is not None
    assert bit_of(areas._CHANCES, features.features()) is None  # a set no reader asks through the table
    assert features.features() <= features.FAST_BITS
