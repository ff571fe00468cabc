"""Who handed in an assignment: submitted on time, late, or missing, from the gradebook's list of trainees."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ipt_training.grading.workflow.course import Course

if TYPE_CHECKING:
    from ipt_training.grading.workflow.exchange import Refusal


@dataclass(frozen=True)
class RosterRow:
    """One trainee's state for one assignment after collection."""

    student: str
    status: str  # "on time", "late", "missing", "refused"
    submitted_at: datetime | None = None
    note: str = ""


def _timestamp(folder: Path) -> datetime | None:
    """The collected submission's time (written by collection: the time the exchange saw it)."""
    from nbgrader.utils import parse_utc

    from ipt_training.grading.trusted.files import read_text_limited

    try:
        text = read_text_limited(folder / "timestamp.txt", 4096).strip()
        return parse_utc(text).replace(tzinfo=None) if text else None
    except (OSError, ValueError, OverflowError):
        return None


def _notes(refused: Iterable[Refusal], collected: set[str]) -> dict[str, str]:
    """A note per trainee on the submissions collection refused (their earlier one, if any, is still there)."""
    notes: dict[str, list[str]] = {}
    for refusal in refused:
        if refusal.account:
            text = f"a submission under this name by {refusal.account} was refused"
        elif refusal.trainee in collected:
            text = f"a newer submission was refused ({refusal.reason}); the earlier one is kept"
        else:
            text = f"refused: {refusal.reason}"
        texts = notes.setdefault(refusal.trainee, [])
        if text not in texts:
            texts.append(text)
    return {name: "; ".join(texts) for name, texts in notes.items()}


def roster(course: Course, assignment: str, refused: Iterable[Refusal] = ()) -> list[RosterRow]:
    """Every trainee in the gradebook (and anyone who submitted without being listed), with their status.

    ``refused`` are the submissions collection refused; a trainee with none collected is "refused", one whose
    earlier submission is still collected keeps its status, with a note.
    """
    from nbgrader.api import MissingEntry

    submitted = set(course.submitted_students(assignment))
    notes = _notes(refused, submitted)
    with course.gradebook() as gb:
        listed = {s.id for s in gb.students}
        try:
            due = gb.find_assignment(assignment).duedate
        except MissingEntry:  # not yet released through the exchange
            due = None
    rows = []
    for student in sorted(listed | submitted | set(notes)):
        note = notes.get(student, "")
        if student not in submitted:
            rows.append(RosterRow(student, "refused" if student in notes else "missing", None, note))
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
