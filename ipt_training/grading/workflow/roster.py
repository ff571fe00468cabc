"""Who handed in an assignment: submitted on time, late, or missing, from the gradebook's list of trainees."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ipt_training.grading.workflow.course import Course


@dataclass(frozen=True)
class RosterRow:
    """One trainee's state for one assignment after collection."""

    student: str
    status: str  # "on time", "late", "missing", "refused"
    submitted_at: datetime | None = None
    note: str = ""


def _timestamp(folder: Path) -> datetime | None:
    from nbgrader.utils import parse_utc

    stamp = folder / "timestamp.txt"
    try:
        text = stamp.read_text(encoding="utf-8").strip()
        return parse_utc(text).replace(tzinfo=None) if text else None
    except (OSError, ValueError):
        return None


def roster(course: Course, assignment: str, refused: dict[str, str] | None = None) -> list[RosterRow]:
    """Every trainee in the gradebook (and anyone who submitted without being listed), with their status.

    ``refused`` maps a trainee to the account that tried to submit under their name (from collection).
    """
    from nbgrader.api import MissingEntry

    refused = refused or {}
    with course.gradebook() as gb:
        listed = {s.id for s in gb.students}
        try:
            due = gb.find_assignment(assignment).duedate
        except MissingEntry:  # not yet released through the exchange
            due = None
    submitted = set(course.submitted_students(assignment))
    rows = []
    for student in sorted(listed | submitted | set(refused)):
        note = f"a submission under this name by {refused[student]} was refused" if student in refused else ""
        if student not in submitted:
            rows.append(RosterRow(student, "refused" if student in refused else "missing", None, note))
            continue
        when = _timestamp(course.root / "submitted" / student / assignment)
        late = due is not None and when is not None and when > due
        if student not in listed:
            note = (note + "; " if note else "") + "not in the gradebook's list of trainees"
        rows.append(RosterRow(student, "late" if late else "on time", when, note))
    return rows


def print_roster(rows: list[RosterRow], assignment: str, console=None) -> None:
    """A table of the roster and a one-line count."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    table = Table(title=f"{assignment}: submissions")
    for column in ("trainee", "status", "submitted (UTC)", "note"):
        table.add_column(column)
    for row in rows:
        when = row.submitted_at.strftime("%Y-%m-%d %H:%M") if row.submitted_at else "-"
        table.add_row(row.student, row.status, when, row.note)
    console.print(table)
    counts = {s: sum(r.status == s for r in rows) for s in ("on time", "late", "missing", "refused")}
    console.print(", ".join(f"{n} {s}" for s, n in counts.items() if n or s != "refused"))
