"""The trainee's practice record: every practice attempt with its criterion scores, in a local SQLite file.

The file lives in the trainee's Jupyter data directory (``jupyter --data-dir``/ipt-course/practice.sqlite),
or wherever ``$IPT_PRACTICE_DB`` points. Nothing is sent anywhere; :meth:`PracticeRecord.export` writes a JSON
file the trainee can hand to a supervisor, and ``ipt-course report --practice DIR`` folds such files into the
cohort report.
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipt_training.practice.skills import Observation, observations

if TYPE_CHECKING:
    from ipt_training.cases.model import Case
    from ipt_training.scoring.report import FormulationReport

DB_ENV = "IPT_PRACTICE_DB"
EXPORT_FORMAT = "ipt-course practice record, version 1"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    case_id TEXT NOT NULL,
    exercise TEXT NOT NULL,
    reference_area TEXT NOT NULL,
    traps TEXT NOT NULL,
    chosen_area TEXT,
    total REAL NOT NULL,
    max_total REAL NOT NULL,
    criteria TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def default_path() -> Path:
    """Where the record is kept for this user."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    from jupyter_core.paths import jupyter_data_dir

    return Path(jupyter_data_dir()) / "ipt-course" / "practice.sqlite"


def _now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class Attempt:
    """One scored practice attempt."""

    case_id: str
    reference_area: str
    traps: tuple[str, ...]
    criteria: dict[str, tuple[float, float]]
    total: float
    max_total: float
    chosen_area: str | None = None
    exercise: str = "formulation"
    at: datetime = field(default_factory=_now)

    def observations(self) -> list[Observation]:
        return observations(self.reference_area, self.traps, self.criteria)

    @classmethod
    def from_report(cls, case: Case, report: FormulationReport) -> Attempt:
        """The record entry for one scored practice formulation."""
        assert case.reference is not None
        return cls(
            case_id=case.id, reference_area=case.reference.primary_area.value, traps=tuple(case.traps),
            criteria={c.criterion: (c.points, c.max_points) for c in report.criteria},
            total=report.total, max_total=report.max_total,
            chosen_area=report.detected_primary.value if report.detected_primary else None,
        )

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["at"] = self.at.isoformat()
        data["traps"] = list(self.traps)
        data["criteria"] = {k: list(v) for k, v in self.criteria.items()}
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attempt:
        return cls(
            case_id=str(data["case_id"]), reference_area=str(data["reference_area"]),
            traps=tuple(data.get("traps") or ()),
            criteria={str(k): (float(v[0]), float(v[1])) for k, v in (data.get("criteria") or {}).items()},
            total=float(data["total"]), max_total=float(data["max_total"]),
            chosen_area=data.get("chosen_area"), exercise=str(data.get("exercise") or "formulation"),
            at=_aware(datetime.fromisoformat(str(data["at"]))),
        )


def _aware(moment: datetime) -> datetime:
    """A time without a zone is UTC (times of one record must compare with each other and with now)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


class PracticeRecord:
    """A trainee's attempts, oldest first."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # ipykernel 7 runs widget callbacks (Check, Next case, Export) on another thread than the cell that made
        # the record; sqlite3's module is thread-safe, so the one connection may be shared (calls never overlap).
        self._db = sqlite3.connect(self.path, check_same_thread=False)
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> PracticeRecord:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def add(self, attempt: Attempt) -> None:
        with self._db:
            self._db.execute(
                "INSERT INTO attempts (at, case_id, exercise, reference_area, traps, chosen_area, total, max_total,"
                " criteria) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (attempt.at.isoformat(), attempt.case_id, attempt.exercise, attempt.reference_area,
                 json.dumps(list(attempt.traps)), attempt.chosen_area, attempt.total, attempt.max_total,
                 json.dumps({k: list(v) for k, v in attempt.criteria.items()})),
            )

    def attempts(self) -> list[Attempt]:
        rows = self._db.execute(
            "SELECT at, case_id, exercise, reference_area, traps, chosen_area, total, max_total, criteria"
            " FROM attempts ORDER BY at, id").fetchall()
        return [Attempt.from_dict({"at": at, "case_id": case_id, "exercise": exercise,
                                   "reference_area": area, "traps": json.loads(traps), "chosen_area": chosen,
                                   "total": total, "max_total": max_total, "criteria": json.loads(criteria)})
                for at, case_id, exercise, area, traps, chosen, total, max_total, criteria in rows]

    def __iter__(self) -> Iterator[Attempt]:
        return iter(self.attempts())

    def __len__(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0])

    def seen_cases(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT DISTINCT case_id FROM attempts")}

    def add_first(self, attempt: Attempt) -> bool:
        """Add ``attempt`` only if it is the first at its case and exercise; False (nothing added) otherwise.

        After the first Check the trainee has seen the model answer for the case, so a second Check measures
        copying, not skill: counted, it would let one case checked three times read as mastery.
        """
        seen = self._db.execute("SELECT 1 FROM attempts WHERE case_id = ? AND exercise = ? LIMIT 1",
                                (attempt.case_id, attempt.exercise)).fetchone()
        if seen:
            return False
        self.add(attempt)
        return True

    @property
    def trainee(self) -> str:
        row = self._db.execute("SELECT value FROM meta WHERE key = 'trainee'").fetchone()
        return row[0] if row else ""

    @trainee.setter
    def trainee(self, name: str) -> None:
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('trainee', ?)", (name,))

    def export(self, path: Path | str, trainee: str | None = None) -> Path:
        """Write the whole record as JSON for a supervisor; returns the file written."""
        out = Path(path)
        payload = {"format": EXPORT_FORMAT, "trainee": trainee or self.trainee,
                   "exported_at": _now().isoformat(), "attempts": [a.to_dict() for a in self.attempts()]}
        out.write_text(json.dumps(payload, indent=1, ensure_ascii=False), encoding="utf-8")
        return out


class RecordFileError(ValueError):
    """An exported record that cannot be read; the message names the file and the problem."""


#: The largest exported record read (a real one is a few hundred KB): the file is the trainee's.
EXPORT_MAX_BYTES = 20 * 1024 * 1024


def _checked(item: Any) -> Attempt:
    """One attempt of an exported record, as the course writes them; ``ValueError`` for anything else.

    The file is the trainee's: an attempt must name a problem area, carry finite points within their maximum and a
    time, so that it cannot stop the cohort report (a time without a zone beside one with a zone, an unknown area,
    criteria that are not pairs) or put impossible figures in it.
    """
    from ipt_training.domain import ProblemArea

    if not isinstance(item, dict) or not isinstance(item.get("criteria") or {}, dict):
        raise ValueError("an attempt is not in the form the course exports")
    if not isinstance(item.get("traps") or [], list) or not all(isinstance(t, str) for t in item.get("traps") or []):
        raise ValueError("an attempt's traps are not a list of names")
    for value in (item.get("criteria") or {}).values():
        if not isinstance(value, list) or len(value) != 2:
            raise ValueError("an attempt's criterion is not a pair of points")
    attempt = Attempt.from_dict(item)
    ProblemArea(attempt.reference_area)  # ValueError for an area the course does not have
    pairs = [*attempt.criteria.values(), (attempt.total, attempt.max_total)]
    if not all(math.isfinite(p) and math.isfinite(m) and 0 <= p <= m for p, m in pairs):
        raise ValueError("an attempt has points that are not between 0 and their maximum")
    if attempt.chosen_area is not None and not isinstance(attempt.chosen_area, str):
        raise ValueError("an attempt's chosen area is not a name")
    return attempt


def load_export(path: Path | str) -> tuple[str, list[Attempt]]:
    """Read an exported record: ``(trainee, attempts)``."""
    from ipt_training.grading.trusted.files import read_text_limited

    file = Path(path)
    try:
        data = json.loads(read_text_limited(file, EXPORT_MAX_BYTES))
        if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
            raise RecordFileError(f"{file.name}: not an ipt-course practice record (exported with "
                                  "'Export my record' or PracticeRecord.export)")
        if not isinstance(data.get("attempts", []), list):
            raise ValueError("its attempts are not a list")
        attempts = [_checked(item) for item in data.get("attempts", [])]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError,
            IndexError, OverflowError) as exc:
        if isinstance(exc, RecordFileError):
            raise
        raise RecordFileError(f"{file.name}: the practice record could not be read ({exc})") from None
    except (RecursionError, MemoryError):
        raise RecordFileError(f"{file.name}: the practice record could not be read (it is nested too deeply or "
                              "too large)") from None
    trainee = data.get("trainee")
    return (trainee if isinstance(trainee, str) and trainee.strip() else file.stem), attempts


#: Shown under the feedback when a Check is not added to the record because the case was attempted before.
REPEAT_NOTE = ("This check is not added to your practice record: only your first attempt at a case counts, "
               "because after it you have seen the model formulation. Press Next case in the practice notebook "
               "for a case you have not seen.")


def record_attempt(case: Case, report: FormulationReport, path: Path | None = None) -> bool | None:
    """Add a scored practice formulation to the trainee's record if it is the first attempt at the case.

    True when added, None when the case was attempted before (see :meth:`PracticeRecord.add_first`), False
    (never an error) when the record cannot be written.
    """
    try:
        with PracticeRecord(path) as record:
            return True if record.add_first(Attempt.from_report(case, report)) else None
    except (OSError, sqlite3.Error):
        return False
