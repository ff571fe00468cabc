"""The matcher's gate (:meth:`PhraseMatcher.find_in`): it skips an answer only when no cue can match in it."""

from __future__ import annotations

import random

from ipt_training.text.matcher import build_matcher
from ipt_training.text.normalize import clauses

CUES = {"exposure": ["graded exposure", "graded task*", "in vivo exposure"], "homework": ["work sheet*"],
        "record": ["thought record*"], "schema": ["core belief*"], "activation": ["activity scheduling"],
        "balanced": ["balanced"]}


def _vocabulary(raw: list[list[str]]) -> frozenset[str]:
    return frozenset().union(*raw)


def test_a_text_with_a_cue_is_matched_after_the_words_are_known() -> None:
    matcher = build_matcher(CUES)
    for text in ("We will set graded tasks each week.", "Fill in a work sheet.", "She keeps a balanced diary"):
        raw = clauses(text)
        matcher.find(raw)  # the words are known from now on
        assert matcher.find_in(raw, _vocabulary(raw)) == matcher.find(raw) != []


def test_a_text_whose_cue_words_are_incomplete_is_skipped() -> None:
    matcher = build_matcher(CUES)
    # "graded" and "work" start cues, but no word starts with "task" or "sheet" and "exposure" is absent
    raw = clauses("Graded steps back into work, in the evenings.")
    assert matcher.find(raw) == []
    assert matcher._may_match(_vocabulary(raw) - matcher._inert, _vocabulary(raw)) is False
    assert matcher.find_in(raw, _vocabulary(raw)) == []


def test_words_not_seen_before_are_read_in_full() -> None:
    matcher = build_matcher(CUES)
    raw = clauses("A thought record every evening")
    assert not _vocabulary(raw) <= matcher._raw_starts.keys()
    assert [m.concept for m in matcher.find_in(raw, _vocabulary(raw))] == ["record"]


def test_a_repaired_word_is_read_in_full() -> None:
    matcher = build_matcher(CUES)
    raw = clauses("graded exposre in the evening")  # "exposre" is repaired to "exposure"
    matcher.find(raw)
    assert not matcher.unaltered(_vocabulary(raw))
    assert [m.concept for m in matcher.find_in(raw, _vocabulary(raw))] == ["exposure"]


def test_the_gate_agrees_with_a_full_read() -> None:
    rng = random.Random(11)
    words = ["graded", "exposure", "tasks", "task", "in", "vivo", "work", "sheets", "sheet", "thought", "record",
             "core", "beliefs", "activity", "scheduling", "balanced", "not", "the", "a", "we", "will", "exposre"]
    matcher = build_matcher(CUES)
    gated = 0
    for _ in range(600):
        raw = [[rng.choice(words) for _ in range(rng.randint(1, 7))] for _ in range(rng.randint(1, 4))]
        expected = build_matcher(CUES).find(raw)  # a fresh matcher reads every clause
        vocabulary = _vocabulary(raw)
        if vocabulary <= matcher._raw_starts.keys() and matcher.unaltered(vocabulary) and not matcher._may_match(
                vocabulary - matcher._inert, vocabulary):
            gated += 1
        assert matcher.find_in(raw, vocabulary) == expected
    assert gated > 50  # the gate did skip texts, and each skipped text has no match
