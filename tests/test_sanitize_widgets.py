"""Widget outputs on graded pages: no widget code and no Python repr, a plain placeholder instead."""

from __future__ import annotations

import nbformat

from ipt_training.grading.feedback.style import WRAP_CSS
from ipt_training.grading.trusted.sanitize import WIDGET_PLACEHOLDER, sanitize_notebook


def _notebook_with(data: dict) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("assignment_builder('a-02', 'a')")
    cell.outputs = [nbformat.v4.new_output("display_data", data=data)]
    nb.cells = [cell]
    return nb


def test_a_widget_output_loses_its_view_and_its_repr():
    nb = _notebook_with({"application/vnd.jupyter.widget-view+json": {"model_id": "abc", "version_major": 2},
                         "text/plain": "VBox(children=(HTML(value='<h4>Your formulation</h4>'), Dropdown(...)))"})
    sanitize_notebook(nb)
    data = nb.cells[0].outputs[0]["data"]
    assert data == {"text/plain": WIDGET_PLACEHOLDER}


def test_plain_text_outputs_without_a_widget_are_kept_as_they_are():
    nb = _notebook_with({"text/plain": "VBox is a word a trainee may print"})
    sanitize_notebook(nb)
    assert nb.cells[0].outputs[0]["data"] == {"text/plain": "VBox is a word a trainee may print"}


def test_case_tables_on_feedback_pages_keep_their_spacing():
    """Cleaning drops inline styles, so the page's own CSS spaces the cells of the case display tables."""
    assert "div.output_html table td" in WRAP_CSS and "padding" in WRAP_CSS.split("div.output_html table td")[1]
