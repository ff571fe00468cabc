"""At release: a test cell worth N points whose hidden test grades out of another number (``points=M``) would fail
autograde for every trainee ("partial credit cannot be greater than maximum points") or never give full marks.
The release refuses it and names the item as the assignment does."""

from __future__ import annotations

import ast
from pathlib import Path

import nbformat


def _grader_points(source: str) -> set[float]:
    """The ``points=`` values of the grader calls in a cell's source (none when it is not valid Python)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    return {float(k.value.value) for node in ast.walk(tree) if isinstance(node, ast.Call) for k in node.keywords
            if k.arg == "points" and isinstance(k.value, ast.Constant) and isinstance(k.value.value, int | float)
            and not isinstance(k.value.value, bool)}


def points_mismatches(notebook: Path) -> list[str]:
    """One plain sentence per graded cell of ``notebook`` whose nbgrader points differ from its grader's."""
    from ipt_training.grading.feedback.titles import cell_titles

    nb = nbformat.read(notebook, as_version=4)
    titles = cell_titles(nb)
    problems = []
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader") or {}
        if cell.cell_type != "code" or not meta.get("grade") or meta.get("points") is None:
            continue
        worth = float(meta["points"])
        graded = sorted(p for p in _grader_points(cell.source) if p != worth)
        if graded:
            grade_id = meta.get("grade_id", "?")
            problems.append(f"{notebook.name}: \"{titles.get(grade_id, grade_id)}\" ({grade_id}) is worth "
                            f"{worth:g} points in the assignment but its test grades out of points="
                            f"{graded[0]:g}; make the two equal (the cell's points in nbgrader's cell toolbar and "
                            "the points= of the grader call in its hidden tests)")
    return problems
