"""The pieces of the feedback page, without a grading run: item titles from the instructor's notebook, answers
named and shown in words, blank answers shown as "no answer". The whole page, from real autograde runs of good,
blank and builder-saved submissions, is checked in test_nbgrader_roundtrip.py."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from ipt_training.grading.feedback.answers import NO_ANSWER, answer_block, answer_label, value_html
from ipt_training.grading.feedback.titles import FALLBACK, cell_titles, heading_title, is_test_cell, notebook_title
from ipt_training.grading.trusted.answers import Opaque


def _test_ids(nb: nbformat.NotebookNode) -> list[str]:
    return [c.metadata["nbgrader"]["grade_id"] for c in nb.cells if is_test_cell(c)]


@pytest.mark.parametrize("assignment", ["ipt_foundations", "problem_area_formulation", "communication_analysis",
                                        "inventory_and_timeline"])
def test_every_test_cell_gets_a_distinct_title_from_the_instructors_notebook(repo: Path, assignment: str) -> None:
    nb = nbformat.read(repo / "source" / assignment / f"{assignment}.ipynb", as_version=4)
    titles = cell_titles(nb)
    tests = [titles[grade_id] for grade_id in _test_ids(nb)]
    assert tests and len(set(tests)) == len(tests), tests
    headings = [heading_title(line) for c in nb.cells if c.cell_type == "markdown"
                for line in c.source.splitlines() if line.startswith("#")]
    for title in tests:
        assert any(title.startswith(h) for h in headings), (title, headings)
        assert "point" not in title and "#" not in title and FALLBACK not in title


def test_the_page_is_titled_by_the_assignments_heading(repo: Path) -> None:
    nb = nbformat.read(repo / "source" / "ipt_foundations" / "ipt_foundations.ipynb", as_version=4)
    assert notebook_title(nb) == "Assignment: IPT foundations"
    assert notebook_title(nbformat.v4.new_notebook()) is None


def test_headings_become_plain_titles() -> None:
    assert heading_title("### Q1 (1 point). Who developed IPT?") == "Q1. Who developed IPT?"
    assert heading_title("## Part 2: **rewrites** (2 points each)") == "Part 2: rewrites"
    assert heading_title("## Case A") == "Case A"


def test_test_cells_under_one_heading_are_numbered_and_cells_without_one_are_named_plainly() -> None:
    nb = nbformat.v4.new_notebook()
    test = {"grade": True, "solution": False, "locked": True, "points": 1}
    nb.cells = [nbformat.v4.new_code_cell("x", metadata={"nbgrader": {**test, "grade_id": "first"}}),
                nbformat.v4.new_markdown_cell("## Rewrites (4 points)"),
                nbformat.v4.new_code_cell("x", metadata={"nbgrader": {**test, "grade_id": "r1"}}),
                nbformat.v4.new_code_cell("x", metadata={"nbgrader": {**test, "grade_id": "r2"}})]
    assert cell_titles(nb) == {"first": f"{FALLBACK} 1", "r1": "Rewrites (1 of 2)", "r2": "Rewrites (2 of 2)"}


def test_answers_are_named_in_words() -> None:
    names = ["primary_area_a", "secondary_area_b", "dispute_stage_c", "formulation_a", "q7", "onset_month",
             "rewrite_2"]
    assert [answer_label(n) for n in names] == ["Primary problem area", "Secondary problem area", "Dispute stage",
                                                "Formulation", "Answer", "Onset month", "Rewrite 2"]


@pytest.mark.parametrize("blank", [None, "", "   ", [], {}, {1: None, 2: " "}, "\nWrite your answer here.\n",
                                   pd.DataFrame([], columns=["name", "closeness"])])
def test_a_blank_answer_reads_no_answer(blank: object) -> None:
    shown = answer_block({"q1": blank}, []).data["text/plain"]
    assert shown.splitlines()[1].startswith(f"  Answer: {NO_ANSWER}"), shown
    assert "None" not in shown and "Write your" not in shown and "Empty DataFrame" not in shown


def test_answers_are_shown_as_given_and_escaped() -> None:
    block = answer_block({"primary_area_a": "role_dispute", "dispute_stage_a": "impasse", "q2": ["c", "a"],
                          "q7": {"give_diagnosis": "initial", "relapse_plan": None},
                          "formulation_a": "<b>mine</b>"}, ["formulation_a"])
    lines = block.data["text/plain"].splitlines()
    assert lines[1:] == ["  Primary problem area: Role dispute", "  Dispute stage: Impasse", "  Answer: c, a",
                         "  Answer: give_diagnosis: initial", "relapse_plan: no answer",
                         "  Formulation (from your saved builder answer): <b>mine</b>"]
    assert "<b>mine</b>" not in block.data["text/html"] and "&lt;b&gt;mine&lt;/b&gt;" in block.data["text/html"]


def test_a_value_the_record_could_not_carry_is_shown_as_text_with_a_plain_note() -> None:
    shown = value_html(Opaque("Thing", "my thing"))
    assert "my thing" in shown and "was not plain text, a list or a table" in shown and "Opaque" not in shown


def test_only_the_feedback_exporter_uses_our_page(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The course's nbgrader_config.py sets the page for GenerateFeedback only: the formgrader's HTMLExporter (made
    from the same configuration, with no parent) keeps nbgrader's templates and prompts."""
    from nbconvert.exporters import HTMLExporter
    from nbgrader.converters import GenerateFeedback
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config.loader import PyFileConfigLoader

    from ipt_training.grading.feedback.titles import TEMPLATE_FILE
    from ipt_training.runtime import put_jupyter_data_on_path

    monkeypatch.setenv("JUPYTER_PATH", os.environ.get("JUPYTER_PATH", ""))
    put_jupyter_data_on_path()  # nbconvert's own templates, as ipt-course finds them
    config = PyFileConfigLoader("nbgrader_config.py", path=str(repo)).load_config()
    formgrader = HTMLExporter(config=config)
    assert formgrader.template_file != TEMPLATE_FILE and not formgrader.exclude_input_prompt
    converter = GenerateFeedback(coursedir=CourseDirectory(config=config), config=config)
    feedback = converter.exporter_class(parent=converter, config=converter.config)
    assert feedback.template_file == TEMPLATE_FILE and feedback.exclude_input_prompt and feedback.exclude_output_prompt
