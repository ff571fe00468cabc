"""Keep instructor key text out of feedback, whatever trainee code printed.

The grading sandbox already hides the keys from the kernel. This is the second line: before feedback HTML is
written, :class:`RedactKeyText` withholds every output of a cell that contains key text (solution or hidden-test
lines, reference formulations, key-file lines: :func:`ipt_training.grading.trusted.leaks.secret_strings`) or nbgrader's
solution/hidden-test markers. Outputs the grader itself wrote (:mod:`ipt_training.grading.trusted.rescore`) are exempt,
since graders' explanations legitimately quote the keys' "why" texts. The autograded notebook keeps the
original outputs for the instructor; :func:`key_text_cells` reports them as a problem.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nbformat import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor

from ipt_training.grading.trusted.leaks import key_text_in
from ipt_training.grading.trusted.rescore import TRUSTED_MARK

WITHHELD = ("[Output withheld from your feedback: it contained text from the instructor's answer keys or hidden "
            "tests. Reading the course's key files during grading is not allowed; your instructor has been told.]\n")


def output_text(output: NotebookNode) -> str:
    """All the text of one output (stream, error, or every text-like MIME type of a rich output)."""
    kind = output.get("output_type")
    if kind == "stream":
        return str(output.get("text", ""))
    if kind == "error":
        return " ".join([str(output.get("ename", "")), str(output.get("evalue", "")),
                         *map(str, output.get("traceback", []))])
    parts = []
    for mime, value in output.get("data", {}).items():
        if mime.startswith("text/") or mime.endswith("json"):
            parts.append(value if isinstance(value, str) else "".join(map(str, value))
                         if isinstance(value, list) else str(value))
    return " ".join(parts)


def key_text_cells(nb: NotebookNode, course_root: Path) -> list[tuple[int, str]]:
    """(cell index, label) of cells whose own (untrusted) outputs contain key text."""
    found = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or cell.metadata.get(TRUSTED_MARK):
            continue
        text = " ".join(output_text(o) for o in cell.get("outputs", []))
        if text.strip() and key_text_in(text, course_root):
            label = cell.metadata.get("nbgrader", {}).get("grade_id") or f"cell {index + 1}"
            found.append((index, label))
    return found


class RedactKeyText(NbGraderPreprocessor):
    """Withhold outputs that contain instructor key text from the feedback (see the module docstring)."""

    def preprocess(self, nb: NotebookNode, resources: dict[str, Any]) -> tuple[NotebookNode, dict[str, Any]]:
        from ipt_training.grading.trusted.course_root import grading_course_root

        course = grading_course_root(self)
        if course is None:
            return nb, resources
        for index, label in key_text_cells(nb, course):
            self.log.warning("withholding the outputs of %s from the feedback: they contain key text", label)
            nb.cells[index].outputs = [NotebookNode(output_type="stream", name="stdout", text=WITHHELD)]
        return nb, resources

    def preprocess_cell(self, cell: NotebookNode, resources: dict[str, Any], index: int) -> tuple[NotebookNode, Any]:
        return cell, resources
