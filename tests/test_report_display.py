"""The report's HTML tables name items as the assignment does, areas in words and columns with their units; the
CSV tables keep the machine names."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pandas as pd

from ipt_training.analytics.confusion import confusion_matrix
from ipt_training.analytics.display import readable, readable_confusion


def _course(tmp_path: Path) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_markdown_cell("# Assignment\n\n## Case A (10 points)"))
    test = nbformat.v4.new_code_cell("grade()")
    test.metadata["nbgrader"] = {"grade": True, "solution": False, "locked": True, "grade_id": "case_a_test",
                                 "points": 10, "schema_version": 3}
    nb.cells.append(test)
    (tmp_path / "source" / "paf").mkdir(parents=True)
    nbformat.write(nb, tmp_path / "source" / "paf" / "paf.ipynb")
    return tmp_path


def test_review_queue_reads_as_an_instructor_would(tmp_path: Path) -> None:
    review = pd.DataFrame([{"student": "ana", "assignment": "paf", "item": "case_a_test", "case_id": "a-02",
                            "auto_score": 0.5, "max_score": 10, "confidence": 0.4, "chosen_area": "role_dispute",
                            "detected_area": None, "reasons": "low scorer confidence 0.40"},
                           {"student": "bo", "assignment": "paf", "item": "case_b_test", "case_id": "a-03",
                            "auto_score": 1.0, "max_score": 10, "confidence": 0.3, "chosen_area": "grief",
                            "detected_area": "interpersonal_deficits", "reasons": "x"}])
    shown = readable(review, _course(tmp_path))
    assert list(shown.columns) == ["trainee", "assignment", "item", "case", "auto score (points)", "max points",
                                   "scorer confidence (0-1)", "area chosen", "area the scorer read", "reasons"]
    assert list(shown["item"]) == ["Case A", "case_b_test"]  # a cell the source does not have keeps its id
    assert list(shown["area chosen"]) == ["Role dispute", "Grief (complicated bereavement)"]
    assert shown["area the scorer read"].iloc[1] == "Interpersonal deficits (interpersonal sensitivity)"
    assert review["item"].iloc[0] == "case_a_test" and review["chosen_area"].iloc[0] == "role_dispute"  # unchanged


def test_criteria_show_the_label_once_and_item_statistics_drop_a_repeated_notebook() -> None:
    criteria = pd.DataFrame([{"criterion": "goals", "label": "Goals", "n": 3, "points": 2.5, "max_points": 6,
                              "fraction": 0.417}])
    assert list(readable(criteria).columns) == ["criterion", "answers", "points", "max points", "share of max (0-1)"]
    assert readable(criteria)["criterion"].iloc[0] == "Goals"
    stats = pd.DataFrame([{"assignment": "a", "notebook": "a", "item": "q1_test", "max_score": 1},
                          {"assignment": "b", "notebook": "part2", "item": "q1_test", "max_score": 1}])
    assert "notebook" in readable(stats).columns  # several notebooks: kept
    assert "notebook" not in readable(stats.iloc[:1]).columns


def test_grades_table_keeps_assignment_names() -> None:
    lms = pd.DataFrame([{"student": "ana", "ipt_foundations": 12, "total": 12, "max_total": 16, "percentage": 75}])
    assert list(readable(lms).columns) == ["trainee", "ipt_foundations", "total (points)", "max total (points)",
                                           "percentage (%)"]


def test_confusion_matrix_in_words() -> None:
    answers = pd.DataFrame({"reference_area": ["grief", "role_dispute"], "chosen_area": ["grief", None]})
    shown = readable_confusion(confusion_matrix(answers))
    assert shown.loc["Grief (complicated bereavement)", "Grief (complicated bereavement)"] == 1
    assert shown.loc["Role dispute", "no area chosen"] == 1
    assert (shown.index.name, shown.columns.name) == ("reference area", "area chosen")


def test_trainee_summary_names_the_item_as_the_assignment_does(tmp_path: Path) -> None:
    from ipt_training.analytics.export import trainee_markdown

    totals = pd.DataFrame([{"assignment": "paf", "score": 4, "max_score": 10, "submitted": True}])
    lost = pd.DataFrame([{"assignment": "paf", "item": "case_a_test", "score": 4, "max_score": 10,
                          "feedback": "Problem area (0/3): no area"}])
    text = trainee_markdown("ana", totals, pd.DataFrame(), lost, root=_course(tmp_path))
    assert "- **paf / Case A** (4 / 10 points)" in text and "case_a_test" not in text
    assert "- **paf / case_a_test**" in trainee_markdown("ana", totals, pd.DataFrame(), lost)  # no course: the id


def test_do_the_calibration_pairs_say_whose_score_and_area_each_column_holds(tmp_path: Path) -> None:
    """The calibration table showed the CSV's own headings ("score", "area", "source", "auto_area") and the
    scorer's area as an id beside the instructor's in words."""
    from ipt_training.analytics.display import readable_calibration

    pairs = pd.DataFrame([{"student": "ana", "assignment": "paf", "item": "case_a_test", "score": 9.5,
                           "area": "role_transition", "source": "csv", "auto_score": 10.0, "max_score": 10,
                           "auto_area": "role_dispute"}])
    shown = readable_calibration(pairs, _course(tmp_path))
    assert list(shown.columns) == ["trainee", "assignment", "item", "instructor score (points)", "instructor's area",
                                   "instructor score from", "auto score (points)", "max points",
                                   "area the scorer read"]
    assert (shown["item"].iloc[0], shown["instructor's area"].iloc[0]) == ("Case A", "Role transition")
    assert shown["area the scorer read"].iloc[0] == "Role dispute"
    assert list(pairs.columns)[3:5] == ["score", "area"] and pairs["auto_area"].iloc[0] == "role_dispute"


def test_are_the_calibration_figures_labelled_in_words() -> None:
    from ipt_training.analytics.calibration import Agreement
    from ipt_training.analytics.display import AGREEMENT_LABELS

    figures = Agreement(4, 0.95, 0.88, 4, 1.0, pd.DataFrame()).summary()
    assert set(figures) == set(AGREEMENT_LABELS)
    assert all(label.startswith("calibration: ") and "_" not in label for label in AGREEMENT_LABELS.values())
