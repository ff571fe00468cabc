"""Print a feedback reviewer's invented answers (library cases) with the full feedback of both rubrics, the key
hidden as on graded work, and the batch's MAE against the reviewer's marks.
Usage: PYTHONPATH=<tree> python tests/data/show_feedback.py tests/data/fb15/batch_a.yaml [ID ...]"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from ipt_training.cases.library import CaseLibrary
from ipt_training.scoring.formulation import score_formulation


def main(path: Path, only: list[str]) -> None:
    library = CaseLibrary.load()
    errors = []
    for item in yaml.safe_load(path.read_text(encoding="utf-8")):
        case = library.get(item["case"])
        sup = score_formulation(item["text"], case.reference, case=case)
        errors.append(sup.total - item["mark"])
        if only and item["id"] not in only:
            continue
        pat = score_formulation(item["text"], case.reference, case=case, rubric="patient")
        print(f"=== {item['id']} {item['case']} {item['kind']} mark {item['mark']} | supervision {sup.total} "
              f"patient {pat.total} | read {sup.detected_primary} {sup.detected_stage} flags {sup.flags}")
        for c in sup.criteria:
            print(f"  S {c.label} {c.points:g}/{c.max_points:g}: {c.feedback}")
        for c in pat.criteria:
            print(f"  P {c.label} {c.points:g}/{c.max_points:g}: {c.feedback}")
    print(f"MAE {sum(abs(e) for e in errors) / len(errors):.2f}, bias {sum(errors) / len(errors):+.2f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:])
