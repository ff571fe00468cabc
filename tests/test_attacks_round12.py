"""Attack round 12 (grading): holes found by a trainee attacking the grading, each through the real pipeline with
honest trainees in the same batch (docs/reliability.md, "Attack round 12 (grading)").

1. Late work counted in full in the LMS export: nbgrader's ``AssignLatePenalties`` stores the penalty beside the
   grades (which keep the points before it) and ``nbgrader export`` subtracts it; ``ipt-course report`` did not, so a
   trainee who submitted after the due date in a course with ``LateSubmissionPlugin.penalty_method = "zero"`` kept
   16/16 = 100 % in ``lms_grades.csv``.
2. One content-free rewrite for every utterance: "I feel hurt and lonely. I need us to talk about this. Could we sit
   down tonight? What do you think?" met every criterion of the rewrite rubric for every problem utterance of every
   assessment dialogue (42/42 points).
3. Practice records that count what the dashboard never would: invented cases, another area than the case's, one
   case attempted forty times.
"""

from __future__ import annotations

import csv
import datetime
import json
import subprocess
import sys
from dataclasses import dataclass
from datetime import timedelta, timezone
from pathlib import Path

import pytest

from ipt_training.analytics.practice import practice_table
from ipt_training.analytics.report import write_report
from ipt_training.communication.library import DialogueLibrary
from ipt_training.communication.rewrite import score_utterance_rewrite
from ipt_training.communication.situation import is_generic
from ipt_training.grading.workflow.course import Course, GradeResult
from ipt_training.grading.workflow.demo import build_course
from ipt_training.grading.workflow.simulate import SubmissionPlan, fill_notebook, solution_answers, submit
from ipt_training.practice.record import EXPORT_FORMAT, Attempt, PracticeRecord

FOUNDATIONS, COMMUNICATION = "ipt_foundations", "communication_analysis"
DUE = datetime.datetime(2026, 11, 20, 12, 0)
ON_TIME, LATE = "2026-11-20 11:00:00.000000 UTC", "2026-11-25 11:00:00.000000 UTC"
TEMPLATE = "I feel hurt and lonely. I need us to talk about this. Could we sit down tonight? What do you think?"
TEMPLATE_CELL = f"rewrite_2 = {TEMPLATE!r}\nrewrite_6 = {TEMPLATE!r}\n"
KEYS = Path(__file__).resolve().parents[1] / "source" / "keys"
T0 = datetime.datetime(2026, 11, 2, 9, tzinfo=timezone.utc)


@dataclass
class Batch:
    course: Course
    results: dict[tuple[str, str], GradeResult]
    report: Path


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory, repo: Path) -> Batch:
    root = tmp_path_factory.mktemp("round12")
    build_course(repo, root)
    with open(root / "nbgrader_config.py", "a", encoding="utf-8") as config:  # the instructor's late policy
        config.write('\nc.LateSubmissionPlugin.penalty_method = "zero"\n')
    course = Course(root)
    with course.gradebook() as gb:
        gb.update_or_create_assignment(FOUNDATIONS, duedate=DUE)
        for trainee in ("alice", "mallory", "bob", "trudy"):
            gb.update_or_create_student(trainee)
    release = root / "release"
    sol = solution_answers(course.source_dir / FOUNDATIONS / f"{FOUNDATIONS}.ipynb")
    honest = fill_notebook(release / FOUNDATIONS / f"{FOUNDATIONS}.ipynb", SubmissionPlan(answers=sol))
    submit(root, "alice", FOUNDATIONS, {f"{FOUNDATIONS}.ipynb": honest}, ON_TIME)
    submit(root, "mallory", FOUNDATIONS, {f"{FOUNDATIONS}.ipynb": honest}, LATE)
    talk = solution_answers(course.source_dir / COMMUNICATION / f"{COMMUNICATION}.ipynb")
    released = release / COMMUNICATION / f"{COMMUNICATION}.ipynb"
    submit(root, "bob", COMMUNICATION, {f"{COMMUNICATION}.ipynb": fill_notebook(released, SubmissionPlan(talk))})
    gamed = fill_notebook(released, SubmissionPlan({**talk, "rewrite_answer": TEMPLATE_CELL}))
    submit(root, "trudy", COMMUNICATION, {f"{COMMUNICATION}.ipynb": gamed})
    results = {(r.student, r.assignment): r for r in course.autograde(FOUNDATIONS, jobs=2)}
    results.update({(r.student, r.assignment): r for r in course.autograde(COMMUNICATION)})
    report = root / "report"
    write_report(course, report)
    return Batch(course, results, report)


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _item_scores(batch: Batch, student: str) -> dict[str, float]:
    return {row["item"]: float(row["score"]) for row in _rows(batch.report / "items.csv") if row["student"] == student}


@pytest.mark.slow
def test_a_late_submission_loses_its_penalty_in_the_lms_export_and_the_on_time_one_keeps_its_grade(
        batch: Batch) -> None:
    assert all(batch.results[(s, FOUNDATIONS)].ok for s in ("alice", "mallory"))
    lms = {row["student"]: row for row in _rows(batch.report / "lms_grades.csv")}
    assert (lms["alice"][FOUNDATIONS], lms["alice"]["total"]) == ("16", "16")  # of 26: communication is graded too
    assert (lms["mallory"][FOUNDATIONS], lms["mallory"]["total"], lms["mallory"]["percentage"]) == ("0", "0", "0")
    assert lms["alice"]["max_total"] == lms["mallory"]["max_total"]
    summary = (batch.report / "feedback" / "mallory.md").read_text(encoding="utf-8")
    assert "0 / 16 (late: 16 points taken off)" in summary
    assert "late" not in (batch.report / "feedback" / "alice.md").read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_lms_export_agrees_with_nbgrader_export(batch: Batch, tmp_path: Path) -> None:
    out = tmp_path / "export.csv"
    done = subprocess.run([sys.executable, "-m", "nbgrader", "export", "--to", str(out)], cwd=batch.course.root,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    exported = {row["student_id"]: row for row in _rows(out) if row["assignment"] == FOUNDATIONS}
    lms = {row["student"]: row for row in _rows(batch.report / "lms_grades.csv")}
    for trainee in ("alice", "mallory"):
        assert float(lms[trainee][FOUNDATIONS]) == float(exported[trainee]["score"])
    assert float(exported["mallory"]["late_submission_penalty"]) == 16.0


@pytest.mark.slow
def test_one_rewrite_for_every_utterance_earns_half_and_is_flagged_while_the_honest_rewrites_keep_full_marks(
        batch: Batch) -> None:
    assert batch.results[("bob", COMMUNICATION)].ok and batch.results[("trudy", COMMUNICATION)].ok
    bob, trudy = _item_scores(batch, "bob"), _item_scores(batch, "trudy")
    for item in ("rewrite_2_test", "rewrite_6_test"):
        assert bob[item] == 2.0
        assert trudy[item] <= 1.0
    assert bob["coding_test"] == trudy["coding_test"]
    queue = _rows(batch.report / "review_queue.csv")
    flagged = {(row["student"], row["item"]) for row in queue if "says nothing of its moment" in str(row)}
    assert flagged == {("trudy", "rewrite_2_test"), ("trudy", "rewrite_6_test")}


TEMPLATES = [TEMPLATE, "I feel hurt. I need. Could we? What do you think?",
             "{other}, I feel hurt and I need you to listen to me. Can we talk tonight? What do you think?"]


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_template_earns_half_of_every_assessment_rewrite(template: str) -> None:
    library = DialogueLibrary.load(keys_dir=KEYS)
    earned = possible = 0.0
    for dialogue_id in ("da-01", "da-02", "da-03"):
        dialogue = library.get(dialogue_id)
        other = next(s.name for s in dialogue.speakers if s.relationship != "patient")
        for number, codes in dialogue.reference_codes().items():
            if codes != ("ok",):
                result = score_utterance_rewrite(dialogue, number, template.format(other=other), max_points=2,
                                                 reveal=False)
                assert "generic" in result.flags and result.total <= 1.0
                earned, possible = earned + result.total, possible + 2
    assert possible == 42 and earned <= 21


@pytest.mark.parametrize(("dialogue_id", "number", "rewrite"), [
    ("dp-05", 12, "I'm exhausted. Could you do bedtime on Tuesdays? What do you think?"),
    ("da-03", 8, "It would help if you called me once a week, maybe Sunday evenings. I get lonely. Would that be "
                 "possible?"),
    ("da-01", 2, "I feel anxious about dinners with your colleagues because my French makes me feel judged. I would "
                 "rather we did not go this Saturday. What do you think?"),
    ("da-02", 2, "I feel hurt that you didn't call. Could we talk tonight?"),
])
def test_an_honest_rewrite_that_says_something_of_its_moment_is_not_generic(dialogue_id: str, number: int,
                                                                             rewrite: str) -> None:
    dialogue = DialogueLibrary.load(keys_dir=KEYS).get(dialogue_id)
    assert not is_generic(rewrite, dialogue)
    assert "generic" not in score_utterance_rewrite(dialogue, number, rewrite).flags


def _record(folder: Path, name: str, trainee: str, attempts: list[dict[str, object]]) -> None:
    payload = {"format": EXPORT_FORMAT, "trainee": trainee, "exported_at": T0.isoformat(), "attempts": attempts}
    (folder / name).write_text(json.dumps(payload), encoding="utf-8")


def _perfect(case_id: str, area: str, hours: int) -> dict[str, object]:
    criteria = {"problem_area": (3.0, 3.0), "goals": (2.0, 2.0), "strategies": (2.0, 2.0)}
    return Attempt(case_id, area, (), criteria, 7.0, 7.0, at=T0 + timedelta(hours=hours)).to_dict()


def test_a_hand_written_record_of_invented_and_repeated_attempts_masters_nothing(tmp_path: Path) -> None:
    """3. A record of 120 perfect attempts at one invented case, 30 with each area as the reference, showed "4 areas
    mastered"; 40 perfect attempts at one real case mastered its area. The dashboard counts only the first attempt at
    a case; the report now does too, and only attempts at the course's practice cases with their own area."""
    folder = tmp_path / "records"
    folder.mkdir()
    areas = ("grief", "role_dispute", "role_transition", "interpersonal_deficits")
    invented = [_perfect("zz-99", area, 4 * i + k) for i in range(30) for k, area in enumerate(areas)]
    _record(folder, "mallory.json", "Mallory", invented)
    _record(folder, "trudy.json", "Trudy", [_perfect("p-03", "grief", i) for i in range(40)])
    _record(folder, "wrong_area.json", "Walt", [_perfect("p-03", "role_dispute", 0)])
    with PracticeRecord(tmp_path / "ana.sqlite") as record:  # an honest trainee's record, exported by the course
        for i, case in enumerate(("p-03", "p-13", "p-15", "p-16")):
            record.add(Attempt(case, "grief", (), {"problem_area": (3.0, 3.0), "goals": (2.0, 2.0)}, 5.0, 5.0,
                               at=T0 + timedelta(hours=i)))
        record.export(folder / "ana.json", trainee="Ana")
    table, problems = practice_table(folder)
    rows = table.set_index("trainee")
    assert rows.loc["Mallory", "attempts"] == 0 and rows.loc["Mallory", "areas_mastered"] == 0
    assert rows.loc["Trudy", "attempts"] == 1 and rows.loc["Trudy", "mastery_grief"] < 0.95
    assert rows.loc["Walt", "attempts"] == 0
    assert rows.loc["Ana", "attempts"] == 4 and rows.loc["Ana", "mastery_grief"] >= 0.95
    said = " | ".join(problems)
    assert "mallory.json: 120 of 120 attempts not counted (120 not a practice case of the course" in said
    assert "trudy.json: 39 of 40 attempts not counted (39 a repeat of a case already attempted" in said
    assert "ana.json" not in said
