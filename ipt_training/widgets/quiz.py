"""Radio-button quiz widget for :mod:`ipt_training.quiz` (questions and grading live there)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

import ipywidgets as widgets

from ipt_training.quiz import Question, QuizResult, grade_quiz
from ipt_training.widgets.freshness import FeedbackFreshness, watch_answer
from ipt_training.widgets.render import (
    MARK_MISSING,
    MARK_RIGHT,
    MARK_WRONG,
    TEXT_STYLE,
    WRAPPING_RADIO_CLASS,
    WRAPPING_RADIO_STYLE,
    html_table,
    paragraph,
    status_region,
)

NOTHING_ANSWERED = "You have not answered any question yet. Choose your answers, then press Check."


def quiz_result_html(result: QuizResult) -> str:
    """Score line plus one explained row per question."""
    rows = []
    for number, item in enumerate(result.items, start=1):
        mark = MARK_MISSING if item.chosen is None else MARK_RIGHT if item.correct else MARK_WRONG
        rows.append([str(number), mark, item.feedback])
    unanswered = result.max_score - result.answered
    rest = f" {unanswered} not answered yet." if unanswered else ""
    summary = paragraph(f"Score: {result.score} / {result.max_score}.{rest}" if result.answered
                        else NOTHING_ANSWERED)
    return status_region(summary + html_table("Self-check feedback", ["Question", "Result", "Explanation"], rows,
                                                  nowrap=(1,)))


@dataclass
class Quiz:
    """The quiz's controls; ``check()`` grades the current choices and shows the explanations."""

    questions: tuple[Question, ...]
    choices: list[widgets.RadioButtons]
    check_button: widgets.Button
    feedback: widgets.HTML
    widget: widgets.VBox
    freshness: FeedbackFreshness | None = None

    def chosen(self) -> list[int | None]:
        return [choice.value for choice in self.choices]

    def check(self, _button: object = None) -> QuizResult:
        result = grade_quiz(self.questions, self.chosen())
        self.feedback.value = quiz_result_html(result)
        if self.freshness is not None and result.answered:
            self.freshness.checked()
        elif self.freshness is not None:
            self.freshness.reset()  # a prompt to answer first is not feedback on an answer
        return result

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def build_quiz(questions: Sequence[Question]) -> Quiz:
    """One labelled group of radio buttons per question, a Check button and a feedback area."""
    questions = tuple(questions)
    choices: list[widgets.RadioButtons] = []
    parts: list[widgets.Widget] = [widgets.HTML(WRAPPING_RADIO_STYLE)]  # the lesson's own heading introduces it
    for number, question in enumerate(questions, start=1):
        radio = widgets.RadioButtons(options=[(text, i) for i, text in enumerate(question.options)], value=None,
                                     description=f"Answer {number}", tooltip=question.prompt,
                                     layout=widgets.Layout(width="auto"))
        radio.add_class(WRAPPING_RADIO_CLASS)
        choices.append(radio)
        parts += [widgets.HTML(f'<p style="{TEXT_STYLE}"><b>{number}.</b> {escape(question.prompt)}</p>'), radio]
    button = widgets.Button(description="Check", button_style="primary", icon="check",
                            tooltip="Check your answers and show the explanations")
    feedback = widgets.HTML()
    quiz = Quiz(questions, choices, button, feedback, widgets.VBox())
    button.on_click(quiz.check)
    quiz.freshness = watch_answer(feedback, choices, quiz.chosen)
    quiz.widget = widgets.VBox([*parts, button, feedback])
    quiz.widget.add_class("ipt-quiz")
    return quiz
