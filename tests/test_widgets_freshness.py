"""Feedback after an edit: every practice widget says when its feedback is about an earlier answer.

Driven without a browser (set a widget's value, press Check, edit, read the feedback); the browser test in
``tests/browser/test_jupyterlab.py`` proves the note shows in JupyterLab.
"""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets
import pytest

from ipt_training.cases.model import Case
from ipt_training.communication.library import DialogueLibrary
from ipt_training.quiz import QUIZZES, quiz_widget
from ipt_training.widgets.formulation import EMPTY_MESSAGE, assignment_builder, formulation_builder
from ipt_training.widgets.freshness import STALE_CLASS, STALE_NOTE, FeedbackFreshness, stale_html
from ipt_training.widgets.inventory_practice import inventory_practice
from ipt_training.widgets.script_player import script_player
from ipt_training.widgets.tagger import tagger_widget
from ipt_training.widgets.timeline_practice import timeline_practice

KEYS = Path(__file__).resolve().parents[1] / "source" / "keys"


@pytest.fixture(scope="module")
def case(library) -> Case:
    return library.get("p-05")


def _stale(html: str) -> bool:
    return STALE_NOTE in html and STALE_CLASS in html


def test_freshness_marks_only_a_changed_answer_and_unmarks_when_it_is_changed_back() -> None:
    box = widgets.Text(value="a")
    feedback = widgets.HTML("feedback on a")
    freshness = FeedbackFreshness(feedback, lambda: box.value)
    box.observe(freshness.update, names="value")
    box.value = "b"  # no Check yet: nothing to mark
    assert feedback.value == "feedback on a"
    freshness.checked()
    box.value = "c"
    assert _stale(feedback.value) and "feedback on a" in feedback.value and freshness.stale
    box.value = "b"  # back to the checked answer
    assert feedback.value == "feedback on a" and not freshness.stale
    freshness.reset()
    box.value = "d"
    assert feedback.value == "feedback on a"


def test_stale_html_keeps_the_old_feedback_readable() -> None:
    html = stale_html("<table>3 / 3</table>")
    assert html.index(STALE_NOTE) < html.index("<table>3 / 3</table>")


def test_builder_feedback_is_marked_after_an_edit_and_replaced_by_the_next_check(case: Case) -> None:
    builder = formulation_builder(case, reveal=True, record_attempts=False)
    builder.primary.value = "role_dispute"
    builder.text.value = "A dispute with Clara about the move; an impasse."
    builder.check()
    checked = builder.feedback.value
    assert "You chose role dispute" in checked and not _stale(checked)
    builder.primary.value = "role_transition"
    assert _stale(builder.feedback.value) and "You chose role dispute" in builder.feedback.value
    builder.primary.value = "role_dispute"
    assert builder.feedback.value == checked
    builder.text.value += " He lost his team."
    assert _stale(builder.feedback.value)
    builder.check()
    assert not _stale(builder.feedback.value)


def test_builder_does_not_bring_back_old_feedback_after_an_empty_check(case: Case) -> None:
    builder = formulation_builder(case, reveal=True, record_attempts=False)
    builder.primary.value = "grief"
    builder.check()
    builder.primary.value = ""
    builder.check()
    assert EMPTY_MESSAGE in builder.feedback.value
    builder.text.value = "He moved to Winnipeg."
    assert EMPTY_MESSAGE in builder.feedback.value and not _stale(builder.feedback.value)


def test_practice_note_added_after_check_stays_with_the_feedback(case: Case) -> None:
    builder = formulation_builder(case, reveal=True, record_attempts=False)
    builder.primary.value = "role_transition"
    builder.check()
    builder.feedback.value += "<p>Only your first attempt counts.</p>"  # as the practice session adds it
    builder.text.value = "Moved to Winnipeg."
    assert _stale(builder.feedback.value) and "Only your first attempt counts." in builder.feedback.value


def test_assignment_save_message_is_never_marked(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    builder = assignment_builder("a-02", "a")
    builder.check()
    saved = builder.feedback.value
    assert "Saved to" in saved
    builder.text.value = "More text; still saved as I type."
    assert builder.feedback.value == saved


def test_quiz_feedback_is_marked_when_an_answer_changes() -> None:
    quiz = quiz_widget("problem_areas")
    quiz.check()  # nothing answered: a prompt, not feedback on answers
    quiz.choices[0].value = 0
    assert not _stale(quiz.feedback.value)
    quiz.check()
    quiz.choices[1].value = 1
    assert _stale(quiz.feedback.value)
    quiz.check()
    assert not _stale(quiz.feedback.value)
    assert len(QUIZZES["problem_areas"]) == len(quiz.choices)


def test_timeline_and_inventory_feedback_are_marked_after_a_change(case: Case) -> None:
    timeline = timeline_practice(case)
    timeline.check()
    timeline.choice.value = 0
    assert not _stale(timeline.feedback.value)  # the earlier message asked for a choice
    timeline.check()
    timeline.choice.value = 1
    assert _stale(timeline.feedback.value)

    inventory = inventory_practice(case)
    first, *_ = inventory.placements.values()
    first.value = "inner"
    inventory.check()
    assert inventory.comparison.children
    first.value = "outer"
    assert _stale(inventory.feedback.value)
    first.value = ""
    inventory.check()
    assert "Place at least one person" in inventory.feedback.value and not inventory.comparison.children


def test_tagger_feedback_is_marked_when_a_code_changes() -> None:
    dialogue = DialogueLibrary.load(keys_dir=KEYS).get("dp-05")
    tagger = tagger_widget(dialogue)
    first = tagger.primary[1]
    first.value = first.options[1][1]
    tagger.check()
    assert not _stale(tagger.feedback.value)
    first.value = first.options[2][1]
    assert _stale(tagger.feedback.value)
    tagger.check()
    assert not _stale(tagger.feedback.value)


def test_script_player_marks_feedback_on_a_line_no_longer_chosen_and_clears_it_on_continue() -> None:
    player = script_player("first_sessions")
    decision = player.current
    assert decision is not None
    best = decision.options.index(decision.best)
    weaker = (best + 1) % len(decision.options)
    player.check()  # nothing chosen: a prompt
    player.choice.value = weaker
    assert not _stale(player.feedback.value)
    player.check()
    player.choice.value = best
    assert _stale(player.feedback.value) and "not quite" in player.feedback.value
    assert player.check() and not _stale(player.feedback.value)
    player.go_on()
    assert player.feedback.value == ""
    next_decision = player.current
    if next_decision is not None:  # the next decision starts with nothing chosen and no note
        player.choice.value = player.choice.options[0][1]
        assert not _stale(player.feedback.value)
