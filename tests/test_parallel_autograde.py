"""``ipt-course autograde --jobs 2`` against serial autograde: the same scores, rows and files, one writer.

A small cohort of ``ipt_foundations`` (solution, half done, untouched, a kernel crash, tampering) is graded
serially in one course with ``Course.autograde`` and, in a copy, by the real command with ``--jobs 2``; the
gradebooks must agree row by row. The copy uses SQLite, and PostgreSQL when ``IPT_TEST_POSTGRES_URL`` is set.
nbgrader's own ``generate_feedback`` must then work on the parallel-graded course.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ipt_training.grading.workflow.course import Course
from ipt_training.grading.workflow.demo import build_course
from ipt_training.grading.workflow.simulate import SubmissionPlan, fill_notebook, solution_answers, submit

pytestmark = pytest.mark.slow

ASSIGNMENT = "ipt_foundations"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"


def _cohort(course: Course) -> None:
    source = course.source_dir / ASSIGNMENT / NOTEBOOK
    release = course.root / "release" / ASSIGNMENT / NOTEBOOK
    sol = solution_answers(source)
    plans = {
        "ana": SubmissionPlan(answers=sol),
        "ben": SubmissionPlan(answers={k: v for k, v in sol.items() if k in ("q1_answer", "q7_answer")}),
        "chen": SubmissionPlan(),
        "dara": SubmissionPlan(answers=sol, extra_cells_after={"q2_answer": ["import os\nos._exit(3)"]}),
        "eli": SubmissionPlan(extra_cells_after={"q1_answer": ["get_ipython().ast_node_interactivity = 'none'"]}),
    }
    for student, plan in plans.items():
        submit(course.root, student, ASSIGNMENT, {NOTEBOOK: fill_notebook(release, plan)})


def _rows(course: Course) -> dict[str, tuple]:
    rows = {}
    with course.gradebook() as gb:
        for submission in gb.find_assignment(ASSIGNMENT).submissions:
            grades = []
            for notebook in submission.notebooks:
                grades += [(g.cell.name, g.auto_score, g.manual_score, g.needs_manual_grade) for g in notebook.grades]
                grades += [(c.cell.name, c.auto_comment) for c in notebook.comments]
            rows[submission.student.id] = (submission.score, submission.max_score, submission.timestamp,
                                           sorted(grades, key=str))
    return rows


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, repo: Path) -> Course:
    course = build_course(repo, tmp_path_factory.mktemp("cohort"))
    _cohort(course)
    return course


@pytest.fixture(scope="module")
def serial(built: Course, tmp_path_factory: pytest.TempPathFactory) -> tuple[Course, dict]:
    root = tmp_path_factory.mktemp("serial") / "course"
    shutil.copytree(built.root, root)
    course = Course(root)
    results = {r.student: r for r in course.autograde(ASSIGNMENT)}
    return course, results


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def parallel(request: pytest.FixtureRequest, built: Course, repo: Path,
             tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Course, subprocess.CompletedProcess]]:
    root = tmp_path_factory.mktemp(f"parallel-{request.param}") / "course"
    shutil.copytree(built.root, root)

    def grade(db_url: str | None) -> tuple[Course, subprocess.CompletedProcess]:
        course = Course(root, db_url=db_url)
        if db_url:
            assert not course.release([ASSIGNMENT])
        command = [sys.executable, "-m", "ipt_training.cli", "autograde", ASSIGNMENT, "--course", str(root),
                   "--jobs", "2", *(["--db-url", db_url] if db_url else [])]
        env = {**os.environ, "PYTHONPATH": str(repo), "COLUMNS": "200"}
        return course, subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)

    if request.param == "sqlite":
        yield grade(None)
        return
    yield grade(request.getfixturevalue("postgres_url"))


def test_jobs_2_gives_exactly_the_serial_scores(serial: tuple[Course, dict], parallel) -> None:
    (serial_course, results), (parallel_course, run) = serial, parallel
    assert run.returncode == 1, run.stdout + run.stderr  # dara's crash and chen's blanks are problems to review
    assert "(2 jobs)" in run.stderr
    assert _rows(parallel_course) == _rows(serial_course)
    assert {s: r.score for s, r in results.items()} == {"ana": 16, "ben": 5, "chen": 0, "dara": 16, "eli": 0}


def test_jobs_2_writes_the_same_files_and_messages(serial: tuple[Course, dict], parallel) -> None:
    (serial_course, results), (parallel_course, run) = serial, parallel
    for folder in ("autograded", "feedback"):
        ours = sorted(p.relative_to(parallel_course.root) for p in (parallel_course.root / folder).rglob("*.*"))
        theirs = sorted(p.relative_to(serial_course.root) for p in (serial_course.root / folder).rglob("*.*"))
        assert ours == theirs
    for student, result in results.items():
        for problem in result.problems:
            assert f"{student}/{ASSIGNMENT}: {problem}" in run.stdout


def test_nbgrader_commands_still_work_on_the_parallel_course(parallel, repo: Path) -> None:
    course, _ = parallel
    command = [sys.executable, "-m", "nbgrader", "generate_feedback", ASSIGNMENT, "--force"]
    if course.db_url:
        command.append(f"--CourseDirectory.db_url={course.db_url}")
    env = {**os.environ, "PYTHONPATH": str(repo)}
    run = subprocess.run(command, cwd=course.root, capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    page = (course.root / "feedback" / "ana" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text(encoding="utf-8")
    assert "Assignment: IPT foundations (Score: 16 / 16)" in page and "Question 1: 1 / 1" in page  # our page
