"""Phase sorter: assign each therapist task to the initial, middle or termination phase, with explained feedback."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

import ipywidgets as widgets

from ipt_training.domain import PHASE_SESSIONS, PHASE_TASKS, Phase, PhaseTask
from ipt_training.widgets.render import (
    MARK_MISSING,
    MARK_RIGHT,
    MARK_WRONG,
    TEXT_STYLE,
    html_table,
    paragraph,
    status_region,
)

DEFAULT_SEED = 5
NOT_ANSWERED = "Not answered yet: choose a phase and press Check again to see where it belongs and why."
_CHOOSE = ("Choose a phase…", "")
PHASE_OPTIONS: list[tuple[str, str]] = [_CHOOSE] + [(p.value.capitalize(), p.value) for p in Phase]


def shuffled_tasks(tasks: Sequence[PhaseTask] = PHASE_TASKS, seed: int = DEFAULT_SEED) -> list[PhaseTask]:
    """The tasks in a fixed pseudo-random order (the same for every trainee and every run)."""
    order = list(tasks)
    random.Random(seed).shuffle(order)
    return order


@dataclass(frozen=True, slots=True)
class TaskResult:
    task: PhaseTask
    given: Phase | None
    feedback: str

    @property
    def correct(self) -> bool:
        return self.given is self.task.phase


@dataclass(frozen=True, slots=True)
class PhaseSortResult:
    items: tuple[TaskResult, ...]

    @property
    def score(self) -> int:
        return sum(item.correct for item in self.items)

    @property
    def max_score(self) -> int:
        return len(self.items)


def _as_phase(value: Phase | str | None) -> Phase | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, Phase) else Phase(str(value))


def task_feedback(task: PhaseTask, given: Phase | None) -> str:
    """One explained sentence or two: right, wrong (where it belongs and why); unanswered never gives the answer."""
    if given is None:
        return NOT_ANSWERED
    where = f"the {task.phase.value} phase ({PHASE_SESSIONS[task.phase]})"
    if given is task.phase:
        return f"Right: {where}. {task.why}"
    return f"This belongs to {where}, not the {given.value} phase. {task.why}"


def grade_phases(answers: Mapping[str, Phase | str | None], tasks: Sequence[PhaseTask] = PHASE_TASKS
                 ) -> PhaseSortResult:
    """Grade ``answers`` (task id -> phase) against ``tasks``; missing ids count as unanswered."""
    items = []
    for task in tasks:
        given = _as_phase(answers.get(task.id))
        items.append(TaskResult(task, given, task_feedback(task, given)))
    return PhaseSortResult(tuple(items))


def result_html(result: PhaseSortResult) -> str:
    """Score line plus a per-task table (text marks, not colour alone)."""
    rows = []
    for item in result.items:
        mark = MARK_MISSING if item.given is None else MARK_RIGHT if item.correct else MARK_WRONG
        rows.append([item.task.description, item.given.value.capitalize() if item.given else "", mark,
                     item.feedback])
    unanswered = sum(item.given is None for item in result.items)
    if unanswered == len(result.items):
        summary = paragraph("You have not placed any task yet. Choose a phase for each task, then press Check.")
    else:
        rest = f" {unanswered} not answered yet." if unanswered else ""
        summary = paragraph(f"Score: {result.score} / {result.max_score} tasks in the right phase.{rest}")
    return status_region(summary + html_table("Phase sorter feedback", ["Task", "Your phase", "Result", "Why"], rows,
                                                  nowrap=(2,)))


@dataclass
class PhaseSorter:
    """One dropdown per task, a Check button and a feedback area."""

    tasks: list[PhaseTask]
    dropdowns: dict[str, widgets.Dropdown]
    check_button: widgets.Button
    feedback: widgets.HTML
    widget: widgets.VBox

    def answers(self) -> dict[str, str]:
        return {task_id: dropdown.value for task_id, dropdown in self.dropdowns.items()}

    def check(self, _button: object = None) -> PhaseSortResult:
        result = grade_phases(self.answers(), self.tasks)
        self.feedback.value = result_html(result)
        return result

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def phase_sorter(tasks: Sequence[PhaseTask] = PHASE_TASKS, seed: int = DEFAULT_SEED) -> PhaseSorter:
    """Build the sorter with the tasks in a deterministic shuffled order."""
    order = shuffled_tasks(tasks, seed)
    dropdowns: dict[str, widgets.Dropdown] = {}
    rows: list[widgets.Widget] = []
    for number, task in enumerate(order, start=1):
        dropdown = widgets.Dropdown(options=PHASE_OPTIONS, value="", description=f"Task {number}",
                                    tooltip=f"Phase for: {task.description}",
                                    layout=widgets.Layout(width="22em", flex="0 0 auto"))
        dropdowns[task.id] = dropdown
        text = widgets.HTML(f'<div style="{TEXT_STYLE};padding-top:4px">{number}. {escape(task.description)}</div>',
                            layout=widgets.Layout(flex="1 1 0%", min_width="12em"))
        rows.append(widgets.HBox([dropdown, text]))
    button = widgets.Button(description="Check", button_style="primary", icon="check",
                            tooltip="Check which phase each task belongs to")
    feedback = widgets.HTML()
    sorter = PhaseSorter(order, dropdowns, button, feedback, widgets.VBox())
    button.on_click(sorter.check)
    intro = widgets.HTML("<p>In which phase of acute IPT does each therapist task belong? "
                         "Choose a phase for every task, then press <b>Check</b>.</p>")
    sorter.widget = widgets.VBox([intro, *rows, button, feedback])
    sorter.widget.add_class("ipt-phase-sorter")
    return sorter
