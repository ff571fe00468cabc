"""Progress bar and summary table for batch autograding (rich)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ipt_training.grading.workflow.course import Course, GradeResult


def grade_with_progress(course: Course, assignment: str, students: Iterable[str] | None = None,
                        console: Console | None = None, jobs: int = 1) -> list[GradeResult]:
    """Autograde with a progress bar (``jobs`` submissions at a time); returns every result, failures included."""
    console = console or Console(stderr=True)
    chosen = list(students or course.submitted_students(assignment))
    label = f"autograde {assignment}" + (f" ({jobs} jobs)" if jobs > 1 else "")
    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=False) as progress:
        task = progress.add_task(label, total=len(chosen))
        return course.autograde(assignment, chosen, on_done=lambda _: progress.advance(task), jobs=jobs)


def print_summary(results: list[GradeResult], console: Console | None = None) -> None:
    """A table of scores, then the list of submissions that had problems."""
    console = console or Console()
    table = Table(title="Autograde summary")
    for column in ("trainee", "assignment", "score", "status"):
        table.add_column(column)
    for r in results:
        score = "-" if r.score is None else f"{r.score:g} / {r.max_score:g}"
        table.add_row(r.student, r.assignment, score, r.status)
    console.print(table)
    troubled = [r for r in results if r.problems]
    if troubled:
        console.print(f"[bold]{len(troubled)} submission(s) with problems:[/bold]")
        for r in troubled:
            for problem in r.problems:
                console.print(f"  {r.student}/{r.assignment}: {problem}", markup=False, highlight=False,
                              soft_wrap=True)


def sandbox_line(layers: list[str]) -> str:
    """One line saying how grading kernels are confined on this machine (and what is missing)."""
    from ipt_training.grading.sandbox.launcher import ALL_LAYERS

    missing = [layer for layer in ALL_LAYERS if layer not in layers and layer != "userns"]
    line = f"Grading sandbox: {', '.join(layers) or 'none'}"
    line += f" (not available here: {', '.join(missing)})" if missing else ""
    return line + "; what each protects against: docs/reliability.md, 'The grading sandbox'"
