"""The instructor's analytics notebook, run in a real kernel on its sample course, names items as the assignment
does and problem areas in words, as the HTML report does (round 15: it showed ``case_a_test`` and ``role_dispute``
where the instructor expects "Case A" and "role dispute")."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

pytestmark = pytest.mark.slow


def _shown(cell: nbformat.NotebookNode) -> str:
    return "\n".join(str(o.get("data", {}).get("text/html", "")) for o in cell.get("outputs", []))


@pytest.fixture(scope="module")
def executed(repo: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(repo / "course" / "instructor" / "cohort_analytics.ipynb", as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(repo / "course" / "instructor")}}).execute()
    return nb


def _table(nb: nbformat.NotebookNode, source: str) -> str:
    cell = next(c for c in nb.cells if c.cell_type == "code" and c.source.strip().startswith(source))
    return _shown(cell)


def test_item_statistics_name_items_as_the_assignment_does(executed) -> None:
    items = _table(executed, "readable(analysis.item_stats")
    assert "Case A" in items and "Q1. Who developed IPT?" in items
    assert not re.search(r"<td>(case_[abc]_test|q\d_test)</td>", items)


def test_areas_are_in_words_in_the_confusion_matrix_and_review_queue(executed) -> None:
    confusion = _table(executed, "readable_confusion(")
    assert "Role dispute" in confusion and "role_dispute" not in confusion
    review = _table(executed, "readable(analysis.review")
    assert "Case A" in review and "trainee" in review
    assert not re.search(r"<td>(role_dispute|role_transition|interpersonal_deficits|case_[abc]_test)</td>", review)
