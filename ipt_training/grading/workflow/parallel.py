"""Autograde a cohort in parallel worker processes, with this process as the one gradebook writer.

Design (docs/reliability.md, "Parallel autograde"):

1. The parent copies the assignment's structure (notebooks, grade/solution/task/source cells, due date) from the
   course gradebook into a *template* SQLite file in a private scratch folder.
2. Each worker process starts from its own copy of the template and runs the unchanged serial path,
   ``Course(root, db_url=<its scratch file>).grade_one(...)``: nbgrader's ``autograde`` and
   ``generate_feedback``, writing ``autograded/<trainee>/`` and ``feedback/<trainee>/`` in the real course
   directory (each trainee's folders are touched by one worker only) and scores into its scratch gradebook.
3. The worker sends back the submission's rows (timestamp, each grade's auto score, each comment's auto comment,
   late penalties) as plain data; the parent writes them into the course gradebook through nbgrader's API,
   exactly as ``SaveAutoGrades`` would have (a grade keeps needing manual review if it has a manual score).

Only the parent ever opens the course gradebook, so SQLite sees one writer and PostgreSQL one connection, and
``nbgrader`` commands keep working on the same course directory. A worker that dies (the OS killed it) costs
only the submissions it had in hand: they are retried once in a fresh pool, then reported as failed.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from ipt_training.grading.workflow.course import Course, CourseError, GradeResult, unexpected_failure


@dataclass
class SubmissionRows:
    """The gradebook rows autograde wrote for one submission, as plain data."""

    timestamp: datetime | None = None
    grades: dict[tuple[str, str], float | None] = field(default_factory=dict)  # (notebook, cell) -> auto score
    comments: dict[tuple[str, str], str | None] = field(default_factory=dict)  # (notebook, cell) -> auto comment
    penalties: dict[str, float | None] = field(default_factory=dict)  # notebook -> late penalty


@dataclass
class WorkerOutcome:
    result: GradeResult
    rows: SubmissionRows | None


# ------------------------------------------------------------------------------------------ gradebook copies


def copy_structure(src: Any, dst: Any, assignment: str) -> None:
    """Copy one assignment's definition (not its submissions) between two open ``Gradebook`` objects."""
    source = src.find_assignment(assignment)
    dst.update_or_create_assignment(assignment, duedate=source.duedate)
    for notebook in source.notebooks:
        dst.update_or_create_notebook(notebook.name, assignment)
        for cell in notebook.grade_cells:
            dst.update_or_create_grade_cell(cell.name, notebook.name, assignment, max_score=cell.max_score,
                                            cell_type=cell.cell_type)
        for cell in notebook.solution_cells:
            dst.update_or_create_solution_cell(cell.name, notebook.name, assignment)
        for cell in notebook.task_cells:
            dst.update_or_create_task_cell(cell.name, notebook.name, assignment, max_score=cell.max_score,
                                           cell_type=cell.cell_type)
        for cell in notebook.source_cells:
            dst.update_or_create_source_cell(cell.name, notebook.name, assignment, cell_type=cell.cell_type,
                                             locked=cell.locked, source=cell.source, checksum=cell.checksum)


def read_rows(gb: Any, assignment: str, student: str) -> SubmissionRows | None:
    """The rows of one submission in an open ``Gradebook`` (None if autograde created none)."""
    from nbgrader.api import MissingEntry

    try:
        submission = gb.find_submission(assignment, student)
    except MissingEntry:
        return None
    rows = SubmissionRows(timestamp=submission.timestamp)
    for notebook in submission.notebooks:
        name = notebook.notebook.name
        rows.penalties[name] = notebook.late_submission_penalty
        for grade in notebook.grades:
            rows.grades[(name, grade.cell.name)] = grade.auto_score
        for comment in notebook.comments:
            rows.comments[(name, comment.cell.name)] = comment.auto_comment
    return rows


def write_rows(gb: Any, assignment: str, student: str, rows: SubmissionRows) -> None:
    """Write a worker's rows into the course gradebook, with ``SaveAutoGrades``' rules."""
    gb.update_or_create_student(student)
    if rows.timestamp is not None:
        gb.update_or_create_submission(assignment, student, timestamp=rows.timestamp)
    else:
        gb.update_or_create_submission(assignment, student)
    for (notebook, cell), auto_score in rows.grades.items():
        grade = gb.find_grade(cell, notebook, assignment, student)
        grade.auto_score = auto_score
        grade.needs_manual_grade = grade.manual_score is not None or auto_score is None
    for (notebook, cell), auto_comment in rows.comments.items():
        gb.find_comment(cell, notebook, assignment, student).auto_comment = auto_comment
    for notebook, penalty in rows.penalties.items():
        gb.find_submission_notebook(notebook, assignment, student).late_submission_penalty = penalty
    gb.db.commit()


# -------------------------------------------------------------------------------------------------- workers

_WORKER: dict[str, Any] = {}


def _init_worker(root: str, template: str, scratch: str) -> None:
    os.environ["IPT_GRADING_HIDE"] = scratch  # the scratch gradebooks hold hidden tests: not for kernels
    own = Path(scratch) / f"worker-{os.getpid()}.db"
    shutil.copyfile(template, own)
    _WORKER["course"] = Course(Path(root), db_url=f"sqlite:///{own}")


def _grade_in_worker(assignment: str, student: str, extension: timedelta | None) -> WorkerOutcome:
    from nbgrader.api import MissingEntry

    course: Course = _WORKER["course"]
    with course.gradebook() as gb:
        with contextlib.suppress(MissingEntry):  # a fresh start (a retry may have left rows)
            gb.remove_submission(assignment, student)
        if extension is not None:
            gb.update_or_create_student(student)
            gb.update_or_create_submission(assignment, student, extension=extension)
    result = course.grade_one(assignment, student)
    with course.gradebook() as gb:
        rows = read_rows(gb, assignment, student)
    return WorkerOutcome(result, rows)


# --------------------------------------------------------------------------------------------------- parent


def _failed(assignment: str, student: str, message: str) -> GradeResult:
    return GradeResult(student, assignment, None, None, False, (message,))


def _record(course: Course, assignment: str, outcome: WorkerOutcome) -> GradeResult:
    result = outcome.result
    if outcome.rows is None:
        return result
    with course.gradebook() as gb:
        write_rows(gb, assignment, result.student, outcome.rows)
        if not result.ok:
            return result
        submission = gb.find_submission(assignment, result.student)
        score, max_score = submission.score, submission.max_score
    return GradeResult(result.student, assignment, score, max_score, True, result.problems, result.feedback)


def autograde_parallel(course: Course, assignment: str, students: list[str], jobs: int,
                       on_done: Callable[[GradeResult], None] | None = None) -> list[GradeResult]:
    """Grade ``students`` in ``jobs`` worker processes; results come back in the order given."""
    from nbgrader.api import MissingEntry

    scratch = Path(tempfile.mkdtemp(prefix="ipt-autograde-"))
    template = scratch / "template.db"
    extensions: dict[str, timedelta | None] = {}
    with course.gradebook() as gb:
        from nbgrader.api import Gradebook

        try:
            gb.find_assignment(assignment)
        except MissingEntry:
            shutil.rmtree(scratch, ignore_errors=True)
            raise CourseError(f"{assignment!r} is not in the gradebook yet: release it first "
                              "(ipt-course release)") from None
        with Gradebook(f"sqlite:///{template}", course_id=course.api.coursedir.course_id) as copy:
            copy_structure(gb, copy, assignment)
        for student in students:
            try:
                extensions[student] = gb.find_submission(assignment, student).extension
            except MissingEntry:
                extensions[student] = None
    for folder in ("autograded", "feedback"):
        (course.root / folder).mkdir(exist_ok=True)
    results: dict[str, GradeResult] = {}
    attempts = dict.fromkeys(students, 0)
    pending = list(students)
    context = multiprocessing.get_context("spawn")
    try:
        while pending:
            for student in pending:
                attempts[student] += 1
            with ProcessPoolExecutor(max_workers=min(jobs, len(pending)), mp_context=context,
                                     initializer=_init_worker,
                                     initargs=(str(course.root), str(template), str(scratch))) as pool:
                futures = {pool.submit(_grade_in_worker, assignment, s, extensions[s]): s for s in pending}
                pending = []
                try:
                    for future in as_completed(futures):
                        student = futures[future]
                        try:
                            result = _record(course, assignment, future.result())
                        except BrokenProcessPool:
                            raise
                        except Exception as exc:  # one submission, not the batch
                            result = unexpected_failure(assignment, student, exc)
                        results[student] = result
                        if on_done is not None:
                            on_done(result)
                except BrokenProcessPool:
                    for student in futures.values():
                        if student in results:
                            continue
                        if attempts[student] < 2:
                            pending.append(student)
                        else:
                            results[student] = _failed(assignment, student,
                                                       "the grading worker process died twice on this submission")
                            if on_done is not None:
                                on_done(results[student])
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return [results[s] for s in students]
