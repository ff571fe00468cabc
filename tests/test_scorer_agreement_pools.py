"""The pools of ``benchmarks/scorer_agreement.py --pooled``: every split set in exactly one pool, nothing else."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from scorer_agreement import DATA, FOLDER_SETS, POOLS, SPLIT_SETS


def test_every_split_set_is_in_exactly_one_pool() -> None:
    pooled = [folder for _, folders in POOLS for folder in folders]
    assert len(pooled) == len(set(pooled))
    assert set(pooled) == SPLIT_SETS


def test_the_pools_name_only_sets_that_exist() -> None:
    known = {folder for _, folder in FOLDER_SETS}
    for _, folders in POOLS:
        assert folders <= known
        assert all((DATA / folder).is_dir() for folder in folders)


def test_the_sets_before_round_11_are_not_pooled_with_later_ones() -> None:
    early, late = (folders for _, folders in POOLS)
    assert "formulation_dev_n" in early and "formulation_dev_o" in late and "formulation_dev_x" in late
    assert not early & late
