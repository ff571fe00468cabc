"""Phase sorter: deterministic order, explained feedback for right, wrong and missing answers."""

from __future__ import annotations

from html import escape

from ipt_training.domain import PHASE_TASKS, Phase
from ipt_training.widgets.phases import grade_phases, phase_sorter, shuffled_tasks, task_feedback


def test_order_is_shuffled_but_deterministic() -> None:
    first, second = shuffled_tasks(), shuffled_tasks()
    assert [t.id for t in first] == [t.id for t in second]
    assert [t.id for t in first] != [t.id for t in PHASE_TASKS]
    assert sorted(t.id for t in first) == sorted(t.id for t in PHASE_TASKS)


def test_all_right_scores_full_marks() -> None:
    result = grade_phases({t.id: t.phase for t in PHASE_TASKS})
    assert result.score == result.max_score == len(PHASE_TASKS)


def test_wrong_answer_says_where_it_belongs_and_why() -> None:
    task = next(t for t in PHASE_TASKS if t.id == "relapse_plan")
    feedback = task_feedback(task, Phase.INITIAL)
    assert "termination phase" in feedback and "not the initial phase" in feedback
    assert task.why in feedback


def test_unanswered_tasks_do_not_give_the_phase_away() -> None:
    result = grade_phases({})
    assert result.score == 0
    for item in result.items:
        assert item.feedback.startswith("Not answered yet")
        assert item.task.why not in item.feedback and "phase (" not in item.feedback


def test_check_with_nothing_chosen_shows_no_answers() -> None:
    sorter = phase_sorter()
    sorter.check_button.click()
    html = sorter.feedback.value
    assert "not placed any task yet" in html and "Score:" not in html
    assert html.count("Not answered yet") == len(sorter.tasks)
    assert all(escape(task.why) not in html for task in sorter.tasks)


def test_widget_check_shows_score_and_per_task_feedback() -> None:
    sorter = phase_sorter()
    for task in sorter.tasks:
        sorter.dropdowns[task.id].value = task.phase.value
    wrong = sorter.tasks[0]
    sorter.dropdowns[wrong.id].value = next(p.value for p in Phase if p is not wrong.phase)
    sorter.check_button.click()
    html = sorter.feedback.value
    assert f"Score: {len(PHASE_TASKS) - 1} / {len(PHASE_TASKS)}" in html
    assert "✗" in html and "✓" in html
    assert all(d.description and d.tooltip for d in sorter.dropdowns.values())
