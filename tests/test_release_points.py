"""The release refuses a test cell whose points in the assignment differ from the points its hidden test grades
out of, and autograde explains that failure in words."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from ipt_training.grading.trusted.diagnose import explain_log
from ipt_training.grading.workflow.points_check import points_mismatches

ROOT = Path(__file__).resolve().parents[1]


def _notebook(path: Path, worth: float, graded_out_of: float) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_markdown_cell("## Case A"))
    test = nbformat.v4.new_code_cell("check(globals())\n### BEGIN HIDDEN TESTS\n"
                                     f'_grade("a-02", globals(), "a", points={graded_out_of:g})\n'
                                     "### END HIDDEN TESTS")
    test.metadata["nbgrader"] = {"grade": True, "solution": False, "locked": True, "grade_id": "case_a_test",
                                 "points": worth, "schema_version": 3}
    nb.cells.append(test)
    nbformat.write(nb, path)
    return path


def test_points_that_differ_are_named_plainly(tmp_path: Path) -> None:
    problems = points_mismatches(_notebook(tmp_path / "a.ipynb", 5, 10))
    assert problems == ['a.ipynb: "Case A" (case_a_test) is worth 5 points in the assignment but its test grades '
                        "out of points=10; make the two equal (the cell's points in nbgrader's cell toolbar and the "
                        "points= of the grader call in its hidden tests)"]
    assert points_mismatches(_notebook(tmp_path / "b.ipynb", 10, 10)) == []


@pytest.mark.parametrize("assignment", sorted(p.name for p in (ROOT / "source").iterdir()
                                              if p.is_dir() and p.name != "keys"))
def test_the_course_assignments_agree_with_their_tests(assignment: str) -> None:
    for notebook in sorted((ROOT / "source" / assignment).glob("*.ipynb")):
        assert points_mismatches(notebook) == []


def test_the_autograde_failure_reads_as_a_sentence() -> None:
    log = ("Traceback (most recent call last):\n    raise ValueError(\"partial credit cannot be greater than "
           "maximum points for cell\")\nValueError: partial credit cannot be greater than maximum points for cell\n"
           "[AutogradeApp | ERROR] Please see the the above traceback for details")
    message = explain_log(log)
    assert message.startswith("a test cell scored more than the points it is worth") and "Traceback" not in message
