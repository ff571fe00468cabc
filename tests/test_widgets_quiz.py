"""Quiz data and grading (ipt_training.quiz) and the radio-button widget."""

from __future__ import annotations

from html import escape

import pytest

from ipt_training.quiz import QUIZZES, Question, grade_quiz, quiz_widget


@pytest.mark.parametrize("key", sorted(QUIZZES))
def test_every_quiz_is_well_formed(key: str) -> None:
    questions = QUIZZES[key]
    assert len(questions) >= 4
    assert len({q.id for q in questions}) == len(questions)
    for q in questions:
        assert len(q.options) >= 2 and len(set(q.options)) == len(q.options)
        assert len(q.explanation) > 20


def test_answer_index_must_exist() -> None:
    with pytest.raises(ValueError, match="out of range"):
        Question("x", "?", ("a", "b"), 2, "because")


def test_grading_explains_right_wrong_and_missing() -> None:
    questions = QUIZZES["problem_areas"][:3]
    right = questions[0].answer
    wrong = (questions[1].answer + 1) % len(questions[1].options)
    result = grade_quiz(questions, [right, wrong, None])
    assert result.score == 1 and result.max_score == 3
    first, second, third = result.items
    assert first.feedback.startswith("Right.")
    assert second.feedback.startswith("Not quite") and questions[1].options[questions[1].answer] in second.feedback
    assert third.feedback.startswith("Not answered yet")
    assert all(q.explanation in item.feedback for q, item in zip(questions[:2], result.items[:2], strict=True))
    assert questions[2].explanation not in third.feedback
    assert questions[2].options[questions[2].answer] not in third.feedback


def test_check_with_nothing_answered_gives_no_answer_away() -> None:
    quiz = quiz_widget("problem_areas")
    quiz.check_button.click()
    html = quiz.feedback.value
    assert "not answered any question yet" in html
    assert html.count("Not answered yet") == len(quiz.questions)
    for question in quiz.questions:
        assert escape(question.explanation) not in html
        assert escape(question.options[question.answer]) not in html


def test_answers_appear_only_for_attempted_questions() -> None:
    quiz = quiz_widget("termination")
    first, second = quiz.questions[:2]
    quiz.choices[0].value = first.answer
    quiz.choices[1].value = (second.answer + 1) % len(second.options)
    quiz.check_button.click()
    html = quiz.feedback.value
    assert f"Score: 1 / {len(quiz.questions)}. {len(quiz.questions) - 2} not answered yet." in html
    assert escape(first.explanation) in html and escape(second.explanation) in html
    assert all(escape(q.explanation) not in html for q in quiz.questions[2:])


def test_wrong_founder_is_corrected() -> None:
    question = QUIZZES["what_is_ipt"][0]
    shapiro = question.options.index("Theodore Shapiro")
    item = grade_quiz([question], [shapiro]).items[0]
    assert not item.correct and "Klerman" in item.feedback and "no founder called Shapiro" in item.feedback


def test_widget_check_by_lesson_key() -> None:
    quiz = quiz_widget("termination")
    for choice, question in zip(quiz.choices, quiz.questions, strict=True):
        choice.value = question.answer
        assert choice.description and choice.tooltip
    quiz.check_button.click()
    assert f"Score: {len(quiz.questions)} / {len(quiz.questions)}" in quiz.feedback.value


def test_grading_needs_one_answer_per_question() -> None:
    with pytest.raises(ValueError):
        grade_quiz(QUIZZES["termination"], [0])


def test_long_options_wrap_instead_of_running_over_the_next_one() -> None:
    """ipywidgets gives radio options a one-line height; the quiz ships a style that lets them wrap."""
    from ipt_training.quizbank import load_quiz
    from ipt_training.widgets.quiz import build_quiz
    from ipt_training.widgets.render import WRAPPING_RADIO_CLASS

    quiz = build_quiz(load_quiz("adaptations"))
    assert all(WRAPPING_RADIO_CLASS in radio._dom_classes for radio in quiz.choices)
    heading = quiz.widget.children[0].value
    assert f".{WRAPPING_RADIO_CLASS} .widget-radio-box label" in heading and "height:auto" in heading
