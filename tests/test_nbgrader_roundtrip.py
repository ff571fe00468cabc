"""A real nbgrader round trip on a throw-away course: generate -> submit -> autograde -> feedback.

Submissions of each kind (solutions, untouched release, half-done, keyword stuffing, tampering, random coding)
go through the real ``nbgrader`` autograder and the gradebook; assertions read the gradebook and the feedback HTML.
"""

from __future__ import annotations

import html
import json
import random
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ipt_training.grading.trusted.leaks import find_leaks
from ipt_training.grading.workflow.course import Course
from ipt_training.grading.workflow.demo import build_course
from ipt_training.grading.workflow.simulate import SubmissionPlan, fill_notebook, solution_answers, submit

pytestmark = pytest.mark.slow

STUFFING = '''primary_area_{s} = None
secondary_area_{s} = None
dispute_stage_{s} = None
formulation_{s} = """
This could be grief, a role dispute, a role transition or interpersonal deficits, so all four apply. Goals: mourn,
resolve the dispute, master the new role, reduce isolation and make new friends. Strategies: communication
analysis, role play, decision analysis, reconstruct the relationship with the deceased, graded steps, social skills,
modify expectations, review the old and new role, after the event.
"""'''

TAMPER_CELLS = [
    # Redefine the scorer and the graders, and print a fake result.
    "import ipt_training.scoring.formulation as f\n"
    "import ipt_training.grading.graders.items as items\n"
    "class Fake:\n    total = 10\n    max_total = 10\n    criteria = ()\n"
    "f.score_formulation = lambda *a, **k: Fake()\n"
    "items.grade_formulation = lambda *a, **k: 10\n"
    "def grade_formulation(*a, **k):\n    return 10\n"
    "print('Formulation for case a-02: 10 / 10')",
]


def _notebook(course: Course, assignment: str) -> tuple[Path, Path]:
    source = next((course.source_dir / assignment).glob("*.ipynb"))
    return source, course.root / "release" / assignment / source.name


def _submit(course: Course, student: str, assignment: str, plan: SubmissionPlan) -> None:
    source, release = _notebook(course, assignment)
    submit(course.root, student, assignment, {source.name: fill_notebook(release, plan)})


def _only(answers: dict[str, str], keep: set[str]) -> dict[str, str]:
    return {k: v for k, v in answers.items() if k in keep}


@pytest.fixture(scope="module")
def graded(tmp_path_factory, repo):
    course = build_course(repo, tmp_path_factory.mktemp("course"))
    sol = {a: solution_answers(_notebook(course, a)[0]) for a in course.assignments()}

    for assignment in ("ipt_foundations", "problem_area_formulation", "communication_analysis",
                       "inventory_and_timeline"):
        _submit(course, "solution", assignment, SubmissionPlan(answers=sol[assignment]))
        _submit(course, "untouched", assignment, SubmissionPlan())
    _submit(course, "half", "ipt_foundations",
            SubmissionPlan(answers=_only(sol["ipt_foundations"], {"q1_answer", "q2_answer", "q3_answer", "q4_answer"})))
    _submit(course, "half", "problem_area_formulation",
            SubmissionPlan(answers=_only(sol["problem_area_formulation"], {"case_a_answer"})))
    _submit(course, "stuffer", "problem_area_formulation",
            SubmissionPlan(answers={f"case_{s}_answer": STUFFING.format(s=s) for s in "abc"}))
    _submit(course, "tamperer", "problem_area_formulation", SubmissionPlan(
        extra_cells_after={"case_a_answer": TAMPER_CELLS},
        replace_cells={"case_b_test": "10"},
        delete_cells=["case_c_test"],
    ))
    # An answer entered only in the builder widget: saved beside the notebook, variables left as None.
    source, release = _notebook(course, "problem_area_formulation")
    namespace: dict = {}
    exec(sol["problem_area_formulation"]["case_a_answer"], namespace)  # the instructor's own solution code
    saved = {"a": {f: namespace[f"{f}_a"] for f in ("primary_area", "secondary_area", "dispute_stage",
                                                      "formulation")}}
    submit(course.root, "widget_user", "problem_area_formulation", {
        source.name: fill_notebook(release, SubmissionPlan()),
        "ipt_answers.json": json.dumps(saved).encode(),
    })
    rng = random.Random(7)
    codes = ["ok", "indirect_verbal", "hostile", "silence", "mind_reading", "mixed_message", "global_complaint"]
    random_coding = "coding = {" + ", ".join(f"{n}: {rng.choice(codes)!r}" for n in range(1, 13)) + "}"
    _submit(course, "random", "communication_analysis", SubmissionPlan(answers={"coding_answer": random_coding}))

    results = {}
    for assignment in course.assignments():
        for result in course.autograde(assignment):
            results[(result.student, assignment)] = result
    return course, results


def _score(graded, student: str, assignment: str) -> tuple[float, float]:
    result = graded[1][(student, assignment)]
    assert result.ok, result.problems
    return result.score, result.max_score


@pytest.mark.parametrize("assignment", ["ipt_foundations", "problem_area_formulation", "communication_analysis",
                                        "inventory_and_timeline"])
def test_solutions_get_full_marks_and_untouched_release_gets_zero(graded, assignment):
    score, max_score = _score(graded, "solution", assignment)
    assert score == max_score > 0
    assert _score(graded, "untouched", assignment)[0] == 0


def test_half_done_notebooks_get_partial_credit(graded):
    for assignment in ("ipt_foundations", "problem_area_formulation"):
        score, max_score = _score(graded, "half", assignment)
        assert 0 < score < max_score


def test_keyword_stuffing_scores_low(graded):
    score, max_score = _score(graded, "stuffer", "problem_area_formulation")
    assert score <= 0.2 * max_score


def test_tampering_does_not_earn_full_marks(graded):
    course, results = graded
    score, _ = _score(graded, "tamperer", "problem_area_formulation")
    assert score == 0  # blank answers stay blank whatever the notebook claims
    problems = " ".join(results[("tamperer", "problem_area_formulation")].problems)
    assert "case_c_test" in problems  # the deleted test was reported, and restored for grading
    with course.gradebook() as gb:
        grades = {g.name: g.score for g in gb.find_submission_notebook(
            "problem_area_formulation", "problem_area_formulation", "tamperer").grades}
    assert grades["case_b_test"] == 0 and grades["case_c_test"] == 0


def test_answer_saved_by_the_widget_survives_the_rerun(graded):
    _, results = graded
    score, _ = _score(graded, "widget_user", "problem_area_formulation")
    assert score == 10  # case A full from ipt_answers.json; cases B and C left blank
    assert not any("extra files" in p for p in results[("widget_user", "problem_area_formulation")].problems)


def test_random_coding_scores_low(graded):
    score, max_score = _score(graded, "random", "communication_analysis")
    assert score <= 0.4 * max_score


def test_feedback_explains_and_hides_keys(graded, repo):
    course, results = graded
    html = results[("half", "problem_area_formulation")].feedback[0].read_text()
    assert "Problem area" in html and "Evidence, timeline link and dispute stage" in html and "Goals" in html
    assert "not defined" not in html
    # No hidden test reaches any trainee's feedback, and trainees who did not copy the solution see no key text.
    for page in (course.root / "feedback").rglob("*.html"):
        text = page.read_text()
        assert "HIDDEN TESTS" not in text and "_grade(" not in text and "_sys.modules" not in text, page
    for student in ("untouched", "stuffer", "tamperer", "random"):
        assert find_leaks(course.root / "feedback" / student, course.root) == []


def test_release_holds_no_key_material(graded):
    course, _ = graded
    assert find_leaks(course.root / "release", course.root) == []
    assert not list((course.root / "release").rglob("keys"))


def test_committed_release_is_up_to_date(graded, repo):
    import nbformat

    course, _ = graded
    for fresh in sorted((course.root / "release").rglob("*.ipynb")):
        committed = repo / "release" / fresh.relative_to(course.root / "release")
        assert committed.is_file(), f"{committed} missing: run `ipt-course release`"
        a, b = nbformat.read(fresh, as_version=4), nbformat.read(committed, as_version=4)
        assert [(c.source, c.metadata) for c in a.cells] == [(c.source, c.metadata) for c in b.cells], (
            f"{committed} is out of date: run `ipt-course release`")


def test_nbgrader_validate_passes_on_every_source_notebook(repo, graded):
    course, _ = graded
    for notebook in sorted(course.source_dir.glob("*/*.ipynb")):
        result = subprocess.run([sys.executable, "-m", "nbgrader", "validate", str(notebook)],
                                capture_output=True, text=True, cwd=course.root, timeout=300)
        assert "Success" in result.stdout, result.stdout + result.stderr


# --- What the feedback page shows: the graded item, its score and the answer as graded, in words ---------------

ASSIGNMENTS = ("ipt_foundations", "problem_area_formulation", "communication_analysis", "inventory_and_timeline")
GRADED_BLOCK = re.compile(r'<div class="ipt-graded-answer">(.*?)</dl></div>', re.S)
TITLE = re.compile(r'<span class="nbgrader-label ipt-item-title">(.*?)</span>', re.S)


class _Text(HTMLParser):
    """The text a reader sees on a page (no styles, scripts or tags; blocks and labels set apart by a space)."""

    APART = frozenset({"p", "div", "dt", "dd", "li", "br", "pre", "span", "td", "th", "tr", "h1", "h4", "ol"})

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._hidden += tag in ("style", "script")
        self.parts.append(" " if tag in self.APART else "")

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("style", "script")
        self.parts.append(" " if tag in self.APART else "")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def _visible(page: str) -> str:
    parser = _Text()
    parser.feed(page)
    return " ".join("".join(parser.parts).split())


def _page(course: Course, student: str, assignment: str) -> str:
    return (course.root / "feedback" / student / assignment / f"{assignment}.html").read_text(encoding="utf-8")


def _test_cells(course: Course, assignment: str) -> list[tuple[str, float, str]]:
    """(grade id, points, heading above it) of each test cell of the instructor's notebook."""
    import nbformat

    source, _ = _notebook(course, assignment)
    heading, found = "", []
    for cell in nbformat.read(source, as_version=4).cells:
        if cell.cell_type == "markdown":
            heading = next((line.lstrip("# ") for line in cell.source.splitlines() if line.startswith("#")), heading)
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade") and not meta.get("solution"):
            found.append((meta["grade_id"], float(meta["points"]), heading))
    return found


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_feedback_names_each_graded_item_as_the_assignment_does(graded, assignment):
    """Good and blank submissions: each test cell is titled by the heading above it in the instructor's notebook
    (without the points), with its score written as points, never "Test cell", a grade id, an In/Out prompt or
    the test's code."""
    course, _ = graded
    cells = _test_cells(course, assignment)
    for student, full in (("solution", True), ("untouched", False)):
        page = _page(course, student, assignment)
        text = _visible(page)
        titles = [html.unescape(t) for t in TITLE.findall(page)]
        assert len(titles) == len(cells), (student, titles)
        for title, (grade_id, points, heading) in zip(titles, cells, strict=True):
            assert title.startswith(heading.split(" (")[0].rstrip(".")), (title, heading)
            assert "point" not in title and grade_id not in text, (title, grade_id)
            assert f"{title}: {points if full else 0:g} / {points:g}" in text, (student, title)
        for noise in ("Test cell", "Grade cell", "Out[", "In [", "globals()", "check_", "Student's answer",
                      "Traceback", "Question q"):
            assert noise not in text, (student, assignment, noise)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_feedback_shows_a_blank_answer_as_no_answer(graded, assignment):
    course, _ = graded
    page = _page(course, "untouched", assignment)
    blocks = [_visible(b) for b in GRADED_BLOCK.findall(page)]
    assert len(blocks) == len(_test_cells(course, assignment))
    for block in blocks:
        shown = block.removeprefix("Your answer as graded").strip()
        assert "no answer" in shown and "None" not in shown and "Write " not in shown, block
        assert not re.search(r"\b[a-z]+_[a-z_]+\b", shown), block  # answers are named in words, not variables


def test_feedback_shows_the_answers_as_graded_in_words(graded):
    course, _ = graded
    page = _visible(_page(course, "solution", "problem_area_formulation"))
    for label in ("Primary problem area", "Secondary problem area", "Dispute stage", "Formulation"):
        assert page.count(label) >= 3, label
    assert "primary_area_" not in page.split("Your answer as graded", 1)[1].split("Formulation for case")[0]
    foundations = _visible(_page(course, "solution", "ipt_foundations"))
    assert re.search(r"Your answer as graded Answer [a-d] ", foundations)  # Q1: one letter
    block = _visible(GRADED_BLOCK.findall(_page(course, "solution", "inventory_and_timeline"))[1])
    assert block.index("Timeline") < block.index("Onset month") < block.index("Onset event")  # as the grader read


def test_feedback_shows_a_builder_answer_next_to_its_score(graded):
    """The builder-saved answer (variables left None) is what the page shows as graded, in the builder's words."""
    course, _ = graded
    page = _page(course, "widget_user", "problem_area_formulation")
    first = _visible(GRADED_BLOCK.findall(page)[0])
    assert "Formulation (from your saved builder answer)" in first
    assert "Primary problem area (from your saved builder answer) Role transition" in first
    assert "None" not in first
    text = _visible(page)
    assert "Case A: 10 / 10" in text and "Case B: 0 / 10" in text
    # nbgrader's "No response." on case A's untouched answer cell becomes what happened; B and C keep it.
    assert text.count("Answered with the formulation builder") == 1 and text.count("No response.") == 2
