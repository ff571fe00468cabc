"""Score an fb15 batch with its must / must_not sentences (supervision rubric, key hidden).
Usage: PYTHONPATH=<tree> python tests/data/fb15/run_batch.py batch_b.yaml"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from ipt_training.cases.library import CaseLibrary
from ipt_training.scoring.formulation import score_formulation

HERE = Path(__file__).parent


def main(name: str) -> None:
    library = CaseLibrary.load()
    errors, checks, failed = [], 0, []
    for item in yaml.safe_load((HERE / name).read_text()):
        case = library.get(item["case"])
        report = score_formulation(item["text"], case.reference, case=case)
        text = " ".join(c.feedback for c in report.criteria)
        errors.append(report.total - item["mark"])
        for s in item.get("must", []):
            checks += 1
            if s not in text:
                failed.append(f"{item['id']}: missing '{s}'")
        for s in item.get("must_not", []):
            checks += 1
            if s in text:
                failed.append(f"{item['id']}: has '{s}'")
        print(f"{item['id']:4} {item['case']:5} {item['kind']:22} auto {report.total:4} mark {item['mark']:4}")
    print(f"MAE {sum(abs(e) for e in errors) / len(errors):.2f}, bias {sum(errors) / len(errors):+.2f}, "
          f"sentence checks {checks - len(failed)}/{checks}")
    for f in failed:
        print("  FAIL", f)


if __name__ == "__main__":
    main(sys.argv[1])
