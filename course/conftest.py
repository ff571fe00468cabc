"""Lesson notebooks run under nbval: keep their practice record out of the developer's own Jupyter folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def pytest_configure(config: object) -> None:
    folder = Path(tempfile.mkdtemp(prefix="ipt-practice-"))
    os.environ.setdefault("IPT_PRACTICE_DB", str(folder / "practice.sqlite"))
