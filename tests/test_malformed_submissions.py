"""Malformed and hostile submissions through the real autograde path, one trainee per case.

A throw-away course (built like the round-trip test's) gets one submission of ``ipt_foundations`` per case plus
two good trainees. ``Course.autograde`` (two worker processes) grades the good ones first, then every case; one
run of the real ``ipt-course autograde --jobs 2`` command grades the whole matrix again in a copy. For every case
the batch goes on, the trainee gets a plain-language message, the good trainees' scores and files are untouched, and the
gradebook stays consistent. docs/reliability.md has the matrix as a table.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from ipt_training.grading.trusted.leaks import find_leaks, key_fingerprints
from ipt_training.grading.workflow.course import Course, GradeResult
from ipt_training.grading.workflow.demo import build_course
from ipt_training.grading.workflow.simulate import SubmissionPlan, fill_notebook, solution_answers, submit

pytestmark = pytest.mark.slow

ASSIGNMENT = "ipt_foundations"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
FULL = 16.0
GOOD = ("good_full", "good_half")
HALF = ("q1_answer", "q2_answer", "q3_answer", "q4_answer")  # 1 + 2 + 1 + 1 points

LOOP = "while True:\n    pass"
STUBBORN_LOOP = ("while True:\n    try:\n        while True:\n            pass\n"
                 "    except KeyboardInterrupt:\n        pass")
MEMORY_BOMB = "hog = []\nwhile True:\n    hog.append(bytearray(50_000_000))"
HUGE_OUTPUT = "for _ in range(100):\n    print('x' * 1_000_000)"
TAMPERING = [
    "get_ipython().ast_node_interactivity = 'none'  # hide every result: nbgrader would give full marks",
    "import builtins\nbuiltins.round = lambda x, *a: 10 ** 6",
    "import ipt_training.scoring.formulation as f\nimport ipt_training.grading.graders.items as items\n"
    "items.grade_choice = items.grade_mapping = items.grade_concepts = lambda *a, points=1, **k: points\n"
    "f.score_formulation = lambda *a, **k: None",
    "import sys\nsys.displayhook = lambda value: print(10)",
]
KEY_READING = [
    "print(open('../../../source/keys/items/ipt_foundations.yaml').read())",
    "print(open('../../../gradebook.db', 'rb').read()[:5000])",
    "from ipt_training.grading.trusted.keys import item_key\nprint(item_key('ipt_foundations', 'q1_origins'))",
    # Key text that reached the trainee some other way: the feedback must still withhold it.
    "print(bytes.fromhex('{hex}').decode())",
]
# ctypes goes around the audit hook; the links are dangling inside the sandbox but not for the grader, which
# would copy what they point to into the feedback.
MAKE_LINKS = ("import ctypes\nlibc = ctypes.CDLL(None)\nopen('mine.txt', 'w').write('x')\n"
              "libc.symlink(b'{keys}', b'soft.txt')\nlibc.link(b'mine.txt', b'hard.txt')")
NETWORK = ("import socket\ntry:\n    socket.create_connection(('10.255.255.1', 80), timeout=1)\n"
           "finally:\n    print('network attempt over')")
FAKE_PACKAGE = {
    "ipt_training/__init__.py": "",
    "ipt_training/grading/__init__.py": "",
    "ipt_training/grading/graders/__init__.py": "",
    "ipt_training/grading/graders/checks.py": "def check_choice(*a, **k):\n    print('all correct')\n"
                                              "check_mapping = check_text = check_choice\n",
    "ipt_training/grading/graders/items.py": "def grade_choice(*a, points=1, **k):\n    print('full marks')\n"
                                             "    return points\ngrade_mapping = grade_concepts = grade_choice\n",
    "notes.txt": "my notes",
}


@dataclass(frozen=True)
class Expect:
    """What a case should give: graded or not, its score, words in its problems and (if it ran) in feedback."""

    ok: bool
    score: float | None
    problem: str
    feedback: str = ""


CASES: dict[str, Expect] = {
    "answer_cell_deleted": Expect(True, FULL - 1, "answer cell(s) deleted: q1_answer", "is not defined"),
    "test_cell_deleted": Expect(True, FULL, "test cell(s) deleted and restored for grading: q2_test"),
    "test_cell_edited": Expect(True, 0, "test cell(s) edited; the original was used for grading: q2_test, q3_test"),
    "invalid_json": Expect(False, None, "not valid JSON"),
    "nbformat_3": Expect(True, FULL, "old notebook format 3, converted to format 4"),
    "nbformat_5": Expect(False, None, "notebook format version 5 is not supported"),
    "nbformat_garbage": Expect(False, None, "notebook format version 'banana' is not supported"),
    "infinite_loop": Expect(True, FULL, "per-cell time limit", "KeyboardInterrupt"),
    "uninterruptible_loop": Expect(True, FULL, "could not be stopped", "could not be interrupted"),
    "kernel_crash": Expect(True, FULL, "kernel died in this cell", "kernel died while running this cell"),
    "memory_bomb": Expect(True, 0, "more memory than the grading limit", "more memory than the grading limit"),
    "huge_output": Expect(True, FULL, "far more output than the grader keeps", "truncated by the grader"),
    "scorer_monkeypatch": Expect(True, 0, "changes Python or the grader itself", "Question q1_origins: 0 / 1"),
    "reads_keys": Expect(True, 0, "tried to read the instructor's files", "Output withheld"),
    "network": Expect(True, 0, "tried to use the network", "no network access during autograde"),
    "missing_notebook": Expect(False, None, "missing from the submission"),
    "extra_files_and_fake_package": Expect(True, 0, "extra files ignored by grading: ipt_training, notes.txt"),
    "empty_answers": Expect(True, 0, "no answer given for q1_test", "Answer with"),
    "not_utf8": Expect(False, None, "not UTF-8"),
    "emoji_answers": Expect(True, FULL - 1 - 3, "answers not in the expected form for q1_test, q8_test", "🙂"),
    "lone_surrogate": Expect(False, None, "invalid character"),
    "symlink_to_keys": Expect(False, None, "symbolic links (notes.txt); it was not graded"),
    "kernel_makes_links": Expect(True, 0, "left links in its folder (hard.txt, mine.txt, soft.txt); they were removed"),
}


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _submissions(course: Course) -> dict[str, dict[str, nbformat.NotebookNode | bytes]]:
    source = course.source_dir / ASSIGNMENT / NOTEBOOK
    release = course.root / "release" / ASSIGNMENT / NOTEBOOK
    sol = solution_answers(source)

    def nb(**plan: object) -> nbformat.NotebookNode:
        return fill_notebook(release, SubmissionPlan(**plan))  # type: ignore[arg-type]

    def text(notebook: nbformat.NotebookNode) -> str:
        return nbformat.writes(notebook)

    solved = nb(answers=sol)
    old = nbformat.writes(nbformat.convert(copy.deepcopy(solved), 3), version=3)
    v5, garbage = json.loads(text(solved)), json.loads(text(solved))
    v5["nbformat"], garbage["nbformat"] = 5, "banana"
    french = text(nb(answers={**sol, "q8_answer": 'q8 = "Le rôle de malade excuse le patient."'}))
    surrogate = text(nb(answers={**sol, "q8_answer": 'q8 = "SURROGATE"'})).replace("SURROGATE", "\\ud83d")
    leaked = next(f for f in key_fingerprints(course.root) if "promotion" in f)
    empty = {k: f"{k.split('_')[0]} = ''" for k in sol}
    after_q1 = "q1_answer"
    return {
        **{"good_full": {NOTEBOOK: solved}, "good_half": {NOTEBOOK: nb(answers={k: sol[k] for k in HALF})}},
        "answer_cell_deleted": {NOTEBOOK: nb(answers=sol, delete_cells=["q1_answer"])},
        "test_cell_deleted": {NOTEBOOK: nb(answers=sol, delete_cells=["q2_test"])},
        "test_cell_edited": {NOTEBOOK: nb(replace_cells={"q2_test": "2", "q3_test": "print('Question: 1 / 1')\n1"})},
        "invalid_json": {NOTEBOOK: b'{"cells": [{"cell_type": "code", "sou'},
        "nbformat_3": {NOTEBOOK: old.encode()},
        "nbformat_5": {NOTEBOOK: json.dumps(v5).encode()},
        "nbformat_garbage": {NOTEBOOK: json.dumps(garbage).encode()},
        "infinite_loop": {NOTEBOOK: nb(answers=sol, extra_cells_after={after_q1: [LOOP]})},
        "uninterruptible_loop": {NOTEBOOK: nb(answers=sol, extra_cells_after={after_q1: [STUBBORN_LOOP]})},
        "kernel_crash": {NOTEBOOK: nb(answers=sol, extra_cells_after={"q3_answer": ["import os\nos._exit(1)"]})},
        "memory_bomb": {NOTEBOOK: nb(extra_cells_after={after_q1: [MEMORY_BOMB]})},
        "huge_output": {NOTEBOOK: nb(answers=sol, extra_cells_after={after_q1: [HUGE_OUTPUT]})},
        "scorer_monkeypatch": {NOTEBOOK: nb(extra_cells_after={after_q1: TAMPERING})},
        "reads_keys": {NOTEBOOK: nb(extra_cells_after={after_q1: [c.replace("{hex}", leaked.encode().hex())
                                                                   for c in KEY_READING]})},
        "network": {NOTEBOOK: nb(extra_cells_after={after_q1: [NETWORK]})},
        "missing_notebook": {"ipt_foundations (1).ipynb": solved},
        "extra_files_and_fake_package": {NOTEBOOK: nb()},
        "empty_answers": {NOTEBOOK: nb(answers=empty)},
        "not_utf8": {NOTEBOOK: french.encode().replace("rôle".encode(), "rôle".encode("latin-1"))},
        "emoji_answers": {NOTEBOOK: nb(answers={**sol, "q1_answer": "q1 = '🙂'", "q8_answer": 'q8 = "🤒 😷 🙏"'})},
        "lone_surrogate": {NOTEBOOK: surrogate.encode()},
        "symlink_to_keys": {NOTEBOOK: solved},
        "kernel_makes_links": {NOTEBOOK: nb(extra_cells_after={after_q1: [MAKE_LINKS.format(
            keys=course.root / "source" / "keys" / "items" / f"{ASSIGNMENT}.yaml")]})},
    }


@dataclass
class Matrix:
    course: Course
    results: dict[str, GradeResult]
    good_files_before: dict[str, str]
    good_scores_before: dict[str, float]


@pytest.fixture(scope="module")
def matrix(tmp_path_factory: pytest.TempPathFactory, repo: Path) -> Matrix:
    course = build_course(repo, tmp_path_factory.mktemp("malformed"))
    config = course.root / "nbgrader_config.py"
    config.write_text(config.read_text() + "\n# Test course: a short per-cell time limit.\nc.Execute.timeout = 10\n")
    course = Course(course.root)  # re-read the configuration
    for student, notebooks in _submissions(course).items():
        folder = submit(course.root, student, ASSIGNMENT, notebooks)
        if student == "extra_files_and_fake_package":
            for name, content in FAKE_PACKAGE.items():
                (folder / name).parent.mkdir(parents=True, exist_ok=True)
                (folder / name).write_text(content)
        if student == "symlink_to_keys":  # nbgrader would copy the key file itself into the kernel's folder
            (folder / "notes.txt").symlink_to(course.root / "source" / "keys" / "items" / f"{ASSIGNMENT}.yaml")
    # Two worker processes keep this quick; the serial path gives the same results (test_parallel_autograde).
    results = {r.student: r for r in course.autograde(ASSIGNMENT, list(GOOD), jobs=2)}
    files = {f"{top}/{s}": digest for top in ("submitted", "autograded", "feedback") for s in GOOD
             for digest in [json.dumps(_digest(course.root / top / s))]}
    scores = {s: results[s].score for s in GOOD}
    for result in course.autograde(ASSIGNMENT, list(CASES), jobs=2):
        results[result.student] = result
    return Matrix(course, results, files, scores)


@pytest.mark.parametrize("case", list(CASES))
def test_each_case_is_graded_or_failed_with_a_clear_message(matrix: Matrix, case: str) -> None:
    expect, result = CASES[case], matrix.results[case]
    problems = " | ".join(result.problems)
    assert result.ok is expect.ok, problems
    assert result.score == expect.score, problems
    assert expect.problem in problems
    if result.ok:
        assert result.max_score == FULL and result.status == "graded with problems"
        html = result.feedback[0].read_text(encoding="utf-8")
        assert expect.feedback in html
    else:
        assert not result.feedback and result.status == "failed"


def test_good_trainees_are_graded_and_their_files_are_untouched(matrix: Matrix) -> None:
    assert matrix.results["good_full"].score == FULL and not matrix.results["good_full"].problems
    assert matrix.results["good_half"].score == 5
    for key, before in matrix.good_files_before.items():
        top, student = key.split("/")
        assert json.dumps(_digest(matrix.course.root / top / student)) == before, key
    with matrix.course.gradebook() as gb:
        for student, score in matrix.good_scores_before.items():
            assert gb.find_submission(ASSIGNMENT, student).score == score


def test_gradebook_is_consistent_after_the_matrix(matrix: Matrix) -> None:
    with matrix.course.gradebook() as gb:
        submissions = {s.student.id: s for s in gb.find_assignment(ASSIGNMENT).submissions}
        for student, result in matrix.results.items():
            if student not in submissions:  # refused before nbgrader ran (symbolic links): no row at all
                assert not result.ok and student == "symlink_to_keys"
                continue
            submission = submissions[student]
            assert 0 <= submission.score <= submission.max_score == FULL, student
            if result.ok:
                assert submission.score == result.score, student
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    assert grade.score is None or 0 <= grade.score <= grade.max_score, (student, grade.cell.name)


def test_huge_output_is_capped_in_the_notebook_and_the_feedback(matrix: Matrix) -> None:
    root = matrix.course.root
    assert (root / "autograded" / "huge_output" / ASSIGNMENT / NOTEBOOK).stat().st_size < 500_000
    assert matrix.results["huge_output"].feedback[0].stat().st_size < 1_000_000


def test_key_text_never_reaches_the_feedback(matrix: Matrix) -> None:
    root = matrix.course.root
    problems = " | ".join(matrix.results["reads_keys"].problems)
    assert "printed text from the instructor's keys; its output was withheld" in problems
    assert "refers to the instructor's keys" in problems
    for student in (*CASES, *GOOD):
        if student in ("good_full", "answer_cell_deleted", "test_cell_deleted", "nbformat_3", "infinite_loop",
                       "uninterruptible_loop", "kernel_crash", "huge_output", "emoji_answers"):
            continue  # these typed the solution themselves; their own code is in their feedback
        assert find_leaks(root / "feedback" / student, root) == [], student
    html = " ".join(matrix.results["reads_keys"].feedback[0].read_text(encoding="utf-8").lower().split())
    leaked = next(f for f in key_fingerprints(root) if "promotion" in f)
    key_file = (root / "source" / "keys" / "items" / f"{ASSIGNMENT}.yaml").read_text(encoding="utf-8")
    assert leaked not in html and " ".join(key_file.splitlines()[0].lower().split()) not in html
    assert "hint:" not in html and "correct: b" not in html
    # The instructor still sees what was printed, in the autograded notebook.
    autograded = (root / "autograded" / "reads_keys" / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8")
    assert "Output withheld" not in autograded
    assert not (root / "autograded" / "symlink_to_keys").exists()
    feedback = root / "feedback" / "kernel_makes_links" / ASSIGNMENT
    assert sorted(p.name for p in feedback.iterdir()) == ["ipt_foundations.html", "timestamp.txt"]


def test_a_fake_package_in_the_submission_does_not_shadow_the_grader(matrix: Matrix) -> None:
    html = matrix.results["extra_files_and_fake_package"].feedback[0].read_text(encoding="utf-8")
    assert "full marks" not in html and "Question q1_origins: 0 / 1" in html


def test_cli_grades_the_whole_matrix_in_parallel_and_exits_nonzero(matrix: Matrix, repo: Path,
                                                                  tmp_path: Path) -> None:
    copy_root = tmp_path / "course"
    shutil.copytree(matrix.course.root, copy_root, symlinks=True,  # keep symlink_to_keys's link a link
                    ignore=shutil.ignore_patterns("autograded", "feedback"))
    env = {**os.environ, "PYTHONPATH": str(repo), "COLUMNS": "220"}
    run = subprocess.run([sys.executable, "-m", "ipt_training.cli", "autograde", ASSIGNMENT, "--course",
                          str(copy_root), "--jobs", "2"], capture_output=True, text=True, env=env, timeout=600)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Grading sandbox:" in run.stderr and f"autograde {ASSIGNMENT} (2 jobs)" in run.stderr
    summary = run.stdout
    assert f"{len(CASES) + 1} submission(s) with problems" in summary  # good_half left questions blank
    for case, expect in CASES.items():
        assert f"{case}/{ASSIGNMENT}: " in summary, case
        assert expect.problem in summary, case
    with Course(copy_root).gradebook() as gb:
        for student, result in matrix.results.items():
            if result.ok:
                assert gb.find_submission(ASSIGNMENT, student).score == result.score, student
