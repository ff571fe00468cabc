"""Show, in each graded test cell of the feedback page, the answer the grader scored, next to its score.

A trainee who answered with the formulation builder left the answer variables as ``None``; the feedback would
otherwise show ``None`` beside full marks and never the formulation that earned them. :class:`ShowGradedAnswers`
(a ``GenerateFeedback`` preprocessor) adds a short "Your answer as graded" block, built from the answers the
trusted re-scoring stored with the cell (:mod:`ipt_training.grading.trusted.scored`); everything the trainee
wrote is HTML-escaped.
"""

from __future__ import annotations

import html
from typing import Any

from nbformat import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor

from ipt_training.grading.trusted.scored import from_builder, scored_answers

MAX_VALUE_CHARS = 10_000
MAX_ROWS = 50
HEADING = "Your answer as graded"
BUILDER_NOTE = "from your saved builder answer"


def _text(value: Any) -> str:
    if value is None:
        return "no answer"
    if isinstance(value, str):
        return value.strip() or "no answer"
    if isinstance(value, dict):
        return "\n".join(f"{k}: {_text(v)}" for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return ", ".join(_text(v) for v in items) or "no answer"
    return str(value)


def value_html(value: Any) -> str:
    """One answer value as escaped HTML (tables for DataFrames, wrapped text otherwise)."""
    if type(value).__name__ == "DataFrame" and hasattr(value, "to_html"):
        shown = value.head(MAX_ROWS)
        more = f"<p>{len(value) - MAX_ROWS} more rows.</p>" if len(value) > MAX_ROWS else ""
        return shown.to_html(index=False, escape=True, border=0, na_rep="") + more
    text = _text(value)
    if len(text) > MAX_VALUE_CHARS:
        text = text[:MAX_VALUE_CHARS] + f" … [{len(text) - MAX_VALUE_CHARS:,} more characters]"
    return f'<div class="ipt-answer-text">{html.escape(text)}</div>'


def _order(name: str) -> tuple[int, str]:
    from ipt_training.saved_answers import FIELDS

    return next((i for i, field in enumerate(FIELDS) if name.startswith(field + "_")), -1), name


def _readable(name: str, value: Any) -> Any:
    """A problem area or dispute stage in words ("Role transition"), as the builder shows it; else ``value``."""
    from ipt_training.domain import AREA_LABELS, DisputeStage, ProblemArea

    if not isinstance(value, str):
        return value
    token = value.strip().lower().replace(" ", "_")
    if name.startswith(("primary_area_", "secondary_area_")) and token in {a.value for a in ProblemArea}:
        return AREA_LABELS[ProblemArea(token)]
    if name.startswith("dispute_stage_") and token in {s.value for s in DisputeStage}:
        return token.capitalize()
    return value


def answer_block(answers: dict[str, Any], builder: list[str]) -> NotebookNode:
    """A display output listing each scored answer (HTML for the page, plain text for other readers)."""
    rows, lines = [], [f"{HEADING}:"]
    for name in sorted(answers, key=_order):
        value = _readable(name, answers[name])
        note = f" ({BUILDER_NOTE})" if name in builder else ""
        rows.append(f"<dt><code>{html.escape(name)}</code>{html.escape(note)}</dt><dd>{value_html(value)}</dd>")
        lines.append(f"  {name}{note}: {_text(value)[:MAX_VALUE_CHARS]}")
    body = f'<div class="ipt-graded-answer"><p><strong>{HEADING}</strong></p><dl>{"".join(rows)}</dl></div>'
    return NotebookNode(output_type="display_data", metadata={},
                        data={"text/html": body, "text/plain": "\n".join(lines)})


class ShowGradedAnswers(NbGraderPreprocessor):
    """Put the scored answers at the top of each re-scored grade cell's outputs (see the module docstring)."""

    def preprocess_cell(self, cell: NotebookNode, resources: dict[str, Any], index: int) -> tuple[NotebookNode, Any]:
        if cell.cell_type != "code" or not cell.metadata.get("nbgrader", {}).get("grade"):
            return cell, resources
        answers = scored_answers(cell)
        if answers:
            cell.outputs = [answer_block(answers, from_builder(cell)), *cell.get("outputs", [])]
        return cell, resources
