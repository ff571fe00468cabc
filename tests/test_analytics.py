"""Instructor analytics end to end: release, a small simulated cohort, autograde, then every analytics table.

The round trip runs once per gradebook backend: SQLite, and PostgreSQL in a fresh database created for
it (``IPT_TEST_POSTGRES_URL``, started by ``scripts/postgres.sh``). The tests of one backend read the same
graded course; the one that writes (a formgrader manual grade) does so in the fixture, before any reads.
"""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from ipt_training.analytics import calibration, confusion, criteria, export, items
from ipt_training.analytics.display import readable
from ipt_training.analytics.gradebook import (
    CohortData,
    answer_variables,
    formulation_call,
    load_cohort,
    parse_grade_output,
)
from ipt_training.analytics.report import write_report
from ipt_training.grading.workflow.course import Course
from ipt_training.grading.workflow.simulate import SubmissionPlan, fill_notebook, solution_answers, submit

FOUNDATIONS, FORMULATION = "ipt_foundations", "problem_area_formulation"
AMBIGUOUS_B = '''primary_area_b = None
secondary_area_b = None
dispute_stage_b = None
formulation_b = """
Maybe a role transition, maybe a role dispute with Raymond about the promotion; her mood dropped after the
promotion went to a colleague and she lost her account. Goals: adjust expectations. Strategies: communication
analysis.
"""
'''
DEFICITS_A = '''primary_area_a = "interpersonal_deficits"
secondary_area_a = None
dispute_stage_a = None
formulation_a = """
Aisha has withdrawn from her colleagues and no longer joins them at lunch, so she is socially
isolated. Interpersonal deficits. Goals: reduce isolation and form new relationships. Strategies:
social skills practice and graded steps toward contact.
"""
'''
# sol: the instructor's solution; blank: the release untouched; mixed: q1 wrong, case A as deficits
# (reference: role transition), case B ambiguous free text without a declared area, case C as the solution.
COHORT = {
    "sol": ("solution", {}),
    "blank": ("release", {}),
    "mixed": ("solution", {FOUNDATIONS: {"q1_answer": 'q1 = "a"'},
                           FORMULATION: {"case_a_answer": DEFICITS_A, "case_b_answer": AMBIGUOUS_B}}),
}
MANUAL_A = 2.0  # the instructor's formgrader grade for mixed's case A (auto: 0.5)


@dataclass
class Graded:
    backend: str
    course: Course
    cohort: CohortData


def _round_trip(repo: Path, root: Path, db_url: str | None) -> Graded:
    shutil.copy2(repo / "nbgrader_config.py", root / "nbgrader_config.py")
    for folder in ("keys", FOUNDATIONS, FORMULATION):  # a fixed pair of assignments, with the instructor keys
        shutil.copytree(repo / "source" / folder, root / "source" / folder)
    course = Course(root, db_url=db_url)
    assert not course.release()
    for assignment in course.assignments():
        for student, (base, answers) in COHORT.items():
            notebooks = {}
            for source_nb in sorted((course.source_dir / assignment).glob("*.ipynb")):
                plan = dict(solution_answers(source_nb)) if base == "solution" else {}
                plan.update(answers.get(assignment, {}))
                notebooks[source_nb.name] = fill_notebook(root / "release" / assignment / source_nb.name,
                                                          SubmissionPlan(answers=plan))
            submit(root, student, assignment, notebooks)
        results = course.autograde(assignment)
        assert all(r.ok for r in results), [r.problems for r in results]
    with course.gradebook() as gb:  # what the formgrader does when an instructor overrides a score
        grade = gb.find_grade("case_a_test", FORMULATION, FORMULATION, "mixed")
        grade.manual_score = MANUAL_A
        gb.db.commit()
    return Graded("", course, load_cohort(course))


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def graded(request: pytest.FixtureRequest, repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Graded]:
    root = tmp_path_factory.mktemp(f"course-{request.param}")
    if request.param == "sqlite":
        result = _round_trip(repo, root, None)
        result.backend = "sqlite"
        yield result
        return
    result = _round_trip(repo, root, request.getfixturevalue("postgres_url"))
    result.backend = "postgresql"
    yield result


def _lms_row(cohort: CohortData, student: str) -> dict:
    table = export.lms_table(cohort)
    return table[table["student"] == student].iloc[0].to_dict()


def test_backend_really_is_the_one_asked_for(graded: Graded) -> None:
    with graded.course.gradebook() as gb:
        assert gb.engine.dialect.name == graded.backend
        assert {s.id for s in gb.students} == set(COHORT)
    assert set(graded.cohort.roster["student"]) == set(COHORT)  # load_cohort reads the roster for the LMS export


def test_items_table_has_one_row_per_trainee_and_grade_cell(graded: Graded) -> None:
    table = graded.cohort.items
    assert len(table) == 3 * (8 + 3)
    assert set(table["kind"]) == {"item", "formulation"}
    sol = table[table["student"] == "sol"]
    assert (sol["score"] == sol["max_score"]).all()
    assert sol.groupby("assignment")["max_score"].sum().to_dict() == {FOUNDATIONS: 16.0, FORMULATION: 30.0}
    mixed_a = table[(table["student"] == "mixed") & (table["item"] == "case_a_test")].iloc[0]
    assert (mixed_a["auto_score"], mixed_a["manual_score"], mixed_a["score"]) == (0.5, MANUAL_A, MANUAL_A)
    assert "Problem area (0/3)" in mixed_a["feedback"]


def test_lms_rows_for_solution_blank_and_mixed_trainees(graded: Graded) -> None:
    assert _lms_row(graded.cohort, "sol") == {"student": "sol", FOUNDATIONS: 16.0, FORMULATION: 30.0,
                                              "total": 46.0, "max_total": 46.0, "percentage": 100.0}
    blank = _lms_row(graded.cohort, "blank")
    assert (blank[FOUNDATIONS], blank[FORMULATION], blank["total"], blank["percentage"]) == (0, 0, 0, 0)
    mixed = _lms_row(graded.cohort, "mixed")
    # q1 wrong (-1); case A manual 2, case B ambiguous text 4, case C full marks.
    assert (mixed[FOUNDATIONS], mixed[FORMULATION], mixed["total"]) == (15.0, 16.0, 31.0)
    assert mixed["percentage"] == round(100 * 31 / 46, 1)


def test_lms_csv_has_the_documented_shape(graded: Graded, tmp_path: Path) -> None:
    path = export.write_lms_csv(graded.cohort, tmp_path / "lms.csv")
    with path.open(newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["student", FOUNDATIONS, FORMULATION, "total", "max_total", "percentage"]
    assert rows[1:] == [["blank", "0", "0", "0", "46", "0"], ["mixed", "15", "16", "31", "46", "67.4"],
                        ["sol", "16", "30", "46", "46", "100"]]


def test_criteria_rows_come_from_the_printed_feedback(graded: Graded) -> None:
    table = graded.cohort.criteria
    sol = table[table["student"] == "sol"]
    assert len(sol) == 4 + 4 + 4  # the same four criteria for every case, dispute or not
    assert (sol["points"] == sol["max_points"]).all()
    assert sol["max_points"].sum() == 30
    mixed_a = table[(table["student"] == "mixed") & (table["item"] == "case_a_test")].set_index("criterion")
    assert mixed_a.loc["problem_area", "points"] == 0
    assert mixed_a.loc["problem_area", "feedback"].startswith("You chose interpersonal deficits")


def test_confusion_matrix_counts_the_submitted_choices(graded: Graded) -> None:
    matrix = confusion.confusion_matrix(graded.cohort.formulations)
    assert matrix.loc["role_transition"].to_dict() == {"grief": 0, "role_dispute": 0, "role_transition": 1,
                                                       "interpersonal_deficits": 1, "none": 1}
    assert matrix.loc["role_dispute", "role_dispute"] == 1 and matrix.loc["role_dispute", "none"] == 2
    assert matrix.loc["grief", "grief"] == 2 and matrix.loc["grief", "none"] == 1
    assert matrix.loc["interpersonal_deficits"].sum() == 0
    assert int(matrix.to_numpy().sum()) == 9
    assert confusion.area_accuracy(graded.cohort.formulations) == pytest.approx(4 / 9)


def test_item_difficulty_and_discrimination(graded: Graded) -> None:
    stats = items.item_statistics(graded.cohort.items).set_index("item")
    assert stats.loc["q1_test", "difficulty"] == pytest.approx(1 / 3, abs=1e-3)
    assert stats.loc["q2_test", "difficulty"] == pytest.approx(2 / 3, abs=1e-3)
    # q1 (1, 0, 0 for sol, blank, mixed) against rest-of-test totals (15, 0, 15).
    assert stats.loc["q1_test", "discrimination"] == pytest.approx(0.5, abs=1e-3)
    # case C: 10, 0, 10 against the rest (20, 0, 6): r = 780 / sqrt(600 * 1896) = 0.7313.
    assert stats.loc["case_c_test", "discrimination"] == pytest.approx(0.7313, abs=1e-3)


def test_weakest_criteria_per_trainee_and_cohort(graded: Graded) -> None:
    weakest = criteria.weakest_criteria(graded.cohort.criteria)
    assert "sol" not in set(weakest["student"])  # lost nothing
    assert len(weakest[weakest["student"] == "blank"]) == 3
    cohort = criteria.cohort_criteria(graded.cohort.criteria)
    assert list(cohort["fraction"]) == sorted(cohort["fraction"])
    # The dispute stage is part of the evidence criterion, so every case has the same criteria (no key leak).
    assert "dispute_stage" not in set(cohort["criterion"])
    shapes = graded.cohort.criteria.groupby("case_id")["criterion"].apply(lambda s: tuple(sorted(set(s))))
    assert len(set(shapes)) == 1


def test_kappa_and_score_agreement_on_a_calibration_csv(graded: Graded, tmp_path: Path) -> None:
    path = tmp_path / "calibration.csv"
    path.write_text(
        "student,assignment,item,score,area\n"
        f"sol,{FORMULATION},case_a_test,10,role_transition\n"
        f"sol,{FORMULATION},case_b_test,9,role_dispute\n"
        f"sol,{FORMULATION},case_c_test,10,grief\n"
        f"mixed,{FORMULATION},case_a_test,2,role_transition\n"
        f"mixed,{FORMULATION},case_b_test,6,Role dispute\n"
        f"mixed,{FORMULATION},case_c_test,10,grief\n"
    )
    manual = calibration.read_manual_csv(path)
    rescored = calibration.rescore_formulations(graded.cohort)
    result = calibration.agreement(graded.cohort, manual, rescored)
    # Instructor vs scorer areas: RT/RT, RD/RD, G/G, RT/ID, RD/RT, G/G -> observed 4/6,
    # chance (2*2 + 2*1 + 2*2) / 36 = 10/36, kappa = (24/36 - 10/36) / (26/36) = 7/13.
    assert result.n_areas == 6
    assert result.kappa == pytest.approx(7 / 13)
    # Auto scores 10, 10, 10, 0.5, 4, 10 vs instructor 10, 9, 10, 2, 6, 10.
    assert result.mae == pytest.approx((0 + 1 + 0 + 1.5 + 2 + 0) / 6)
    from scipy.stats import spearmanr

    expected_rho = spearmanr([10, 9, 10, 2, 6, 10], [10, 10, 10, 0.5, 4, 10]).statistic
    assert result.spearman == pytest.approx(expected_rho)


def test_formgrader_manual_grades_count_as_instructor_scores(graded: Graded) -> None:
    manual = calibration.manual_from_gradebook(graded.cohort)
    assert manual[["student", "item", "score", "source"]].values.tolist() == [
        ["mixed", "case_a_test", MANUAL_A, "formgrader"]]
    result = calibration.agreement(graded.cohort, manual)
    assert (result.n_scores, result.mae, result.n_areas) == (1, 1.5, 0)


def test_review_queue_holds_the_ambiguous_answer(graded: Graded) -> None:
    rescored = calibration.rescore_formulations(graded.cohort)
    assert (rescored["rescored"] == rescored["recorded"]).all()  # the re-score reproduces the autograder
    queue = calibration.review_queue(graded.cohort, rescored).set_index(["student", "item"])
    ambiguous = queue.loc[("mixed", "case_b_test")]
    assert ambiguous["confidence"] == pytest.approx(0.6)
    assert "low scorer confidence 0.60" in ambiguous["reasons"]
    assert ambiguous["detected_area"] == "role_transition" and pd.isna(ambiguous["chosen_area"])
    assert ("sol", "case_a_test") not in queue.index
    assert ("blank", "case_a_test") not in queue.index  # an empty answer is a clear 0, not a dispute


def test_review_queue_lists_instructor_disagreement(graded: Graded) -> None:
    manual = pd.DataFrame([{"student": "sol", "assignment": FORMULATION, "item": "case_c_test", "score": 7.0,
                            "area": "role_dispute", "source": "csv"}])
    rescored = calibration.rescore_formulations(graded.cohort)
    queue = calibration.review_queue(graded.cohort, rescored, manual).set_index(["student", "item"])
    reasons = queue.loc[("sol", "case_c_test"), "reasons"]
    assert "instructor 7 vs auto 10" in reasons and "instructor area role_dispute vs auto grief" in reasons


def test_review_queue_names_a_formulation_with_no_area_rather_than_leaving_it_blank(graded: Graded) -> None:
    manual = pd.DataFrame([{"student": "blank", "assignment": FORMULATION, "item": "case_a_test", "score": 0.0,
                            "area": "grief", "source": "csv"}])
    rescored = calibration.rescore_formulations(graded.cohort)
    queue = calibration.review_queue(graded.cohort, rescored, manual)
    row = queue.set_index(["student", "item"]).loc[("blank", "case_a_test")]
    assert "instructor area grief vs auto none" in row["reasons"]
    assert row["detected_area"] == "none"
    shown = readable(queue)
    assert "no area chosen" in list(shown["area the scorer read"])


def test_write_report_writes_figures_tables_and_html(graded: Graded, tmp_path: Path) -> None:
    index = write_report(graded.course, tmp_path / "report")
    out = index.parent
    for name in ("score_distributions", "confusion_matrix", "criterion_weaknesses", "progress"):
        assert (out / f"{name}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page = index.read_text(encoding="utf-8")
    assert page.count('<img src="data:image/png;base64,') == 4
    # titled with nbgrader's course id (nbgrader_config.py), not the course folder's name
    assert "<h1>Cohort report: ipt-course</h1>" in page and graded.course.root.name not in page
    assert "Review queue" in page and "mixed" in page
    lms = pd.read_csv(out / "lms_grades.csv")
    assert lms.set_index("student").loc["sol", "total"] == 46
    assert sorted(p.name for p in (out / "feedback").iterdir()) == [
        "blank.md", "feedback_summary.csv", "mixed.md", "sol.md"]
    assert "Weakest rubric criteria" in (out / "feedback" / "mixed.md").read_text(encoding="utf-8")


def test_report_command_with_db_url_and_calibration(graded: Graded, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from ipt_training.cli import app

    scores = tmp_path / "scores.csv"
    scores.write_text(f"student,assignment,item,score\nmixed,{FORMULATION},case_b_test,5\n")
    args = ["report", "--course", str(graded.course.root), "--out", str(tmp_path / "out"),
            "--calibration", str(scores)]
    if graded.course.db_url:
        args += ["--db-url", graded.course.db_url]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "report written to" in result.output
    pairs = pd.read_csv(tmp_path / "out" / "calibration_pairs.csv")
    assert set(zip(pairs["student"], pairs["source"], strict=True)) == {("mixed", "csv"), ("mixed", "formgrader")}


def test_report_command_rejects_an_unknown_area(graded: Graded, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from ipt_training.cli import app

    scores = tmp_path / "scores.csv"
    scores.write_text(f"student,assignment,item,score,area\nsol,{FORMULATION},case_a_test,10,sadness\n")
    args = ["report", "--course", str(graded.course.root), "--out", str(tmp_path / "out"),
            "--calibration", str(scores)]
    if graded.course.db_url:
        args += ["--db-url", graded.course.db_url]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "unknown problem area 'sadness'" in result.output


# Parsing helpers: no backend needed.

def test_answer_variables_never_run_trainee_code() -> None:
    source = ('import os\nprimary_area_a = "grief"\nformulation_a = os.system("echo hacked")\n'
              'secondary_area_a: str = None\nprimary_area_a = "role_dispute"\n')
    assert answer_variables(source) == {"primary_area_a": "role_dispute", "secondary_area_a": None}
    assert answer_variables("primary_area_a = (") == {}


def test_formulation_call_reads_case_and_suffix() -> None:
    source = 'from x import grade_formulation as _grade\n_grade("a-05", globals(), "c", points=10)\n'
    assert formulation_call(source) == ("a-05", "c")
    assert formulation_call('_grade("ipt_foundations", "q1", globals(), "q1", points=1)') is None
    other = 'from x import grade_inventory as _grade\n_grade("a-01", globals(), "inventory", points=6)\n'
    assert formulation_call(other) is None


def test_parse_grade_output_keeps_lines_under_the_title() -> None:
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=(
        "Formulation c: answer is well-formed.\nFormulation for case a-05: 4.5 / 10\n"
        "  - Problem area (3/3): You chose grief.\n  - Goals (0/2): Your goals cover 0\nof the 2 expected.\n"))]
    parsed = parse_grade_output(cell)
    assert (parsed.case_id, parsed.points, parsed.max_points) == ("a-05", 4.5, 10.0)
    assert parsed.lines == ("Problem area (3/3): You chose grief.",
                            "Goals (0/2): Your goals cover 0 of the 2 expected.")
    assert [(c["criterion"], c["points"]) for c in parsed.criteria()] == [("problem_area", 3.0), ("goals", 0.0)]


def test_every_scorer_flag_has_a_plain_reason_in_the_review_queue() -> None:
    """Each flag the formulation scorer can raise (read from its source) is explained in words in the queue."""
    import ast
    import inspect
    import textwrap

    from ipt_training.scoring import formulation, normalize

    raised = set()
    for node in ast.walk(ast.parse(inspect.getsource(formulation))):  # flags.append("...")
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "append" \
                and getattr(node.func.value, "id", "") == "flags":
            raised |= {a.value for a in node.args if isinstance(a, ast.Constant)}
    cleaning = textwrap.dedent(inspect.getsource(normalize.CleanText.flags.fget))  # the text cleaning's own flags
    raised |= {n.value for n in ast.walk(ast.parse(cleaning))
               if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    assert {"keyword_stuffing", "pasted_vignette", "repeated_text"} <= raised
    assert raised - calibration._IGNORED_FLAGS <= set(calibration.FLAG_REASONS), raised - set(calibration.FLAG_REASONS)
