"""Formulation builder: read a vignette, choose the focus, write the formulation, get per-criterion feedback."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import ipywidgets as widgets
from IPython.display import HTML

from ipt_training import saved_answers
from ipt_training.cases.model import Case, ReferenceFormulation
from ipt_training.choices import ChoiceNames, choice_problems
from ipt_training.domain import AREA_LABELS, DisputeStage, ProblemArea
from ipt_training.scoring.formulation import score_formulation
from ipt_training.scoring.report import FormulationAnswer, FormulationReport
from ipt_training.widgets.freshness import FeedbackFreshness, watch_answer
from ipt_training.widgets.render import html_table, paragraph, status_region, vignette_html

Scorer = Callable[..., FormulationReport]

AREA_OPTIONS: list[tuple[str, str]] = [(AREA_LABELS[a], a.value) for a in ProblemArea]
PRIMARY_OPTIONS = [("Choose the primary area…", ""), *AREA_OPTIONS]
SECONDARY_OPTIONS = [("None (one area is usually enough)", ""), *AREA_OPTIONS]
STAGE_OPTIONS = [("Not applicable (no role dispute)", ""), *((s.value.capitalize(), s.value) for s in DisputeStage)]
#: What the text box asks for, by rubric: a formulation said to the patient has six parts; a supervision note
#: (the graded assignments) is scored on the area, the evidence and timeline link, the goals and the strategies.
TEXT_PROMPTS = {
    "patient": ("Diagnosis and sick role; link between onset and events; the area and why; goals and strategies; "
                "contract; ask for the patient's agreement.",
                "Write the formulation as you would say it to the patient"),
    "supervision": ("The problem area and why; the evidence from the case; how the onset links in time to "
                    "interpersonal events; the goals and strategies for the middle phase.",
                    "Write the formulation as you would note it for supervision"),
}
EMPTY_MESSAGE = "Choose a primary area or write your formulation first, then press Check."
NO_REFERENCE_MESSAGE = ("This case has no reference formulation available here, so it cannot be checked now; "
                        "your answer stays in the builder.")


def report_html(report: FormulationReport) -> str:
    """Per-criterion feedback table with the total as its caption."""
    rows = [[c.label, f"{c.points:g} / {c.max_points:g}", c.feedback] for c in report.criteria]
    caption = f"Feedback on your formulation: {report.total:g} / {report.max_total:g} points"
    return status_region(html_table(caption, ["Criterion", "Points", "Feedback"], rows, nowrap=(1,)))


BUILDER_NAMES = ChoiceNames("the primary area", "The secondary area", "A dispute stage")


def choices_note_html(answer: FormulationAnswer) -> str:
    """A note under the menus when the chosen areas and stage disagree; empty when they agree."""
    problems = choice_problems(answer.primary_area, answer.secondary_area, answer.dispute_stage, BUILDER_NAMES)
    return status_region("".join(paragraph(f"{p}.") for p in problems)) if problems else ""


def answer_html(answer: FormulationAnswer) -> str:
    """The answer in clinical words (never a Python value): areas, stage and the formulation text."""
    words = len(answer.text.split())
    rows = [
        ["Primary area", AREA_LABELS[answer.primary_area] if answer.primary_area else "not chosen yet"],
        ["Secondary area", AREA_LABELS[answer.secondary_area] if answer.secondary_area else "none"],
        ["Dispute stage", answer.dispute_stage.value.capitalize() if answer.dispute_stage else "not applicable"],
        ["Formulation", f"{answer.text.strip()} ({words} words)" if words else "not written yet"],
    ]
    return html_table("Your answer so far", ["Part", "Your answer"], rows)


@dataclass
class FormulationBuilder:
    """The builder's controls; ``answer()`` gives what the trainee entered, ``check()`` scores it."""

    case: Case
    reveal: bool
    primary: widgets.Dropdown
    secondary: widgets.Dropdown
    stage: widgets.Dropdown
    text: widgets.Textarea
    check_button: widgets.Button
    feedback: widgets.HTML
    widget: widgets.VBox
    scorer: Scorer = score_formulation
    #: ``"patient"`` (a formulation said to the patient, lesson 3) or ``"supervision"`` (a note to a supervisor)
    rubric: str = "supervision"
    last_report: FormulationReport | None = None
    #: replaces scoring when set (the assignment builder saves instead of scoring)
    on_check: Callable[[FormulationBuilder], None] | None = None
    #: saves the current answer now (set by :func:`autosave`); ``True`` when it was written
    save: Callable[[], bool] | None = None
    #: practice: every scored attempt goes to the trainee's practice record (adaptive practice)
    record_attempts: bool = False
    #: marks the feedback as about an earlier answer once the trainee edits after a Check
    freshness: FeedbackFreshness | None = None

    def answer(self) -> FormulationAnswer:
        """The current answer as a :class:`FormulationAnswer` (blank choices become ``None``)."""
        return FormulationAnswer.from_dict({"text": self.text.value, "primary_area": self.primary.value,
                                            "secondary_area": self.secondary.value,
                                            "dispute_stage": self.stage.value})

    @property
    def reference(self) -> ReferenceFormulation | None:
        return self.case.reference

    def check(self, _button: object = None) -> FormulationReport | None:
        """Score the answer and show per-criterion feedback; explain instead when nothing can be scored."""
        answer = self.answer()
        if self.freshness is not None:
            self.freshness.reset()
        if self.save is not None and self.on_check is None:
            self.save()
        if self.on_check is not None:
            self.on_check(self)
            return None
        if self.reference is None:
            self.feedback.value = status_region(paragraph(NO_REFERENCE_MESSAGE))
            return None
        if answer.primary_area is None and not answer.text.strip():
            self.feedback.value = status_region(paragraph(EMPTY_MESSAGE))
            return None
        self.last_report = self.scorer(answer, self.reference, reveal=self.reveal, rubric=self.rubric,
                                       case=self.case)
        self.feedback.value = report_html(self.last_report)
        if self.reveal:  # practice: after an attempt, the model answer side by side with the trainee's
            from ipt_training.widgets.compare import formulation_comparison_html

            self.feedback.value += formulation_comparison_html(self.case, answer.text, self.last_report)
        if self.record_attempts:
            from ipt_training.practice.record import REPEAT_NOTE, record_attempt

            if record_attempt(self.case, self.last_report) is None:
                self.feedback.value += paragraph(REPEAT_NOTE)
        if self.freshness is not None:
            self.freshness.checked()
        return self.last_report

    def summary(self) -> HTML:
        """The current answer as a readable table (what a lesson cell shows instead of a Python value)."""
        return HTML(answer_html(self.answer()))

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def formulation_builder(case: Case, reveal: bool = True, scorer: Scorer = score_formulation,
                        with_vignette: bool = True, save_key: str | None = None,
                        folder: Path | None = None, rubric: str = "supervision",
                        record_attempts: bool | None = None) -> FormulationBuilder:
    """Build the formulation exercise for ``case``; ``reveal=True`` (practice) lets feedback name the right area.

    With ``save_key`` the answer is restored from, and saved on every change to, the answers file in ``folder``
    (default: beside the notebook; see :func:`autosave`), so it survives a kernel restart.
    ``rubric="patient"`` scores a formulation said to the patient (diagnosis and sick role, contract and
    agreement included); ``"supervision"`` scores a supervision note. Practice attempts (``reveal=True``) are
    added to the trainee's practice record unless ``record_attempts=False``.
    """
    wide = widgets.Layout(width="36em")
    style = {"description_width": "10em"}
    primary = widgets.Dropdown(options=PRIMARY_OPTIONS, value="", description="Primary area", style=style,
                               layout=wide, tooltip="The problem area most closely linked to the episode")
    secondary = widgets.Dropdown(options=SECONDARY_OPTIONS, value="", description="Secondary area", style=style,
                                 layout=wide, tooltip="Optional second area; two at most")
    stage = widgets.Dropdown(options=STAGE_OPTIONS, value="", description="Dispute stage", style=style, layout=wide,
                             tooltip="Only when a role dispute is the primary or secondary area")
    placeholder, tooltip = TEXT_PROMPTS[rubric]
    text = widgets.Textarea(value="", description="Formulation", style=style, placeholder=placeholder,
                            tooltip=tooltip, layout=widgets.Layout(width="95%", height="12em"))
    button = widgets.Button(description="Check", button_style="primary", icon="check",
                            tooltip="Score the formulation and show feedback for each criterion")
    feedback = widgets.HTML()
    builder = FormulationBuilder(case, reveal, primary, secondary, stage, text, button, feedback, widgets.VBox(),
                                 scorer=scorer, rubric=rubric,
                                 record_attempts=reveal if record_attempts is None else record_attempts)
    button.on_click(builder.check)
    note = widgets.HTML()
    note.add_class("ipt-choices-note")

    def show_note(_change: object = None) -> None:
        note.value = choices_note_html(builder.answer())

    for menu in (primary, secondary, stage):
        menu.observe(show_note, names="value")
    builder.freshness = watch_answer(feedback, (primary, secondary, stage, text), builder.answer)
    header = [widgets.HTML(vignette_html(case))] if with_vignette else []
    builder.widget = widgets.VBox([
        *header,
        widgets.HTML("<h4>Your formulation</h4>"),
        primary, secondary, stage, note, text, button, feedback,
    ], layout=widgets.Layout(max_width="60em"))
    builder.widget.add_class("ipt-formulation-builder")
    if save_key is not None:
        status = autosave(builder, save_key, folder)
        children = list(builder.widget.children)
        children.insert(children.index(text) + 1, status)
        builder.widget.children = tuple(children)
    return builder


AUTOSAVE_NOTE = "Saved automatically as you type; it comes back when you re-run this cell, even after a restart."


def _saved_values(answer: FormulationAnswer) -> dict[str, str | None]:
    return {"primary_area": answer.primary_area.value if answer.primary_area else None,
            "secondary_area": answer.secondary_area.value if answer.secondary_area else None,
            "dispute_stage": answer.dispute_stage.value if answer.dispute_stage else None,
            "formulation": answer.text or None}


def autosave(builder: FormulationBuilder, key: str, folder: Path | None = None) -> widgets.HTML:
    """Restore the answer saved under ``key``, then save it again on every change; returns the status line.

    Every edit (each keystroke in the text, each menu choice) rewrites the small answers file, so nothing typed
    is lost when the kernel restarts; the status line says so, or says plainly why saving failed.
    """
    saved = saved_answers.load_all(folder).get(key, {})
    for menu, field in ((builder.primary, "primary_area"), (builder.secondary, "secondary_area"),
                        (builder.stage, "dispute_stage")):
        value = saved.get(field) or ""
        menu.value = value if value in {v for _, v in menu.options} else ""
    text = saved.get("formulation")
    builder.text.value = text if isinstance(text, str) else ""
    status = widgets.HTML(status_region(paragraph(AUTOSAVE_NOTE)))
    status.add_class("ipt-save-status")

    def save(_change: object = None) -> bool:
        try:
            saved_answers.save(key, _saved_values(builder.answer()), folder)
        except OSError as error:
            status.value = status_region(paragraph(
                f"Your answer could not be saved here ({error.strerror or 'the folder is not writable'}). "
                "Copy your text into the answer cell below before you restart the kernel."))
            return False
        status.value = status_region(paragraph(f"Saved automatically at {dt.datetime.now():%H:%M:%S}. "
                                               "It comes back when you re-run this cell."))
        return True

    for control in (builder.primary, builder.secondary, builder.stage, builder.text):
        control.observe(save, names="value")
    builder.save = save
    return status


def assignment_builder(case_id: str, key: str) -> FormulationBuilder:
    """The builder for a graded assignment: no scoring here; the answer is saved on every change.

    The saved answer (``ipt_answers.json`` beside the notebook) is submitted with the notebook and used by
    the autograder for every answer variable left as ``None``, so it survives a restart and a re-run from scratch.
    """
    from ipt_training.cases.released import assignment_case

    case = assignment_case(case_id)
    builder = formulation_builder(case, reveal=False, with_vignette=False, save_key=key)

    def save_now(target: FormulationBuilder) -> None:
        if target.save is not None and target.save():
            target.feedback.value = status_region(paragraph(
                f"Saved to {saved_answers.ANSWERS_FILE}. It is submitted with this notebook and graded for any "
                "answer variable below that you leave as None."))

    builder.check_button.description = "Save answer"
    builder.check_button.icon = "save"
    builder.check_button.tooltip = "Your answer is saved automatically; this button saves it once more now"
    builder.on_check = save_now
    return builder
