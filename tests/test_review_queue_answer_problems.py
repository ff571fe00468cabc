"""An answer the grader could not read as given and scored 0 reaches the instructor's review queue (round 15 left
it out): its answer cell deleted, stopped by a SyntaxError, or not in the expected form (the template left in place).
An empty answer is a clear 0 and is not queued. Real release and autograde of ``ipt_foundations``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from ipt_training.analytics.gradebook import load_cohort
from ipt_training.analytics.report import analyse
from ipt_training.grading.workflow.course import Course, GradeResult
from ipt_training.grading.workflow.simulate import SubmissionPlan, fill_notebook, solution_answers, submit

ASSIGNMENT = "ipt_foundations"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
FORMULATION = "problem_area_formulation"


@pytest.fixture(scope="module")
def graded(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, GradeResult], pd.DataFrame]:
    root = tmp_path_factory.mktemp("answer-problems")
    shutil.copy2(repo / "nbgrader_config.py", root / "nbgrader_config.py")
    for folder in ("keys", ASSIGNMENT, FORMULATION):
        shutil.copytree(repo / "source" / folder, root / "source" / folder)
    course = Course(root)
    assert course.release([ASSIGNMENT, FORMULATION]) == {}
    release = root / "release" / ASSIGNMENT / NOTEBOOK
    sol = solution_answers(root / "source" / ASSIGNMENT / NOTEBOOK)
    without_q8 = {k: v for k, v in sol.items() if k != "q8_answer"}
    plans = {
        "honest": SubmissionPlan(answers=sol),
        "deleted": SubmissionPlan(answers=sol, delete_cells=["q1_answer"]),
        "syntax": SubmissionPlan(answers={**sol, "q1_answer": "q1 = 'b"}),  # a closing quote forgotten
        "template": SubmissionPlan(answers=without_q8),  # q8 left as 'Write your answer here.'
        "empty": SubmissionPlan(answers={**sol, "q1_answer": "q1 = ''"}),
    }
    for student, plan in plans.items():
        submit(root, student, ASSIGNMENT, {NOTEBOOK: fill_notebook(release, plan)})
    results = {r.student: r for r in course.autograde(ASSIGNMENT, list(plans), jobs=2)}
    notebook = f"{FORMULATION}.ipynb"
    solved = solution_answers(root / "source" / FORMULATION / notebook)
    plan = SubmissionPlan(answers=solved, delete_cells=["case_a_answer"])
    submit(root, "deleted", FORMULATION, {notebook: fill_notebook(root / "release" / FORMULATION / notebook, plan)})
    [formulation] = course.autograde(FORMULATION, ["deleted"])
    results["deleted formulation"] = formulation
    return results, analyse(load_cohort(course)).review


def _reasons(review: pd.DataFrame, student: str, assignment: str = ASSIGNMENT) -> dict[str, str]:
    rows = review[(review["student"] == student) & (review["assignment"] == assignment)]
    return dict(zip(rows["item"], rows["reasons"], strict=True))


def test_a_deleted_answer_cell_is_queued(graded) -> None:
    results, review = graded
    assert results["deleted"].score == 15
    assert "answer not defined when graded (`q1`)" in _reasons(review, "deleted")["q1_test"]



def test_a_deleted_formulation_is_queued_without_a_reading_of_its_missing_text(graded) -> None:
    results, review = graded
    assert results["deleted formulation"].score == 20
    assert "answer not defined when graded (`primary_area_a`" in _reasons(review, "deleted", FORMULATION)["case_a_test"]
    row = review[(review["assignment"] == FORMULATION) & (review["item"] == "case_a_test")].iloc[0]
    assert pd.isna(row["confidence"]) and pd.isna(row["detected_area"])  # no answer: nothing was read
    assert set(review[review["assignment"] == FORMULATION]["item"]) == {"case_a_test"}


def test_a_syntax_error_in_an_answer_is_named_and_queued(graded) -> None:
    results, review = graded
    assert results["syntax"].score == 15
    said = [p for p in results["syntax"].problems if "SyntaxError" in p]
    assert len(said) == 1 and '"Q1. Who developed IPT?" (q1_answer): SyntaxError in line 1 of the cell' in said[0]
    assert ".py, line" not in said[0]  # not the kernel's temporary file name
    reason = _reasons(review, "syntax")["q1_test"]
    assert "answer not defined when graded (`q1`)" in reason and "scored 0" in reason


def test_an_answer_left_as_the_template_is_queued(graded) -> None:
    results, review = graded
    assert results["template"].score == 13  # q8 is worth 3
    assert "answer not in the expected form" in _reasons(review, "template")["q8_test"]


def test_empty_and_honest_answers_are_not_queued(graded) -> None:
    results, review = graded
    assert results["honest"].score == 16 and results["empty"].score == 15
    assert _reasons(review, "honest") == {} and _reasons(review, "empty") == {}
