"""The scorer tests' one way to score a trainee's text against a case (a library case or one a test builds)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from ipt_training.cases.loader import load_case_file
from ipt_training.cases.model import Case
from ipt_training.domain import ProblemArea
from ipt_training.scoring.formulation import score_formulation
from ipt_training.scoring.report import FormulationAnswer, FormulationReport


def score(case: Any, text: str, area: ProblemArea | None = None, **options: Any) -> FormulationReport:
    """Score ``text`` (with ``area`` chosen in the field, if given) against ``case`` as a graded assignment does."""
    answer: str | FormulationAnswer = text if area is None else FormulationAnswer(text=text, primary_area=area)
    return score_formulation(answer, case.reference, case=case, **options)


def points(report: FormulationReport, criterion: str) -> float:
    """The points ``report`` gave for ``criterion`` (e.g. ``"evidence_timeline"``)."""
    return report.criterion(criterion).points


def feedback(report: FormulationReport, criterion: str) -> str:
    """The feedback sentence(s) ``report`` gave for ``criterion``."""
    return report.criterion(criterion).feedback


#: The benchmark's data: the development sets are its ``formulation_dev_*`` folders.
BENCHMARK_DATA = Path(__file__).resolve().parents[1] / "benchmarks" / "data"


@cache
def benchmark_case(folder: str, case_id: str) -> Case:
    """A case of a benchmark development set (``folder`` such as ``"formulation_dev_q"``), loaded once per test run."""
    return load_case_file(BENCHMARK_DATA / folder / "cases" / f"{case_id}.yaml")


def marked_items(name: str) -> list[dict]:
    """The marked answers of ``tests/data/<name>/batch*.yaml``, in file order."""
    folder = Path(__file__).resolve().parent / "data" / name
    return [item for path in sorted(folder.glob("batch*.yaml")) for item in yaml.safe_load(path.read_text("utf-8"))]


def area_read(item: dict) -> tuple[str, float]:
    """The area a marked answer (``case``: ``"<benchmark folder>/<case id>"``, ``text``) is read as committing to
    (``"none"`` for no commitment or stuffing, as the benchmark counts it) and its ``problem_area`` points."""
    folder, case_id = item["case"].split("/")
    case = benchmark_case(folder, case_id)
    report = score_formulation(FormulationAnswer(text=item["text"]), case.reference, case=case)
    area = "none" if report.detected_primary is None or "keyword_stuffing" in report.flags else (
        report.detected_primary.value)
    return area, report.criterion("problem_area").points


def marked_params(items: list[dict]) -> list[Any]:
    """``items`` as pytest parameters by id; an item with a ``known_miss`` is a strict xfail giving that reason."""
    return [pytest.param(item, id=item["id"], marks=[pytest.mark.xfail(reason=item["known_miss"], strict=True)]
                         if "known_miss" in item else []) for item in items]


#: The evidence feedback's words for a full and for a half onset-link point.
LINK_FULL = "You tied the onset of the episode"
LINK_HALF = "for the full point"


def link_credit(feedback: str) -> str:
    """``"full"``, ``"half"`` or ``"none"``: the onset-link credit an evidence feedback sentence reports."""
    return "full" if LINK_FULL in feedback else "half" if LINK_HALF in feedback else "none"


def check_read_as_marked(library: Any, item: dict) -> None:
    """A red-team batch item (``case_id``, ``text``, ``area`` points, optional ``link`` and evidence range) is scored
    as its marks say."""
    report = score(library.get(item["case_id"]), item["text"])
    evidence = report.criterion("evidence_timeline")
    assert points(report, "problem_area") == item["area"]
    if "link" in item:
        assert link_credit(evidence.feedback) == item["link"]
    assert item.get("evidence_min", 0.0) <= evidence.points <= item.get("evidence_max", 3.0)
