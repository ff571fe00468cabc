"""One trainee's damaged files never stop the cohort report (attack F14).

A builder answers file (``ipt_answers.json``) nested 100,000 deep is 200 KB, under the size cap, and makes
``json.loads`` raise RecursionError. One real round trip: release, a trainee who typed the solution and one who
submitted only the deep file, ``ipt-course autograde``; then a deep file is also left in the first trainee's
graded folder (as a notebook can write it at run time) and ``ipt-course report`` runs by its installed script.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sysconfig
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from ipt_training.analytics.gradebook import CohortData, load_cohort
from ipt_training.grading.workflow.course import Course
from ipt_training.grading.workflow.simulate import SubmissionPlan, fill_notebook, solution_answers, submit
from ipt_training.practice.record import RecordFileError, load_export
from ipt_training.saved_answers import ANSWERS_FILE, load_all

pytestmark = pytest.mark.slow

ASSIGNMENT = "problem_area_formulation"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
TESTS = ["case_a_test", "case_b_test", "case_c_test"]
DEEP = '{"a": ' + "[" * 100_000 + "]" * 100_000 + "}"


@dataclass
class Reported:
    course: Course
    autograde: subprocess.CompletedProcess[str]
    report: subprocess.CompletedProcess[str]
    cohort: CohortData


def _script() -> Path:
    script = Path(sysconfig.get_path("scripts")) / "ipt-course"
    assert script.is_file(), f"{script} missing: install the package first (pip install -e .)"
    return script


@pytest.fixture(scope="module")
def reported(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Reported:
    root = tmp_path_factory.mktemp("deep-answers")
    shutil.copy2(repo / "nbgrader_config.py", root / "nbgrader_config.py")
    for folder in ("keys", ASSIGNMENT):
        shutil.copytree(repo / "source" / folder, root / "source" / folder)
    course = Course(root)
    assert not course.release()
    release = root / "release" / ASSIGNMENT / NOTEBOOK
    solution = solution_answers(root / "source" / ASSIGNMENT / NOTEBOOK)
    submit(root, "typed", ASSIGNMENT, {NOTEBOOK: fill_notebook(release, SubmissionPlan(answers=solution))})
    submit(root, "deep", ASSIGNMENT, {NOTEBOOK: fill_notebook(release, SubmissionPlan()),
                                      ANSWERS_FILE: DEEP.encode()})
    env = {"PATH": "/usr/bin:/bin", "HOME": str(root), "LANG": "C.UTF-8"}
    graded = subprocess.run([str(_script()), "autograde", ASSIGNMENT, "--course", str(root)], capture_output=True,
                            text=True, timeout=900, env=env)
    # What a notebook can do at run time: leave a damaged answers file in its own graded folder.
    (root / "autograded" / "typed" / ASSIGNMENT / ANSWERS_FILE).write_text(DEEP)
    report = subprocess.run([str(_script()), "report", "--course", str(root)], capture_output=True, text=True,
                            timeout=900, env=env)
    return Reported(course, graded, report, load_cohort(course))


def test_the_deep_file_really_breaks_a_plain_json_reader() -> None:
    with pytest.raises(RecursionError):
        json.loads(DEEP)


def test_autograde_grades_both_and_names_the_missing_answers(reported: Reported) -> None:
    out = reported.autograde.stdout
    assert "typed" in out and "deep" in out, out + reported.autograde.stderr
    assert "Traceback" not in reported.autograde.stderr and "RecursionError" not in out + reported.autograde.stderr
    assert 'no answer given for "Case A" (case_a_test), "Case B" (case_b_test), "Case C" (case_c_test)' in out, out


def test_report_is_written_for_the_whole_cohort(reported: Reported) -> None:
    assert reported.report.returncode == 0, reported.report.stderr
    assert "report written to" in reported.report.stdout
    assert (reported.course.root / "report" / "index.html").is_file()


def test_report_of_the_other_trainee_is_complete(reported: Reported) -> None:
    items = reported.cohort.items
    typed = items[items["student"] == "typed"].set_index("item")["score"]
    assert sorted(typed.index) == TESTS and typed.sum() >= 29
    forms = reported.cohort.formulations.set_index(["student", "item"])
    for item in TESTS:
        row = forms.loc[("typed", item)]
        assert row["chosen_area"] == row["reference_area"] and len(row["text"].split()) > 30
        assert pd.isna(forms.loc[("deep", item)]["chosen_area"])
    deep = items[items["student"] == "deep"].set_index("item")["score"]
    assert sorted(deep.index) == TESTS and deep.sum() == 0


def test_damaged_trainee_files_read_as_no_data(tmp_path: Path) -> None:
    (tmp_path / ANSWERS_FILE).write_text(DEEP)
    assert load_all(tmp_path) == {}
    record = tmp_path / "record.json"
    record.write_text(DEEP)
    with pytest.raises(RecordFileError, match="nested too deeply or too large"):
        load_export(record)
