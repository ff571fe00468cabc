"""The cohort report part-way through a course: assignments not collected yet are "not submitted", never 0 %.

Built from gradebook-shaped tables (what :func:`read_gradebook` returns), so every rule is checked without a
grading round trip; the report title's course id is checked on a real course in ``test_analytics``.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from ipt_training.analytics import export, plots
from ipt_training.analytics.gradebook import ASSIGNMENT_COLUMNS, build_cohort
from ipt_training.analytics.report import analyse, lms_display, write_analysis

FOUNDATIONS, FORMULATION, INVENTORY = "ipt_foundations", "problem_area_formulation", "inventory_and_timeline"


def _grade(student: str, assignment: str, item: str, score: float, max_score: float) -> dict:
    return {"student": student, "assignment": assignment, "notebook": assignment, "item": item,
            "cell_kind": "GradeCell", "score": score, "max_score": max_score, "auto_score": score,
            "manual_score": None, "extra_credit": None, "needs_manual_grade": False}


@pytest.fixture(scope="module")
def early_cohort(tmp_path_factory: pytest.TempPathFactory):
    """Only the formulation assignment is graded: ana 29.5 / 30, ben 12 / 30, cai has not submitted it."""
    grades = pd.DataFrame([
        _grade("ana", FORMULATION, "case_a_test", 10, 10), _grade("ana", FORMULATION, "case_b_test", 9.5, 10),
        _grade("ana", FORMULATION, "case_c_test", 10, 10),
        _grade("ben", FORMULATION, "case_a_test", 4, 10), _grade("ben", FORMULATION, "case_b_test", 4, 10),
        _grade("ben", FORMULATION, "case_c_test", 4, 10),
    ])
    assignments = pd.DataFrame([(FOUNDATIONS, 0, None, 16.0), (FORMULATION, 1, None, 30.0),
                                (INVENTORY, 2, None, 12.0)], columns=ASSIGNMENT_COLUMNS)
    empty = tmp_path_factory.mktemp("autograded")
    return build_cohort(grades, assignments, ["ana", "ben", "cai"], empty, None)


def test_lms_percentage_counts_only_graded_assignments(early_cohort) -> None:
    table = export.lms_table(early_cohort).set_index("student")
    assert export.graded_assignments(early_cohort) == [FORMULATION]
    assert table.loc["ana", "percentage"] == round(100 * 29.5 / 30, 1) == 98.3  # not 29.5 / 58 = 50.9 %
    assert table.loc["ana", "max_total"] == 30
    assert table.loc["ben", "percentage"] == 40.0
    assert table.loc["cai", "percentage"] == 0.0 and math.isnan(table.loc["cai", FORMULATION])
    assert table[[FOUNDATIONS, INVENTORY]].isna().all().all()


def test_lms_csv_leaves_missing_work_empty(early_cohort, tmp_path: Path) -> None:
    lines = export.write_lms_csv(early_cohort, tmp_path / "lms.csv").read_text().splitlines()
    assert lines[0] == f"student,{FOUNDATIONS},{FORMULATION},{INVENTORY},total,max_total,percentage"
    assert lines[1] == "ana,,29.5,,29.5,30,98.3"
    assert lines[3] == "cai,,,,0,30,0"


def test_report_tables_say_not_submitted(early_cohort, tmp_path: Path) -> None:
    analysis = analyse(early_cohort)
    shown = lms_display(analysis).set_index("student")
    assert shown.loc["ana", FOUNDATIONS] == "not submitted" and shown.loc["ana", FORMULATION] == "29.5"
    assert shown.loc["cai", FORMULATION] == "not submitted"
    page = write_analysis(analysis, tmp_path / "report", title="ipt-course").read_text(encoding="utf-8")
    assert "How the percentage is computed" in page
    assert f"Counted now: {FORMULATION}; not collected yet: {FOUNDATIONS}, {INVENTORY}." in page
    assert "<td>not submitted</td>" in page
    assert "ana.md" in {p.name for p in (tmp_path / "report" / "feedback").iterdir()}
    assert "| ipt_foundations | not submitted |" in (tmp_path / "report" / "feedback" / "ana.md").read_text()


def test_progress_plot_shows_missing_work_as_gaps_not_zero(early_cohort) -> None:
    totals = export.assignment_totals(early_cohort)
    table = plots.progress_table(totals)
    assert list(table.columns) == [FOUNDATIONS, FORMULATION, INVENTORY]
    assert table[FOUNDATIONS].isna().all() and math.isnan(table.loc["cai", FORMULATION])
    assert table.loc["ana", FORMULATION] == pytest.approx(100 * 29.5 / 30)
    figure = plots.progress_figure(totals)
    ax = figure.axes[0]
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == [f"{FOUNDATIONS}\n(not submitted)", f"{FORMULATION}\n(1 not submitted)",
                      f"{INVENTORY}\n(not submitted)"]
    plotted = [y for line in ax.get_lines() for y in line.get_ydata() if not math.isnan(y)]
    assert 0 not in plotted  # nothing is drawn as 0 %


def test_empty_score_panels_have_no_negative_counts(early_cohort) -> None:
    figure = plots.score_distributions_figure(export.assignment_totals(early_cohort))
    figure.canvas.draw()
    for ax in figure.axes:
        bottom, _ = ax.get_ylim()
        ticks = [t for t in ax.get_yticks() if bottom <= t <= ax.get_ylim()[1]]
        assert bottom == 0 and min(ticks) >= 0, ax.get_title()
    empty = next(ax for ax in figure.axes if ax.get_title().startswith(FOUNDATIONS))
    assert "not submitted yet" in [t.get_text() for t in empty.texts]
