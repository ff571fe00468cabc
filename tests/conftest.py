"""Shared fixtures: the repository root and the case library."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True, scope="session")
def _practice_record_in_a_temp_folder(tmp_path_factory: pytest.TempPathFactory):
    """Widgets record practice attempts; tests must not write to the developer's own practice record."""
    import os

    os.environ["IPT_PRACTICE_DB"] = str(tmp_path_factory.mktemp("practice") / "practice.sqlite")
    yield


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def library():
    from ipt_training.cases.library import CaseLibrary

    return CaseLibrary.load(keys_dir=REPO / "source" / "keys")
