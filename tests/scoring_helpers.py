"""The scorer tests' one way to score a trainee's text against a case (a library case or one a test builds)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

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
