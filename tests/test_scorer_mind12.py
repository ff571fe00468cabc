"""Answers that change their mind (round 12, mind12): the final choice after an explicit change of mind decides
the area, and the earlier view ("At first I read this as a dispute", "First thought: transition", "I first wrote
impasse", "I started with grief") is a view given up, not a second focus or a contradiction.

The answers in ``tests/data/mind12/`` are invented (none comes from a benchmark set) over library cases, each with
the area an examiner would read, the range a careful IPT examiner's total would fall in and that examiner's mark.
They hold answers that must gain (a right final choice after a given-up view, a stage named as the final choice)
and answers that must not (a wrong final choice after a right first view, stuffing that names every area as "first
thoughts").
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ipt_training.cases.library import CaseLibrary
from ipt_training.scoring.formulation import score_formulation

_ROOT = Path(__file__).resolve().parents[1]
_DATA = _ROOT / "tests" / "data" / "mind12"
_ITEMS = [item for path in sorted(_DATA.glob("batch*.yaml")) for item in yaml.safe_load(path.read_text("utf-8"))]


@pytest.fixture(scope="module")
def library() -> CaseLibrary:
    return CaseLibrary.load(keys_dir=_ROOT / "source" / "keys")


@pytest.mark.parametrize("item", _ITEMS, ids=[f"{i['case']}-{n}" for n, i in enumerate(_ITEMS)])
def test_change_of_mind(library: CaseLibrary, item: dict) -> None:
    case = library.get(item["case"])
    report = score_formulation(item["text"], case.reference, case=case, reveal=True)
    area = None if report.detected_primary is None or "keyword_stuffing" in report.flags else (
        report.detected_primary.value)
    if item["area"] == case.reference.primary_area.value:
        assert area == item["area"], report.flags
    assert item["low"] <= report.total <= item["high"], (report.total, area, report.flags)
