"""The course's ``nbgrader_config.py`` fails closed: plain nbgrader in a Python without ``ipt_training`` grades nothing.

traitlets skips a config file that raises and nbgrader then grades with its stock pipeline (no sandbox, no
trusted scores, no key redaction). The course config stops nbgrader instead. These tests run the real nbgrader
(``python -m nbgrader``) in a subprocess in which ``ipt_training`` cannot be imported, on a released course with a
trainee notebook that prints the answer key.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell

from ipt_training.grading.trusted.leaks import key_text_in
from ipt_training.grading.workflow.course import Course
from ipt_training.grading.workflow.simulate import submit

pytestmark = pytest.mark.slow

ASSIGNMENT = "ipt_foundations"
# Runs nbgrader's own entry point with ipt_training made unimportable (as in a Python where it is not installed).
WITHOUT_PACKAGE = ("import sys; sys.modules['ipt_training'] = None; sys.argv[0] = 'nbgrader'; "
                   "from nbgrader.apps.nbgraderapp import main; main()")
READS_KEY = "print(open('../../../source/keys/items/ipt_foundations.yaml').read())"


@pytest.fixture(scope="module")
def course(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fail_closed") / "course"
    root.mkdir()
    shutil.copy2(repo / "nbgrader_config.py", root / "nbgrader_config.py")
    for folder in ("keys", ASSIGNMENT):
        shutil.copytree(repo / "source" / folder, root / "source" / folder)
    assert Course(root).release([ASSIGNMENT]) == {}
    notebook = nbformat.read(root / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    notebook.cells.insert(1, new_code_cell(READS_KEY))
    submit(root, "nina", ASSIGNMENT, {f"{ASSIGNMENT}.ipynb": notebook})
    return root


def _nbgrader(course: Path, *args: str, python_code: str = WITHOUT_PACKAGE) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", python_code, *args], cwd=course, capture_output=True, text=True,
                          timeout=300)


def _grades(course: Path) -> int:
    database = course / "gradebook.db"
    with sqlite3.connect(database) as db:
        return db.execute("select count(*) from grade where auto_score is not null").fetchone()[0]


def _key_text_outside_source(course: Path) -> list[str]:
    found = []
    for path in course.rglob("*"):
        if path.is_file() and "source" not in path.relative_to(course).parts and path.suffix != ".db":
            hits = key_text_in(path.read_text(encoding="utf-8", errors="replace"), course)
            found += [f"{path.relative_to(course)}: {hit}" for hit in hits]
    return found


def test_the_hostile_notebook_would_print_the_key(course: Path) -> None:
    """The test's premise: the trainee's cell reads the key from the autograded folder if nbgrader runs it."""
    folder = course / "autograded" / "nina" / ASSIGNMENT
    folder.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([sys.executable, "-c", READS_KEY], cwd=folder, capture_output=True, text=True)
    shutil.rmtree(course / "autograded")
    assert key_text_in(result.stdout, course), result.stderr


def test_without_the_package_nbgrader_refuses_to_grade(course: Path) -> None:
    grades_before = _grades(course)
    for command in (["autograde", ASSIGNMENT, "--student", "nina", "--force"],
                    ["generate_feedback", ASSIGNMENT, "--student", "nina", "--force"]):
        result = _nbgrader(course, *command)
        assert result.returncode != 0, result.stderr
        message = result.stderr.strip().splitlines()[-1]
        assert message.startswith("nbgrader will not run in this course: its grading safeguards could not be "
                                  "loaded"), result.stderr
        assert "python -m nbgrader" in message and "Traceback" not in result.stderr, result.stderr
    assert _grades(course) == grades_before == 0
    assert not (course / "autograded").exists() and not (course / "feedback").exists()
    assert _key_text_outside_source(course) == []


def test_a_config_file_that_raises_would_be_skipped_by_nbgrader(course: Path, tmp_path: Path) -> None:
    """Why the config stops nbgrader itself: an exception in a config file only logs an error and nbgrader goes on
    with its stock settings (here: `nbgrader --version`-like listing still exits 0)."""
    probe = tmp_path / "probe"
    probe.mkdir()
    (probe / "nbgrader_config.py").write_text("import ipt_training_missing_module\n")
    result = subprocess.run([sys.executable, "-m", "nbgrader", "db", "student", "list"], cwd=probe,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and "Exception while loading config file" in result.stderr, result.stderr
