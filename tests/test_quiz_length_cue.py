"""The self-check quizzes give nothing away by option length: a trainee who always picks the longest option
should do little better than chance (measured by ``benchmarks/quiz_length_cue.py``)."""

from __future__ import annotations

from collections import Counter

import pytest

from ipt_training.quiz import Question, longest_right_share, right_is_longest
from ipt_training.quizbank import all_banks

MAX_LONGEST_RIGHT = 0.40
#: Below this, "the longest option is always wrong" becomes a cue of its own.
MIN_LONGEST_RIGHT_OVERALL = 0.10
BANKS = all_banks()


def test_the_measure_counts_ties_and_is_not_vacuous() -> None:
    longest = Question("a", "?", ("short", "the long right answer", "mid length"), 1, "")
    tie = Question("b", "?", ("same", "also"), 0, "")
    shorter = Question("c", "?", ("a rather long distractor", "right"), 1, "")
    assert right_is_longest(longest) and right_is_longest(tie) and not right_is_longest(shorter)
    assert longest_right_share([longest, tie, shorter]) == pytest.approx(2 / 3)


def test_every_lesson_bank_is_measured() -> None:
    assert any(name.startswith("quiz.py:") for name in BANKS) and any(name.endswith(".yaml") for name in BANKS)
    assert sum(len(questions) for questions in BANKS.values()) >= 60


@pytest.mark.parametrize("name", sorted(BANKS))
def test_the_right_answer_is_rarely_the_longest_option(name: str) -> None:
    questions = BANKS[name]
    longest = [q.id for q in questions if right_is_longest(q)]
    assert longest_right_share(questions) <= MAX_LONGEST_RIGHT, (
        f"{name}: the right answer is the longest option in {len(longest)} of {len(questions)} questions "
        f"({', '.join(longest)}); lengthen a plausible wrong option or tighten the right one")


def test_the_longest_option_is_not_a_sign_of_a_wrong_answer_either() -> None:
    everything = [q for questions in BANKS.values() for q in questions]
    assert longest_right_share(everything) >= MIN_LONGEST_RIGHT_OVERALL


#: No rank by length (shortest, second-shortest, ...) may hold more than this share of the right answers of a bank,
#: nor :data:`MAX_RANK_SHARE_OVERALL` of all of them: "always pick the second-longest" must not pay either.
MAX_RANK_SHARE_IN_A_BANK = 0.50
MAX_RANK_SHARE_OVERALL = 0.45
#: The right answer is sometimes the shortest option (otherwise "never the shortest" is a cue).
MIN_SHORTEST_RIGHT_OVERALL = 0.15


def length_rank(question: Question) -> int:
    """The right answer's place when the options are sorted from shortest (0) to longest."""
    order = sorted(range(len(question.options)), key=lambda i: len(question.options[i]))
    return order.index(question.answer)


def test_length_rank_is_measured_from_the_shortest() -> None:
    assert length_rank(Question("a", "?", ("short", "the long right answer", "mid length"), 1, "")) == 2
    assert length_rank(Question("b", "?", ("a long distractor", "right", "medium one"), 1, "")) == 0


@pytest.mark.parametrize("name", sorted(BANKS))
def test_no_length_rank_gives_the_answer_away_in_a_bank(name: str) -> None:
    ranks = Counter(length_rank(q) for q in BANKS[name])
    assert max(ranks.values()) / len(BANKS[name]) <= MAX_RANK_SHARE_IN_A_BANK, (name, dict(ranks))


def test_no_length_rank_gives_the_answer_away_overall() -> None:
    everything = [q for questions in BANKS.values() for q in questions]
    ranks = Counter(length_rank(q) for q in everything)
    assert max(ranks.values()) / len(everything) <= MAX_RANK_SHARE_OVERALL, dict(ranks)
    assert ranks[0] / len(everything) >= MIN_SHORTEST_RIGHT_OVERALL, dict(ranks)
