"""Phase sorter: deterministic order, explained feedback for right, wrong and missing answers."""

from __future__ import annotations

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


def test_unanswered_is_explained_too() -> None:
    result = grade_phases({})
    assert result.score == 0
    assert all(item.feedback.startswith("Not answered") and item.task.why in item.feedback for item in result.items)


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
