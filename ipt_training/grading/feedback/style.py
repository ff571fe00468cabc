"""Styles added to every feedback page: long lines wrap, never cut off; tables in the trainee's notes keep spacing;
the grader's explanations read as prose.

nbgrader's feedback template shows outputs and code in ``<pre>`` blocks that do not wrap, so a long feedback
line or a formulation typed on one line ran off the page. :class:`FeedbackStyle` (a ``GenerateFeedback``
preprocessor, after nbconvert's ``CSSHTMLHeaderPreprocessor``) adds :data:`WRAP_CSS` to the page's inline CSS, and
hands the page template its Content-Security-Policy (:mod:`ipt_training.grading.feedback.csp`).
"""

from __future__ import annotations

from typing import Any

from nbformat import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor

from ipt_training.grading.feedback import csp

WRAP_CSS = """
/* ipt-course: wrap long feedback lines and the trainee's own text instead of cutting them off */
div.output_area pre, div.output_subarea pre, div.output_text pre, div.input_area pre, div.highlight pre,
div.text_cell_render pre, .ipt-graded-answer, .ipt-answer-text {
  white-space: pre-wrap !important;
  overflow-wrap: anywhere !important;
  word-break: normal !important;
}
div.output_area, div.output_subarea, div.input_area, div.inner_cell { overflow-x: visible; min-width: 0; }
.ipt-graded-answer { border-left: 3px solid #337ab7; background: #f5f8fc; padding: 0.3em 0.8em; margin: 0.3em 0; }
.ipt-graded-answer dt { font-weight: bold; }
.ipt-graded-answer dd { margin: 0 0 0.5em 1em; }
.ipt-graded-answer .ipt-answer-note { font-weight: normal; color: #555; }
.ipt-graded-answer table th, .ipt-graded-answer table td { padding: 0.1em 1.2em 0.1em 0; text-align: left; }
div.output_html table th, div.output_html table td { padding: 0.1em 1.2em 0.1em 0; text-align: left; vertical-align: top; }
/* the grader's explanation under each item's score is prose: read it in the page's font, not as code */
div.code_cell:has(.ipt-test-cell) div.output_text pre {
  font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; font-size: 14px; line-height: 1.5;
  max-width: 60em; background: #fafafa; padding: 0.5em 0.8em;
}
div.text_cell_render table { border-collapse: collapse; margin: 0.4em 0; }
div.text_cell_render table th, div.text_cell_render table td {
  padding: 0.15em 1.2em 0.15em 0.3em; text-align: left; vertical-align: top; border-bottom: 1px solid #ddd;
}
"""


class FeedbackStyle(NbGraderPreprocessor):
    """Add :data:`WRAP_CSS` and the Content-Security-Policy to the feedback page (see the module docstring)."""

    def preprocess(self, nb: NotebookNode, resources: dict[str, Any]) -> tuple[NotebookNode, dict[str, Any]]:
        inlining = resources.setdefault("inlining", {})
        inlining["css"] = [*inlining.get("css", []), WRAP_CSS]
        resources[csp.RESOURCE] = csp.meta_tag()
        return nb, resources

    def preprocess_cell(self, cell: NotebookNode, resources: dict[str, Any], index: int) -> tuple[NotebookNode, Any]:
        return cell, resources
