"""Score a batch of a feedback reviewer's invented answers (library cases, key hidden from the feedback) against the
reviewer's marks, and check the sentences each answer's feedback must and must not contain.

Each item: ``id``, ``case``, ``text``, ``mark`` and optional ``kind``, ``must`` and ``must_not`` (lists of
sentences). Used by tests/data/fb13/run_invented.py and tests/data/run_feedback_batch.py (fb14's and fb15's batches).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path

import yaml

from ipt_training.cases.model import Case
from ipt_training.scoring.formulation import FormulationReport

#: The evidence criterion's own breakdown of its points ("The 2.5 points here are 1.5 for the evidence cited, ...").
PARTS = re.compile(r"The ([\d.]+) points? here (?:is|are) ([\d.]+) for the evidence cited, ([\d.]+) for the "
                   r"timeline link(?: and ([\d.]+) for the dispute stage)?")


def sentence_failures(item: dict, report: FormulationReport) -> tuple[int, list[str]]:
    """How many sentence checks ``item`` asks for, and those that fail (a stated breakdown of the evidence points
    that does not add up to them fails too)."""
    text = " ".join(c.feedback for c in report.criteria)
    failed = [f"{item['id']}: missing '{s}'" for s in item.get("must", []) if s not in text]
    failed += [f"{item['id']}: has '{s}'" for s in item.get("must_not", []) if s in text]
    evidence = report.criterion("evidence_timeline")
    parts = PARTS.search(evidence.feedback)
    if parts and float(parts.group(1)) != evidence.points:
        failed.append(f"{item['id']}: parts say {parts.group(1)}, points {evidence.points}")
    return len(item.get("must", [])) + len(item.get("must_not", [])), failed


def run(path: Path, cases: Mapping[str, Case], score: Callable[[str, Case], FormulationReport]) -> None:
    """Print each answer's total against its mark, the batch's MAE and bias, and every failed sentence check."""
    errors: list[float] = []
    checks, failed = 0, []
    for item in yaml.safe_load(path.read_text(encoding="utf-8")):
        case = cases[item["case"]]
        report = score(item["text"], case)
        errors.append(report.total - item["mark"])
        asked, failures = sentence_failures(item, report)
        checks += asked
        failed += failures
        print(f"{item['id']:4} {item['case']:8} {item.get('kind', ''):22} auto {report.total:4} mark {item['mark']:4} "
              f"evidence {report.criterion('evidence_timeline').points}")
    print(f"MAE {sum(abs(e) for e in errors) / len(errors):.2f}, bias {sum(errors) / len(errors):+.2f}, "
          f"sentence checks {checks - len(failed)}/{checks}")
    for failure in failed:
        print("  FAIL", failure)
