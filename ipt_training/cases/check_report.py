"""Rich tables for ``ipt-course cases check``: scores per answer, then evidence matched per answer."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from ipt_training.cases.check import AnswerCheck, FileCheck

_MATCHED = "yes"
_MISSED = "-"


def _short(check: FileCheck, index: int) -> str:
    return "M" if check.answers[index].label == "model formulation" else f"S{index}"


def _criteria_rows(check: FileCheck) -> list[tuple[str, str]]:
    """(criterion, label) in the order the scorer reports them, across every rubric used in the file."""
    rows: dict[str, str] = {}
    for answer in check.answers:
        for criterion, label, *_ in answer.criteria:
            rows.setdefault(criterion, label)
    return list(rows.items())


def score_table(check: FileCheck) -> Table:
    """One column per answer; rows: total, points per criterion, the area read, the expectation, the result."""
    table = Table(title=f"{check.case_id}: scores", title_justify="left")
    table.add_column("")
    for index in range(len(check.answers)):
        table.add_column(_short(check, index), justify="right")
    table.add_row("rubric", *(a.rubric for a in check.answers))
    table.add_row("total", *(f"{a.total:g}/{a.max_total:g}" for a in check.answers), style="bold")
    for criterion, label in _criteria_rows(check):
        cells = []
        for answer in check.answers:
            found = [f"{p:g}/{m:g}" for c, _, p, m, _ in answer.criteria if c == criterion]
            cells.append(found[0] if found else "")
        table.add_row(label, *cells)
    table.add_row("area read", *(a.detected_area or "no commitment" for a in check.answers))
    table.add_row("expected", *(a.expected for a in check.answers))
    table.add_row("result", *(Text("ok", style="green") if a.ok else Text("FAIL", style="bold red")
                              for a in check.answers))
    return table


def evidence_table(check: FileCheck) -> Table:
    """One row per evidence item (and the timeline link), one column per answer: matched or missed."""
    table = Table(title=f"{check.case_id}: evidence matched ({_MATCHED}) or missed ({_MISSED})",
                  title_justify="left")
    table.add_column("evidence")
    table.add_column("sentence")
    for index in range(len(check.answers)):
        table.add_column(_short(check, index), justify="center")
    for evidence_id, sentence in check.evidence:
        table.add_row(evidence_id, sentence,
                      *(_MATCHED if evidence_id in a.cited else _MISSED for a in check.answers))
    return table


def _print_failures(answer: AnswerCheck, console: Console) -> None:
    """Why an answer failed, with the scorer's explanation of every criterion where it lost points."""
    for failure in answer.failures:
        console.print(f"  {failure}", markup=False, highlight=False)
    if answer.failures:
        for _, label, points, max_points, feedback in answer.criteria:
            if points < max_points:
                console.print(f"    - {label} {points:g}/{max_points:g}: {feedback}", markup=False, highlight=False)


def render_checks(checks: Sequence[FileCheck], console: Console) -> None:
    """Print every file's result, then a one-line summary."""
    for check in checks:
        status = Text("ok", style="green") if check.ok else Text("FAIL", style="bold red")
        console.print(Text.assemble(status, " ", str(check.path)), highlight=False)
        for problem in check.problems:
            console.print(f"  {problem}", markup=False, highlight=False)
        if check.note:
            console.print(f"  {check.note}", markup=False, highlight=False)
        if check.answers:
            legend = "; ".join(f"{_short(check, i)} = {a.label}" for i, a in enumerate(check.answers))
            console.print(Group(score_table(check), evidence_table(check)))
            console.print(f"  {legend}", markup=False, highlight=False)
            for answer in check.answers:
                _print_failures(answer, console)
        console.print()
    failed = sum(not c.ok for c in checks)
    console.print(f"{len(checks)} file(s) checked, {failed} with problems" if failed
                  else f"{len(checks)} file(s) checked, all ok", highlight=False)
