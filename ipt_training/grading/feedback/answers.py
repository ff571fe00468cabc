"""Show, in each graded test cell of the feedback page, the answer the grader scored, next to its score.

A trainee who answered with the formulation builder left the answer variables as ``None``; the feedback would
otherwise show ``None`` beside full marks and never the formulation that earned them. :class:`ShowGradedAnswers`
(a ``GenerateFeedback`` preprocessor) adds a short "Your answer as graded" block, built from the answers the
trusted re-scoring stored with the cell (:mod:`ipt_training.grading.trusted.scored`). Each answer is named in
words ("Primary problem area", not ``primary_area_a``), a missing answer, an empty table or a placeholder left in
place reads "no answer", and everything the trainee wrote is HTML-escaped. The same block is put in the autograded
notebook (the last step of autograde), so the formgrader shows the instructor what was graded under each grade, and
:func:`graded_answer_text` gives the report's review queue the same text.
"""

from __future__ import annotations

import html
import re
from typing import Any

from nbformat import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor

from ipt_training.grading.trusted.scored import answer_order, from_builder, scored_answers

MAX_VALUE_CHARS = 10_000
MAX_ROWS = 50
HEADING = "Your answer as graded"
BUILDER_NOTE = "from your saved builder answer"
NO_ANSWER = "no answer"
NO_RESPONSE = "No response."  # nbgrader's comment on an answer cell left as released
BUILDER_COMMENT = "Answered with the formulation builder: the saved answer was graded (below)."
FIELD_LABELS = {"primary_area": "Primary problem area", "secondary_area": "Secondary problem area",
                "dispute_stage": "Dispute stage", "formulation": "Formulation"}
_QUESTION = re.compile(r"q\d+")
BLOCK_MARK = "ipt_graded_answer"  # output metadata: the block this step adds (replaced, never doubled)


def answer_label(name: str) -> str:
    """An answer variable in words: ``primary_area_a`` -> "Primary problem area", ``q3`` -> "Answer",
    ``onset_month`` -> "Onset month"."""
    for field, label in FIELD_LABELS.items():
        if name.startswith(field + "_"):
            return label
    if _QUESTION.fullmatch(name):
        return "Answer"
    words = " ".join(name.replace("_", " ").split())
    return words[:1].upper() + words[1:]


def _is_table(value: Any) -> bool:
    return type(value).__name__ == "DataFrame" and hasattr(value, "to_html")


def _text(value: Any) -> str:
    from ipt_training.grading.graders.checks import without_placeholder
    from ipt_training.grading.trusted.answers import Opaque, is_blank

    if is_blank(value):
        return NO_ANSWER + (" (the table has no rows)" if _is_table(value) else "")
    if isinstance(value, str):
        if not without_placeholder(value).strip():
            return f"{NO_ANSWER} (the placeholder text is still there)"
        return value.strip()
    if isinstance(value, Opaque):
        return f"{value.text} (this answer was not plain text, a list or a table, so the grader read it as the text shown)"
    if _is_table(value):
        return value.to_string(index=False)
    if isinstance(value, dict):
        return "\n".join(f"{k}: {_text(v)}" for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return ", ".join(_text(v) for v in items)
    return str(value)


def value_html(value: Any) -> str:
    """One answer value as escaped HTML (tables for DataFrames with rows, wrapped text otherwise)."""
    if _is_table(value) and not value.empty:
        shown = value.head(MAX_ROWS)
        more = f"<p>{len(value) - MAX_ROWS} more rows.</p>" if len(value) > MAX_ROWS else ""
        return shown.to_html(index=False, escape=True, border=0, na_rep="") + more
    text = _text(value)
    if len(text) > MAX_VALUE_CHARS:
        text = text[:MAX_VALUE_CHARS] + f" … [{len(text) - MAX_VALUE_CHARS:,} more characters]"
    return f'<div class="ipt-answer-text">{html.escape(text)}</div>'


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


def answer_lines(answers: dict[str, Any], builder: list[str]) -> list[str]:
    """One line per scored answer, in the order given: its label, where it came from, and its text as graded."""
    return [f"{answer_label(name)}{f' ({BUILDER_NOTE})' if name in builder else ''}: "
            f"{_text(_readable(name, raw))[:MAX_VALUE_CHARS]}" for name, raw in answers.items()]


def answer_block(answers: dict[str, Any], builder: list[str]) -> NotebookNode:
    """A display output listing each scored answer, in the order given (HTML for the page, plain text for
    other readers)."""
    rows = []
    for name, raw in answers.items():
        note = f" ({BUILDER_NOTE})" if name in builder else ""
        rows.append(f'<dt>{html.escape(answer_label(name))}<span class="ipt-answer-note">{html.escape(note)}</span>'
                    f"</dt><dd>{value_html(_readable(name, raw))}</dd>")
    lines = [f"{HEADING}:", *(f"  {line}" for line in answer_lines(answers, builder))]
    body = f'<div class="ipt-graded-answer"><p><strong>{HEADING}</strong></p><dl>{"".join(rows)}</dl></div>'
    return NotebookNode(output_type="display_data", metadata={BLOCK_MARK: True},
                        data={"text/html": body, "text/plain": "\n".join(lines)})


def _is_block(output: NotebookNode) -> bool:
    """This step's block (the HTML cleaning keeps no output metadata, so its text says so too; a trainee writes no
    output of a re-scored grade cell, whose outputs the grading process replaces)."""
    text = (output.get("data") or {}).get("text/plain", "")
    return output.get("output_type") == "display_data" and (
        bool((output.get("metadata") or {}).get(BLOCK_MARK)) or str("".join(text) if isinstance(text, list) else
                                                                     text).startswith(f"{HEADING}:"))


def graded_answer_text(cell: NotebookNode) -> str:
    """The answers the grader scored in a grade cell as plain lines ("Answer: b", "Formulation (from your saved
    builder answer): ..."); empty when the cell stored none."""
    answers = scored_answers(cell)
    if not answers:
        return ""
    return "\n".join(answer_lines({name: answers[name] for name in answer_order(cell, answers)}, from_builder(cell)))


class ShowGradedAnswers(NbGraderPreprocessor):
    """Put the scored answers at the top of each re-scored grade cell's outputs (see the module docstring).

    nbgrader comments "No response." on an answer cell left as released; when the test after it scored the
    builder's saved answer, the page says so instead.
    """

    def preprocess(self, nb: NotebookNode, resources: dict[str, Any]) -> tuple[NotebookNode, dict[str, Any]]:
        answer_cell = None
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("solution"):
                answer_cell = cell
            elif cell.cell_type == "code" and meta.get("grade"):
                builder = self._show(cell)
                if builder and answer_cell is not None and answer_cell.metadata["nbgrader"].get("comment") == \
                        NO_RESPONSE:
                    answer_cell.metadata["nbgrader"]["comment"] = BUILDER_COMMENT
        return nb, resources

    def _show(self, cell: NotebookNode) -> list[str]:
        """Add the answer block to a grade cell; the names whose answer came from the builder."""
        answers = scored_answers(cell)
        if not answers:
            return []
        ordered = {name: answers[name] for name in answer_order(cell, answers)}
        builder = from_builder(cell)
        # autograde added the block already (the formgrader shows it); feedback made from that notebook replaces it
        kept = [o for o in cell.get("outputs", []) if not _is_block(o)]
        cell.outputs = [answer_block(ordered, builder), *kept]
        return builder
