"""Name each graded item of a feedback page as the assignment does ("Q1. Who developed IPT?", "Case A").

nbgrader's feedback template labels every test cell "Test cell" in the list of scores and shows its grade id
(``q1_test``) and its code (``check_choice(globals(), "q1", ...)``) beside the score; the test's result also
appears a second time as ``Out[5]: 10.0``. :class:`ReadableGradeCells` (a ``GenerateFeedback`` preprocessor)
takes a title for every nbgrader cell from the heading above it in the *instructor's* notebook (never from the
trainee's copy, whose headings the trainee can edit), passes the titles to the page template
(``templates/feedback/ipt_feedback.html.j2``, which extends nbgrader's) in ``resources["ipt_feedback"]``, and drops the repeated score from each test
cell's outputs. The template shows the title and the score instead of the id and the code.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import nbformat
from nbformat import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor

from ipt_training.grading.trusted.course_root import instructor_notebook

RESOURCE = "ipt_feedback"
TEMPLATE_FILE = "ipt_feedback.html.j2"
FALLBACK = "Graded item"
_POINTS = re.compile(r"\s*\(\s*\d+(\.\d+)?\s+points?(\s+each)?\s*\)", re.IGNORECASE)
_MARKUP = re.compile(r"[*_`]+")


def template_dirs() -> list[str]:
    """Template folders for ``HTMLExporter.extra_template_basedirs`` of ``GenerateFeedback``: ours first, then
    nbgrader's. Both hold a ``feedback`` folder: nbgrader's has the page (``index.html.j2``), ours
    :data:`TEMPLATE_FILE`, which extends it. nbgrader's API always asks for the ``feedback`` template, so the page
    is chosen with ``template_file``."""
    import nbgrader

    ours = Path(__file__).with_name("templates")
    theirs = Path(nbgrader.__file__).parent / "server_extensions" / "formgrader" / "templates"
    return [str(ours), str(theirs)]


def heading_title(line: str) -> str:
    """A markdown heading as a plain title: no ``#``, no emphasis marks, no "(2 points)"."""
    text = _MARKUP.sub("", line.lstrip().lstrip("#"))
    text = _POINTS.sub("", text)
    return " ".join(text.split()).strip()


def is_test_cell(cell: NotebookNode) -> bool:
    """A locked test cell (grade but not an answer or a task)."""
    meta = cell.get("metadata", {}).get("nbgrader") or {}
    return bool(meta.get("grade")) and not meta.get("solution") and not meta.get("task")


def notebook_title(nb: NotebookNode) -> str | None:
    """The notebook's first top-level heading ("Assignment: IPT foundations"), if it has one."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# ") and heading_title(line):
                    return heading_title(line)
    return None


def cell_titles(nb: NotebookNode) -> dict[str, str]:
    """``{grade id: title}`` for every nbgrader cell: the last heading above it. Test cells that share a heading
    are numbered ("Part 2: rewrites (1 of 2)"); cells with no heading above are "Graded item N"."""
    heading = ""
    sections: dict[str, str] = {}
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.lstrip().startswith("#") and heading_title(line):
                    heading = heading_title(line)
        grade_id = (cell.metadata.get("nbgrader") or {}).get("grade_id")
        if isinstance(grade_id, str) and grade_id:
            sections[grade_id] = heading
    tests = [(c.metadata["nbgrader"]["grade_id"], sections[c.metadata["nbgrader"]["grade_id"]])
             for c in nb.cells if is_test_cell(c) and isinstance(c.metadata["nbgrader"].get("grade_id"), str)]
    titles = {grade_id: heading or FALLBACK for grade_id, heading in sections.items()}
    for number, (grade_id, heading) in enumerate(tests, start=1):
        shared = [g for g, h in tests if h == heading]
        if not heading:
            titles[grade_id] = f"{FALLBACK} {number}"
        elif len(shared) > 1:
            titles[grade_id] = f"{heading} ({shared.index(grade_id) + 1} of {len(shared)})"
    return titles


class ReadableGradeCells(NbGraderPreprocessor):
    """Titles for the feedback template and no repeated score in test cells (see the module docstring)."""

    def preprocess(self, nb: NotebookNode, resources: dict[str, Any]) -> tuple[NotebookNode, dict[str, Any]]:
        source = instructor_notebook(self, resources)
        instructor = nbformat.read(source, as_version=4) if source is not None else None
        resources[RESOURCE] = {"titles": cell_titles(instructor) if instructor is not None else {},
                               "title": notebook_title(instructor) if instructor is not None else None}
        for cell in nb.cells:
            if cell.cell_type == "code" and is_test_cell(cell):
                cell.outputs = [o for o in cell.get("outputs", []) if o.get("output_type") != "execute_result"]
        return nb, resources

    def preprocess_cell(self, cell: NotebookNode, resources: dict[str, Any], index: int) -> tuple[NotebookNode, Any]:
        return cell, resources
