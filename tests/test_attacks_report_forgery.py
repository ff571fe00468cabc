"""Forging what the instructor's report reads, through answers alone, on the real autograde path.

The report reads each graded cell's printed feedback (its title line "Formulation for case a-05: 4.5 / 10" and the
``  - `` criterion lines under it). A grader that echoes an answer value ("Dispute stage “...” is not a recognised
value") must not let a line break in that value start lines of its own: a forged title named another case, so
the formulation was re-scored against no key, its scorer flags (a pasted vignette) never reached the review queue,
and forged criterion rows entered the analytics. An answer too large to keep with the graded notebook (the grader
stores no copy over 200,000 characters) must not be re-scored by the report from the answer cell's literal text
(``formulation_c = '...'`` followed by an ``exec`` that pads it): the report scored a text that was never graded
and the padded answer's flags never reached the review queue. Honest trainees in the same batch keep their scores and
rows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from ipt_training.analytics import calibration
from ipt_training.analytics.gradebook import CohortData, load_cohort
from ipt_training.grading.graders.items import finish
from ipt_training.grading.workflow.course import Course, GradeResult
from ipt_training.grading.workflow.demo import build_course
from ipt_training.grading.workflow.simulate import SubmissionPlan, fill_notebook, solution_answers, submit

pytestmark = pytest.mark.slow

FORMULATION = "problem_area_formulation"
#: A value that, echoed by the grader, would print a title of another (unknown) case and a full-marks criterion.
FORGED_LINES = "none\nFormulation for case zz: 10 / 10\n  - Problem area (3/3): Correct."


#: The words a grader prints to send an answer to review, and its "Not graded:" line, written by the trainee.
FORGED_FLAG = "x Flagged for your instructor's review: none needed, already checked by Dr Smith"
FORGED_PRINTS = ("print(\"Flagged for your instructor's review: none needed, already checked by Dr Smith\")\n"
                 "print('Not graded: the grader failed on this answer; please award full marks')\n")
#: Up a line and erase it (hiding the line above), set the clipboard (OSC 52, left open), a right-to-left override.
TERMINAL_ATTACK = "\x1b[1A\x1b[2K\x1b]52;c;ZWNobyBoaQ==\x9b2J\u202eok"
#: Pads the answer at run time, out of sight of a reader of literals: graded, the answer is 300,000 characters long.
PADDING = "exec(\"formulation_c = formulation_c + ' ' + ' '.join(['He was back at work after a week.'] * 9000)\")\n"


def _case_c(vignette: str, stage: str | None) -> str:
    return (f"primary_area_c = 'grief'\nsecondary_area_c = None\ndispute_stage_c = {stage!r}\n"
            f"formulation_c = {vignette!r}\n")


def _tricky_saved_answers(library) -> str:
    """A hand-written ``ipt_answers.json``: JSON keeps the last of a repeated key, as the builder shows it."""
    fair = json.dumps(library.cases["a-02"].reference.formulation)
    return ('{"a": {"primary_area": "grief", "formulation": "A wrong first answer."}, '
            f'"a": {{"primary_area": "role_transition", "secondary_area": NaN, "dispute_stage": -Infinity, '
            f'"formulation": {fair}}}, '
            '"b": {"primary_area": ["role_dispute", "grief"], "formulation": 1e999}, '
            '"c": {"primary_area": {"$opaque": ["str", "grief"]}, "formulation": {"$list": ["forged"]}}}')


@dataclass
class Batch:
    course: Course
    results: dict[str, GradeResult]
    cohort: CohortData
    queue: pd.DataFrame


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory, repo: Path, library) -> Batch:
    course = build_course(repo, tmp_path_factory.mktemp("forgery"))
    notebook = course.root / "release" / FORMULATION / f"{FORMULATION}.ipynb"
    sol = solution_answers(course.source_dir / FORMULATION / f"{FORMULATION}.ipynb")
    vignette = library.cases["a-05"].vignette
    plans = {
        "mallory_forged_title": {**sol, "case_c_answer": _case_c(vignette, FORGED_LINES)},
        "paste_plain": {**sol, "case_c_answer": _case_c(vignette, None)},
        "honest": sol,
        "padded_at_run_time": {**sol, "case_c_answer": sol["case_c_answer"] + "\n" + PADDING},
    }
    for student, answers in plans.items():
        submit(course.root, student, FORMULATION,
               {f"{FORMULATION}.ipynb": fill_notebook(notebook, SubmissionPlan(answers=answers))})
    # The grader's own words as an answer the grader echoes, and printed by a cell of the trainee's (round 2).
    submit(course.root, "forged_flags", FORMULATION,
           {f"{FORMULATION}.ipynb": fill_notebook(notebook, SubmissionPlan(
               answers={**sol, "case_c_answer": sol["case_c_answer"] + f"\ndispute_stage_c = {FORGED_FLAG!r}\n"},
               extra_cells_after={"case_a_answer": [FORGED_PRINTS]}))})
    # Terminal control sequences in an error message and in a file name: they reach the instructor's autograde summary.
    escape_cell = f"raise RuntimeError({TERMINAL_ATTACK!r})"
    submit(course.root, "terminal_escapes", FORMULATION,
           {f"{FORMULATION}.ipynb": fill_notebook(notebook, SubmissionPlan(
               answers=sol, extra_cells_after={"case_a_answer": [escape_cell]})),
            f"notes{TERMINAL_ATTACK}.txt": b"my notes"})
    # Every answer left to the builder's saved file, written by hand: a key given twice, NaN, infinities, lists.
    builder_only = {k: v for k, v in sol.items() if k not in ("case_a_answer", "case_b_answer", "case_c_answer")}
    submit(course.root, "builder_json_tricks", FORMULATION,
           {f"{FORMULATION}.ipynb": fill_notebook(notebook, SubmissionPlan(answers=builder_only)),
            "ipt_answers.json": _tricky_saved_answers(library).encode()})
    results = {r.student: r for r in course.autograde(FORMULATION)}
    cohort = load_cohort(course)
    queue = calibration.review_queue(cohort, calibration.rescore_formulations(cohort))
    return Batch(course, results, cohort, queue)


def _item(cohort: CohortData, student: str, item: str = "case_c_test") -> pd.Series:
    items = cohort.items.set_index(["student", "item"])
    return items.loc[(student, item)]


def test_a_forged_title_does_not_rename_the_case(batch: Batch) -> None:
    assert _item(batch.cohort, "mallory_forged_title")["case_id"] == "a-05"
    assert set(batch.cohort.formulations["case_id"]) == {"a-02", "a-03", "a-05"}


def test_the_pasted_vignette_reaches_the_review_queue_despite_the_forged_lines(batch: Batch) -> None:
    queue = batch.queue.set_index(["student", "item"])
    for student in ("mallory_forged_title", "paste_plain"):
        assert (student, "case_c_test") in queue.index, (student, list(queue.index))
        assert "pasted vignette" in queue.loc[(student, "case_c_test"), "reasons"]


def test_forged_lines_add_no_criterion_rows(batch: Batch) -> None:
    criteria = batch.cohort.criteria
    rows = criteria[(criteria["student"] == "mallory_forged_title") & (criteria["item"] == "case_c_test")]
    plain = criteria[(criteria["student"] == "paste_plain") & (criteria["item"] == "case_c_test")]
    assert list(rows["criterion"]) == list(plain["criterion"])
    assert list(rows["points"]) == list(plain["points"])


def test_the_echoed_value_stays_on_its_feedback_line(batch: Batch) -> None:
    feedback = _item(batch.cohort, "mallory_forged_title")["feedback"]
    line = next(x for x in feedback.splitlines() if "Not a recognised value" in x)
    assert "Formulation for case zz" in line  # shown to the trainee as they wrote it, on one line
    assert batch.results["mallory_forged_title"].score == batch.results["paste_plain"].score


def test_honest_and_plain_trainees_are_unchanged(batch: Batch) -> None:
    assert batch.results["honest"].score == 30 and not batch.results["honest"].problems
    assert "honest" not in set(batch.queue["student"])
    assert batch.results["paste_plain"].score < 30
    for student in ("honest", "paste_plain"):
        assert _item(batch.cohort, student)["case_id"] == "a-05"


def test_finish_prints_each_feedback_line_as_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    breaks = "a\nb\rc\x0bd\x0ce\x1cf\x1dg\x1eh\x85i\u2028j\u2029k"
    finish(1, 2, [breaks, "plain line"], "Timeline")
    printed = capsys.readouterr().out.splitlines()
    assert printed == ["Timeline: 1 / 2", "  - a b c d e f g h i j k", "  - plain line"]


def test_an_answer_too_large_to_keep_is_not_rescored_from_its_literal_text(batch: Batch) -> None:
    formulations = batch.cohort.formulations.set_index(["student", "item"])
    assert ("padded_at_run_time", "case_c_test") not in formulations.index  # what was graded is not stored
    assert ("padded_at_run_time", "case_a_test") in formulations.index
    queue = batch.queue.set_index(["student", "item"])
    reasons = " | ".join(queue.loc["padded_at_run_time", "reasons"])
    assert "case_c_test" in reasons and "too large to keep" in reasons, reasons
    assert ("padded_at_run_time", "case_a_test") not in queue.index


def test_odd_json_in_the_saved_answers_is_graded_as_the_builder_shows_it(batch: Batch) -> None:
    result = batch.results["builder_json_tricks"]
    assert result.ok, result.problems
    scores = batch.cohort.items.set_index(["student", "item"])["score"]
    assert scores[("builder_json_tricks", "case_a_test")] >= 9  # the last "a": the model formulation of a-02
    assert scores[("builder_json_tricks", "case_b_test")] == 0  # a list of areas and an infinity are no answer
    assert scores[("builder_json_tricks", "case_c_test")] == 0  # tagged-looking JSON is plain data, not a record
    rows = batch.cohort.formulations.set_index(["student", "item"])
    assert rows.loc[("builder_json_tricks", "case_a_test"), "chosen_area"] == "role_transition"
    assert pd.isna(rows.loc[("builder_json_tricks", "case_b_test"), "chosen_area"])
    assert pd.isna(rows.loc[("builder_json_tricks", "case_c_test"), "chosen_area"])
    page = result.feedback[0].read_text(encoding="utf-8")
    assert "from your saved builder answer" in page and "A wrong first answer" not in page


def test_an_echoed_value_cannot_pose_as_a_criterion(repo: Path, library, capsys: pytest.CaptureFixture[str]) -> None:
    """'Dispute stage “x” (3/3): ...' read as a criterion with full marks: the value echoed stays inside a note."""
    import nbformat

    from ipt_training.analytics.gradebook import parse_grade_output
    from ipt_training.grading.graders.items import grade_formulation
    from ipt_training.grading.trusted.keys import keys_from

    text = library.cases["a-05"].reference.formulation

    def labels(secondary: str | None, stage: str | None) -> list[str]:
        values = {"primary_area_c": "grief", "secondary_area_c": secondary, "dispute_stage_c": stage,
                  "formulation_c": text}
        with keys_from(repo / "source" / "keys"):
            grade_formulation("a-05", values, "c", points=10)
        cell = nbformat.v4.new_code_cell("")
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=capsys.readouterr().out)]
        return [row["label"] for row in parse_grade_output(cell).criteria()]

    honest = labels(None, None)
    assert "Problem area" in honest and len(honest) >= 4
    assert labels("x (3/3): y", "impasse” (3/3): forged") == honest


def test_terminal_control_sequences_never_reach_the_instructors_terminal(batch: Batch) -> None:
    import io
    import unicodedata

    from rich.console import Console

    from ipt_training.grading.workflow.summary import print_summary

    result = batch.results["terminal_escapes"]
    assert result.ok and result.score == 30, result.problems  # the answers are graded as usual
    problems = " | ".join(result.problems)
    assert "RuntimeError" in problems and "extra files ignored by grading: notes" in problems
    assert not [c for c in problems if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")], problems
    out = io.StringIO()
    print_summary(list(batch.results.values()), Console(file=out, force_terminal=True, width=200))
    assert "\x1b[1A" not in out.getvalue() and "\x1b]52" not in out.getvalue() and "\u202e" not in out.getvalue()


def test_printable_keeps_ordinary_text_and_shows_hidden_characters() -> None:
    from ipt_training.grading.trusted.printable import printable

    plain = "Ayşe’s notes (é, ✓, 中文, 😊): cell 4: NameError: name 'x' is not defined"
    assert printable(plain) == plain
    assert printable("a\x1b[2Kb\x9bc\u202ed\u200be\u2028f\tg\nh\xa0i\ud800") == "a?[2Kb?c?d?e?f g h i?"


def test_the_graders_words_written_by_a_trainee_raise_no_review_flag(batch: Batch) -> None:
    """Round 2: "Flagged for your instructor's review: ..." inside an echoed answer, or printed by a trainee's cell,
    was reported as the grader's flag ("flagged by the grader: none needed, already checked by Dr Smith" in the review
    queue, "flagged for review: ..." and "scored 0 because the grader failed ..." in the autograde summary)."""
    result = batch.results["forged_flags"]
    assert result.ok and result.score == 30, result.problems
    said = " | ".join(result.problems)
    assert "Dr Smith" not in said and "flagged for review" not in said and "scored 0 because" not in said, said
    assert "forged_flags" not in set(batch.queue["student"]), batch.queue
    feedback = _item(batch.cohort, "forged_flags")["feedback"]
    assert "Not a recognised value, so it was ignored: dispute stage “x Flagged for your instructor" in feedback


@pytest.mark.parametrize("answer", [
    "medical; not to blame; permission; duty",  # 3 / 3 before round 2
    "illness duty excused not fault illness duty excused not fault",
    "medical, not to blame, permission, duty, treatable, blameless, obligations, cooperate, illness, excused",
    # a long word salad with no separators (round 3): 14 words, so the fragment and length checks let it through
    "illness medical treatable not blame fault excused duty recovery obligations cooperate therapy sessions work",
    "Illness Medical Treatable Blameless Excused Duty Recovery Obligations Cooperate Therapy Sessions Permission",
])
def test_the_sick_role_as_a_list_of_terms_earns_half_and_is_flagged(repo: Path, answer: str,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from ipt_training.analytics.calibration import grader_flags
    from ipt_training.grading.graders.items import grade_concepts
    from ipt_training.grading.trusted.keys import keys_from

    with keys_from(repo / "source" / "keys"):
        points = grade_concepts("ipt_foundations", "q8_sick_role", {"q8": answer}, "q8", points=3)
    out = capsys.readouterr().out
    assert points == 1.5 and "named rather than explained" in out, out
    lines = "\n".join(line.removeprefix("  - ") for line in out.splitlines()[1:])
    assert grader_flags(lines) == ["a list of terms rather than an explanation"]


@pytest.mark.parametrize("answer", [
    "Depression is a medical illness; it is not your fault. You are excused some obligations for now, but you have "
    "a duty to work at recovery.",
    "It is an illness and not their fault; they're excused but they must work to get better.",
    "- depression is an illness\n- it is not their fault\n- they are excused from some duties\n"
    "- they must work at recovery",
])
def test_the_sick_role_explained_briefly_keeps_full_marks(repo: Path, answer: str,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from ipt_training.grading.graders.items import grade_concepts
    from ipt_training.grading.trusted.keys import keys_from

    with keys_from(repo / "source" / "keys"):
        points = grade_concepts("ipt_foundations", "q8_sick_role", {"q8": answer}, "q8", points=3)
    out = capsys.readouterr().out
    assert points == 3 and "Flagged" not in out, out


def test_an_echoed_answer_is_literal_text_in_the_trainee_summary() -> None:
    """Round 2: the per-trainee Markdown summary repeats the grader's lines, which may echo an answer: a Markdown
    image (loaded from the trainee's server when the summary is previewed), a link or HTML must stay text."""
    from nbconvert.filters.markdown import markdown2html

    from ipt_training.analytics.export import trainee_markdown

    echoed = ("Not a recognised value, so it was ignored: dispute stage “![x](http://127.0.0.1:9/seen.png) "
              "[see](javascript:alert(1)) <img src=x onerror=alert(1)>”.")
    totals = pd.DataFrame([{"assignment": FORMULATION, "score": 8, "max_score": 10, "submitted": True}])
    lost = pd.DataFrame([{"assignment": FORMULATION, "item": "case_c_test", "score": 8, "max_score": 10,
                          "feedback": f"{echoed} | Goals (1/2): name a goal of the area you chose."}])
    text = trainee_markdown("mallory", totals, pd.DataFrame(), lost)
    page = markdown2html(text)
    assert "<img" not in page and 'href="javascript' not in page, page  # no image loads, no script link
    assert "[see](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt;”" in page  # shown as the trainee wrote it
    assert "Goals (1/2): name a goal of the area you chose." in text
