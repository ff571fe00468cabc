"""The report's tables as an instructor reads them in ``index.html``: items named as the assignment names them
("Case A", "Q1. Who developed IPT?"), problem areas in words, column headings with their units. The CSV files keep
the machine names (docs/analytics.md describes their shapes)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import nbformat
import pandas as pd

from ipt_training.analytics.confusion import NO_CHOICE
from ipt_training.domain import AREA_LABELS, ProblemArea

#: Column headings of the HTML tables; a column not named here (an assignment, in the grades table) keeps its name.
HEADINGS: dict[str, str] = {
    "student": "trainee",
    "n": "answers",
    "max_score": "max points",
    "mean_score": "mean points",
    "auto_score": "auto score (points)",
    "points": "points",
    "max_points": "max points",
    "fraction": "share of max (0-1)",
    "difficulty": "difficulty (0-1)",
    "discrimination": "discrimination (-1 to 1)",
    "confidence": "scorer confidence (0-1)",
    "chosen_area": "area chosen",
    "detected_area": "area the scorer read",
    "case_id": "case",
    "example_feedback": "example feedback",
    "total": "total (points)",
    "max_total": "max total (points)",
    "percentage": "percentage (%)",
    "answer_as_graded": "answer as graded",
}
_AREA_COLUMNS = ("chosen_area", "detected_area", "instructor_area", "reference_area", "area")
_DROPPED = ("criterion", "notebook")  # machine ids beside their label; the notebook repeats the assignment


@cache
def _titles(notebook: Path) -> dict[str, str]:
    from ipt_training.grading.feedback.titles import cell_titles

    try:
        return cell_titles(nbformat.read(notebook, as_version=4))
    except Exception:  # an unreadable source notebook: the report shows the ids
        return {}


def item_title(root: Path | None, assignment: str, item: str) -> str:
    """The heading the instructor's source notebook gives the graded item, else the item id."""
    if root is None:
        return item
    for notebook in sorted((root / "source" / assignment).glob("*.ipynb")):
        title = _titles(notebook).get(item)
        if title:
            return title
    return item


def area_words(value: object) -> object:
    """A problem-area id in words ("role_dispute" -> "role dispute", "none" -> "no area chosen"); other values
    unchanged."""
    if value == NO_CHOICE:
        return "no area chosen"
    try:
        return AREA_LABELS[ProblemArea(str(value))]
    except ValueError:
        return value


def readable(frame: pd.DataFrame, root: Path | None = None) -> pd.DataFrame:
    """``frame`` for the HTML report: item titles, areas in words, headings with units, no duplicate id columns."""
    shown = frame.copy()
    if {"assignment", "item"} <= set(shown.columns):
        shown["item"] = [item_title(root, str(a), str(i)) for a, i in zip(shown["assignment"], shown["item"],
                                                                          strict=True)]
    for column in _AREA_COLUMNS:
        if column in shown.columns:
            shown[column] = shown[column].map(area_words)
    drop = [c for c in _DROPPED if c in shown.columns and ("label" in shown.columns or c == "notebook")]
    if "notebook" in drop and not (shown["notebook"].astype(str) == shown.get("assignment", "").astype(str)).all():
        drop.remove("notebook")  # an assignment with several notebooks keeps the column
    shown = shown.drop(columns=drop)
    if "label" in shown.columns:
        shown = shown.rename(columns={"label": "criterion"})
    return shown.rename(columns=lambda c: HEADINGS.get(str(c), str(c)))


#: The calibration pairs' own columns: the instructor's score and area beside the scorer's.
_CALIBRATION_HEADINGS = {"score": "instructor score (points)", "area": "instructor's area",
                         "source": "instructor score from", "auto_area": "area the scorer read"}

#: The calibration figures of the summary table (:meth:`Agreement.summary` keys), in words.
AGREEMENT_LABELS = {
    "items_scored": "calibration: items an instructor scored",
    "spearman": "calibration: Spearman's rho, instructor vs auto scores (-1 to 1)",
    "mae": "calibration: mean absolute difference, instructor vs auto (points)",
    "areas_rated": "calibration: problem areas an instructor named",
    "kappa_problem_area": "calibration: Cohen's kappa, problem area (-1 to 1)",
}


def readable_calibration(pairs: pd.DataFrame, root: Path | None = None) -> pd.DataFrame:
    """The calibration pairs for the HTML report: as :func:`readable`, and the instructor's columns named as such
    (the CSV keeps ``score``, ``area``, ``source``, ``auto_area``)."""
    shown = pairs.copy()
    if "auto_area" in shown.columns:
        shown["auto_area"] = shown["auto_area"].map(area_words)
    return readable(shown, root).rename(columns=_CALIBRATION_HEADINGS)


def readable_confusion(frame: pd.DataFrame) -> pd.DataFrame:
    """The confusion matrix with areas in words: rows the reference area, columns the area chosen."""
    shown = frame.rename(index=area_words, columns=area_words)
    shown = shown.rename(columns={"none": "no area chosen"})
    shown.index.name, shown.columns.name = "reference area", "area chosen"
    return shown
