"""Score a helper's own invented answers (to development-set cases) against their marks, as scorer_agreement does.

Each answer names its case by ``case_set`` (a folder of benchmarks/data) and ``case_id``. Used by the run.py of
tests/data/ev11 and tests/data/prose10: ``python tests/data/ev11/run.py [answers.yaml] [-v]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from scorer_agreement import CRITERIA, expert_points, report_set, score_all  # noqa: E402

from ipt_training.cases.loader import load_case_file  # noqa: E402


def load(path: Path) -> tuple[list[dict], dict]:
    """The answers of ``path`` with case ids made unique per benchmark folder, and those cases."""
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = {}
    for item in items:
        key = f"{item['case_set']}/{item['case_id']}"
        if key not in cases:
            folder = ROOT / "benchmarks" / "data" / item["case_set"] / "cases"
            cases[key] = load_case_file(folder / f"{item['case_id']}.yaml")
        item["case_id"] = key
    return items, cases


def main(default: Path, *, show_cited: bool = False) -> None:
    """Score the file named on the command line (else ``default``); ``-v`` lists every answer."""
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    path = Path(args[0]) if args else default
    items, cases = load(path)
    scored = score_all(items, cases)
    report_set(path.name, scored, verbose=False, by_kind=True)
    if "-v" in sys.argv:
        for s in scored:
            exp = s.item["expert"]
            area = s.report.detected_primary.value if s.report.detected_primary else None
            print(f"  {s.item['id']} {s.item['case_id'].split('/')[1]} {s.item['kind']:<18} expert {exp['total']:>4g} "
                  f"auto {s.report.total:>4g} ({area}) "
                  + " ".join(f"{c[:4]}={s.report.criterion(c).points:g}/{expert_points(exp, c):g}" for c in CRITERIA)
                  + (f" cited={list(s.report.evidence_cited)}" if show_cited else ""))
