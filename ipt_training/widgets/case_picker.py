"""Reach every practice case and dialogue from a lesson: filter, pick, and open it in an exercise.

Filters are by problem area, difficulty and trap. Filtering by area is the trainee's own choice (useful when
studying one area); the list itself shows only neutral ids and titles.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import ipywidgets as widgets

from ipt_training.cases.library import CaseLibrary
from ipt_training.cases.model import Case
from ipt_training.communication.library import DialogueLibrary
from ipt_training.communication.transcript import Dialogue, DialogueSet
from ipt_training.domain import AREA_LABELS, ProblemArea
from ipt_training.practice.skills import trap_label as skill_trap_label
from ipt_training.widgets.render import counted, paragraph, status_region

ANY = ""
AREA_FILTER = [("Any area", ANY), *((AREA_LABELS[a].split(" (")[0], a.value) for a in ProblemArea)]
DIFFICULTY_FILTER = [("Any difficulty", ANY), ("Beginner", "beginner"), ("Intermediate", "intermediate"),
                     ("Advanced", "advanced")]


def _exercises() -> dict[str, Callable[[Case], object]]:
    from ipt_training.widgets.formulation import formulation_builder
    from ipt_training.widgets.inventory_practice import inventory_practice
    from ipt_training.widgets.timeline_practice import timeline_practice

    # saved beside the lesson under the same key as lesson 3's builder, so opening another case or exercise, or a
    # kernel restart, no longer throws the trainee's formulation away
    return {"Formulation builder": lambda case: formulation_builder(case, reveal=True, rubric="patient",
                                                                    save_key=f"practice-{case.id}"),
            "Interpersonal inventory": inventory_practice,
            "Timeline": timeline_practice}


def trap_label(trap: str) -> str:
    """The trap's plain name, capitalised for a menu."""
    label = skill_trap_label(trap)
    return label[:1].upper() + label[1:]


def filter_cases(cases: Sequence[Case], area: str = ANY, difficulty: str = ANY, trap: str = ANY) -> list[Case]:
    """Practice cases (with a model answer) matching every filter that is set."""
    return [c for c in cases if c.reference is not None
            and (not area or c.reference.primary_area.value == area)
            and (not difficulty or c.difficulty == difficulty)
            and (not trap or trap in c.traps)]


def filter_dialogues(dialogues: Sequence[Dialogue], area: str = ANY) -> list[Dialogue]:
    return [d for d in dialogues if d.set is DialogueSet.PRACTICE and (not area or d.problem_area.value == area)]


@dataclass
class CasePicker:
    """Filters, the matching cases, an exercise choice and where the opened exercise appears."""

    cases: list[Case]
    area: widgets.Dropdown
    difficulty: widgets.Dropdown
    trap: widgets.Dropdown
    case: widgets.Dropdown
    exercise: widgets.Dropdown
    open_button: widgets.Button
    message: widgets.HTML
    area_box: widgets.VBox
    widget: widgets.VBox
    opened: object = None

    def refresh(self, _change: object = None) -> list[Case]:
        matching = filter_cases(self.cases, self.area.value, self.difficulty.value, self.trap.value)
        self.case.options = [(f"{c.id}: {c.title} ({c.difficulty})", c.id) for c in matching]
        self.case.value = matching[0].id if matching else None
        self.message.value = status_region(paragraph(
            f"{counted(len(matching), 'practice case')} match." if matching else
            "No practice case matches these filters; widen them."))
        return matching

    def open(self, _button: object = None) -> object:
        chosen = next((c for c in self.cases if c.id == self.case.value), None)
        if chosen is None:
            self.message.value = status_region(paragraph("Choose a case first."))
            return None
        self.opened = _exercises()[self.exercise.value](chosen)
        self.area_box.children = (getattr(self.opened, "widget", self.opened),)
        return self.opened

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def case_picker(library: CaseLibrary | None = None, exercise: str = "Formulation builder") -> CasePicker:
    """Every practice case, filterable, openable in the formulation builder, inventory or timeline."""
    source = library if library is not None else CaseLibrary.load(keys_dir=False)
    cases = sorted((c for c in source if c.reference is not None), key=lambda c: c.id)
    traps = sorted({t for c in cases for t in c.traps})
    style = {"description_width": "7em"}
    picker = CasePicker(
        cases,
        widgets.Dropdown(options=AREA_FILTER, value=ANY, description="Area", style=style),
        widgets.Dropdown(options=DIFFICULTY_FILTER, value=ANY, description="Difficulty", style=style),
        widgets.Dropdown(options=[("Any trap or none", ANY), *((trap_label(t), t) for t in traps)], value=ANY,
                         description="Trap", style=style),
        widgets.Dropdown(options=[], description="Case", style=style, layout=widgets.Layout(width="40em")),
        widgets.Dropdown(options=list(_exercises()), value=exercise, description="Exercise", style=style),
        widgets.Button(description="Open", button_style="primary", icon="folder-open",
                       tooltip="Open the chosen case in the chosen exercise"),
        widgets.HTML(), widgets.VBox(), widgets.VBox(),
    )
    for control in (picker.area, picker.difficulty, picker.trap):
        control.observe(picker.refresh, names="value")
    picker.open_button.on_click(picker.open)
    picker.widget = widgets.VBox([
        widgets.HBox([picker.area, picker.difficulty, picker.trap]), picker.case,
        widgets.HBox([picker.exercise, picker.open_button]), picker.message, picker.area_box,
    ], layout=widgets.Layout(max_width="70em"))
    picker.widget.add_class("ipt-case-picker")
    picker.refresh()
    return picker


@dataclass
class DialoguePicker:
    dialogues: list[Dialogue]
    area: widgets.Dropdown
    dialogue: widgets.Dropdown
    open_button: widgets.Button
    area_box: widgets.VBox
    widget: widgets.VBox
    opened: object = None

    def refresh(self, _change: object = None) -> None:
        matching = filter_dialogues(self.dialogues, self.area.value)
        self.dialogue.options = [(f"{d.id}: {d.title}", d.id) for d in matching]
        self.dialogue.value = matching[0].id if matching else None

    def open(self, _button: object = None) -> object:
        from ipt_training.widgets.tagger import tagger_widget

        chosen = next((d for d in self.dialogues if d.id == self.dialogue.value), None)
        if chosen is None:
            return None
        self.opened = tagger_widget(chosen, reveal=True)
        self.area_box.children = (getattr(self.opened, "widget", self.opened),)
        return self.opened

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def dialogue_picker(library: DialogueLibrary | None = None) -> DialoguePicker:
    """Every practice dialogue, filterable by area, openable in the dialogue tagger."""
    source = library if library is not None else DialogueLibrary.load(keys_dir=False)
    dialogues = sorted((d for d in source if d.set is DialogueSet.PRACTICE), key=lambda d: d.id)
    style = {"description_width": "7em"}
    picker = DialoguePicker(
        dialogues, widgets.Dropdown(options=AREA_FILTER, value=ANY, description="Area", style=style),
        widgets.Dropdown(options=[], description="Dialogue", style=style, layout=widgets.Layout(width="40em")),
        widgets.Button(description="Open", button_style="primary", icon="folder-open",
                       tooltip="Open the dialogue in the tagger"),
        widgets.VBox(), widgets.VBox())
    picker.area.observe(picker.refresh, names="value")
    picker.open_button.on_click(picker.open)
    picker.widget = widgets.VBox([widgets.HBox([picker.area, picker.dialogue, picker.open_button]),
                                  picker.area_box], layout=widgets.Layout(max_width="70em"))
    picker.refresh()
    return picker
