"""The instructor report: CSV tables, PNG figures and a self-contained ``index.html`` for one course."""

from __future__ import annotations

import base64
import html
import math
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ipt_training.analytics import calibration, confusion, criteria, display, export, items, plots
from ipt_training.analytics.gradebook import CohortData, load_cohort
from ipt_training.analytics.spreadsheet import safe_frame

if TYPE_CHECKING:
    from ipt_training.grading.workflow.course import Course


@dataclass(frozen=True)
class Analysis:
    """Every table the report shows, computed once from a :class:`CohortData`."""

    cohort: CohortData
    totals: pd.DataFrame
    lms: pd.DataFrame
    item_stats: pd.DataFrame
    confusion: pd.DataFrame
    cohort_criteria: pd.DataFrame
    weakest: pd.DataFrame
    rescored: pd.DataFrame
    manual: pd.DataFrame
    agreement: calibration.Agreement | None
    review: pd.DataFrame


def analyse(cohort: CohortData, calibration_csv: Path | None = None,
            threshold: float = calibration.REVIEW_THRESHOLD) -> Analysis:
    """Compute the report's tables; instructor scores come from ``calibration_csv`` and the formgrader."""
    manual = calibration.manual_from_gradebook(cohort)
    if calibration_csv is not None:
        manual = pd.concat([calibration.read_manual_csv(calibration_csv), manual], ignore_index=True)
    rescored = calibration.rescore_formulations(cohort)
    agreed = calibration.agreement(cohort, manual, rescored) if not manual.empty else None
    return Analysis(
        cohort=cohort,
        totals=export.assignment_totals(cohort),
        lms=export.lms_table(cohort),
        item_stats=items.item_statistics(cohort.items),
        confusion=confusion.confusion_matrix(cohort.formulations),
        cohort_criteria=criteria.cohort_criteria(cohort.criteria),
        weakest=criteria.weakest_criteria(cohort.criteria),
        rescored=rescored,
        manual=manual,
        agreement=agreed,
        review=calibration.review_queue(cohort, rescored, manual, threshold=threshold),
    )


def write_report(course: Course, out_dir: Path, calibration_csv: Path | None = None,
                 practice_dir: Path | None = None) -> Path:
    """Write the report for ``course`` into ``out_dir``; returns the path of ``index.html``.

    ``practice_dir`` holds trainees' exported practice records (``*.json``), folded in as their own section.
    """
    index = write_analysis(analyse(load_cohort(course), calibration_csv), out_dir, title=course_title(course))
    if practice_dir is not None:
        add_practice_section(index, practice_dir)
    return index


def add_practice_section(index: Path, practice_dir: Path) -> None:
    """Write ``practice.csv`` beside ``index`` and add a practice section to it."""
    from ipt_training.analytics.practice import practice_table

    table, problems = practice_table(practice_dir)
    safe_frame(table).to_csv(index.parent / "practice.csv", index=False, float_format="%g")
    notes = "".join(f"<li>{html.escape(p)}</li>" for p in problems)
    section = (
        "<h2>Adaptive practice (exported records)</h2>"
        f"<p>{len(table)} trainee record(s) from {html.escape(str(practice_dir))}. Mastery is the learner model's "
        "estimate (Bayesian Knowledge Tracing, 0-1; 0.95 counts as mastered) from practice on written cases, "
        'not a grade. Full table: <a href="practice.csv">practice.csv</a>.</p>'
        + _table(table) + (f"<p>Records that could not be read:</p><ul>{notes}</ul>" if notes else "")
    )
    page = index.read_text(encoding="utf-8")
    index.write_text(page.replace("<h2>Files</h2>", section + "\n<h2>Files</h2>", 1), encoding="utf-8")


def course_title(course: Course) -> str:
    """The nbgrader course id (``CourseDirectory.course_id``); the folder name only when no id is set."""
    return str(course.api.coursedir.course_id or "").strip() or course.root.name


def write_analysis(analysis: Analysis, out_dir: Path, title: str = "course") -> Path:
    """Write CSVs, PNGs, per-trainee feedback summaries and ``index.html`` for an :class:`Analysis`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    cohort = analysis.cohort
    tables = {
        "items.csv": cohort.items,
        "criteria.csv": cohort.criteria,
        "formulations.csv": cohort.formulations.drop(columns=["text"]),
        "item_statistics.csv": analysis.item_stats,
        "confusion_matrix.csv": analysis.confusion,
        "weakest_criteria.csv": analysis.weakest,
        "review_queue.csv": analysis.review,
    }
    for name, table in tables.items():
        safe_frame(table).to_csv(out_dir / name, index=name == "confusion_matrix.csv", float_format="%g")
    export.write_lms_csv(cohort, out_dir / "lms_grades.csv")
    export.write_feedback_summaries(cohort, out_dir / "feedback")
    if analysis.agreement is not None:
        safe_frame(analysis.agreement.pairs).to_csv(out_dir / "calibration_pairs.csv", index=False, float_format="%g")
    figures = {
        "score_distributions.png": plots.score_distributions(analysis.totals, out_dir / "score_distributions.png"),
        "progress.png": plots.progress(analysis.totals, out_dir / "progress.png"),
        "confusion_matrix.png": plots.confusion_heatmap(analysis.confusion, out_dir / "confusion_matrix.png"),
        "criterion_weaknesses.png": plots.criterion_weaknesses(cohort.criteria, analysis.cohort_criteria,
                                                               out_dir / "criterion_weaknesses.png"),
    }
    index = out_dir / "index.html"
    index.write_text(_html(analysis, figures, sorted([*tables, "lms_grades.csv"]), title), encoding="utf-8")
    return index


def _img(path: Path, alt: str) -> str:
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt)}">'


def _table(frame: pd.DataFrame, index: bool = False, limit: int = 200) -> str:
    if frame.empty:
        return "<p><em>none</em></p>"
    shown = frame.head(limit)
    more = f"<p>{len(frame) - limit} more rows in the CSV.</p>" if len(frame) > limit else ""
    return shown.to_html(index=index, na_rep="", float_format=lambda v: f"{v:g}", border=0) + more


def lms_display(analysis: Analysis) -> pd.DataFrame:
    """The LMS table as the report shows it: "not submitted" instead of an empty assignment cell."""
    columns = list(analysis.cohort.assignments["assignment"])
    shown = analysis.lms.astype({c: object for c in columns})
    for column in columns:
        shown[column] = [export.NOT_SUBMITTED if pd.isna(v) else f"{v:g}" for v in analysis.lms[column]]
    return shown


def _percent(value: float) -> str:
    return "n/a" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.0%}"


def _fmt(value: float) -> str:
    return "n/a" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.2f}"


_CSS = """
body{font-family:system-ui,sans-serif;margin:2em;max-width:1200px;color:#222}
table{border-collapse:collapse;font-size:0.85em;margin:0.5em 0}
th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f0f0f0} img{max-width:100%;border:1px solid #eee;margin:0.5em 0}
.summary td:first-child{font-weight:bold}
"""


def _lms_rule(analysis: Analysis) -> str:
    counted = export.graded_assignments(analysis.cohort)
    waiting = [a for a in analysis.cohort.assignments["assignment"] if a not in counted]
    text = f"How the percentage is computed: {export.LMS_RULE}. Counted now: {', '.join(counted) or 'none'}"
    return text + (f"; not collected yet: {', '.join(waiting)}." if waiting else ".")


def _html(analysis: Analysis, figures: dict[str, Path], csvs: list[str], title: str) -> str:
    cohort = analysis.cohort
    root = cohort.root
    submitted = int(analysis.totals["submitted"].sum())
    summary = [
        ("trainees", len(cohort.students)),
        ("assignments", ", ".join(cohort.assignments["assignment"])),
        ("submissions graded", submitted),
        ("formulation answers", len(cohort.formulations)),
        ("formulation answers whose chosen area is the case's reference area",
         _percent(confusion.area_accuracy(cohort.formulations))),
        ("answers in the review queue", len(analysis.review)),
    ]
    if analysis.agreement is not None:
        for key, value in analysis.agreement.summary().items():
            summary.append((display.AGREEMENT_LABELS.get(key, f"calibration: {key.replace('_', ' ')}"),
                            value if isinstance(value, int) else _fmt(value)))
    rows = "".join(f"<tr><td>{html.escape(k)}</td><td>{html.escape(str(v))}</td></tr>" for k, v in summary)
    agreement = ("<p>No instructor scores yet: pass <code>--calibration scores.csv</code> "
                 "(<code>student,assignment,item,score[,area]</code>) or grade in the formgrader.</p>")
    if analysis.agreement is not None:
        agreement = ("<p>Cohen's kappa compares the instructor's problem area with the scorer's reading; Spearman's "
                     "rho and the mean absolute difference compare the item scores (the figures are in the summary "
                     "at the top).</p>" + _table(display.readable_calibration(analysis.agreement.pairs, root)))
    notes = "".join(f"<li>{html.escape(n)}</li>" for n in cohort.notes)
    links = " ".join(f'<a href="{html.escape(c)}">{html.escape(c)}</a>' for c in csvs)
    generated = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Cohort report: {html.escape(title)}</title>
<style>{_CSS}</style></head><body>
<h1>Cohort report: {html.escape(title)}</h1>
<p>Generated {generated} from the nbgrader gradebook and the autograded notebooks.</p>
<table class="summary">{rows}</table>
<h2>Grades (LMS export)</h2>
<p>{html.escape(_lms_rule(analysis))}</p>{_table(display.readable(lms_display(analysis)))}
<h2>Score distributions</h2>{_img(figures["score_distributions.png"], "score distributions")}
<h2>Progress over assignments</h2>{_img(figures["progress.png"], "progress over assignments")}
<h2>Item statistics</h2>
<p>Difficulty = mean score / max (1 = everyone earned full marks). Discrimination = correlation of the item
with the rest of the assignment (low or negative values deserve a look at the item).</p>
{_table(display.readable(analysis.item_stats, root))}
<h2>Problem areas: chosen vs reference</h2>{_img(figures["confusion_matrix.png"], "confusion matrix")}
{_table(display.readable_confusion(analysis.confusion), index=True)}
<h2>Rubric criteria</h2>{_img(figures["criterion_weaknesses.png"], "criterion weaknesses")}
{_table(display.readable(analysis.cohort_criteria))}<h3>Weakest criteria per trainee</h3>
{_table(display.readable(analysis.weakest))}
<h2>Review queue</h2>
<p>Low scorer confidence, scorer flags, answers the grader could not read as given (a deleted answer cell, a
SyntaxError, the template left in place), instructor disagreement or grades needing a manual look. Each answer's row
shows the answer as graded: the text and fields the grader scored, whatever its answer cell shows.</p>
{_table(display.readable(analysis.review, root))}
<h2>Calibration: instructor vs auto-scorer</h2>{agreement}
{f"<h2>Notes</h2><ul>{notes}</ul>" if notes else ""}
<h2>Files</h2><p>{links} and <a href="feedback/">feedback/</a> (one summary per trainee).</p>
</body></html>
"""
