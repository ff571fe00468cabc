"""Score plan11's invented answers for goals and strategies: python tests/data/plan11/run.py [batch1.yaml] [-v]."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from ipt_training.cases.library import CaseLibrary
from ipt_training.scoring.formulation import score_formulation
from ipt_training.scoring.report import FormulationAnswer


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    path = Path(args[0]) if args else Path(__file__).with_name("batch1.yaml")
    library = CaseLibrary.load()
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    totals = {"goals": [0.0, 0.0], "strategies": [0.0, 0.0]}
    for item in items:
        case = library.get(item["case_id"])
        answer = FormulationAnswer(text=item["text"])
        report = score_formulation(answer, case.reference, case=case)
        row = []
        for name in totals:
            auto, expert = report.criterion(name).points, float(item["expert"][name])
            totals[name][0] += auto - expert
            totals[name][1] += abs(auto - expert)
            row.append(f"{name[:5]} {auto:g}/{expert:g}")
        found = {c.partition(":")[2] for c in item.get("must_not", [])}
        if found and any(c.split(".")[0] for c in found):
            row.append(f"must_not {sorted(found)}")
        print(f"{item['id']} {item['case_id']} {item['kind']:<15} " + "  ".join(row))
        if "-v" in sys.argv:
            for name in totals:
                print("    " + report.criterion(name).feedback)
    n = len(items)
    print(" ".join(f"{k}: bias {b / n:+.2f} MAE {m / n:.2f}" for k, (b, m) in totals.items()))


if __name__ == "__main__":
    main()
