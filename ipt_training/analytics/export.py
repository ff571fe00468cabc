"""Exports for the learning-management system: one grade row per trainee, and feedback summaries."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ipt_training.analytics.criteria import weakest_criteria
from ipt_training.analytics.gradebook import CohortData
from ipt_training.analytics.spreadsheet import safe_frame

TOTAL_COLUMNS = ["student", "assignment", "position", "score", "max_score", "submitted", "late_penalty"]
SUMMARY_COLUMNS = ["student", "assignment", "item", "score", "max_score", "feedback"]
NOT_SUBMITTED = "not submitted"


def graded_assignments(cohort: CohortData) -> list[str]:
    """Assignments with at least one graded submission, in course order: the ones the LMS percentage counts.

    An assignment that is released but not collected or graded yet has no rows in the gradebook's grades.
    """
    graded = set(cohort.items["assignment"])
    return [a for a in cohort.assignments["assignment"] if a in graded]


def assignment_totals(cohort: CohortData) -> pd.DataFrame:
    """One row per trainee x assignment (every pair); ``score`` is empty (``NaN``) and ``submitted`` False where
    nothing came in: missing is not zero.

    ``score`` is after the late-submission penalty nbgrader stored (``late_penalty``, 0 when on time), never below
    0, as ``nbgrader export`` computes it: the gradebook's grades keep the points before the penalty.
    """
    sums = cohort.items.groupby(["student", "assignment"])["score"].sum()
    grid = pd.MultiIndex.from_product([list(cohort.students), list(cohort.assignments["assignment"])],
                                      names=["student", "assignment"])
    penalties = cohort.late_penalties.groupby(["student", "assignment"])["late_penalty"].sum()
    table = pd.DataFrame({"score": sums.reindex(grid),
                          "late_penalty": penalties.reindex(grid).astype(float).fillna(0.0)}).reset_index()
    table["submitted"] = table["score"].notna()
    table["score"] = (table["score"].astype(float) - table["late_penalty"]).clip(lower=0.0)
    info = cohort.assignments[["assignment", "position", "max_score"]]
    return table.merge(info, on="assignment", how="left")[TOTAL_COLUMNS]


LMS_RULE = ("percentage = 100 x total / max_total, where max_total is the points of the assignments graded so far "
            "(those with at least one graded submission); assignments not yet collected are left out, and a "
            "trainee's missing submission of a graded assignment counts 0 in total and percentage (its column "
            "stays empty); a late submission's points are after the late penalty the gradebook holds, as "
            "nbgrader export counts them")


def lms_table(cohort: CohortData) -> pd.DataFrame:
    """The LMS grade table: ``student``, the roster's ``first_name``, ``last_name``, ``email`` and ``lms_user_id``
    where the gradebook holds any trainee's (``nbgrader db student import``), one column of points per assignment,
    ``total``, ``max_total``, ``percentage``.

    An assignment column is empty (``NaN``) where the trainee has no submission. ``total`` and ``max_total``
    count only the assignments graded so far (:func:`graded_assignments`), see :data:`LMS_RULE`.
    """
    totals = assignment_totals(cohort)
    order = list(cohort.assignments["assignment"])
    counted = graded_assignments(cohort)
    wide = totals.pivot(index="student", columns="assignment", values="score").reindex(
        index=list(cohort.students), columns=order)
    wide = wide.round(2)
    maxima = cohort.assignments.set_index("assignment")["max_score"]
    max_total = float(maxima.reindex(counted).sum())
    wide["total"] = wide[counted].sum(axis=1, min_count=0).round(2)
    wide["max_total"] = max_total
    wide["percentage"] = (100 * wide["total"] / max_total).round(1) if max_total else float("nan")
    wide.columns.name = None
    return _with_roster(wide.reset_index(), cohort.roster)


def _with_roster(table: pd.DataFrame, roster: pd.DataFrame) -> pd.DataFrame:
    """``table`` with the roster's columns that hold a value for some trainee, after ``student`` (empty if unknown)."""
    known = [c for c in roster.columns if c != "student" and roster[c].fillna("").astype(str).str.strip().ne("").any()]
    if not known:
        return table
    people = roster.set_index("student")[known].reindex(table["student"]).fillna("").reset_index(drop=True)
    return pd.concat([table[["student"]], people, table.drop(columns="student")], axis=1)


def write_lms_csv(cohort: CohortData, path: Path) -> Path:
    """Write :func:`lms_table` as UTF-8 CSV (empty cell for a missing submission; see :data:`LMS_RULE`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    safe_frame(lms_table(cohort)).to_csv(path, index=False, float_format="%g")
    return path


def feedback_summary(cohort: CohortData) -> pd.DataFrame:
    """One row per trainee x item that lost points, with the grader's feedback lines joined by `` | ``."""
    lost = cohort.items[cohort.items["score"] < cohort.items["max_score"]]
    table = lost.assign(feedback=lost["feedback"].fillna("").str.replace("\n", " | ", regex=False))
    return table[SUMMARY_COLUMNS].reset_index(drop=True)


_MARKDOWN_ACTIVE = re.compile(r"([\\\[\]<>])")  # what makes links, images and HTML; emphasis is harmless


def markdown_text(text: object) -> str:
    """Feedback text as literal Markdown: a grader's line may echo the trainee's answer, whose ``![..](http://..)``,
    ``[link](..)`` or ``<img ...>`` would otherwise load or link from the summary in a Markdown viewer."""
    return _MARKDOWN_ACTIVE.sub(r"\\\1", str(text))


def trainee_markdown(student: str, totals: pd.DataFrame, weakest: pd.DataFrame, summary: pd.DataFrame,
                     root: Path | None = None) -> str:
    """A short markdown summary for one trainee from that trainee's rows of :func:`assignment_totals`,
    :func:`~ipt_training.analytics.criteria.weakest_criteria` and :func:`feedback_summary`; items are named as
    the source notebooks of the course at ``root`` name them ("Case A")."""
    from ipt_training.analytics.display import item_title

    lines = [f"# Feedback summary: {student}", "", "| assignment | points |", "|---|---|"]
    for row in totals.itertuples(index=False):
        shown = f"{row.score:g} / {row.max_score:g}" if row.submitted else NOT_SUBMITTED
        penalty = float(getattr(row, "late_penalty", 0.0) or 0.0)  # tables made before penalties were read
        if row.submitted and penalty > 0:
            shown += f" (late: {penalty:g} points taken off)"
        lines.append(f"| {row.assignment} | {shown} |")
    if not weakest.empty:
        lines += ["", "## Weakest rubric criteria", ""]
        lines += [f"{r.rank}. **{r.label}**: {r.points:g} of {r.max_points:g} points. "
                  f"{markdown_text(r.example_feedback)}" for r in weakest.itertuples(index=False)]
    if not summary.empty:
        lines += ["", "## Items that lost points", ""]
        for r in summary.itertuples(index=False):
            title = item_title(root, str(r.assignment), str(r.item))
            lines.append(f"- **{r.assignment} / {title}** ({r.score:g} / {r.max_score:g} points)")
            lines += [f"  - {markdown_text(text)}" for text in str(r.feedback).split(" | ") if text]
    return "\n".join(lines) + "\n"


def write_feedback_summaries(cohort: CohortData, folder: Path, top: int = 3) -> list[Path]:
    """``feedback_summary.csv`` plus one ``<student>.md`` per trainee in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / "feedback_summary.csv"]
    summary = feedback_summary(cohort)
    safe_frame(summary).to_csv(paths[0], index=False, float_format="%g")
    tables = (assignment_totals(cohort), weakest_criteria(cohort.criteria, top=top), summary)
    parts = [dict(tuple(table.groupby("student", sort=False))) for table in tables]
    empty = [table.iloc[:0] for table in tables]
    for student in cohort.students:
        path = folder / f"{student}.md"
        tables = [part.get(student, blank) for part, blank in zip(parts, empty, strict=True)]
        path.write_text(trainee_markdown(student, *tables, root=cohort.root), encoding="utf-8")
        paths.append(path)
    return paths
