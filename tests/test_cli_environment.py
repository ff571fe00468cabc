"""``ipt-course`` started by path from an environment that is not activated, and failures in plain words.

nbgrader's gradebook runs the ``alembic`` program when it creates a database; a venv's ``ipt-course`` called
by path (pipx, cron, a kernel spec) has no ``bin/`` of its own on PATH. These tests run the installed console
script by absolute path with a PATH that lacks every Python environment.
"""

from __future__ import annotations

import shutil
import subprocess
import sysconfig
from pathlib import Path

import pytest

from ipt_training.failures import cause_from_log, failure_message

BARE_PATH = "/usr/bin:/bin"  # no virtualenv or pyenv bin folders
NBGRADER_LOG = """[INFO] Updating/creating assignment 'ipt_foundations': {}
[ERROR] There was an error processing assignment: /tmp/c/source/./ipt_foundations
[ERROR] Traceback (most recent call last):
      File "/x/nbgrader/api.py", line 37, in get_alembic_version
        output = sp.check_output(['alembic', '-c', alembic_ini, 'heads'])
    FileNotFoundError: [Errno 2] No such file or directory: 'alembic'

[ERROR] There was an error processing assignment 'ipt_foundations' for student '.'
[ERROR] Please see the the above traceback for details on the specific errors on the above failures.
nbgrader.converters.base.NbGraderException: Please see the the above traceback for details on the specific errors.
"""


def _script() -> Path:
    script = Path(sysconfig.get_path("scripts")) / "ipt-course"
    assert script.is_file(), f"{script} missing: install the package first (pip install -e .)"
    return script


def _course(repo: Path, root: Path) -> Path:
    root.mkdir(parents=True)
    shutil.copy2(repo / "nbgrader_config.py", root / "nbgrader_config.py")
    for folder in ("keys", "ipt_foundations"):
        shutil.copytree(repo / "source" / folder, root / "source" / folder)
    return root


def _bare_env(home: Path) -> dict[str, str]:
    assert shutil.which("alembic", path=BARE_PATH) is None, "this test needs a PATH without alembic"
    return {"PATH": BARE_PATH, "HOME": str(home), "LANG": "C.UTF-8"}


@pytest.mark.slow
def test_release_by_path_without_the_environment_on_path(repo: Path, tmp_path: Path) -> None:
    course = _course(repo, tmp_path / "course")
    result = subprocess.run([str(_script()), "release", "ipt_foundations", "--course", str(course)],
                            capture_output=True, text=True, env=_bare_env(tmp_path), cwd=course, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (course / "release" / "ipt_foundations" / "ipt_foundations.ipynb").is_file()
    assert (course / "gradebook.db").is_file()
    assert "Traceback" not in result.stderr and "Warning" not in result.stderr, result.stderr


@pytest.mark.slow
def test_a_failed_release_names_its_real_cause(repo: Path, tmp_path: Path) -> None:
    """nbgrader reports a broken source notebook as "NbGraderException: Please see the above traceback"; the
    CLI says what is wrong with the notebook instead."""
    course = _course(repo, tmp_path / "course")
    (course / "source" / "broken").mkdir()
    (course / "source" / "broken" / "broken.ipynb").write_text("{this is not a notebook")
    result = subprocess.run([str(_script()), "release", "broken", "--course", str(course)], capture_output=True,
                            text=True, env=_bare_env(tmp_path), timeout=300)
    assert result.returncode == 1
    assert "broken: release failed: Notebook does not appear to be JSON" in result.stderr, result.stderr
    assert "Please see" not in result.stderr and "NbGraderException" not in result.stderr


def test_cause_from_an_nbgrader_log_is_the_inner_error() -> None:
    assert cause_from_log(NBGRADER_LOG).startswith("the program 'alembic' was not found")
    assert cause_from_log("[ERROR] Please see the above traceback") is None
    assert cause_from_log("    ValueError: No template sub-directory with name 'classic' found") == \
        "No template sub-directory with name 'classic' found"


def test_failure_message_unwraps_chained_errors() -> None:
    from nbgrader.converters.base import NbGraderException

    try:
        try:
            raise FileNotFoundError(2, "No such file or directory", "alembic")
        except OSError as inner:
            raise NbGraderException("Please see the above traceback") from inner
    except NbGraderException as exc:
        assert failure_message(exc).startswith("the program 'alembic' was not found")


def test_unexpected_failures_are_one_plain_line(tmp_path: Path) -> None:
    course = tmp_path / "course"
    (course / "source" / "ipt_foundations").mkdir(parents=True)
    (course / "nbgrader_config.py").write_text("c = get_config()\n")
    (course / "gradebook.db").write_text("this is not a database")
    result = subprocess.run([str(_script()), "report", "--course", str(course), "--out", str(tmp_path / "out")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "error: file is not a database (set IPT_DEBUG=1 to see the traceback)"]
