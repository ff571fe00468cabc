"""The nbgrader course directory: release assignments, autograde submissions, write feedback.

Thin, typed wrappers around nbgrader's own API (``NbGraderAPI``), so ``nbgrader generate_assignment``,
``nbgrader autograde`` and ``nbgrader generate_feedback`` keep working on the same directory.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

KEYS_FOLDER = "keys"


class CourseError(RuntimeError):
    """A course directory that cannot be used (missing config, unknown assignment...)."""


def find_course_root(start: Path | None = None) -> Path:
    """The course directory at or above ``start`` (it holds ``nbgrader_config.py`` and ``source/``)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "nbgrader_config.py").is_file() and (folder / "source").is_dir():
            return folder
    package_parent = Path(__file__).resolve().parents[2]
    if (package_parent / "nbgrader_config.py").is_file() and (package_parent / "source").is_dir():
        return package_parent
    raise CourseError(f"no course directory (nbgrader_config.py + source/) at or above {here}")


@dataclass(frozen=True)
class GradeResult:
    """The outcome of autograding one trainee's submission of one assignment."""

    student: str
    assignment: str
    score: float | None
    max_score: float | None
    ok: bool
    problems: tuple[str, ...] = ()
    feedback: tuple[Path, ...] = ()

    @property
    def status(self) -> str:
        if not self.ok:
            return "failed"
        return "graded with problems" if self.problems else "graded"


@dataclass
class Course:
    """An nbgrader course directory."""

    root: Path
    db_url: str | None = None
    _api: object | None = field(default=None, repr=False)

    @property
    def source_dir(self) -> Path:
        return self.root / "source"

    def assignments(self) -> list[str]:
        """Assignment folders in ``source/`` (the instructor key folder is not an assignment)."""
        return sorted(p.name for p in self.source_dir.iterdir()
                      if p.is_dir() and p.name != KEYS_FOLDER and any(p.glob("*.ipynb")))

    def config(self):
        from traitlets.config import Config
        from traitlets.config.loader import PyFileConfigLoader

        config = Config()
        if (self.root / "nbgrader_config.py").is_file():
            config.merge(PyFileConfigLoader("nbgrader_config.py", path=str(self.root)).load_config())
        config.CourseDirectory.root = str(self.root)
        if self.db_url:
            config.CourseDirectory.db_url = self.db_url
        return config

    @property
    def api(self):
        if self._api is None:
            from nbgrader.apps import NbGraderAPI
            from nbgrader.coursedir import CourseDirectory

            config = self.config()
            self._api = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)
        return self._api

    def gradebook(self):
        from nbgrader.api import Gradebook

        return Gradebook(self.api.coursedir.db_url, course_id=self.api.coursedir.course_id)

    def _check_assignment(self, assignment: str) -> None:
        if assignment not in self.assignments():
            raise CourseError(f"unknown assignment {assignment!r}; known: {', '.join(self.assignments())}")

    def release(self, assignments: Iterable[str] | None = None) -> dict[str, str]:
        """Generate ``release/<assignment>`` from ``source/`` for each assignment; returns errors by assignment."""
        errors: dict[str, str] = {}
        for assignment in assignments or self.assignments():
            self._check_assignment(assignment)
            result = self.api.generate_assignment(assignment, force=True, create=True)
            if not result["success"]:
                errors[assignment] = _last_error(result.get("log", "") + "\n" + str(result.get("error", "")))
        return errors

    def submitted_students(self, assignment: str) -> list[str]:
        folder = self.root / "submitted"
        if not folder.is_dir():
            return []
        return sorted(p.name for p in folder.iterdir() if (p / assignment).is_dir())

    def autograde(self, assignment: str, students: Iterable[str] | None = None,
                  on_done: Callable[[GradeResult], None] | None = None) -> list[GradeResult]:
        """Autograde and write feedback for each submission; one failure never stops the batch."""
        self._check_assignment(assignment)
        results = []
        for student in students or self.submitted_students(assignment):
            result = self.grade_one(assignment, student)
            results.append(result)
            if on_done is not None:
                on_done(result)
        return results

    def grade_one(self, assignment: str, student: str) -> GradeResult:
        """Autograde one submission, generate its feedback and read the score from the gradebook."""
        from ipt_training.grading.diagnose import diagnose_submission, explain_log

        problems = list(diagnose_submission(self.root / "submitted" / student / assignment,
                                            self.source_dir / assignment))
        graded = self.api.autograde(assignment, student, force=True, create=True)
        if not graded["success"]:
            problems.append(explain_log(graded.get("log", "") + "\n" + str(graded.get("error", ""))))
            return GradeResult(student, assignment, None, None, False, tuple(problems))
        problems += diagnose_autograded(self.root / "autograded" / student / assignment)
        feedback = self.api.generate_feedback(assignment, student, force=True)
        if not feedback["success"]:
            problems.append("feedback could not be generated: " + _last_error(feedback.get("log", "")))
        with self.gradebook() as gb:
            submission = gb.find_submission(assignment, student)
            score, max_score = submission.score, submission.max_score
        paths = tuple(sorted((self.root / "feedback" / student / assignment).glob("*.html")))
        return GradeResult(student, assignment, score, max_score, True, tuple(problems), paths)


def diagnose_autograded(folder: Path) -> list[str]:
    """Problems visible in an autograded notebook: cells that errored or timed out."""
    from ipt_training.grading.diagnose import cell_errors

    problems: list[str] = []
    for notebook in sorted(folder.glob("*.ipynb")):
        problems += [f"{notebook.name}: {message}" for message in cell_errors(notebook)]
    return problems


def _last_error(log: str) -> str:
    lines = [line.strip() for line in log.splitlines() if re.search(r"error|exception", line, re.I)]
    return lines[-1] if lines else (log.strip().splitlines() or ["unknown error"])[-1]
