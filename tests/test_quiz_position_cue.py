"""The self-check quizzes give nothing away by where the right option stands: the widget shows the options in the
order they are written (no shuffle), so the written order itself must spread the right answers over the first,
middle and last places (``benchmarks/quiz_length_cue.py`` prints the figures)."""

from __future__ import annotations

from collections import Counter
from math import ceil

import pytest

from ipt_training.quiz import Question, answer_place
from ipt_training.quizbank import all_banks
from ipt_training.widgets.quiz import build_quiz

BANKS = all_banks()
PLACES = ("first", "middle", "last")
#: In a set of at least :data:`MIN_SIZE` questions no place may hold more than MAX_SHARE or less than MIN_SHARE of
#: the right answers (a perfectly even spread over three places is a third each).
MIN_SIZE = 8
MAX_SHARE = 0.40
MIN_SHARE = 0.15


def _collections() -> dict[str, tuple[Question, ...]]:
    """Every bank big enough to measure, the early lessons' banks together, the YAML banks together, and all."""
    early = tuple(q for name, qs in BANKS.items() if name.startswith("quiz.py:") for q in qs)
    files = tuple(q for name, qs in BANKS.items() if name.endswith(".yaml") for q in qs)
    big = {name: qs for name, qs in BANKS.items() if len(qs) >= MIN_SIZE}
    return {**big, "quiz.py (all lessons)": early, "quizzes/*.yaml (all)": files, "all banks": early + files}


COLLECTIONS = _collections()


def test_the_place_is_read_from_the_answer_index() -> None:
    options = ("a", "b", "c", "d")
    assert [answer_place(Question("q", "?", options, i, "")) for i in range(4)] == [
        "first", "middle", "middle", "last"]
    assert answer_place(Question("yn", "?", ("Yes", "No"), 1, "")) == "last"


def test_a_bank_with_the_right_answer_never_last_would_fail() -> None:
    skewed = [Question(str(i), "?", ("a", "b", "c"), i % 2, "") for i in range(9)]
    shares = Counter(answer_place(q) for q in skewed)
    assert shares["last"] / len(skewed) < MIN_SHARE


@pytest.mark.parametrize("name", sorted(COLLECTIONS))
def test_right_answers_are_spread_over_first_middle_and_last(name: str) -> None:
    questions = COLLECTIONS[name]
    assert len(questions) >= MIN_SIZE
    places = Counter(answer_place(q) for q in questions)
    shares = {place: places[place] / len(questions) for place in PLACES}
    assert all(MIN_SHARE <= share <= MAX_SHARE for share in shares.values()), (
        f"{name}: right answers by place {dict(places)} of {len(questions)}; move some right answers to the "
        f"place that holds too few (keep the options' meaning, change only the order and 'answer')")


@pytest.mark.parametrize("name", sorted(BANKS))
def test_no_place_dominates_a_single_lesson_bank(name: str) -> None:
    """Lesson banks have four to six questions: every place is used, none more than a third (rounded up)."""
    questions = BANKS[name]
    places = Counter(answer_place(q) for q in questions)
    assert set(places) == set(PLACES), (name, dict(places))
    assert max(places.values()) <= ceil(len(questions) / 3), (name, dict(places))


def test_the_widget_shows_the_options_in_the_written_order_and_names_the_right_one() -> None:
    questions = BANKS["quiz.py:termination"]
    quiz = build_quiz(questions)
    for question, choice in zip(questions, quiz.choices, strict=True):
        assert [label for label, _ in choice.options] == list(question.options)
        choice.value = (question.answer + 1) % len(question.options)
    result = quiz.check()
    for question, item in zip(questions, result.items, strict=True):
        assert not item.correct and f"“{question.options[question.answer]}”" in item.feedback
