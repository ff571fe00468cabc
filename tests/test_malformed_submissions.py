"""Malformed and hostile submissions through the real autograde path, one trainee per case.

A throw-away course (built like the round-trip test's) gets one submission of ``ipt_foundations`` per case plus
two good trainees. ``Course.autograde`` (two worker processes) grades the good ones first, then every case; one
run of the real ``ipt-course autograde --jobs 2`` command grades the whole matrix again in a copy. For every case
the batch goes on, the trainee gets a plain-language message, the good trainees' scores and files are untouched, and the
gradebook stays consistent. docs/reliability.md has the matrix as a table.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import MissingEntry

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
# A list of 50 MB blocks until the memory limit. bytes(n) reserves each block zeroed by the system (calloc) without
# writing it, so the address-space limit is reached in a millisecond however loaded the machine is; bytearray(n)
# writes every byte (3 s on an idle machine), and on a loaded one ran into the 10 s cell limit first, which then
# tested the time limit instead of the memory limit.
MEMORY_BOMB = "hog = []\nwhile True:\n    hog.append(bytes(50_000_000))"
# 40 MB of output: far past the caps, yet printed well within the 10 s cell limit on a loaded 2-core machine.
HUGE_OUTPUT = "for _ in range(40):\n    print('x' * 1_000_000)"
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
# A trainee who supplies the answer key: an empty nbgrader_config.py and a key marking their wrong answers right.
WRONG = {"q1_answer": "q1 = 'a'", "q3_answer": "q3 = 'a'", "q4_answer": "q4 = 'a'"}
WRITE_KEYS = ("import os\nos.makedirs('source/keys/items', exist_ok=True)\nopen('nbgrader_config.py', 'w').close()\n"
              "open('source/keys/items/ipt_foundations.yaml', 'w').write(bytes.fromhex('{hex}').decode())\n"
              "open('stolen.txt', 'w').write('notes a cell wrote')")
READ_DISK = ("import os, stat\nprint('uid', os.getuid())\n"
             "disks = [n for n in os.listdir('/dev') if stat.S_ISBLK(os.lstat('/dev/' + n).st_mode)]\n"
             "print('disks', disks)\nopen('{block}', 'rb').read(4096)")
MAKE_FIFO = "import os\nos.mkfifo('ipt_answers.json')\nos.mkfifo('notes.txt')"
SLEEPS = ["import time\ntime.sleep(55)"] * 3
WRITE_NOTEBOOK = ("import nbformat\nnb = nbformat.v4.new_notebook()\ncell = nbformat.v4.new_code_cell('1')\n"
                  "cell.metadata['ipt_answers'] = 'x'\nnb.cells = [cell]\nnb.metadata['ipt_removed_links'] = 7\n"
                  "nbformat.write(nb, 'zz_notes.ipynb')")
DISK_HOG = "with open('big.bin', 'wb') as f:\n    for _ in range(100):\n        f.write(b'x' * 2 ** 20)"
NOTEBOOK_BUDGET = 30  # seconds per notebook in the test course (per cell: 10)
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
    "syntax_error": Expect(True, FULL - 1, '"Q1. Who developed IPT?" (q1_answer): SyntaxError in line 1 of the '
                                           "cell (unterminated string literal", "SyntaxError"),
    "test_cell_deleted": Expect(True, FULL, "test cell(s) deleted and restored for grading: q2_test"),
    "test_cell_edited": Expect(True, 0, "test cell(s) edited; the original was used for grading: q2_test, q3_test"),
    "invalid_json": Expect(False, None, "not valid JSON"),
    "nbformat_3": Expect(True, FULL, "old notebook format 3, converted to format 4"),
    "nbformat_5": Expect(False, None, "notebook format version 5 is not supported"),
    "nbformat_garbage": Expect(False, None, "notebook format version 'banana' is not supported"),
    "infinite_loop": Expect(True, FULL, "per-cell time limit", "KeyboardInterrupt"),
    "uninterruptible_loop": Expect(True, FULL, "could not be stopped", "could not be interrupted"),
    "kernel_crash": Expect(True, FULL, "kernel died in this cell", "kernel died while running this cell"),
    # Skipped, and the rest graded in a fresh kernel: the trainee's answers after the bomb still earn their points.
    "memory_bomb": Expect(True, FULL, "cell 4: used more memory than the grading limit allows; it was skipped",
                          "more memory than the grading limit"),
    "huge_output": Expect(True, FULL, "far more output than the grader keeps", "truncated by the grader"),
    "scorer_monkeypatch": Expect(True, 0, "changes Python or the grader itself", "Question 1: 0 / 1"),
    "reads_keys": Expect(True, 0, "tried to read the instructor's files", "Output withheld"),
    "network": Expect(True, 0, "tried to use the network", "no network access during autograde"),
    "missing_notebook": Expect(False, None, "missing from the submission"),
    "extra_files_and_fake_package": Expect(True, 0, "extra files ignored by grading: ipt_training, notes.txt"),
    "empty_answers": Expect(True, 0, 'no answer given for "Q1. Who developed IPT?" (q1_test)', "Answer with"),
    "not_utf8": Expect(False, None, "not UTF-8"),
    "emoji_answers": Expect(True, FULL - 1 - 3,
                            'answers not in the expected form for "Q1. Who developed IPT?" (q1_test), '
                            '"Q8. The sick role" (q8_test)', "🙂"),
    "lone_surrogate": Expect(False, None, "invalid character"),
    "symlink_to_keys": Expect(False, None, "symbolic links (notes.txt); it was not graded"),
    "kernel_makes_links": Expect(True, 0, "left links in its folder (hard.txt, mine.txt, soft.txt); they were removed"),
    # issue 12: keys only from the instructor's course directory, feedback pages only, no raw disks, no hangs,
    # budgets, copied cells.
    "supplies_keys": Expect(True, 0, "extra files ignored by grading: nbgrader_config.py, source"),
    "writes_keys_at_run_time": Expect(True, 0,
                                      'no answer given for "Q2. Which are roots of IPT? Choose all that apply." '
                                      '(q2_test)',
                                      "Question 1: 0 / 1"),
    "reads_disk": Expect(True, FULL, "No such file or directory: '/dev/", "uid "),
    "fifo_at_run_time": Expect(True, FULL, "made named pipes or other special files (ipt_answers.json, notes.txt)"),
    "fifo_submitted": Expect(False, None, "ipt_answers.json is a named pipe (FIFO)); it was not graded"),
    "slow_cells": Expect(True, 0, f"used up its time budget of {NOTEBOOK_BUDGET} s and was stopped",
                         "time budget"),
    "huge_answers_file": Expect(True, FULL, "ipt_answers.json (the formulation builder's saved answers) is 60 MB, "
                                            "more than the 2 MB the grader reads; it was not used"),
    "disk_hog": Expect(True, FULL, "wrote 100.0 MB of files, more than the 50 MB a submission may store; they "
                                   "were deleted"),
    "duplicated_cells": Expect(True, FULL, "q1_answer, q2_test appear more than once (copied in JupyterLab?); "
                                           "the first copy was graded"),
    "extra_locked_grade_cell": Expect(True, FULL, "marked as instructor cells that are not in the assignment: "
                                                  "my_bonus; they ran as ordinary cells and were not graded"),
    # issue 12, attack F1: notebooks that used to end the serial batch (they sort before the good trainees).
    "damaged_nbgrader_string": Expect(False, None, "the notebook is damaged (the grading information of cell 3 "
                                                   "is not in the form Jupyter writes); it was not graded"),
    "damaged_grade_id_list": Expect(False, None, "the notebook is damaged (the grading information of cell 3"),
    "deeply_nested_json": Expect(False, None, "not a valid notebook (its JSON is nested far too deeply to read)"),
    # Attack F12: padded with empty cells (each costs the grading process time and memory): refused up front.
    "padded_with_cells": Expect(False, None, "has 5,025 cells, far more than the assignment has"),
    # Refused up front, as a link or a pipe is: more than the grader reads.
    "oversized_notebook": Expect(False, None, "ipt_foundations.ipynb is 21 MB, more than the 20 MB the grader "
                                              "reads; it was not graded"),
    # Attack F13: nbgrader flags changed in the notebook (one checkbox in JupyterLab): the assignment's are used.
    "test_marked_as_answer": Expect(True, FULL, "the grading settings of cell(s) q8_test were changed"),
    "answer_marked_graded": Expect(True, FULL, "the grading settings of cell(s) q6_answer were changed"),
    # A copy of q8's test placed first and marked as an answer: it is graded as the test, before q8 is answered.
    "test_copy_first_as_answer": Expect(True, FULL - 3, "the grading settings of cell(s) q8_test were changed",
                                        "is not defined"),
    # Attack F11: a notebook the kernel writes beside the graded one, with metadata that used to crash diagnosis.
    "kernel_writes_a_notebook": Expect(True, FULL, "its code wrote notebooks into its folder (zz_notes.ipynb); they "
                                                   "were removed, not graded or read by the grader"),
}
ISSUE_12 = ("supplies_keys", "writes_keys_at_run_time", "reads_disk", "fifo_at_run_time", "fifo_submitted",
            "slow_cells", "huge_answers_file", "disk_hog", "duplicated_cells", "extra_locked_grade_cell")
# Attack F1: damaged notebooks that stopped the serial batch; refused (or failed by nbgrader) on every path.
DAMAGED = ("damaged_nbgrader_string", "damaged_grade_id_list", "deeply_nested_json")
SERIAL = (*DAMAGED, "kernel_writes_a_notebook")  # F11: also ended the serial batch
FLAGS = ("test_marked_as_answer", "answer_marked_graded", "test_copy_first_as_answer")  # F13
NO_ROW = ("symlink_to_keys", "fifo_submitted", "damaged_nbgrader_string", "damaged_grade_id_list", "padded_with_cells",
          "oversized_notebook")


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _fake_key(course: Course) -> str:
    """The instructor's key for the assignment with the trainee's wrong answers marked correct."""
    import yaml

    key = yaml.safe_load((course.root / "source" / "keys" / "items" / f"{ASSIGNMENT}.yaml").read_text())
    for item in ("q1_origins", "q3_phases", "q4_sessions"):
        key[item]["correct"] = "a"
    return yaml.safe_dump(key)


def _block_device() -> str:
    import stat

    for name in sorted(os.listdir("/dev")):
        try:
            if stat.S_ISBLK(os.stat(f"/dev/{name}").st_mode):
                return f"/dev/{name}"
        except OSError:
            continue
    return "/dev/sda"


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
    fake_key = _fake_key(course)
    duplicated = nb(answers=sol)
    for grade_id in ("q1_answer", "q2_test"):
        index = next(i for i, c in enumerate(duplicated.cells) if c.metadata.get("nbgrader", {}).get("grade_id")
                     == grade_id)
        duplicated.cells.insert(index + 1, copy.deepcopy(duplicated.cells[index]))  # JupyterLab copy/paste
        duplicated.cells[index + 1].id = f"copy-{grade_id.replace('_', '-')}"
    extra = nb(answers=sol)
    bonus = nbformat.v4.new_code_cell("print('bonus')\n10")
    bonus.metadata["nbgrader"] = {"grade": True, "solution": False, "locked": True, "grade_id": "my_bonus",
                                  "points": 10, "schema_version": 3}
    extra.cells.append(bonus)
    metadata_string, id_list = json.loads(text(solved)), json.loads(text(solved))
    metadata_string["cells"][2]["metadata"]["nbgrader"] = "oops"
    id_list["cells"][2]["metadata"]["nbgrader"] = {"grade_id": ["q1_answer"], "solution": True, "grade": False,
                                                   "locked": False, "schema_version": 3}
    def flagged(grade_id: str, **flags: object) -> nbformat.NotebookNode:
        notebook = nb(answers=sol)
        next(c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id
             ).metadata["nbgrader"].update(flags)
        return notebook

    fake_first = nb(answers=sol)
    fake = copy.deepcopy(next(c for c in fake_first.cells
                              if c.metadata.get("nbgrader", {}).get("grade_id") == "q8_test"))
    fake.metadata["nbgrader"].update(locked=False, grade=False, solution=True)
    fake.source, fake.id = "pass", "fake-q8-test"
    fake_first.cells.insert(1, fake)
    padded = nb(answers=sol)
    padded.cells += [nbformat.v4.new_markdown_cell("") for _ in range(5_000)]
    oversized = nb(answers=sol)
    oversized.metadata["padding"] = "x" * 21 * 2**20  # a notebook with 21 MB of stored output, say
    deep = text(solved).rstrip()[:-1] + ', "deep": ' + "[" * 50_000 + "]" * 50_000 + "}"
    return {
        "damaged_nbgrader_string": {NOTEBOOK: json.dumps(metadata_string).encode()},
        "damaged_grade_id_list": {NOTEBOOK: json.dumps(id_list).encode()},
        "deeply_nested_json": {NOTEBOOK: deep.encode()},
        "padded_with_cells": {NOTEBOOK: padded},
        "oversized_notebook": {NOTEBOOK: oversized},
        "test_marked_as_answer": {NOTEBOOK: flagged("q8_test", solution=True)},
        "answer_marked_graded": {NOTEBOOK: flagged("q6_answer", grade=True, points=50)},
        "test_copy_first_as_answer": {NOTEBOOK: fake_first},
        "kernel_writes_a_notebook": {NOTEBOOK: nb(answers=sol, extra_cells_after={after_q1: [WRITE_NOTEBOOK]})},
        **{"good_full": {NOTEBOOK: solved}, "good_half": {NOTEBOOK: nb(answers={k: sol[k] for k in HALF})}},
        "supplies_keys": {NOTEBOOK: nb(answers=WRONG)},
        "writes_keys_at_run_time": {NOTEBOOK: nb(answers=WRONG, extra_cells_after={
            after_q1: [WRITE_KEYS.replace("{hex}", fake_key.encode().hex())]})},
        "reads_disk": {NOTEBOOK: nb(answers=sol, extra_cells_after={after_q1: [READ_DISK.format(
            block=_block_device())]})},
        "fifo_at_run_time": {NOTEBOOK: nb(answers=sol, extra_cells_after={after_q1: [MAKE_FIFO]})},
        "fifo_submitted": {NOTEBOOK: solved},
        "slow_cells": {NOTEBOOK: nb(answers=sol, extra_cells_after={after_q1: SLEEPS})},
        "huge_answers_file": {NOTEBOOK: solved},
        "disk_hog": {NOTEBOOK: nb(answers=sol, extra_cells_after={after_q1: [DISK_HOG]})},
        "duplicated_cells": {NOTEBOOK: duplicated},
        "extra_locked_grade_cell": {NOTEBOOK: extra},
        "answer_cell_deleted": {NOTEBOOK: nb(answers=sol, delete_cells=["q1_answer"])},
        "syntax_error": {NOTEBOOK: nb(answers={**sol, "q1_answer": "q1 = 'b"})},  # a closing quote forgotten
        "test_cell_deleted": {NOTEBOOK: nb(answers=sol, delete_cells=["q2_test"])},
        "test_cell_edited": {NOTEBOOK: nb(replace_cells={"q2_test": "2", "q3_test": "print('Question: 1 / 1')\n1"})},
        "invalid_json": {NOTEBOOK: b'{"cells": [{"cell_type": "code", "sou'},
        "nbformat_3": {NOTEBOOK: old.encode()},
        "nbformat_5": {NOTEBOOK: json.dumps(v5).encode()},
        "nbformat_garbage": {NOTEBOOK: json.dumps(garbage).encode()},
        "infinite_loop": {NOTEBOOK: nb(answers=sol, extra_cells_after={after_q1: [LOOP]})},
        "uninterruptible_loop": {NOTEBOOK: nb(answers=sol, extra_cells_after={after_q1: [STUBBORN_LOOP]})},
        "kernel_crash": {NOTEBOOK: nb(answers=sol, extra_cells_after={"q3_answer": ["import os\nos._exit(1)"]})},
        "memory_bomb": {NOTEBOOK: nb(answers=sol, extra_cells_after={after_q1: [MEMORY_BOMB]})},
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
    seconds: float


@pytest.fixture(scope="module")
def matrix(tmp_path_factory: pytest.TempPathFactory, repo: Path) -> Matrix:
    course = build_course(repo, tmp_path_factory.mktemp("malformed"))
    config = course.root / "nbgrader_config.py"
    config.write_text(config.read_text() + "\n# Test course: a short per-cell time limit and notebook budget.\n"
                      f"c.Execute.timeout = 10\nc.SandboxedExecute.notebook_time_limit = {NOTEBOOK_BUDGET}\n")
    course = Course(course.root)  # re-read the configuration
    for student, notebooks in _submissions(course).items():
        folder = submit(course.root, student, ASSIGNMENT, notebooks)
        if student == "extra_files_and_fake_package":
            for name, content in FAKE_PACKAGE.items():
                (folder / name).parent.mkdir(parents=True, exist_ok=True)
                (folder / name).write_text(content)
        if student == "symlink_to_keys":  # nbgrader would copy the key file itself into the kernel's folder
            (folder / "notes.txt").symlink_to(course.root / "source" / "keys" / "items" / f"{ASSIGNMENT}.yaml")
        if student == "supplies_keys":
            (folder / "nbgrader_config.py").write_text("")
            (folder / "source" / "keys" / "items").mkdir(parents=True)
            (folder / "source" / "keys" / "items" / f"{ASSIGNMENT}.yaml").write_text(_fake_key(course))
        if student == "fifo_submitted":
            os.mkfifo(folder / "ipt_answers.json")
        if student == "huge_answers_file":
            (folder / "ipt_answers.json").write_text('{"case_a": {"formulation": "' + "x" * 60 * 2**20 + '"}}')
    # Two worker processes keep this quick; the serial path gives the same results (test_parallel_autograde).
    results = {r.student: r for r in course.autograde(ASSIGNMENT, list(GOOD), jobs=2)}
    files = {f"{top}/{s}": digest for top in ("submitted", "autograded", "feedback") for s in GOOD
             for digest in [json.dumps(_digest(course.root / top / s))]}
    scores = {s: results[s].score for s in GOOD}
    started = time.monotonic()
    for result in course.autograde(ASSIGNMENT, list(CASES), jobs=2):
        results[result.student] = result
    return Matrix(course, results, files, scores, time.monotonic() - started)


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
            if student not in submissions:  # refused before nbgrader ran (links, pipes, damage): no row at all
                assert not result.ok and student in NO_ROW
                continue
            submission = submissions[student]
            assert 0 <= submission.score <= submission.max_score == FULL, student
            if result.ok:
                assert submission.score == result.score, student
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    assert grade.score is None or 0 <= grade.score <= grade.max_score, (student, grade.cell.name)


def test_every_submission_not_graded_is_in_the_review_queue(matrix: Matrix) -> None:
    """A submission refused (link, pipe, damaged or oversized notebook) or failed has no graded notebook: the
    report's review queue still lists it, with the reasons the grader stored in the course directory."""
    import csv

    from typer.testing import CliRunner

    from ipt_training.analytics.calibration import NOT_GRADED_ITEM
    from ipt_training.cli import app

    root = matrix.course.root
    reported = CliRunner().invoke(app, ["report", "--course", str(root)])
    assert reported.exit_code == 0, reported.output
    with (root / "report" / "review_queue.csv").open(newline="", encoding="utf-8") as handle:
        queued = {(row["student"], row["assignment"]): row["reasons"] for row in csv.DictReader(handle)
                  if row["item"] == NOT_GRADED_ITEM}
    failed = {student for student, result in matrix.results.items() if not result.ok}
    assert {*NO_ROW, *DAMAGED} <= failed
    assert set(queued) == {(student, ASSIGNMENT) for student in failed}, sorted(queued)
    for student in failed:
        reasons = queued[(student, ASSIGNMENT)]
        for problem in matrix.results[student].problems:
            assert problem.removeprefix("not graded: ") in reasons, (student, reasons)
        assert reasons.startswith("not graded: "), reasons
    assert CASES["symlink_to_keys"].problem in queued[("symlink_to_keys", ASSIGNMENT)]
    assert CASES["oversized_notebook"].problem in queued[("oversized_notebook", ASSIGNMENT)]

    with (root / "report" / "review_queue.csv").open(newline="", encoding="utf-8") as handle:
        answers = {(row["student"], row["item"]): row["reasons"] for row in csv.DictReader(handle)}
    for student in ("answer_cell_deleted", "syntax_error"):  # graded, 0 for q1, whose answer may be in the cell
        assert "answer not defined when graded (`q1`)" in answers[(student, "q1_test")]
    assert ("empty_answers", "q1_test") not in answers  # a clear 0


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
        if student in ("good_full", "answer_cell_deleted", "syntax_error", "test_cell_deleted", "nbformat_3",
                       "infinite_loop", "uninterruptible_loop", "kernel_crash", "memory_bomb", "huge_output",
                       "emoji_answers", "reads_disk", "fifo_at_run_time", "huge_answers_file", "disk_hog",
                       "duplicated_cells", "extra_locked_grade_cell", "slow_cells", "kernel_writes_a_notebook",
                       *FLAGS):
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
    assert "full marks" not in html and "Question 1: 0 / 1" in html


PAGES_ONLY = ["ipt_foundations.html", "timestamp.txt"]


def _feedback_files(root: Path, student: str) -> list[str]:
    folder = root / "feedback" / student / ASSIGNMENT
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_keys_come_only_from_the_instructors_course_directory(matrix: Matrix) -> None:
    root = matrix.course.root
    with matrix.course.gradebook() as gb:
        for student in ("supplies_keys", "writes_keys_at_run_time"):
            # The fake key marks q1, q3 and q4 = 'a' correct: with it these would score 3.
            assert gb.find_submission(ASSIGNMENT, student).score == 0, student
            problems = " | ".join(matrix.results[student].problems)
            assert "ignored by grading: stolen.txt" not in problems  # written at run time: not "ignored", unused
            html = matrix.results[student].feedback[0].read_text(encoding="utf-8")
            assert "Question 1: 0 / 1" in html and "Question 4: 0 / 1" in html, student
    # The files were there for the grader to find, and it did not use them.
    assert (root / "autograded" / "supplies_keys" / ASSIGNMENT / "source" / "keys" / "items").is_dir()
    assert (root / "autograded" / "writes_keys_at_run_time" / ASSIGNMENT / "nbgrader_config.py").is_file()


def test_feedback_holds_the_pages_and_nothing_a_notebook_created(matrix: Matrix) -> None:
    root = matrix.course.root
    for student in (*GOOD, *ISSUE_12):
        if matrix.results[student].ok:
            assert _feedback_files(root, student) == PAGES_ONLY, student
        else:
            assert _feedback_files(root, student) == [], student
    for student in ("supplies_keys", "writes_keys_at_run_time"):  # these did not type the solution
        assert find_leaks(root / "feedback" / student, root) == [], student
    assert not (root / "autograded" / "disk_hog" / ASSIGNMENT / "big.bin").exists()  # not stored at all


@pytest.mark.skipif(os.geteuid() != 0, reason="kernels move to uid 65534 in bubblewrap when grading runs as root")
def test_as_root_the_kernel_is_unprivileged_and_sees_no_disks(matrix: Matrix) -> None:
    graded = (matrix.course.root / "autograded" / "reads_disk" / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8")
    assert "uid 65534" in graded and "disks []" in graded


def test_no_submission_hangs_or_outruns_its_budgets(matrix: Matrix) -> None:
    # Without the notebook budget slow_cells alone would take 3 x 10 s of cells, and a pipe would hang for ever.
    assert matrix.seconds < 360, matrix.seconds
    graded = nbformat.read(matrix.course.root / "autograded" / "slow_cells" / ASSIGNMENT / NOTEBOOK, as_version=4)
    errors = [o for c in graded.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    assert any(o["ename"] == "NotebookTimeBudget" and o["evalue"].startswith("stopped") for o in errors)
    assert any(o["evalue"].startswith("not run: the notebook used up its time budget") for o in errors)
    assert not (matrix.course.root / "autograded" / "fifo_at_run_time" / ASSIGNMENT / "ipt_answers.json").exists()


# What plain `nbgrader autograde` says, up front, for a submission it does not copy or read (one line each).
REFUSED = {
    "fifo_submitted": "fifo_submitted/ipt_foundations: the submission contains files that are not ordinary files "
                      "(ipt_answers.json is a named pipe (FIFO)); it was not graded",
    "symlink_to_keys": "symlink_to_keys/ipt_foundations: the submission contains symbolic links (notes.txt); it was "
                       "not graded",
    "oversized_notebook": "oversized_notebook/ipt_foundations: ipt_foundations.ipynb is 21 MB, more than the 20 MB "
                          "the grader reads; it was not graded",
}


def test_plain_nbgrader_autograde_gives_the_same_outcome(matrix: Matrix, repo: Path, tmp_path: Path) -> None:
    """The same cases through ``nbgrader autograde`` and ``nbgrader generate_feedback`` (serial, no wrapper); a
    pipe, a link out of the folder and an oversized notebook are refused before nbgrader copies or reads them."""
    copy_root = tmp_path / "course"
    keep = {*GOOD, *ISSUE_12, *DAMAGED, *FLAGS, "symlink_to_keys"}
    shutil.copytree(matrix.course.root, copy_root, symlinks=True,  # symlink_to_keys's link stays a link
                    ignore=lambda folder, names: [n for n in names if n in ("autograded", "feedback") or (
                        Path(folder).name == "submitted" and n not in keep) or (n == "ipt_answers.json" and
                        Path(folder).parent.name == "fifo_submitted")])
    os.mkfifo(copy_root / "submitted" / "fifo_submitted" / ASSIGNMENT / "ipt_answers.json")
    big = copy_root / "submitted" / "oversized_notebook" / ASSIGNMENT
    big.mkdir(parents=True)
    notebook = nbformat.read(copy_root / "submitted" / "good_full" / ASSIGNMENT / NOTEBOOK, as_version=4)
    notebook.metadata["padding"] = "x" * 21 * 2**20  # a notebook with 21 MB of stored output, say
    nbformat.write(notebook, big / NOTEBOOK)
    env = {**os.environ, "PYTHONPATH": str(repo)}
    env.pop("IPT_GRADING_COURSE", None)
    started = time.monotonic()
    runs = [subprocess.run([sys.executable, "-m", "nbgrader", step, ASSIGNMENT, "--force"], cwd=copy_root, env=env,
                           capture_output=True, text=True, timeout=600, check=False)
            for step in ("autograde", "generate_feedback")]
    assert time.monotonic() - started < 400
    log = runs[0].stdout + runs[0].stderr
    assert runs[0].returncode == 1, log  # refused submissions fail, as nbgrader reports any failed submission
    for student, message in REFUSED.items():
        assert f"[AutogradeApp | ERROR] {message}" in log, (student, log[-3000:])
        assert not (copy_root / "autograded" / student).exists(), student  # nothing copied, nothing run
    graded = keep - set(REFUSED) - set(DAMAGED)
    with Course(copy_root).gradebook() as gb:
        for student in graded:
            expected = matrix.results[student].score
            assert gb.find_submission(ASSIGNMENT, student).score == expected, student
        submitted = {s.student.id for s in gb.find_assignment(ASSIGNMENT).submissions}
        assert not submitted & set(REFUSED), submitted  # refused before nbgrader made a gradebook row
        for student in DAMAGED:  # nbgrader fails each of them and goes on: no score, no feedback
            with contextlib.suppress(MissingEntry):
                assert gb.find_submission(ASSIGNMENT, student).score == 0, student
    for student in graded:
        assert _feedback_files(copy_root, student) == PAGES_ONLY, student
    for student in DAMAGED:
        assert _feedback_files(copy_root, student) == [], student
    for student in ("supplies_keys", "writes_keys_at_run_time"):
        assert find_leaks(copy_root / "feedback" / student, copy_root) == [], student


def test_cli_grades_the_whole_matrix_in_parallel_and_exits_nonzero(matrix: Matrix, repo: Path,
                                                                  tmp_path: Path) -> None:
    copy_root = tmp_path / "course"
    shutil.copytree(matrix.course.root, copy_root, symlinks=True,  # keep symlink_to_keys's link a link
                    ignore=lambda folder, names: [n for n in names if n in ("autograded", "feedback") or (
                        n == "ipt_answers.json" and Path(folder).parent.name == "fifo_submitted")])
    os.mkfifo(copy_root / "submitted" / "fifo_submitted" / ASSIGNMENT / "ipt_answers.json")
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


def test_serial_cli_batch_goes_on_after_damaged_notebooks(matrix: Matrix, repo: Path, tmp_path: Path) -> None:
    """Attacks F1, F11: ``ipt-course autograde`` without ``--jobs`` grades everyone after a damaged notebook."""
    copy_root = tmp_path / "course"
    keep = {*GOOD, *SERIAL}
    shutil.copytree(matrix.course.root, copy_root, symlinks=True,
                    ignore=lambda folder, names: [n for n in names if n in ("autograded", "feedback") or (
                        Path(folder).name == "submitted" and n not in keep)])
    env = {**os.environ, "PYTHONPATH": str(repo), "COLUMNS": "220"}
    run = subprocess.run([sys.executable, "-m", "ipt_training.cli", "autograde", ASSIGNMENT, "--course",
                          str(copy_root)], capture_output=True, text=True, env=env, timeout=600)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stdout + run.stderr and "error:" not in run.stderr
    for case in SERIAL:
        assert f"{case}/{ASSIGNMENT}: " in run.stdout and CASES[case].problem in run.stdout, case
    assert "object has no attribute" not in run.stdout and "unhashable" not in run.stdout
    with Course(copy_root).gradebook() as gb:
        for student in GOOD:
            assert gb.find_submission(ASSIGNMENT, student).score == matrix.results[student].score, student
    for student in GOOD:
        assert _feedback_files(copy_root, student) == PAGES_ONLY, student


def test_a_grader_crash_is_one_submissions_plain_failure(matrix: Matrix, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever breaks while grading one submission, the serial batch goes on and the message is plain."""
    course = Course(matrix.course.root)

    def broken(*args: object, **kwargs: object) -> list[str]:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("ipt_training.grading.trusted.diagnose.diagnose_submission", broken)
    results = course.autograde(ASSIGNMENT, ["damaged_nbgrader_string", "deeply_nested_json"])
    assert [r.ok for r in results] == [False, False]
    for result in results:
        assert result.problems[0].startswith("not graded: grading stopped on this submission")
        assert "RecursionError" not in result.problems[0]
