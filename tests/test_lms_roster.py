"""The LMS export carries what the instructor's roster gives (names, e-mail, LMS user id), read from a real gradebook.

The README asks instructors to import trainees with ``nbgrader db student import cohort.csv``
(``id,first_name,last_name,email``); an LMS matches its grade import on those, so ``lms_grades.csv`` keeps them.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from nbgrader.api import Gradebook

from ipt_training.analytics import export
from ipt_training.analytics.gradebook import ASSIGNMENT_COLUMNS, build_cohort, read_roster

FORMULATION = "problem_area_formulation"


def _grade(student: str, score: float) -> dict:
    return {"student": student, "assignment": FORMULATION, "notebook": FORMULATION, "item": "case_a_test",
            "cell_kind": "GradeCell", "score": score, "max_score": 10.0, "auto_score": score,
            "manual_score": None, "extra_credit": None, "needs_manual_grade": False}


def _cohort(tmp_path: Path, roster: pd.DataFrame):
    grades = pd.DataFrame([_grade("ana", 9.5), _grade("ben", 4.0)])
    assignments = pd.DataFrame([(FORMULATION, 0, None, 10.0)], columns=ASSIGNMENT_COLUMNS)
    empty = tmp_path / "autograded"
    empty.mkdir(exist_ok=True)
    return replace(build_cohort(grades, assignments, ["ana", "ben", "cai"], empty, None), roster=roster)


@pytest.fixture
def gradebook(tmp_path: Path):
    with Gradebook(f"sqlite:///{tmp_path / 'gradebook.db'}") as gb:
        yield gb


def test_roster_is_read_from_the_gradebook(gradebook) -> None:
    gradebook.add_student("ben", first_name="Ben", last_name="Okafor", email="ben@example.org")
    gradebook.add_student("ana", first_name="Ana", last_name="Silva", email="ana@example.org", lms_user_id="A-17")
    gradebook.add_student("cai")  # added by id only
    roster = read_roster(gradebook).set_index("student")
    assert list(roster.index) == ["ana", "ben", "cai"]
    assert roster.loc["ana"].tolist() == ["Ana", "Silva", "ana@example.org", "A-17"]
    assert roster.loc["ben", "lms_user_id"] == "" and roster.loc["cai"].tolist() == ["", "", "", ""]


def test_lms_csv_keeps_names_and_email_after_the_id(gradebook, tmp_path: Path) -> None:
    gradebook.add_student("ana", first_name="Ana", last_name="Silva", email="ana@example.org")
    gradebook.add_student("ben", first_name="Ben", last_name="Okafor", email="ben@example.org")
    gradebook.add_student("cai")
    lines = export.write_lms_csv(_cohort(tmp_path, read_roster(gradebook)), tmp_path / "lms.csv").read_text()
    lines = lines.splitlines()
    assert lines[0] == f"student,first_name,last_name,email,{FORMULATION},total,max_total,percentage"
    assert lines[1] == "ana,Ana,Silva,ana@example.org,9.5,9.5,10,95"
    assert lines[3] == "cai,,,,,0,10,0"  # unknown names stay empty; a missing submission too


def test_a_roster_of_ids_only_keeps_the_documented_shape(gradebook, tmp_path: Path) -> None:
    for student in ("ana", "ben", "cai"):
        gradebook.add_student(student)
    table = export.lms_table(_cohort(tmp_path, read_roster(gradebook)))
    assert list(table.columns) == ["student", FORMULATION, "total", "max_total", "percentage"]


def test_a_formula_in_a_roster_name_is_not_run_by_a_spreadsheet(gradebook, tmp_path: Path) -> None:
    gradebook.add_student("ana", first_name="=HYPERLINK(\"http://x.example\",\"click\")", last_name="Silva")
    path = export.write_lms_csv(_cohort(tmp_path, read_roster(gradebook)), tmp_path / "lms.csv")
    row = pd.read_csv(path, dtype=str, keep_default_na=False).set_index("student").loc["ana"]
    assert not row["first_name"].startswith("=") and "HYPERLINK" in row["first_name"]
