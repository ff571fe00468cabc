"""nbgrader's exchange for a course hub: release to trainees, collect their submissions, release feedback.

Thin wrappers around nbgrader's own API (``NbGraderAPI.release_assignment``, ``collect``, ``release_feedback``), so
``nbgrader collect`` and the formgrader keep working on the same course and exchange. Collection
(:class:`OwnerCheckedCollect`) refuses a submission that another account put in the exchange under a trainee's
name, or that holds links, pipes, devices or too much data, and dates each submission by the time the exchange saw
it, not the time the trainee wrote in it. Feedback release (:class:`CollectedSecretReleaseFeedback`) names each page
by the secret of the collected submission, not by whatever the notebook left in the folder it ran in.
"""

from __future__ import annotations

import fnmatch
import glob
import os
import pwd
import re
import shutil
import stat
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.exchange.default.collect import ExchangeCollect
from nbgrader.exchange.default.release_feedback import ExchangeReleaseFeedback
from nbgrader.utils import check_mode, parse_utc
from traitlets import Float

from ipt_training.grading.workflow.course import Course, CourseError
from ipt_training.grading.workflow.inbound import Limits, Refused, copy_submission, inspect_submission, utc
from ipt_training.hub.exchange_folder import course_folder_problem

COLLECT_CLASS = "ipt_training.grading.workflow.exchange.OwnerCheckedCollect"
RELEASE_FEEDBACK_CLASS = "ipt_training.grading.workflow.exchange.CollectedSecretReleaseFeedback"
MAX_SUBMISSIONS = 50  # per trainee and assignment: more are not looked at (each is walked through)
_LOG_PREFIX = re.compile(r"^\[[^]]*\]\s*")  # "[CollectApp | ERROR] "


class ExchangeError(CourseError):
    """An exchange step that failed as a whole (no exchange folder, no permission...)."""


@dataclass(frozen=True)
class Refusal:
    """A submission in the exchange that was not collected, and why (plain words)."""

    trainee: str  # the trainee the folder names
    folder: str  # its name in the exchange's inbound folder
    reason: str
    account: str = ""  # for a forged submission: the account that wrote it

    @property
    def message(self) -> str:
        if self.account:
            return f"{self.folder} names {self.trainee} but was written by {self.account}"
        return f"{self.trainee}'s submission {self.folder}: {self.reason}; nothing of it was collected"


def _stamp(when: datetime) -> str:
    return f"{when:%Y-%m-%d %H:%M:%S.%f} UTC"  # nbgrader's own timestamp.txt format


class OwnerCheckedCollect(ExchangeCollect):
    """nbgrader's collect, made safe against what trainees put in the exchange.

    * A submission whose folder belongs to another account than the trainee it names is refused (nbgrader only
      warns), so nobody can hand in work under a colleague's name (``check_owner``, nbgrader's default).
    * A submission still being copied in (no ``submission_secret.txt`` yet) is left for the next collection.
    * Each folder is inspected with ``lstat`` before anything is copied and then copied without following links,
      with size caps counted while copying and a wall clock (:mod:`inbound`): a link, named pipe, socket, device,
      a file of another account or an oversized folder refuses that submission only; the others are collected.
    * The submission time is the time the exchange saw (the newest ``ctime`` in the folder), not the folder name
      or ``timestamp.txt`` the trainee wrote: it picks the newest submission, it is written to the collected
      ``timestamp.txt`` (so nbgrader's gradebook, late penalties, formgrader and export use it), and a claimed
      time that differs from it by more than ``stamp_tolerance`` seconds is reported in ``warnings``.
    * A submission is copied into a new folder next to ``submitted/<trainee>/<assignment>`` and only then put in
      its place, so a refused newer submission never costs the trainee their earlier collected one.

    Refusals are kept in ``refused`` (:class:`Refusal`), warnings about claimed times in ``warnings``.
    """

    stamp_tolerance = Float(300.0, help="Seconds a submission's claimed time may differ from the time the exchange "
                                        "saw before collection warns.").tag(config=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.refused: list[Refusal] = []
        self.warnings: list[str] = []
        self.limits = Limits.from_env()
        self._candidates: dict[str, list[dict[str, Any]]] = {}

    # -- what the exchange holds -------------------------------------------------------------------------------

    def _path_to_record(self, path: str) -> dict[str, Any]:
        filename = os.path.basename(path)
        parts = filename.rsplit("+", 3)
        try:
            claimed = parse_utc(parts[2])
        except (ValueError, OverflowError, IndexError):
            claimed = None
        try:
            info = os.lstat(path)
            owner, seen = info.st_uid, utc(info.st_ctime_ns)
        except OSError:
            owner, seen = -1, datetime.min
        return {"username": parts[0], "filename": filename, "claimed": claimed, "uid": owner, "timestamp": seen,
                "refusal": None}

    def _inspect(self, record: dict[str, Any]) -> None:
        """Look through a genuine, complete submission (:func:`inspect_submission`): its time, or why it is refused."""
        if not (self._genuine(record) and self._complete(record)):
            return
        path = Path(self.inbound_path, record["filename"])
        try:
            record["timestamp"] = inspect_submission(path, self._owner_uid(record), self._limits()).arrived
        except Refused as exc:
            record["refusal"] = str(exc)
        except Exception as exc:  # never let one folder stop the collection of the others
            record["refusal"] = f"it could not be inspected ({exc})"

    def _owner_uid(self, record: dict[str, Any]) -> int | None:
        return record["uid"] if self.check_owner else None

    def _genuine(self, record: dict[str, Any]) -> bool:
        name = record["username"]
        if not name or name.startswith(".") or os.sep in name:
            return False
        if not self.check_owner:
            return True
        try:
            owner = pwd.getpwuid(record["uid"]).pw_name
        except (KeyError, OverflowError):
            owner = "an unknown account"
        return owner == name

    def _complete(self, record: dict[str, Any]) -> bool:
        # nbgrader's submit writes submission_secret.txt after the notebooks: without it, the copy is under way.
        try:
            return stat.S_ISREG(os.lstat(os.path.join(self.inbound_path, record["filename"],
                                                      "submission_secret.txt")).st_mode)
        except OSError:
            return False

    def init_src(self) -> None:
        if self.coursedir.course_id == "":
            self.fail("No course id specified. Re-run with --course flag.")
        self.course_path = os.path.join(self.root, self.coursedir.course_id)
        self.inbound_path = os.path.join(self.course_path, "inbound")
        if not os.path.isdir(self.inbound_path):
            self.fail(f"Course not found: {self.inbound_path}")
        if not check_mode(self.inbound_path, read=True, execute=True):
            self.fail(f"You don't have read permissions for the directory: {self.inbound_path}")
        student = self.coursedir.student_id or "*"
        pattern = os.path.join(glob.escape(self.inbound_path), f"{student}+{self.coursedir.assignment_id}+*")
        with Gradebook(self.coursedir.db_url, self.coursedir.course_id) as gb:
            try:
                self.duedate = gb.find_assignment(self.coursedir.assignment_id).duedate
            except MissingEntry:
                self.duedate = None
        groups: dict[str, list[dict[str, Any]]] = {}
        for path in sorted(glob.glob(pattern)):
            record = self._path_to_record(path)
            groups.setdefault(record["username"], []).append(record)
        for name, records in groups.items():
            records.sort(key=lambda r: r["timestamp"], reverse=True)  # the folders' own ctime, for a start
            if len(records) > MAX_SUBMISSIONS:
                self.warnings.append(f"{name}: {len(records)} submissions are in the exchange; only the newest "
                                     f"{MAX_SUBMISSIONS} were looked at")
                records = records[:MAX_SUBMISSIONS]
            for record in records:
                self._inspect(record)
            ordered = sorted(records, key=lambda r: r["timestamp"], reverse=True)
            if self.before_duedate and self.duedate is not None:
                ordered = [r for r in ordered if r["timestamp"] <= self.duedate] + \
                          [r for r in ordered if r["timestamp"] > self.duedate]
            self._candidates[name] = ordered
        self.src_records = [records[0] for records in self._candidates.values()]

    # -- copying -----------------------------------------------------------------------------------------------

    def _refuse(self, record: dict[str, Any], reason: str, account: str = "") -> None:
        refusal = Refusal(record["username"], record["filename"], reason, account)
        if refusal not in self.refused:
            self.refused.append(refusal)
        self.log.warning("Refused: %s", refusal.message)

    def _existing(self, dest: str) -> datetime | None:
        """The collected submission's time; None if unreadable or in the future (never treated as newest)."""
        try:
            when = self.coursedir.get_existing_timestamp(dest)
        except Exception:
            return None
        if when is not None and when > datetime.now(timezone.utc).replace(tzinfo=None) + timedelta(minutes=5):
            return None
        return when

    def _skip(self, name: str, is_folder: bool) -> bool:
        if name == "timestamp.txt" and not is_folder:
            return True  # replaced by the time the exchange saw
        if any(fnmatch.fnmatch(name, glob_) for glob_ in self.coursedir.ignore or ()):
            return True
        include = self.coursedir.include
        return not is_folder and bool(include) and not any(fnmatch.fnmatch(name, g) for g in include)

    def _limits(self) -> Limits:
        nb_file = self.coursedir.max_file_size * 1000 if self.coursedir.max_file_size else self.limits.file_bytes
        nb_dir = self.coursedir.max_dir_size * 1000 if self.coursedir.max_dir_size else self.limits.total_bytes
        return Limits(min(self.limits.file_bytes, nb_file), min(self.limits.total_bytes, nb_dir),
                      self.limits.entries, self.limits.seconds)

    def _copy(self, record: dict[str, Any], dest: str) -> datetime:
        """Copy into a fresh folder beside ``dest``, then swap it in; ``dest`` is untouched if refused."""
        parent = os.path.dirname(dest)
        os.makedirs(parent, exist_ok=True)
        staging = tempfile.mkdtemp(prefix=".collecting-", dir=parent)
        new = os.path.join(staging, "copy")
        try:
            arrived = copy_submission(Path(self.inbound_path, record["filename"]), Path(new),
                                      self._owner_uid(record), self._limits(), self._skip, self.coursedir.groupshared)
            arrived = max(arrived, record["timestamp"])
            stamp = os.path.join(new, "timestamp.txt")
            with open(stamp, "x", encoding="utf-8") as fh:
                fh.write(_stamp(arrived))
            os.chmod(stamp, 0o664 if self.coursedir.groupshared else 0o644)
            old = os.path.join(staging, "old")
            if os.path.isdir(dest):
                os.rename(dest, old)
            try:
                os.rename(new, dest)
            except OSError:
                if os.path.isdir(old):
                    os.rename(old, dest)
                raise
            return arrived
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def _same(self, record: dict[str, Any], dest: str) -> bool:
        """Whether ``dest`` was collected from this very submission (the same secret nbgrader's submit made for it).

        nbgrader's submit changes its folder's modes after writing the secret, and a trainee may change the folder
        later: neither is a new submission. The collected copy and its time stay as they were."""
        from ipt_training.grading.trusted.files import read_limited

        try:
            mine = read_limited(Path(dest, "submission_secret.txt"), 4096)
            theirs = read_limited(Path(self.inbound_path, record["filename"], "submission_secret.txt"), 4096)
        except OSError:
            return False
        return bool(mine.strip()) and mine == theirs

    def _check_stamp(self, record: dict[str, Any], arrived: datetime) -> None:
        name, claimed = record["username"], record["claimed"]
        seen = f"{arrived:%Y-%m-%d %H:%M} UTC"
        if claimed is None:
            self.warnings.append(f"{name}: the submission's time stamp could not be read; the time it reached the "
                                 f"exchange ({seen}) is used")
        elif (claimed - arrived).total_seconds() > self.stamp_tolerance:
            self.warnings.append(f"{name}: the submission says it was made at {claimed:%Y-%m-%d %H:%M} UTC, later "
                                 f"than it reached the exchange ({seen}); {seen} is used")
        elif (arrived - claimed).total_seconds() > self.stamp_tolerance:
            self.warnings.append(f"{name}: the submission says it was made at {claimed:%Y-%m-%d %H:%M} UTC but it "
                                 f"reached the exchange at {seen}; {seen} is used")

    def _collect_one(self, name: str, candidates: list[dict[str, Any]]) -> None:
        if not name or name.startswith(".") or os.sep in name:
            for record in candidates:
                self._refuse(record, "its folder name does not name a trainee")
            return
        dest = self.coursedir.format_path(self.coursedir.submitted_directory, name, self.coursedir.assignment_id)
        existing = self._existing(dest) if os.path.isdir(dest) else None
        for record in candidates:
            if not self._genuine(record):
                try:
                    account = pwd.getpwuid(record["uid"]).pw_name
                except (KeyError, OverflowError):
                    account = "an unknown account"
                self._refuse(record, "written by another account", account)
                continue
            if not self._complete(record):
                self.log.info("Submission still being written, left for the next collect: %s", record["filename"])
                continue
            if record["refusal"]:
                self._refuse(record, record["refusal"])
                continue
            if os.path.isdir(dest):
                newer = (existing is None or record["timestamp"] > existing) and not self._same(record, dest)
                if not ((self.update and newer) or (self.before_duedate and existing != record["timestamp"])):
                    self.log.info("No newer submission to collect: %s %s" if self.update else
                                  "Submission already exists, use --update to update: %s %s",
                                  name, self.coursedir.assignment_id)
                    return
                self.log.info("Updating submission: %s %s", name, self.coursedir.assignment_id)
            else:
                self.log.info("Collecting submission: %s %s", name, self.coursedir.assignment_id)
            try:
                arrived = self._copy(record, dest)
            except Refused as exc:
                self._refuse(record, str(exc))
                continue
            self._check_stamp(record, arrived)
            return

    def copy_files(self) -> None:
        if not self._candidates:
            self.log.warning("No submissions of '%s' for course '%s' to collect", self.coursedir.assignment_id,
                             self.coursedir.course_id)
            return
        self.log.info("Processing %d submissions of '%s' for course '%s'", len(self._candidates),
                      self.coursedir.assignment_id, self.coursedir.course_id)
        for name, candidates in sorted(self._candidates.items()):
            try:
                self._collect_one(name, candidates)
            except OSError as exc:  # our own side (disk full, permissions): this trainee only
                self._refuse(candidates[0], f"it could not be copied ({exc.strerror or exc})")
            except Exception as exc:  # never let one trainee stop the collection of the others
                self._refuse(candidates[0], f"it could not be collected ({exc})")


def exchange_config(course: Course):
    """The course configuration with the machine's nbgrader settings underneath (``nbgrader_config.py`` in the
    Jupyter config path, e.g. the hub's instructor settings), and our safe collect unless one is configured."""
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
    if "collect" not in config.ExchangeFactory:  # e.g. ngshare's class, set by the instructor, is kept
        config.ExchangeFactory.collect = COLLECT_CLASS
    if "release_feedback" not in config.ExchangeFactory:
        config.ExchangeFactory.release_feedback = RELEASE_FEEDBACK_CLASS
    return config


def exchange_api(course: Course):
    """An ``NbGraderAPI`` for the course that talks to the exchange, once the exchange's course folder is known to
    be the instructor's or root's (not made by a trainee before the first release: finding F17)."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    config = exchange_config(course)
    api = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)
    problem = course_folder_problem(Path(exchange_root(api)), api.coursedir.course_id, {os.geteuid()})
    if problem:
        raise ExchangeError(problem)
    return api


def _explain(result: dict[str, Any], doing: str) -> str:
    text = str(result.get("log", "")) + "\n" + str(result.get("error", ""))
    if "already exists" in text:
        return (f"{doing} failed: it is already in the exchange; to replace it, run the same command with "
                "--force (trainees who already fetched it keep their copy until they move it aside and fetch again)")
    for line in text.splitlines():
        for marker in ("permission", "Permission", "doesn't exist", "not found", "No course id"):
            if marker in line:
                return f"{doing} failed: {_LOG_PREFIX.sub('', line.strip())}"
    errors = [line.strip() for line in text.splitlines() if re.search(r"error|exception", line, re.I)]
    reason = _LOG_PREFIX.sub("", errors[-1]) if errors else "no error message was logged"
    return f"{doing} failed: {reason}"


def set_due_date(course: Course, assignment: str, due: datetime | None) -> None:
    """Record the assignment (and its due date, UTC) in the gradebook, so collection can tell who was late."""
    with course.gradebook() as gb:
        if due is None:
            gb.update_or_create_assignment(assignment)
        else:
            gb.update_or_create_assignment(assignment, duedate=due)


def release_to_exchange(course: Course, assignment: str, due: datetime | None = None, replace: bool = False) -> str:
    """Put ``release/<assignment>`` into the exchange for trainees to fetch; returns the exchange folder. With
    ``replace``, a copy already in the exchange is replaced (nbgrader's ``--force``)."""
    api = exchange_api(course)
    if replace:
        api.config.ExchangeReleaseAssignment.force = True
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
    """What one collection found: refused submissions, warnings about claimed times, and nbgrader's log."""

    refused: tuple[Refusal, ...]
    warnings: tuple[str, ...]
    log: str


def collect(course: Course, assignment: str) -> CollectOutcome:
    """Copy every trainee's latest submission from the exchange into ``submitted/`` (newer ones replace older);
    unsafe or forged submissions are refused and listed, the others collected (:class:`OwnerCheckedCollect`)."""
    from nbgrader.utils import capture_log, temp_attrs

    course._check_assignment(assignment)
    api = exchange_api(course)
    with temp_attrs(api.coursedir, assignment_id=assignment):
        app = OwnerCheckedCollect(coursedir=api.coursedir, authenticator=api.authenticator, parent=api)
        app.update = True
        result = capture_log(app)
    if not result["success"]:
        raise ExchangeError(_explain(result, f"collecting {assignment}"))
    return CollectOutcome(tuple(app.refused), tuple(app.warnings), str(result.get("log", "")))


@dataclass(frozen=True)
class FeedbackRelease:
    """Whose feedback was put in the exchange, and whose could not be (with the reason, in plain words)."""

    released: tuple[str, ...]
    failed: tuple[tuple[str, str], ...]


def _put(path: Path, data: bytes) -> None:
    """Write ``path`` afresh: whatever is there (a file, a link, a folder) is replaced, no link is followed."""
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def restore_exchange_files(submitted: Path, feedback: Path) -> str | None:
    """Put the collected ``submission_secret.txt`` and ``timestamp.txt`` back into a trainee's feedback folder.

    nbgrader's generate_feedback copies them from the folder the notebook ran in, which the notebook may change
    (delete the secret: release then stops for everyone after it). The collected copies in ``submitted/`` are ours.
    Returns why the feedback cannot be released, or None.
    """
    from ipt_training.grading.trusted.files import read_limited

    try:
        secret = read_limited(submitted / "submission_secret.txt", 4096)
    except FileNotFoundError:
        return "the submission did not come through the exchange (no submission_secret.txt), so there is nowhere " \
               f"to release its feedback; give the trainee the page in {feedback} yourself"
    except OSError as exc:
        return f"the collected submission_secret.txt could not be read ({exc})"
    try:
        stamp = read_limited(submitted / "timestamp.txt", 4096)
    except OSError:
        stamp = b""
    try:
        _put(feedback / "submission_secret.txt", secret)
        if stamp:
            _put(feedback / "timestamp.txt", stamp)
    except OSError as exc:
        return f"the feedback folder could not be prepared ({exc.strerror or exc})"
    return None


class CollectedSecretReleaseFeedback(ExchangeReleaseFeedback):
    """nbgrader's feedback release, with each page named by the secret of the collected submission.

    nbgrader names a released page by the ``submission_secret.txt`` in the trainee's feedback folder, which
    generate_feedback copied from the folder the notebook ran in: a notebook that deleted it stopped the release for
    every trainee after it. Before nbgrader's own copy this puts back the secret and time stamp collected in
    ``submitted/`` (:func:`restore_exchange_files`); a trainee whose feedback cannot be released is left out with a
    plain message, the others are released, and the command then fails naming them. Set as
    ``c.ExchangeFactory.release_feedback`` in the course's ``nbgrader_config.py``, so plain ``nbgrader
    release_feedback`` and the formgrader do this too.
    """

    def copy_files(self) -> None:
        coursedir = self.coursedir
        assignment = coursedir.assignment_id
        excluded = {name for name in (coursedir.student_id_exclude or "").split(",") if name}
        if coursedir.student_id and coursedir.student_id != "*":
            trainees = [coursedir.student_id]
        else:
            top = Path(coursedir.root, coursedir.feedback_directory)
            trainees = sorted(p.name for p in top.iterdir() if p.is_dir()) if top.is_dir() else []
        failed: dict[str, str] = {}
        for trainee in trainees:
            feedback = Path(coursedir.format_path(coursedir.feedback_directory, trainee, assignment))
            if trainee in excluded or not any(feedback.glob("*.html")):
                continue
            submitted = Path(coursedir.format_path(coursedir.submitted_directory, trainee, assignment))
            why = restore_exchange_files(submitted, feedback)
            if why:
                failed[trainee] = why
                self.log.error("Feedback not released for %s: %s", trainee, why)
        saved = coursedir.student_id_exclude
        coursedir.student_id_exclude = ",".join(sorted(excluded | set(failed)))
        try:
            super().copy_files()
        finally:
            coursedir.student_id_exclude = saved
        if failed:
            self.fail(f"feedback not released for {', '.join(sorted(failed))} (the others were released): "
                      + "; ".join(f"{name}: {why}" for name, why in sorted(failed.items())))


def _restore_exchange_files(course: Course, trainee: str, assignment: str) -> str | None:
    return restore_exchange_files(course.root / "submitted" / trainee / assignment,
                                  course.root / "feedback" / trainee / assignment)


def release_feedback(course: Course, assignment: str) -> FeedbackRelease:
    """Put the feedback of every graded submission of ``assignment`` into the exchange, one trainee at a time, so
    one trainee's folder can never stop the others' release."""
    api = exchange_api(course)
    folder = course.root / "feedback"
    trainees = sorted(p.name for p in folder.iterdir() if any((p / assignment).glob("*.html"))) \
        if folder.is_dir() else []
    if not trainees:
        raise ExchangeError(f"no feedback for {assignment} yet: run ipt-course autograde {assignment} first")
    released, failed = [], []
    for trainee in trainees:
        why = _restore_exchange_files(course, trainee, assignment)
        if why is None:
            result = api.release_feedback(assignment, student_id=trainee)
            if result["success"]:
                released.append(trainee)
                continue
            why = _explain(result, "the release").removeprefix("the release failed: ")
        failed.append((trainee, why))
    return FeedbackRelease(tuple(released), tuple(failed))
