"""nbgrader's exchange for a course hub: release to trainees, collect their submissions, release feedback.

Thin wrappers around nbgrader's own API (``NbGraderAPI.release_assignment``, ``collect``, ``release_feedback``), so
``nbgrader collect`` and the formgrader keep working on the same course and exchange. Collection refuses a
submission that another account put in the exchange under a trainee's name (:class:`OwnerCheckedCollect`).
"""

from __future__ import annotations

import os
import pwd
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from nbgrader.exchange.default.collect import ExchangeCollect

from ipt_training.grading.workflow.course import Course, CourseError

COLLECT_CLASS = "ipt_training.grading.workflow.exchange.OwnerCheckedCollect"
_LOG_PREFIX = re.compile(r"^\[[^]]*\]\s*")  # "[CollectApp | ERROR] "


class ExchangeError(CourseError):
    """An exchange step that failed as a whole (no exchange folder, no permission...)."""


def _owner(path: str) -> str:
    try:
        return pwd.getpwuid(os.stat(path).st_uid).pw_name
    except (KeyError, OSError):
        return "an unknown account"


class OwnerCheckedCollect(ExchangeCollect):
    """nbgrader's collect, but a submission whose folder belongs to another account than the trainee named in it
    is refused (nbgrader only warns), so nobody can hand in work under a colleague's name; and a submission still
    being copied into the exchange is left for the next collection instead of being collected half-written.

    The check applies when the exchange folder is shared by real accounts (``check_owner``, nbgrader's default);
    refused submissions are kept in ``refused`` as ``(trainee named, account that wrote it, folder)``.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.refused: list[tuple[str, str, str]] = []

    def _genuine(self, record: dict[str, Any]) -> bool:
        if not self.check_owner:
            return True
        path = os.path.join(self.inbound_path, record["filename"])
        owner = _owner(path)
        if owner == record["username"]:
            return True
        refusal = (record["username"], owner, record["filename"])
        if refusal not in self.refused:
            self.refused.append(refusal)
        return False

    def _complete(self, record: dict[str, Any]) -> bool:
        # nbgrader's submit writes submission_secret.txt after the notebooks: without it, the copy is under way.
        return os.path.isfile(os.path.join(self.inbound_path, record["filename"], "submission_secret.txt"))

    def _usable(self, record: dict[str, Any]) -> bool:
        return self._genuine(record) and self._complete(record)

    def _sort_by_timestamp(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        # Usable submissions first, so a forged or half-written newer one never hides a trainee's real one.
        ordered = super()._sort_by_timestamp(records)
        usable = [r for r in ordered if self._usable(r)]
        return usable + [r for r in ordered if r not in usable]

    def copy_files(self) -> None:
        waiting = [r for r in self.src_records if self._genuine(r) and not self._complete(r)]
        for record in waiting:
            self.log.info("Submission still being written, left for the next collect: %s", record["filename"])
        self.src_records = [r for r in self.src_records if self._usable(r)]
        super().copy_files()


def exchange_config(course: Course):
    """The course configuration with the machine's nbgrader settings underneath (``nbgrader_config.py`` in the
    Jupyter config path, e.g. the hub's instructor settings), and our owner-checking collect."""
    from jupyter_core.paths import jupyter_config_path
    from traitlets.config import Config
    from traitlets.config.loader import ConfigFileNotFound, PyFileConfigLoader

    config = Config()
    for folder in reversed(jupyter_config_path()):  # lowest priority first
        try:
            config.merge(PyFileConfigLoader("nbgrader_config.py", path=folder).load_config())
        except ConfigFileNotFound:
            continue
    config.merge(course.config())
    config.ExchangeFactory.collect = COLLECT_CLASS
    return config


def exchange_api(course: Course):
    """An ``NbGraderAPI`` for the course that talks to the exchange."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    config = exchange_config(course)
    return NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)


def _explain(result: dict[str, Any], doing: str) -> str:
    from ipt_training.grading.trusted.diagnose import explain_log

    text = str(result.get("log", "")) + "\n" + str(result.get("error", ""))
    if "already exists" in text:
        return (f"{doing} failed: it is already in the exchange; to replace it, run nbgrader release_assignment "
                "with --force")
    for line in text.splitlines():
        for marker in ("permission", "Permission", "doesn't exist", "not found", "No course id"):
            if marker in line:
                return f"{doing} failed: {_LOG_PREFIX.sub('', line.strip())}"
    return f"{doing} failed: {explain_log(text)}"


def set_due_date(course: Course, assignment: str, due: datetime | None) -> None:
    """Record the assignment (and its due date, UTC) in the gradebook, so collection can tell who was late."""
    with course.gradebook() as gb:
        if due is None:
            gb.update_or_create_assignment(assignment)
        else:
            gb.update_or_create_assignment(assignment, duedate=due)


def release_to_exchange(course: Course, assignment: str, due: datetime | None = None) -> str:
    """Put ``release/<assignment>`` into the exchange for trainees to fetch; returns the exchange folder."""
    api = exchange_api(course)
    set_due_date(course, assignment, due)
    result = api.release_assignment(assignment)
    if not result["success"]:
        raise ExchangeError(_explain(result, f"releasing {assignment} to the exchange"))
    return str(Path(exchange_root(api)) / api.coursedir.course_id / "outbound" / assignment)


def exchange_root(api) -> str:
    """The exchange folder the API's configuration names."""
    from nbgrader.exchange.default.exchange import Exchange

    return str(Exchange(config=api.config).root)


@dataclass(frozen=True)
class CollectOutcome:
    """What one collection found: refused (forged) submissions and nbgrader's log."""

    refused: tuple[tuple[str, str, str], ...]
    log: str


def collect(course: Course, assignment: str) -> CollectOutcome:
    """Copy every trainee's latest submission from the exchange into ``submitted/`` (newer ones replace older)."""
    from nbgrader.utils import capture_log, temp_attrs

    course._check_assignment(assignment)
    api = exchange_api(course)
    with temp_attrs(api.coursedir, assignment_id=assignment):
        app = OwnerCheckedCollect(coursedir=api.coursedir, authenticator=api.authenticator, parent=api)
        app.update = True
        result = capture_log(app)
    if not result["success"]:
        raise ExchangeError(_explain(result, f"collecting {assignment}"))
    return CollectOutcome(tuple(app.refused), str(result.get("log", "")))


def release_feedback(course: Course, assignment: str) -> list[str]:
    """Put the feedback of every graded submission of ``assignment`` into the exchange; returns the trainees."""
    api = exchange_api(course)
    folder = course.root / "feedback"
    trainees = sorted(p.name for p in folder.iterdir() if any((p / assignment).glob("*.html"))) \
        if folder.is_dir() else []
    if not trainees:
        raise ExchangeError(f"no feedback for {assignment} yet: run ipt-course autograde {assignment} first")
    result = api.release_feedback(assignment)
    if not result["success"]:
        raise ExchangeError(_explain(result, f"releasing feedback for {assignment}"))
    return trainees
