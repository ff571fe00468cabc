"""A test cell deleted by the trainee and put back at autograde gets a cell id, so nbformat does not warn.

nbgrader's copy of a deleted grade cell has no ``id``; in an nbformat 4.5 notebook nbformat then printed a
``MissingIDFieldWarning`` in the middle of every autograde that restored a cell (seen by an instructor grading a
submission whose test cell was deleted).
"""

from __future__ import annotations

import warnings
from types import SimpleNamespace

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from ipt_training.grading.trusted.cell_ids import RestoreDeletedCells


def _source_cell(name: str, source: str) -> SimpleNamespace:
    return SimpleNamespace(name=name, cell_type="code", locked=True, checksum="x", source=source)


def _graded(name: str) -> SimpleNamespace:
    return SimpleNamespace(name=name, max_score=10.0)


def _trainee_cell(grade_id: str, source: str) -> nbformat.NotebookNode:
    cell = new_code_cell(source)
    cell.metadata["nbgrader"] = {"grade_id": grade_id, "solution": True, "grade": False, "locked": False}
    return cell


def _restorer() -> RestoreDeletedCells:
    source = SimpleNamespace(
        source_cells=[_source_cell("q1_answer", "x = None"), _source_cell("q1_test", "check(x)")],
        solution_cells=[SimpleNamespace(name="q1_answer")],
        grade_cells=[_graded("q1_test")],
    )
    restorer = RestoreDeletedCells()
    restorer.gradebook = SimpleNamespace(find_notebook=lambda notebook, assignment: source)
    restorer.notebook_id, restorer.assignment_id = "nb", "a1"
    return restorer


@pytest.mark.parametrize("minor", [5, 4])
def test_does_a_restored_test_cell_pass_validation_without_a_warning(minor: int) -> None:
    nb = new_notebook(cells=[_trainee_cell("q1_answer", "x = 1")])
    nb.nbformat_minor = minor
    if minor < 5:
        del nb.cells[0]["id"]
    nb, _ = _restorer().add_missing_grade_cells(nb, {})
    assert [c.metadata["nbgrader"]["grade_id"] for c in nb.cells] == ["q1_answer", "q1_test"]
    restored = nb.cells[1]
    assert ("id" in restored) == (minor >= 5)  # 4.4 notebooks have no cell ids at all
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        nbformat.validate(nbformat.from_dict(nb))


def test_is_the_restored_cell_id_new_in_the_notebook() -> None:
    nb = new_notebook(cells=[_trainee_cell("q1_answer", "x = 1")])
    nb, _ = _restorer().add_missing_grade_cells(nb, {})
    ids = [c["id"] for c in nb.cells]
    assert len(set(ids)) == len(ids) == 2


def test_without_the_fix_nbformat_warns_about_the_missing_id() -> None:
    """What the fix prevents: nbgrader's own copy of the cell, inserted as it is, fails 4.5 validation."""
    nb = new_notebook(cells=[_trainee_cell("q1_answer", "x = 1")])
    restorer = _restorer()
    copy = restorer.missing_cell_transform(_source_cell("q1_test", "check(x)"), 10.0)
    nb.cells.append(copy)
    with pytest.warns(nbformat.warnings.MissingIDFieldWarning):
        nbformat.validate(nbformat.from_dict(nb))
