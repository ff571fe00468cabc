"""The scorer's type annotations say what its code passes: mypy finds no error in ipt_training/scoring and text.

A wrong annotation misleads the next reader of the scorer, and stops it compiling with mypyc (round 8 of issue 11
measured a compiled scorer at 1.44x; see the README). The packages checked are set in pyproject.toml ``[tool.mypy]``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_the_scorer_type_checks(repo: Path, tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache")],
                            cwd=repo, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues found" in result.stdout, result.stdout


def test_the_type_check_finds_a_wrong_annotation(repo: Path, tmp_path: Path) -> None:
    """The check can fail: a function that returns ``None`` where it says ``bool`` is an error."""
    wrong = tmp_path / "wrong.py"
    wrong.write_text("def decided(x: int) -> bool:\n    return None if x else True\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache"), str(wrong)],
                            cwd=repo, capture_output=True, text=True, timeout=600)
    assert result.returncode == 1 and "Incompatible return value type" in result.stdout, result.stdout
