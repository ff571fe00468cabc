"""Build trainee submissions from released notebooks: for the demo cohort and for round-trip tests."""

from __future__ import annotations

import copy
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell

_MARKERS = ("### BEGIN SOLUTION", "### END SOLUTION")


def _nbgrader(cell: nbformat.NotebookNode) -> dict:
    return cell.metadata.get("nbgrader", {})


def solution_answers(source_notebook: Path) -> dict[str, str]:
    """Answer-cell code of the instructor's solution, keyed by grade id (markers removed)."""
    nb = nbformat.read(source_notebook, as_version=4)
    answers = {}
    for cell in nb.cells:
        meta = _nbgrader(cell)
        if meta.get("solution") and cell.cell_type == "code":
            lines = [line for line in cell.source.splitlines() if line.strip() not in _MARKERS]
            answers[meta["grade_id"]] = "\n".join(lines)
    return answers


@dataclass
class SubmissionPlan:
    """How one simulated trainee fills one notebook."""

    answers: Mapping[str, str] = field(default_factory=dict)
    extra_cells_after: Mapping[str, Sequence[str]] = field(default_factory=dict)
    replace_cells: Mapping[str, str] = field(default_factory=dict)
    delete_cells: Sequence[str] = ()


def fill_notebook(release_notebook: Path, plan: SubmissionPlan) -> nbformat.NotebookNode:
    """A copy of the released notebook with the plan's answers, extra cells, edits and deletions applied."""
    nb = copy.deepcopy(nbformat.read(release_notebook, as_version=4))
    cells = []
    for cell in nb.cells:
        grade_id = _nbgrader(cell).get("grade_id")
        if grade_id in plan.delete_cells:
            continue
        if grade_id in plan.answers:
            cell.source = plan.answers[grade_id]
        if grade_id in plan.replace_cells:
            cell.source = plan.replace_cells[grade_id]
        cells.append(cell)
        for extra in plan.extra_cells_after.get(grade_id, ()):
            cells.append(new_code_cell(extra))
    nb.cells = cells
    return nb


def submit(course_root: Path, student: str, assignment: str, notebooks: Mapping[str, nbformat.NotebookNode | bytes],
           timestamp: str = "2026-11-20 12:00:00.000000 UTC") -> Path:
    """Write a submission the way ``nbgrader collect`` leaves it: ``submitted/<student>/<assignment>/``."""
    folder = course_root / "submitted" / student / assignment
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name, notebook in notebooks.items():
        target = folder / name
        if isinstance(notebook, bytes):
            target.write_bytes(notebook)
        else:
            nbformat.write(notebook, target)
    (folder / "timestamp.txt").write_text(timestamp)
    return folder
