"""Cells whose nbgrader ids do not match the assignment: copies made in JupyterLab, cells marked by hand.

Copying a cell in JupyterLab keeps its nbgrader metadata, so the notebook holds two cells with one grade id;
nbgrader's ``DeduplicateIds`` keeps the *last* copy and can leave cells that break later steps. A trainee (or a
broken editor) can also mark an ordinary cell as a locked or grade cell with an id the assignment does not
have. :class:`SanitizeCellIds` replaces ``DeduplicateIds``: the first cell with an id keeps it, later copies and
cells with ids that are not in the instructor's notebook become ordinary cells (they still run, they are not
graded). :func:`odd_cell_ids` says which, for the diagnosis.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nbformat
from nbformat import NotebookNode
from nbformat.corpus.words import generate_corpus_id
from nbgrader.preprocessors import NbGraderPreprocessor, OverwriteCells

from ipt_training.grading.trusted.course_root import instructor_notebook


def nbgrader_meta(cell: Any) -> dict[str, Any]:
    """A cell's nbgrader metadata, or ``{}`` when it is missing or not a mapping (a damaged notebook)."""
    metadata = cell.get("metadata") if isinstance(cell, dict) else None
    meta = metadata.get("nbgrader") if isinstance(metadata, dict) else None
    return meta if isinstance(meta, dict) else {}


_FLAGS = ("grade", "solution", "locked", "task")


def damaged_cells(nb: nbformat.NotebookNode) -> list[str]:
    """Cells whose grading information (nbgrader metadata) is not in the form nbgrader writes: not a mapping,
    an id that is not text, points that are not a number, flags that are not true/false. nbgrader itself stops
    on such a notebook, so it is reported as damaged and not graded."""
    damaged = []
    for index, cell in enumerate(nb.cells):
        metadata = cell.get("metadata") if isinstance(cell, dict) else None
        if not isinstance(metadata, dict):
            damaged.append(f"cell {index + 1}")
            continue
        if "nbgrader" not in metadata:
            continue
        if _damaged_meta(metadata["nbgrader"]):
            damaged.append(f"cell {index + 1}")
    return damaged


def _damaged_meta(meta: object) -> bool:
    if not isinstance(meta, dict):
        return True
    if "grade_id" in meta and not isinstance(meta["grade_id"], str):
        return True
    points = meta.get("points", 0)
    if isinstance(points, bool) or not isinstance(points, (int, float, str)) or not _is_number(points):
        return True
    return any(flag in meta and not isinstance(meta[flag], bool) for flag in _FLAGS)


def _is_number(value: object) -> bool:
    try:
        float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return True


class DamagedNotebook(ValueError):
    """A notebook whose nbgrader metadata is damaged; nbgrader would stop on it with a Python error."""


def instructor_ids(source_notebook: Path) -> set[str]:
    """Grade ids of the instructor's notebook."""
    nb = nbformat.read(source_notebook, as_version=4)
    return {c.metadata["nbgrader"]["grade_id"] for c in nb.cells
            if isinstance(c.metadata.get("nbgrader"), dict) and c.metadata["nbgrader"].get("grade_id")}


def _marked_cells(nb: NotebookNode) -> Iterator[tuple[NotebookNode, str | None]]:
    """Each cell with nbgrader metadata, and its grade id (None when missing or not a string)."""
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader")
        if isinstance(meta, dict) and meta:
            grade_id = meta.get("grade_id")
            yield cell, grade_id if isinstance(grade_id, str) and grade_id else None


#: The nbgrader flags that decide how a cell is graded; restored from the instructor's notebook for known ids.
FLAG_KEYS = ("grade", "solution", "locked", "task", "points")


def instructor_flags(source_notebook: Path) -> dict[str, dict[str, Any]]:
    """``{grade id: nbgrader flags}`` of the instructor's notebook."""
    nb = nbformat.read(source_notebook, as_version=4)
    return {meta["grade_id"]: {k: meta[k] for k in FLAG_KEYS if k in meta} for cell in nb.cells
            for meta in [nbgrader_meta(cell)] if isinstance(meta.get("grade_id"), str) and meta["grade_id"]}


def changed_flags(nb: NotebookNode, flags: dict[str, dict[str, Any]]) -> list[str]:
    """Known ids whose first cell's flags differ from the instructor's (a test marked as an answer, an answer
    marked as graded, points changed ...), in notebook order."""
    seen: set[str] = set()
    changed = []
    for cell, grade_id in _marked_cells(nb):
        if grade_id is None or grade_id in seen or grade_id not in flags:
            continue
        seen.add(grade_id)
        meta = cell.metadata["nbgrader"]
        if any(meta.get(k) != flags[grade_id].get(k) for k in FLAG_KEYS if k in meta or k in flags[grade_id]):
            changed.append(grade_id)
    return changed


def odd_cell_ids(nb: NotebookNode, known: set[str] | None) -> tuple[list[str], list[str]]:
    """(ids that appear more than once, ids not in ``known``), in notebook order; ``known=None`` skips the second."""
    seen: set[str] = set()
    duplicated: list[str] = []
    unknown: list[str] = []
    for _, grade_id in _marked_cells(nb):
        if grade_id is None:
            continue
        if grade_id in seen:
            duplicated.append(grade_id)
        elif known is not None and grade_id not in known:
            unknown.append(grade_id)
        seen.add(grade_id)
    return list(dict.fromkeys(duplicated)), unknown


class SanitizeCellIds(NbGraderPreprocessor):
    """Keep the first cell of each grade id; later copies and unknown ids become ordinary cells."""

    def preprocess(self, nb: NotebookNode, resources: dict[str, Any]) -> tuple[NotebookNode, dict[str, Any]]:
        damaged = damaged_cells(nb)
        if damaged:  # plain `nbgrader autograde` fails this submission with words, and goes on with the rest
            raise DamagedNotebook(f"the notebook is damaged: the grading information of {', '.join(damaged[:5])} is "
                                  "not in the form Jupyter writes; it was not graded")
        path = instructor_notebook(self, resources)
        flags = instructor_flags(path) if path is not None else None
        seen: set[str] = set()
        for cell, grade_id in list(_marked_cells(nb)):
            if grade_id is None or grade_id in seen or (flags is not None and grade_id not in flags):
                self.log.warning("Cell with nbgrader id %r is a copy or not in the assignment; graded as an "
                                 "ordinary cell", grade_id)
                del cell.metadata["nbgrader"]
                continue
            seen.add(grade_id)
            if flags is not None:  # a test marked as an answer, an answer marked as graded: the assignment's flags
                meta = cell.metadata["nbgrader"]
                for key in FLAG_KEYS:
                    if key in flags[grade_id]:
                        meta[key] = flags[grade_id][key]
                    else:
                        meta.pop(key, None)
        return nb, resources

    def preprocess_cell(self, cell: NotebookNode, resources: dict[str, Any], index: int) -> tuple[NotebookNode, Any]:
        return cell, resources


class RestoreDeletedCells(OverwriteCells):
    """nbgrader's ``OverwriteCells`` whose putting back of deleted test cells survives a deleted neighbour.

    nbgrader puts a deleted test cell back after the cell before it in the assignment and stops with a ``KeyError``
    (the whole submission not graded, "see the above traceback") when that cell was deleted too, which is what
    deleting a question's answer cell together with its test does. Here a deleted test cell goes after the nearest
    earlier cell of the assignment that the notebook still has (first, when it has none), with a cell id of its own
    where the notebook's format has them (nbgrader's copy has none, and nbformat then warned in every autograde
    output); the rest is nbgrader's.
    """

    def add_missing_grade_cells(self, nb: NotebookNode, resources: Any) -> tuple[NotebookNode, Any]:
        source_nb = self.gradebook.find_notebook(self.notebook_id, self.assignment_id)
        source_cells = list(source_nb.source_cells)
        order = [cell.name for cell in source_cells]
        solutions = {cell.name for cell in source_nb.solution_cells}
        graded = sorted(source_nb.grade_cells, key=lambda c: order.index(c.name) if c.name in order else len(order))

        def ids() -> list[str | None]:
            return [nbgrader_meta(cell).get("grade_id") for cell in nb.cells]

        for grade_cell in graded:
            present = ids()
            if grade_cell.name in present or grade_cell.name not in order:
                continue
            self.log.warning("Missing grade cell %s encountered, adding to notebook", grade_cell.name)
            at = order.index(grade_cell.name)
            cell = self.missing_cell_transform(source_cells[at], grade_cell.max_score,
                                               is_solution=grade_cell.name in solutions)
            if _has_cell_ids(nb):
                cell["id"] = new_cell_id(nb)
            before = next((present.index(name) for name in reversed(order[:at]) if name in present), -1)
            nb.cells.insert(before + 1, cell)
        return nb, resources


def _has_cell_ids(nb: NotebookNode) -> bool:
    """Whether the notebook's format (nbformat 4.5 or later) gives every cell an id."""
    return (int(nb.get("nbformat", 0)), int(nb.get("nbformat_minor", 0))) >= (4, 5)


def new_cell_id(nb: NotebookNode) -> str:
    """A cell id that no cell of ``nb`` has yet, in nbformat's own style."""
    taken = {cell.get("id") for cell in nb.cells if isinstance(cell, dict)}
    while (candidate := generate_corpus_id()) in taken:
        pass
    return candidate
