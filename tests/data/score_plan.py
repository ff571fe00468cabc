"""Score a helper's invented answers for goals and strategies (library cases) against their marks.

Prints each answer's goal and strategy points against its marks, and any concept of ``must`` not credited or of
``must_not`` credited (ids written ``goal:grief.mourn``, ``strategy:general.role_play``). Used by the run.py of
tests/data/plan11 and tests/data/plan12: ``python tests/data/plan12/run.py [batch1.yaml] [-v]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from ipt_training.cases.library import CaseLibrary
from ipt_training.scoring import formulation
from ipt_training.scoring.report import FormulationAnswer


def main(default: Path) -> None:
    """Score the file named on the command line (else ``default``); ``-v`` prints the feedback too."""
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    path = Path(args[0]) if args else default
    library = CaseLibrary.load()
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    totals = {"goals": [0.0, 0.0], "strategies": [0.0, 0.0]}
    credited: list[set[str]] = []
    read = formulation.read_concepts

    def spy(*a: object, **kw: object) -> object:
        found = read(*a, **kw)  # type: ignore[arg-type]
        credited.append({f"goal:{c}" for c in found.goals} | {f"strategy:{c}" for c in found.strategies})
        return found

    formulation.read_concepts = spy  # type: ignore[assignment]
    misses = 0
    for item in items:
        case = library.get(item["case_id"])
        credited.clear()
        report = formulation.score_formulation(FormulationAnswer(text=item["text"]), case.reference, case=case)
        got = credited[-1] if credited else set()
        row = []
        for name in totals:
            auto, expert = report.criterion(name).points, float(item["expert"][name])
            totals[name][0] += auto - expert
            totals[name][1] += abs(auto - expert)
            row.append(f"{name[:5]} {auto:g}/{expert:g}")
        missing = sorted(set(item.get("must", [])) - got)
        wrong = sorted(set(item.get("must_not", [])) & got)
        misses += bool(missing or wrong)
        row += [f"missing {missing}"] * bool(missing) + [f"WRONG {wrong}"] * bool(wrong)
        print(f"{item['id']} {item['case_id']} {item['kind']:<17} " + "  ".join(row))
        if "-v" in sys.argv:
            for name in totals:
                print("    " + report.criterion(name).feedback)
    n = len(items)
    print(" ".join(f"{k}: bias {b / n:+.2f} MAE {m / n:.2f}" for k, (b, m) in totals.items())
          + f"; answers with a concept missing or wrong: {misses}/{n}")

