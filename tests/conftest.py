"""Shared fixtures: the repository root and the case library."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def library():
    from ipt_training.cases.library import CaseLibrary

    return CaseLibrary.load(keys_dir=REPO / "source" / "keys")
