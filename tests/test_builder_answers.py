"""A trainee who answers only with the formulation builder (*Save answer* -> ``ipt_answers.json``) is graded,
diagnosed, reported, re-scored, exported and shown feedback on the same answers as one who fills in the
variables. One real round trip: release, two submissions, ``ipt-course autograde`` run by the installed script's
absolute path with a PATH that holds no Python environment (nbgrader's alembic must still be found), then the
report, the calibration re-score and the feedback pages. The terminal must show no SQLAlchemy or checksum noise.
"""

from __future__ import annotations

import html
import json
import shutil
import subprocess
import sysconfig
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from ipt_training.analytics import calibration, confusion, export
from ipt_training.analytics.gradebook import CohortData, answer_variables, load_cohort
from ipt_training.grading.feedback.style import WRAP_CSS
from ipt_training.grading.workflow.course import Course
from ipt_training.grading.workflow.simulate import SubmissionPlan, fill_notebook, solution_answers, submit
from ipt_training.saved_answers import ANSWERS_FILE, FIELDS

ASSIGNMENT = "problem_area_formulation"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
CASES = {"a": "case_a_answer", "b": "case_b_answer", "c": "case_c_answer"}
TESTS = ["case_a_test", "case_b_test", "case_c_test"]


@dataclass
class Round:
    course: Course
    autograde: subprocess.CompletedProcess[str]
    cohort: CohortData
    builder_answers: dict[str, dict[str, str | None]]


@pytest.fixture(scope="module")
def graded(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Round:
    root = tmp_path_factory.mktemp("builder-course")
    shutil.copy2(repo / "nbgrader_config.py", root / "nbgrader_config.py")
    for folder in ("keys", ASSIGNMENT):
        shutil.copytree(repo / "source" / folder, root / "source" / folder)
    course = Course(root)
    assert not course.release()
    solution = solution_answers(root / "source" / ASSIGNMENT / NOTEBOOK)
    release = root / "release" / ASSIGNMENT / NOTEBOOK
    # "vars" types the solution into the answer variables; "builder" leaves every variable None and saves the
    # same answers with the builder, as ipt_answers.json beside the notebook.
    submit(root, "vars", ASSIGNMENT, {NOTEBOOK: fill_notebook(release, SubmissionPlan(answers=solution))})
    saved = {}
    for key, cell in CASES.items():
        values = answer_variables(solution[cell])
        saved[key] = {field: values.get(f"{field}_{key}") for field in FIELDS}
    # Text typed into the builder's text area is often one long line: it must wrap on the feedback page.
    saved["a"]["formulation"] = " ".join(saved["a"]["formulation"].split()) + " " + "x" * 400
    submit(root, "builder", ASSIGNMENT, {NOTEBOOK: fill_notebook(release, SubmissionPlan()),
                                         ANSWERS_FILE: json.dumps(saved, indent=2).encode()})
    script = Path(sysconfig.get_path("scripts")) / "ipt-course"
    assert script.is_file(), f"{script} missing: install the package first (pip install -e .)"
    assert shutil.which("alembic", path="/usr/bin:/bin") is None
    result = subprocess.run([str(script), "autograde", ASSIGNMENT, "--course", str(root)], capture_output=True,
                            text=True, timeout=900, env={"PATH": "/usr/bin:/bin", "HOME": str(root),
                                                         "LANG": "C.UTF-8"})
    return Round(course, result, load_cohort(course), saved)


def _scores(cohort: CohortData, student: str) -> dict[str, float]:
    rows = cohort.items[cohort.items["student"] == student]
    return dict(zip(rows["item"], rows["score"], strict=True))


def test_builder_answers_score_like_variables(graded: Round) -> None:
    builder, typed = _scores(graded.cohort, "builder"), _scores(graded.cohort, "vars")
    assert set(builder) == set(TESTS)
    assert builder == typed and sum(builder.values()) >= 29  # the solution earns (nearly) full marks


def test_autograde_lists_no_missing_answer_and_exits_0(graded: Round) -> None:
    out = graded.autograde.stdout + graded.autograde.stderr
    assert "no answer given" not in out
    assert graded.autograde.returncode == 0, out
    assert "builder" in graded.autograde.stdout and "graded with problems" not in graded.autograde.stdout


def test_terminal_shows_no_library_noise(graded: Round) -> None:
    err = graded.autograde.stderr
    for noise in ("SAWarning", "Warning:", "checksum", "Traceback", "not in session"):
        assert noise not in err, err
    assert "autograde problem_area_formulation" in err  # our progress bar is still there


def test_report_reads_the_answers_the_grader_scored(graded: Round) -> None:
    forms = graded.cohort.formulations.set_index(["student", "item"])
    for key, item in zip(CASES, TESTS, strict=True):
        built, typed = forms.loc[("builder", item)], forms.loc[("vars", item)]
        assert built["chosen_area"] == typed["chosen_area"] == built["reference_area"]
        columns = ["chosen_secondary", "chosen_stage"]
        assert list(built[columns].fillna("-")) == list(typed[columns].fillna("-"))
        assert built["text"] == graded.builder_answers[key]["formulation"] and len(built["text"].split()) > 30
    matrix = confusion.confusion_matrix(graded.cohort.formulations)
    assert int(matrix["none"].sum()) == 0
    assert confusion.area_accuracy(graded.cohort.formulations) == 1.0


def test_calibration_rescore_matches_the_gradebook(graded: Round) -> None:
    rescored = calibration.rescore_formulations(graded.cohort)
    assert len(rescored) == 6 and (rescored["rescored"] == rescored["recorded"]).all()
    queue = calibration.review_queue(graded.cohort, rescored)
    assert not queue["reasons"].str.contains("differs from gradebook").any()


def test_lms_export_is_the_same_for_both_ways_of_answering(graded: Round) -> None:
    lms = export.lms_table(graded.cohort).set_index("student")
    assert lms.loc["builder", "total"] == lms.loc["vars", "total"]


def test_feedback_shows_the_graded_answer_next_to_its_score(graded: Round) -> None:
    page = (graded.course.root / "feedback" / "builder" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()
    assert page.count("Your answer as graded") == 3
    assert "from your saved builder answer" in page
    text = graded.builder_answers["a"]["formulation"]
    assert text.strip() in html.unescape(page)  # only in the graded-answer block: the variables are None
    typed = (graded.course.root / "feedback" / "vars" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()
    assert typed.count("Your answer as graded") == 3 and "from your saved builder answer" not in typed


def test_feedback_pages_wrap_long_lines(graded: Round) -> None:
    page = (graded.course.root / "feedback" / "vars" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()
    assert WRAP_CSS.strip() in page
    assert "white-space: pre-wrap !important" in page and "overflow-wrap: anywhere !important" in page


def test_the_stored_answers_are_in_the_autograded_notebook(graded: Round) -> None:
    nb = nbformat.read(graded.course.root / "autograded" / "builder" / ASSIGNMENT / NOTEBOOK, as_version=4)
    marks = {c.metadata["nbgrader"]["grade_id"]: c.metadata.get("ipt_answers") for c in nb.cells
             if c.metadata.get("nbgrader", {}).get("grade")}
    assert all(m and not m["unanswered"] and "formulation_" + t[5] in m["from_builder"]
               for t, m in marks.items()), marks


@pytest.mark.browser
def test_feedback_page_has_no_horizontal_overflow_in_chromium(graded: Round) -> None:
    """The builder's one-line formulation (with a 400-character word) wraps: nothing runs off a 900 px page."""
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.fail(f"{chromium} not found: install it with `apt-get install -y chromium`")
    from playwright.sync_api import sync_playwright

    page_path = graded.course.root / "feedback" / "builder" / ASSIGNMENT / f"{ASSIGNMENT}.html"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": 900, "height": 1000})
            page.goto(page_path.as_uri())
            block = page.locator(".ipt-graded-answer").first
            assert "x" * 400 in block.inner_text().replace("\n", "")
            widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            overflowing = page.evaluate(
                "[...document.querySelectorAll('pre, .ipt-answer-text')].filter(e => e.scrollWidth > e.clientWidth + 1)"
                ".length")
        finally:
            browser.close()
    assert widths[0] <= widths[1], widths
    assert overflowing == 0


def test_graded_answer_block_escapes_trainee_text_and_reads_like_the_builder() -> None:
    from ipt_training.grading.feedback.answers import answer_block

    block = answer_block({"formulation_a": "<script>alert(1)</script> mood fell", "primary_area_a": "role_transition",
                          "dispute_stage_a": None}, ["formulation_a"])
    page = block.data["text/html"]
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert block.data["text/plain"].splitlines()[1:] == [
        "  Formulation (from your saved builder answer): <script>alert(1)</script> mood fell",
        "  Primary problem area: Role transition", "  Dispute stage: no answer"]


def test_a_template_left_empty_counts_as_no_answer(tmp_path: Path) -> None:
    import pandas as pd

    from ipt_training.grading.trusted.answers import Record
    from ipt_training.grading.trusted.scored import scored_mark

    empty = {"coding": {1: None, 2: None}, "inventory": pd.DataFrame([], columns=["name", "closeness"])}
    assert scored_mark(Record(values=empty), well_formed=False, folder=tmp_path)["unanswered"]
    one = {"coding": {1: "ok", 2: None}}
    assert not scored_mark(Record(values=one), well_formed=False, folder=tmp_path)["unanswered"]
