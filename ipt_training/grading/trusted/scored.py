"""The answers the grader scored, kept with each graded cell so every consumer reads the same ones.

The trusted re-scoring (:mod:`ipt_training.grading.trusted.rescore`) scores the answer variables the kernel
recorded, with formulation variables left as ``None`` taken from the builder's saved answers
(:func:`ipt_training.saved_answers.graded_values`). :func:`scored_mark` stores exactly those values in the
grade cell's metadata of the autograded notebook; :func:`scored_answers` reads them back for the diagnosis
("no answer given"), the feedback page (the graded answer next to its score), and the analytics (confusion
matrix, calibration re-score, exports). Values are stored in the answer record's tagged JSON (no pickle).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from nbformat import NotebookNode

from ipt_training.grading.trusted.answers import Record, RecordError, decode, encode
from ipt_training.saved_answers import graded_values

SCORED_MARK = "ipt_answers"  # grade cell metadata written by the trusted re-scoring
ABSENT_ANSWER = "answer not defined when graded"  # how :func:`answer_problem` starts for an undefined answer
MAX_STORED_CHARS = 200_000  # larger answers are scored but not stored (the mark says so)


def scored_mark(record: Record, well_formed: bool, folder: Path | None = None) -> dict[str, Any]:
    """The metadata of one re-scored grade cell: which answers were absent or blank, whether the visible checks
    found them well-formed, and the answers as scored (``answers``; ``from_builder``: names taken from the
    builder's saved answers)."""
    values, filled = graded_values(record.values, folder)
    scored = Record(values=values, absent=list(record.absent), problems=dict(record.problems))
    mark: dict[str, Any] = {"absent": list(record.absent), "unanswered": scored.unanswered,
                            "well_formed": well_formed, "from_builder": filled, "order": list(values)}
    try:
        answers = {name: encode(value) for name, value in values.items()}
    except RecordError:
        answers = None
    if answers is not None and len(json.dumps(answers)) <= MAX_STORED_CHARS:
        mark["answers"] = answers
    else:
        mark["answers_not_stored"] = "the answer is too large to keep with the graded notebook"
    return mark


def scored_answers(cell: NotebookNode) -> dict[str, Any] | None:
    """The answers the grader scored in this grade cell, by variable name (``None``: not recorded)."""
    mark = cell.get("metadata", {}).get(SCORED_MARK) or {}
    stored = mark.get("answers")
    if not isinstance(stored, dict):
        return None
    try:
        return {str(name): decode(value) for name, value in stored.items()}
    except (RecordError, ValueError, TypeError, RecursionError, MemoryError):
        return None


def answers_not_stored(cell: NotebookNode) -> bool:
    """The grader scored this cell's answers but kept no copy (too large): what it scored is in no file."""
    mark = cell.get("metadata", {}).get(SCORED_MARK) or {}
    return isinstance(mark, dict) and "answers_not_stored" in mark


def answer_order(cell: NotebookNode, answers: dict[str, Any]) -> list[str]:
    """The names of ``answers`` in the order the grader read them (notebooks store metadata keys sorted);
    formulation fields in the builder's order when the cell does not say."""
    from ipt_training.saved_answers import FIELDS

    mark = cell.get("metadata", {}).get(SCORED_MARK) or {}
    order = [str(n) for n in mark.get("order", []) if str(n) in answers]
    rank = {name: i for i, name in enumerate(order)}
    field = {name: next((i for i, f in enumerate(FIELDS) if name.startswith(f + "_")), len(FIELDS))
             for name in answers}
    return sorted(answers, key=lambda n: (rank.get(n, len(rank)), field[n], n))


def from_builder(cell: NotebookNode) -> list[str]:
    """Names whose scored value came from the builder's saved answers (``ipt_answers.json``)."""
    mark = cell.get("metadata", {}).get(SCORED_MARK) or {}
    return [str(n) for n in mark.get("from_builder", [])]


def answer_problem(cell: NotebookNode) -> str:
    """Why the grader could not read this grade cell's answer as the trainee meant it, for the instructor's review
    ("" when it could, or when the answer was left empty: a clear 0)."""
    mark = cell.get("metadata", {}).get(SCORED_MARK)
    if not isinstance(mark, dict):
        return ""
    absent = mark.get("absent")
    if absent:
        names = ", ".join(f"`{n}`" for n in (absent if isinstance(absent, list) else [absent]))
        return (f"{ABSENT_ANSWER} ({names}): its answer cell was deleted, renamed or stopped with an "
                "error (a SyntaxError?); the trainee's cell may hold an answer worth a manual grade")
    if mark.get("well_formed") is False and not mark.get("unanswered"):
        return ("answer not in the expected form (the template left in place, too short, or the wrong kind of value: "
                "the feedback says which)")
    return ""
