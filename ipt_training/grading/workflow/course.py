"""The nbgrader course directory: release assignments, autograde submissions, write feedback.

Thin, typed wrappers around nbgrader's own API (``NbGraderAPI``), so ``nbgrader generate_assignment``,
``nbgrader autograde`` and ``nbgrader generate_feedback`` keep working on the same directory. Autograde runs
each notebook in the grading sandbox and scores grade cells outside the kernel (both configured in
``nbgrader_config.py``); ``autograde(..., jobs=N)`` grades N submissions at a time (``parallel``).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ipt_training.grading.feedback.csp import meta_tag

KEYS_FOLDER = "keys"


class CourseError(RuntimeError):
    """A course directory that cannot be used (missing config, unknown assignment...)."""


def find_course_root(start: Path | None = None) -> Path:
    """The course directory at or above ``start`` (it holds ``nbgrader_config.py`` and ``source/``)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "nbgrader_config.py").is_file() and (folder / "source").is_dir():
            return folder
    package_parent = Path(__file__).resolve().parents[3]
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

    def __post_init__(self) -> None:
        from ipt_training.grading.trusted.printable import printable

        # Problems quote file names and error messages the trainee chose: printed, they must not drive a terminal.
        object.__setattr__(self, "problems", tuple(printable(p) for p in self.problems))

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

            from ipt_training.runtime import prepare_process

            prepare_process()  # alembic and nbconvert's templates found even from a venv that is not activated

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
        """Generate ``release/<assignment>`` from ``source/`` for each assignment, with trainee copies of the
        instructor's own cases it names (:mod:`ipt_training.grading.workflow.own_cases`); returns errors by
        assignment (an assignment that grades a table trainees can read is one:
        :mod:`ipt_training.grading.workflow.shipped_tables`)."""
        from ipt_training.grading.workflow.own_cases import release_own_cases
        from ipt_training.grading.workflow.points_check import points_mismatches
        from ipt_training.grading.workflow.shipped_tables import shipped_table_problems

        errors: dict[str, str] = {}
        for assignment in assignments or self.assignments():
            self._check_assignment(assignment)
            result = self.api.generate_assignment(assignment, force=True, create=True)
            if not result["success"]:
                errors[assignment] = _last_error(result.get("log", "") + "\n" + str(result.get("error", "")))
                continue
            problems = [problem for notebook in sorted((self.source_dir / assignment).glob("*.ipynb"))
                        for problem in points_mismatches(notebook)]
            problems += release_own_cases(self.root, assignment)
            problems += shipped_table_problems(self.root, assignment)
            if problems:
                errors[assignment] = "; ".join(problems)
        return errors

    def submitted_students(self, assignment: str) -> list[str]:
        folder = self.root / "submitted"
        if not folder.is_dir():
            return []
        return sorted(p.name for p in folder.iterdir() if (p / assignment).is_dir())

    @property
    def db_url_in_use(self) -> str:
        return str(self.api.coursedir.db_url)

    def autograde(self, assignment: str, students: Iterable[str] | None = None,
                  on_done: Callable[[GradeResult], None] | None = None, jobs: int = 1) -> list[GradeResult]:
        """Autograde and write feedback for each submission; one failure never stops the batch.

        With ``jobs > 1`` submissions are graded in that many worker processes, and this process alone writes
        the gradebook (see :mod:`ipt_training.grading.workflow.parallel`). Why a submission was not graded is kept
        in the course directory for the report (:mod:`ipt_training.grading.workflow.not_graded`).
        """
        self._check_assignment(assignment)
        from ipt_training.grading.sandbox.kernel import SandboxedKernelManager, SandboxUnavailable

        try:  # refuse the whole batch up front rather than fail every submission the same way
            SandboxedKernelManager(config=self.config()).bwrap_path()
        except SandboxUnavailable as exc:
            raise CourseError(str(exc)) from None
        chosen = list(students or self.submitted_students(assignment))
        if jobs > 1 and len(chosen) > 1:
            from ipt_training.grading.workflow.parallel import autograde_parallel

            results = autograde_parallel(self, assignment, chosen, jobs, on_done)
        else:
            results = []
            for student in chosen:
                result = self.grade_one(assignment, student)
                results.append(result)
                if on_done is not None:
                    on_done(result)
        from ipt_training.grading.workflow.not_graded import record_outcomes

        record_outcomes(self.root, results)  # the report lists what was not graded, from the course directory
        return results

    def grade_one(self, assignment: str, student: str) -> GradeResult:
        """Autograde one submission, generate its feedback and read the score from the gradebook.

        Never raises for anything in the submission: an unexpected failure while diagnosing or grading it is that
        submission's failure, in plain words, so a serial batch goes on as the parallel one does.
        """
        try:
            return self._grade_one(assignment, student)
        except Exception as exc:  # one submission, not the batch (KeyboardInterrupt still stops it)
            return unexpected_failure(assignment, student, exc)

    def _grade_one(self, assignment: str, student: str) -> GradeResult:
        from ipt_training.grading.trusted.course_root import COURSE_ENV
        from ipt_training.grading.trusted.diagnose import (
            damaged_submission,
            diagnose_submission,
            explain_log,
            refusal,
        )

        os.environ["IPT_GRADEBOOK_URL"] = self.db_url_in_use  # the sandbox hides this database from kernels
        os.environ[COURSE_ENV] = str(self.root.resolve())  # keys come only from here (trusted/course_root.py)
        submitted = self.root / "submitted" / student / assignment
        refused = refusal(submitted)
        if refused:  # before nbgrader copies links' targets or blocks on a pipe
            return GradeResult(student, assignment, None, None, False, (refused,))
        problems = list(diagnose_submission(submitted, self.source_dir / assignment))
        if damaged_submission(problems):  # nbgrader would stop on it with a Python error
            return GradeResult(student, assignment, None, None, False, _unique(problems))
        limit = submission_time_limit()
        with wall_clock_limit(limit) as timer:
            try:
                graded = self.api.autograde(assignment, student, force=True, create=True)
            except Exception as exc:  # nbgrader normally reports failures in its result
                graded = {"success": False, "log": "", "error": f"{type(exc).__name__}: {exc}"}
            if timer.expired:
                graded = {"success": False, "log": "", "error": ""}
            elif graded["success"]:
                folder = self.root / "autograded" / student / assignment
                graded_names = {p.name for p in (self.source_dir / assignment).glob("*.ipynb")}
                written = remove_written_notebooks(folder, graded_names, submitted)
                if written:
                    problems.append(f"its code wrote notebooks into its folder ({', '.join(written[:5])}); they "
                                    "were removed, not graded or read by the grader")
                problems += diagnose_autograded(folder, self.root, graded_names)
                try:
                    feedback = self.api.generate_feedback(assignment, student, force=True)
                except SubmissionTimeout:
                    feedback = {"success": False, "log": ""}
                if not feedback["success"] and not timer.expired:
                    log = feedback.get("log", "") + "\n" + str(feedback.get("error") or "")
                    problems.append("feedback could not be generated: " + _last_error(log))
        if timer.expired:
            problems.append(f"grading this submission took longer than its {limit} s limit and was stopped; "
                            "it was not graded (review it by hand)")
            return GradeResult(student, assignment, None, None, False, _unique(problems))
        if not graded["success"]:
            problems.append(explain_log(graded.get("log", "") + "\n" + str(graded.get("error", ""))))
            return GradeResult(student, assignment, None, None, False, _unique(problems))
        paths = tuple(sorted((self.root / "feedback" / student / assignment).glob("*.html")))
        problems += check_feedback(paths, submitted, self.root)
        with self.gradebook() as gb:
            submission = gb.find_submission(assignment, student)
            score, max_score = submission.score, submission.max_score
        return GradeResult(student, assignment, score, max_score, True, _unique(problems), paths)


def unexpected_failure(assignment: str, student: str, exc: BaseException) -> GradeResult:
    """A submission whose grading stopped on an unexpected error: failed, in plain words (traceback with
    ``IPT_DEBUG=1``)."""
    if os.environ.get("IPT_DEBUG"):
        import traceback

        traceback.print_exception(exc)
    return GradeResult(student, assignment, None, None, False, (
        "not graded: grading stopped on this submission (a damaged notebook, or a problem in the grader); the "
        "other submissions were graded. Review it by hand (IPT_DEBUG=1 shows the details)",))


SUBMISSION_SECONDS_ENV = "IPT_GRADING_SUBMISSION_SECONDS"


class SubmissionTimeout(Exception):
    """One submission ran past its wall-clock limit (raised by the alarm in :func:`wall_clock_limit`)."""


def submission_time_limit() -> int:
    """Wall-clock seconds for every step of one submission (``$IPT_GRADING_SUBMISSION_SECONDS``, default 600)."""
    try:
        return int(os.environ.get(SUBMISSION_SECONDS_ENV, "600"))
    except ValueError:
        return 600


@dataclass
class _Timer:
    expired: bool = False


@contextmanager
def wall_clock_limit(seconds: int) -> Iterator[_Timer]:
    """Raise :class:`SubmissionTimeout` in this (main) thread after ``seconds``; ``timer.expired`` tells.

    A backstop behind the notebook's own time budget: a step that blocks in the grading process (a read, a copy)
    is interrupted by the alarm, so the batch goes on. Outside the main thread it does nothing.
    """
    import signal
    import threading

    timer = _Timer()
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield timer
        return

    def expire(_signum: int, _frame: object) -> None:
        timer.expired = True
        raise SubmissionTimeout(f"past {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield timer
    except SubmissionTimeout:
        timer.expired = True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _unique(problems: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(problems))


def remove_written_notebooks(folder: Path, graded: set[str], submitted: Path) -> list[str]:
    """Delete the notebooks the trainee's code wrote into its folder (not graded, not submitted): nbgrader would
    try to make feedback from them and fail, and their metadata could forge a diagnosis. Their names."""
    written = sorted(p.name for p in folder.glob("*.ipynb")
                     if p.name not in graded and not (submitted / p.name).exists())
    for name in written:
        path = folder / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    return written


def diagnose_autograded(folder: Path, course_root: Path | None = None, graded: set[str] | None = None) -> list[str]:
    """Problems visible in an autograded notebook: cells that errored, timed out, were blocked by the sandbox,
    printed key text (withheld from the feedback), or whose code reaches for the instructor's files.

    Only the notebooks nbgrader graded (``graded``, the assignment's notebook names) are read: a notebook the
    trainee's code wrote into its folder is never believed (its metadata could say anything).
    """
    import nbformat

    from ipt_training.grading.trusted.diagnose import (
        active_content_problems,
        cell_errors,
        instructor_titles,
        suspicious_code,
    )
    from ipt_training.grading.trusted.redact import key_text_cells

    problems: list[str] = []
    notebooks = [p for p in sorted(folder.glob("*.ipynb")) if graded is None or p.name in graded]
    for notebook in notebooks:
        source = course_root / "source" / folder.name / notebook.name if course_root is not None else None
        problems += [f"{notebook.name}: {message}" for message in cell_errors(notebook, instructor_titles(source))]
        problems += [f"{notebook.name}: {message}" for message in suspicious_code(notebook)]
        try:
            nb = nbformat.read(notebook, as_version=4)
        except Exception:  # cell_errors already reported an unreadable notebook
            continue
        problems += _budget_problems(notebook.name, nb.metadata)
        problems += active_content_problems(notebook.name, nb)
        links = nb.metadata.get("ipt_removed_links")
        if links:
            problems.append(f"{notebook.name}: its code left links in its folder ({', '.join(links[:5])}); they "
                            "were removed before the feedback was written (an attempt to copy instructor files?)")
        if course_root is not None:
            problems += [f"{notebook.name}: {label}: printed text from the instructor's keys; its output was "
                         "withheld from the feedback" for _, label in key_text_cells(nb, course_root)]
    return problems


def _budget_problems(name: str, metadata: dict) -> list[str]:
    """What the notebook's time and disk budgets and the clean-up after it stopped (from SandboxedExecute)."""
    problems = []
    if metadata.get("ipt_out_of_time"):
        problems.append(f"{name}: the notebook used up its time budget of {metadata['ipt_out_of_time']} s and was "
                        "stopped; cells that did not run scored 0")
    disk = metadata.get("ipt_disk_budget")
    if isinstance(disk, dict):
        problems.append(f"{name}: the notebook wrote {disk.get('written_mb')} MB of files, more than the "
                        f"{disk.get('limit_mb')} MB a submission may store; they were deleted")
    special = metadata.get("ipt_removed_special")
    if special:
        problems.append(f"{name}: its code made named pipes or other special files ({', '.join(special[:5])}); "
                        "they were removed before grading went on")
    return problems


WITHHELD_PAGE = f"""<!DOCTYPE html>
<html><head>{meta_tag()}<meta charset="utf-8"><title>Feedback withheld</title></head>
<body><h1>Feedback withheld</h1><p>Your submission was graded, but its feedback page contained text from the
instructor's answer keys, so it was not released. Your instructor will review it and send your feedback.</p>
</body></html>
"""


def check_feedback(pages: Iterable[Path], submitted: Path, course_root: Path) -> list[str]:
    """Last check before feedback reaches a trainee: no key text they did not write themselves.

    A page that still holds key fingerprints (solution or hidden-test lines, reference formulations, nbgrader
    markers) that are not in the trainee's own submission is replaced by a "withheld" page and reported.
    """
    from ipt_training.grading.trusted.leaks import fingerprint_hits
    from ipt_training.saved_answers import ANSWERS_FILE

    # The trainee's own writing: notebooks and the builder's saved answers (shown on the page as graded).
    mine = [*sorted(submitted.glob("*.ipynb")), submitted / ANSWERS_FILE] if submitted.is_dir() else []
    own = " ".join(p.read_text(encoding="utf-8", errors="replace") for p in mine
                   if p.is_file() and p.stat().st_size <= 5_000_000)
    written = fingerprint_hits(own, course_root)
    problems = []
    for page in pages:
        hits = fingerprint_hits(page.read_text(encoding="utf-8", errors="replace"), course_root) - written
        if hits:
            page.write_text(WITHHELD_PAGE, encoding="utf-8")
            problems.append(f"{page.name}: the feedback contained instructor key text; it was withheld "
                            f"({len(hits)} key fragment(s)) — review before releasing it")
    return problems


def _last_error(log: str) -> str:
    """The real cause of a failed nbgrader step, from its log and traceback."""
    from ipt_training.failures import cause_from_log

    return cause_from_log(log) or (log.strip().splitlines() or ["no error message was logged"])[-1]
