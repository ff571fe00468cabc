"""The opt-in compiled build (``IPT_COMPILE=1 pip wheel .``, docs/deployment.md) scores exactly as pure Python.

The test builds the wheel from a clean copy of the package in a temp folder (so no compiled file is ever left in the
tree), installs it into another temp folder, and compares every development report of the two builds line by line
(tests/scorer_snapshot.py). Building takes minutes, so the test is deselected unless pytest runs with
``--compiled-build``: .ci/run runs it once, after the suite. When the build cannot run it fails; it never skips.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest

from ipt_training.grading.trusted.leaks import wheel_leaks

pytestmark = pytest.mark.compiled_build

#: What a wheel is built from (the files pip reads: pyproject.toml, setup.py, MANIFEST.in, the backend, the package).
BUILD_FILES = ("pyproject.toml", "README.md", "setup.py", "MANIFEST.in")


def _can_build_without_fetching() -> bool:
    """The build requirements are installed here (the test extra has them), so pip need not fetch any."""
    try:
        return all(int(version(name).split(".")[0]) >= major for name, major in (("setuptools", 68), ("mypy", 2)))
    except (PackageNotFoundError, ValueError):
        return False


def _build_compiled_wheel(repo: Path, tmp_path: Path) -> Path:
    source = tmp_path / "src"
    source.mkdir()
    for name in BUILD_FILES:
        shutil.copy2(repo / name, source / name)
    for folder in ("build_backend", "ipt_training"):
        shutil.copytree(repo / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.so"))
    out = tmp_path / "wheel"
    command = [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-q", "-w", str(out)]
    isolation = ["--no-build-isolation"] if _can_build_without_fetching() else []
    started = time.monotonic()
    run = subprocess.run([*command, *isolation], capture_output=True, text=True, timeout=3600,
                         env={**os.environ, "IPT_COMPILE": "1"})
    assert run.returncode == 0, run.stdout[-5000:] + run.stderr[-5000:]
    print(f"compiled wheel built in {time.monotonic() - started:.0f} s")
    wheels = list(out.glob("ipt_course-*.whl"))
    assert len(wheels) == 1 and not wheels[0].name.endswith("-none-any.whl"), wheels  # a platform wheel
    return wheels[0]


def _snapshots(repo: Path, paths: list[str], cwd: Path) -> list[list[str]]:
    """tests/scorer_snapshot.py's lines with each of ``paths`` first on PYTHONPATH, run side by side."""
    runs = []
    for path in paths:
        # the instructor keys too, so the assessment cases' model letters are scored (the run is outside the repo)
        env = {**os.environ, "PYTHONPATH": path, "PYTHONHASHSEED": "0",
               "IPT_COURSE_KEYS": str(repo / "source" / "keys")}
        env.pop("IPT_COMPILE", None)
        runs.append(subprocess.Popen([sys.executable, str(repo / "tests" / "scorer_snapshot.py"), str(repo)], cwd=cwd,
                                     env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    outputs = []
    for run in runs:
        out, err = run.communicate(timeout=1800)
        assert run.returncode == 0, err[-5000:]
        outputs.append(out.splitlines())
    return outputs


def test_the_compiled_build_scores_exactly_as_the_pure_one(repo: Path, tmp_path: Path) -> None:
    wheel = _build_compiled_wheel(repo, tmp_path)
    assert wheel_leaks(wheel, repo) == []  # the compiled wheel holds the same files as the pure one, and no key
    site = tmp_path / "site"
    run = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    pure, compiled = _snapshots(repo, [str(repo), str(site)], tmp_path)
    assert pure[0] == f"scorer: pure Python from {repo / 'ipt_training'}", pure[0]
    assert compiled[0].startswith("scorer: compiled (mypyc, ") and compiled[0].endswith(str(site / "ipt_training"))
    assert len(pure) == len(compiled) > 12000  # every development answer and model letter, 4 reports each
    differ = [json.loads(p)["k"] for p, c in zip(pure[1:], compiled[1:], strict=True) if p != c]
    assert differ == [], f"{len(differ)} of {len(pure) - 1} reports differ, e.g. {differ[:5]}"
