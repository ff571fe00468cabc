"""Adaptive practice widgets: a *Next case* session that records every attempt, and a progress dashboard."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import ipywidgets as widgets
from matplotlib.figure import Figure

from ipt_training.cases.library import CaseLibrary
from ipt_training.cases.model import Case
from ipt_training.domain import ProblemArea
from ipt_training.practice.learner import MASTERY, LearnerModel
from ipt_training.practice.recommend import Recommendation, next_case
from ipt_training.practice.record import REPEAT_NOTE, Attempt, PracticeRecord
from ipt_training.practice.review import due_traps
from ipt_training.practice.skills import area_skill, skill_label
from ipt_training.scoring.report import FormulationReport
from ipt_training.widgets.formulation import FormulationBuilder, formulation_builder
from ipt_training.widgets.render import counted, figure_png, html_table, paragraph, status_region

EXPORT_NAME = "ipt-practice-record.json"


def plot_mastery(model: LearnerModel) -> Figure:
    """Mastery of each problem area after every attempt, with the mastery line."""
    fig = Figure(figsize=(8, 3.2), layout="constrained")
    ax = fig.subplots()
    xs = list(range(1, len(model.history) + 1))
    for area in ProblemArea:
        skill = area_skill(area)
        name = area.label.split(" (")[0]
        # Before its first attempt an area has no estimate of its own (the table says "not practised yet"), so its
        # line starts at that attempt instead of showing the prior as if it had been measured.
        ys = [h.get(skill, float("nan")) for h in model.history]
        ax.plot(xs, ys, marker="o", markersize=3,
                label=name if model.observed.get(skill, 0) else f"{name} (not practised yet)")
    ax.axhline(MASTERY, color="#555555", linestyle="--", linewidth=1)
    ax.text(1.01, MASTERY, "mastered", transform=ax.get_yaxis_transform(), va="center", ha="left", fontsize=8,
            color="#555555")
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("Practice attempt")
    ax.set_ylabel("Estimated mastery")
    ax.set_title("Your mastery of the four problem areas over time")
    if xs:
        ax.set_xticks(xs if len(xs) <= 20 else xs[:: max(1, len(xs) // 10)])
    ax.legend(fontsize=8, loc="center left", bbox_to_anchor=(1.01, 0.45))  # beside the lines, never on them
    return fig


def skill_rows(model: LearnerModel) -> list[list[str]]:
    """One row per skill practised (and every area): name, estimate, state."""
    skills = [area_skill(a) for a in ProblemArea]
    skills += sorted(s for s in model.mastery if not s.startswith("area:"))
    rows = []
    for skill in skills:
        if model.observed.get(skill, 0) == 0:
            state, estimate = "not practised yet", "–"
        else:
            estimate = f"{model.estimate(skill):.0%}"
            state = "mastered" if model.mastered(skill) else "practising"
        rows.append([skill_label(skill), estimate, state, str(model.observed.get(skill, 0))])
    return rows


@dataclass
class ProgressDashboard:
    """Plot and table of the trainee's mastery, refreshed from the record; an export button for a supervisor."""

    record: PracticeRecord
    plot: widgets.Image
    table: widgets.HTML
    export_button: widgets.Button
    message: widgets.HTML
    widget: widgets.VBox
    update_button: widgets.Button | None = None

    def refresh(self, _button: object = None) -> LearnerModel:
        attempts = self.record.attempts()
        model = LearnerModel.from_attempts(a.observations() for a in attempts)
        if attempts:
            self.plot.value = figure_png(plot_mastery(model))
            self.plot.layout.display = None
        else:
            self.plot.layout.display = "none"
        reviews = len(due_traps(attempts))
        summary = (f"{counted(len(attempts), 'practice attempt')} recorded. "
                   + (f"{counted(reviews, 'pitfall')} due for review. " if reviews else "")
                   + "Mastery is estimated with Bayesian Knowledge Tracing; 95% counts as mastered.")
        self.table.value = paragraph(summary) + html_table(
            "Your skills", ["Skill", "Estimate", "State", "Attempts"], skill_rows(model))
        return model

    def export(self, _button: object = None, folder: Path | None = None) -> Path:
        path = self.record.export((folder or Path.cwd()) / EXPORT_NAME)
        self.message.value = status_region(paragraph(
            f"Your record was written to {path.name} in this folder. Send that file to your supervisor; "
            "it holds your practice scores and nothing else."))
        return path

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def progress_dashboard(record: PracticeRecord | None = None) -> ProgressDashboard:
    """The progress dashboard for this trainee's practice record."""
    store = record if record is not None else PracticeRecord()
    button = widgets.Button(description="Export my record", icon="download", layout=widgets.Layout(width="auto"),
                            tooltip="Write your practice record to a file you can give your supervisor")
    update = widgets.Button(description="Update", icon="refresh",
                            tooltip="Redraw the plot and the table with the attempts made since this cell ran")
    dashboard = ProgressDashboard(store, widgets.Image(format="png"), widgets.HTML(), button, widgets.HTML(),
                                  widgets.VBox(), update)
    button.on_click(dashboard.export)
    update.on_click(dashboard.refresh)
    dashboard.widget = widgets.VBox([dashboard.plot, dashboard.table, widgets.HBox([update, button]),
                                     dashboard.message],
                                    layout=widgets.Layout(max_width="60em"))
    dashboard.widget.add_class("ipt-progress-dashboard")
    dashboard.refresh()
    return dashboard


@dataclass
class PracticeSession:
    """*Next case* practice: the recommender picks a case, the builder scores it, the record keeps it."""

    record: PracticeRecord
    cases: list[Case]
    next_button: widgets.Button
    reason: widgets.HTML
    area: widgets.VBox
    widget: widgets.VBox
    builder: FormulationBuilder | None = None
    recommendation: Recommendation | None = None
    #: the report last handled (kept, not its ``id()``: a freed report's id is reused by the next one)
    handled: FormulationReport | None = None

    def next(self, _button: object = None) -> Recommendation | None:
        """Load the recommended case into a fresh formulation builder."""
        self.recommendation = next_case(self.cases, self.record.attempts())
        if self.recommendation is None:
            self.reason.value = status_region(paragraph("There are no practice cases with model answers here."))
            return None
        self.builder = formulation_builder(self.recommendation.case, reveal=True, rubric="patient",
                                           record_attempts=False)
        self.builder.check_button.on_click(self._record)
        self.reason.value = status_region(paragraph(self.recommendation.reason))
        self.area.children = (self.builder.widget,)
        return self.recommendation

    def _record(self, _button: object = None) -> Attempt | None:
        """After *Check*: store the scored attempt if it is the first at this case (later checks come after the
        model formulation was shown, so they are not evidence of skill; the feedback says so)."""
        builder = self.builder
        if builder is None or builder.last_report is None or builder.last_report is self.handled:
            return None
        self.handled = builder.last_report
        attempt = Attempt.from_report(builder.case, builder.last_report)
        if not self.record.add_first(attempt):
            builder.feedback.value += paragraph(REPEAT_NOTE)
            return None
        return attempt

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def practice_session(record: PracticeRecord | None = None, library: CaseLibrary | None = None) -> PracticeSession:
    """A practice session over every practice case with a model answer; press *Next case* to start."""
    store = record if record is not None else PracticeRecord()
    source = library if library is not None else CaseLibrary.load(keys_dir=False)
    cases = [c for c in source if c.reference is not None]
    button = widgets.Button(description="Next case", button_style="primary", icon="forward",
                            tooltip="Load the case you most need to practise next")
    session = PracticeSession(store, cases, button, widgets.HTML(), widgets.VBox(), widgets.VBox())
    button.on_click(session.next)
    session.widget = widgets.VBox([
        widgets.HTML(paragraph("Each case is chosen for the skill you most need, from your own practice record "
                               "(kept on this computer only). Your first Check on each case counts as one attempt; "
                               "after it you see the model formulation, so later checks of it are feedback only.")),
        button, session.reason, session.area,
    ], layout=widgets.Layout(max_width="60em"))
    session.widget.add_class("ipt-practice-session")
    return session
